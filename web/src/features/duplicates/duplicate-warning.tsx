import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { Callout, Flex, Text } from '@radix-ui/themes';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ZPersonInput, type TPersonInput } from '../../../../shared/schemas/cases';
import { useDuplicateCheck } from '../../api/duplicates';
import { useCan } from '../../api/session';
import { useT } from '../../i18n/use-t';
import { DuplicateReasons, personLabel } from './reasons';

/** The value after it has stopped changing for `ms`. */
function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** The identity values the check compares. */
export const CHECKED_FIELDS = ['givenName', 'familyName', 'middleName', 'birthDate', 'phone', 'documentNumber'] as const;
type TChecked = (typeof CHECKED_FIELDS)[number];
export type TCheckedValues = Partial<Record<TChecked, string | null | undefined>>;

/**
 * What the form holds, as the check takes it: each value trimmed and only once the shared schema
 * accepts it (a half-typed date is left out rather than refused), a phone once it has six digits.
 */
export function checkablePerson(values: TCheckedValues): Partial<TPersonInput> {
  const out: Partial<Record<TChecked, string>> = {};
  for (const field of CHECKED_FIELDS) {
    const value = values[field]?.trim();
    if (!value || (field === 'phone' && value.replace(/\D/g, '').length < 6)) continue;
    const parsed = ZPersonInput.shape[field].safeParse(value);
    if (parsed.success && parsed.data !== undefined) out[field] = parsed.data;
  }
  return out;
}

/**
 * Shown under a person form while it is filled in: the persons of the organisation this one is
 * likely to be, with why, before anything is saved. `personId` is the record being edited (not
 * its own duplicate; with it, a link to compare and merge).
 */
export function DuplicateWarning({ person, personId }: { person: TCheckedValues; personId?: string }) {
  const t = useT();
  const canMerge = useCan('person.merge');
  // debounced as text: an equal value typed again is the same, and no render starts another timer
  const debounced = useDebounced(JSON.stringify(checkablePerson(person)), 400);
  const input = useMemo(() => JSON.parse(debounced) as Partial<TPersonInput>, [debounced]);
  const check = useDuplicateCheck(input, personId);
  const candidates = check.data?.candidates ?? [];
  if (candidates.length === 0) return null;
  return (
    <Callout.Root color="amber" role="status" data-testid="duplicate-warning">
      <Callout.Icon>
        <ExclamationTriangleIcon aria-hidden />
      </Callout.Icon>
      <Flex direction="column" gap="2">
        <Text weight="bold">{t('dup.warningTitle', { count: candidates.length })}</Text>
        <ul className="plain-list">
          {candidates.map((c) => (
            <li key={c.person.id}>
              <Flex direction="column" gap="1">
                <Text>
                  {personLabel(t, c.person)}{' '}
                  <Text color="gray">{t('dup.similarity', { score: Math.round(c.score * 100) })}</Text>
                </Text>
                <DuplicateReasons reasons={c.reasons} />
                <Flex gap="3" wrap="wrap">
                  {c.person.cases.map((k) => (
                    <Link key={k.id} to={`/cases/${k.id}`}>
                      {k.caseNumber}
                    </Link>
                  ))}
                  {canMerge && personId ? (
                    <Link to={`/duplicates/compare?a=${personId}&b=${c.person.id}`}>{t('dup.compareAndMerge')}</Link>
                  ) : null}
                </Flex>
              </Flex>
            </li>
          ))}
        </ul>
        <Text size="1" color="gray">
          {t('dup.warningHint')}
        </Text>
      </Flex>
    </Callout.Root>
  );
}
