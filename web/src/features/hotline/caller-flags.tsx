// The flags of a recognised caller (abusive, at risk) with their expiry, and flagging the caller of
// the contact just saved: the phone never comes back from the server, so the flag names the contact.
import { Badge, Button, Flex, Grid, Text, TextArea } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { CALLER_FLAGS, type TCallerFlagKind } from '../../../../shared/schemas/contacts';
import { useClearCallerFlag, useFlagCaller, type TCallerFlag } from '../../api/hotline';
import { useCan } from '../../api/session';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { TextInputField } from '../../components/text-input-field';
import { useFormatDateTime, useT } from '../../i18n/use-t';

const FLAG_COLOURS = { abusive: 'red', at_risk: 'amber' } as const;

/** The end of a calendar day (local time) as an instant, or null when it is not ahead. */
export function expiryInstant(day: string, now = Date.now()): string | null {
  const time = new Date(`${day}T23:59:59`).getTime();
  return Number.isNaN(time) || time <= now ? null : new Date(time).toISOString();
}

function FlagForm({
  contactId,
  onFlagged,
  onCancel,
}: {
  contactId: string;
  onFlagged: (f: TCallerFlag) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const flagCaller = useFlagCaller();
  const [flag, setFlag] = useState<TCallerFlagKind>('abusive');
  const [note, setNote] = useState('');
  const [until, setUntil] = useState('');
  const [untilError, setUntilError] = useState<string | undefined>();
  const today = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const min = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const expiresAt = until ? expiryInstant(until) : null;
    if (until && !expiresAt) {
      setUntilError(t('callerFlag.untilInPast'));
      return;
    }
    setUntilError(undefined);
    flagCaller.mutate(
      { contactId, flag, ...(note.trim() ? { note: note.trim() } : {}), ...(expiresAt ? { expiresAt } : {}) },
      { onSuccess: onFlagged },
    );
  };

  return (
    <form onSubmit={submit} aria-label={t('callerFlag.formLabel')} noValidate>
      <Flex direction="column" gap="2">
        <Grid columns={{ initial: '1', sm: '2' }} gap="2">
          <FormField label={t('callerFlag.kind')}>
            {({ id }) => (
              <NativeSelect id={id} value={flag} onChange={(e) => setFlag(e.target.value as TCallerFlagKind)}>
                {CALLER_FLAGS.map((code) => (
                  <option key={code} value={code}>
                    {t(`callerFlag.kind.${code}`)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <TextInputField
            label={t('callerFlag.until')}
            hint={t('callerFlag.untilHint')}
            error={untilError}
            type="date"
            min={min}
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
        </Grid>
        <FormField label={t('callerFlag.note')} hint={t('callerFlag.noteHint')}>
          {({ id, describedBy }) => (
            <TextArea
              id={id}
              aria-describedby={describedBy}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </FormField>
        <ErrorCallout error={flagCaller.error} />
        <Flex gap="2" justify="end">
          <Button type="button" variant="soft" color="gray" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={flagCaller.isPending}>
            {t('callerFlag.submit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

export function CallerFlags({
  contactId,
  hasCallerPhone,
  initial,
}: {
  contactId: string;
  hasCallerPhone: boolean;
  initial: TCallerFlag[];
}) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const canFlag = useCan('caller.flag');
  const clear = useClearCallerFlag();
  const [flags, setFlags] = useState(initial);
  const [isAdding, setAdding] = useState(false);
  if (flags.length === 0 && !(canFlag && hasCallerPhone)) return null;
  return (
    <Flex direction="column" gap="2" data-testid="caller-flags">
      {flags.length > 0 ? (
        <Flex asChild direction="column" gap="1" p="0" m="0">
          <ul aria-label={t('callerFlag.listLabel')}>
            {flags.map((f) => (
              <li key={f.id} data-flag-id={f.id}>
                <Flex gap="2" align="center" wrap="wrap">
                  <Badge color={FLAG_COLOURS[f.flag]} size="2">
                    {t(`callerFlag.kind.${f.flag}`)}
                  </Badge>
                  <Text size="2" color="gray">
                    {f.expiresAt
                      ? t('callerFlag.expires', { date: formatDateTime(f.expiresAt) ?? '' })
                      : t('callerFlag.noExpiry')}
                  </Text>
                  {f.note ? <Text size="2">{f.note}</Text> : null}
                  {canFlag ? (
                    <Button
                      type="button"
                      size="1"
                      variant="soft"
                      color="gray"
                      loading={clear.isPending && clear.variables === f.id}
                      onClick={() =>
                        clear.mutate(f.id, {
                          onSuccess: () => setFlags((list) => list.filter((x) => x.id !== f.id)),
                        })
                      }
                    >
                      {t('callerFlag.clear')}
                    </Button>
                  ) : null}
                </Flex>
              </li>
            ))}
          </ul>
        </Flex>
      ) : null}
      <ErrorCallout error={clear.error} />
      {canFlag && hasCallerPhone ? (
        isAdding ? (
          <FlagForm
            contactId={contactId}
            onCancel={() => setAdding(false)}
            onFlagged={(f) => {
              setFlags((list) => [f, ...list]);
              setAdding(false);
            }}
          />
        ) : (
          <Flex>
            <Button type="button" variant="soft" color="red" highContrast onClick={() => setAdding(true)}>
              {t('callerFlag.add')}
            </Button>
          </Flex>
        )
      ) : null}
    </Flex>
  );
}
