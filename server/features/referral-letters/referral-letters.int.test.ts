import { beforeAll, describe, expect, it } from 'vitest';
import { kazakhstanDay } from '../../../shared/schemas/referrals';
import { agent, auditRows, buildOrg, buildUser, setupTestContext, signIn, type TTestContext, type TTestUser } from '../../test/harness';
import { enqueueJob, jobCounts } from '../../jobs/queue';
import { runJobsOnce, type TJobDeps } from '../../jobs/worker';
import { sealSnapshot } from '../referrals/snapshot';
import { MAX_CODE_FAILURES } from './letter';

let ctx: TTestContext;
let sender: TTestUser; // case worker of org A, sends and is assigned
let senderAdmin: TTestUser; // admin of A: reads the outbox, holds no referral.create
let receiver: TTestUser; // case worker of B (a partner with Senim)
let receiverOfficer: TTestUser; // partner officer of B
let stranger: TTestUser; // case worker of a third organisation
let orgA: string;
let orgB: string;
let orgU: string; // the union: no Senim, receives letters
let seq = 0;

function jobDeps(over: Partial<TJobDeps> = {}): TJobDeps {
  return { ...ctx.deps, ...over };
}

async function newReferral(to: string, delivery: 'app' | 'letter', status = 'sent'): Promise<{ id: string; reference: string; caseId: string }> {
  const { rows: c } = await ctx.db.query<{ id: string }>(
    `INSERT INTO cases (org_id, case_number, assigned_user_id) VALUES ($1, $2, $3) RETURNING id`,
    [orgA, `T-RL-${Date.now()}-${++seq}`, sender.id],
  );
  const caseId = c[0]!.id;
  const snapshot = sealSnapshot(ctx.deps.sealer, {
    caseNumber: `C-${seq}`,
    caseRegion: 'almaty_city',
    needs: ['legal_aid'],
    personName: { given: 'Жаннат', family: 'Серикова', middle: null },
    message: 'Please help with the employer',
  });
  const deadline = kazakhstanDay(Date.now() + 7 * 86_400_000);
  const { rows } = await ctx.db.query<{ id: string; reference: string }>(
    `INSERT INTO referrals (reference, from_org_id, from_case_id, to_org_id, delivery, reason, services, urgency, deadline,
        snapshot_sealed, shared_fields, status, sent_by)
     VALUES ($1, $2, $3, $4, $5, 'Other', '{legal_aid}', 'urgent', $6, $7, '{caseRegion,needs,personName}', $8, $9)
     RETURNING id, reference`,
    [`R-T-${Date.now()}-${seq}`, orgA, caseId, to, delivery, deadline, snapshot, status, sender.id],
  );
  return { ...rows[0]!, caseId };
}

async function issue(refId: string, who: TTestUser = sender) {
  const a = await signIn(ctx, who);
  const res = await a.request('POST', `/api/v1/referrals/${refId}/letter`);
  return { a, res, body: (await res.json()) as { reference: string; link: string; replyCode: string; expiresAt: string; pdfUrl: string; error?: { code: string } } };
}

const pub = (path: string, body: unknown, ip?: string) => agent(ctx.app).request('POST', `/api/public/referral-answers/${path}`, body, ip ? { 'x-forwarded-for': ip } : {});
const tokenOf = (link: string) => link.split('#')[1]!;

beforeAll(async () => {
  ctx = await setupTestContext();
  orgA = (await buildOrg(ctx, { name: `NGO A ${Date.now()}` })).id;
  orgB = (await buildOrg(ctx, { type: 'police', name: `Police B ${Date.now()}` })).id;
  orgU = (await buildOrg(ctx, { type: 'trade_union', name: `Union U ${Date.now()}` })).id;
  sender = await buildUser(ctx, { orgId: orgA, roles: ['case_worker'] });
  senderAdmin = await buildUser(ctx, { orgId: orgA, roles: ['admin'] });
  receiver = await buildUser(ctx, { orgId: orgB, roles: ['case_worker'] });
  receiverOfficer = await buildUser(ctx, { orgId: orgB, roles: ['partner_officer'] });
  await buildUser(ctx, { orgId: orgB, roles: ['analyst'] });
  stranger = await buildUser(ctx, { roles: ['case_worker'] });
  await ctx.db.query(
    `INSERT INTO partner_profiles (org_id, partner_type, names, membership, uses_senim, letter_language, notify_email)
     VALUES ($1, 'TradeUnion', $2, 'approved', false, 'kk', 'desk@union.test'),
            ($3, 'LawEnforcement', $4, 'approved', true, 'ru', NULL),
            ($5, 'NGO', $6, 'approved', true, 'ru', NULL)`,
    [orgU, JSON.stringify({ ru: 'Профсоюз У', kk: 'У кәсіподағы' }), orgB, JSON.stringify({ ru: 'Полиция Б' }), orgA, JSON.stringify({ ru: 'НПО А', kk: 'А ҮЕҰ' })],
  );
  // Drain what other setup left.
  await runJobsOnce(jobDeps());
});

