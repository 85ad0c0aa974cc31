// The administrator's editor of the hotline topic tree: rename in three languages, reorder, nest one
// level, retire and restore, add. Codes never change and nothing is deleted; the whole tree is saved
// at once with the version it was read at (someone else's save in the meantime is a 409 to reload).
import { ArrowDownIcon, ArrowUpIcon } from '@radix-ui/react-icons';
import { Badge, Box, Button, Card, Code, Flex, Grid, Heading, IconButton, Text } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import type { TStaffLocale } from '../../../../shared/locales';
import { TOPIC_LABEL_MAX, type TTopicNode } from '../../../../shared/schemas/contacts';
import { useSaveTopics, type TTopicTree } from '../../api/hotline';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { SaveChangesFooter } from '../../components/save-changes-footer';
import { TextInputField } from '../../components/text-input-field';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { topicGroups, topicLabel } from './topic-labels';
import * as edit from './topic-tree-edit';

const LANGUAGES: readonly TStaffLocale[] = ['ru', 'kk', 'en'];

type TRowProps = {
  node: TTopicNode;
  nodes: TTopicNode[];
  isFirst: boolean;
  isLast: boolean;
  showErrors: boolean;
  onChange: (nodes: TTopicNode[]) => void;
};

function TopicRow({ node, nodes, isFirst, isLast, showErrors, onChange }: TRowProps) {
  const t = useT();
  const { locale } = useLocale();
  const name = topicLabel(node, locale);
  const hasSubtopics = nodes.some((n) => n.parentCode === node.code);
  const parents = nodes.filter((n) => n.parentCode === null && n.code !== node.code);
  return (
    <fieldset className="fieldset" data-topic={node.code}>
      <legend>
        <Flex gap="2" align="center">
          <Text size="2" weight="bold">
            {name}
          </Text>
          <Code size="1" variant="ghost">
            {node.code}
          </Code>
          {node.active ? null : <Badge color="gray">{t('topics.retired')}</Badge>}
        </Flex>
      </legend>
      <Flex direction="column" gap="2">
        <Grid columns={{ initial: '1', sm: '3' }} gap="2">
          {LANGUAGES.map((lang) => (
            <TextInputField
              key={lang}
              label={t(`topics.labelIn.${lang}`)}
              lang={lang}
              value={node.labels[lang]}
              maxLength={TOPIC_LABEL_MAX}
              error={showErrors && !node.labels[lang].trim() ? t('form.required') : undefined}
              onChange={(event) => onChange(edit.setLabel(nodes, node.code, lang, event.target.value))}
            />
          ))}
        </Grid>
        <Flex gap="2" align="end" wrap="wrap">
          <IconButton
            type="button"
            variant="soft"
            color="gray"
            disabled={isFirst}
            aria-label={t('topics.moveUp', { topic: name })}
            onClick={() => onChange(edit.move(nodes, node.code, -1))}
          >
            <ArrowUpIcon aria-hidden />
          </IconButton>
          <IconButton
            type="button"
            variant="soft"
            color="gray"
            disabled={isLast}
            aria-label={t('topics.moveDown', { topic: name })}
            onClick={() => onChange(edit.move(nodes, node.code, 1))}
          >
            <ArrowDownIcon aria-hidden />
          </IconButton>
          <FormField
            label={t('topics.place')}
            hint={hasSubtopics ? t('topics.placeHasSubtopics') : undefined}
          >
            {({ id, describedBy }) => (
              <NativeSelect
                id={id}
                aria-describedby={describedBy}
                value={node.parentCode ?? ''}
                disabled={hasSubtopics}
                onChange={(event) => onChange(edit.setParent(nodes, node.code, event.target.value || null))}
              >
                <option value="">{t('topics.topLevel')}</option>
                {parents.map((p) => (
                  <option key={p.code} value={p.code}>
                    {t('topics.under', { topic: topicLabel(p, locale) })}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <Button
            type="button"
            variant="soft"
            color={node.active ? 'red' : 'green'}
            highContrast
            onClick={() => onChange(edit.setActive(nodes, node.code, !node.active))}
            aria-label={
              node.active ? t('topics.retireOf', { topic: name }) : t('topics.restoreOf', { topic: name })
            }
          >
            {node.active ? t('topics.retire') : t('topics.restore')}
          </Button>
        </Flex>
      </Flex>
    </fieldset>
  );
}

function AddTopic({
  nodes,
  onAdd,
}: {
  nodes: TTopicNode[];
  onAdd: (node: Pick<TTopicNode, 'code' | 'parentCode' | 'labels'>) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [labels, setLabels] = useState({ ru: '', kk: '', en: '' });
  const [code, setCode] = useState('');
  const [codeTouched, setCodeTouched] = useState(false);
  const [parentCode, setParentCode] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const effectiveCode = codeTouched ? code : edit.suggestCode(labels.en);
  const codeProblem = edit.newCodeProblem(nodes, effectiveCode);
  const labelsMissing = LANGUAGES.some((l) => !labels[l].trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (codeProblem || labelsMissing) {
      setShowErrors(true);
      return;
    }
    onAdd({
      code: effectiveCode,
      parentCode: parentCode || null,
      labels: { ru: labels.ru.trim(), kk: labels.kk.trim(), en: labels.en.trim() },
    });
    setLabels({ ru: '', kk: '', en: '' });
    setCode('');
    setCodeTouched(false);
    setShowErrors(false);
  };

  return (
    <Card size="2">
      <form onSubmit={submit} noValidate aria-labelledby="add-topic-heading" data-testid="add-topic">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4" id="add-topic-heading">
            {t('topics.addHeading')}
          </Heading>
          <Grid columns={{ initial: '1', sm: '3' }} gap="2">
            {(['ru', 'kk', 'en'] as const).map((lang) => (
              <TextInputField
                key={lang}
                label={t(`topics.labelIn.${lang}`)}
                lang={lang}
                value={labels[lang]}
                maxLength={TOPIC_LABEL_MAX}
                error={showErrors && !labels[lang].trim() ? t('form.required') : undefined}
                onChange={(event) => setLabels((l) => ({ ...l, [lang]: event.target.value }))}
              />
            ))}
          </Grid>
          <Grid columns={{ initial: '1', sm: '2' }} gap="2">
            <TextInputField
              label={t('topics.code')}
              hint={t('topics.codeHint')}
              value={effectiveCode}
              autoComplete="off"
              spellCheck={false}
              error={
                showErrors && codeProblem
                  ? codeProblem === 'taken'
                    ? t('topics.codeTaken')
                    : t('topics.codeFormat')
                  : undefined
              }
              onChange={(event) => {
                setCodeTouched(true);
                setCode(event.target.value.trim());
              }}
            />
            <FormField label={t('topics.place')}>
              {({ id }) => (
                <NativeSelect
                  id={id}
                  value={parentCode}
                  onChange={(event) => setParentCode(event.target.value)}
                >
                  <option value="">{t('topics.topLevel')}</option>
                  {nodes
                    .filter((n) => n.parentCode === null)
                    .map((p) => (
                      <option key={p.code} value={p.code}>
                        {t('topics.under', { topic: topicLabel(p, locale) })}
                      </option>
                    ))}
                </NativeSelect>
              )}
            </FormField>
          </Grid>
          <Flex justify="between" align="center" gap="3" wrap="wrap">
            <Text size="1" color="gray">
              {t('topics.addHint')}
            </Text>
            <Button type="submit" variant="soft">
              {t('topics.add')}
            </Button>
          </Flex>
        </Flex>
      </form>
    </Card>
  );
}

export function TopicEditor({
  tree,
  onReload,
}: {
  tree: TTopicTree;
  onReload: () => Promise<TTopicTree | undefined>;
}) {
  const t = useT();
  const save = useSaveTopics();
  const [baseline, setBaseline] = useState(tree);
  const [nodes, setNodes] = useState(() => edit.normalise(tree.topics));
  const [isSaved, setSaved] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const isDirty = !edit.sameTree(nodes, baseline.topics);
  const change = (next: TTopicNode[]) => {
    setNodes(next);
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (nodes.some((n) => LANGUAGES.some((l) => !n.labels[l].trim()))) {
      setShowErrors(true);
      return;
    }
    setShowErrors(false);
    const topics = edit.normalise(nodes).map((n) => ({
      ...n,
      labels: { ru: n.labels.ru.trim(), kk: n.labels.kk.trim(), en: n.labels.en.trim() },
    }));
    save.mutate(
      { topics, version: baseline.version },
      {
        onSuccess: (saved) => {
          setBaseline(saved);
          setNodes(edit.normalise(saved.topics));
          setSaved(true);
        },
      },
    );
  };

  const reload = async () => {
    const fresh = await onReload();
    if (fresh) {
      setBaseline(fresh);
      setNodes(edit.normalise(fresh.topics));
      setSaved(false);
    }
  };

  const groups = topicGroups(nodes);
  return (
    <Flex direction="column" gap="4">
      <form onSubmit={submit} noValidate aria-label={t('topics.title')}>
        <Flex direction="column" gap="3">
          {groups.map(({ topic, subtopics }, i) => (
            <Flex key={topic.code} direction="column" gap="2">
              <TopicRow
                node={topic}
                nodes={nodes}
                isFirst={i === 0}
                isLast={i === groups.length - 1}
                showErrors={showErrors}
                onChange={change}
              />
              {subtopics.length > 0 ? (
                <Box pl="6">
                  <Flex direction="column" gap="2">
                    {subtopics.map((sub, j) => (
                      <TopicRow
                        key={sub.code}
                        node={sub}
                        nodes={nodes}
                        isFirst={j === 0}
                        isLast={j === subtopics.length - 1}
                        showErrors={showErrors}
                        onChange={change}
                      />
                    ))}
                  </Flex>
                </Box>
              ) : null}
            </Flex>
          ))}
          {showErrors ? (
            <Text size="2" color="red" role="alert">
              {t('topics.fixLabels')}
            </Text>
          ) : null}
          <SaveChangesFooter update={save} isSaved={isSaved} isDirty={isDirty} onReload={reload} />
        </Flex>
      </form>
      <AddTopic nodes={nodes} onAdd={(node) => change(edit.add(nodes, node))} />
    </Flex>
  );
}
