import { Flex, Text } from '@radix-ui/themes';
import { useId, type ReactElement, type ReactNode } from 'react';

type TFieldProps = {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** receives the control's id and the ids describing it */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactElement;
};

/** A labelled control with its hint and error, wired for screen readers. */
export function FormField({ label, error, hint, children }: TFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <Flex direction="column" gap="1">
      <Text as="label" htmlFor={id} size="2" weight="bold">
        {label}
      </Text>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint ? (
        <Text id={hintId} size="1" color="gray">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text id={errorId} size="1" color="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Flex>
  );
}
