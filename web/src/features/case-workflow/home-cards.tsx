// The home page's reminders: my open tasks that are overdue or due today, each linking to its case,
// and for supervisors how many requests wait for their decision.
import { Box, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useMyOpenTasks, usePendingApprovalCount } from '../../api/workflow';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { StatCard } from '../home/stat-card';
import { endOfToday } from './form-support';
import { TaskDueBadge } from './tasks-panel';

const SHOWN = 10;

export function MyTasksCard() {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const dueBefore = useMemo(() => endOfToday(), []);
  const tasks = useMyOpenTasks(dueBefore, SHOWN);
  const items = tasks.data?.items ?? [];
  const more = tasks.data ? tasks.data.total - items.length : 0;
  return (
    <Card size="3">
      <section aria-labelledby="my-tasks-heading" data-testid="my-tasks">
        <Heading as="h2" size="4" mb="3" id="my-tasks-heading">
          {t('workflow.home.myTasks')}
        </Heading>
        {tasks.isPending ? <Loading /> : null}
        <ErrorCallout error={tasks.error} />
        {tasks.data && items.length === 0 ? (
          <Text as="p" size="2" color="gray">
            {t('workflow.home.noTasksDue')}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <Flex asChild direction="column" gap="2" m="0" p="0">
            <ul aria-labelledby="my-tasks-heading">
              {items.map((task) => (
                <Box asChild display="block" key={task.id}>
                  <li data-testid="my-task">
                    <Flex gap="2" align="center" wrap="wrap">
                      <Link to={`/cases/${task.caseId}`}>{task.title}</Link>
                      <TaskDueBadge task={task} />
                    </Flex>
                    <Text as="div" size="1" color="gray">
                      {t('workflow.home.taskLine', {
                        number: task.caseNumber,
                        due: formatDateTime(task.dueAt) ?? '',
                      })}
                    </Text>
                  </li>
                </Box>
              ))}
            </ul>
          </Flex>
        ) : null}
        {more > 0 ? (
          <Text as="p" size="2" color="gray" mt="2">
            {t('workflow.home.moreTasks', { count: more })}
          </Text>
        ) : null}
      </section>
    </Card>
  );
}

export function ApprovalsWaitingCard() {
  const t = useT();
  const count = usePendingApprovalCount(true);
  if (count.data === undefined) return null;
  return (
    <Box data-testid="approvals-waiting">
      <StatCard
        value={count.data}
        label={t('workflow.home.approvalsWaiting', { count: count.data })}
        to="/approvals"
        tone="warning"
      />
    </Box>
  );
}
