import { CheckCircledIcon, InfoCircledIcon } from '@radix-ui/react-icons';
import { Callout } from '@radix-ui/themes';
import type { ReactNode } from 'react';

/** A polite status message (saved, signed out, …) that screen readers announce. */
export function Notice({
  children,
  tone = 'success',
}: {
  children: ReactNode;
  tone?: 'success' | 'info' | 'warning';
}) {
  const color = tone === 'success' ? 'green' : tone === 'warning' ? 'amber' : 'blue';
  return (
    <Callout.Root color={color} role="status">
      <Callout.Icon>
        {tone === 'success' ? <CheckCircledIcon aria-hidden /> : <InfoCircledIcon aria-hidden />}
      </Callout.Icon>
      <Callout.Text>{children}</Callout.Text>
    </Callout.Root>
  );
}
