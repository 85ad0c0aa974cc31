// The topics of a contact: the organisation's tree as grouped checkboxes, labelled in the UI language.
import { Box, CheckboxGroup, Flex, Grid, Text } from '@radix-ui/themes';
import { useTopicTree } from '../../api/hotline';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { topicGroups, topicLabel } from './topic-labels';

export function TopicChoices({ value, onChange }: { value: string[]; onChange: (codes: string[]) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const tree = useTopicTree();
  return (
    <fieldset className="fieldset">
      <legend>
        <Text size="2" weight="bold">
          {t('hotline.topics')}
        </Text>
      </legend>
      <ErrorCallout error={tree.error} />
      {tree.isPending ? <Loading /> : null}
      {tree.data ? (
        <CheckboxGroup.Root value={value} onValueChange={onChange} size="2">
          <Grid columns={{ initial: '1', sm: '2', md: '3' }} gap="2">
            {topicGroups(tree.data.topics).map(({ topic, subtopics }) => (
              <Flex key={topic.code} direction="column" gap="1" data-topic-group={topic.code}>
                <CheckboxGroup.Item value={topic.code}>{topicLabel(topic, locale)}</CheckboxGroup.Item>
                {subtopics.length > 0 ? (
                  <Box
                    pl="5"
                    role="group"
                    aria-label={t('topics.subtopicsOf', { topic: topicLabel(topic, locale) })}
                  >
                    <Flex direction="column" gap="1">
                      {subtopics.map((sub) => (
                        <CheckboxGroup.Item key={sub.code} value={sub.code}>
                          {topicLabel(sub, locale)}
                        </CheckboxGroup.Item>
                      ))}
                    </Flex>
                  </Box>
                ) : null}
              </Flex>
            ))}
          </Grid>
        </CheckboxGroup.Root>
      ) : null}
    </fieldset>
  );
}
