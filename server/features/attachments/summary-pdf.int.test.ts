import { beforeAll, describe, expect, it } from 'vitest';
import { htcdsLabel } from '../../../shared/htcds';
import type { TRole } from '../../../shared/roles';
import { buildActor } from '../../access/actor';
import { withScope } from '../../access/scoped-db';
import {
  agent,
  auditRows,
  buildUser,
  setupTestContext,
  signIn,
  type TAgent,
  type TTestContext,
  type TTestUser,
} from '../../test/harness';
import { renderSummaryPdf } from './pdf-render';
import { pdfPageTexts } from './pdf-text.test-helper';
import { buildSummary, loadSummaryData, pdfMessage } from './summary-pdf';

let ctx: TTestContext;
let orgId: string;
type TWho = TRole | 'stranger';
const users: Partial<Record<TWho, TTestUser>> = {};
const as: Partial<Record<TWho, TAgent>> = {};

beforeAll(async () => {
  ctx = await setupTestContext();
  users.case_worker = await buildUser(ctx, { roles: ['case_worker'] });
  orgId = users.case_worker.orgId;
  as.case_worker = await signIn(ctx, users.case_worker, { locale: 'kk' });
  for (const role of ['operator', 'supervisor', 'admin'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.stranger = await buildUser(ctx, { roles: ['supervisor'] });
  as.stranger = await signIn(ctx, users.stranger);
});

const NARRATIVE = 'Жұмыс берушісі төлқұжатын алып қойды, Дубайға апарды.';

/** A case with something in every section, written straight to the tables. */
async function richCase(): Promise<{ id: string; caseNumber: string }> {
  const res = await as.case_worker!.request('POST', '/api/v1/cases', {
    person: {
      givenName: 'Әйгерім',
      familyName: 'Нұрланқызы',
      phone: '+7 701 555 0303',
      sex: 'Feminine',
      citizenship: 'KAZ',
      languages: ['kaz'],
    },
    region: 'turkistan',
  });
  expect(res.status).toBe(201);
  const kase = (await res.json()) as { id: string; caseNumber: string };
  const seal = (v: string, context: string) => ctx.deps.sealer.seal(v, context);
  await ctx.db.query(
    `UPDATE cases SET victim = $2, trafficking_status = 'PossibleVictimOfTrafficking', sensitive_sealed = $3 WHERE id = $1`,
    [
      kase.id,
      JSON.stringify({
        traffickingStatus: 'PossibleVictimOfTrafficking',
        typesOfExploitation: ['ForcedLabour', 'SexualExploitation'],
        methodsOfControl: ['WithholdsDocuments', 'DebtBondage'],
        recruitmentWebsites: ['Telegram'],
        ageWhenTrafficked: 19,
      }),
      seal(JSON.stringify({ narrative: NARRATIVE, health: 'Қант диабеті' }), 'cases.sensitive'),
    ],
  );
  await ctx.db.query(
    `INSERT INTO trafficking_events (org_id, case_id, event_type, event_date, country, city, description_sealed)
     VALUES ($1, $2, 'Recruitment', '2025-04-01', 'KAZ', 'Шымкент', $3), ($1, $2, 'Exploitation', '2025-05-10', 'ARE', 'Дубай', NULL)`,
    [orgId, kase.id, seal('Telegram арқылы жұмыс ұсынды', 'trafficking_events.description')],
  );
  await ctx.db.query(
    `INSERT INTO consents (org_id, case_id, explained, agreed, given_on, given_by, language)
     VALUES ($1, $2, '{store_data,share_with_partners}', '{store_data}', '2025-06-01', 'person', 'kaz')`,
    [orgId, kase.id],
  );
  await ctx.db.query(
    `INSERT INTO assessments (org_id, case_id, assessed_on, needs, risk_level, summary_sealed) VALUES ($1, $2, '2025-06-02', '{shelter,legal_aid}', 'high', $3)`,
    [orgId, kase.id, seal('Баспана қажет', 'assessments.summary')],
  );
  await ctx.db.query(
    `INSERT INTO support_plans (org_id, case_id, plan_types, planned_end) VALUES ($1, $2, '{Legal,SocialCare}', '2025-12-31')`,
    [orgId, kase.id],
  );
  await ctx.db.query(
    `INSERT INTO case_services (org_id, case_id, service_type, provider_name, delivered_on, outcome) VALUES ($1, $2, 'shelter', 'Дағдарыс орталығы', '2025-06-03', 'ongoing')`,
    [orgId, kase.id],
  );
  await ctx.db.query(
    `INSERT INTO follow_ups (org_id, case_id, followed_on, method, outcome) VALUES ($1, $2, '2025-07-01', 'phone', 'stable')`,
    [orgId, kase.id],
  );
  return kase;
}

const getPdf = (a: TAgent, id: string) =>
  agent(ctx.app).request('GET', `/api/v1/cases/${id}/summary.pdf`, undefined, {
    ...(a.cookie ? { cookie: a.cookie } : {}),
    'accept-language': a === as.case_worker ? 'kk' : 'en',
  });

describe('GET /api/v1/cases/{id}/summary.pdf', () => {
  it('deny ladder: 401, 404 for another organisation (audited), 403 without case.export (audited)', async () => {
    const kase = await richCase();
    expect((await getPdf(agent(ctx.app), kase.id)).status).toBe(401);
    expect((await getPdf(as.stranger!, kase.id)).status).toBe(404);
    expect(
      await auditRows(ctx, { action: 'access.denied', targetId: kase.id, actorUserId: users.stranger!.id }),
    ).toHaveLength(1);
    for (const who of ['operator', 'admin'] as const) {
      expect((await getPdf(as[who]!, kase.id)).status).toBe(403);
      expect(
        await auditRows(ctx, { action: 'access.denied', targetId: kase.id, actorUserId: users[who]!.id }),
      ).toEqual([
        expect.objectContaining({ details: expect.objectContaining({ attempted: 'case.export' }) }),
      ]);
    }
    expect((await getPdf(as.case_worker!, 'nope')).status).toBe(400);
    expect(await auditRows(ctx, { action: 'case.exported', targetId: kase.id })).toHaveLength(0);
  });

  it('a PDF in Kazakh for a Kazakh session: the labels, the HTCDS codes translated, the font embedded; audited and on the timeline', async () => {
    const kase = await richCase();
    const res = await getPdf(as.case_worker!, kase.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${kase.caseNumber}-summary.pdf"`,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Helvetica');

    const text = pdfPageTexts(pdf).join('\n');
    for (const label of [
      'Іс бойынша қысқаша мәлімет',
      kase.caseNumber,
      'Мәртебесі',
      htcdsLabel('kk', 'caseStatus', 'Active'), // Белсенді
      'Кезеңі',
      'Жаңа',
      'Түркістан облысы',
      'Жәбірленуші туралы мәліметтер',
      htcdsLabel('kk', 'traffickingStatus', 'PossibleVictimOfTrafficking'),
      htcdsLabel('kk', 'typeOfExploitation', 'ForcedLabour'),
      htcdsLabel('kk', 'methodOfControl', 'WithholdsDocuments'),
      htcdsLabel('kk', 'gender', 'Feminine'),
      htcdsLabel('kk', 'traffickingEventType', 'Recruitment'),
      htcdsLabel('kk', 'supportPlanType', 'SocialCare'),
      'Нұрланқызы Әйгерім', // identity: a case worker reads it
      '+7 701 555 0303',
      NARRATIVE, // sensitive: a case worker reads it
      'Telegram арқылы жұмыс ұсынды',
      'Баспана қажет',
      'Қолданыстағы келісім',
      'Іс жүргізу (деректерді сақтау)',
      'Жоғары', // risk
      'Дағдарыс орталығы',
      'Жағдайы тұрақты',
      'Құпия — Test User пайдаланушысы',
      '1-беті',
    ]) {
      expect(text, label).toContain(label);
    }
    expect(text).toMatch(/[әғқңөұүһі]/);

    expect(await auditRows(ctx, { action: 'case.exported', targetId: kase.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { format: 'pdf', locale: 'kk', identity: true, sensitive: true },
      }),
    ]);
    const timeline = (await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}`)).json())
      .timeline;
    expect(timeline.at(-1)).toMatchObject({
      kind: 'exported',
      userId: users.case_worker!.id,
      payload: { format: 'pdf', locale: 'kk' },
    });
  });

  it('in the user’s language: Russian and English labels for those sessions', async () => {
    const kase = await richCase();
    const ru = await agent(ctx.app).request('GET', `/api/v1/cases/${kase.id}/summary.pdf`, undefined, {
      cookie: as.supervisor!.cookie!,
      'accept-language': 'ru',
    });
    const ruText = pdfPageTexts(Buffer.from(await ru.arrayBuffer())).join('\n');
    expect(ruText).toContain('Сводка по делу');
    expect(ruText).toContain(htcdsLabel('ru', 'typeOfExploitation', 'ForcedLabour'));
    const en = await getPdf(as.supervisor!, kase.id);
    const enText = pdfPageTexts(Buffer.from(await en.arrayBuffer())).join('\n');
    expect(enText).toContain('Case summary');
    expect(enText).toContain('Confidential — generated by Test User on');
  });

  it('leaves out identity and sensitive texts for a reader without case.readIdentity / case.readSensitive', async () => {
    const kase = await richCase();
    // No role holds case.export without the two today: the rule is checked on the summary itself.
    const actor = buildActor({
      userId: users.case_worker!.id,
      orgId,
      roles: ['case_worker'],
      isNetworkAdmin: false,
      locale: 'en',
      sessionIdHash: new Uint8Array(32),
    });
    const restricted = {
      ...actor,
      actions: new Set(
        [...actor.actions].filter((a) => a !== 'case.readIdentity' && a !== 'case.readSensitive'),
      ),
    };
    const origin = { actorUserId: actor.userId, actorOrgId: orgId, ip: '127.0.0.1', requestId: 'test' };
    const data = await withScope(ctx.db, restricted, ctx.deps.keyring.auditKey, origin, (sdb) =>
      loadSummaryData(sdb, ctx.deps.sealer, kase.id),
    );
    const text = pdfPageTexts(
      await renderSummaryPdf(buildSummary('en', restricted, ctx.deps.sealer, data)),
    ).join('\n');
    expect(text).toContain(pdfMessage('en', 'pdf.identityHidden'));
    expect(text).toContain(pdfMessage('en', 'pdf.sensitiveHidden'));
    for (const secret of [
      'Нұрланқызы',
      'Әйгерім',
      '555 0303',
      NARRATIVE,
      'Telegram арқылы',
      'Баспана қажет',
      'Қант диабеті',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain(htcdsLabel('en', 'typeOfExploitation', 'ForcedLabour')); // codes are not sensitive
  });
});
