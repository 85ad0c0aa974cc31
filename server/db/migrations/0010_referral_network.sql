-- The referral network (issue 4): the partner directory and its memoranda, referrals between
-- organisations with the snapshot of what was shared, their steps, letters with one-time answer
-- links for partners who do not use Senim, in-app notifications and the mail outbox.

-- ---------------------------------------------------------------------------------------------
-- Partner directory. Every organisation of the network has at most one entry, maintained by the
-- organisation itself (its administrators); a network administrator approves new members and
-- creates the entries of partners that never log in (uses_senim = false: they receive letters).
-- The directory is read by every signed-in user of the network; the public page shows only what
-- each partner chose to publish.
CREATE TABLE partner_profiles (
  org_id uuid PRIMARY KEY REFERENCES organisations (id),
  partner_type text NOT NULL, -- PARTNER_TYPES (HTCDS org_Type plus the network's own)
  names jsonb NOT NULL, -- { ru, kk?, en? } names as the partner wants them shown
  descriptions jsonb NOT NULL DEFAULT '{}'::jsonb, -- { ru?, kk?, en? }
  regions text[] NOT NULL DEFAULT '{}', -- REGION_CODES covered
  services text[] NOT NULL DEFAULT '{}', -- PARTNER_SERVICES offered
  languages text[] NOT NULL DEFAULT '{}', -- ISO 639-1 codes spoken with clients
  contact_points jsonb NOT NULL DEFAULT '[]'::jsonb, -- institutional desks: [{ label, phone, email, address }]
  hours text, -- opening hours as written by the partner
  website text,
  uses_senim boolean NOT NULL DEFAULT true, -- false: receives referral letters
  letter_language text NOT NULL DEFAULT 'ru', -- ru | kk: the language of its letters
  notify_email text, -- an institutional address told of new referral letters (a link only)
  published boolean NOT NULL DEFAULT false, -- shown on the public "Our partners" page
  published_fields text[] NOT NULL DEFAULT '{}', -- PUBLISHABLE_FIELDS the partner chose to publish
  membership text NOT NULL DEFAULT 'pending', -- pending | approved | rejected | left
  membership_decided_by uuid REFERENCES users (id),
  membership_decided_at timestamptz,
  left_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT partner_profiles_membership_check CHECK (membership IN ('pending', 'approved', 'rejected', 'left')),
  CONSTRAINT partner_profiles_letter_language_check CHECK (letter_language IN ('ru', 'kk'))
);
CREATE INDEX partner_profiles_services_idx ON partner_profiles USING gin (services);
CREATE INDEX partner_profiles_regions_idx ON partner_profiles USING gin (regions);

CREATE TABLE memoranda (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  titles jsonb NOT NULL, -- { ru, kk?, en? }
  scopes jsonb NOT NULL DEFAULT '{}'::jsonb, -- { ru?, kk?, en? }: what the parties agreed to do together
  signed_on date NOT NULL,
  valid_until date,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE memorandum_members (
  memorandum_id uuid NOT NULL REFERENCES memoranda (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  joined_on date,
  PRIMARY KEY (memorandum_id, org_id)
);
CREATE INDEX memorandum_members_org_idx ON memorandum_members (org_id);

-- ---------------------------------------------------------------------------------------------
-- Referrals. A row is visible to both organisations, the sender (from) and the receiver (to); the
-- sender's case stays the sender's (cases are scoped to their organisation), the receiver sees
-- only the sealed snapshot of what was shared and the updates the sender chose to share.
CREATE SEQUENCE referral_reference_seq;

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL, -- R-2026-000123: on letters, on both timelines
  from_org_id uuid NOT NULL REFERENCES organisations (id),
  from_case_id uuid NOT NULL,
  to_org_id uuid NOT NULL REFERENCES organisations (id),
  to_case_id uuid, -- the receiver's own case opened from this referral
  delivery text NOT NULL, -- app | letter
  reason text NOT NULL, -- HTCDS cas_ReasonForOutgoingReferral
  services text[] NOT NULL DEFAULT '{}', -- what the partner is asked to do (PARTNER_SERVICES)
  urgency text NOT NULL, -- routine | urgent | immediate
  deadline date NOT NULL, -- unanswered after this day: expired
  shared_fields text[] NOT NULL DEFAULT '{}', -- SHAREABLE_FIELDS in the snapshot
  snapshot_sealed bytea NOT NULL, -- sealed JSON: TReferralSnapshot
  consent_id uuid, -- the consent the sharing relied on
  override_reason_sealed bytea, -- personal data sent without consent: the written reason
  overridden boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'sent',
  answer_code text, -- decline reason (DECLINE_REASONS) or outcome (REFERRAL_OUTCOMES)
  answer_note_sealed bytea, -- the partner's words with the answer
  sent_by uuid REFERENCES users (id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz, -- first answer (accepted or declined): the time-to-answer of the SLA view
  completed_at timestamptz,
  closed_at timestamptz, -- declined, completed, revoked or expired
  letter_token_hash bytea, -- SHA-256 of the one-time answer link's token (letters only)
  letter_code_hash bytea, -- hash of the reply code printed on the letter
  letter_expires_at timestamptz,
  letter_used_at timestamptz,
  letter_failures integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT referrals_reference_key UNIQUE (reference),
  CONSTRAINT referrals_from_case_fk FOREIGN KEY (from_org_id, from_case_id) REFERENCES cases (org_id, id),
  CONSTRAINT referrals_to_case_fk FOREIGN KEY (to_org_id, to_case_id) REFERENCES cases (org_id, id),
  CONSTRAINT referrals_not_self CHECK (from_org_id <> to_org_id),
  CONSTRAINT referrals_status_check CHECK (status IN ('sent', 'accepted', 'declined', 'completed', 'revoked', 'expired')),
  CONSTRAINT referrals_delivery_check CHECK (delivery IN ('app', 'letter')),
  CONSTRAINT referrals_urgency_check CHECK (urgency IN ('routine', 'urgent', 'immediate'))
);
CREATE INDEX referrals_inbox_idx ON referrals (to_org_id, sent_at DESC, id);
CREATE INDEX referrals_inbox_status_idx ON referrals (to_org_id, status, sent_at DESC);
CREATE INDEX referrals_outbox_idx ON referrals (from_org_id, sent_at DESC, id);
CREATE INDEX referrals_outbox_status_idx ON referrals (from_org_id, status, sent_at DESC);
CREATE INDEX referrals_case_idx ON referrals (from_org_id, from_case_id, sent_at DESC);
CREATE INDEX referrals_to_case_idx ON referrals (to_org_id, to_case_id) WHERE to_case_id IS NOT NULL;
CREATE INDEX referrals_due_idx ON referrals (deadline) WHERE status = 'sent';
CREATE UNIQUE INDEX referrals_letter_token_idx ON referrals (letter_token_hash) WHERE letter_token_hash IS NOT NULL;

-- Every step of a referral, seen by both organisations: sent, accepted, declined, completed,
-- revoked, expired, updateShared (a later update the sender chose to share), caseOpened,
-- letterIssued, answerRecorded (by the sender for a partner without Senim), linkAnswered.
CREATE TABLE referral_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals (id),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  kind text NOT NULL,
  actor_org_id uuid REFERENCES organisations (id), -- null: the system (expiry) or a one-time link
  actor_user_id uuid REFERENCES users (id),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb, -- codes and ids only, never personal data
  content_sealed bytea -- sealed JSON of a shared update (text, newly shared fields)
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, at);

-- A referral's step on a case of the *other* organisation (the sender's case when the receiver
-- answers, the receiver's case when the sender revokes or shares an update): the caller cannot
-- write there under row-level security, so this definer function does it after checking that the
-- referral joins the actor's organisation and that case. Codes only in the payload.
CREATE FUNCTION senim_referral_case_event(p_referral uuid, p_kind text, p_payload jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  r referrals%ROWTYPE;
  v_actor uuid := senim_actor_org();
BEGIN
  SELECT * INTO r FROM referrals WHERE id = p_referral;
  IF NOT FOUND OR v_actor IS NULL OR (r.from_org_id <> v_actor AND r.to_org_id <> v_actor) THEN
    RAISE EXCEPTION 'referral not visible to the actor' USING ERRCODE = '42501';
  END IF;
  IF p_kind NOT LIKE 'referral%' THEN
    RAISE EXCEPTION 'not a referral event' USING ERRCODE = '22023';
  END IF;
  IF r.from_org_id = v_actor THEN
    IF r.to_case_id IS NOT NULL THEN
      INSERT INTO case_events (case_id, org_id, user_id, kind, payload)
      VALUES (r.to_case_id, r.to_org_id, NULL, p_kind, p_payload || jsonb_build_object('referralId', r.id, 'reference', r.reference));
    END IF;
  ELSE
    INSERT INTO case_events (case_id, org_id, user_id, kind, payload)
    VALUES (r.from_case_id, r.from_org_id, NULL, p_kind, p_payload || jsonb_build_object('referralId', r.id, 'reference', r.reference));
  END IF;
END $$;

-- ---------------------------------------------------------------------------------------------
-- In-app notifications: one row per user told; written by the notification job (no personal data:
-- a kind and the referral's id; the app renders the text in the reader's language).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL, -- referralReceived | referralAccepted | referralDeclined | referralCompleted | referralRevoked | referralExpired | referralUpdated | referralDueSoon
  referral_id uuid REFERENCES referrals (id),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb, -- reference, codes
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- Mail that was sent or is waiting: bodies hold links only, never personal data. Without SMTP
-- settings (development) mail stays here and is read on the administrators' outbox page.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid REFERENCES organisations (id), -- the organisation of the recipient, when known
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX mail_outbox_org_idx ON mail_outbox (org_id, created_at DESC);

-- ---------------------------------------------------------------------------------------------
ALTER TABLE partner_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE memoranda ENABLE ROW LEVEL SECURITY;
ALTER TABLE memorandum_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;

-- The directory is the network's: every signed-in user reads it; an organisation writes its own
-- entry, a network administrator any.
CREATE POLICY partner_profiles_read ON partner_profiles FOR SELECT USING (senim_actor_org() IS NOT NULL);
CREATE POLICY partner_profiles_insert ON partner_profiles FOR INSERT
  WITH CHECK (org_id = senim_actor_org() OR senim_actor_is_network_admin());
CREATE POLICY partner_profiles_update ON partner_profiles FOR UPDATE
  USING (org_id = senim_actor_org() OR senim_actor_is_network_admin())
  WITH CHECK (org_id = senim_actor_org() OR senim_actor_is_network_admin());
CREATE POLICY memoranda_read ON memoranda FOR SELECT USING (senim_actor_org() IS NOT NULL);
CREATE POLICY memoranda_write ON memoranda FOR INSERT WITH CHECK (senim_actor_is_network_admin());
CREATE POLICY memoranda_update ON memoranda FOR UPDATE USING (senim_actor_is_network_admin()) WITH CHECK (senim_actor_is_network_admin());
CREATE POLICY memorandum_members_read ON memorandum_members FOR SELECT USING (senim_actor_org() IS NOT NULL);
CREATE POLICY memorandum_members_write ON memorandum_members FOR INSERT WITH CHECK (senim_actor_is_network_admin());
CREATE POLICY memorandum_members_delete ON memorandum_members FOR DELETE USING (senim_actor_is_network_admin());

-- A referral exists for its two organisations only (404 for everyone else).
CREATE POLICY referrals_scope ON referrals
  USING (from_org_id = senim_actor_org() OR to_org_id = senim_actor_org())
  WITH CHECK (from_org_id = senim_actor_org() OR to_org_id = senim_actor_org());
CREATE POLICY referral_events_scope ON referral_events
  USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_events.referral_id))
  WITH CHECK (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_events.referral_id));
CREATE POLICY notifications_scope ON notifications
  USING (user_id = senim_actor_user())
  WITH CHECK (user_id = senim_actor_user());
CREATE POLICY mail_outbox_scope ON mail_outbox FOR SELECT USING (org_id = senim_actor_org());

GRANT SELECT, INSERT, UPDATE ON partner_profiles, memoranda, referrals TO senim_app;
GRANT SELECT, INSERT, DELETE ON memorandum_members TO senim_app;
GRANT SELECT, INSERT ON referral_events TO senim_app;
GRANT SELECT, UPDATE ON notifications TO senim_app;
GRANT SELECT ON mail_outbox TO senim_app;
GRANT USAGE ON SEQUENCE referral_reference_seq TO senim_app;
GRANT EXECUTE ON FUNCTION senim_referral_case_event(uuid, text, jsonb) TO senim_app;
