import crypto from 'node:crypto';
import { LIMITS } from '../../../shared/limits';
import type { TStaffLocale } from '../../../shared/locales';
import type { TAttachment } from '../../../shared/schemas/case-file';
import type { TApp } from '../../app';
import type { TActor } from '../../access/actor';
import { assertCan, can } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { scoped } from '../../http/context';
import { HttpError, notFound } from '../../http/errors';
import { addCaseEvent, getScopedCase } from '../cases/present-case';
import { translate } from '../../i18n';
import type { TFieldError } from '../../http/validation';
import {
  contentDisposition,
  declaredMime,
  EXTENSION_OF,
  FILENAME_MAX,
  sanitiseFilename,
  sniffMime,
} from './file-checks';
import {
  attachmentContentRoute,
  deleteAttachmentRoute,
  listAttachmentsRoute,
  uploadAttachmentRoute,
  ZListedAttachment,
} from './routes';
import {
  erasedContent,
  FILENAME_CONTEXT,
  openContent,
  readSealedFile,
  removeSealedFile,
  sealContent,
  writeSealedFile,
} from './storage';
import type { z } from '@hono/zod-openapi';

type TAttachmentRow = {
  id: string;
  kind: TAttachment['kind'];
  mime_type: string;
  size_bytes: number;
  filename_sealed: Uint8Array;
  created_by: string | null;
  created_at: Date;
  creator_name_sealed: Uint8Array | null;
};
const ROW_COLUMNS = `a.id, a.kind, a.mime_type, a.size_bytes, a.filename_sealed, a.created_by, a.created_at,
  u.full_name_sealed AS creator_name_sealed`;
const FROM = `attachments a LEFT JOIN users u ON u.id = a.created_by`;

/** File names may carry a person's name ("passport Tlegenova.pdf"): shown to identity readers only. */
function present(actor: TActor, sealer: Sealer, r: TAttachmentRow): z.infer<typeof ZListedAttachment> {
  return {
    id: r.id,
    kind: r.kind,
    mimeType: r.mime_type,
    sizeBytes: r.size_bytes,
    filename: can(actor, 'case.readIdentity') ? sealer.open(r.filename_sealed, FILENAME_CONTEXT) : null,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    createdByName: sealer.openNullable(r.creator_name_sealed, 'users.full_name'),
  };
}

async function getAttachment(db: Queryable, caseId: string, attachmentId: string): Promise<TAttachmentRow> {
  const { rows } = await db.query<TAttachmentRow>(
    `SELECT ${ROW_COLUMNS} FROM ${FROM} WHERE a.id = $1 AND a.case_id = $2 AND a.deleted_at IS NULL`,
    [attachmentId, caseId],
  );
  if (!rows[0]) throw notFound('attachment', attachmentId);
  return rows[0];
}

function badFilename(locale: TStaffLocale): HttpError {
  const message = translate(locale, 'validation.attachmentFilename', { max: FILENAME_MAX });
  const err = new HttpError(400, 'error.validation', { details: `filename: ${message}` });
  (err as HttpError & { fields?: TFieldError[] }).fields = [{ path: 'filename', message }];
  return err;
}

