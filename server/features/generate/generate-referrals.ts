/**
 * `senim generate referrals`: fictional referrals from the generated cases' organisations to the
 * partners of the network, for demonstrations and benchmarks (issue 4).
 *
 * - Partners: every organisation without a directory entry gets one (its type, services and
 *   regions from its kind), and fictional partner organisations (police, migration police,
 *   prosecutors, labour inspectorates, shelters, trade unions, embassies, an international
 *   organisation, clinics) are added until the network has `partners` of them. Each partner has its
 *   own habits, drawn from the seed: how fast it answers (a median of 4 to 120 hours), how often it
 *   accepts, whether it uses Senim or receives letters.
 * - Referrals: each from a case of a sending organisation (a reproducible sample of its cases),
 *   sent while the case was open, to a partner (those covering the case's region more often), with
 *   an urgency and a deadline; the status follows from the partner's habits and the time since:
 *   answered (accepted, then often completed; or declined with a reason), still waiting, overdue
 *   (unanswered after the deadline and not yet marked by the expiry job, or accepted and not done by
 *   the deadline), expired, or revoked.
 *   Every step is a referral event. A few were sent without consent under an override.
 * - What was shared is a sealed snapshot (the app's key and context, bulk-sealer.ts): the case
 *   number, region, victim-context codes, and for the overridden ones citizenship and languages.
 *
 * Reproducible: referral i is drawn from the seed and i only, over the same cases (chosen by a hash
 * of their case numbers), so the same seed on the same generated cases gives the same referrals.
 * Rows go in one INSERT … SELECT FROM unnest(…) per table and batch, as `senim_app` in the sending
 * organisation's scope (row-level security checks every row).
 */
import crypto from 'node:crypto';
import { buildActor } from '../../access/actor';
import { scopePreamble } from '../../access/scoped-db';
import { cliAudit } from '../../cli/cli-audit';
import type { Db, Queryable } from '../../db/types';
import type { TDeps } from '../../http/context';
import { REGIONS, type TRegionCode } from '../../../shared/regions';
import {
  DECLINE_REASONS,
  DEFAULT_SHARED_FIELDS,
  REFERRAL_OUTCOMES,
  type TReferralSnapshot,
  type TShareableField,
} from '../../../shared/schemas/referrals';
import type { TPartnerService, TPartnerType } from '../../../shared/schemas/partners';
import type { TOrganisationType, TRole } from '../../../shared/roles';
import { REFERRAL_SEALED } from '../referrals/sealed';
import { BulkSealer } from './bulk-sealer';
import { checkSafeToGenerate, GenerateRefusedError } from './generate-cases';
import { kzDay, pick, streamOf, weighted, type TRnd } from './synth';

