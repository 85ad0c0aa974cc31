import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Sealer } from '../../crypto/seal';
import type { Db } from '../../db/types';

// An attachment's content is sealed like every other sealed value (XChaCha20-Poly1305 under the
// current key, context 'attachments.content'). The Sealer seals text, so the bytes are sealed as
// their base64 form: `senim keys rotate` re-seals the database column with no special case.
// The sealed value lives in attachments.content_sealed, or, when SENIM_ATTACHMENTS_DIR is set, in
// a file of that folder under a random name (attachments.storage_path), never the plaintext.

export const CONTENT_CONTEXT = 'attachments.content';
export const FILENAME_CONTEXT = 'attachments.filename';

export function sealContent(sealer: Sealer, bytes: Uint8Array): Uint8Array {
  return sealer.seal(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    CONTENT_CONTEXT,
  );
}

export function openContent(sealer: Sealer, sealed: Uint8Array): Buffer {
  return Buffer.from(sealer.open(sealed, CONTENT_CONTEXT), 'base64');
}

/** What a deleted attachment keeps: a sealed empty value (the row's check wants one of the two). */
export const erasedContent = (sealer: Sealer): Uint8Array => sealer.seal('', CONTENT_CONTEXT);

const STORED_NAME = /^[0-9a-f]{32}\.sealed$/;

/** The full path of a stored file; refuses anything but a name this module made (no traversal). */
function storedPath(dir: string, name: string): string {
  if (!STORED_NAME.test(name)) throw new Error(`not an attachment file name: ${JSON.stringify(name)}`);
  return path.join(dir, name);
}

async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // some file systems do not sync directories; the rename itself is still atomic
  } finally {
    await handle?.close();
  }
}

/** Writes bytes to `name` atomically: a temporary file, written and fsynced, renamed over it. */
async function writeAtomically(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const final = storedPath(dir, name);
  const tmp = path.join(dir, `.${name}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(tmp, final);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/** Stores a sealed value in the folder under a new random name and returns the name. */
export async function writeSealedFile(dir: string, sealed: Uint8Array): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${crypto.randomBytes(16).toString('hex')}.sealed`;
  await writeAtomically(dir, name, sealed);
  return name;
}

export async function readSealedFile(dir: string, name: string): Promise<Buffer> {
  return fs.readFile(storedPath(dir, name));
}

/** Removes a stored file; a file already gone is fine. */
export async function removeSealedFile(dir: string, name: string): Promise<void> {
  await fs.rm(storedPath(dir, name), { force: true });
}

/**
 * Re-seals the folder's files under the sealer's current key (the files `senim keys rotate` does not
 * reach through the database). Each file is replaced atomically; a file that does not open stops
 * the run with nothing of it changed. Returns how many files were re-sealed.
 */
export async function resealAttachmentFiles(db: Db, sealer: Sealer, dir: string): Promise<number> {
  const { rows } = await db.query<{ id: string; storage_path: string }>(
    `SELECT id, storage_path FROM attachments WHERE storage_path IS NOT NULL ORDER BY id`,
  );
  let done = 0;
  for (const r of rows) {
    let sealed: Buffer;
    try {
      sealed = await readSealedFile(dir, r.storage_path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // reported by attachmentFileKeyUsage
      throw err;
    }
    if (sealer.keyIdOf(sealed) === sealer.currentKeyId) continue;
    let plain: string;
    try {
      plain = sealer.open(sealed, CONTENT_CONTEXT);
    } catch (err) {
      throw new Error(
        `attachment ${r.id} (${r.storage_path}) does not open: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    await writeAtomically(dir, r.storage_path, sealer.seal(plain, CONTENT_CONTEXT));
    done += 1;
  }
  return done;
}

/** How many of the folder's files each key id seals ('missing' counts files not found). */
export async function attachmentFileKeyUsage(
  db: Db,
  sealer: Sealer,
  dir: string,
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ storage_path: string }>(
    `SELECT storage_path FROM attachments WHERE storage_path IS NOT NULL`,
  );
  const usage = new Map<string, number>();
  for (const r of rows) {
    let id = 'missing';
    try {
      id = sealer.keyIdOf(await readSealedFile(dir, r.storage_path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    usage.set(id, (usage.get(id) ?? 0) + 1);
  }
  return usage;
}
