// Memoranda of cooperation (issue 4): who signed what, when; network administrators record them.
import { ArrowLeftIcon, Pencil1Icon, PlusIcon } from '@radix-ui/react-icons';
import { Button, Card, DataList, Flex, Heading, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TMemorandum } from '../../../shared/schemas/partners';
import { useMemoranda } from '../api/partners';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { Modal } from '../components/modal';
import { Notice } from '../components/notice';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/use-t';
import { useFormatDay } from '../features/case-file/labels';
import { usePartnerLabels } from '../features/partners/labels';
import { MemorandumForm } from '../features/partners/memorandum-form';
import { NotFoundPage } from './not-found-page';

export default function MemorandaPage() {
  const t = useT();
  const canRead = useCan('partner.read');
  const canManage = useCan('memorandum.manage');
  const memoranda = useMemoranda(canRead);
  const [editing, setEditing] = useState<TMemorandum | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  if (!canRead) return <NotFoundPage />;

  const open = (value: TMemorandum | 'new') => {
    setSaved(false);
    setEditing(value);
  };
  return (
    <Flex direction="column" gap="4">
      <Link to="/network" className="back-link">
        <ArrowLeftIcon aria-hidden /> {t('partners.entry.back')}
      </Link>
      <Flex justify="between" align="start" wrap="wrap" gap="3">
        <PageTitle title={t('memoranda.title')} />
        {canManage ? (
          <Button onClick={() => open('new')}>
            <PlusIcon aria-hidden />
            {t('memoranda.new')}
          </Button>
        ) : null}
      </Flex>
      <Text as="p" color="gray">
        {t('memoranda.intro')}
      </Text>
      {saved ? <Notice>{t('memoranda.saved')}</Notice> : null}
      <ErrorCallout error={memoranda.error} />
      {memoranda.isPending ? <Loading /> : null}
      {memoranda.data ? (
        memoranda.data.items.length > 0 ? (
          <ul className="plain-list" data-testid="memoranda-list">
            {memoranda.data.items.map((m) => (
              <li key={m.id}>
                <MemorandumCard memorandum={m} onEdit={canManage ? () => open(m) : null} />
              </li>
            ))}
          </ul>
        ) : (
          <Text as="p" data-testid="memoranda-empty">
            {t('memoranda.empty')}
          </Text>
        )
      ) : null}
      <Modal
        open={editing !== null}
        wide
        title={editing === 'new' ? t('memoranda.new') : t('memoranda.editTitle')}
        onClose={() => setEditing(null)}
      >
        {editing !== null ? (
          <MemorandumForm
            memorandum={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              setSaved(true);
            }}
          />
        ) : null}
      </Modal>
    </Flex>
  );
}

function MemorandumCard({ memorandum: m, onEdit }: { memorandum: TMemorandum; onEdit: (() => void) | null }) {
  const t = useT();
  const labels = usePartnerLabels();
  const formatDay = useFormatDay();
  const title = labels.name(m.titles);
  const scope = labels.text(m.scopes);
  return (
    <Card size="2">
      <article aria-label={title} data-testid="memorandum">
        <Flex justify="between" align="start" gap="3" wrap="wrap" mb="2">
          <Heading as="h2" size="4">
            {title}
          </Heading>
          {onEdit ? (
            <Button
              type="button"
              variant="soft"
              size="1"
              onClick={onEdit}
              aria-label={`${t('memoranda.edit')}: ${title}`}
            >
              <Pencil1Icon aria-hidden />
              {t('memoranda.edit')}
            </Button>
          ) : null}
        </Flex>
        {scope ? (
          <Text as="p" mb="2">
            {scope}
          </Text>
        ) : null}
        <DataList.Root orientation={{ initial: 'vertical', sm: 'horizontal' }}>
          <DataList.Item>
            <DataList.Label>{t('memoranda.signedOn')}</DataList.Label>
            <DataList.Value>{formatDay(m.signedOn)}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>{t('memoranda.validUntil')}</DataList.Label>
            <DataList.Value>
              {m.validUntil ? formatDay(m.validUntil) : t('memoranda.openEnded')}
            </DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>
              {t('memoranda.members')} ({t('memoranda.membersCount', { count: m.members.length })})
            </DataList.Label>
            <DataList.Value>
              <ul className="tag-list">
                {m.members.map((member, index) => (
                  <li key={member.orgId}>
                    <Link to={`/network/${member.orgId}`}>{labels.name(member.names)}</Link>
                    {index < m.members.length - 1 ? ',' : ''}
                  </li>
                ))}
              </ul>
            </DataList.Value>
          </DataList.Item>
        </DataList.Root>
      </article>
    </Card>
  );
}
