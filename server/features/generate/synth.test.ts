import { describe, expect, it } from 'vitest';
import { documentKey, normalizePhone } from '../../../shared/names';
import { ZVictimContext } from '../../../shared/schemas/case-file';
import { ZPersonInput } from '../../../shared/schemas/cases';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, CONTACT_TOPICS, CONTACT_TYPES, URGENCIES } from '../../../shared/schemas/contacts';
import { loadNameGroups } from './name-lists';
import {
  femaleShareOf,
  openedAt,
  personIndexOf,
  synthCase,
  synthCaseContacts,
  synthPerson,
  synthStandaloneContact,
  synthTraffickingEvents,
  PERSON_PHONE,
} from './synth';

const groups = loadNameGroups();
const UNTIL = Date.parse('2026-06-30T12:00:00+05:00');
const layout = { count: 3000, untilMs: UNTIL, years: 5 };
const personOf = (seed: number, i: number) => {
  const c = synthCase(seed, i, layout, 4);
  return { c, p: synthPerson(groups, seed, i, { femaleShare: femaleShareOf(c), ageYears: c.ageYears, openedMs: c.openedMs }) };
};

describe('generated case data', () => {
  it('draws each record from the seed and its index only', () => {
    const a = personOf(7, 123).p;
    expect(personOf(7, 123).p).toEqual(a);
    // the names do not depend on the number of cases or on the period (only the dates do)
    const other = synthPerson(groups, 7, 123, { femaleShare: femaleShareOf(synthCase(7, 123, { ...layout, count: 10 }, 1)), ageYears: 30, openedMs: 0 });
    expect([other.givenName, other.familyName, other.middleName, other.phone]).toEqual([a.givenName, a.familyName, a.middleName, a.phone]);
    expect(personOf(8, 123).p.familyName === a.familyName && personOf(8, 123).p.givenName === a.givenName).toBe(false);
  });

  it('lays cases out in time order over the period, more in later years', () => {
    let last = -Infinity;
    const perYear = new Map<number, number>();
    for (let i = 0; i < layout.count; i++) {
      const t = openedAt(1, i, layout);
      expect(t).toBeGreaterThanOrEqual(last);
      expect(t).toBeLessThanOrEqual(UNTIL);
      last = t;
      const y = new Date(t).getUTCFullYear();
      perYear.set(y, (perYear.get(y) ?? 0) + 1);
    }
    expect(perYear.get(2025)!).toBeGreaterThan(perYear.get(2022)!);
    for (let i = 0; i < 500; i++) expect(personIndexOf(1, i)).toBeLessThanOrEqual(i);
  });

  it('gives persons, victim contexts, contacts and events that the shared schemas accept', { timeout: 60_000 }, () => {
    const seen = { groups: new Map<string, number>(), latin: 0, cyrillic: 0, phones: 0, female: 0, statuses: new Set<string>() };
    // the last third of the period: every stage is there
    for (let i = 2000; i < 3000; i++) {
      const { c, p } = personOf(5, i);
      const { group, script, ...input } = p;
      expect(ZPersonInput.safeParse(input).success, JSON.stringify(input)).toBe(true);
      expect(ZVictimContext.safeParse(c.victim).success, JSON.stringify(c.victim)).toBe(true);
      seen.groups.set(group, (seen.groups.get(group) ?? 0) + 1);
      seen[script]++;
      if (p.sex === 'Feminine') seen.female++;
      seen.statuses.add(`${c.status}/${c.stage}`);
      if (p.phone) {
        expect(normalizePhone(p.phone), p.phone).toMatch(/^\+(7|998|996|992)\d{9,10}$/);
        seen.phones++;
      }
      if (p.documentNumber) expect(documentKey(p.documentNumber).length).toBeGreaterThanOrEqual(8);
      for (const x of [...synthCaseContacts(5, c, group, 1.5, CONTACT_TOPICS, UNTIL), synthStandaloneContact(5, i, layout, CONTACT_TOPICS)]) {
        expect(CONTACT_CHANNELS).toContain(x.channel);
        expect(CONTACT_TYPES).toContain(x.contactType);
        if (x.outcome) expect(CONTACT_OUTCOMES).toContain(x.outcome);
        if (x.urgency) expect(URGENCIES).toContain(x.urgency);
        for (const t of x.topics) expect(CONTACT_TOPICS).toContain(t);
        expect(x.startedMs).toBeLessThanOrEqual(UNTIL);
        if (x.callerPhone && x.callerPhone !== PERSON_PHONE) expect(normalizePhone(x.callerPhone)).not.toBeNull();
      }
      for (const e of synthTraffickingEvents(5, c, p.citizenship!)) expect(e.date < new Date(c.openedMs).toISOString()).toBe(true);
    }
    // five groups, the Kazakh one the largest; names in both scripts; most persons reachable by phone
    expect([...seen.groups.keys()].sort()).toEqual(['kk', 'ky', 'ru', 'tg', 'uz']);
    expect(seen.groups.get('kk')!).toBeGreaterThan(300);
    expect(seen.latin).toBeGreaterThan(100);
    expect(seen.cyrillic).toBeGreaterThan(500);
    expect(seen.phones).toBeGreaterThan(700);
    expect(seen.female).toBeGreaterThan(400);
    expect(seen.female).toBeLessThan(650);
    for (const s of ['Active/new', 'Active/services', 'FollowUp/follow_up', 'Closed/closed', 'ClosedReferred/closed']) {
      expect(seen.statuses).toContain(s);
    }
  });
});
