import { Grid, Heading } from '@radix-ui/themes';
import type { THome } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { StatCard } from './stat-card';

/** What an administrator should look at: users, lock-outs, missing two-factor, denied requests. */
export function OrganisationCounts({ counts }: { counts: THome['counts'] }) {
  const t = useT();
  const { users, lockedUsers, usersWithoutTwoFactor, deniedLast24h } = counts;
  if ([users, lockedUsers, usersWithoutTwoFactor, deniedLast24h].every((v) => v === undefined)) return null;
  return (
    <section aria-labelledby="counts-heading">
      <Heading as="h2" size="4" mb="3" id="counts-heading">
        {t('home.countsHeading')}
      </Heading>
      <Grid columns={{ initial: '1', xs: '2', md: '4' }} gap="3">
        {users !== undefined ? (
          <StatCard value={users} label={t('home.countUsers', { count: users })} to="/users" />
        ) : null}
        {lockedUsers !== undefined ? (
          <StatCard
            value={lockedUsers}
            label={t('home.countLocked', { count: lockedUsers })}
            to="/users"
            tone="warning"
          />
        ) : null}
        {usersWithoutTwoFactor !== undefined ? (
          <StatCard
            value={usersWithoutTwoFactor}
            label={t('home.countWithoutTwoFactor', { count: usersWithoutTwoFactor })}
            to="/users"
            tone="warning"
          />
        ) : null}
        {deniedLast24h !== undefined ? (
          <StatCard
            value={deniedLast24h}
            label={t('home.countDenied', { count: deniedLast24h })}
            to="/audit?outcome=denied"
            tone="warning"
          />
        ) : null}
      </Grid>
    </section>
  );
}
