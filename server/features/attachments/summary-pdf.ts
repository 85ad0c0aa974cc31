import { IntlMessageFormat } from 'intl-messageformat';
import { HTCDS_LABELS, type THtcdsCodeListId } from '../../../shared/htcds';
import { attachmentsMessages } from '../../../shared/i18n/app/attachments';
import type { TStaffLocale } from '../../../shared/locales';
import { REGIONS } from '../../../shared/regions';
import type { TCaseSensitive, TPersonProfile, TVictimContext } from '../../../shared/schemas/case-file';
import type { TApp } from '../../app';
import type { TActor } from '../../access/actor';
import { assertCan, can } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { scoped } from '../../http/context';
import { PERSON_SEALED } from '../persons/insert-person';
import { addCaseEvent, getScopedCase, type TCaseRow } from '../cases/present-case';
import { renderSummaryPdf, type TPdfBlock, type TPdfSummary } from './pdf-render';
import { caseSummaryPdfRoute } from './routes';

// The case summary for the paper file: what the case page shows, in the user's language, with the
// same need-to-know rules (identity only for case.readIdentity, narratives, health and notes only
// for case.readSensitive). Every export is audited and appears on the case's timeline.

type TMessages = typeof attachmentsMessages.en;
export type TPdfKey = Extract<keyof TMessages, `pdf.${string}`>;
type TValues = Record<string, string | number>;

const formats = new Map<string, IntlMessageFormat>();
export function pdfMessage(locale: TStaffLocale, key: TPdfKey, values: TValues = {}): string {
  const id = `${locale}\0${key}`;
  let fmt = formats.get(id);
  if (!fmt) {
    fmt = new IntlMessageFormat(attachmentsMessages[locale][key], locale);
    formats.set(id, fmt);
  }
  return String(fmt.format(values));
}

/** Kazakhstan time (UTC+5) for instants; calendar days are shown as they are. */
const TIME_ZONE = 'Asia/Almaty';

export type TSummaryData = {
  orgName: string | null;
  kase: TCaseRow & {
    victim: TVictimContext;
    sensitive_sealed: Uint8Array | null;
    assigned_name_sealed: Uint8Array | null;
  };
  person:
    | ({
        sex: string | null;
        citizenship: string | null;
        birth_year: number | null;
        languages: string[];
        migration_status: string | null;
        profile: TPersonProfile;
        age_years: number | null;
        age_stated_on: string | null;
      } & Record<(typeof PERSON_SEALED)[keyof typeof PERSON_SEALED][0], Uint8Array | null>)
    | null;
  events: {
    event_type: string;
    event_date: string | null;
    country: string | null;
    region: string | null;
    state: string | null;
    city: string | null;
    street_sealed: Uint8Array | null;
    description_sealed: Uint8Array | null;
  }[];
  consents: {
    explained: string[];
    agreed: string[];
    given_on: string;
    given_by: string;
    language: string | null;
    notes_sealed: Uint8Array | null;
    withdrawn_at: Date | null;
  }[];
  assessments: {
    assessed_on: string;
    needs: string[];
    risk_level: string;
    summary_sealed: Uint8Array | null;
  }[];
  plans: {
    plan_types: string[];
    objectives_sealed: Uint8Array | null;
    action_plan_sealed: Uint8Array | null;
    planned_end: string | null;
    actual_end: string | null;
  }[];
  services: {
    service_type: string;
    provider_org_id: string | null;
    provider_org_name: string | null;
    provider_name: string | null;
    delivered_on: string;
    outcome: string;
    notes_sealed: Uint8Array | null;
  }[];
  followUps: { followed_on: string; method: string; outcome: string; notes_sealed: Uint8Array | null }[];
  exporterName: string;
};

// Calendar days come back as text (to_char): no time zone can shift them.
const DAY = (col: string, alias = col) => `to_char(${col}, 'YYYY-MM-DD') AS ${alias}`;

