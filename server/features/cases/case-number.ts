import type { Queryable } from '../../db/types';

/** Kazakhstan time (UTC+5) decides the year of a case number. */
export function caseYear(now = Date.now()): number {
  return new Date(now + 5 * 3600_000).getUTCFullYear();
}

export function formatCaseNumber(year: number, n: number): string {
  return `KZ-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * The next case number of the actor's organisation (KZ-2026-000123). The counter row stays locked
 * until the transaction ends, so numbers are unique and, as a rolled-back case gives its number
 * back, without gaps. Row-level security keeps each organisation to its own counter.
 */
export async function nextCaseNumber(db: Queryable, orgId: string, year = caseYear()): Promise<string> {
  const { rows } = await db.query<{ n: number }>(
    `INSERT INTO case_number_counters (org_id, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (org_id, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
     RETURNING last_value AS n`,
    [orgId, year],
  );
  return formatCaseNumber(year, rows[0]!.n);
}
