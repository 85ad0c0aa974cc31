/**
 * Keyed encodings of one person for duplicate detection inside an organisation (issue 5).
 *
 * The secret of the encodings is derived per organisation from the index key (HMAC), so two
 * organisations' encodings of one name differ, and nobody without the key can encode a dictionary
 * of names to test against the database. Stored with the person (migration 0009): Bloom filters of
 * the name and birth-date tokens, and keyed blocking keys in person_link_keys. The comparison of
 * two persons uses only these and the blind indexes of phone and document: names are never
 * decrypted to search.
 */
import type { TPersonInput } from '../../../shared/schemas/cases';
import type { TDuplicateReason } from '../../../shared/schemas/persons';
import type { Sealer } from '../../crypto/seal';
import { ClkEncoder, diceBits, type PersonEncoding } from '../linkage/clk';
import { preparePerson } from '../linkage/prepare';

const encoders = new Map<string, ClkEncoder>();

/** The organisation's encoder (its secret is derived from the index key and the organisation id). */
export function encoderFor(sealer: Sealer, orgId: string): ClkEncoder {
  let e = encoders.get(orgId);
  if (!e) {
    if (encoders.size > 1000) encoders.clear();
    e = new ClkEncoder(Buffer.from(sealer.blindIndex(orgId, 'person.linkage.secret')));
    encoders.set(orgId, e);
  }
  return e;
}

/** The person fields that encodings are made of. */
export type TLinkInput = Pick<
  TPersonInput,
  'givenName' | 'familyName' | 'middleName' | 'birthDate' | 'sex' | 'citizenship' | 'documentNumber' | 'phone' | 'address'
>;

export function encodePerson(encoder: ClkEncoder, p: TLinkInput): PersonEncoding {
  const prepared = preparePerson(
    {
      id: 'x',
      given_name: p.givenName ?? '',
      family_name: p.familyName ?? '',
      middle_name: p.middleName ?? '',
      birth_date: p.birthDate ?? '',
      sex: p.sex === 'Feminine' ? 'f' : p.sex === 'Masculine' ? 'm' : '',
      citizenship: p.citizenship ?? '',
      document_number: p.documentNumber ?? '',
      phone: p.phone ?? '',
      address: p.address ?? '',
    },
    0,
  );
  const e = encoder.encodePerson(prepared);
  // Name-only keys, order-free: pairs of the first three letters of the name words (without
  // gendered endings), so a name typed without a birth date, or given and family swapped, still
  // meets its record.
  const prefixes = [...new Set([...prepared.name.givenBase, ...prepared.name.familyBase].map((w) => w.slice(0, 3)).filter((w) => w.length >= 2))]
    .sort()
    .slice(0, 4);
  for (let i = 0; i < prefixes.length; i++) {
    for (let j = i + 1; j < prefixes.length; j++) e.keys.push(encoder.keyed(`np:${prefixes[i]}|${prefixes[j]}`));
  }
  return e;
}

/** Keyed blocking keys as bytes (8 each), for person_link_keys. */
export function keyBytes(e: PersonEncoding): Buffer[] {
  return [...new Set(e.keys)].map((k) => Buffer.from(k, 'hex'));
}

const empty = (f: Uint8Array | null) => !f || f.every((x) => x === 0);

export type TStoredLink = {
  link_name: Uint8Array | null;
  link_given: Uint8Array | null;
  link_family: Uint8Array | null;
  link_dob: Uint8Array | null;
  phone_bidx: Uint8Array | null;
  document_bidx: Uint8Array | null;
};

const same = (a: Uint8Array | null, b: Uint8Array | null) => !!a && !!b && Buffer.from(a).equals(Buffer.from(b));

/**
 * How alike two persons are, from encodings and blind indexes alone: a score in [0, 1] and the
 * reasons (which fields agree, how strongly). Names weigh most; an equal phone or document number
 * raises the score, a clearly different birth date lowers it.
 */
export function judge(a: TStoredLink, b: TStoredLink): { score: number; reasons: TDuplicateReason[] } {
  const reasons: TDuplicateReason[] = [];
  const strength = (s: number): TDuplicateReason['strength'] | null =>
    s >= 0.999 ? 'exact' : s >= 0.85 ? 'strong' : s >= 0.6 ? 'partial' : null;
  const push = (field: TDuplicateReason['field'], s: number) => {
    const st = strength(s);
    if (st) reasons.push({ field, strength: st, similarity: Math.round(s * 1000) / 1000 });
  };
  const name = empty(a.link_name) || empty(b.link_name) ? 0 : diceBits(a.link_name!, b.link_name!);
  push('name', name);
  if (!empty(a.link_given) && !empty(b.link_given)) push('givenName', diceBits(a.link_given!, b.link_given!));
  if (!empty(a.link_family) && !empty(b.link_family)) push('familyName', diceBits(a.link_family!, b.link_family!));
  const hasDob = !empty(a.link_dob) && !empty(b.link_dob);
  const dob = hasDob ? diceBits(a.link_dob!, b.link_dob!) : 0;
  if (hasDob) push('birthDate', dob);
  const phone = same(a.phone_bidx, b.phone_bidx);
  const doc = same(a.document_bidx, b.document_bidx);
  if (phone) reasons.push({ field: 'phone', strength: 'exact', similarity: 1 });
  if (doc) reasons.push({ field: 'documentNumber', strength: 'exact', similarity: 1 });
  let score = hasDob ? 0.7 * name + 0.3 * dob : 0.9 * name;
  if (phone) score += 0.1;
  if (doc) score += 0.15;
  return { score: Math.min(1, Math.round(score * 1000) / 1000), reasons };
}

/** Shown as a likely duplicate from this score. */
export const DUPLICATE_THRESHOLD = 0.75;
