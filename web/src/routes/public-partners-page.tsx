// The public "Our partners" page (no login) in Russian, Kazakh and English: what each partner chose
// to publish. Plain HTML and a few CSS rules (a cheap phone on a slow network); it asks only the
// public API, never /api/v1. The language is in the URL (?lang=) and drives the UI's locale.
import { useEffect, useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { STAFF_LOCALES, type TStaffLocale } from '../../../shared/locales';
import { REGIONS } from '../../../shared/regions';
import { PARTNER_SERVICES, type TPublicPartner } from '../../../shared/schemas/partners';
import { usePublicPartners } from '../api/partners';
import { SkipLink } from '../components/skip-link';
import { LOCALE_AUTONYMS } from '../i18n/catalogues';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { usePartnerLabels } from '../features/partners/labels';
import { isWebAddress } from '../features/partners/web-address';

const HOTLINE = '11616';

const isLocale = (value: string | null): value is TStaffLocale =>
  value !== null && (STAFF_LOCALES as readonly string[]).includes(value);

export default function PublicPartnersPage() {
  const t = useT();
  const labels = usePartnerLabels();
  const { locale, setLocale } = useLocale();
  const [params, setParams] = useSearchParams();
  const asked = params.get('lang');
  const lang = isLocale(asked) ? asked : locale;
  const service = params.get('service') ?? '';
  const region = params.get('region') ?? '';
  const serviceId = useId();
  const regionId = useId();

  // the language in the URL wins (also over a signed-in user's saved language)
  useEffect(() => {
    if (isLocale(asked) && asked !== locale) setLocale(asked);
  }, [asked, locale, setLocale]);

  const partners = usePublicPartners(lang);
  const items = useMemo(() => partners.data?.items ?? [], [partners.data]);
  // offer only the services and regions some published partner has
  const services = useMemo(
    () => PARTNER_SERVICES.filter((s) => items.some((p) => p.services?.includes(s))),
    [items],
  );
  const regions = useMemo(
    () =>
      REGIONS.filter((r) => items.some((p) => p.regions?.includes(r.code)))
        .map((r) => ({ code: r.code, name: labels.region(r.code) }))
        .sort((a, b) => a.name.localeCompare(b.name, lang)),
    [items, labels, lang],
  );
  const shown = items.filter(
    (p) =>
      (!service || p.services?.includes(service as never)) &&
      (!region || p.regions?.includes(region as never)),
  );

  const choose = (key: 'service' | 'region', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const withLang = (code: TStaffLocale) => {
    const next = new URLSearchParams(params);
    next.set('lang', code);
    return `?${next.toString()}`;
  };

  return (
    <div className="public-page" data-testid="public-partners">
      <title>{t('app.documentTitle', { page: t('publicPartners.title') })}</title>
      <SkipLink />
      <header className="public-header">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('publicPartners.language')}>
          <ul className="lang-switch">
            {STAFF_LOCALES.map((code) => (
              <li key={code}>
                <Link
                  to={withLang(code)}
                  lang={code}
                  hrefLang={code}
                  aria-current={code === lang ? 'true' : undefined}
                  data-testid={`lang-${code}`}
                >
                  {LOCALE_AUTONYMS[code]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{t('publicPartners.title')}</h1>
        <p>{t('publicPartners.intro')}</p>
        <p className="public-hotline">
          <a href={`tel:${HOTLINE}`}>{t('publicPartners.hotline', { number: HOTLINE })}</a>
        </p>

        {items.length > 0 ? (
          <form
            className="public-filters"
            role="search"
            aria-label={t('publicPartners.filters')}
            onSubmit={(e) => e.preventDefault()}
          >
            {services.length > 0 ? (
              <label htmlFor={serviceId}>
                {t('publicPartners.service')}
                <select
                  id={serviceId}
                  className="native-select"
                  value={service}
                  onChange={(e) => choose('service', e.target.value)}
                  data-testid="public-service"
                >
                  <option value="">{t('publicPartners.any')}</option>
                  {services.map((s) => (
                    <option key={s} value={s}>
                      {labels.service(s)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {regions.length > 0 ? (
              <label htmlFor={regionId}>
                {t('publicPartners.region')}
                <select
                  id={regionId}
                  className="native-select"
                  value={region}
                  onChange={(e) => choose('region', e.target.value)}
                  data-testid="public-region"
                >
                  <option value="">{t('publicPartners.any')}</option>
                  {regions.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </form>
        ) : null}

        {partners.isError ? <p role="alert">{t('publicPartners.loadError')}</p> : null}
        {partners.data ? (
          <>
            <p aria-live="polite" data-testid="public-count">
              {t('publicPartners.count', { count: shown.length })}
            </p>
            {shown.length > 0 ? (
              <ul className="partner-cards">
                {shown.map((p) => (
                  <li key={p.id}>
                    <PartnerCard partner={p} />
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('publicPartners.empty')}</p>
            )}
          </>
        ) : null}
        <p>
          <Link to="/sign-in">{t('publicPartners.signIn')}</Link>
        </p>
      </main>
    </div>
  );
}

function PartnerCard({ partner: p }: { partner: TPublicPartner }) {
  const t = useT();
  const labels = usePartnerLabels();
  const headingId = useId();
  return (
    <article className="partner-card" aria-labelledby={headingId} data-testid="public-partner">
      <h2 id={headingId}>{p.name}</h2>
      {p.type ? <p className="partner-card-type">{labels.type(p.type)}</p> : null}
      {p.description ? <p>{p.description}</p> : null}
      <dl>
        {p.services?.length ? (
          <>
            <dt>{t('publicPartners.services')}</dt>
            <dd>{labels.list(p.services, labels.service)}</dd>
          </>
        ) : null}
        {p.regions?.length ? (
          <>
            <dt>{t('publicPartners.regions')}</dt>
            <dd>{labels.list(p.regions, labels.region)}</dd>
          </>
        ) : null}
        {p.languages?.length ? (
          <>
            <dt>{t('publicPartners.languages')}</dt>
            <dd>{labels.list(p.languages, labels.language)}</dd>
          </>
        ) : null}
        {p.contactPoints?.length ? (
          <>
            <dt>{t('publicPartners.contacts')}</dt>
            {p.contactPoints.map((c, index) => (
              <dd key={index}>
                <strong>{c.label}</strong>
                {c.phone ? (
                  <>
                    {' · '}
                    <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
                  </>
                ) : null}
                {c.email ? (
                  <>
                    {' · '}
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </>
                ) : null}
                {c.address ? <> · {c.address}</> : null}
              </dd>
            ))}
          </>
        ) : null}
        {p.hours ? (
          <>
            <dt>{t('publicPartners.hours')}</dt>
            <dd>{p.hours}</dd>
          </>
        ) : null}
        {p.website && isWebAddress(p.website) ? (
          <>
            <dt>{t('publicPartners.website')}</dt>
            <dd>
              <a href={p.website} target="_blank" rel="noopener noreferrer">
                {p.website.replace(/^https?:\/\//i, '').replace(/\/$/, '')}
              </a>
            </dd>
          </>
        ) : null}
        {p.memoranda.length > 0 ? (
          <>
            <dt>{t('publicPartners.memoranda')}</dt>
            <dd>{p.memoranda.join('; ')}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
