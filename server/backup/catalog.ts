import type { Queryable } from '../db/types';

// What a logical backup covers: every table of the public schema except the migrations ledger, with
// its insertable columns, in an order where a table comes after the tables it references.

export type TTableInfo = {
  name: string;
  /** insertable columns (generated ones are left out: the database computes them again) */
  columns: string[];
  /** columns of type bytea, written as base64 */
  bytea: string[];
  primaryKey: string[];
};

export const EXCLUDED_TABLES = new Set(['schema_migrations']);

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Orders tables so that every referenced table comes first; cycles keep their alphabetical order. */
export function dependencyOrder(tables: readonly string[], edges: readonly { child: string; parent: string }[]): string[] {
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent && parents.has(e.child) && parents.has(e.parent)) parents.get(e.child)!.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const pending = [...tables].sort();
  while (pending.length) {
    const i = pending.findIndex((t) => [...parents.get(t)!].every((p) => placed.has(p)));
    const [next] = pending.splice(i === -1 ? 0 : i, 1);
    ordered.push(next!);
    placed.add(next!);
  }
  return ordered;
}

export async function readCatalog(db: Queryable): Promise<TTableInfo[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const names = tables.map((t) => t.name).filter((n) => !EXCLUDED_TABLES.has(n));
  const { rows: cols } = await db.query<{ table: string; column: string; is_bytea: boolean; generated: string }>(
    `SELECT c.relname AS table, a.attname AS column, a.atttypid = 'bytea'::regtype AS is_bytea, a.attgenerated::text AS generated
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const { rows: pks } = await db.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND i.indisprimary
      ORDER BY c.relname, k.ord`,
  );
  const { rows: fks } = await db.query<{ child: string; parent: string }>(
    `SELECT src.relname AS child, dst.relname AS parent
       FROM pg_constraint k JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  return dependencyOrder(names, fks).map((name) => {
    const own = cols.filter((c) => c.table === name && c.generated === '');
    return {
      name,
      columns: own.map((c) => c.column),
      bytea: own.filter((c) => c.is_bytea).map((c) => c.column),
      primaryKey: pks.filter((p) => p.table === name).map((p) => p.column),
    };
  });
}