export type TGenerateReferralsOptions = {
  count: number;
  seed: number;
  /** partner organisations the network should have at least (fictional ones are added) */
  partners: number;
  untilMs: number;
  batchSize: number;
  force: boolean;
  /**
   * Only these organisations send, get directory entries and (with the partners created) receive;
   * default: every organisation with cases sends, every organisation of the network may receive.
   */
  orgIds?: string[];
  onProgress?: (p: { done: number; total: number; rows: number; elapsedMs: number }) => void;
};
export type TGenerateReferralsResult = {
  referrals: number;
  events: number;
  partnersCreated: number;
  profilesCreated: number;
  byStatus: Record<string, number>;
  overdue: number;
  rows: number;
  elapsedMs: number;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STREAM = { referral: 41, partner: 42, sample: 43 } as const;

const PARTNER_TYPE_OF: Record<TOrganisationType, TPartnerType> = {
  crisis_centre: 'CrisisCentre',
  ngo: 'NGO',
  police: 'LawEnforcement',
  prosecutor: 'ProsecutorsOffice',
  trade_union: 'TradeUnion',
  state_body: 'LocalGovernmentOrganisation',
  international_organisation: 'InternationalOrganisation',
  embassy: 'Embassy',
};
const SERVICES_OF: Record<TPartnerType, readonly TPartnerService[]> = {
  NGO: ['legal_aid', 'shelter', 'psychological', 'reintegration'],
  CrisisCentre: ['hotline', 'shelter', 'psychological', 'legal_aid'],
  LawEnforcement: ['criminal_investigation'],
  MigrationPolice: ['migration_status', 'documents'],
  ProsecutorsOffice: ['prosecution', 'criminal_investigation'],
  TradeUnion: ['legal_aid', 'employment'],
  LocalGovernmentOrganisation: ['labour_inspection', 'employment', 'financial'],
  CentralGovernmentOrganisation: ['documents', 'financial'],
  InternationalOrganisation: ['repatriation', 'reintegration', 'financial'],
  Embassy: ['consular_help', 'documents', 'repatriation'],
  HealthServiceOrganisation: ['medical', 'psychological'],
  ImmigrationService: ['migration_status', 'documents'],
  LegalService: ['legal_aid'],
  CorporateBusiness: ['employment'],
  SchoolOrCollege: ['education'],
};

type TPartnerTemplate = {
  orgType: TOrganisationType;
  partnerType: TPartnerType;
  names: { ru: string; kk: string; en: string };
  regions: TRegionCode[];
  languages: string[];
  usesSenim: boolean;
};

const BIG_REGIONS: TRegionCode[] = [
  'almaty',
  'astana',
  'shymkent',
  'turkistan',
  'almaty_region',
  'mangystau',
  'karaganda',
  'aktobe',
  'atyrau',
  'zhambyl',
].filter((r): r is TRegionCode => REGIONS.some((x) => x.code === r));

/** The fictional partners, in a fixed order: the generator takes as many as it needs. */
function partnerTemplates(): TPartnerTemplate[] {
  const regions = [...BIG_REGIONS, ...REGIONS.map((r) => r.code).filter((c) => !BIG_REGIONS.includes(c))];
  const out: TPartnerTemplate[] = [];
  const embassies = [
    [
      'Посольство Республики Узбекистан в Республике Казахстан',
      'Өзбекстан Республикасының Қазақстан Республикасындағы елшілігі',
      'Embassy of the Republic of Uzbekistan in Kazakhstan',
      'uz',
    ],
    [
      'Посольство Кыргызской Республики в Республике Казахстан',
      'Қырғыз Республикасының Қазақстан Республикасындағы елшілігі',
      'Embassy of the Kyrgyz Republic in Kazakhstan',
      'ky',
    ],
    [
      'Посольство Республики Таджикистан в Республике Казахстан',
      'Тәжікстан Республикасының Қазақстан Республикасындағы елшілігі',
      'Embassy of the Republic of Tajikistan in Kazakhstan',
      'tg',
    ],
  ] as const;
  for (const [ru, kk, en, lang] of embassies) {
    out.push({
      orgType: 'embassy',
      partnerType: 'Embassy',
      names: { ru, kk, en },
      regions: ['astana', 'almaty'].filter((r) => REGIONS.some((x) => x.code === r)) as TRegionCode[],
      languages: ['ru', lang],
      usesSenim: false,
    });
  }
  out.push({
    orgType: 'international_organisation',
    partnerType: 'InternationalOrganisation',
    names: {
      ru: 'Представительство международной организации по миграции (учебный пример)',
      kk: 'Халықаралық көші-қон ұйымының өкілдігі (оқу мысалы)',
      en: 'Migration agency office (sample)',
    },
    regions: regions.slice(0, 6),
    languages: ['ru', 'kk', 'en'],
    usesSenim: true,
  });
  for (const code of regions) {
    const r = REGIONS.find((x) => x.code === code)!;
    out.push(
      {
        orgType: 'police',
        partnerType: 'LawEnforcement',
        names: {
          ru: `Департамент полиции: ${r.ru}`,
          kk: `Полиция департаменті: ${r.kk}`,
          en: `Police Department: ${r.en}`,
        },
        regions: [code],
        languages: ['ru', 'kk'],
        usesSenim: true,
      },
      {
        orgType: 'ngo',
        partnerType: 'NGO',
        names: {
          ru: `Центр помощи пострадавшим: ${r.ru}`,
          kk: `Зардап шеккендерге көмек орталығы: ${r.kk}`,
          en: `Victim support centre: ${r.en}`,
        },
        regions: [code],
        languages: ['ru', 'kk', 'uz'],
        usesSenim: true,
      },
      {
        orgType: 'state_body',
        partnerType: 'LocalGovernmentOrganisation',
        names: {
          ru: `Инспекция труда: ${r.ru}`,
          kk: `Еңбек инспекциясы: ${r.kk}`,
          en: `Labour inspectorate: ${r.en}`,
        },
        regions: [code],
        languages: ['ru', 'kk'],
        usesSenim: false,
      },
      {
        orgType: 'police',
        partnerType: 'MigrationPolice',
        names: {
          ru: `Управление миграционной полиции: ${r.ru}`,
          kk: `Көші-қон полициясы басқармасы: ${r.kk}`,
          en: `Migration police: ${r.en}`,
        },
        regions: [code],
        languages: ['ru', 'kk'],
        usesSenim: true,
      },
      {
        orgType: 'prosecutor',
        partnerType: 'ProsecutorsOffice',
        names: { ru: `Прокуратура: ${r.ru}`, kk: `Прокуратура: ${r.kk}`, en: `Prosecutor's office: ${r.en}` },
        regions: [code],
        languages: ['ru', 'kk'],
        usesSenim: true,
      },
      {
        orgType: 'trade_union',
        partnerType: 'TradeUnion',
        names: {
          ru: `Профсоюз строителей и сельхозработников: ${r.ru}`,
          kk: `Құрылысшылар мен ауыл шаруашылығы қызметкерлерінің кәсіподағы: ${r.kk}`,
          en: `Construction and farm workers' union: ${r.en}`,
        },
        regions: [code],
        languages: ['ru', 'kk'],
        usesSenim: false,
      },
      {
        orgType: 'state_body',
        partnerType: 'HealthServiceOrganisation',
        names: {
          ru: `Городская поликлиника: ${r.ru}`,
          kk: `Қалалық емхана: ${r.kk}`,
          en: `City clinic: ${r.en}`,
        },
        regions: [code],
        languages: ['ru', 'kk'],
        usesSenim: false,
      },
    );
  }
  return out;
}

type TPartner = { id: string; type: TPartnerType; regions: string[]; services: string[]; usesSenim: boolean };
type THabits = { medianH: number; accept: number; complete: number; weight: number };
type TCandidate = {
  id: string;
  org_id: string;
  case_number: string;
  region: string | null;
  o: number;
  cl: number | null;
  trafficking_status: string | null;
  decided_by: string | null;
  types: string[] | null;
  industry: string | null;
  sex_types: string[] | null;
  citizenship: string | null;
  languages: string[] | null;
};

/** A standard normal draw (Box–Muller). */
function normal(rnd: TRnd): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** Creates the partners that are missing; returns the network's partners in a fixed order. */
async function ensurePartners(
  db: Db,
  want: number,
  scope: string[] | null,
): Promise<{ partners: TPartner[]; created: number; profiles: number }> {
  let created = 0;
  const createdIds: string[] = [];
  let profiles = 0;
  // Organisations without a directory entry get one from their kind.
  const { rows: bare } = await db.query<{
    id: string;
    name: string;
    type: TOrganisationType;
    region: string | null;
  }>(
    `SELECT o.id, o.name, o.type, o.region FROM organisations o
      WHERE o.is_active AND NOT EXISTS (SELECT 1 FROM partner_profiles p WHERE p.org_id = o.id)
        AND ($1::uuid[] IS NULL OR o.id = ANY($1::uuid[])) ORDER BY o.name`,
    [scope],
  );
  for (const o of bare) {
    const type = PARTNER_TYPE_OF[o.type] ?? 'NGO';
    const r = await db.query(
      `INSERT INTO partner_profiles (org_id, partner_type, names, regions, services, languages, uses_senim, membership, membership_decided_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, true, 'approved', now()) ON CONFLICT (org_id) DO NOTHING`,
      [
        o.id,
        type,
        JSON.stringify({ ru: o.name }),
        o.region ? [o.region] : BIG_REGIONS.slice(0, 4),
        SERVICES_OF[type],
        ['ru', 'kk'],
      ],
    );
    profiles += r.rowCount;
  }
  const count = async () =>
    Number(
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM partner_profiles WHERE membership = 'approved' AND ($1::uuid[] IS NULL OR org_id = ANY($1::uuid[]))`,
          [scope],
        )
      ).rows[0]!.n,
    );
  let have = await count();
  for (const t of partnerTemplates()) {
    if (have >= want) break;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO organisations (name, type, region, is_demo) VALUES ($1, $2, $3, true) ON CONFLICT DO NOTHING RETURNING id`,
      [t.names.ru, t.orgType, t.regions.length === 1 ? t.regions[0] : null],
    );
    if (!rows[0]) {
      // made by an earlier run: counted already, unless only some organisations take part
      if (scope) {
        const { rows: known } = await db.query<{ id: string }>(
          `SELECT o.id FROM organisations o JOIN partner_profiles p ON p.org_id = o.id
            WHERE lower(o.name) = lower($1) AND p.membership = 'approved'`,
          [t.names.ru],
        );
        if (known[0] && !scope.includes(known[0].id)) {
          createdIds.push(known[0].id);
          have++;
        }
      }
      continue;
    }
    await db.query(
      `INSERT INTO partner_profiles (org_id, partner_type, names, regions, services, languages, uses_senim, letter_language,
          published, published_fields, membership, membership_decided_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, 'ru', true, '{type,regions,services,languages}', 'approved', now())`,
      [
        rows[0].id,
        t.partnerType,
        JSON.stringify(t.names),
        t.regions,
        SERVICES_OF[t.partnerType],
        t.languages,
        t.usesSenim,
      ],
    );
    created++;
    createdIds.push(rows[0].id);
    have++;
  }
  const members = scope ? [...scope, ...createdIds] : null;
  const { rows } = await db.query<{
    id: string;
    type: TPartnerType;
    regions: string[];
    services: string[];
    uses_senim: boolean;
  }>(
    `SELECT p.org_id AS id, p.partner_type AS type, p.regions, p.services, p.uses_senim
       FROM partner_profiles p JOIN organisations o ON o.id = p.org_id
      WHERE p.membership = 'approved' AND o.is_active AND ($1::uuid[] IS NULL OR p.org_id = ANY($1::uuid[]))
      ORDER BY o.name, o.id`,
    [members],
  );
  return {
    partners: rows.map((r) => ({
      id: r.id,
      type: r.type,
      regions: r.regions,
      services: r.services,
      usesSenim: r.uses_senim,
    })),
    created,
    profiles,
  };
}

