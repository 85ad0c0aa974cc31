-- Case search and list indexes (issue 3).
--
-- Name search. persons.name_tokens_bidx has a GIN index, but under row-level security PostgreSQL
-- only uses an index for a condition whose operator is leakproof, and array containment (@>) is
-- not: as senim_app, `name_tokens_bidx @> …` scans every person of the organisation. So each name
-- token index also gets a row here, looked up by byte equality (leakproof) through a B-tree that
-- starts with org_id, like every other scoped index. The rows mirror persons.name_tokens_bidx
-- (written together by server/features/persons/insert-person.ts) and hold no personal data in
-- clear. Persons already written are copied below.
CREATE TABLE person_name_tokens (
  org_id uuid NOT NULL REFERENCES organisations (id),
  token_bidx bytea NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (org_id, token_bidx, person_id),
  CONSTRAINT person_name_tokens_person_fk FOREIGN KEY (org_id, person_id) REFERENCES persons (org_id, id)
);
CREATE INDEX person_name_tokens_person_idx ON person_name_tokens (org_id, person_id);

INSERT INTO person_name_tokens (org_id, token_bidx, person_id)
SELECT DISTINCT p.org_id, t.token, p.id FROM persons p, unnest(p.name_tokens_bidx) AS t (token)
ON CONFLICT DO NOTHING;

ALTER TABLE person_name_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_name_tokens_scope ON person_name_tokens
  USING (org_id = senim_actor_org())
  WITH CHECK (org_id = senim_actor_org());
-- DELETE: a person's names that change replace their tokens.
GRANT SELECT, INSERT, DELETE ON person_name_tokens TO senim_app;

-- Case list pages: every sort ends with id, so the order is total (stable pages, keyset-ready),
-- and the usual filters have an index in that order, so a page reads about pageSize rows.
DROP INDEX cases_opened_idx;
CREATE INDEX cases_opened_idx ON cases (org_id, opened_at DESC, id DESC);
CREATE INDEX cases_updated_idx ON cases (org_id, updated_at DESC, id DESC);
CREATE INDEX cases_status_region_idx ON cases (org_id, status, region, opened_at DESC, id DESC);
DROP INDEX cases_region_idx;
CREATE INDEX cases_region_idx ON cases (org_id, region, opened_at DESC, id DESC);
DROP INDEX cases_assigned_idx;
CREATE INDEX cases_assigned_idx ON cases (org_id, assigned_user_id, opened_at DESC, id DESC);