describe('the job queue', () => {
  it('enqueues in the caller’s transaction: a rollback leaves no job', async () => {
    const before = (await jobCounts(ctx.db, 'referral.notify')).created ?? 0;
    await expect(
      ctx.db.transaction(async (tx) => {
        await enqueueJob(tx, 'referral.notify', { referralId: '00000000-0000-4000-8000-000000000000', event: 'sent' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await jobCounts(ctx.db, 'referral.notify')).created ?? 0).toBe(before);
    // A scoped request (senim_app) may enqueue too.
    await ctx.db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL ROLE senim_app`);
      await enqueueJob(tx, 'referral.notify', { referralId: '00000000-0000-4000-8000-000000000000', event: 'sent' });
    });
    expect((await jobCounts(ctx.db, 'referral.notify')).created ?? 0).toBe(before + 1);
    const run = await runJobsOnce(jobDeps(), { names: ['referral.notify'] });
    expect(run.done).toBeGreaterThanOrEqual(1);
  });

  it('keeps a job whose handler fails for a later retry (backoff), counting the attempts', async () => {
    await ctx.db.transaction((tx) => enqueueJob(tx, 'referral.notify', { referralId: 'not-a-uuid', event: 'sent' }));
    const run = await runJobsOnce(jobDeps(), { names: ['referral.notify'] });
    expect(run.failed).toBe(1);
    const { rows } = await ctx.db.query<{ state: string; retry_count: number; later: boolean }>(
      `SELECT state::text AS state, retry_count, start_after > now() AS later FROM pgboss.job WHERE name = 'referral.notify' AND data->>'referralId' = 'not-a-uuid'`,
    );
    expect(rows[0]).toMatchObject({ state: 'retry', later: true });
    // Not due yet: nothing runs.
    expect((await runJobsOnce(jobDeps(), { names: ['referral.notify'] })).failed).toBe(0);
    // Due: it runs again (and fails again: the attempt is counted, the next wait is longer).
    await ctx.db.query(`UPDATE pgboss.job SET start_after = now() - interval '1 second' WHERE name = 'referral.notify' AND data->>'referralId' = 'not-a-uuid'`);
    expect((await runJobsOnce(jobDeps(), { names: ['referral.notify'] })).failed).toBe(1);
    const { rows: again } = await ctx.db.query<{ state: string; retry_count: number; wait: number }>(
      `SELECT state::text AS state, retry_count, extract(epoch FROM start_after - now())::int AS wait FROM pgboss.job WHERE name = 'referral.notify' AND data->>'referralId' = 'not-a-uuid'`,
    );
    expect(again[0]).toMatchObject({ state: 'retry', retry_count: 1 });
    expect(again[0]!.wait).toBeGreaterThan(15);
  });

  it('an SMTP server that is down delays mail, never loses it or the referral; the last failure is audited', async () => {
    const ref = await newReferral(orgB, 'app');
    await ctx.db.transaction((tx) => enqueueJob(tx, 'referral.notify', { referralId: ref.id, event: 'sent' }));
    let up = false;
    const sent: string[] = [];
    const deps = jobDeps({
      config: { ...ctx.deps.config, smtpUrl: 'smtp://mail.invalid:25' },
      sendMail: async (m) => {
        if (!up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' });
        sent.push(m.to);
      },
    });
    await runJobsOnce(deps);
    const { rows: mails } = await ctx.db.query<{ id: string; to_address: string; sent_at: Date | null; attempts: number; last_error: string | null; body_text: string }>(
      `SELECT id, to_address, sent_at, attempts, last_error, body_text FROM mail_outbox WHERE body_text LIKE $1`,
      [`%${ref.reference}%`],
    );
    expect(mails.map((m) => m.to_address).sort()).toEqual([receiver.email, receiverOfficer.email].sort());
    for (const m of mails) {
      expect(m).toMatchObject({ sent_at: null, attempts: 1 });
      expect(m.last_error).toContain('ECONNECTION');
      expect(m.body_text).not.toContain('Серикова');
      expect(m.body_text).toContain(`/referrals/${ref.id}`);
    }
    const { rows: r } = await ctx.db.query<{ status: string }>(`SELECT status FROM referrals WHERE id = $1`, [ref.id]);
    expect(r[0]!.status).toBe('sent');
    // The server comes back: the retry sends it.
    up = true;
    await ctx.db.query(`UPDATE pgboss.job SET start_after = now() - interval '1 second' WHERE name = 'mail.send' AND state = 'retry'`);
    await runJobsOnce(deps);
    expect(sent.sort()).toEqual([receiver.email, receiverOfficer.email].sort());
    const { rows: after } = await ctx.db.query<{ sent_at: Date | null; attempts: number }>(`SELECT sent_at, attempts FROM mail_outbox WHERE id = ANY($1)`, [mails.map((m) => m.id)]);
    expect(after.every((m) => m.sent_at !== null && m.attempts === 2)).toBe(true);

    // A mail whose last retry fails is kept and audited as mail.failed.
    up = false;
    const mailId = await ctx.db.transaction(async (tx) => {
      const { rows: o } = await tx.query<{ id: string }>(
        `INSERT INTO mail_outbox (org_id, to_address, subject, body_text) VALUES ($1, 'x@test.senim', 's', 'b') RETURNING id`,
        [orgA],
      );
      await enqueueJob(tx, 'mail.send', { outboxId: o[0]!.id });
      return o[0]!.id;
    });
    await ctx.db.query(`UPDATE pgboss.job SET retry_limit = 1 WHERE name = 'mail.send' AND data->>'outboxId' = $1`, [mailId]);
    await runJobsOnce(deps, { names: ['mail.send'] });
    await ctx.db.query(`UPDATE pgboss.job SET start_after = now() - interval '1 second' WHERE name = 'mail.send' AND data->>'outboxId' = $1`, [mailId]);
    await runJobsOnce(deps, { names: ['mail.send'] });
    const { rows: j } = await ctx.db.query<{ state: string }>(`SELECT state::text AS state FROM pgboss.job WHERE name = 'mail.send' AND data->>'outboxId' = $1`, [mailId]);
    expect(j[0]!.state).toBe('failed');
    expect(await auditRows(ctx, { action: 'mail.failed', targetId: mailId })).toHaveLength(1);
    const { rows: kept } = await ctx.db.query<{ sent_at: Date | null; attempts: number }>(`SELECT sent_at, attempts FROM mail_outbox WHERE id = $1`, [mailId]);
    expect(kept[0]).toMatchObject({ sent_at: null, attempts: 2 });
  });

  it('without SMTP mail stays in the outbox (development) and the job completes', async () => {
    const ref = await newReferral(orgB, 'app');
    await ctx.db.transaction((tx) => enqueueJob(tx, 'referral.notify', { referralId: ref.id, event: 'sent' }));
    await runJobsOnce(jobDeps());
    const { rows } = await ctx.db.query<{ sent_at: Date | null }>(`SELECT sent_at FROM mail_outbox WHERE body_text LIKE $1`, [`%${ref.reference}%`]);
    expect(rows.length).toBe(2);
    expect(rows.every((m) => m.sent_at === null)).toBe(true);
  });
});

describe('notifications', () => {
  it('tells the right users, in their language, and each user sees only their own', async () => {
    const ref = await newReferral(orgB, 'app');
    await ctx.db.query(`UPDATE users SET locale = 'kk' WHERE id = $1`, [receiver.id]);
    await ctx.db.transaction(async (tx) => {
      await enqueueJob(tx, 'referral.notify', { referralId: ref.id, event: 'sent' });
      await enqueueJob(tx, 'referral.notify', { referralId: ref.id, event: 'accepted' });
    });
    await runJobsOnce(jobDeps());
    const { rows } = await ctx.db.query<{ user_id: string; kind: string }>(`SELECT user_id, kind FROM notifications WHERE referral_id = $1 ORDER BY kind, user_id`, [ref.id]);
    expect(rows.filter((n) => n.kind === 'referralReceived').map((n) => n.user_id).sort()).toEqual([receiver.id, receiverOfficer.id].sort());
    expect(rows.filter((n) => n.kind === 'referralAccepted').map((n) => n.user_id)).toEqual([sender.id]);
    const { rows: kk } = await ctx.db.query<{ subject: string }>(`SELECT subject FROM mail_outbox WHERE to_address = $1 AND body_text LIKE $2`, [receiver.email, `%${ref.reference}%`]);
    expect(kk[0]!.subject).toContain('жолдамасы келді');

    // The API: 401 → own only → read one → 404 for another's → read all.
    expect((await agent(ctx.app).request('GET', '/api/v1/notifications')).status).toBe(401);
    const a = await signIn(ctx, receiver);
    const res = await a.request('GET', '/api/v1/notifications');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: { id: string; kind: string; reference: string; referralId: string; readAt: string | null }[]; unread: number };
    const mine = list.items.find((n) => n.referralId === ref.id)!;
    expect(mine).toMatchObject({ kind: 'referralReceived', reference: ref.reference, readAt: null });
    expect(list.items.every((n) => n.kind !== 'referralAccepted' || n.referralId !== ref.id)).toBe(true);
    expect(await auditRows(ctx, { action: 'notification.listed', actorUserId: receiver.id })).toHaveLength(1);
    const s = await signIn(ctx, sender);
    expect((await s.request('POST', `/api/v1/notifications/${mine.id}/read`)).status).toBe(404);
    expect((await a.request('POST', `/api/v1/notifications/not-a-uuid/read`)).status).toBe(400);
    expect((await a.request('POST', `/api/v1/notifications/${mine.id}/read`)).status).toBe(204);
    const again = (await (await a.request('GET', '/api/v1/notifications')).json()) as typeof list;
    expect(again.unread).toBe(list.unread - 1);
    expect((await a.request('POST', '/api/v1/notifications/read-all')).status).toBe(200);
    expect(((await (await a.request('GET', '/api/v1/notifications')).json()) as typeof list).unread).toBe(0);
  });

  it('the outbox: administrators of the organisation only, its own mail, audited', async () => {
    expect((await agent(ctx.app).request('GET', '/api/v1/mail-outbox')).status).toBe(401);
    const cw = await signIn(ctx, sender);
    expect((await cw.request('GET', '/api/v1/mail-outbox')).status).toBe(403);
    const adminB = await buildUser(ctx, { orgId: orgB, roles: ['admin'] });
    const b = await signIn(ctx, adminB);
    const res = await b.request('GET', '/api/v1/mail-outbox');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { to: string }[]; smtpConfigured: boolean };
    expect(body.smtpConfigured).toBe(false);
    expect(body.items.length).toBeGreaterThan(0);
    const { rows } = await ctx.db.query<{ to_address: string }>(`SELECT to_address FROM mail_outbox WHERE org_id = $1`, [orgB]);
    expect(new Set(body.items.map((m) => m.to))).toEqual(new Set(rows.map((r) => r.to_address)));
    expect(body.items.some((m) => m.to === sender.email)).toBe(false);
    expect(await auditRows(ctx, { action: 'mail.outboxRead', actorUserId: adminB.id })).toHaveLength(1);
    void senderAdmin;
  });

  it('a letter partner’s desk is told a letter is on its way: no link, no personal data', async () => {
    const ref = await newReferral(orgU, 'letter');
    await ctx.db.transaction((tx) => enqueueJob(tx, 'referral.notify', { referralId: ref.id, event: 'sent' }));
    await runJobsOnce(jobDeps());
    const { rows } = await ctx.db.query<{ subject: string; body_text: string; org_id: string }>(`SELECT subject, body_text, org_id FROM mail_outbox WHERE to_address = 'desk@union.test' AND subject LIKE $1`, [`%${ref.reference}%`]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.org_id).toBe(orgU);
    expect(rows[0]!.body_text).toContain('А ҮЕҰ'); // the sender's name in Kazakh, the letter's language
    expect(rows[0]!.body_text).not.toMatch(/answer|http|Серикова/);
  });
});

describe('letters', () => {
  it('deny ladder of issuing: 401, 403 without referral.create, 404 receiver and strangers, 409 app referral', async () => {
    const ref = await newReferral(orgU, 'letter');
    expect((await agent(ctx.app).request('POST', `/api/v1/referrals/${ref.id}/letter`)).status).toBe(401);
    expect((await issue(ref.id, receiverOfficer)).res.status).toBe(403);
    expect((await issue(ref.id, stranger)).res.status).toBe(404);
    const app = await newReferral(orgB, 'app');
    expect((await issue(app.id, receiver)).res.status).toBe(404);
    const r409 = await issue(app.id);
    expect(r409.res.status).toBe(409);
    expect(r409.body.error!.code).toBe('error.referralNotLetter');
    expect((await issue('not-a-uuid')).res.status).toBe(400);
    expect((await auditRows(ctx, { action: 'access.denied', targetId: ref.id })).length).toBeGreaterThanOrEqual(2);
  });

  it('issues a one-time link and a reply code shown once, hashes only stored; the PDF carries them', async () => {
    const ref = await newReferral(orgU, 'letter');
    const { a, res, body } = await issue(ref.id);
    expect(res.status).toBe(200);
    expect(body.link).toMatch(/\/answer#[A-Za-z0-9_-]{43}$/);
    expect(body.replyCode).toMatch(/^[A-Z0-9]{8}$/);
    const { rows } = await ctx.db.query<{ row: string; expires: string; deadline: string }>(
      `SELECT row_to_json(r)::text AS row, to_char(letter_expires_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') AS expires,
              to_char(deadline + 15, 'YYYY-MM-DD') AS deadline FROM referrals r WHERE id = $1`,
      [ref.id],
    );
    expect(rows[0]!.row).not.toContain(body.replyCode);
    expect(rows[0]!.row).not.toContain(tokenOf(body.link));
    expect(rows[0]!.expires).toBe(`${rows[0]!.deadline} 00:00`);
    const { rows: ev } = await ctx.db.query<{ kind: string }>(`SELECT kind FROM case_events WHERE case_id = $1`, [ref.caseId]);
    expect(ev.map((e) => e.kind)).toContain('referralLetterIssued');
    expect(await auditRows(ctx, { action: 'referral.letterIssued', targetId: ref.id })).toHaveLength(1);

    const pdf = await a.request('GET', body.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    expect(await auditRows(ctx, { action: 'referral.letterRead', targetId: ref.id })).toHaveLength(1);
    // Another user of the sender's organisation cannot use the ticket; a damaged one is refused.
    const other = await signIn(ctx, await buildUser(ctx, { orgId: orgA, roles: ['case_worker'] }));
    expect((await other.request('GET', body.pdfUrl)).status).toBe(410);
    expect((await a.request('GET', `${body.pdfUrl.slice(0, -4)}AAAA`)).status).toBe(410);
    // Reissuing voids the previous link and its download.
    const second = await issue(ref.id);
    expect(second.body.replyCode).not.toBe(body.replyCode);
    expect((await a.request('GET', body.pdfUrl)).status).toBe(410);
    expect((await pub('view', { token: tokenOf(body.link) })).status).toBe(410);
    expect((await pub('view', { token: tokenOf(second.body.link) })).status).toBe(200);
  });
});

describe('the public answer', () => {
  it('views without personal data, refuses wrong codes and locks after five, answers once', async () => {
    const ref = await newReferral(orgU, 'letter');
    const { body } = await issue(ref.id);
    const token = tokenOf(body.link);
    expect((await pub('view', { token: 'x'.repeat(43) })).status).toBe(410);
    expect((await pub('view', {})).status).toBe(400);
    const v = await pub('view', { token });
    expect(v.status).toBe(200);
    const view = (await v.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ reference: ref.reference, status: 'sent', answerable: true, toName: 'Профсоюз У' });
    expect(JSON.stringify(view)).not.toContain('Серикова');

    const wrong = await pub('answer', { token, code: 'AAAA-AAAA', status: 'accepted' });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('error.wrongReplyCode');
    const { rows } = await ctx.db.query<{ letter_failures: number; status: string }>(`SELECT letter_failures, status FROM referrals WHERE id = $1`, [ref.id]);
    expect(rows[0]).toMatchObject({ letter_failures: 1, status: 'sent' });
    expect(await auditRows(ctx, { action: 'referral.linkRefused', targetId: ref.id })).toHaveLength(1);

    // Bad input: a decline without its reason, an unknown field.
    expect((await pub('answer', { token, code: body.replyCode, status: 'declined' })).status).toBe(400);
    expect((await pub('answer', { token, code: body.replyCode, status: 'accepted', extra: 1 })).status).toBe(400);
    // Lower case with a dash, as typed from paper.
    const code = `${body.replyCode.slice(0, 4)}-${body.replyCode.slice(4)}`.toLowerCase();
    const ok = await pub('answer', { token, code, status: 'declined', reason: 'no_capacity', note: 'We are full this month' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ reference: ref.reference, status: 'declined' });
    expect(await auditRows(ctx, { action: 'referral.linkAnswered', targetId: ref.id })).toMatchObject([{ outcome: 'success' }]);
    // Spent.
    const spent = await pub('answer', { token, code: body.replyCode, status: 'accepted' });
    expect(spent.status).toBe(410);
    expect(((await spent.json()) as { error: { code: string } }).error.code).toBe('error.linkExpired');

    // The sender sees the answer, and is notified of it.
    const s = await signIn(ctx, sender);
    const got = await s.request('GET', `/api/v1/referrals/${ref.id}`);
    if (got.status === 200) {
      expect(await got.json()).toMatchObject({ status: 'declined', answerCode: 'no_capacity' });
    } else {
      const { rows: st } = await ctx.db.query<{ status: string; answer_code: string }>(`SELECT status, answer_code FROM referrals WHERE id = $1`, [ref.id]);
      expect(st[0]).toMatchObject({ status: 'declined', answer_code: 'no_capacity' });
    }
    await runJobsOnce(jobDeps());
    const { rows: n } = await ctx.db.query<{ user_id: string; kind: string }>(`SELECT user_id, kind FROM notifications WHERE referral_id = $1`, [ref.id]);
    expect(n).toEqual([{ user_id: sender.id, kind: 'referralAnsweredByLetter' }]);

    // Five wrong codes lock a link.
    const ref2 = await newReferral(orgU, 'letter');
    const t2 = tokenOf((await issue(ref2.id)).body.link);
    for (let i = 0; i < MAX_CODE_FAILURES; i++) {
      expect((await pub('answer', { token: t2, code: 'AAAAAAAA', status: 'accepted' }, `10.0.0.${i}`)).status).toBe(403);
    }
    const locked = await pub('answer', { token: t2, code: 'AAAAAAAA', status: 'accepted' });
    expect(locked.status).toBe(410);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('error.linkLocked');
  });

  it('refuses an expired link and a revoked referral with clear errors', async () => {
    const ref = await newReferral(orgU, 'letter');
    const { body } = await issue(ref.id);
    await ctx.db.query(`UPDATE referrals SET letter_expires_at = now() - interval '1 minute' WHERE id = $1`, [ref.id]);
    const exp = await pub('answer', { token: tokenOf(body.link), code: body.replyCode, status: 'accepted' });
    expect(exp.status).toBe(410);

    const rev = await newReferral(orgU, 'letter');
    const r2 = await issue(rev.id);
    await ctx.db.query(`UPDATE referrals SET status = 'revoked', closed_at = now() WHERE id = $1`, [rev.id]);
    const view = (await (await pub('view', { token: tokenOf(r2.body.link) })).json()) as { status: string; answerable: boolean };
    expect(view).toMatchObject({ status: 'revoked', answerable: false });
    const res = await pub('answer', { token: tokenOf(r2.body.link), code: r2.body.replyCode, status: 'completed', outcome: 'service_provided' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('error.referralRevokedBySender');
    const { rows } = await ctx.db.query<{ status: string; letter_used_at: Date | null }>(`SELECT status, letter_used_at FROM referrals WHERE id = $1`, [rev.id]);
    expect(rows[0]).toMatchObject({ status: 'revoked', letter_used_at: null });
    // A letter for a final referral is not issued.
    expect((await issue(rev.id)).res.status).toBe(409);
  });

  it('refuses cross-site posts', async () => {
    const res = await agent(ctx.app).request('POST', '/api/public/referral-answers/view', { token: 'x'.repeat(43) }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});
