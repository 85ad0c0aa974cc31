// A referral letter's one-time answer page (no login): the token is in the URL's fragment
// (/answer#token: never sent to the server in the URL, kept out of logs and Referer headers), the
// reply code printed on the letter proves the letter is in hand. Plain HTML for a cheap phone.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DECLINE_REASONS, REFERRAL_OUTCOMES } from '../../../shared/schemas/referrals';
import { STAFF_LOCALES } from '../../../shared/locales';
import type { TAppKey } from '../../../shared/i18n/app/en';
import { useLinkAnswer, useLinkView, type TLinkAnswer } from '../api/notifications';
import { errorMessage } from '../components/error-callout';
import { LOCALE_AUTONYMS } from '../i18n/catalogues';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import '../features/notifications/answer.css';

type TChoice = 'accepted' | 'declined' | 'completed';

const tokenFromHash = () => (typeof window === 'undefined' ? '' : decodeURIComponent(window.location.hash.replace(/^#/, '')).trim());

export default function ReferralAnswerPage() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const [token, setToken] = useState(tokenFromHash);
  useEffect(() => {
    const onHash = () => setToken(tokenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const view = useLinkView(token);
  const answer = useLinkAnswer(token);
  const [code, setCode] = useState('');
  const [choice, setChoice] = useState<TChoice | ''>('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const ids = { code: useId(), reason: useId(), outcome: useId(), note: useId(), codeHint: useId(), noteHint: useId() };
  const [formError, setFormError] = useState<string | null>(null);

  const dateOf = (value: string, withTime = false) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: withTime ? 'Asia/Almaty' : 'UTC' }).format(
      new Date(withTime ? value : `${value}T00:00:00Z`),
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const c = code.trim();
    const n = note.trim() || undefined;
    let body: TLinkAnswer | null = null;
    if (c.length < 4) setFormError(t('answer.codeHint'));
    else if (choice === 'accepted') body = { status: 'accepted', code: c, note: n };
    else if (choice === 'declined' && reason) body = { status: 'declined', code: c, reason: reason as (typeof DECLINE_REASONS)[number], note: n };
    else if (choice === 'completed' && outcome) body = { status: 'completed', code: c, outcome: outcome as (typeof REFERRAL_OUTCOMES)[number], note: n };
    else setFormError(choice === 'declined' ? t('answer.reason') : choice === 'completed' ? t('answer.outcome') : t('answer.choice'));
    if (body) answer.mutate(body);
  };

  const v = view.data;
  const done = answer.data;
  return (
    <div className="answer-page" data-testid="answer-page">
      <title>{t('app.documentTitle', { page: t('answer.title') })}</title>
      <header>
        <span className="brand">{t('app.name')}</span>
        <div className="langs" role="group" aria-label={t('answer.language')}>
          {STAFF_LOCALES.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={l === locale} onClick={() => setLocale(l)} data-testid={`lang-${l}`}>
              {LOCALE_AUTONYMS[l]}
            </button>
          ))}
        </div>
      </header>
      <main id="main">
        <h1>{t('answer.title')}</h1>
        {!token ? <p data-testid="answer-no-token">{t('answer.noToken')}</p> : null}
        {token && view.isPending ? <p>{t('answer.loading')}</p> : null}
        {view.error ? (
          <p className="alert" role="alert" data-testid="answer-error">
            {errorMessage(t, view.error)}
          </p>
        ) : null}
        {v ? (
          <>
            {!done ? <p>{t('answer.intro')}</p> : null}
            <dl data-testid="answer-view">
              <dt>{t('answer.reference')}</dt>
              <dd data-testid="answer-reference">{v.reference}</dd>
              <dt>{t('answer.from')}</dt>
              <dd>{v.fromName}</dd>
              <dt>{t('answer.to')}</dt>
              <dd>{v.toName}</dd>
              <dt>{t('answer.deadline')}</dt>
              <dd>{dateOf(v.deadline)}</dd>
              <dt>{t('answer.expires')}</dt>
              <dd>{dateOf(v.expiresAt, true)}</dd>
              <dt>{t('answer.status')}</dt>
              <dd data-testid="answer-status">{t(`answer.status.${done ? done.status : v.status}` as TAppKey)}</dd>
            </dl>
          </>
        ) : null}
        {done ? (
          <div className="done" role="status" data-testid="answer-done">
            <h2>{t('answer.done.title')}</h2>
            <p>{t('answer.done.text', { reference: done.reference, status: t(`answer.status.${done.status}` as TAppKey) })}</p>
          </div>
        ) : null}
        {v && !done && !v.answerable ? (
          <p className="alert" role="alert">
            {t('answer.notAnswerable')}
          </p>
        ) : null}
        {v && !done && v.answerable ? (
          <form onSubmit={submit} noValidate data-testid="answer-form">
            <div>
              <label htmlFor={ids.code}>{t('answer.code')}</label>
              <input
                id={ids.code}
                className="code"
                type="text"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                aria-describedby={ids.codeHint}
                required
                data-testid="answer-code"
              />
              <div className="hint" id={ids.codeHint}>
                {t('answer.codeHint')}
              </div>
            </div>
            <fieldset>
              <legend>{t('answer.choice')}</legend>
              {(v.status === 'sent' ? (['accepted', 'declined', 'completed'] as const) : (['declined', 'completed'] as const)).map((c) => (
                <label key={c}>
                  <input type="radio" name="choice" value={c} checked={choice === c} onChange={() => setChoice(c)} data-testid={`answer-${c}`} />
                  {t(c === 'accepted' ? 'answer.accept' : c === 'declined' ? 'answer.decline' : 'answer.complete')}
                </label>
              ))}
            </fieldset>
            {choice === 'declined' ? (
              <div>
                <label htmlFor={ids.reason}>{t('answer.reason')}</label>
                <select id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} required data-testid="answer-reason">
                  <option value="">{t('answer.pick')}</option>
                  {DECLINE_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`answer.declineReason.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {choice === 'completed' ? (
              <div>
                <label htmlFor={ids.outcome}>{t('answer.outcome')}</label>
                <select id={ids.outcome} value={outcome} onChange={(e) => setOutcome(e.target.value)} required data-testid="answer-outcome">
                  <option value="">{t('answer.pick')}</option>
                  {REFERRAL_OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`answer.outcome.${o}`)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {choice ? (
              <div>
                <label htmlFor={ids.note}>{t('answer.note')}</label>
                <textarea id={ids.note} rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={ids.noteHint} data-testid="answer-note" />
                <div className="hint" id={ids.noteHint}>
                  {t('answer.noteHint')}
                </div>
              </div>
            ) : null}
            {formError || answer.error ? (
              <p className="alert" role="alert" data-testid="answer-error">
                {formError ?? errorMessage(t, answer.error)}
              </p>
            ) : null}
            <button type="submit" disabled={answer.isPending} data-testid="answer-submit">
              {answer.isPending ? t('answer.sending') : t('answer.submit')}
            </button>
          </form>
        ) : null}
      </main>
    </div>
  );
}
