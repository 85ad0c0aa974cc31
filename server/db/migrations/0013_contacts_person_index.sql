-- A person's contacts by person: the duplicate check counts each candidate's contacts, a merge moves
-- them, and without this index each was a sequential scan of all contacts (1.5 s per duplicate
-- check at 1,500,000 contacts).
CREATE INDEX contacts_person_idx ON contacts (org_id, person_id) WHERE person_id IS NOT NULL;