export function registerAttachmentRoutes(app: TApp): void {
  app.openapi(uploadAttachmentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { kind, filename: rawName } = c.req.valid('query');
    const { sealer, config } = c.var.deps;
    const dir = config.attachmentsDir;
    let written: string | null = null;
    try {
      const created = await scoped(c, async (sdb) => {
        // Locked: two uploads at once cannot both pass the per-case count.
        await getScopedCase(sdb, id, true);
        assertCan(sdb.actor, 'attachment.create', { type: 'case', id });
        const filename = sanitiseFilename(rawName);
        if (filename === null) {
          throw badFilename(c.var.locale);
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        if (bytes.byteLength === 0) throw new HttpError(400, 'error.attachmentEmpty');
        if (bytes.byteLength > LIMITS.attachmentMaxBytes) {
          throw new HttpError(413, 'error.payloadTooLarge', { limit: LIMITS.attachmentMaxBytes });
        }
        const declared = declaredMime(c.req.header('content-type'));
        const actual = sniffMime(bytes);
        if (declared === null) throw new HttpError(415, 'error.unsupportedFileType');
        if (actual !== declared) {
          throw new HttpError(
            415,
            'error.attachmentTypeMismatch',
            {},
            {
              action: 'attachment.added',
              outcome: 'failure',
              targetType: 'case',
              targetId: id,
              details: { reason: 'typeMismatch', declared, detected: actual },
            },
          );
        }
        const { rows: count } = await sdb.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM attachments WHERE case_id = $1 AND deleted_at IS NULL`,
          [id],
        );
        if (count[0]!.n >= LIMITS.attachmentsPerCaseMax) {
          throw new HttpError(
            409,
            'error.attachmentsPerCaseLimit',
            { max: LIMITS.attachmentsPerCaseMax },
            {
              action: 'attachment.added',
              outcome: 'failure',
              targetType: 'case',
              targetId: id,
              details: { reason: 'perCaseLimit' },
            },
          );
        }
        const sealed = sealContent(sealer, bytes);
        if (dir) written = await writeSealedFile(dir, sealed);
        const sha256 = crypto.createHash('sha256').update(bytes).digest();
        const { rows } = await sdb.query<{ id: string }>(
          `INSERT INTO attachments (org_id, case_id, kind, mime_type, size_bytes, sha256, filename_sealed,
             content_sealed, storage_path, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            sdb.actor.orgId,
            id,
            kind,
            declared,
            bytes.byteLength,
            sha256,
            sealer.seal(filename, FILENAME_CONTEXT),
            written ? null : sealed,
            written,
            sdb.actor.userId,
          ],
        );
        const attachmentId = rows[0]!.id;
        await addCaseEvent(sdb, id, 'attachmentAdded', { attachmentId, kind });
        sdb.audit({
          action: 'attachment.added',
          outcome: 'success',
          targetType: 'attachment',
          targetId: attachmentId,
          details: {
            caseId: id,
            kind,
            mimeType: declared,
            sizeBytes: bytes.byteLength,
            stored: written ? 'folder' : 'database',
          },
        });
        return present(
          sdb.actor,
          sealer,
          (
            await sdb.query<TAttachmentRow>(`SELECT ${ROW_COLUMNS} FROM ${FROM} WHERE a.id = $1`, [
              attachmentId,
            ])
          ).rows[0]!,
        );
      });
      return c.json(created, 201);
    } catch (err) {
      // The transaction did not commit: the sealed file it would have pointed to goes too.
      if (dir && written) await removeSealedFile(dir, written).catch(() => {});
      throw err;
    }
  });

  app.openapi(listAttachmentsRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      await getScopedCase(sdb, id);
      assertCan(sdb.actor, 'attachment.read', { type: 'case', id });
      const { rows } = await sdb.query<TAttachmentRow>(
        `SELECT ${ROW_COLUMNS} FROM ${FROM} WHERE a.case_id = $1 AND a.deleted_at IS NULL ORDER BY a.created_at DESC, a.id`,
        [id],
      );
      sdb.audit({
        action: 'attachment.listed',
        outcome: 'success',
        targetType: 'case',
        targetId: id,
        details: { count: rows.length },
      });
      return c.json(
        rows.map((r) => present(sdb.actor, c.var.deps.sealer, r)),
        200,
      );
    });
  });

  app.openapi(attachmentContentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const { sealer, config } = c.var.deps;
    const found = await scoped(c, async (sdb) => {
      await getScopedCase(sdb, id);
      assertCan(sdb.actor, 'attachment.read', { type: 'case', id });
      const row = await getAttachment(sdb, id, attachmentId);
      const { rows } = await sdb.query<{ content_sealed: Uint8Array | null; storage_path: string | null }>(
        `SELECT content_sealed, storage_path FROM attachments WHERE id = $1`,
        [attachmentId],
      );
      sdb.audit({
        action: 'attachment.read',
        outcome: 'success',
        targetType: 'attachment',
        targetId: attachmentId,
        details: { caseId: id },
      });
      const name = can(sdb.actor, 'case.readIdentity')
        ? sealer.open(row.filename_sealed, FILENAME_CONTEXT)
        : `attachment-${attachmentId.slice(0, 8)}.${EXTENSION_OF[row.mime_type as keyof typeof EXTENSION_OF] ?? 'bin'}`;
      return { row, stored: rows[0]!, name };
    });
    let sealed: Uint8Array;
    if (found.stored.content_sealed) sealed = found.stored.content_sealed;
    else if (config.attachmentsDir && found.stored.storage_path)
      sealed = await readSealedFile(config.attachmentsDir, found.stored.storage_path);
    else throw new Error(`attachment ${attachmentId} is in a folder, but SENIM_ATTACHMENTS_DIR is not set`);
    const bytes = openContent(sealer, sealed);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': found.row.mime_type,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(found.name),
      'X-Content-Type-Options': 'nosniff',
      // Were it ever opened in a tab, a file could run nothing and load nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'no-store',
    });
  });

  app.openapi(deleteAttachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const { sealer, config } = c.var.deps;
    const storagePath = await scoped(c, async (sdb) => {
      await getScopedCase(sdb, id);
      assertCan(sdb.actor, 'attachment.delete', { type: 'case', id });
      const row = await getAttachment(sdb, id, attachmentId);
      const { rows } = await sdb.query<{ storage_path: string | null }>(
        `SELECT storage_path FROM attachments WHERE id = $1 FOR UPDATE`,
        [attachmentId],
      );
      // The content is erased (a sealed empty value takes its place); the record of who added and
      // who deleted it stays.
      await sdb.query(
        `UPDATE attachments SET deleted_at = now(), deleted_by = $2, content_sealed = $3, storage_path = NULL WHERE id = $1`,
        [attachmentId, sdb.actor.userId, erasedContent(sealer)],
      );
      await addCaseEvent(sdb, id, 'attachmentDeleted', { attachmentId, kind: row.kind });
      sdb.audit({
        action: 'attachment.deleted',
        outcome: 'success',
        targetType: 'attachment',
        targetId: attachmentId,
        details: { caseId: id, kind: row.kind },
      });
      return rows[0]!.storage_path;
    });
    if (storagePath && config.attachmentsDir) {
      await removeSealedFile(config.attachmentsDir, storagePath).catch((err: unknown) =>
        c.var.deps.log.error({ err, attachmentId }, 'could not remove a deleted attachment’s file'),
      );
    }
    return c.body(null, 204);
  });
}
