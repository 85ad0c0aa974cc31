import { Card, Flex, Heading, Text } from '@radix-ui/themes';
import type { TAppKey } from '../../../../shared/i18n/app/en';
import type { TRole } from '../../../../shared/roles';
import { useT } from '../../i18n/use-t';

const WORK: Record<TRole, TAppKey> = {
  admin: 'roleWork.admin',
  operator: 'roleWork.operator',
  case_worker: 'roleWork.case_worker',
  supervisor: 'roleWork.supervisor',
  partner_officer: 'roleWork.partner_officer',
  analyst: 'roleWork.analyst',
};

/** What each of the user's roles is for, in plain words. */
export function RoleWork({ roles }: { roles: readonly TRole[] }) {
  const t = useT();
  return (
    <Card size="3">
      <Heading as="h2" size="4" mb="3">
        {t('home.workHeading')}
      </Heading>
      <Flex direction="column" gap="3">
        {roles.map((role) => (
          <div key={role}>
            <Text as="div" weight="bold">
              {t(`role.${role}`)}
            </Text>
            <Text as="p" size="2" color="gray">
              {t(WORK[role])}
            </Text>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
