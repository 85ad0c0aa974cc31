import { DownloadIcon, UploadIcon } from '@radix-ui/react-icons';
import { Button, Card, Code, Flex, Heading, Link, Text } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/limits';
import {
  HTCDS_EXPORT_URL,
  HTCDS_IMPORT_MODES,
  saveText,
  useImportHtcds,
  type THtcdsImportMode,
  type THtcdsImportOutcome,
} from '../api/htcds';
import { ApiError } from '../api/client';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { FormField } from '../components/form-field';
import { Notice } from '../components/notice';
import { PageTitle } from '../components/page-title';
import { Pagination } from '../components/pagination';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

const MAX_MB = Math.floor(LIMITS.htcdsImportMaxBytes / 1_000_000);
const ERRORS_PER_PAGE = 25;

function rejectedName(original: string): string {
  return `${original.replace(/\.csv$/i, '') || 'htcds'}.rejected.csv`;
}

/** What an import did: counts, ignored columns, the refused lines (paged), the refused rows to download. */
function ImportResult({ outcome, fileName }: { outcome: THtcdsImportOutcome; fileName: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const { result, refusal } = outcome;
  const pages = Math.max(1, Math.ceil(result.errors.length / ERRORS_PER_PAGE));
  const shown = result.errors.slice((page - 1) * ERRORS_PER_PAGE, page * ERRORS_PER_PAGE);
  return (
    <Flex direction="column" gap="3" data-testid="htcds-result">
      {refusal !== null ? (
        <ErrorCallout error={new ApiError(400, 'htcds.rowsInvalid', refusal)} />
      ) : (
        <Notice>
          {t('htcdsIo.imported', {
            imported: result.imported,
            rows: result.rows,
            seconds: Math.max(0.1, Math.round(result.seconds * 10) / 10),
          })}{' '}
          {result.rejected > 0 ? t('htcdsIo.skipped', { count: result.rejected }) : null}
        </Notice>
      )}
      {result.unknownColumns.length > 0 ? (
        <Notice tone="warning">
          {t('htcdsIo.unknownColumns', { columns: result.unknownColumns.map((c) => c.name).join(', ') })}
        </Notice>
      ) : null}
      {result.errors.length > 0 ? (
        <Flex direction="column" gap="2">
          <Heading as="h3" size="3">
            {t('htcdsIo.errorsHeading')}
          </Heading>
          {result.errorsTotal > result.errors.length ? (
            <Text size="2" color="gray">
              {t('htcdsIo.errorsTruncated', { shown: result.errors.length, total: result.errorsTotal })}
            </Text>
          ) : null}
          <div className="table-wrap">
            <table className="data-table" data-testid="htcds-errors">
              <caption className="visually-hidden">{t('htcdsIo.errorsHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('htcdsIo.colLine')}</th>
                  <th scope="col">{t('htcdsIo.colColumn')}</th>
                  <th scope="col">{t('htcdsIo.colProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e, i) => (
                  <tr key={`${e.line}-${i}`}>
                    <td>{e.line}</td>
                    <td>{e.column ? <Code variant="ghost">{e.column}</Code> : null}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pages={pages} onPage={setPage} />
        </Flex>
      ) : null}
      {result.rejectedCsv ? (
        <Flex direction="column" gap="1" align="start">
          <Button
            type="button"
            variant="soft"
            onClick={() => saveText(result.rejectedCsv!, rejectedName(fileName))}
          >
            <DownloadIcon aria-hidden />
            {t('htcdsIo.downloadRejected')}
          </Button>
          <Text size="1" color="gray">
            {t('htcdsIo.rejectedHint')}
          </Text>
        </Flex>
      ) : null}
    </Flex>
  );
}

function ImportForm() {
  const t = useT();
  const { locale } = useLocale();
  const upload = useImportHtcds(locale);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<THtcdsImportMode>('all');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string>('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem(t('htcdsIo.fileRequired'));
    if (file.size > LIMITS.htcdsImportMaxBytes) return setProblem(t('htcdsIo.fileTooLarge', { max: MAX_MB }));
    setProblem(null);
    setSent(file.name);
    upload.mutate({ file, mode });
  };

  return (
    <Card size="3">
      <Flex direction="column" gap="4">
        <Heading as="h2" size="4">
          {t('htcdsIo.importHeading')}
        </Heading>
        <Text as="p" size="2" color="gray">
          {t('htcdsIo.importIntro')}
        </Text>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="4">
            <FormField
              label={t('htcdsIo.file')}
              hint={t('htcdsIo.fileHint', { max: MAX_MB })}
              error={problem ?? undefined}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  data-testid="htcds-file"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setProblem(null);
                  }}
                />
              )}
            </FormField>
            <fieldset className="plain-fieldset">
              <legend>
                <Text size="2" weight="bold">
                  {t('htcdsIo.modeLegend')}
                </Text>
              </legend>
              <Flex direction="column" gap="1" mt="1">
                {HTCDS_IMPORT_MODES.map((m) => (
                  <Text as="label" size="2" key={m}>
                    <Flex gap="2" align="center">
                      <input
                        type="radio"
                        name="htcds-mode"
                        value={m}
                        checked={mode === m}
                        onChange={() => setMode(m)}
                      />
                      {t(`htcdsIo.mode.${m}`)}
                    </Flex>
                  </Text>
                ))}
              </Flex>
            </fieldset>
            <Flex>
              <Button type="submit" loading={upload.isPending}>
                <UploadIcon aria-hidden />
                {t('htcdsIo.submit')}
              </Button>
            </Flex>
          </Flex>
        </form>
        <ErrorCallout error={upload.error} />
        {upload.data && !upload.isPending ? (
          <ImportResult key={upload.data.result.importId} outcome={upload.data} fileName={sent} />
        ) : null}
      </Flex>
    </Card>
  );
}

function ExportPanel() {
  const t = useT();
  const readsSensitive = useCan('case.readSensitive');
  return (
    <Card size="3">
      <Flex direction="column" gap="3" align="start">
        <Heading as="h2" size="4">
          {t('htcdsIo.exportHeading')}
        </Heading>
        <Text as="p" size="2" color="gray">
          {t('htcdsIo.exportIntro')}
        </Text>
        {readsSensitive ? null : (
          <Text as="p" size="2" color="gray" data-testid="htcds-export-note">
            {t('htcdsIo.exportSensitiveNote')}
          </Text>
        )}
        <Link href={HTCDS_EXPORT_URL} download data-testid="htcds-export" weight="medium">
          <DownloadIcon aria-hidden /> {t('htcdsIo.exportLink')}
        </Link>
      </Flex>
    </Card>
  );
}

/** Administrators: HTCDS import and export. */
export default function HtcdsPage() {
  const t = useT();
  const canImport = useCan('htcds.import');
  const canExport = useCan('htcds.export');
  if (!canImport && !canExport) return <NotFoundPage />;
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('htcdsIo.title')} />
      <Text as="p" size="2" color="gray">
        {t('htcdsIo.intro')}
      </Text>
      {canImport ? <ImportForm /> : null}
      {canExport ? <ExportPanel /> : null}
    </Flex>
  );
}
