import { Box, Card, Flex, Text } from '@radix-ui/themes';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../../components/language-switcher';
import { SkipLink } from '../../components/skip-link';
import { useT } from '../../i18n/use-t';

/** The frame of the sign-in steps: brand, language switcher, one card. */
export function AuthScreen({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = useT();
  return (
    <div className="auth-screen">
      <SkipLink />
      <Flex
        className={wide ? 'auth-card auth-card-wide' : 'auth-card'}
        justify="between"
        align="center"
        mb="4"
      >
        <Box>
          <Text as="div" className="brand">
            {t('app.name')}
          </Text>
          <Text as="div" size="2" color="gray">
            {t('app.tagline')}
          </Text>
        </Box>
        <LanguageSwitcher />
      </Flex>
      <main id="main" tabIndex={-1} className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>
        <Card size="3">{children}</Card>
      </main>
    </div>
  );
}
