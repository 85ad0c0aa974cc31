import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTCDS_FIELD_NAMES } from '../../../shared/htcds/fields';
import { LIMITS } from '../../../shared/limits';
import {
  auditRows,
  buildOrg,
  buildUser,
  setupTestContext,
  signIn,
  type TAgent,
  type TTestContext,
} from '../../test/harness';
import { readCsv } from '../linkage/csv-reader';
import { ctdcVictimPerpetratorToHtcds } from '../htcds/ctdc-mapping';
import { formatHtcdsCsv } from '../htcds/csv';
import type { THtcdsRecord } from '../../../shared/htcds/record';
import { FULL_ROW, htcdsCsv, SECOND_ROW, THIRD_ROW, type THtcdsRow } from '../htcds/test-fixtures';
import type { THtcdsImportResponse } from './routes';

// HTCDS import and export over HTTP: the round trip between two organisations keeps every field,
// whole file or nothing, skip-invalid with the rejected rows, and the deny ladder.

let ctx: TTestContext;
beforeAll(async () => {
  ctx = await setupTestContext();
});

const CSV = { 'content-type': 'text/csv; charset=utf-8' };

async function cells(text: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of readCsv(Readable.from([text]), { strict: true })) out.push(row.fields);
  return out;
}

async function importCsv(a: TAgent, text: string, mode: 'all' | 'skipInvalid' = 'all') {
  const res = await a.request('POST', `/api/v1/htcds/import?mode=${mode}`, text, CSV);
  return {
    status: res.status,
    body: (await res.json()) as THtcdsImportResponse & {
      error?: { code: string; message: string };
      result?: THtcdsImportResponse;
    },
  };
}

