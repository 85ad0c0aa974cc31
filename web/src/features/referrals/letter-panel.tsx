// A letter for a partner without Senim: "Issue letter" returns the one-time answer link and the
// reply code, shown once here with copy buttons, and the PDF to download (it carries both). The
// partner answers through the link, or the sender records the answer it received.
import { DownloadIcon, FileTextIcon } from '@radix-ui/react-icons';
import { Button, Callout, Card, DataList, Flex, Heading, Text } from '@radix-ui/themes';
import type { TReferral } from '../../../../shared/schemas/referrals';
import { useIssueReferralLetter } from '../../api/referrals';
import { CopyButton } from '../../components/copy-button';
import { ErrorCallout } from '../../components/error-callout';
import { useFormatDateTime, useT } from '../../i18n/use-t';

export function LetterPanel({ referral, canIssue }: { referral: TReferral; canIssue: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const issue = useIssueReferralLetter(referral.id);
  const issued = issue.data;
  return (
    <Card size="2" data-testid="referral-letter">
      <Flex direction="column" gap="3">
        <Heading as="h3" size="3">
          {t('referrals.delivery.letter')}
        </Heading>
        {issued ? (
          <>
            <Callout.Root color="amber" role="status">
              <Callout.Text>{t('referrals.letter.intro')}</Callout.Text>
            </Callout.Root>
            <DataList.Root size="2">
              <DataList.Item>
                <DataList.Label>{t('referrals.letter.link')}</DataList.Label>
                <DataList.Value>
                  <Flex direction="column" gap="2">
                    <Text className="referral-secret" data-testid="letter-link">
                      {issued.link}
                    </Text>
                    <Flex>
                      <CopyButton text={issued.link} label={t('referrals.letter.copyLink')} />
                    </Flex>
                  </Flex>
                </DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>{t('referrals.letter.code')}</DataList.Label>
                <DataList.Value>
                  <Flex gap="3" align="center" wrap="wrap">
                    <Text className="referral-secret" size="4" weight="bold" data-testid="letter-code">
                      {issued.replyCode}
                    </Text>
                    <CopyButton text={issued.replyCode} label={t('referrals.letter.copyCode')} />
                  </Flex>
                </DataList.Value>
              </DataList.Item>
            </DataList.Root>
            <Text size="2" color="gray">
              {t('referrals.letter.expires', { date: formatDateTime(issued.expiresAt) ?? '' })}
            </Text>
            <Flex>
              <Button asChild>
                <a href={issued.pdfUrl} download data-testid="letter-pdf">
                  <DownloadIcon aria-hidden />
                  {t('referrals.letter.download')}
                </a>
              </Button>
            </Flex>
          </>
        ) : canIssue ? (
          <>
            {referral.letter?.expiresAt ? (
              <Text size="2" color="gray">
                {t('referrals.letter.confirm')}
              </Text>
            ) : null}
            <ErrorCallout error={issue.error} />
            <Flex>
              <Button
                type="button"
                onClick={() => {
                  if (!issue.isPending) issue.mutate();
                }}
                loading={issue.isPending}
                disabled={issue.isPending}
                data-testid="issue-letter"
              >
                <FileTextIcon aria-hidden />
                {t('referrals.action.letter')}
              </Button>
            </Flex>
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
