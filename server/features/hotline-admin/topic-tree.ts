import crypto from 'node:crypto';
import { appEn, type TAppKey } from '../../../shared/i18n/app/en';
import { appKk } from '../../../shared/i18n/app/kk';
import { appRu } from '../../../shared/i18n/app/ru';
import { activeTopicCodes, CONTACT_TOPICS, type TTopicNode } from '../../../shared/schemas/contacts';
import type { Queryable } from '../../db/types';

// The organisation's hotline topic tree. An organisation that never edited it has no rows and uses
// the default tree: the fixed topics of issue 3, labelled as the web app's catalogue labels them.

/** The tree of an organisation without rows of its own. */
export function defaultTopicTree(): TTopicNode[] {
  return CONTACT_TOPICS.map((code, position) => {
    const key = `topic.${code}` as TAppKey;
    return {
      code,
      parentCode: null,
      labels: { ru: appRu[key], kk: appKk[key], en: appEn[key] },
      position,
      active: true,
    };
  });
}

type TTopicRow = {
  code: string;
  parent_code: string | null;
  labels: { ru: string; kk: string; en: string };
  position: number;
  active: boolean;
};

/** Topics by position, each topic followed by its subtopics by position. */
export function sortTree(nodes: readonly TTopicNode[]): TTopicNode[] {
  const order = (a: TTopicNode, b: TTopicNode) => a.position - b.position || (a.code < b.code ? -1 : 1);
  const out: TTopicNode[] = [];
  for (const top of nodes.filter((n) => n.parentCode === null).sort(order)) {
    out.push(top, ...nodes.filter((n) => n.parentCode === top.code).sort(order));
  }
  return out;
}

/** The organisation's tree (row-level security picks the organisation), or the default one. */
export async function loadTopicTree(db: Queryable): Promise<{ nodes: TTopicNode[]; isDefault: boolean }> {
  const { rows } = await db.query<TTopicRow>(
    'SELECT code, parent_code, labels, position, active FROM hotline_topics ORDER BY position, code',
  );
  if (rows.length === 0) return { nodes: defaultTopicTree(), isDefault: true };
  const nodes = rows.map((r) => ({
    code: r.code,
    parentCode: r.parent_code,
    labels: { ru: r.labels.ru, kk: r.labels.kk, en: r.labels.en },
    position: r.position,
    active: r.active,
  }));
  return { nodes: sortTree(nodes), isDefault: false };
}

/** A fingerprint of the tree's content: an edit based on another fingerprint came too late. */
export function treeVersion(nodes: readonly TTopicNode[]): string {
  const canonical = [...nodes]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((n) => [n.code, n.parentCode, n.labels.ru, n.labels.kk, n.labels.en, n.position, n.active]);
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 22);
}

/** The codes a contact may be filed under now in the actor's organisation. */
export async function activeTopics(db: Queryable): Promise<Set<string>> {
  return activeTopicCodes((await loadTopicTree(db)).nodes);
}
