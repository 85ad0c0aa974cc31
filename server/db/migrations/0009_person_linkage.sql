-- Duplicate detection on sealed data (issue 5).
--
-- Each person carries keyed encodings of its identity (server/features/duplicates): Bloom filters
-- (CLK) of the bigrams of the name skeletons and of the birth-date tokens, under a secret derived
-- per organisation from the index key, and keyed blocking keys (64-bit HMACs) in a B-tree table,
-- looked up by equality (leakproof, so usable under row-level security, see 0004). Names are never
-- decrypted to find duplicates. A person merged into another keeps its row (merged_into), so a merge
-- can be undone.

ALTER TABLE persons
  ADD COLUMN link_name bytea,
  ADD COLUMN link_given bytea,
  ADD COLUMN link_family bytea,
  ADD COLUMN link_dob bytea,
  ADD COLUMN merged_into uuid,
  ADD CONSTRAINT persons_merged_into_fk FOREIGN KEY (org_id, merged_into) REFERENCES persons (org_id, id);

CREATE TABLE person_link_keys (
  org_id uuid NOT NULL REFERENCES organisations (id),
  key bytea NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (org_id, key, person_id),
  CONSTRAINT person_link_keys_person_fk FOREIGN KEY (org_id, person_id) REFERENCES persons (org_id, id)
);
CREATE INDEX person_link_keys_person_idx ON person_link_keys (org_id, person_id);

-- Candidate pairs found by the nightly scan, for review (person_a < person_b).
CREATE TABLE duplicate_candidates (
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_a uuid NOT NULL,
  person_b uuid NOT NULL,
  score real NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb, -- field names and strengths, no values
  found_at timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL DEFAULT 'open', -- open | dismissed | merged
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  PRIMARY KEY (org_id, person_a, person_b),
  CONSTRAINT duplicate_candidates_a_fk FOREIGN KEY (org_id, person_a) REFERENCES persons (org_id, id),
  CONSTRAINT duplicate_candidates_b_fk FOREIGN KEY (org_id, person_b) REFERENCES persons (org_id, id),
  CONSTRAINT duplicate_candidates_order CHECK (person_a < person_b),
  CONSTRAINT duplicate_candidates_state CHECK (state IN ('open', 'dismissed', 'merged'))
);
CREATE INDEX duplicate_candidates_open_idx ON duplicate_candidates (org_id, score DESC) WHERE state = 'open';

-- Merges, with what is needed to undo them: the sealed prior values of the kept person and the
-- cases and contacts moved (ids only).
CREATE TABLE person_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  kept_person_id uuid NOT NULL,
  merged_person_id uuid NOT NULL,
  fields text[] NOT NULL DEFAULT '{}', -- the fields taken from the merged person
  undo_sealed bytea NOT NULL,
  merged_by uuid NOT NULL REFERENCES users (id),
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by uuid REFERENCES users (id),
  undone_at timestamptz,
  CONSTRAINT person_merges_kept_fk FOREIGN KEY (org_id, kept_person_id) REFERENCES persons (org_id, id),
  CONSTRAINT person_merges_merged_fk FOREIGN KEY (org_id, merged_person_id) REFERENCES persons (org_id, id)
);
CREATE INDEX person_merges_kept_idx ON person_merges (org_id, kept_person_id, merged_at DESC);

ALTER TABLE person_link_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE duplicate_candidates ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_merges ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_link_keys_scope ON person_link_keys USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY duplicate_candidates_scope ON duplicate_candidates USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());
CREATE POLICY person_merges_scope ON person_merges USING (org_id = senim_actor_org()) WITH CHECK (org_id = senim_actor_org());

GRANT SELECT, INSERT, DELETE ON person_link_keys TO senim_app;
GRANT SELECT, INSERT, UPDATE ON duplicate_candidates, person_merges TO senim_app;
