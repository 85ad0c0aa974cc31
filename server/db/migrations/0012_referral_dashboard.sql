-- The referral SLA dashboard (issue 4): covering indexes, so that its one aggregate query reads
-- index entries only (an index-only scan; the generator and autovacuum keep the visibility map)
-- instead of the referrals themselves, whose sealed snapshots make the table wide. The organisation's
-- view reads two ranges (what it sent, what it received since a day); the network's one range of days.
CREATE INDEX referrals_sla_from_idx ON referrals (from_org_id, sent_at)
  INCLUDE (to_org_id, status, deadline, answered_at, overridden);
CREATE INDEX referrals_sla_to_idx ON referrals (to_org_id, sent_at)
  INCLUDE (from_org_id, status, deadline, answered_at, overridden);
CREATE INDEX referrals_sla_sent_idx ON referrals (sent_at)
  INCLUDE (from_org_id, to_org_id, status, deadline, answered_at, overridden);
