import { Card, Flex, Text } from '@radix-ui/themes';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';

type TProps = { value: number; label: string; to: string; tone?: 'neutral' | 'warning' };

/** One count on the home page; the whole card links to the list behind it. */
export function StatCard({ value, label, to, tone = 'neutral' }: TProps) {
  const intl = useIntl();
  return (
    <Link to={to} className="stat-link">
      <Card size="2">
        <Flex direction="column" gap="1">
          <Text size="7" weight="bold" color={tone === 'warning' && value > 0 ? 'amber' : undefined}>
            {intl.formatNumber(value)}
          </Text>
          <Text size="2" color="gray">
            {label}
          </Text>
        </Flex>
      </Card>
    </Link>
  );
}
