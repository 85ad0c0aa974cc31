import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { boot } from '../boot';
import { loadConfig } from '../config';
import { addSealKey, parseEnvKey, toKeyring } from '../crypto/keyring';
import { Sealer } from '../crypto/seal';
import { SEALED_COLUMNS } from '../crypto/sealed-columns';
import { createPgliteDb } from '../db/pglite';
import type { Db } from '../db/types';
import type { TDeps } from '../http/context';
import { DEMO_USERS } from '../seed/demo-data';
import { seedDemo } from '../seed/seed-demo';
import { keyUsage, resealAll } from './reseal';

let db: Db;
let deps: TDeps;
beforeAll(async () => {
  db = await createPgliteDb({ memory: true, loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
  const config = { ...loadConfig({ SENIM_DATA_DIR: '/nonexistent', SENIM_LOG_LEVEL: 'silent' }), demo: false };
  deps = await boot({ config, db, keyring: toKeyring(parseEnvKey(inject('testKeyring')), 'env'), quiet: true });
  await seedDemo(deps);
  await db.query(`UPDATE users SET totp_secret_sealed = $1 WHERE email = 'admin@ngo.demo'`, [deps.sealer.seal('JBSWY3DPEHPK3PXP', 'users.totp_secret')]);
}, 60_000);
afterAll(async () => db.close());

describe('key rotation', () => {
  it('re-seals every sealed value under the new key, in batches, and the old key can then go', async () => {
    const before = await db.query<{ email: string; full_name_sealed: Uint8Array }>('SELECT email, full_name_sealed FROM users ORDER BY email');
    const names = before.rows.map((r) => deps.sealer.open(r.full_name_sealed, 'users.full_name'));
    expect(await keyUsage(db)).toEqual(new Map([[deps.keyring.sealCurrent, DEMO_USERS.length + 2]])); // the names, 1 TOTP secret, the canary

    const next = addSealKey(deps.keyring);
    const report = await resealAll(db, new Sealer(next), { batch: 4 });
    // columns without values (persons, contacts: the demo seed has none yet) report 0
    const resealed = Object.fromEntries(Object.entries(report.byColumn).filter(([, n]) => n > 0));
    expect(resealed).toEqual({ 'users.full_name_sealed': DEMO_USERS.length, 'users.totp_secret_sealed': 1, 'instance_meta.key_check': 1 });
    expect(Object.keys(report.byColumn)).toHaveLength(SEALED_COLUMNS.length + 1);
    expect(await keyUsage(db)).toEqual(new Map([[next.sealCurrent, DEMO_USERS.length + 2]]));
    expect((await resealAll(db, new Sealer(next))).total).toBe(0); // nothing left: idempotent

    // only the new key is needed now
    const retired = new Sealer({ ...next, sealKeys: new Map([[next.sealCurrent, next.sealKeys.get(next.sealCurrent)!]]) });
    const after = await db.query<{ full_name_sealed: Uint8Array; totp_secret_sealed: Uint8Array | null }>(
      'SELECT full_name_sealed, totp_secret_sealed FROM users ORDER BY email',
    );
    expect(after.rows.map((r) => retired.open(r.full_name_sealed, 'users.full_name'))).toEqual(names);
    expect(after.rows.flatMap((r) => (r.totp_secret_sealed ? [retired.open(r.totp_secret_sealed, 'users.totp_secret')] : []))).toEqual([
      'JBSWY3DPEHPK3PXP',
    ]);
  });

  it('lists every sealed column in the registry', async () => {
    const { rows } = await db.query<{ t: string; c: string }>(
      `SELECT c.relname AS t, a.attname AS c FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attname LIKE '%\\_sealed' AND NOT a.attisdropped`,
    );
    const registered = new Set(SEALED_COLUMNS.map((s) => `${s.table}.${s.column}`));
    expect(rows.map((r) => `${r.t}.${r.c}`).filter((c) => !registered.has(c))).toEqual([]);
  });
});
