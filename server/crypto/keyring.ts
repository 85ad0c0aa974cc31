import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The keys of this instance. Sealing keys rotate (old ones stay to open old values until everything
// is re-sealed); the blind-index key and the audit-chain key are separate so that rotating the
// sealing key neither breaks look-ups nor the audit chain.
const ZKey = z.string().refine((s) => Buffer.from(s, 'base64').length === 32, 'a key is 32 bytes in base64');
export const ZKeyringFile = z.object({
  version: z.literal(1),
  seal: z.object({ current: z.string().regex(/^[a-z0-9]{1,16}$/), keys: z.record(z.string(), ZKey) }),
  index: ZKey,
  audit: ZKey,
});
export type TKeyringFile = z.infer<typeof ZKeyringFile>;

export type TKeyring = {
  sealCurrent: string;
  sealKeys: Map<string, Uint8Array>;
  indexKey: Uint8Array;
  auditKey: Uint8Array;
  source: 'env' | 'file';
  file?: string;
};

export const KEY_FILE_NAME = 'senim.key';

function newKey(): string {
  return crypto.randomBytes(32).toString('base64');
}

export function newKeyringFile(): TKeyringFile {
  return { version: 1, seal: { current: 'k1', keys: { k1: newKey() } }, index: newKey(), audit: newKey() };
}

function derive(master: Buffer, purpose: string): string {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), `senim:${purpose}`, 32)).toString(
    'base64',
  );
}

/** SENIM_KEY: either a whole keyring (JSON) or one 32-byte base64 master key from which all keys derive. */
export function parseEnvKey(value: string): TKeyringFile {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return ZKeyringFile.parse(JSON.parse(trimmed));
  const master = Buffer.from(trimmed, 'base64');
  if (master.length !== 32) throw new Error('SENIM_KEY must be 32 bytes in base64 (openssl rand -base64 32) or a keyring JSON');
  return { version: 1, seal: { current: 'k1', keys: { k1: derive(master, 'seal:k1') } }, index: derive(master, 'index'), audit: derive(master, 'audit') };
}

export function toKeyring(file: TKeyringFile, source: 'env' | 'file', filePath?: string): TKeyring {
  if (!file.seal.keys[file.seal.current]) throw new Error(`the current sealing key "${file.seal.current}" is missing`);
  return {
    sealCurrent: file.seal.current,
    sealKeys: new Map(Object.entries(file.seal.keys).map(([id, k]) => [id, new Uint8Array(Buffer.from(k, 'base64'))])),
    indexKey: new Uint8Array(Buffer.from(file.index, 'base64')),
    auditKey: new Uint8Array(Buffer.from(file.audit, 'base64')),
    source,
    ...(filePath ? { file: filePath } : {}),
  };
}

/**
 * Loads the keyring from SENIM_KEY, or from <dataDir>/senim.key, creating that file (mode 0600)
 * when `create` is set (first start of an embedded instance).
 */
export function loadKeyring(opts: { envKey: string | undefined; dataDir: string; create: boolean }): TKeyring {
  if (opts.envKey) return toKeyring(parseEnvKey(opts.envKey), 'env');
  const file = path.join(opts.dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) {
    if (!opts.create) {
      throw new Error(`No key: set SENIM_KEY or provide ${file}. Without the key sealed data cannot be read.`);
    }
    fs.mkdirSync(opts.dataDir, { recursive: true });
    writeKeyringFile(file, newKeyringFile());
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) fs.chmodSync(file, 0o600);
  return toKeyring(ZKeyringFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), 'file', file);
}

/** Writes atomically (temp file + rename) with owner-only permissions. */
export function writeKeyringFile(file: string, content: TKeyringFile): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function keyringToFile(k: TKeyring): TKeyringFile {
  const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
  return {
    version: 1,
    seal: { current: k.sealCurrent, keys: Object.fromEntries([...k.sealKeys].map(([id, key]) => [id, b64(key)])) },
    index: b64(k.indexKey),
    audit: b64(k.auditKey),
  };
}

export function nextSealKeyId(k: TKeyring): string {
  let n = k.sealKeys.size + 1;
  while (k.sealKeys.has(`k${n}`)) n++;
  return `k${n}`;
}

export function addSealKey(k: TKeyring): TKeyring {
  const id = nextSealKeyId(k);
  const sealKeys = new Map(k.sealKeys);
  sealKeys.set(id, new Uint8Array(crypto.randomBytes(32)));
  return { ...k, sealKeys, sealCurrent: id };
}
