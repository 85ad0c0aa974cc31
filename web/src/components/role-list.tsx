import { Badge, Flex } from '@radix-ui/themes';
import type { TRole } from '../../../shared/roles';
import { useT } from '../i18n/use-t';

export function RoleList({ roles }: { roles: readonly TRole[] }) {
  const t = useT();
  return (
    <Flex gap="1" wrap="wrap">
      {roles.map((role) => (
        <Badge key={role} color="indigo" variant="soft">
          {t(`role.${role}`)}
        </Badge>
      ))}
    </Flex>
  );
}
