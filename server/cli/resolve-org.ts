import { ZUuid } from '../../shared/schemas/common';
import type { Queryable } from '../db/types';
import { CliError } from './errors';

export type TOrgRef = { id: string; name: string; is_demo: boolean };

/** Finds an organisation by id or by its exact name (any case); a near miss lists the candidates. */
export async function resolveOrg(db: Queryable, ref: string): Promise<TOrgRef> {
  const wanted = ref.trim();
  const byId = ZUuid.safeParse(wanted).success;
  const { rows } = await db.query<TOrgRef>(
    byId
      ? 'SELECT id, name, is_demo FROM organisations WHERE id = $1'
      : 'SELECT id, name, is_demo FROM organisations WHERE lower(name) = lower($1)',
    [wanted],
  );
  if (rows[0]) return rows[0];
  const { rows: near } = await db.query<{ name: string }>(
    `SELECT name FROM organisations WHERE strpos(lower(name), lower($1)) > 0 ORDER BY name LIMIT 5`,
    [wanted],
  );
  const hint = near.length ? ` Did you mean: ${near.map((n) => `"${n.name}"`).join(', ')}?` : ' `senim org list` shows them.';
  throw new CliError(`No organisation ${byId ? 'with id' : 'named'} "${wanted}".${hint}`);
}
