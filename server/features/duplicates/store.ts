import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { encodePerson, encoderFor, keyBytes, type TLinkInput } from './encoding';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * Writes (or rewrites) a person's keyed encodings and blocking keys. Called wherever a person's
 * identity is written (creation, update, merge, import, generation); `senim duplicates reindex`
 * fills persons written before.
 */
export async function writePersonLinkage(
  db: Queryable,
  sealer: Sealer,
  orgId: string,
  personId: string,
  p: TLinkInput,
): Promise<void> {
  const e = encodePerson(encoderFor(sealer, orgId), p);
  // Keys no longer the person's go, new ones come, kept ones stay: a key deleted and inserted in one
  // statement would be lost (the insert sees it still there and does nothing, then the delete runs).
  await db.query(
    `WITH upd AS (UPDATE persons SET link_name = $3, link_given = $4, link_family = $5, link_dob = $6
                   WHERE org_id = $1 AND id = $2 RETURNING id),
          gone AS (DELETE FROM person_link_keys WHERE org_id = $1 AND person_id = $2
                    AND NOT (key = ANY (ARRAY(SELECT decode(k, 'hex') FROM unnest($7::text[]) AS k))))
     INSERT INTO person_link_keys (org_id, key, person_id)
     SELECT DISTINCT $1::uuid, decode(k, 'hex'), $2::uuid FROM unnest($7::text[]) AS k, upd
     ON CONFLICT DO NOTHING`,
    [orgId, personId, e.name, e.given, e.family, e.dob, keyBytes(e).map(hex)],
  );
}
