// The UI language: chosen on the sign-in page (remembered in this browser) or saved to the account.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { pickLocale, STAFF_LOCALES, type TStaffLocale } from '../../../shared/locales';
import { setApiLocale } from '../api/client';
import { CATALOGUES } from './catalogues';
import { formattingLocale } from './intl-support';

const STORAGE_KEY = 'senim.locale';

type TLocaleContext = { locale: TStaffLocale; setLocale: (locale: TStaffLocale) => void };
const LocaleContext = createContext<TLocaleContext | null>(null);

function readStoredLocale(): TStaffLocale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && (STAFF_LOCALES as readonly string[]).includes(stored)) return stored as TStaffLocale;
  } catch {
    // storage may be disabled; fall back to the browser's languages
  }
  return pickLocale(navigator.languages.join(','));
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<TStaffLocale>(() => {
    const initial = readStoredLocale();
    setApiLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: TStaffLocale) => {
    setApiLocale(next);
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered in this browser: the account still keeps it
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={formattingLocale(locale)} defaultLocale="en" messages={CATALOGUES[locale]}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): TLocaleContext {
  const context = useContext(LocaleContext);
  if (!context) throw new Error('useLocale outside LocaleProvider');
  return context;
}