const MESSAGES = [
  'Просим оказать юридическую консультацию по трудовому спору и невыплате заработной платы.',
  'Требуется временное размещение в приюте и психологическая поддержка.',
  'Просим содействия в восстановлении документов, удостоверяющих личность.',
  'Просим провести проверку работодателя по признакам принудительного труда.',
  'Требуется содействие в возвращении на родину.',
  'Просим принять заявление и провести проверку по факту эксплуатации.',
];
const OVERRIDE_REASONS = [
  'Угроза жизни и здоровью: человек находится у работодателя, получить согласие сейчас невозможно.',
  'Несовершеннолетний без сопровождения, законный представитель недоступен; нужна срочная защита.',
];

/** `target.db`: the system database handle (the CLI's). */
export async function generateReferrals(
  target: { db: Db; keyring: TDeps['keyring'] },
  o: TGenerateReferralsOptions,
): Promise<TGenerateReferralsResult> {
  const db = target.db;
  const started = performance.now();
  const sealer = new BulkSealer(target.keyring);

  const { rows: senders } = await db.query<{ org_id: string; n: number }>(
    `SELECT org_id, count(*)::int AS n FROM cases WHERE $1::uuid[] IS NULL OR org_id = ANY($1::uuid[]) GROUP BY org_id ORDER BY org_id`,
    [o.orgIds ?? null],
  );
  if (senders.length === 0)
    throw new GenerateRefusedError('There are no cases to refer: run `senim generate cases` first.');
  for (const s of senders) await checkSafeToGenerate(db, s.org_id, o.force);
  const totalCases = senders.reduce((a, s) => a + s.n, 0);

  const net = await ensurePartners(db, o.partners, o.orgIds ?? null);
  if (net.partners.length < 2)
    throw new GenerateRefusedError('The network needs at least two partners: raise --partners.');
  const habits = new Map<string, THabits>();
  net.partners.forEach((p, k) => {
    const rnd = streamOf(o.seed, k, STREAM.partner);
    habits.set(p.id, {
      medianH: Math.exp(Math.log(4) + rnd() * Math.log(30)), // 4 to 120 hours
      accept: 0.55 + 0.4 * rnd(),
      complete: 0.7 + 0.25 * rnd(),
      weight: 1 / Math.pow(k + 1, 0.6), // some partners receive much more than others
    });
  });

  // Users who send (per sending organisation) and the scope each batch is written in.
  const senderUsers = new Map<string, { id: string; roles: TRole[] }[]>();
  for (const s of senders) {
    const { rows } = await db.query<{ id: string; roles: TRole[] }>(
      `SELECT id, roles FROM users WHERE org_id = $1 AND is_active ORDER BY created_at, id`,
      [s.org_id],
    );
    const handlers = rows.filter((u) => u.roles.includes('case_worker') || u.roles.includes('supervisor'));
    if (rows.length === 0)
      throw new GenerateRefusedError(
        `Organisation ${s.org_id} has cases but no active users to send referrals.`,
      );
    senderUsers.set(s.org_id, handlers.length ? handlers : rows);
  }

  // A reproducible sample of the cases (by a hash of the case number): about 1.5 per referral.
  const per = Math.min(1_000_000, Math.ceil((1_000_000 * 1.5 * o.count) / totalCases));
  const { rows: candidates } = await db.query<TCandidate>(
    `SELECT c.id, c.org_id, c.case_number, c.region,
            (extract(epoch FROM c.opened_at) * 1000)::float8 AS o, (extract(epoch FROM c.closed_at) * 1000)::float8 AS cl,
            c.trafficking_status, c.victim->>'statusDecisionMaker' AS decided_by,
            ARRAY(SELECT jsonb_array_elements_text(COALESCE(c.victim->'typesOfExploitation', '[]'))) AS types,
            c.victim->>'forcedLabourIndustry' AS industry,
            ARRAY(SELECT jsonb_array_elements_text(COALESCE(c.victim->'sexExploitationTypes', '[]'))) AS sex_types,
            p.citizenship, p.languages
       FROM cases c LEFT JOIN persons p ON p.org_id = c.org_id AND p.id = c.person_id
      WHERE c.opened_at < $1 AND c.org_id = ANY($4::uuid[]) AND (hashtext(c.case_number || ':' || $2::text) & 2147483647) % 1000000 < $3
      ORDER BY c.case_number, c.org_id`,
    [new Date(o.untilMs - HOUR).toISOString(), String(o.seed), per, senders.map((s) => s.org_id)],
  );
  if (candidates.length === 0)
    throw new GenerateRefusedError('No case was opened before the end of the period.');

  const today = kzDay(o.untilMs);
  const byStatus: Record<string, number> = {};
  let overdue = 0;
  let events = 0;
  let done = 0;

  type TRow = {
    id: string;
    year: number;
    from: string;
    caseId: string;
    to: string;
    delivery: 'app' | 'letter';
    reason: string;
    services: string[];
    urgency: string;
    deadline: string;
    shared: TShareableField[];
    snapshot: string;
    override: string | null;
    status: string;
    answerCode: string | null;
    sentBy: string;
    sentAt: number;
    answeredAt: number | null;
    completedAt: number | null;
    closedAt: number | null;
    updatedAt: number;
    version: number;
    steps: {
      at: number;
      kind: string;
      org: string | null;
      user: string | null;
      payload: Record<string, unknown>;
    }[];
  };

  function draw(i: number): TRow {
    const rnd = streamOf(o.seed, i, STREAM.referral);
    const c = candidates[Math.floor(rnd() * candidates.length)]!;
    const end = Math.min(c.cl ?? o.untilMs, o.untilMs - 10 * 60_000);
    // sent while the case was open, mostly in its first weeks
    const span = Math.max(0, Math.min(end - c.o, 60 * DAY));
    const sentAt = Math.round(c.o + HOUR + rnd() * rnd() * Math.max(0, span - HOUR));
    // the partner: any but the sender, those covering the case's region three times as often
    const options = net.partners
      .filter((p) => p.id !== c.org_id)
      .map(
        (p) => [p, habits.get(p.id)!.weight * (c.region && p.regions.includes(c.region) ? 3 : 1)] as const,
      );
    const partner = weighted(rnd, options);
    const h = habits.get(partner.id)!;
    const urgency = weighted(rnd, [
      ['routine', 70],
      ['urgent', 22],
      ['immediate', 8],
    ] as const);
    const days = urgency === 'immediate' ? 1 : urgency === 'urgent' ? 3 : 7 + Math.floor(rnd() * 8);
    const deadline = kzDay(sentAt + days * DAY);
    const deadlineEnd = Date.parse(`${deadline}T23:59:59+05:00`);
    const answerAt = Math.round(sentAt + h.medianH * HOUR * Math.exp(0.8 * normal(rnd)));
    const users = senderUsers.get(c.org_id)!;
    const sentBy = users[i % users.length]!.id;
    const overridden = rnd() < 0.03;
    const shared: TShareableField[] = [...DEFAULT_SHARED_FIELDS];
    if (rnd() < 0.6) shared.push('exploitation');
    if (rnd() < 0.4) shared.push('traffickingStatus');
    if (overridden) shared.push('personCitizenship', 'personLanguages');
    const snapshot: TReferralSnapshot = { caseNumber: c.case_number, message: pick(rnd, MESSAGES) };
    if (shared.includes('caseRegion')) snapshot.caseRegion = c.region;
    if (shared.includes('needs')) snapshot.needs = []; // generated cases have no needs assessment
    if (shared.includes('exploitation'))
      snapshot.exploitation = {
        types: c.types ?? [],
        industry: c.industry,
        sexExploitation: c.sex_types ?? [],
      };
    if (shared.includes('traffickingStatus'))
      snapshot.traffickingStatus = { status: c.trafficking_status, decidedBy: c.decided_by };
    if (overridden) {
      snapshot.personCitizenship = c.citizenship;
      snapshot.personLanguages = c.languages ?? [];
    }
    const wanted = partner.services.filter((s) => s !== 'hotline');
    const services = wanted.length ? [pick(rnd, wanted)] : ['other'];
    if (wanted.length > 1 && rnd() < 0.3) services.push(wanted.find((s) => s !== services[0])!);

    const steps: TRow['steps'] = [
      { at: sentAt, kind: 'sent', org: c.org_id, user: sentBy, payload: { urgency } },
    ];
    let status = 'sent';
    let answerCode: string | null = null;
    let answeredAt: number | null = null;
    let completedAt: number | null = null;
    let closedAt: number | null = null;
    const r1 = rnd();
    if (r1 < 0.02 && sentAt + HOUR < o.untilMs) {
      status = 'revoked';
      closedAt = Math.min(o.untilMs - 60_000, sentAt + Math.min(answerAt - sentAt, 2 * DAY) / 2);
      steps.push({ at: closedAt, kind: 'revoked', org: c.org_id, user: sentBy, payload: {} });
    } else if (answerAt > deadlineEnd) {
      if (deadlineEnd < o.untilMs) {
        // the expiry job marks it the next night; the last week's may still wait for it
        if (o.untilMs - deadlineEnd < 7 * DAY && rnd() < 0.6) status = 'sent';
        else {
          status = 'expired';
          closedAt = Math.min(o.untilMs - 60_000, deadlineEnd + 3 * HOUR);
          steps.push({ at: closedAt, kind: 'expired', org: null, user: null, payload: {} });
        }
      }
    } else if (answerAt < o.untilMs) {
      answeredAt = answerAt;
      if (rnd() < h.accept) {
        status = 'accepted';
        steps.push({ at: answerAt, kind: 'accepted', org: partner.id, user: null, payload: {} });
        const doneAt = Math.round(answerAt + 10 * DAY * -Math.log(1 - rnd()));
        if (doneAt < o.untilMs && rnd() < h.complete) {
          status = 'completed';
          completedAt = doneAt;
          closedAt = doneAt;
          answerCode = pick(rnd, REFERRAL_OUTCOMES.slice(0, 6));
          steps.push({
            at: doneAt,
            kind: 'completed',
            org: partner.id,
            user: null,
            payload: { outcome: answerCode },
          });
        }
      } else {
        status = 'declined';
        closedAt = answerAt;
        answerCode = weighted(
          rnd,
          DECLINE_REASONS.map((d, k) => [d, k === 0 || k === 1 ? 3 : 1] as const),
        );
        steps.push({
          at: answerAt,
          kind: 'declined',
          org: partner.id,
          user: null,
          payload: { reason: answerCode },
        });
      }
    }
    if ((status === 'sent' || status === 'accepted') && deadline < today) overdue++;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    return {
      id: crypto.randomUUID(),
      year: Number(kzDay(sentAt).slice(0, 4)),
      from: c.org_id,
      caseId: c.id,
      to: partner.id,
      delivery: partner.usesSenim ? 'app' : 'letter',
      reason: weighted(rnd, [
        ['AdditionalServicesRequired', 75],
        ['MigrationOrChangeOfLocation', 15],
        ['Other', 10],
      ] as const),
      services,
      urgency,
      deadline,
      shared,
      snapshot: JSON.stringify(snapshot),
      override: overridden ? pick(rnd, OVERRIDE_REASONS) : null,
      status,
      answerCode,
      sentBy,
      sentAt,
      answeredAt,
      completedAt,
      closedAt,
      updatedAt: steps[steps.length - 1]!.at,
      version: steps.length,
      steps,
    };
  }

  const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('hex') : null);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

  async function write(orgId: string, rows: TRow[]): Promise<void> {
    const users = senderUsers.get(orgId)!;
    const actor = buildActor({
      userId: users[0]!.id,
      orgId,
      roles: users[0]!.roles,
      isNetworkAdmin: false,
      locale: 'ru',
      sessionIdHash: new Uint8Array(32),
    });
    const col = <K extends keyof TRow>(k: K) => rows.map((r) => r[k]);
    await db.transaction(
      async (tx) => {
        await insertReferrals(tx, {
          id: col('id'),
          year: col('year'),
          from: col('from'),
          caseId: col('caseId'),
          to: col('to'),
          delivery: col('delivery'),
          reason: col('reason'),
          services: rows.map((r) => r.services.join(',')),
          urgency: col('urgency'),
          deadline: col('deadline'),
          shared: rows.map((r) => r.shared.join(',')),
          snapshot: rows.map((r) => hex(sealer.seal(r.snapshot, REFERRAL_SEALED.snapshot))),
          override: rows.map((r) => hex(sealer.sealNullable(r.override, REFERRAL_SEALED.overrideReason))),
          status: col('status'),
          answerCode: col('answerCode'),
          sentBy: col('sentBy'),
          sentAt: rows.map((r) => iso(r.sentAt)),
          answeredAt: rows.map((r) => iso(r.answeredAt)),
          completedAt: rows.map((r) => iso(r.completedAt)),
          closedAt: rows.map((r) => iso(r.closedAt)),
          updatedAt: rows.map((r) => iso(r.updatedAt)),
          version: col('version'),
        });
        const steps = rows.flatMap((r) => r.steps.map((s) => ({ ...s, referral: r.id })));
        await tx.query(
          `INSERT INTO referral_events (referral_id, at, kind, actor_org_id, actor_user_id, payload)
           SELECT r, a, k, o, u, p::jsonb FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::uuid[], $5::uuid[], $6::text[])
             AS x (r, a, k, o, u, p)`,
          [
            steps.map((s) => s.referral),
            steps.map((s) => iso(s.at)),
            steps.map((s) => s.kind),
            steps.map((s) => s.org),
            steps.map((s) => s.user),
            steps.map((s) => JSON.stringify(s.payload)),
          ],
        );
        events += steps.length;
      },
      { preamble: scopePreamble(actor) },
    );
  }

  for (let from = 0; from < o.count; from += o.batchSize) {
    const to = Math.min(o.count, from + o.batchSize);
    const byOrg = new Map<string, TRow[]>();
    for (let i = from; i < to; i++) {
      const r = draw(i);
      const list = byOrg.get(r.from) ?? [];
      list.push(r);
      byOrg.set(r.from, list);
    }
    for (const [orgId, rows] of [...byOrg].sort((a, b) => a[0].localeCompare(b[0]))) await write(orgId, rows);
    done = to;
    o.onProgress?.({ done, total: o.count, rows: done + events, elapsedMs: performance.now() - started });
  }

  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO instance_meta (key, value) VALUES ('generated', $1::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = jsonb_set(instance_meta.value, '{runs}', (instance_meta.value->'runs') || ($1::jsonb->'runs'))`,
      [
        JSON.stringify({
          runs: [{ referrals: done, seed: o.seed, at: new Date().toISOString(), force: o.force }],
        }),
      ],
    );
    await cliAudit(tx, target, [
      {
        action: 'seed.demoCreated',
        outcome: 'success',
        details: {
          generated: true,
          referrals: done,
          referralEvents: events,
          partnersCreated: net.created,
          seed: o.seed,
          force: o.force,
        },
      },
    ]);
  });
  await db.exec(
    `${db.kind === 'postgres' ? 'VACUUM ' : ''}ANALYZE referrals, referral_events, partner_profiles, organisations`,
  );
  const rows = done + events + net.created * 2 + net.profiles;
  return {
    referrals: done,
    events,
    partnersCreated: net.created,
    profilesCreated: net.profiles,
    byStatus,
    overdue,
    rows,
    elapsedMs: performance.now() - started,
  };
}

async function insertReferrals(tx: Queryable, r: Record<string, unknown[]>): Promise<void> {
  await tx.query(
    `INSERT INTO referrals (id, reference, from_org_id, from_case_id, to_org_id, delivery, reason, services, urgency, deadline,
        shared_fields, snapshot_sealed, override_reason_sealed, overridden, status, answer_code, sent_by, sent_at, answered_at,
        completed_at, closed_at, updated_at, version)
     SELECT id, 'R-' || y || '-' || lpad(nextval('referral_reference_seq')::text, 6, '0'), f, c, t, d, re,
        string_to_array(sv, ','), u, dl, string_to_array(sh, ','), decode(sn, 'hex'), decode(ov, 'hex'), ov IS NOT NULL,
        st, ac, sb, sa, aa, ca, cl, up, v
       FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::date[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::uuid[], $17::timestamptz[],
                   $18::timestamptz[], $19::timestamptz[], $20::timestamptz[], $21::timestamptz[], $22::int[])
         AS x (id, y, f, c, t, d, re, sv, u, dl, sh, sn, ov, st, ac, sb, sa, aa, ca, cl, up, v)`,
    [
      r.id,
      r.year,
      r.from,
      r.caseId,
      r.to,
      r.delivery,
      r.reason,
      r.services,
      r.urgency,
      r.deadline,
      r.shared,
      r.snapshot,
      r.override,
      r.status,
      r.answerCode,
      r.sentBy,
      r.sentAt,
      r.answeredAt,
      r.completedAt,
      r.closedAt,
      r.updatedAt,
      r.version,
    ],
  );
}