async function exportCsv(a: TAgent) {
  const res = await a.request('GET', '/api/v1/htcds/export');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(res.headers.get('content-disposition')).toMatch(
    /^attachment; filename="senim-htcds-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte order mark, for spreadsheets
  return bytes.subarray(3).toString('utf8');
}

const countCases = async (orgId: string) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE org_id = $1', [orgId]))
    .rows[0]!.n;

/** An administrator who is also a supervisor: imports, exports, and reads sensitive texts. */
async function importer(orgId?: string) {
  const user = await buildUser(ctx, { ...(orgId ? { orgId } : {}), roles: ['admin', 'supervisor'] });
  return { user, agent: await signIn(ctx, user) };
}

describe('HTCDS import and export (HTTP)', () => {
  it('round trip: import into A, export, import the export into B, export again: identical, and equal to the file', async () => {
    const a = await importer();
    const b = await importer();
    const input = htcdsCsv([FULL_ROW, SECOND_ROW, THIRD_ROW]);

    const first = await importCsv(a.agent, input);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      committed: true,
      rows: 3,
      imported: 3,
      rejected: 0,
      errors: [],
      unknownColumns: [],
      rejectedCsv: null,
    });
    const exportA = await exportCsv(a.agent);
    expect(await cells(exportA)).toEqual(await cells(input));

    const second = await importCsv(b.agent, exportA);
    expect(second.body).toMatchObject({ committed: true, imported: 3 });
    const exportB = await exportCsv(b.agent);
    expect(await cells(exportB)).toEqual(await cells(exportA));
    expect((await cells(exportB))[0]).toEqual([...HTCDS_FIELD_NAMES]);

    // Stored where the case file keeps it: identity sealed, codes in clear, one of each record.
    const { rows: persons } = await ctx.db.query<{
      given: Uint8Array;
      citizenship: string;
      languages: string[];
      profile: object;
    }>(
      `SELECT p.given_name_sealed AS given, p.citizenship, p.languages, p.profile FROM persons p
        JOIN cases c ON c.person_id = p.id WHERE c.org_id = $1 ORDER BY c.case_number`,
      [a.user.orgId],
    );
    expect(Buffer.from(persons[0]!.given).toString('utf8')).not.toContain('Әйгерім');
    expect(ctx.deps.sealer.open(persons[0]!.given, 'persons.given_name')).toBe('Әйгерім');
    expect(persons[0]).toMatchObject({
      citizenship: 'KAZ',
      languages: ['kaz', 'rus'],
      profile: { otherCitizenships: ['UZB'] },
    });
    const { rows: counts } = await ctx.db.query<{ t: string; n: number }>(
      `SELECT 'events' AS t, count(*)::int AS n FROM trafficking_events WHERE org_id = $1
       UNION ALL SELECT 'plans', count(*)::int FROM support_plans WHERE org_id = $1
       UNION ALL SELECT 'consents', count(*)::int FROM consents WHERE org_id = $1
       UNION ALL SELECT 'imported', count(*)::int FROM case_events WHERE org_id = $1 AND kind = 'imported'
       UNION ALL SELECT 'tokens', count(*)::int FROM person_name_tokens WHERE org_id = $1`,
      [b.user.orgId],
    );
    expect(Object.fromEntries(counts.map((r) => [r.t, r.n]))).toMatchObject({
      events: 2,
      plans: 1,
      consents: 2,
      imported: 3,
    });
    expect(counts.find((r) => r.t === 'tokens')!.n).toBeGreaterThan(6);
    const { rows: statuses } = await ctx.db.query<{
      status: string;
      stage: string;
      closed: boolean;
      ts: string | null;
    }>(
      `SELECT status, stage, closed_at IS NOT NULL AS closed, trafficking_status AS ts FROM cases WHERE org_id = $1 ORDER BY case_number`,
      [b.user.orgId],
    );
    expect(statuses).toEqual([
      { status: 'ClosedReferred', stage: 'closed', closed: true, ts: 'ActualVictimOfTrafficking' },
      { status: 'Active', stage: 'new', closed: false, ts: 'PossibleVictimOfTrafficking' },
      { status: 'FollowUp', stage: 'follow_up', closed: false, ts: null },
    ]);

    // Searchable like any case: by a name word in another script.
    const found = await b.agent.request('GET', `/api/v1/cases?q=${encodeURIComponent('Aigerim')}`);
    expect(((await found.json()) as { items: unknown[] }).items).toHaveLength(1);

    const imported = await auditRows(ctx, { action: 'htcds.imported', targetId: b.user.orgId });
    expect(imported).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: expect.objectContaining({ mode: 'all', rows: 3, imported: 3, rejected: 0 }),
      }),
    ]);
    expect(JSON.stringify(imported)).not.toContain('Әйгерім');
    expect(await auditRows(ctx, { action: 'htcds.exported', targetId: a.user.orgId })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { cases: 3, identity: true, sensitive: true } }),
    ]);
  });

  it('an administrator alone exports identity but not the sensitive texts', async () => {
    const a = await importer();
    await importCsv(a.agent, htcdsCsv([FULL_ROW]));
    const admin = await buildUser(ctx, { orgId: a.user.orgId, roles: ['admin'] });
    const [header, row] = await cells(await exportCsv(await signIn(ctx, admin)));
    const value = (f: string) => row![header!.indexOf(f)];
    expect([value('prs_FirstName'), value('hte_Street'), value('vic_TypeOfExploitation')]).toEqual([
      'Әйгерім',
      'ул. Складская, 3',
      'ForcedLabour;SexualExploitation',
    ]);
    for (const f of [
      'per_RoleDetails',
      'cco_CaseComment',
      'hte_Description',
      'spl_Objectives',
      'spl_ActionPlan',
      'cas_IncomingReferralDetails',
    ]) {
      expect([f, value(f)]).toEqual([f, '']);
    }
    expect(await auditRows(ctx, { action: 'htcds.exported', targetId: a.user.orgId })).toEqual([
      expect.objectContaining({ details: { cases: 1, identity: true, sensitive: false } }),
    ]);
  });

  const BAD: THtcdsRow = { ...SECOND_ROW, prs_Gender: 'Female', prs_Birthdate: '31.02.1990' };

  it('whole file or nothing: a bad row stores nothing and names its line', async () => {
    const a = await importer();
    // FULL_ROW has a two-line cell (lines 2–3), so the bad row starts on line 5.
    const res = await importCsv(a.agent, htcdsCsv([THIRD_ROW, FULL_ROW, BAD, SECOND_ROW]));
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('htcds.rowsInvalid');
    expect(res.body.error?.message).toMatch(/1 row is not valid, so nothing was imported/);
    expect(res.body.result).toMatchObject({
      committed: false,
      rows: 4,
      valid: 3,
      imported: 0,
      rejected: 1,
      errorsTotal: 2,
    });
    expect(res.body.result?.errors).toEqual([
      expect.objectContaining({
        line: 5,
        column: 'prs_Birthdate',
        code: 'notADate',
        message: 'prs_Birthdate: “31.02.1990” is not a date (YYYY-MM-DD or DD.MM.YYYY)',
      }),
      expect.objectContaining({
        line: 5,
        column: 'prs_Gender',
        code: 'unknownCode',
        message: expect.stringMatching(
          /^prs_Gender: unknown value “Female”; expected one of: Feminine, Masculine/,
        ),
      }),
    ]);
    expect(await countCases(a.user.orgId)).toBe(0);
    expect((await ctx.db.query('SELECT 1 FROM persons WHERE org_id = $1', [a.user.orgId])).rows).toEqual([]);
    expect(await auditRows(ctx, { action: 'htcds.imported', targetId: a.user.orgId })).toEqual([
      expect.objectContaining({
        outcome: 'failure',
        details: expect.objectContaining({ rejected: 1, imported: 0, reason: 'rowsInvalid' }),
      }),
    ]);

    // In Russian, for a Russian-speaking administrator.
    const ru = await signIn(ctx, await buildUser(ctx, { orgId: a.user.orgId, roles: ['admin'] }), {
      locale: 'ru',
    });
    const inRussian = await importCsv(ru, htcdsCsv([BAD]));
    expect(inRussian.body.error?.message).toMatch(
      /^1 строка содержит ошибки, поэтому ничего не импортировано/,
    );
    expect(inRussian.body.result?.errors[1]?.message).toMatch(/^prs_Gender: неизвестное значение «Female»/);
  });

  it('skip invalid: imports the valid rows and returns the refused ones with a reason; reports unknown columns', async () => {
    const a = await importer();
    const columns = ['Примечание', ...HTCDS_FIELD_NAMES];
    const rows = [
      { ...SECOND_ROW, Примечание: 'звонок 11616' },
      BAD,
      { ...THIRD_ROW, prs_NumberOfChildren: 'два' },
    ];
    const res = await importCsv(a.agent, htcdsCsv(rows, columns), 'skipInvalid');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      committed: true,
      rows: 3,
      imported: 1,
      rejected: 2,
      unknownColumns: [{ position: 1, name: 'Примечание' }],
    });
    expect(res.body.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'prs_Birthdate'],
      [3, 'prs_Gender'],
      [4, 'prs_NumberOfChildren'],
    ]);
    expect(await countCases(a.user.orgId)).toBe(1);
    const rejected = await cells(res.body.rejectedCsv!);
    expect(rejected[0]).toEqual([...columns, 'senim_rejected_reason']);
    expect(rejected).toHaveLength(3);
    expect(rejected[1]!.slice(0, -1)).toEqual((await cells(htcdsCsv([BAD], columns)))[1]);
    expect(rejected[1]!.at(-1)).toMatch(/^line 3: prs_Birthdate: .*; prs_Gender: unknown value “Female”/);
    expect(rejected[2]!.at(-1)).toBe('line 4: prs_NumberOfChildren: “два” is not a number');
    // Corrected and imported again: the reason column is only reported.
    const fixed = rejected.map((r, i) =>
      i === 0
        ? r
        : r.map((c, j) =>
            rejected[0]![j] === 'prs_Gender'
              ? 'Masculine'
              : rejected[0]![j] === 'prs_Birthdate'
                ? ''
                : rejected[0]![j] === 'prs_NumberOfChildren'
                  ? '2'
                  : c,
          ),
    );
    const again = await importCsv(
      a.agent,
      fixed
        .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
        .join('\n'),
    );
    expect(again.body).toMatchObject({
      committed: true,
      imported: 2,
      unknownColumns: [{ name: 'Примечание' }, { name: 'senim_rejected_reason' }],
    });
    expect(await countCases(a.user.orgId)).toBe(3);
  });

  it('deny ladder: 401, 403 (audited), 415, 413, 400 for a file that is not HTCDS or not UTF-8', async () => {
    const anonymous = await signIn(ctx, await buildUser(ctx)).then(async (x) => {
      await x.request('DELETE', '/api/v1/session');
      return x;
    });
    expect((await anonymous.request('POST', '/api/v1/htcds/import', htcdsCsv([THIRD_ROW]), CSV)).status).toBe(
      401,
    );
    expect((await anonymous.request('GET', '/api/v1/htcds/export')).status).toBe(401);

    const org = await buildOrg(ctx);
    const worker = await buildUser(ctx, { orgId: org.id, roles: ['case_worker', 'supervisor'] });
    const w = await signIn(ctx, worker);
    expect((await w.request('POST', '/api/v1/htcds/import', htcdsCsv([THIRD_ROW]), CSV)).status).toBe(403);
    expect((await w.request('GET', '/api/v1/htcds/export')).status).toBe(403);
    expect(
      (await auditRows(ctx, { action: 'access.denied', actorUserId: worker.id })).map(
        (r) => r.details.attempted,
      ),
    ).toEqual(['htcds.import', 'htcds.export']);

    const { agent, user } = await importer(org.id);
    expect(
      (
        await agent.request('POST', '/api/v1/htcds/import', htcdsCsv([THIRD_ROW]), {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await agent.request('POST', '/api/v1/htcds/import', htcdsCsv([THIRD_ROW]), {
          'content-type': 'text/plain',
        })
      ).status,
    ).toBe(415);
    const tooLarge = await agent.request('POST', '/api/v1/htcds/import', htcdsCsv([THIRD_ROW]), {
      ...CSV,
      'content-length': String(LIMITS.htcdsImportMaxBytes + 1),
    });
    expect(tooLarge.status).toBe(413);
    const big = 'prs_Gender\n' + 'Feminine\n'.repeat(Math.ceil(LIMITS.htcdsImportMaxBytes / 9) + 1);
    expect((await agent.request('POST', '/api/v1/htcds/import', big, CSV)).status).toBe(413);

    const notHtcds = await importCsv(agent, 'name,surname\nАйгуль,Серикова\n');
    expect(notHtcds.status).toBe(400);
    expect(notHtcds.body.error).toEqual({
      code: 'htcds.badFile',
      message:
        'This file cannot be imported: no column is named like an HTCDS field (such as prs_Gender or vic_TypeOfExploitation)',
    });
    const twice = await importCsv(agent, 'prs_Gender,PRS_GENDER\nFeminine,Feminine\n');
    expect(twice.body.error?.message).toMatch(
      /the columns “prs_Gender” and “PRS_GENDER” are both prs_Gender/,
    );
    expect((await importCsv(agent, '')).body.error?.message).toMatch(/the file is empty/);
    // Windows-1251 "Ай" after the header
    const cp1251 = await ctx.app.request('/api/v1/htcds/import', {
      method: 'POST',
      headers: { ...CSV, cookie: agent.cookie!, 'x-csrf-token': agent.csrf! },
      body: Buffer.concat([Buffer.from('prs_FirstName\n'), Buffer.from([0xc0, 0xe9, 0x0a])]),
    });
    expect(cp1251.status).toBe(400);
    expect(((await cp1251.json()) as { error: { code: string } }).error.code).toBe('htcds.notUtf8');
    expect(await countCases(org.id)).toBe(0);
    expect(
      (await auditRows(ctx, { action: 'htcds.imported', actorUserId: user.id })).map((r) => [
        r.outcome,
        r.details.reason,
      ]),
    ).toEqual([
      ['failure', 'noKnownColumn'],
      ['failure', 'duplicateColumn'],
      ['failure', 'emptyFile'],
      ['failure', 'notUtf8'],
    ]);
  });

  it('keeps organisations apart: an export holds only the organisation’s own cases', async () => {
    const a = await importer();
    const b = await importer();
    await importCsv(a.agent, htcdsCsv([SECOND_ROW, THIRD_ROW]));
    await importCsv(b.agent, htcdsCsv([FULL_ROW]));
    expect(await cells(await exportCsv(a.agent))).toHaveLength(3);
    const fromB = await cells(await exportCsv(b.agent));
    expect(fromB).toHaveLength(2);
    expect(fromB[1]![fromB[0]!.indexOf('prs_FirstName')]).toBe('Әйгерім');
  });

  const CTDC_FILE = path.resolve(
    import.meta.dirname,
    '../../../../shared/data/ctdc/ctdc-synthetic-victim-perpetrator.csv',
  );
  it.skipIf(!existsSync(CTDC_FILE))(
    'real data: a sample of the CTDC synthetic victim-perpetrator set imports, counts and exports unchanged',
    { timeout: 180_000 },
    async () => {
      // Every 20th row of the CTDC file, as one case each: the victim's context and the roles of
      // the perpetrator in it (per_*, which Senim keeps on the victim's case).
      const records: THtcdsRecord[] = [];
      let header: string[] = [];
      for await (const row of readCsv(createReadStream(CTDC_FILE), { strict: true })) {
        if (row.line === 1) header = row.fields;
        else if (row.line % 20 === 0) {
          const { victim, perpetrator } = ctdcVictimPerpetratorToHtcds(
            Object.fromEntries(header.map((h, i) => [h, row.fields[i] ?? ''])),
          );
          if (perpetrator.perpetratorContext.per_RoleInProcess)
            victim.perpetratorContext = perpetrator.perpetratorContext;
          victim.organisation.org_Name = 'Counter Trafficking Data Collaborative (CTDC)';
          victim.case.cas_Status = 'Closed';
          records.push(victim);
        }
      }
      expect(records.length).toBeGreaterThan(1000);
      const input = formatHtcdsCsv(records, { columns: HTCDS_FIELD_NAMES });
      const a = await importer();
      const res = await importCsv(a.agent, input);
      expect(res.body).toMatchObject({ committed: true, rows: records.length, imported: records.length });
      expect(await cells(await exportCsv(a.agent))).toEqual(await cells(input));

      const { rows } = await ctx.db.query<{
        female: number;
        forced: number;
        exploiter: number;
        familial: number;
      }>(
        `SELECT count(*) FILTER (WHERE p.sex = 'Feminine')::int AS female,
                count(*) FILTER (WHERE c.victim->'typesOfExploitation' ? 'ForcedLabour')::int AS forced,
                count(*) FILTER (WHERE c.victim->'perpetratorRoles' ? 'Exploiter')::int AS exploiter,
                count(*) FILTER (WHERE c.victim->>'relationshipToTrafficker' = 'Familial')::int AS familial
           FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.org_id = $1`,
        [a.user.orgId],
      );
      const count = (pred: (r: THtcdsRecord) => boolean) => records.filter(pred).length;
      expect(rows[0]).toEqual({
        female: count((r) => r.person.prs_Gender === 'Feminine'),
        forced: count((r) => r.victimContext.vic_TypeOfExploitation?.includes('ForcedLabour') === true),
        exploiter: count((r) => r.perpetratorContext.per_RoleInProcess?.includes('Exploiter') === true),
        familial: count((r) => r.victimContext.vic_RelationshipToTrafficker === 'Familial'),
      });
    },
  );
});
