-- The case file (issue 3): the HTCDS person fields beyond 0003, the victim context, historic
-- trafficking events, consent, the support workflow (assessment, support plan, services,
-- follow-up), approvals, tasks, attachments; editable hotline topics, caller flags and callbacks.
--
-- Same rules as 0003: identity values and free texts that may identify someone are sealed by the
-- application (column name as associated data, registered in server/crypto/sealed-columns.ts);
-- codes, dates and counts are in clear for lists and statistics. Every table carries org_id,
-- row-level security by organisation, and composite foreign keys that keep a row inside its
-- organisation whatever the application does.

-- Person: HTCDS fields that 0003 did not hold.
ALTER TABLE persons
  -- sealed JSON: salutation, title, email, home phone, mailing address parts and coordinates,
  -- identity documents, household members (see shared/schemas/case-file.ts ZPersonExtra)
  ADD COLUMN extra_sealed bytea,
  -- non-identifying HTCDS codes: marital status, number of children, education, deceased,
  -- further citizenships, primary and secondary language (ZPersonProfile)
  ADD COLUMN profile jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- "birth date or age": an age in years, as stated on a day (when the birth date is unknown)
  ADD COLUMN age_years integer,
  ADD COLUMN age_stated_on date,
  ADD CONSTRAINT persons_age_range CHECK (age_years IS NULL OR age_years BETWEEN 0 AND 120);

-- Case: HTCDS victim context (codes, in clear for statistics) and sealed narratives.
ALTER TABLE cases
  -- ZVictimContext: trafficking status and deciding body, exploitation types, ISIC section,
  -- sexual exploitation types, methods of control, recruitment method and location, websites and
  -- apps, relationship to trafficker, age when trafficked, vulnerabilities, perpetrator roles
  ADD COLUMN victim jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- vic_TraffickingStatus, also in `victim`; a column for filters and the approval rule
  ADD COLUMN trafficking_status text,
  -- sealed JSON (ZCaseSensitive): narrative, health, vulnerability details, perpetrator role
  -- details, incoming/outgoing referral details, case comment. Only roles with case.readSensitive.
  ADD COLUMN sensitive_sealed bytea,
  -- HTCDS fields kept for round trips that Senim does not otherwise model (referral details'
  -- codes and dates, the source organisation of an imported record, the case owner's name)
  ADD COLUMN htcds_extra jsonb NOT NULL DEFAULT '{}'::jsonb;
CREATE INDEX cases_trafficking_status_idx ON cases (org_id, trafficking_status, opened_at DESC, id DESC);

-- Historic trafficking events: the route on a timeline.
CREATE TABLE trafficking_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  event_type text NOT NULL, -- HTCDS hte_Type
  event_date date,
  country text, -- ISO 3166-1 alpha-3
  region text, -- a Kazakhstan region code, when in Kazakhstan
  state text, -- province elsewhere
  city text,
  street_sealed bytea,
  postal_code text,
  latitude double precision,
  longitude double precision,
  description_sealed bytea,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT trafficking_events_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
  CONSTRAINT trafficking_events_type_check CHECK (event_type IN ('Recruitment', 'Transit', 'Exploitation')),
  CONSTRAINT trafficking_events_lat CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  CONSTRAINT trafficking_events_lon CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)
);
CREATE INDEX trafficking_events_case_idx ON trafficking_events (org_id, case_id, event_date);

-- Consent: what was explained, what was agreed, when, by whom. Sharing checks the latest
-- consent that is not withdrawn.
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  explained text[] NOT NULL DEFAULT '{}',
  agreed text[] NOT NULL DEFAULT '{}',
  given_on date NOT NULL,
  given_by text NOT NULL, -- person | parent_or_guardian | representative
  language text, -- the language it was explained in (ISO 639-2)
  notes_sealed bytea,
  recorded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users (id),
  CONSTRAINT consents_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
);
CREATE INDEX consents_case_idx ON consents (org_id, case_id, created_at DESC);

-- Assessment of needs and risks.
CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  assessed_on date NOT NULL,
  needs text[] NOT NULL DEFAULT '{}', -- service types needed
  risk_level text NOT NULL, -- low | medium | high
  summary_sealed bytea,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT assessments_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
);
CREATE INDEX assessments_case_idx ON assessments (org_id, case_id, assessed_on);

-- Support plans (HTCDS spl_*).
CREATE TABLE support_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  plan_types text[] NOT NULL DEFAULT '{}', -- HTCDS spl_Type
  objectives_sealed bytea,
  action_plan_sealed bytea,
  planned_end date,
  actual_end date,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT support_plans_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
);
CREATE INDEX support_plans_case_idx ON support_plans (org_id, case_id, created_at);

-- Services delivered: who, when, outcome.
CREATE TABLE case_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  service_type text NOT NULL,
  provider_org_id uuid REFERENCES organisations (id),
  provider_name text, -- a provider outside the network
  delivered_on date NOT NULL,
  outcome text NOT NULL, -- completed | ongoing | declined | not_available
  notes_sealed bytea,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT case_services_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
);
CREATE INDEX case_services_case_idx ON case_services (org_id, case_id, delivered_on);

CREATE TABLE follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  followed_on date NOT NULL,
  method text NOT NULL, -- phone | visit | message | office
  outcome text NOT NULL, -- stable | needs_support | unreachable | closed_contact
  notes_sealed bytea,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT follow_ups_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
);
CREATE INDEX follow_ups_case_idx ON follow_ups (org_id, case_id, followed_on);

