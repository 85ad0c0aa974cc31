import { Flex, Text } from '@radix-ui/themes';
import { useTopicTree } from '../api/hotline';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { TopicEditor } from '../features/hotline/topic-editor';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

/** Administrators: the hotline topic tree (topics and subtopics, labels in three languages). */
export default function TopicsPage() {
  const t = useT();
  const canManage = useCan('topic.manage');
  const tree = useTopicTree(true, canManage);
  if (!canManage) return <NotFoundPage />;
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('topics.title')} />
      <Text as="p" size="2" color="gray">
        {t('topics.intro')}
      </Text>
      {tree.data?.isDefault ? (
        <Text as="p" size="2" color="gray" data-testid="topics-default">
          {t('topics.isDefault')}
        </Text>
      ) : null}
      <ErrorCallout error={tree.error} />
      {tree.isPending ? <Loading /> : null}
      {tree.data ? <TopicEditor tree={tree.data} onReload={async () => (await tree.refetch()).data} /> : null}
    </Flex>
  );
}
