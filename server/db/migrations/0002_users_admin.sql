-- User administration by an organisation's administrator.

-- E-mail addresses are unique across the whole instance (they are the sign-in name), but a scoped
-- request sees only its own organisation's users. This answers "is the address taken?" and nothing
-- else: no row, no organisation. The unique index users_email_key still decides under a race.
CREATE FUNCTION senim_email_taken(p_email text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(p_email)) $$;
REVOKE ALL ON FUNCTION senim_email_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION senim_email_taken(text) TO senim_app;

-- Resetting a user's two-factor sign-in removes their recovery codes. A scoped request may read and
-- change only its own user's codes (recovery_codes_scope; for a DELETE the row must also pass the
-- SELECT policy), and an administrator has no business reading another user's code hashes. This
-- deletes the codes of one user of the actor's organisation, and nothing else. Who may call it is
-- decided by the 'user.resetTwoFactor' action in the application.
CREATE FUNCTION senim_clear_recovery_codes(p_user_id uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  DELETE FROM recovery_codes r
   WHERE r.user_id = p_user_id
     AND EXISTS (SELECT 1 FROM users u WHERE u.id = p_user_id AND u.org_id = senim_actor_org());
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION senim_clear_recovery_codes(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION senim_clear_recovery_codes(uuid) TO senim_app;
