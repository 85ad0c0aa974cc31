// Русский / Қазақша / English. Signed in, the choice is saved to the account; it is always
// remembered in this browser for the sign-in page.
import { GlobeIcon } from '@radix-ui/react-icons';
import { Flex } from '@radix-ui/themes';
import { useId } from 'react';
import { STAFF_LOCALES, type TStaffLocale } from '../../../shared/locales';
import { useSession, useUpdateMyLocale } from '../api/session';
import { LOCALE_AUTONYMS } from '../i18n/catalogues';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { NativeSelect } from './native-select';

export function LanguageSwitcher() {
  const t = useT();
  const id = useId();
  const { locale, setLocale } = useLocale();
  const { data: session } = useSession();
  const saveLocale = useUpdateMyLocale();

  const change = (next: TStaffLocale) => {
    setLocale(next);
    if (session?.stage === 'full' && session.user.locale !== next) saveLocale.mutate(next);
  };

  return (
    <Flex align="center" gap="1">
      <label htmlFor={id} className="icon-label">
        <GlobeIcon aria-hidden />
        <span className="visually-hidden">{t('language.label')}</span>
      </label>
      <NativeSelect
        id={id}
        value={locale}
        onChange={(e) => change(e.target.value as TStaffLocale)}
        data-testid="language"
      >
        {STAFF_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_AUTONYMS[code]}
          </option>
        ))}
      </NativeSelect>
    </Flex>
  );
}
