// A topic's label in the UI language; the tree comes from the server (the organisation's own).
import type { TStaffLocale } from '../../../../shared/locales';
import type { TTopicNode } from '../../../../shared/schemas/contacts';

export const topicLabel = (node: Pick<TTopicNode, 'labels' | 'code'>, locale: TStaffLocale): string =>
  node.labels[locale] || node.code;

/** Topics in order, each with its subtopics in order. */
export function topicGroups<T extends Pick<TTopicNode, 'code' | 'parentCode' | 'position'>>(
  nodes: readonly T[],
) {
  const order = (a: T, b: T) => a.position - b.position || (a.code < b.code ? -1 : 1);
  return nodes
    .filter((n) => n.parentCode === null)
    .sort(order)
    .map((topic) => ({ topic, subtopics: nodes.filter((n) => n.parentCode === topic.code).sort(order) }));
}
