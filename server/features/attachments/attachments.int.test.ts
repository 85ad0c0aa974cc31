import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/limits';
import type { TRole } from '../../../shared/roles';
import { createApp, type TApp } from '../../app';
import { addSealKey } from '../../crypto/keyring';
import { Sealer } from '../../crypto/seal';
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
import {
  attachmentFileKeyUsage,
  CONTENT_CONTEXT,
  openContent,
  resealAttachmentFiles,
  sealContent,
} from './storage';

let ctx: TTestContext;
let orgId: string;
type TWho = TRole | 'stranger';
const users: Partial<Record<TWho, TTestUser>> = {};
const as: Partial<Record<TWho, TAgent>> = {};
let folder: string;

beforeAll(async () => {
  ctx = await setupTestContext();
  const first = await buildUser(ctx, { roles: ['case_worker'] });
  orgId = first.orgId;
  users.case_worker = first;
  as.case_worker = await signIn(ctx, first);
  for (const role of ['operator', 'supervisor', 'admin'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.stranger = await buildUser(ctx, { roles: ['supervisor'] });
  as.stranger = await signIn(ctx, users.stranger);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'senim-attachments-'));
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const MARKER = 'SENIM-PLAINTEXT-MARKER-3f9a1c';
const pdfFile = Buffer.from(
  `%PDF-1.4\n% ${MARKER}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
);
// A 1×1 PNG with the marker in a tEXt chunk.
const pngFile = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from(`\0\0\0\x1ftEXtComment\0${MARKER}xx`, 'latin1'),
  Buffer.from('0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'),
]);
const jpegFile = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from(MARKER),
  Buffer.from([0xff, 0xd9]),
]);
const webpFile = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([20, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.from(MARKER),
]);
const hexOf = (b: Buffer | string) => Buffer.from(b).toString('hex');

async function openCase(who: TWho = 'case_worker') {
  const res = await as[who]!.request('POST', '/api/v1/cases', {
    person: { givenName: 'Айгерим', familyName: 'Сапарова' },
    region: 'almaty',
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

type TUpload = { type?: string; kind?: string; filename?: string; app?: TApp; csrf?: boolean };
function upload(a: TAgent, caseId: string, body: Uint8Array, o: TUpload = {}) {
  const headers: Record<string, string> = { 'accept-language': 'en', 'content-type': o.type ?? 'image/png' };
  if (a.cookie) headers.cookie = a.cookie;
  if (a.csrf && o.csrf !== false) headers['x-csrf-token'] = a.csrf;
  const q = new URLSearchParams({ kind: o.kind ?? 'photo', filename: o.filename ?? 'photo.png' });
  return (o.app ?? ctx.app).request(`/api/v1/cases/${caseId}/attachments?${q}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(body),
  });
}
function get(a: TAgent, url: string, app: TApp = ctx.app) {
  return app.request(url, {
    headers: { 'accept-language': 'en', ...(a.cookie ? { cookie: a.cookie } : {}) },
  });
}
const attachmentCount = async (caseId: string) =>
  (
    await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE case_id = $1', [
      caseId,
    ])
  ).rows[0]!.n;

