// Native selects of the hotline code lists, labelled in the UI language (Radix Select injects styles).
import { forwardRef, type SelectHTMLAttributes } from 'react';
import type { TAppKey } from '../../../../shared/i18n/app/en';
import { NativeSelect } from '../../components/native-select';
import { useT } from '../../i18n/use-t';

type TProps = SelectHTMLAttributes<HTMLSelectElement> & {
  codes: readonly string[];
  /** the catalogue prefix of the codes' labels, e.g. `channel` for `channel.phone` */
  prefix: string;
  /** offer an empty choice first */
  placeholder?: string;
};

export const CodeSelect = forwardRef<HTMLSelectElement, TProps>(function CodeSelect(
  { codes, prefix, placeholder, ...props },
  ref,
) {
  const t = useT();
  return (
    <NativeSelect ref={ref} {...props}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {codes.map((code) => (
        <option key={code} value={code}>
          {t(`${prefix}.${code}` as TAppKey)}
        </option>
      ))}
    </NativeSelect>
  );
});
