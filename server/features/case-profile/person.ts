import type { TPersonInput } from '../../../shared/schemas/cases';
import type { TPersonProfile, TUpdatePersonRequest } from '../../../shared/schemas/case-file';
import type { TApp } from '../../app';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { scoped } from '../../http/context';
import { fieldErrors } from '../cases/case-errors';
import { loadCaseDetail, PERSON_COLUMNS, presentCase, type TPersonRow } from '../cases/present-case';
import {
  insertPerson,
  PERSON_EXTRA_CONTEXT,
  PERSON_SEALED,
  replacePerson,
  type TPersonMore,
  type TPersonSealedField,
} from '../persons/insert-person';
import { changedKeys, commitCaseWrite, openCaseForWrite } from './case-write';
import { updatePersonRoute } from './routes';

/** Today in UTC, as the shared schemas' "not in the future" rule counts days. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

type TStoredPerson = TPersonRow & {
  extra_sealed: Uint8Array | null;
  profile: TPersonProfile;
  age_years: number | null;
  age_stated_on: string | null;
};

/** The person as a request would send it, opened (the actor may read identity: checked before). */
function asRequest(sealer: Sealer, p: TStoredPerson) {
  const identity: Record<string, unknown> = {};
  for (const k of Object.keys(PERSON_SEALED) as TPersonSealedField[]) {
    identity[k] = sealer.openNullable(p[PERSON_SEALED[k][0]], PERSON_SEALED[k][1]);
  }
  const extraText = sealer.openNullable(p.extra_sealed, PERSON_EXTRA_CONTEXT);
  return {
    person: {
      ...identity,
      sex: p.sex,
      citizenship: p.citizenship,
      languages: p.languages,
      migrationStatus: p.migration_status,
    } as Record<string, unknown>,
    extra: (extraText === null ? {} : JSON.parse(extraText)) as Record<string, unknown>,
    profile: p.profile as Record<string, unknown>,
    age: { ageYears: p.age_years, ageStatedOn: p.age_stated_on } as Record<string, unknown>,
  };
}

/** The fields a request names, as field paths of the request (what the timeline records). */
function changedFields(before: ReturnType<typeof asRequest> | null, p: TPersonInput, m: TPersonMore): string[] {
  const empty = { person: {}, extra: {}, profile: {}, age: {} };
  const b = before ?? empty;
  return [
    ...changedKeys('person.', b.person, p),
    ...changedKeys('extra.', b.extra, m.extra),
    ...changedKeys('profile.', b.profile, m.profile),
    ...changedKeys('', b.age, { ageYears: m.ageYears, ageStatedOn: m.ageStatedOn }),
  ];
}

export function registerUpdatePerson(app: TApp): void {
  app.openapi(updatePersonRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body: TUpdatePersonRequest = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    const locale = c.var.locale;
    return scoped(c, async (sdb: ScopedDb) => {
      const row = await openCaseForWrite(sdb, locale, id, {
        audit: 'person.updated',
        needs: ['case.readIdentity'],
        version: body.version,
      });
      if (body.ageStatedOn !== undefined && body.ageYears === undefined) {
        throw fieldErrors(locale, [{ path: 'ageYears', key: 'validation.caseFileAgeRequired' }]);
      }
      const more: TPersonMore = {
        extra: body.extra,
        profile: body.profile,
        ageYears: body.ageYears ?? null,
        // an age is stated on a day: today unless told
        ageStatedOn: body.ageYears === undefined ? null : (body.ageStatedOn ?? todayUtc()),
      };

      let personId = row.person_id;
      let fields: string[];
      if (personId === null) {
        fields = changedFields(null, body.person, more);
        personId = (await insertPerson(sdb, sealer, body.person, more)).id;
        await sdb.query('UPDATE cases SET person_id = $2 WHERE id = $1', [id, personId]);
      } else {
        const { rows } = await sdb.query<TStoredPerson>(
          `SELECT ${PERSON_COLUMNS}, extra_sealed, profile, age_years, age_stated_on::text AS age_stated_on
             FROM persons WHERE id = $1 FOR UPDATE`,
          [personId],
        );
        fields = changedFields(asRequest(sealer, rows[0]!), body.person, more);
        // Nothing changed: no new version, nothing written.
        if (fields.length === 0) return c.json(presentCase(sdb.actor, sealer, row, await loadCaseDetail(sdb, row)), 200);
        await replacePerson(sdb, sealer, personId, body.person, more);
      }
      const next = await commitCaseWrite(sdb, id, {
        kind: 'personUpdated',
        audit: 'person.updated',
        fields,
        payload: { personId, ...(row.person_id === null ? { created: true } : {}) },
      });
      return c.json(presentCase(sdb.actor, sealer, next, await loadCaseDetail(sdb, next)), 200);
    });
  });
}
