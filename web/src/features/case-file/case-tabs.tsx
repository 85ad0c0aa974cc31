// The case file's sections as tabs (arrow keys move between them). The open tab is in the address
// (?tab=route) so that a reload or a shared link opens the same section; a section once opened stays
// mounted (hidden), so switching tabs does not lose an edit in progress.
import { Box, Tabs } from '@radix-ui/themes';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { TAppKey } from '../../../../shared/i18n/app/en';
import { mayEditFile, type TCaseFile } from '../../api/case-file';
import { Notice } from '../../components/notice';
import { useT } from '../../i18n/use-t';
import { AttachmentsPanel } from '../attachments/attachments-panel';
import { useCan } from '../../api/session';
import { CaseReferralsSection } from '../referrals/case-referrals-section';
import { TasksPanel } from '../case-workflow/tasks-panel';
import { WorkflowPanel } from '../case-workflow/workflow-panel';
import { ConsentSection } from './consent-section';
import { PersonSection } from './person-section';
import { RouteSection } from './route-section';
import { SensitiveSection } from './sensitive-section';
import { TimelineSection } from './timeline-section';
import { VictimSection } from './victim-section';

export const CASE_TABS = [
  'person',
  'victim',
  'sensitive',
  'route',
  'consent',
  'work',
  'attachments',
  'referrals',
  'timeline',
] as const;
type TTab = (typeof CASE_TABS)[number];

export function CaseTabs({ caseFile, onReload }: { caseFile: TCaseFile; onReload: () => Promise<unknown> }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const mayReadSensitive = caseFile.actions.includes('case.readSensitive');
  const mayReadReferrals = useCan('referral.read');
  const tabs = CASE_TABS.filter(
    (tab) => (tab !== 'sensitive' || mayReadSensitive) && (tab !== 'referrals' || mayReadReferrals),
  );
  const asked = params.get('tab');
  const tab: TTab = tabs.includes(asked as TTab) ? (asked as TTab) : 'person';
  const [visited, setVisited] = useState<ReadonlySet<TTab>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));

  const content: Record<TTab, () => ReactNode> = {
    person: () => <PersonSection caseFile={caseFile} onReload={onReload} />,
    victim: () => <VictimSection caseFile={caseFile} onReload={onReload} />,
    sensitive: () => <SensitiveSection caseFile={caseFile} onReload={onReload} />,
    route: () => <RouteSection caseFile={caseFile} onReload={onReload} />,
    consent: () => <ConsentSection caseFile={caseFile} />,
    work: () => (
      <>
        <WorkflowPanel caseId={caseFile.id} />
        <TasksPanel caseId={caseFile.id} />
      </>
    ),
    attachments: () => <AttachmentsPanel caseId={caseFile.id} />,
    referrals: () => <CaseReferralsSection caseFile={caseFile} />,
    timeline: () => <TimelineSection caseFile={caseFile} />,
  };

  const isReadOnly = caseFile.actions.includes('case.update') && !mayEditFile(caseFile);
  return (
    <Tabs.Root
      value={tab}
      onValueChange={(next) => {
        const search = new URLSearchParams(params);
        search.set('tab', next);
        setParams(search, { replace: true });
      }}
      activationMode="manual"
    >
      <Tabs.List aria-label={t('caseFile.sections')} className="no-print">
        {tabs.map((id) => (
          <Tabs.Trigger key={id} value={id} data-testid={`tab-${id}`}>
            {t(`caseFile.tab.${id}` as TAppKey)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {isReadOnly ? (
        <Box mt="4">
          <Notice tone="info">{t('caseFile.closedNotice')}</Notice>
        </Box>
      ) : null}
      {tabs.map((id) => (
        <Tabs.Content
          key={id}
          value={id}
          forceMount={visited.has(id) ? true : undefined}
          hidden={id !== tab}
          mt="4"
        >
          {visited.has(id) ? content[id]() : null}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