describe('POST /api/v1/cases/{id}/attachments', () => {
  it('deny ladder: 401, 404 (another organisation, audited), 403 (audited), 413, 415, 400 — nothing stored', async () => {
    const kase = await openCase();
    const url = `/api/v1/cases/${kase.id}/attachments`;
    expect((await upload(agent(ctx.app), kase.id, pngFile)).status).toBe(401);
    expect((await upload(as.case_worker!, kase.id, pngFile, { csrf: false })).status).toBe(403);

    expect((await upload(as.stranger!, kase.id, pngFile)).status).toBe(404);
    expect(
      await auditRows(ctx, { action: 'access.denied', targetId: kase.id, actorUserId: users.stranger!.id }),
    ).toHaveLength(1);

    expect((await upload(as.operator!, kase.id, pngFile)).status).toBe(403);
    expect(
      await auditRows(ctx, { action: 'access.denied', targetId: kase.id, actorUserId: users.operator!.id }),
    ).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: expect.objectContaining({ attempted: 'attachment.create' }),
      }),
    ]);

    const big = new Uint8Array(LIMITS.attachmentMaxBytes + 1);
    big.set(pngFile);
    expect((await upload(as.case_worker!, kase.id, big)).status).toBe(413);

    expect((await upload(as.case_worker!, kase.id, pngFile, { type: 'text/html' })).status).toBe(415);
    expect((await upload(as.case_worker!, kase.id, pngFile, { type: 'image/gif' })).status).toBe(415);
    // declared one type, the first bytes show another (or none)
    const mismatch = await upload(as.case_worker!, kase.id, pngFile, {
      type: 'application/pdf',
      filename: 'x.pdf',
    });
    expect(mismatch.status).toBe(415);
    expect((await mismatch.json()).error.code).toBe('error.attachmentTypeMismatch');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect((await upload(as.case_worker!, kase.id, html, { type: 'image/png' })).status).toBe(415);
    expect((await upload(as.case_worker!, kase.id, jpegFile, { type: 'image/webp' })).status).toBe(415);

    expect((await upload(as.case_worker!, kase.id, pngFile, { kind: 'selfie' })).status).toBe(400);
    expect((await upload(as.case_worker!, kase.id, pngFile, { filename: '' })).status).toBe(400);
    for (const filename of ['../', '..', 'C:\\temp\\', '/etc/..', '\u202e\u0000']) {
      const res = await ctx.app.request(`${url}?kind=photo&filename=${encodeURIComponent(filename)}`, {
        method: 'POST',
        headers: {
          'content-type': 'image/png',
          cookie: as.case_worker!.cookie!,
          'x-csrf-token': as.case_worker!.csrf!,
        },
        body: pngFile,
      });
      expect(res.status, JSON.stringify(filename)).toBe(400);
    }
    const missing = await ctx.app.request(`${url}?kind=photo`, {
      method: 'POST',
      headers: {
        'content-type': 'image/png',
        cookie: as.case_worker!.cookie!,
        'x-csrf-token': as.case_worker!.csrf!,
      },
      body: pngFile,
    });
    expect(missing.status).toBe(400);
    expect((await upload(as.case_worker!, kase.id, new Uint8Array(0))).status).toBe(400);
    expect((await upload(as.case_worker!, crypto.randomUUID(), pngFile)).status).toBe(404);
    expect(await attachmentCount(kase.id)).toBe(0);
  });

  it('201: stores each accepted type sealed (no plaintext in the row), keeps the sha256, audits, adds to the timeline', async () => {
    const kase = await openCase();
    const files = [
      { body: pngFile, type: 'image/png', kind: 'photo', name: 'photo.png' },
      { body: pdfFile, type: 'application/pdf', kind: 'identity_document', name: 'Паспорт Сапаровой.pdf' },
      { body: jpegFile, type: 'image/jpeg; charset=binary', kind: 'medical', name: 'scan.JPG' },
      { body: webpFile, type: 'image/webp', kind: 'other', name: 'C:\\Users\\worker\\Desktop\\снимок.webp' },
    ];
    for (const f of files) {
      const res = await upload(as.case_worker!, kase.id, f.body, {
        type: f.type,
        kind: f.kind,
        filename: f.name,
      });
      expect(res.status, f.name).toBe(201);
      const a = await res.json();
      expect(a).toMatchObject({
        kind: f.kind,
        mimeType: f.type.split(';')[0],
        sizeBytes: f.body.byteLength,
        createdBy: users.case_worker!.id,
        createdByName: 'Test User',
      });
      expect(a.filename).toBe(f.name.includes('\\') ? 'снимок.webp' : f.name);
      const { rows } = await ctx.db.query<{
        content: string;
        filename: string;
        sha: string;
        storage_path: string | null;
      }>(
        `SELECT encode(content_sealed, 'hex') AS content, encode(filename_sealed, 'hex') AS filename,
                encode(sha256, 'hex') AS sha, storage_path FROM attachments WHERE id = $1`,
        [a.id],
      );
      expect(rows[0]!.storage_path).toBeNull();
      expect(rows[0]!.content).not.toContain(hexOf(MARKER));
      expect(rows[0]!.content).not.toContain(hexOf(f.body.subarray(0, 4)) + hexOf(f.body.subarray(4, 12)));
      expect(rows[0]!.filename).not.toContain(hexOf(a.filename));
      expect(rows[0]!.sha).toBe(crypto.createHash('sha256').update(f.body).digest('hex'));
      expect(await auditRows(ctx, { action: 'attachment.added', targetId: a.id })).toEqual([
        expect.objectContaining({
          outcome: 'success',
          details: expect.objectContaining({ caseId: kase.id, kind: f.kind, sizeBytes: f.body.byteLength }),
        }),
      ]);
    }
    const timeline = (await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}`)).json())
      .timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'attachmentAdded')).toHaveLength(4);
    expect(JSON.stringify(timeline)).not.toContain('Сапаровой');
  });

  it('refuses more than attachmentsPerCaseMax files on one case (409)', async () => {
    const kase = await openCase();
    const sealed = sealContent(ctx.deps.sealer, pngFile);
    await ctx.db.query(
      `INSERT INTO attachments (org_id, case_id, kind, mime_type, size_bytes, sha256, filename_sealed, content_sealed)
       SELECT $1, $2, 'photo', 'image/png', $3, $4, $5, $6 FROM generate_series(1, $7)`,
      [
        orgId,
        kase.id,
        pngFile.byteLength,
        Buffer.alloc(32),
        ctx.deps.sealer.seal('x.png', 'attachments.filename'),
        sealed,
        LIMITS.attachmentsPerCaseMax,
      ],
    );
    const res = await upload(as.case_worker!, kase.id, pngFile);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('error.attachmentsPerCaseLimit');
    expect(await attachmentCount(kase.id)).toBe(LIMITS.attachmentsPerCaseMax);
  });
});

describe('GET list and content, DELETE', () => {
  it('list: 401, 404 (audited), 403 for a role without attachment.read (audited), 200 newest first (audited)', async () => {
    const kase = await openCase();
    const url = `/api/v1/cases/${kase.id}/attachments`;
    const first = await (await upload(as.case_worker!, kase.id, pngFile, { filename: 'one.png' })).json();
    const second = await (
      await upload(as.supervisor!, kase.id, pdfFile, {
        type: 'application/pdf',
        kind: 'legal',
        filename: 'two.pdf',
      })
    ).json();

    expect((await get(agent(ctx.app), url)).status).toBe(401);
    expect((await get(as.stranger!, url)).status).toBe(404);
    expect(
      await auditRows(ctx, { action: 'access.denied', targetId: kase.id, actorUserId: users.stranger!.id }),
    ).toHaveLength(1);
    for (const who of ['operator', 'admin'] as const) {
      expect((await get(as[who]!, url)).status).toBe(403);
      expect(
        await auditRows(ctx, { action: 'access.denied', targetId: kase.id, actorUserId: users[who]!.id }),
      ).toHaveLength(1);
    }
    const res = await get(as.case_worker!, url);
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.map((a: { id: string }) => a.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({
      filename: 'two.pdf',
      kind: 'legal',
      mimeType: 'application/pdf',
      createdBy: users.supervisor!.id,
    });
    expect(await auditRows(ctx, { action: 'attachment.listed', targetId: kase.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { count: 2 } }),
    ]);
  });

  it('content: the same bytes back as a download (nosniff, no-store), audited; 404 for other cases and organisations', async () => {
    const kase = await openCase();
    const other = await openCase();
    const a = await (
      await upload(as.case_worker!, kase.id, pdfFile, {
        type: 'application/pdf',
        filename: 'Паспорт "1".pdf',
      })
    ).json();
    const url = `/api/v1/cases/${kase.id}/attachments/${a.id}/content`;

    expect((await get(agent(ctx.app), url)).status).toBe(401);
    expect((await get(as.stranger!, url)).status).toBe(404);
    expect((await get(as.operator!, url)).status).toBe(403);
    expect(
      await auditRows(ctx, { action: 'access.denied', targetId: kase.id, actorUserId: users.operator!.id }),
    ).toHaveLength(1);
    expect((await get(as.case_worker!, `/api/v1/cases/${other.id}/attachments/${a.id}/content`)).status).toBe(
      404,
    );
    expect(
      (await get(as.case_worker!, `/api/v1/cases/${kase.id}/attachments/${crypto.randomUUID()}/content`))
        .status,
    ).toBe(404);
    expect((await get(as.case_worker!, `/api/v1/cases/${kase.id}/attachments/nope/content`)).status).toBe(
      400,
    );

    const res = await get(as.supervisor!, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src '(none|self)'/);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Паспорт _1_.pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdfFile)).toBe(true);
    expect(await auditRows(ctx, { action: 'attachment.read', targetId: a.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { caseId: kase.id } }),
    ]);
  });

  it('delete: 403 without attachment.delete (audited), 204 erases the content and keeps the record, then 404', async () => {
    const kase = await openCase();
    const a = await (await upload(as.case_worker!, kase.id, pngFile)).json();
    const url = `/api/v1/cases/${kase.id}/attachments/${a.id}`;
    expect((await agent(ctx.app).request('DELETE', url)).status).toBe(401);
    expect((await as.stranger!.request('DELETE', url)).status).toBe(404);
    expect((await as.case_worker!.request('DELETE', url)).status).toBe(403);
    expect(
      await auditRows(ctx, {
        action: 'access.denied',
        targetId: kase.id,
        actorUserId: users.case_worker!.id,
      }),
    ).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ attempted: 'attachment.delete' }) }),
    ]);

    expect((await as.supervisor!.request('DELETE', url)).status).toBe(204);
    const { rows } = await ctx.db.query<{
      deleted_at: Date | null;
      deleted_by: string;
      content_sealed: Uint8Array;
      size_bytes: number;
    }>(`SELECT deleted_at, deleted_by, content_sealed, size_bytes FROM attachments WHERE id = $1`, [a.id]);
    expect(rows[0]!.deleted_at).not.toBeNull();
    expect(rows[0]!.deleted_by).toBe(users.supervisor!.id);
    expect(ctx.deps.sealer.open(rows[0]!.content_sealed, CONTENT_CONTEXT)).toBe(''); // erased
    expect(rows[0]!.size_bytes).toBe(pngFile.byteLength); // the record stays
    expect(await auditRows(ctx, { action: 'attachment.deleted', targetId: a.id })).toHaveLength(1);
    expect((await as.supervisor!.request('DELETE', url)).status).toBe(404);
    expect((await get(as.supervisor!, `${url}/content`)).status).toBe(404);
    expect(await (await get(as.supervisor!, `/api/v1/cases/${kase.id}/attachments`)).json()).toEqual([]);
    const timeline = (await (await as.supervisor!.request('GET', `/api/v1/cases/${kase.id}`)).json())
      .timeline;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'attachmentAdded',
      'attachmentDeleted',
    ]);
  });
});

describe('SENIM_ATTACHMENTS_DIR: sealed files in a folder', () => {
  const folderApp = (over: Partial<TTestContext['deps']> = {}) =>
    createApp({ ...ctx.deps, ...over, config: { ...ctx.deps.config, attachmentsDir: folder } });
  const files = () => fs.readdirSync(folder);

  it('stores the sealed content in a random-named file (no plaintext anywhere), reads it back, deletes it', async () => {
    const app = folderApp();
    const kase = await openCase();
    const res = await upload(as.case_worker!, kase.id, pdfFile, {
      type: 'application/pdf',
      filename: 'contract.pdf',
      app,
    });
    expect(res.status).toBe(201);
    const a = await res.json();
    const { rows } = await ctx.db.query<{ content_sealed: Uint8Array | null; storage_path: string }>(
      `SELECT content_sealed, storage_path FROM attachments WHERE id = $1`,
      [a.id],
    );
    expect(rows[0]!.content_sealed).toBeNull();
    expect(rows[0]!.storage_path).toMatch(/^[0-9a-f]{32}\.sealed$/);
    expect(files()).toEqual([rows[0]!.storage_path]); // no temporary file left behind
    const stored = fs.readFileSync(path.join(folder, rows[0]!.storage_path));
    expect(stored.includes(Buffer.from(MARKER))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored.includes(Buffer.from('contract'))).toBe(false);
    expect(openContent(ctx.deps.sealer, stored).equals(pdfFile)).toBe(true);

    const back = await get(as.case_worker!, `/api/v1/cases/${kase.id}/attachments/${a.id}/content`, app);
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(pdfFile)).toBe(true);

    const del = await app.request(`/api/v1/cases/${kase.id}/attachments/${a.id}`, {
      method: 'DELETE',
      headers: { cookie: as.supervisor!.cookie!, 'x-csrf-token': as.supervisor!.csrf! },
    });
    expect(del.status).toBe(204);
    expect(files()).toEqual([]);
  });

  it('removes the written file when the transaction fails', async () => {
    // Sealing the file name (after the file is written) fails: the request fails, nothing stays.
    const real = ctx.deps.sealer;
    const failing = Object.create(real) as Sealer;
    let contentSealed = 0;
    failing.seal = (plain: string, context: string) => {
      if (context === CONTENT_CONTEXT) contentSealed += 1;
      if (context === 'attachments.filename') throw new Error('boom');
      return real.seal(plain, context);
    };
    const app = folderApp({ sealer: failing });
    const kase = await openCase();
    const before = await attachmentCount(kase.id);
    expect((await upload(as.case_worker!, kase.id, pngFile, { app })).status).toBe(500);
    expect(contentSealed).toBe(1); // the file had been written
    expect(files()).toEqual([]);
    expect(await attachmentCount(kase.id)).toBe(before);
  });

  it('resealAttachmentFiles re-seals the folder’s files under a new key', async () => {
    const app = folderApp();
    const kase = await openCase();
    const a = await (await upload(as.case_worker!, kase.id, pngFile, { app })).json();
    const next = new Sealer(addSealKey(ctx.deps.keyring));
    expect(next.currentKeyId).not.toBe(ctx.deps.sealer.currentKeyId);
    expect(await resealAttachmentFiles(ctx.db, next, folder)).toBe(1);
    expect(await resealAttachmentFiles(ctx.db, next, folder)).toBe(0); // already done
    const usage = await attachmentFileKeyUsage(ctx.db, next, folder);
    expect([...usage.keys()]).toEqual([next.currentKeyId]);
    const { rows } = await ctx.db.query<{ storage_path: string }>(
      `SELECT storage_path FROM attachments WHERE id = $1`,
      [a.id],
    );
    expect(openContent(next, fs.readFileSync(path.join(folder, rows[0]!.storage_path))).equals(pngFile)).toBe(
      true,
    );
  });
});
