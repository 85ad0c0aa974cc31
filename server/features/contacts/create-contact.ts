import type { TStaffLocale } from '../../../shared/locales';
import { isNonDataContactType, type TCreateContactRequest } from '../../../shared/schemas/contacts';
import type { TApp } from '../../app';
import type { ScopedDb } from '../../access/scoped-db';
import { assertCan, can } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import { scoped } from '../../http/context';
import { HttpError } from '../../http/errors';
import { activeCallerFlags, presentCallerFlag } from '../hotline-admin/caller-flags-present';
import { hotlineFieldErrors, isFuture } from '../hotline-admin/hotline-errors';
import { activeTopics } from '../hotline-admin/topic-tree';
import { phoneIndex } from '../persons/blind-indexes';
import { CONTACT_COLUMNS, presentContact, type TContactRow } from './present-contact';
import { createContactRoute } from './routes';

const keyReused = (): HttpError =>
  new HttpError(
    409,
    'error.idempotencyKeyReused',
    {},
    { action: 'contact.created', outcome: 'failure', details: { reason: 'idempotencyKeyReused' } },
  );

/**
 * Earlier contacts from the same phone and persons with it (counts only, nothing identifying), and
 * the phone's caller flags still in force.
 */
async function recognise(sdb: ScopedDb, sealer: Sealer, row: TContactRow) {
  if (!row.caller_phone_bidx || !can(sdb.actor, 'contact.read')) return null;
  const { rows } = await sdb.query<{ contacts: number; persons: number }>(
    `SELECT (SELECT count(*)::int FROM contacts o
              WHERE o.caller_phone_bidx = $1
                AND (o.created_at, o.id) < (SELECT t.created_at, t.id FROM contacts t WHERE t.id = $2)) AS contacts,
            (SELECT count(*)::int FROM persons WHERE phone_bidx = $1) AS persons`,
    [row.caller_phone_bidx, row.id],
  );
  const { contacts, persons } = rows[0]!;
  const flags = (await activeCallerFlags(sdb, row.caller_phone_bidx)).map((f) => presentCallerFlag(sdb.actor, sealer, f));
  return {
    recognised: contacts + persons + flags.length > 0,
    earlierContacts: contacts,
    knownPersons: persons,
    ...(flags.length > 0 ? { flags } : {}),
  };
}

/** What the schema cannot know: the organisation's topic tree, and a callback that lies ahead. */
async function checkContact(sdb: ScopedDb, locale: TStaffLocale, b: TCreateContactRequest): Promise<void> {
  const problems: Parameters<typeof hotlineFieldErrors>[1] = [];
  if (b.topics.length > 0) {
    const active = await activeTopics(sdb);
    b.topics.forEach((code, i) => {
      if (!active.has(code)) problems.push({ path: `topics.${i}`, key: 'validation.hotline.topicUnknown' });
    });
  }
  if (b.callbackDueAt !== undefined) {
    if (isNonDataContactType(b.contactType)) {
      problems.push({ path: 'callbackDueAt', key: 'validation.hotline.countOnlyContact' });
    } else if (!isFuture(b.callbackDueAt)) {
      problems.push({ path: 'callbackDueAt', key: 'validation.hotline.mustBeFuture' });
    }
  }
  if (problems.length > 0) throw hotlineFieldErrors(locale, problems);
}

async function insertContact(
  sdb: ScopedDb,
  sealer: Sealer,
  b: TCreateContactRequest,
  key: string | null,
  hash: Uint8Array | null,
): Promise<TContactRow | undefined> {
  // ON CONFLICT DO NOTHING: a concurrent request with the same key waits for the first to commit,
  // then inserts nothing; the caller reads the first one's row.
  const { rows } = await sdb.query<TContactRow>(
    `INSERT INTO contacts (org_id, user_id, channel, language, started_at, duration_s, contact_type, caller_role,
        topics, caller_region, problem_region, urgency, notes_sealed, caller_phone_sealed, caller_phone_bidx,
        outcome, idempotency_key, idempotency_hash, callback_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (org_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING ${CONTACT_COLUMNS}`,
    [
      sdb.actor.orgId,
      sdb.actor.userId,
      b.channel,
      b.language ?? null,
      b.startedAt,
      b.durationS ?? null,
      b.contactType,
      b.callerRole ?? null,
      b.topics,
      b.callerRegion ?? null,
      b.problemRegion ?? null,
      b.urgency ?? null,
      b.notes ? sealer.seal(b.notes, 'contacts.notes') : null,
      sealer.sealNullable(b.callerPhone, 'contacts.caller_phone'),
      phoneIndex(sealer, b.callerPhone),
      b.outcome ?? null,
      key,
      hash,
      b.callbackDueAt ?? null,
    ],
  );
  return rows[0];
}

export function registerCreateContact(app: TApp): void {
  app.openapi(createContactRoute, async (c) => {
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'contact.create');
      // A keyed hash of the validated request: the same key with another body is not the same request.
      const hash = key ? sealer.blindIndex(JSON.stringify(body), 'contacts.idempotency') : null;
      const earlier = async () => {
        if (!key) return undefined;
        const { rows } = await sdb.query<TContactRow>(
          `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE idempotency_key = $1`,
          [key],
        );
        const found = rows[0];
        if (found && (!found.idempotency_hash || !Buffer.from(found.idempotency_hash).equals(Buffer.from(hash!)))) {
          throw keyReused();
        }
        return found;
      };
      // A repeated submission answers as the first did, even if the tree or the clock moved since.
      let row = await earlier();
      let replayed = row !== undefined;
      if (!row) {
        await checkContact(sdb, c.var.locale, body);
        row = await insertContact(sdb, sealer, body, key, hash);
        if (!row) {
          // a concurrent request with the same key committed first
          row = (await earlier())!;
          replayed = true;
        }
      }
      const caller = await recognise(sdb, sealer, row);
      sdb.audit({
        action: replayed ? 'contact.read' : 'contact.created',
        outcome: 'success',
        targetType: 'contact',
        targetId: row.id,
        details: {
          ...(replayed
            ? { replayed: true }
            : { contactType: row.contact_type, channel: row.channel, hasNotes: row.notes_sealed !== null }),
          ...(row.callback_due_at && !replayed ? { callback: true } : {}),
          ...(caller?.flags ? { callerFlagsShown: caller.flags.length } : {}),
        },
      });
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json({ contact: presentContact(sdb.actor, sealer, row), caller }, 201);
    });
  });
}