export async function loadSummaryData(sdb: ScopedDb, sealer: Sealer, caseId: string): Promise<TSummaryData> {
  const q = async <T>(sql: string, params: unknown[] = [caseId]) => (await sdb.query<T>(sql, params)).rows;
  const [kase] = await q<TSummaryData['kase']>(
    `SELECT c.id, c.case_number, c.person_id, c.status, c.stage, c.assigned_user_id, c.region, c.opened_at,
            c.closed_at, c.closure_reason, c.version, c.victim, c.sensitive_sealed, u.full_name_sealed AS assigned_name_sealed
       FROM cases c LEFT JOIN users u ON u.id = c.assigned_user_id WHERE c.id = $1`,
  );
  const person = kase!.person_id
    ? ((
        await q<NonNullable<TSummaryData['person']>>(
          `SELECT sex, citizenship, birth_year, languages, migration_status, profile, age_years, ${DAY('age_stated_on')},
                  ${Object.values(PERSON_SEALED)
                    .map(([col]) => col)
                    .join(', ')}
             FROM persons WHERE id = $1`,
          [kase!.person_id],
        )
      )[0] ?? null)
    : null;
  const [org] = await q<{ name: string }>(`SELECT name FROM organisations WHERE id = $1`, [sdb.actor.orgId]);
  const [me] = await q<{ full_name_sealed: Uint8Array }>(`SELECT full_name_sealed FROM users WHERE id = $1`, [
    sdb.actor.userId,
  ]);
  return {
    orgName: org?.name ?? null,
    kase: kase!,
    person,
    events: await q(
      `SELECT event_type, ${DAY('event_date')}, country, region, state, city, street_sealed, description_sealed
         FROM trafficking_events WHERE case_id = $1 ORDER BY event_date NULLS LAST, created_at, id`,
    ),
    consents: await q(
      `SELECT explained, agreed, ${DAY('given_on')}, given_by, language, notes_sealed, withdrawn_at
         FROM consents WHERE case_id = $1 ORDER BY created_at DESC, id`,
    ),
    assessments: await q(
      `SELECT ${DAY('assessed_on')}, needs, risk_level, summary_sealed FROM assessments WHERE case_id = $1 ORDER BY assessed_on, created_at, id`,
    ),
    plans: await q(
      `SELECT plan_types, objectives_sealed, action_plan_sealed, ${DAY('planned_end')}, ${DAY('actual_end')}
         FROM support_plans WHERE case_id = $1 ORDER BY created_at, id`,
    ),
    services: await q(
      `SELECT s.service_type, s.provider_org_id, o.name AS provider_org_name, s.provider_name, ${DAY('s.delivered_on', 'delivered_on')},
              s.outcome, s.notes_sealed
         FROM case_services s LEFT JOIN organisations o ON o.id = s.provider_org_id
        WHERE s.case_id = $1 ORDER BY s.delivered_on, s.created_at, s.id`,
    ),
    followUps: await q(
      `SELECT ${DAY('followed_on')}, method, outcome, notes_sealed FROM follow_ups WHERE case_id = $1 ORDER BY followed_on, created_at, id`,
    ),
    exporterName: me ? sealer.open(me.full_name_sealed, 'users.full_name') : sdb.actor.userId,
  };
}

