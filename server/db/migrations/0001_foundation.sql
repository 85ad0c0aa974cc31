-- Foundation: organisations, users, sessions, two-factor recovery codes, the audit trail, instance
-- metadata, and the row-level security that scopes every feature query to the actor.

-- The role every scoped request runs as (SET LOCAL ROLE). It owns nothing and cannot bypass RLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'senim_app') THEN
    CREATE ROLE senim_app NOLOGIN;
  END IF;
END $$;
DO $$
BEGIN
  EXECUTE format('GRANT senim_app TO %I', current_user);
EXCEPTION WHEN others THEN
  NULL; -- superusers may already switch to any role
END $$;

-- The actor of the current transaction, set by scopedDb with set_config(..., true).
CREATE FUNCTION senim_actor_org() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('senim.org_id', true), '')::uuid $$;
CREATE FUNCTION senim_actor_user() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('senim.user_id', true), '')::uuid $$;
CREATE FUNCTION senim_actor_is_network_admin() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('senim.network_admin', true), '') = 'on' $$;

CREATE TABLE instance_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  type text NOT NULL,
  region text,
  is_network_coordinator boolean NOT NULL DEFAULT false,
  require_two_factor boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  email text NOT NULL,
  full_name_sealed bytea NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL,
  locale text NOT NULL DEFAULT 'ru',
  is_active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  totp_secret_sealed bytea,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT users_roles_not_empty CHECK (cardinality(roles) > 0)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_org_idx ON users (org_id, created_at);

CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

-- Sessions: the cookie holds a random token; the table holds only its SHA-256.
CREATE TABLE sessions (
  id_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  stage text NOT NULL, -- 'full' | 'totp' (password ok, code pending) | 'enrol' (must set up 2FA)
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- The audit trail: append only, hash-chained with a key that is not in the database.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_org_id uuid,
  action text NOT NULL,
  outcome text NOT NULL,
  target_type text,
  target_id text,
  ip text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  hash bytea NOT NULL
);
CREATE INDEX audit_log_org_idx ON audit_log (actor_org_id, seq DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

CREATE FUNCTION senim_audit_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION senim_audit_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION senim_audit_immutable();

-- The chain's tail, read under a transaction-level lock so that appends are serialised.
CREATE FUNCTION senim_audit_tail(OUT seq bigint, OUT hash bytea) LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  SELECT a.seq, a.hash INTO seq, hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
END $$;

-- Row-level security: a scoped request sees its own organisation's rows and nothing else.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;

CREATE POLICY organisations_scope ON organisations
  USING (id = senim_actor_org() OR senim_actor_is_network_admin())
  WITH CHECK (id = senim_actor_org() OR senim_actor_is_network_admin());
CREATE POLICY users_scope ON users
  USING (org_id = senim_actor_org())
  WITH CHECK (org_id = senim_actor_org());
CREATE POLICY recovery_codes_scope ON recovery_codes
  USING (user_id = senim_actor_user())
  WITH CHECK (user_id = senim_actor_user());
-- users is itself scoped, so this sees the sessions of the actor's organisation only
CREATE POLICY sessions_scope ON sessions
  USING (EXISTS (SELECT 1 FROM users u WHERE u.id = sessions.user_id));
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (actor_org_id = senim_actor_org());
CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON organisations, users TO senim_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_codes TO senim_app;
GRANT SELECT, INSERT ON audit_log TO senim_app;
GRANT SELECT, DELETE ON sessions TO senim_app;
GRANT EXECUTE ON FUNCTION senim_audit_tail() TO senim_app;
