import { CheckboxGroup, Flex, Text } from '@radix-ui/themes';
import { useId } from 'react';
import { ROLES, type TRole } from '../../../../shared/roles';
import { useT } from '../../i18n/use-t';

type TProps = {
  value: TRole[];
  onChange: (roles: TRole[]) => void;
  error?: string | undefined;
  disabled?: boolean;
};

export function RolesField({ value, onChange, error, disabled = false }: TProps) {
  const t = useT();
  const errorId = useId();
  return (
    <fieldset className="fieldset" aria-describedby={error ? errorId : undefined}>
      <legend>
        <Text size="2" weight="bold">
          {t('userForm.roles')}
        </Text>
      </legend>
      <CheckboxGroup.Root
        value={value}
        onValueChange={(next) => onChange(next as TRole[])}
        disabled={disabled}
        size="2"
      >
        <Flex direction="column" gap="1">
          {ROLES.map((role) => (
            <CheckboxGroup.Item key={role} value={role}>
              {t(`role.${role}`)}
            </CheckboxGroup.Item>
          ))}
        </Flex>
      </CheckboxGroup.Root>
      {error ? (
        <Text id={errorId} size="1" color="red" role="alert">
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}
