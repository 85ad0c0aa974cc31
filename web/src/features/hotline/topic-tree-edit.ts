// Editing the topic tree as a list in display order: each topic followed by its subtopics. Pure
// functions, so the page only keeps the list in state.
import type { TStaffLocale } from '../../../../shared/locales';
import { ZTopicCode, type TTopicNode } from '../../../../shared/schemas/contacts';
import { topicGroups } from './topic-labels';

/** Display order (topics by position, each followed by its subtopics), positions renumbered from 0. */
export function normalise(nodes: readonly TTopicNode[]): TTopicNode[] {
  const out: TTopicNode[] = [];
  topicGroups(nodes).forEach(({ topic, subtopics }, i) => {
    out.push({ ...topic, position: i }, ...subtopics.map((s, j) => ({ ...s, position: j })));
  });
  return out;
}

const siblings = (nodes: readonly TTopicNode[], parentCode: string | null) =>
  nodes.filter((n) => n.parentCode === parentCode).sort((a, b) => a.position - b.position);

/** Moves a topic (or a subtopic among its siblings) one place up (-1) or down (+1). */
export function move(nodes: readonly TTopicNode[], code: string, by: -1 | 1): TTopicNode[] {
  const node = nodes.find((n) => n.code === code);
  if (!node) return [...nodes];
  const list = siblings(nodes, node.parentCode);
  const i = list.findIndex((n) => n.code === code);
  const j = i + by;
  if (j < 0 || j >= list.length) return [...nodes];
  const other = list[j]!;
  return normalise(
    nodes.map((n) =>
      n.code === code
        ? { ...n, position: other.position }
        : n.code === other.code
          ? { ...n, position: node.position }
          : n,
    ),
  );
}

/** Nests a topic without subtopics under another topic, or lifts a subtopic to the top level (last). */
export function setParent(
  nodes: readonly TTopicNode[],
  code: string,
  parentCode: string | null,
): TTopicNode[] {
  if (code === parentCode) return [...nodes];
  if (parentCode !== null && nodes.some((n) => n.parentCode === code)) return [...nodes];
  const end = siblings(nodes, parentCode).length;
  return normalise(nodes.map((n) => (n.code === code ? { ...n, parentCode, position: end + 1000 } : n)));
}

export function setLabel(
  nodes: readonly TTopicNode[],
  code: string,
  locale: TStaffLocale,
  value: string,
): TTopicNode[] {
  return nodes.map((n) => (n.code === code ? { ...n, labels: { ...n.labels, [locale]: value } } : n));
}

export function setActive(nodes: readonly TTopicNode[], code: string, active: boolean): TTopicNode[] {
  return nodes.map((n) => (n.code === code ? { ...n, active } : n));
}

export function add(
  nodes: readonly TTopicNode[],
  node: Pick<TTopicNode, 'code' | 'parentCode' | 'labels'>,
): TTopicNode[] {
  const end = siblings(nodes, node.parentCode).length;
  return normalise([...nodes, { ...node, position: end + 1000, active: true }]);
}

export type TNewCodeProblem = 'format' | 'taken' | null;

/** A new topic's code: lower-case Latin letters, digits and _, not used in the tree yet. */
export function newCodeProblem(nodes: readonly TTopicNode[], code: string): TNewCodeProblem {
  if (!ZTopicCode.safeParse(code).success) return 'format';
  return nodes.some((n) => n.code === code) ? 'taken' : null;
}

/** A code proposed from an English label: "Unpaid wages" → "unpaid_wages". */
export function suggestCode(english: string): string {
  const slug = english
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40);
  return slug.length >= 2 ? slug : '';
}

/** True when the two lists hold the same tree (order and every field). */
export function sameTree(a: readonly TTopicNode[], b: readonly TTopicNode[]): boolean {
  const canonical = (nodes: readonly TTopicNode[]) =>
    JSON.stringify(
      normalise(nodes).map((n) => [
        n.code,
        n.parentCode,
        n.labels.ru,
        n.labels.kk,
        n.labels.en,
        n.position,
        n.active,
      ]),
    );
  return canonical(a) === canonical(b);
}
