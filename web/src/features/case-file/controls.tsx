// Controls of the case file's forms: native selects of code lists (Radix Select injects styles) and
// checkbox groups for multi-selects, every option labelled in the UI language.
import { Cross2Icon, PlusIcon } from '@radix-ui/react-icons';
import { Button, CheckboxGroup, Flex, Grid, IconButton, Text } from '@radix-ui/themes';
import { forwardRef, useId, useMemo, type SelectHTMLAttributes } from 'react';
import { codesOf, type THtcdsCodeListId } from '../../../../shared/htcds/code-lists';
import { NativeSelect } from '../../components/native-select';
import { formattingLocale } from '../../i18n/intl-support';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { COUNTRY_CODES } from './countries';
import { useCaseLabels, type TCaseFilePrefix } from './labels';

type TOption = { value: string; label: string };
type TSelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  /** the stored value, offered even when it is not among the options so that saving keeps it */
  current?: string | null;
  /** no empty choice (the field is required) */
  required?: boolean;
};

const OptionsSelect = forwardRef<HTMLSelectElement, TSelectProps & { options: TOption[] }>(
  function OptionsSelect({ options, current, required, ...props }, ref) {
    const t = useT();
    const missing = current && !options.some((o) => o.value === current);
    return (
      <NativeSelect ref={ref} {...props}>
        {required ? null : <option value="">{t('common.notSet')}</option>}
        {missing ? <option value={current}>{current}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    );
  },
);

export function useHtcdsOptions(list: THtcdsCodeListId, except: readonly string[] = []): TOption[] {
  const labels = useCaseLabels();
  const left = except.join(' ');
  return useMemo(
    () =>
      codesOf(list)
        .filter((code) => !left.split(' ').includes(code))
        .map((code) => ({ value: code, label: labels.htcds(list, code) })),
    [labels, list, left],
  );
}

export const HtcdsSelect = forwardRef<
  HTMLSelectElement,
  TSelectProps & { list: THtcdsCodeListId; except?: readonly string[] }
>(function HtcdsSelect({ list, except, ...props }, ref) {
  return <OptionsSelect ref={ref} options={useHtcdsOptions(list, except)} {...props} />;
});

export function usePrefixedOptions(prefix: TCaseFilePrefix, codes: readonly string[]): TOption[] {
  const labels = useCaseLabels();
  return useMemo(
    () => codes.map((code) => ({ value: code, label: labels.code(prefix, code) })),
    [labels, prefix, codes],
  );
}

export const PrefixedSelect = forwardRef<
  HTMLSelectElement,
  TSelectProps & { prefix: TCaseFilePrefix; codes: readonly string[] }
>(function PrefixedSelect({ prefix, codes, ...props }, ref) {
  return <OptionsSelect ref={ref} options={usePrefixedOptions(prefix, codes)} {...props} />;
});

/** Countries sorted by name in the UI language. */
export function useCountryOptions(): TOption[] {
  const labels = useCaseLabels();
  const { locale } = useLocale();
  return useMemo(() => {
    const collator = new Intl.Collator(formattingLocale(locale));
    return COUNTRY_CODES.map((code) => ({ value: code, label: labels.country(code) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [labels, locale]);
}

export const CountrySelect = forwardRef<HTMLSelectElement, TSelectProps>(function CountrySelect(props, ref) {
  return <OptionsSelect ref={ref} options={useCountryOptions()} {...props} />;
});

/** A multi-select as a group of checkboxes (keyboard: Tab between, Space toggles). */
export function CheckboxGroupField({
  legend,
  options,
  value,
  onChange,
  error,
  columns = 3,
  testId,
}: {
  legend: string;
  options: TOption[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  columns?: 1 | 2 | 3;
  testId?: string;
}) {
  const errorId = useId();
  // a stored code this web app does not know is kept (and can be unticked)
  const all = [
    ...options,
    ...value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v })),
  ];
  return (
    <fieldset className="fieldset" aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend>
        <Text size="2" weight="bold">
          {legend}
        </Text>
      </legend>
      <CheckboxGroup.Root value={value} onValueChange={onChange} size="2">
        <Grid columns={{ initial: '1', sm: columns >= 2 ? '2' : '1', md: String(columns) }} gap="1">
          {all.map((o) => (
            <CheckboxGroup.Item key={o.value} value={o.value}>
              {o.label}
            </CheckboxGroup.Item>
          ))}
        </Grid>
      </CheckboxGroup.Root>
      {error ? (
        <Text id={errorId} size="1" color="red" role="alert">
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}

/** A short list of countries (dual citizenship): one select per country, add and remove. */
export function CountryListField({
  legend,
  value,
  onChange,
  max,
}: {
  legend: string;
  value: string[];
  onChange: (value: string[]) => void;
  max: number;
}) {
  const t = useT();
  const labels = useCaseLabels();
  const id = useId();
  return (
    <fieldset className="fieldset">
      <legend>
        <Text size="2" weight="bold">
          {legend}
        </Text>
      </legend>
      <Flex direction="column" gap="2">
        {value.map((code, index) => (
          <Flex key={index} gap="2" align="center">
            <label htmlFor={`${id}-${index}`} className="visually-hidden">
              {t('caseFile.person.citizenshipN', { n: index + 1 })}
            </label>
            <CountrySelect
              id={`${id}-${index}`}
              value={code}
              current={code}
              onChange={(e) => onChange(value.map((v, i) => (i === index ? e.target.value : v)))}
            />
            <IconButton
              type="button"
              variant="ghost"
              color="gray"
              aria-label={t('caseFile.removeItem', { item: labels.country(code) || String(index + 1) })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <Cross2Icon aria-hidden />
            </IconButton>
          </Flex>
        ))}
        {value.length < max ? (
          <Flex>
            <Button type="button" variant="soft" size="1" onClick={() => onChange([...value, ''])}>
              <PlusIcon aria-hidden />
              {t('caseFile.person.addCitizenship')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </fieldset>
  );
}
