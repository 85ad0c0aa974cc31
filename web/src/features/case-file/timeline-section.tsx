// Everything that happened on the case, newest first, with who and when; and the hotline contacts
// attached to it.
import { Badge, Flex, Text } from '@radix-ui/themes';
import type { TCaseFile, TCaseTimelineEntry } from '../../api/case-file';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { useCaseLabels } from './labels';
import { SectionCard, SubHeading } from './section';
import { useUserNames } from './user-names';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function EntryDetails({ entry }: { entry: TCaseTimelineEntry }) {
  const t = useT();
  const labels = useCaseLabels();
  // the kind of a route or consent entry already names its section
  const namesSection = entry.kind.startsWith('traffickingEvent') || entry.kind.startsWith('consent');
  const fields = namesSection ? [] : strings(entry.payload.fields);
  const type = typeof entry.payload.type === 'string' ? entry.payload.type : null;
  const parts: string[] = [];
  if (fields.length > 0)
    parts.push(
      t('caseFile.timeline.changed', {
        fields: fields.map((f) => labels.field(f)).join(', '),
      }),
    );
  if (type && entry.kind.startsWith('traffickingEvent'))
    parts.push(labels.htcds('traffickingEventType', type));
  if (parts.length === 0) return null;
  return (
    <Text size="2" color="gray">
      {parts.join(' · ')}
    </Text>
  );
}

export function TimelineSection({ caseFile }: { caseFile: TCaseFile }) {
  const t = useT();
  const labels = useCaseLabels();
  const formatDateTime = useFormatDateTime();
  const { nameOf } = useUserNames();
  const entries = [...caseFile.timeline].sort((a, b) => b.at.localeCompare(a.at));
  const contacts = [...caseFile.contacts].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <SectionCard title={t('caseFile.tab.timeline')} testId="timeline-section">
      {entries.length === 0 ? (
        <Text as="p" color="gray">
          {t('caseFile.timeline.empty')}
        </Text>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="case-timeline">
            <caption className="visually-hidden">{t('caseFile.timeline.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.timeline.when')}</th>
                <th scope="col">{t('caseFile.timeline.what')}</th>
                <th scope="col">{t('caseFile.timeline.who')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => (
                <tr key={`${entry.at}-${i}`} data-kind={entry.kind}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td>
                    <Flex direction="column" gap="1">
                      <Text weight="medium">{labels.code('caseFile.event', entry.kind)}</Text>
                      <EntryDetails entry={entry} />
                    </Flex>
                  </td>
                  <td>{nameOf(entry.userId) ?? t('caseFile.system')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <SubHeading>{t('caseFile.timeline.contacts')}</SubHeading>
      {contacts.length === 0 ? (
        <Text as="p" color="gray">
          {t('caseFile.timeline.noContacts')}
        </Text>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="case-contacts">
            <caption className="visually-hidden">{t('caseFile.timeline.contacts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.timeline.when')}</th>
                <th scope="col">{t('caseFile.timeline.contactType')}</th>
                <th scope="col">{t('caseFile.timeline.channel')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <td>
                    <time dateTime={c.startedAt}>{formatDateTime(c.startedAt)}</time>
                  </td>
                  <td>
                    <Badge color="indigo" variant="soft">
                      {labels.code('contactType', c.contactType)}
                    </Badge>
                  </td>
                  <td>{labels.code('channel', c.channel)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