-- Four-eyes decisions: closing a case, marking someone an actual victim of trafficking. One
-- pending request per case and kind; a request is decided once.
CREATE TABLE approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  kind text NOT NULL, -- closure | actual_victim
  request jsonb NOT NULL DEFAULT '{}'::jsonb, -- closure: {status, reason}; actual_victim: {decisionMaker}
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decision text, -- approved | rejected
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  comment text,
  CONSTRAINT approvals_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
  CONSTRAINT approvals_kind_check CHECK (kind IN ('closure', 'actual_victim')),
  CONSTRAINT approvals_decision_check CHECK (decision IS NULL OR decision IN ('approved', 'rejected')),
  CONSTRAINT approvals_decided_together CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE UNIQUE INDEX approvals_one_pending ON approvals (org_id, case_id, kind) WHERE decision IS NULL;
CREATE INDEX approvals_pending_idx ON approvals (org_id, requested_at) WHERE decision IS NULL;

-- Tasks with due dates (reminders are the tasks due or overdue, shown to their assignee).
CREATE TABLE case_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  title_sealed bytea NOT NULL,
  due_at timestamptz NOT NULL,
  assigned_user_id uuid REFERENCES users (id),
  done_at timestamptz,
  done_by uuid REFERENCES users (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT case_tasks_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
);
CREATE INDEX case_tasks_case_idx ON case_tasks (org_id, case_id, due_at);
CREATE INDEX case_tasks_due_idx ON case_tasks (org_id, assigned_user_id, due_at) WHERE done_at IS NULL;

-- Attachments: the content is sealed, in the database (content_sealed) or in a configured folder
-- (storage_path, the sealed file's name there); the file name is sealed too.
CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_id uuid NOT NULL,
  kind text NOT NULL, -- identity_document | photo | medical | legal | other
  mime_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 bytea NOT NULL,
  filename_sealed bytea NOT NULL,
  content_sealed bytea,
  storage_path text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users (id),
  CONSTRAINT attachments_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
  CONSTRAINT attachments_stored CHECK ((content_sealed IS NULL) <> (storage_path IS NULL)),
  CONSTRAINT attachments_size CHECK (size_bytes > 0)
);
CREATE INDEX attachments_case_idx ON attachments (org_id, case_id, created_at);

-- The hotline topic tree, per organisation, edited by its administrators. Codes are stable (the
-- statistics count them); labels are per language; a retired topic is hidden, never deleted.
CREATE TABLE hotline_topics (
  org_id uuid NOT NULL REFERENCES organisations (id),
  code text NOT NULL,
  parent_code text,
  labels jsonb NOT NULL, -- {"ru": "…", "kk": "…", "en": "…"}
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, code),
  CONSTRAINT hotline_topics_parent_fk FOREIGN KEY (org_id, parent_code) REFERENCES hotline_topics (org_id, code),
  CONSTRAINT hotline_topics_code_check CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$')
);

-- Caller flags (abusive, at risk) on a phone's blind index, with an expiry.
CREATE TABLE caller_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  phone_bidx bytea NOT NULL,
  flag text NOT NULL, -- abusive | at_risk
  note_sealed bytea,
  expires_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  cleared_at timestamptz,
  cleared_by uuid REFERENCES users (id),
  CONSTRAINT caller_flags_flag_check CHECK (flag IN ('abusive', 'at_risk'))
);
CREATE INDEX caller_flags_phone_idx ON caller_flags (org_id, phone_bidx);

-- Callbacks and open crises on the live board.
ALTER TABLE contacts
  ADD COLUMN callback_due_at timestamptz,
  ADD COLUMN callback_done_at timestamptz,
  ADD COLUMN crisis_resolved_at timestamptz;
CREATE INDEX contacts_callbacks_idx ON contacts (org_id, callback_due_at)
  WHERE callback_due_at IS NOT NULL AND callback_done_at IS NULL;
CREATE INDEX contacts_open_crises_idx ON contacts (org_id, started_at)
  WHERE contact_type = 'crisis' AND crisis_resolved_at IS NULL;

-- Idempotency of form submissions other than contacts (which keep theirs in contacts): the first
-- response is kept for a day and replayed; a replay with another body is refused.
CREATE TABLE idempotency_keys (
  org_id uuid NOT NULL REFERENCES organisations (id),
  key text NOT NULL,
  request_hash bytea NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, key)
);

ALTER TABLE trafficking_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_services ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_ups ENABLE ROW LEVEL SECURITY;
ALTER TABLE approvals ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE hotline_topics ENABLE ROW LEVEL SECURITY;
ALTER TABLE caller_flags ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;

CREATE POLICY trafficking_events_scope ON trafficking_events USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY consents_scope ON consents USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY assessments_scope ON assessments USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY support_plans_scope ON support_plans USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY case_services_scope ON case_services USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY follow_ups_scope ON follow_ups USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY approvals_scope ON approvals USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY case_tasks_scope ON case_tasks USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY attachments_scope ON attachments USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY hotline_topics_scope ON hotline_topics USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY caller_flags_scope ON caller_flags USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY idempotency_keys_scope ON idempotency_keys USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());

-- Records of what happened are not deleted by the application: no DELETE except where noted.
GRANT SELECT, INSERT ON trafficking_events, assessments, case_services, follow_ups TO senim_app;
GRANT SELECT, INSERT, UPDATE ON consents, support_plans, approvals, case_tasks, attachments,
  hotline_topics, caller_flags TO senim_app;
-- trafficking events are corrected by replacing them (a wrong place or date)
GRANT UPDATE, DELETE ON trafficking_events TO senim_app;
-- expired idempotency keys are purged
GRANT SELECT, INSERT, DELETE ON idempotency_keys TO senim_app;
