-- Hotline contacts, persons, cases and the case timeline (issue 3).
--
-- Identity values are sealed by the application (XChaCha20-Poly1305, column name as associated
-- data, see server/crypto/sealed-columns.ts) and never reach the database in clear. Exact look-ups
-- use keyed blind indexes (*_bidx, HMAC-SHA-256 truncated to 16 bytes). Everything else here is
-- non-identifying and kept in clear for lists, filters and statistics.
--
-- Every table carries org_id and the same row-level security as 0001: a scoped request sees its
-- own organisation's rows and nothing else. Cross-table references include org_id, so a case can
-- never point at another organisation's person or contact, whatever the application does.

CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  given_name_sealed bytea,
  family_name_sealed bytea,
  middle_name_sealed bytea,
  birth_date_sealed bytea,
  phone_sealed bytea,
  document_number_sealed bytea,
  address_sealed bytea,
  phone_bidx bytea,
  document_bidx bytea,
  -- blind indexes of the skeletons of every name word (any script gives the same token)
  name_tokens_bidx bytea[] NOT NULL DEFAULT '{}',
  sex text, -- HTCDS prs_Gender code
  citizenship text, -- ISO 3166-1 alpha-3
  birth_year integer, -- statistics only; the date itself is sealed
  languages text[] NOT NULL DEFAULT '{}', -- ISO 639-2/B
  migration_status text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT persons_org_id_key UNIQUE (org_id, id),
  CONSTRAINT persons_birth_year_range CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2200)
);
CREATE INDEX persons_phone_idx ON persons (org_id, phone_bidx) WHERE phone_bidx IS NOT NULL;
CREATE INDEX persons_document_idx ON persons (org_id, document_bidx) WHERE document_bidx IS NOT NULL;
CREATE INDEX persons_name_tokens_idx ON persons USING gin (name_tokens_bidx);

-- Case numbers (KZ-2026-000123) count per organisation and year, without gaps from rolled-back
-- transactions: the counter row is locked by the INSERT … ON CONFLICT DO UPDATE that takes a number.
CREATE TABLE case_number_counters (
  org_id uuid NOT NULL REFERENCES organisations (id),
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (org_id, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  case_number text NOT NULL,
  person_id uuid,
  status text NOT NULL DEFAULT 'Active', -- HTCDS cas_Status
  stage text NOT NULL DEFAULT 'new', -- new | assessment | support_plan | services | follow_up | closed
  assigned_user_id uuid REFERENCES users (id),
  region text,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closure_reason text,
  created_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT cases_org_id_key UNIQUE (org_id, id),
  CONSTRAINT cases_number_key UNIQUE (org_id, case_number),
  CONSTRAINT cases_person_fk FOREIGN KEY (org_id, person_id) REFERENCES persons (org_id, id),
  CONSTRAINT cases_status_check CHECK (status IN ('Active', 'FollowUp', 'Closed', 'ClosedReferred')),
  CONSTRAINT cases_stage_check CHECK (stage IN ('new', 'assessment', 'support_plan', 'services', 'follow_up', 'closed'))
);
CREATE INDEX cases_status_idx ON cases (org_id, status, opened_at DESC);
CREATE INDEX cases_opened_idx ON cases (org_id, opened_at DESC);
CREATE INDEX cases_assigned_idx ON cases (org_id, assigned_user_id);
CREATE INDEX cases_region_idx ON cases (org_id, region);
CREATE INDEX cases_person_idx ON cases (org_id, person_id);

CREATE TABLE contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id), -- the operator who logged it
  channel text NOT NULL,
  language text,
  started_at timestamptz NOT NULL,
  duration_s integer,
  contact_type text NOT NULL,
  caller_role text,
  topics text[] NOT NULL DEFAULT '{}',
  caller_region text,
  problem_region text,
  urgency text,
  notes_sealed bytea,
  caller_phone_sealed bytea,
  caller_phone_bidx bytea,
  outcome text,
  person_id uuid,
  case_id uuid,
  idempotency_key text,
  -- keyed hash of the request that used the key: a replay with another body is refused
  idempotency_hash bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT contacts_org_id_key UNIQUE (org_id, id),
  CONSTRAINT contacts_person_fk FOREIGN KEY (org_id, person_id) REFERENCES persons (org_id, id),
  CONSTRAINT contacts_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
  CONSTRAINT contacts_duration_check CHECK (duration_s IS NULL OR duration_s >= 0)
);
CREATE INDEX contacts_started_idx ON contacts (org_id, started_at DESC);
CREATE INDEX contacts_caller_phone_idx ON contacts (org_id, caller_phone_bidx) WHERE caller_phone_bidx IS NOT NULL;
CREATE INDEX contacts_case_idx ON contacts (case_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX contacts_idempotency_key ON contacts (org_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The case timeline: append-only for the application (no UPDATE or DELETE granted). The payload
-- holds ids, codes and field names, never personal data in clear.
CREATE TABLE case_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  org_id uuid NOT NULL REFERENCES organisations (id),
  at timestamptz NOT NULL DEFAULT clock_timestamp(), -- ordered within one transaction too
  user_id uuid REFERENCES users (id),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT case_events_case_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at);

ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_number_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;

CREATE POLICY persons_scope ON persons
  USING (org_id = senim_actor_org())
  WITH CHECK (org_id = senim_actor_org());
CREATE POLICY case_number_counters_scope ON case_number_counters
  USING (org_id = senim_actor_org())
  WITH CHECK (org_id = senim_actor_org());
CREATE POLICY cases_scope ON cases
  USING (org_id = senim_actor_org())
  WITH CHECK (org_id = senim_actor_org());
CREATE POLICY contacts_scope ON contacts
  USING (org_id = senim_actor_org())
  WITH CHECK (org_id = senim_actor_org());
CREATE POLICY case_events_scope ON case_events
  USING (org_id = senim_actor_org())
  WITH CHECK (org_id = senim_actor_org());

GRANT SELECT, INSERT, UPDATE ON persons, cases, contacts, case_number_counters TO senim_app;
GRANT SELECT, INSERT ON case_events TO senim_app;