/** The summary's text, translated, with what the actor may not read left out. */
export function buildSummary(
  locale: TStaffLocale,
  actor: TActor,
  sealer: Sealer,
  d: TSummaryData,
  now: Date = new Date(),
): TPdfSummary {
  const t = (key: TPdfKey, values?: TValues) => pdfMessage(locale, key, values);
  const none = t('pdf.none');
  const identity = can(actor, 'case.readIdentity');
  const sensitive = can(actor, 'case.readSensitive');
  const open = (v: Uint8Array | null, context: string) =>
    sensitive ? sealer.openNullable(v, context) : null;

  const day = (v: string | null | undefined) =>
    v
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${v}T00:00:00Z`),
        )
      : none;
  const instant = (v: Date | null, withTime = false) =>
    v
      ? new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          ...(withTime ? { timeStyle: 'short' } : {}),
          timeZone: TIME_ZONE,
        }).format(v)
      : none;
  const htcds = (list: THtcdsCodeListId, code: string | null | undefined) =>
    code ? ((HTCDS_LABELS[locale][list] as Record<string, string>)[code] ?? code) : none;
  const htcdsList = (list: THtcdsCodeListId, codes: readonly string[] | null | undefined) =>
    codes?.length ? codes.map((c) => htcds(list, c)).join('; ') : none;
  // A code of one of this catalogue's lists (stage, service type …); an unknown code shows as is.
  const coded = (prefix: string, code: string | null | undefined) => {
    if (!code) return none;
    const key = `${prefix}.${code}` as TPdfKey;
    return key in attachmentsMessages[locale] ? t(key) : code;
  };
  const codedList = (prefix: string, codes: readonly string[]) =>
    codes.length ? codes.map((c) => coded(prefix, c)).join('; ') : none;
  const languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const language = (code: string) => {
    try {
      return languageNames.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const region = (code: string | null) =>
    code ? (REGIONS.find((r) => r.code === code)?.[locale] ?? code) : none;
  const text = (v: string | null | undefined) => (v && v.trim() ? v : none);

  const blocks: TPdfBlock[] = [];
  const k = d.kase;

  // The case
  blocks.push({ kind: 'section', title: t('pdf.section.case') });
  const caseRows: [string, string][] = [
    [t('pdf.field.status'), htcds('caseStatus', k.status)],
    [t('pdf.field.stage'), coded('pdf.stage', k.stage)],
    [t('pdf.field.openedAt'), instant(k.opened_at)],
  ];
  if (k.closed_at) caseRows.push([t('pdf.field.closedAt'), instant(k.closed_at)]);
  if (k.closure_reason) caseRows.push([t('pdf.field.closureReason'), k.closure_reason]);
  caseRows.push([t('pdf.field.region'), region(k.region)]);
  caseRows.push([
    t('pdf.field.assignedTo'),
    k.assigned_name_sealed ? sealer.open(k.assigned_name_sealed, 'users.full_name') : none,
  ]);
  blocks.push({ kind: 'fields', rows: caseRows });

  // The person
  blocks.push({ kind: 'section', title: t('pdf.section.person') });
  const p = d.person;
  if (!p) {
    blocks.push({ kind: 'note', text: t('pdf.nothingRecorded') });
  } else {
    const rows: [string, string][] = [];
    const seal = (key: keyof typeof PERSON_SEALED) =>
      sealer.openNullable(p[PERSON_SEALED[key][0]], PERSON_SEALED[key][1]);
    if (identity) {
      const name = [seal('familyName'), seal('givenName'), seal('middleName')].filter(Boolean).join(' ');
      rows.push([t('pdf.field.name'), text(name)]);
      rows.push([t('pdf.field.birthDate'), day(seal('birthDate'))]);
    }
    if (p.birth_year !== null) rows.push([t('pdf.field.birthYear'), String(p.birth_year)]);
    if (p.age_years !== null) {
      rows.push([
        t('pdf.field.age'),
        t('pdf.field.ageValue', { years: p.age_years, date: day(p.age_stated_on) }),
      ]);
    }
    rows.push([t('pdf.field.sex'), htcds('gender', p.sex)]);
    rows.push([
      t('pdf.field.citizenship'),
      [p.citizenship, ...(p.profile.otherCitizenships ?? [])].filter(Boolean).join(', ') || none,
    ]);
    rows.push([t('pdf.field.languages'), p.languages.length ? p.languages.map(language).join(', ') : none]);
    rows.push([t('pdf.field.migrationStatus'), coded('pdf.migration', p.migration_status)]);
    if (p.profile.maritalStatus)
      rows.push([t('pdf.field.maritalStatus'), htcds('maritalStatus', p.profile.maritalStatus)]);
    if (p.profile.education)
      rows.push([t('pdf.field.education'), htcds('educationLevel', p.profile.education)]);
    if (identity) {
      rows.push([t('pdf.field.phone'), text(seal('phone'))]);
      rows.push([t('pdf.field.documentNumber'), text(seal('documentNumber'))]);
      rows.push([t('pdf.field.address'), text(seal('address'))]);
    }
    blocks.push({ kind: 'fields', rows });
    if (!identity) blocks.push({ kind: 'note', text: t('pdf.identityHidden') });
  }

  // Victim context (HTCDS codes, in clear)
  blocks.push({ kind: 'section', title: t('pdf.section.victim') });
  const v = k.victim ?? {};
  const victimRows: [string, string][] = [];
  const addV = (key: TPdfKey, value: string | null | undefined) => {
    if (value !== undefined && value !== null && value !== none) victimRows.push([t(key), value]);
  };
  addV(
    'pdf.victim.traffickingStatus',
    v.traffickingStatus && htcds('traffickingStatus', v.traffickingStatus),
  );
  addV(
    'pdf.victim.statusDecisionMaker',
    v.statusDecisionMaker && htcds('traffickingStatusDecisionMaker', v.statusDecisionMaker),
  );
  addV('pdf.victim.typesOfExploitation', htcdsList('typeOfExploitation', v.typesOfExploitation));
  addV(
    'pdf.victim.forcedLabourIndustry',
    v.forcedLabourIndustry && htcds('forcedLabourIndustry', v.forcedLabourIndustry),
  );
  addV('pdf.victim.sexExploitationTypes', htcdsList('sexExploitationType', v.sexExploitationTypes));
  addV('pdf.victim.methodsOfControl', htcdsList('methodOfControl', v.methodsOfControl));
  addV('pdf.victim.recruitmentMethods', htcdsList('recruitmentMethod', v.recruitmentMethods));
  addV('pdf.victim.recruitmentLocation', v.recruitmentLocation);
  addV('pdf.victim.exploitationLocation', v.exploitationLocation);
  addV('pdf.victim.recruitmentWebsites', htcdsList('websiteOrApp', v.recruitmentWebsites));
  addV('pdf.victim.exploitationWebsites', htcdsList('websiteOrApp', v.exploitationWebsites));
  addV(
    'pdf.victim.relationshipToTrafficker',
    v.relationshipToTrafficker && htcds('relationshipToTrafficker', v.relationshipToTrafficker),
  );
  addV(
    'pdf.victim.ageWhenTrafficked',
    v.ageWhenTrafficked === undefined ? null : String(v.ageWhenTrafficked),
  );
  addV('pdf.victim.vulnerabilities', htcdsList('vulnerability', v.vulnerabilities));
  addV('pdf.victim.perpetratorRoles', htcdsList('perpetratorRole', v.perpetratorRoles));
  addV(
    'pdf.victim.agreementToManagePersonalData',
    v.agreementToManagePersonalData === undefined
      ? null
      : t(v.agreementToManagePersonalData ? 'pdf.yes' : 'pdf.no'),
  );
  blocks.push(
    victimRows.length
      ? { kind: 'fields', rows: victimRows }
      : { kind: 'note', text: t('pdf.nothingRecorded') },
  );

  // Narrative and health (sealed)
  blocks.push({ kind: 'section', title: t('pdf.section.sensitive') });
  if (!sensitive) {
    blocks.push({ kind: 'note', text: t('pdf.sensitiveHidden') });
  } else {
    const texts = k.sensitive_sealed
      ? (JSON.parse(sealer.open(k.sensitive_sealed, 'cases.sensitive')) as TCaseSensitive)
      : {};
    const keys = [
      'narrative',
      'health',
      'vulnerabilityDetails',
      'perpetratorRoleDetails',
      'incomingReferralDetails',
      'outgoingReferralDetails',
      'comment',
    ] as const;
    const present = keys.filter((key) => texts[key]?.trim());
    for (const key of present)
      blocks.push({ kind: 'text', label: t(`pdf.sensitive.${key}`), text: texts[key]! });
    if (!present.length) blocks.push({ kind: 'note', text: t('pdf.nothingRecorded') });
  }

  // Route
  blocks.push({ kind: 'section', title: t('pdf.section.route') });
  if (!d.events.length) blocks.push({ kind: 'note', text: t('pdf.nothingRecorded') });
  for (const e of d.events) {
    blocks.push({
      kind: 'subheading',
      text: `${htcds('traffickingEventType', e.event_type)} · ${day(e.event_date)}`,
    });
    const place = [e.city, e.state, e.region ? region(e.region) : null, e.country].filter(Boolean).join(', ');
    const rows: [string, string][] = [[t('pdf.field.place'), place || none]];
    const street = open(e.street_sealed, 'trafficking_events.street');
    if (street) rows.push([t('pdf.field.street'), street]);
    blocks.push({ kind: 'fields', rows });
    const description = open(e.description_sealed, 'trafficking_events.description');
    if (description) blocks.push({ kind: 'text', label: t('pdf.field.description'), text: description });
  }

  // Consent: the current one first, then earlier and withdrawn ones
  blocks.push({ kind: 'section', title: t('pdf.section.consent') });
  if (!d.consents.length) blocks.push({ kind: 'note', text: t('pdf.nothingRecorded') });
  const current = d.consents.find((c) => c.withdrawn_at === null);
  for (const c of d.consents) {
    blocks.push({
      kind: 'subheading',
      text:
        c === current
          ? `${t('pdf.consentCurrent')} · ${day(c.given_on)}`
          : `${day(c.given_on)}${c.withdrawn_at ? ` · ${t('pdf.consentWithdrawn', { date: instant(c.withdrawn_at) })}` : ''}`,
    });
    const rows: [string, string][] = [
      [t('pdf.field.givenBy'), coded('pdf.consentGiver', c.given_by)],
      [t('pdf.field.explained'), codedList('pdf.consentScope', c.explained)],
      [t('pdf.field.agreed'), codedList('pdf.consentScope', c.agreed)],
    ];
    if (c.language) rows.push([t('pdf.field.language'), language(c.language)]);
    blocks.push({ kind: 'fields', rows });
    const notes = open(c.notes_sealed, 'consents.notes');
    if (notes) blocks.push({ kind: 'text', label: t('pdf.field.notes'), text: notes });
  }

  // Workflow: assessment → support plan → services → follow-up
  blocks.push({ kind: 'section', title: t('pdf.section.assessments') });
  if (!d.assessments.length) blocks.push({ kind: 'note', text: t('pdf.nothingRecorded') });
  for (const a of d.assessments) {
    blocks.push({ kind: 'subheading', text: day(a.assessed_on) });
    blocks.push({
      kind: 'fields',
      rows: [
        [t('pdf.field.risk'), coded('pdf.risk', a.risk_level)],
        [t('pdf.field.needs'), codedList('pdf.service', a.needs)],
      ],
    });
    const summary = open(a.summary_sealed, 'assessments.summary');
    if (summary) blocks.push({ kind: 'text', label: t('pdf.field.summary'), text: summary });
  }

  blocks.push({ kind: 'section', title: t('pdf.section.plans') });
  if (!d.plans.length) blocks.push({ kind: 'note', text: t('pdf.nothingRecorded') });
  for (const pl of d.plans) {
    blocks.push({
      kind: 'fields',
      rows: [
        [t('pdf.field.types'), htcdsList('supportPlanType', pl.plan_types)],
        [t('pdf.field.plannedEnd'), day(pl.planned_end)],
        [t('pdf.field.actualEnd'), day(pl.actual_end)],
      ],
    });
    const objectives = open(pl.objectives_sealed, 'support_plans.objectives');
    if (objectives) blocks.push({ kind: 'text', label: t('pdf.field.objectives'), text: objectives });
    const actionPlan = open(pl.action_plan_sealed, 'support_plans.action_plan');
    if (actionPlan) blocks.push({ kind: 'text', label: t('pdf.field.actionPlan'), text: actionPlan });
  }

  blocks.push({ kind: 'section', title: t('pdf.section.services') });
  if (!d.services.length) blocks.push({ kind: 'note', text: t('pdf.nothingRecorded') });
  for (const s of d.services) {
    blocks.push({
      kind: 'subheading',
      text: `${coded('pdf.service', s.service_type)} · ${day(s.delivered_on)}`,
    });
    const provider =
      s.provider_name ?? s.provider_org_name ?? (s.provider_org_id ? t('pdf.providerOwn') : none);
    blocks.push({
      kind: 'fields',
      rows: [
        [t('pdf.field.provider'), provider],
        [t('pdf.field.outcome'), coded('pdf.serviceOutcome', s.outcome)],
      ],
    });
    const notes = open(s.notes_sealed, 'case_services.notes');
    if (notes) blocks.push({ kind: 'text', label: t('pdf.field.notes'), text: notes });
  }

  blocks.push({ kind: 'section', title: t('pdf.section.followUps') });
  if (!d.followUps.length) blocks.push({ kind: 'note', text: t('pdf.nothingRecorded') });
  for (const f of d.followUps) {
    blocks.push({ kind: 'subheading', text: day(f.followed_on) });
    blocks.push({
      kind: 'fields',
      rows: [
        [t('pdf.field.method'), coded('pdf.followUpMethod', f.method)],
        [t('pdf.field.outcome'), coded('pdf.followUpOutcome', f.outcome)],
      ],
    });
    const notes = open(f.notes_sealed, 'follow_ups.notes');
    if (notes) blocks.push({ kind: 'text', label: t('pdf.field.notes'), text: notes });
  }
  if (
    !sensitive &&
    (d.events.length ||
      d.consents.length ||
      d.assessments.length ||
      d.plans.length ||
      d.services.length ||
      d.followUps.length)
  ) {
    blocks.push({ kind: 'note', text: t('pdf.sensitiveHidden') });
  }

  const caseTitle = t('pdf.caseNumber', { number: k.case_number });
  return {
    lang: locale,
    title: `${t('pdf.title')} · ${caseTitle}`,
    heading: `${t('pdf.title')}: ${caseTitle}`,
    subheading: d.orgName ? t('pdf.organisation', { name: d.orgName }) : '',
    blocks,
    footer: t('pdf.footer', { name: d.exporterName, date: instant(now, true) }),
    pageLabel: (page, pages) => t('pdf.page', { page, pages }),
    author: d.exporterName,
  };
}

export function registerCaseSummaryPdf(app: TApp): void {
  app.openapi(caseSummaryPdfRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { sealer } = c.var.deps;
    const locale = c.var.locale;
    // Rendered inside the transaction: an export that fails is neither audited nor on the timeline.
    const { pdf, caseNumber } = await scoped(c, async (sdb) => {
      await getScopedCase(sdb, id);
      assertCan(sdb.actor, 'case.export', { type: 'case', id });
      const data = await loadSummaryData(sdb, sealer, id);
      await addCaseEvent(sdb, id, 'exported', { format: 'pdf', locale });
      sdb.audit({
        action: 'case.exported',
        outcome: 'success',
        targetType: 'case',
        targetId: id,
        details: {
          format: 'pdf',
          locale,
          identity: can(sdb.actor, 'case.readIdentity'),
          sensitive: can(sdb.actor, 'case.readSensitive'),
        },
      });
      return {
        pdf: await renderSummaryPdf(buildSummary(locale, sdb.actor, sealer, data)),
        caseNumber: data.kase.case_number,
      };
    });
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.byteLength),
      'Content-Disposition': `attachment; filename="${caseNumber.replace(/[^A-Za-z0-9-]/g, '_')}-summary.pdf"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });
}
