// The case's attachments: the list (kind, name, size, date, who added it), download, delete with a
// confirmation, and an upload form that checks size and type before sending anything.
import { DownloadIcon, TrashIcon, UploadIcon } from '@radix-ui/react-icons';
import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { ATTACHMENT_KINDS } from '../../../../shared/schemas/case-file';
import {
  downloadAttachment,
  fileMime,
  useAttachments,
  useDeleteAttachment,
  useUploadAttachment,
  type TAttachmentKind,
  type TListedAttachment,
} from '../../api/attachments';
import { useCan } from '../../api/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { Notice } from '../../components/notice';
import { useLocale } from '../../i18n/locale-provider';
import { useFormatDateTime, useT, type TTranslate } from '../../i18n/use-t';

const MAX_MB = LIMITS.attachmentMaxBytes / 1_000_000;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp';

export function formatSize(t: TTranslate, bytes: number): string {
  if (bytes < 1_000_000) return t('attachments.sizeKb', { value: Math.max(1, Math.round(bytes / 1000)) });
  return t('attachments.sizeMb', { value: Math.round(bytes / 100_000) / 10 });
}

/** The case's attachments (upload, list, open), on the case page. */
export function AttachmentsPanel({ caseId }: { caseId: string }) {
  const t = useT();
  const canRead = useCan('attachment.read');
  const canCreate = useCan('attachment.create');
  const canDelete = useCan('attachment.delete');
  const list = useAttachments(caseId, canRead);
  if (!canRead) return null;
  return (
    <Card size="3" data-testid="attachments-panel">
      <Flex direction="column" gap="4">
        <Heading as="h2" size="4">
          {t('attachments.heading')}
        </Heading>
        {list.isError ? <ErrorCallout error={list.error} /> : null}
        {list.data ? <AttachmentsTable caseId={caseId} items={list.data} canDelete={canDelete} /> : null}
        {list.isPending ? <Text color="gray">{t('common.loading')}</Text> : null}
        {canCreate ? <UploadForm caseId={caseId} /> : null}
      </Flex>
    </Card>
  );
}

function AttachmentsTable({
  caseId,
  items,
  canDelete,
}: {
  caseId: string;
  items: TListedAttachment[];
  canDelete: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const formatDateTime = useFormatDateTime();
  const remove = useDeleteAttachment(caseId);
  const [asking, setAsking] = useState<TListedAttachment | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const nameOf = (a: TListedAttachment) => a.filename ?? t('attachments.hiddenName');

  const download = (a: TListedAttachment) => {
    setDownloadError(null);
    downloadAttachment(caseId, a.id, locale).catch(setDownloadError);
  };

  return (
    <Flex direction="column" gap="3">
      {deleted ? <Notice>{t('attachments.deleted')}</Notice> : null}
      <ErrorCallout error={downloadError ?? remove.error} />
      {items.length === 0 ? (
        <Text color="gray">{t('attachments.empty')}</Text>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="attachments-table">
            <caption className="visually-hidden">{t('attachments.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attachments.col.name')}</th>
                <th scope="col">{t('attachments.col.kind')}</th>
                <th scope="col">{t('attachments.col.size')}</th>
                <th scope="col">{t('attachments.col.date')}</th>
                <th scope="col">{t('attachments.col.uploader')}</th>
                <th scope="col">{t('attachments.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-testid="attachment-row">
                  <th scope="row">{nameOf(a)}</th>
                  <td>{t(`attachments.kind.${a.kind}`)}</td>
                  <td>{formatSize(t, a.sizeBytes)}</td>
                  <td>{formatDateTime(a.createdAt)}</td>
                  <td>{a.createdByName ?? t('attachments.unknownUser')}</td>
                  <td>
                    <Flex gap="2" wrap="wrap">
                      <Button
                        type="button"
                        size="1"
                        variant="soft"
                        aria-label={t('attachments.downloadLabel', { name: nameOf(a) })}
                        onClick={() => download(a)}
                      >
                        <DownloadIcon aria-hidden />
                        {t('attachments.download')}
                      </Button>
                      {canDelete ? (
                        <Button
                          type="button"
                          size="1"
                          variant="soft"
                          color="red"
                          aria-label={t('attachments.deleteLabel', { name: nameOf(a) })}
                          onClick={() => {
                            setDeleted(false);
                            setAsking(a);
                          }}
                        >
                          <TrashIcon aria-hidden />
                          {t('attachments.delete')}
                        </Button>
                      ) : null}
                    </Flex>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t('attachments.deleteTitle')}
        body={asking ? t('attachments.deleteConfirm', { name: nameOf(asking) }) : ''}
        confirmLabel={t('attachments.delete')}
        isPending={remove.isPending}
        onConfirm={() =>
          asking &&
          remove.mutate(asking.id, {
            onSuccess: () => setDeleted(true),
            onSettled: () => setAsking(null),
          })
        }
        onClose={() => setAsking(null)}
      />
    </Flex>
  );
}

function UploadForm({ caseId }: { caseId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const upload = useUploadAttachment(caseId, locale);
  const [kind, setKind] = useState<TAttachmentKind>('identity_document');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  /** The client-side check: the server checks again (and the file's first bytes). */
  const check = (f: File | null): string | null => {
    if (!f) return t('attachments.upload.noFile');
    if (fileMime(f) === null) return t('attachments.upload.wrongType');
    if (f.size === 0) return t('attachments.upload.empty');
    if (f.size > LIMITS.attachmentMaxBytes) return t('attachments.upload.tooLarge', { max: MAX_MB });
    return null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found = check(file);
    setProblem(found);
    if (found || !file) return;
    upload.mutate(
      { file, mime: fileMime(file)!, filename: file.name, kind },
      {
        onSuccess: (a) => {
          setDone(t('attachments.upload.done', { name: a.filename ?? file.name }));
          setFile(null);
          if (input.current) input.current.value = '';
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${caseId}-upload-heading`}>
      <Flex direction="column" gap="3">
        <Heading as="h3" size="3" id={`${caseId}-upload-heading`}>
          {t('attachments.upload.heading')}
        </Heading>
        {done ? <Notice>{done}</Notice> : null}
        <ErrorCallout error={upload.error} />
        <Flex gap="3" wrap="wrap" align="start">
          <FormField label={t('attachments.upload.kind')}>
            {({ id }) => (
              <NativeSelect id={id} value={kind} onChange={(e) => setKind(e.target.value as TAttachmentKind)}>
                {ATTACHMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`attachments.kind.${k}`)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <FormField
            label={t('attachments.upload.file')}
            hint={t('attachments.upload.hint', { max: MAX_MB })}
            error={problem ?? undefined}
          >
            {({ id, describedBy, invalid }) => (
              <input
                ref={input}
                id={id}
                type="file"
                accept={ACCEPT}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                data-testid="attachment-file"
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setFile(chosen);
                  setDone(null);
                  setProblem(chosen ? check(chosen) : null);
                }}
              />
            )}
          </FormField>
        </Flex>
        <Flex>
          <Button type="submit" loading={upload.isPending}>
            <UploadIcon aria-hidden />
            {t('attachments.upload.submit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
