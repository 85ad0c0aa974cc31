// Building blocks of the case file's sections: a titled card, read-only values, the "hidden for your
// role" text, the edit/view switch and the end of an edit form (with the fields of a 409).
import { LockClosedIcon, Pencil1Icon } from '@radix-ui/react-icons';
import { Button, Callout, Card, DataList, Flex, Heading, Text } from '@radix-ui/themes';
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { Notice } from '../../components/notice';
import { SaveChangesFooter } from '../../components/save-changes-footer';
import { useT } from '../../i18n/use-t';
import { useCaseLabels } from './labels';
import { conflictFields } from './request-resolver';

export function SectionCard({
  title,
  actions,
  children,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const headingId = useId();
  return (
    <Card size="3">
      <section aria-labelledby={headingId} data-testid={testId}>
        <Flex justify="between" align="center" gap="3" wrap="wrap" mb="3">
          <Heading as="h2" size="4" id={headingId}>
            {title}
          </Heading>
          {actions ? <Flex gap="2">{actions}</Flex> : null}
        </Flex>
        {children}
      </section>
    </Card>
  );
}

export function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h3" size="3" mt="4" mb="2">
      {children}
    </Heading>
  );
}

/** A label and its value; an empty value reads "Not set". */
export function ValueItem({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  const t = useT();
  const isEmpty =
    children === null ||
    children === undefined ||
    children === '' ||
    (Array.isArray(children) && children.length === 0);
  return (
    <DataList.Item>
      <DataList.Label>{label}</DataList.Label>
      <DataList.Value data-testid={testId}>
        {isEmpty ? <Text color="gray">{t('common.notSet')}</Text> : children}
      </DataList.Value>
    </DataList.Item>
  );
}

/** In place of values the reader's role may not see: said, not left blank. */
export function Hidden({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <Text color="gray" size="2" data-testid="hidden-for-role">
      <Flex as="span" gap="1" align="center" display="inline-flex">
        <LockClosedIcon aria-hidden />
        {children ?? t('caseFile.hiddenForRole')}
      </Flex>
    </Text>
  );
}

export function RedactedNotice({ children }: { children: ReactNode }) {
  return (
    <Callout.Root color="gray" role="note" data-testid="redacted-notice">
      <Callout.Icon>
        <LockClosedIcon aria-hidden />
      </Callout.Icon>
      <Callout.Text>{children}</Callout.Text>
    </Callout.Root>
  );
}

/**
 * A section's view/edit switch. The form is mounted only while editing, with the case as it was when
 * editing began (its version is the one sent); a reload after a conflict mounts it again.
 */
export function useEditing() {
  const [isEditing, setEditing] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const editButton = useRef<HTMLButtonElement>(null);
  const start = useCallback(() => {
    setSaved(false);
    setEditing(true);
  }, []);
  const stop = useCallback((saved: boolean) => {
    setEditing(false);
    setSaved(saved);
    // back to where the user was
    requestAnimationFrame(() => editButton.current?.focus());
  }, []);
  const remount = useCallback(() => setFormKey((k) => k + 1), []);
  return { isEditing, isSaved, formKey, editButton, start, stop, remount };
}
export type TEditing = ReturnType<typeof useEditing>;

/** "Edit" in view mode, "Cancel" while editing. */
export function EditToggle({
  editing,
  label,
  testId,
}: {
  editing: TEditing;
  label: string;
  testId?: string;
}) {
  const t = useT();
  return editing.isEditing ? (
    <Button type="button" variant="soft" color="gray" onClick={() => editing.stop(false)}>
      {t('common.cancel')}
    </Button>
  ) : (
    <Button
      type="button"
      variant="soft"
      ref={editing.editButton}
      onClick={editing.start}
      data-testid={testId}
    >
      <Pencil1Icon aria-hidden />
      {label}
    </Button>
  );
}

export function SavedNotice({ editing }: { editing: TEditing }) {
  const t = useT();
  return editing.isSaved && !editing.isEditing ? <Notice tone="success">{t('common.saved')}</Notice> : null;
}

/** What someone else changed since the form was opened (a 409), then the usual save footer. */
export function CaseFormFooter({
  update,
  isDirty,
  onReload,
}: {
  update: { error: Error | null; isPending: boolean; reset: () => void };
  isDirty: boolean;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const labels = useCaseLabels();
  const changed = conflictFields(update.error);
  return (
    <>
      {changed.length > 0 ? (
        <Text as="p" size="2" data-testid="conflict-fields">
          {t('caseFile.conflictFields', {
            fields: changed.map((f) => labels.field(f)).join(', '),
          })}
        </Text>
      ) : null}
      <SaveChangesFooter update={update} isSaved={false} isDirty={isDirty} onReload={onReload} />
    </>
  );
}
