// The region of an organisation: a native <select> of the region codes, names in the UI language.
import { forwardRef, useMemo, type SelectHTMLAttributes } from 'react';
import { REGIONS } from '../../../../shared/regions';
import { NativeSelect } from '../../components/native-select';
import { formattingLocale } from '../../i18n/intl-support';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

type TProps = SelectHTMLAttributes<HTMLSelectElement> & {
  /** a value saved before region codes existed: offered as it is so that saving keeps it */
  legacyValue?: string | null;
};

/** Cities of republican significance first, then the regions in the UI language's alphabetical order. */
export const RegionSelect = forwardRef<HTMLSelectElement, TProps>(function RegionSelect(
  { legacyValue, ...props },
  ref,
) {
  const t = useT();
  const { locale } = useLocale();
  const groups = useMemo(() => {
    const collator = new Intl.Collator(formattingLocale(locale));
    const named = REGIONS.map((r) => ({ code: r.code, kind: r.kind, name: r[locale] }));
    const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
    return {
      cities: named.filter((r) => r.kind === 'city'),
      regions: named.filter((r) => r.kind === 'region').sort(byName),
    };
  }, [locale]);
  const isLegacy = Boolean(legacyValue) && !REGIONS.some((r) => r.code === legacyValue);
  return (
    <NativeSelect ref={ref} {...props}>
      <option value="">{t('common.notSet')}</option>
      {isLegacy && legacyValue ? <option value={legacyValue}>{legacyValue}</option> : null}
      <optgroup label={t('region.cities')}>
        {groups.cities.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('region.regions')}>
        {groups.regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </optgroup>
    </NativeSelect>
  );
});
