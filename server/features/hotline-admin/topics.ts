import type { TErrorKey } from '../../../shared/i18n/errors';
import { activeTopicCodes, topicTreeProblems, type TTopicNode } from '../../../shared/schemas/contacts';
import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import { scoped } from '../../http/context';
import { HttpError } from '../../http/errors';
import { hotlineFieldErrors } from './hotline-errors';
import { getTopicsRoute, putTopicsRoute } from './routes';
import { loadTopicTree, sortTree, treeVersion } from './topic-tree';

/** An arbitrary constant: with the organisation's hash it names the lock of one organisation's tree. */
const TREE_LOCK_CLASS = 727_101;

const PROBLEM_KEYS: Record<ReturnType<typeof topicTreeProblems>[number]['problem'], TErrorKey> = {
  duplicate: 'validation.hotline.topicDuplicate',
  unknownParent: 'validation.hotline.topicParentUnknown',
  tooDeep: 'validation.hotline.topicTooDeep',
};

const sameNode = (a: TTopicNode, b: TTopicNode) =>
  a.parentCode === b.parentCode &&
  a.position === b.position &&
  a.labels.ru === b.labels.ru &&
  a.labels.kk === b.labels.kk &&
  a.labels.en === b.labels.en;

/** What an edit does, by code (codes only: no labels in the audit trail, they are not needed there). */
function diff(before: readonly TTopicNode[], after: readonly TTopicNode[]) {
  const old = new Map(before.map((n) => [n.code, n]));
  const added: string[] = [];
  const changed: string[] = [];
  const retired: string[] = [];
  const restored: string[] = [];
  for (const n of after) {
    const o = old.get(n.code);
    if (!o) {
      added.push(n.code);
      continue;
    }
    if (!sameNode(o, n)) changed.push(n.code);
    if (o.active && !n.active) retired.push(n.code);
    if (!o.active && n.active) restored.push(n.code);
  }
  return { added, changed, retired, restored };
}

async function writeTree(sdb: ScopedDb, nodes: readonly TTopicNode[]): Promise<void> {
  // One statement: a subtopic may name a topic added by the same edit (the foreign key is checked
  // at the end of the statement). Unchanged rows keep their updated_at.
  await sdb.query(
    `INSERT INTO hotline_topics (org_id, code, parent_code, labels, position, active)
     SELECT $1, t.code, t.parent_code, t.labels, t.position, t.active
       FROM jsonb_to_recordset($2::jsonb) AS t(code text, parent_code text, labels jsonb, position integer, active boolean)
     ON CONFLICT (org_id, code) DO UPDATE
        SET parent_code = excluded.parent_code, labels = excluded.labels, position = excluded.position,
            active = excluded.active, updated_at = now()
      WHERE (hotline_topics.parent_code, hotline_topics.labels, hotline_topics.position, hotline_topics.active)
            IS DISTINCT FROM (excluded.parent_code, excluded.labels, excluded.position, excluded.active)`,
    [
      sdb.actor.orgId,
      JSON.stringify(
        nodes.map((n) => ({
          code: n.code,
          parent_code: n.parentCode,
          labels: { ru: n.labels.ru, kk: n.labels.kk, en: n.labels.en },
          position: n.position,
          active: n.active,
        })),
      ),
    ],
  );
}

export function registerTopics(app: TApp): void {
  app.openapi(getTopicsRoute, async (c) => {
    const includeRetired = c.req.valid('query').includeRetired === 'true';
    return scoped(c, async (sdb) => {
      const a = sdb.actor;
      if (includeRetired) assertCan(a, 'topic.manage');
      else if (!can(a, 'contact.create') && !can(a, 'contact.read')) assertCan(a, 'topic.manage');
      const { nodes, isDefault } = await loadTopicTree(sdb);
      const active = activeTopicCodes(nodes);
      return c.json(
        {
          topics: includeRetired ? nodes : nodes.filter((n) => active.has(n.code)),
          version: treeVersion(nodes),
          isDefault,
        },
        200,
      );
    });
  });

  app.openapi(putTopicsRoute, async (c) => {
    const body = c.req.valid('json');
    const locale = c.var.locale;
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'topic.manage');
      // One edit at a time per organisation, also while the tree is still the default (no rows to lock).
      await sdb.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [TREE_LOCK_CLASS, sdb.actor.orgId]);
      const current = await loadTopicTree(sdb);
      const currentVersion = treeVersion(current.nodes);
      if (body.version !== currentVersion) {
        throw new HttpError(
          409,
          'error.conflict',
          {},
          {
            action: 'topic.updated',
            outcome: 'failure',
            details: { reason: 'conflict' },
          },
        );
      }
      const problems: Parameters<typeof hotlineFieldErrors>[1] = topicTreeProblems(body.topics).map((p) => ({
        path: `topics.${p.index}.${p.field}`,
        key: PROBLEM_KEYS[p.problem],
      }));
      const kept = new Set(body.topics.map((n) => n.code));
      const missing = current.nodes.filter((n) => !kept.has(n.code)).map((n) => n.code);
      if (missing.length > 0) {
        problems.push({
          path: 'topics',
          key: 'validation.hotline.topicRemoved',
          values: { codes: missing.join(', ') },
        });
      }
      if (problems.length > 0) throw hotlineFieldErrors(locale, problems);

      const next = sortTree(body.topics);
      const change = diff(current.nodes, next);
      const isChange = Object.values(change).some((list) => list.length > 0);
      if (isChange) {
        await writeTree(sdb, next);
        sdb.audit({
          action: 'topic.updated',
          outcome: 'success',
          details: {
            ...(current.isDefault ? { seededDefault: true } : {}),
            ...Object.fromEntries(Object.entries(change).filter(([, list]) => list.length > 0)),
          },
        });
      }
      const saved = isChange ? await loadTopicTree(sdb) : current;
      return c.json(
        { topics: saved.nodes, version: treeVersion(saved.nodes), isDefault: saved.isDefault },
        200,
      );
    });
  });
}
