import { Card, Text } from '@radix-ui/themes';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { applySession, useFullSession } from '../api/session';
import { PageTitle } from '../components/page-title';
import { TwoFactorEnrolment } from '../features/auth/two-factor-enrolment';
import { useT } from '../i18n/use-t';

export default function TwoFactorSetupPage() {
  const t = useT();
  const session = useFullSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  if (session.user.twoFactorEnabled) {
    return (
      <>
        <PageTitle title={t('enrol.heading')} />
        <Text as="p">{t('account.twoFactorOnHint')}</Text>
      </>
    );
  }
  return (
    <Card size="3" className="auth-card-wide">
      <TwoFactorEnrolment
        isRequired={false}
        onDone={(next) => {
          applySession(client, next);
          void navigate('/account');
        }}
        onCancel={() => void navigate('/account')}
      />
    </Card>
  );
}
