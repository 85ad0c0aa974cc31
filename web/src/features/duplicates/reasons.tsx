import { Badge, Flex } from '@radix-ui/themes';
import type { TDuplicateReason, TPersonBrief } from '../../../../shared/schemas/persons';
import { useT } from '../../i18n/use-t';

const COLOR = { exact: 'green', strong: 'green', partial: 'amber' } as const;

/** Which fields agree and how strongly, as badges ("Name: strong"). */
export function DuplicateReasons({ reasons }: { reasons: readonly TDuplicateReason[] }) {
  const t = useT();
  return (
    <Flex gap="1" wrap="wrap">
      {reasons.map((r) => (
        <Badge key={r.field} color={COLOR[r.strength]} variant="soft">
          {t('dup.reason', { field: t(`dup.field.${r.field}`), strength: t(`dup.strength.${r.strength}`) })}
        </Badge>
      ))}
    </Flex>
  );
}

/** "Тлегенова Гульдан, 08.03.1994" when identity is visible, otherwise "a person (born 1994)". */
export function personLabel(t: ReturnType<typeof useT>, p: TPersonBrief): string {
  const id = p.identity;
  if (id) {
    const name = [id.familyName, id.givenName, id.middleName].filter(Boolean).join(' ') || t('dup.noName');
    return id.birthDate ? `${name}, ${id.birthDate}` : name;
  }
  return p.birthYear ? t('dup.hiddenPersonBorn', { year: String(p.birthYear) }) : t('dup.hiddenPerson');
}
