-- A name search finds persons by a token, then their cases by person, and shows one page of them
-- newest first. With the opening time and the id in the index, the page is chosen from the index
-- alone (an index-only scan) and only the page's rows are read from the table: a common family
-- name (thousands of cases) no longer reads every matching case to sort them.
CREATE INDEX cases_person_cover_idx ON cases (org_id, person_id) INCLUDE (opened_at, id);
DROP INDEX cases_person_idx;
