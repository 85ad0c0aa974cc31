// A tile map of Kazakhstan's 20 regions (no map library, nothing from the internet): each tile is a
// toggle button with the region's name and its count of partners; pressing it filters the list.
import { Flex, Heading, Text } from '@radix-ui/themes';
import { useId } from 'react';
import { REGIONS } from '../../../../shared/regions';
import { useT } from '../../i18n/use-t';
import { usePartnerLabels } from './labels';

/** 0: none, 1: one, 2: two or three, 3: more: the tile's shade. */
const level = (count: number) => (count === 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : 3);

export function RegionMap({
  byRegion,
  selected,
  onSelect,
}: {
  byRegion: readonly { region: string; count: number }[];
  selected: string;
  onSelect: (region: string) => void;
}) {
  const t = useT();
  const labels = usePartnerLabels();
  const headingId = useId();
  const hintId = useId();
  const counts = new Map(byRegion.map((r) => [r.region, r.count]));
  return (
    <section aria-labelledby={headingId} data-testid="region-map">
      <Flex direction="column" gap="1" mb="2">
        <Heading as="h2" size="4" id={headingId}>
          {t('partners.map.title')}
        </Heading>
        <Text size="1" color="gray" id={hintId}>
          {t('partners.map.hint')}
        </Text>
      </Flex>
      <ul className="region-map" aria-describedby={hintId}>
        {REGIONS.map((r) => {
          const count = counts.get(r.code) ?? 0;
          const name = labels.region(r.code);
          const isSelected = selected === r.code;
          return (
            <li key={r.code} className={`tile-${r.code}`}>
              <button
                type="button"
                className="region-tile"
                data-level={level(count)}
                data-kind={r.kind}
                data-region={r.code}
                aria-pressed={isSelected}
                onClick={() => onSelect(isSelected ? '' : r.code)}
              >
                <span>{name}</span>
                <span className="region-tile-count" aria-hidden>
                  {count}
                </span>
                <span className="visually-hidden">{t('partners.count', { count })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
