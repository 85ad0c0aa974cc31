import { forwardRef, type SelectHTMLAttributes } from 'react';
import { STAFF_LOCALES } from '../../../../shared/locales';
import { NativeSelect } from '../../components/native-select';
import { useT } from '../../i18n/use-t';

/** A user's interface language, names in the current UI language. */
export const LocaleSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(
  function LocaleSelect(props, ref) {
    const t = useT();
    return (
      <NativeSelect ref={ref} {...props}>
        {STAFF_LOCALES.map((code) => (
          <option key={code} value={code}>
            {t(`localeName.${code}`)}
          </option>
        ))}
      </NativeSelect>
    );
  },
);
