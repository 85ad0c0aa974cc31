// Building blocks of the workflow panel: a titled part, the records it lists, a sealed text the
// reader may not see, an "add" button that opens its form, and the end of a form.
import { LockClosedIcon, PlusIcon } from '@radix-ui/react-icons';
import { Box, Button, Card, DataList, Flex, Heading, Text } from '@radix-ui/themes';
import { Fragment, useId, useRef, useState, type ReactNode } from 'react';
import { ErrorCallout } from '../../components/error-callout';
import { useT } from '../../i18n/use-t';

export function WorkflowPart({
  title,
  testId,
  empty,
  count,
  children,
  form,
}: {
  title: string;
  testId: string;
  /** shown when nothing has been recorded */
  empty: string;
  count: number;
  children: ReactNode;
  /** the form to add one, when the reader may */
  form?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <Heading as="h3" size="3" mb="2" id={headingId}>
        {title}
      </Heading>
      <Flex direction="column" gap="2">
        {count === 0 ? (
          <Text as="p" size="2" color="gray">
            {empty}
          </Text>
        ) : (
          <Flex asChild direction="column" gap="2" m="0" p="0">
            <ul aria-labelledby={headingId}>{children}</ul>
          </Flex>
        )}
        {form}
      </Flex>
    </section>
  );
}

/** One record of a part: a card with its values. */
export function RecordCard({
  children,
  testId,
  actions,
  footer,
}: {
  children: ReactNode;
  testId?: string;
  actions?: ReactNode;
  /** below the values (a notice) */
  footer?: ReactNode;
}) {
  return (
    <Box asChild display="block">
      <li data-testid={testId}>
        <Card size="1" variant="surface">
          <Flex justify="between" gap="3" align="start" wrap="wrap">
            <DataList.Root size="2">{children}</DataList.Root>
            {actions ? <Flex gap="2">{actions}</Flex> : null}
          </Flex>
          {footer ? <Box mt="2">{footer}</Box> : null}
        </Card>
      </li>
    </Box>
  );
}

export function Value({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  const isEmpty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.Label>{label}</DataList.Label>
      <DataList.Value>{isEmpty ? <Text color="gray">{t('common.notSet')}</Text> : children}</DataList.Value>
    </DataList.Item>
  );
}

/** A text as typed, its line breaks kept. */
export function MultilineText({ value }: { value: string }) {
  const lines = value.split('\n');
  return (
    <Text>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </Text>
  );
}

/** A sealed text: the text, "not recorded", or said to be hidden for the reader's role. */
export function SealedText({ value, redacted }: { value: string | null; redacted: boolean }) {
  const t = useT();
  if (value !== null && value !== '') return <MultilineText value={value} />;
  if (!redacted) return <Text color="gray">{t('common.notSet')}</Text>;
  return (
    <Text color="gray" size="2" data-testid="hidden-for-role">
      <Flex as="span" gap="1" align="center" display="inline-flex">
        <LockClosedIcon aria-hidden />
        {t('workflow.hiddenForRole')}
      </Flex>
    </Text>
  );
}

/**
 * An "add" button that opens its form in place; the form gets `close` (after a save or on cancel),
 * and focus goes back to the button.
 */
export function AddToggle({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (open)
    return (
      <Card size="2">
        {children(() => {
          setOpen(false);
          requestAnimationFrame(() => button.current?.focus());
        })}
      </Card>
    );
  return (
    <Flex>
      <Button type="button" variant="soft" ref={button} onClick={() => setOpen(true)} data-testid={testId}>
        <PlusIcon aria-hidden />
        {label}
      </Button>
    </Flex>
  );
}

/** The end of an add form: the server's error, Cancel and the submit button (disabled while saving). */
export function FormActions({
  error,
  isPending,
  submitLabel,
  onCancel,
  extra,
}: {
  error: unknown;
  isPending: boolean;
  submitLabel: string;
  onCancel?: () => void;
  extra?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <ErrorCallout error={error} />
      <Flex gap="3" justify="end" wrap="wrap">
        {extra}
        {onCancel ? (
          <Button type="button" variant="soft" color="gray" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" loading={isPending} disabled={isPending}>
          {submitLabel}
        </Button>
      </Flex>
    </>
  );
}
