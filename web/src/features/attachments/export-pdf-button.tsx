// The case summary as a PDF for the paper file, in the UI language; shown to roles with case.export.
import { FileTextIcon } from '@radix-ui/react-icons';
import { Button, Flex, Text } from '@radix-ui/themes';
import { useDownloadSummaryPdf } from '../../api/attachments';
import { useCan } from '../../api/session';
import { errorMessage } from '../../components/error-callout';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

/** Download the case summary as a PDF in the user's language, on the case page. */
export function ExportPdfButton({ caseId }: { caseId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const canExport = useCan('case.export');
  const download = useDownloadSummaryPdf(caseId, locale);
  if (!canExport) return null;
  return (
    <Flex direction="column" gap="1" align="start" className="no-print">
      <Button
        type="button"
        variant="soft"
        loading={download.isPending}
        onClick={() => download.mutate()}
        data-testid="export-pdf"
      >
        <FileTextIcon aria-hidden />
        {t('attachments.exportPdf')}
      </Button>
      {download.isError ? (
        <Text size="1" color="red" role="alert">
          {t('attachments.exportPdfError')} {errorMessage(t, download.error)}
        </Text>
      ) : null}
    </Flex>
  );
}
