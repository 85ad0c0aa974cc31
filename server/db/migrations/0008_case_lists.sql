-- Case lists and search at a million cases (issue 3). Measured with bench/explain-cases.ts on
-- 1,000,000 generated cases (senim generate cases), as senim_app under row-level security; every
-- index condition stays an equality (leakproof, see 0004).
--
-- A name search on a common word (a family name shared by 15,000 persons) reads the cases in the
-- page's order and checks each case's person for the word. With the word in the person index that
-- check is one index-only look-up; it was a heap read of every name token of the person (45 ms
-- for the page, now 20 ms). The index still serves "the tokens of this person" (a name changed).
DROP INDEX person_name_tokens_person_idx;
CREATE INDEX person_name_tokens_person_idx ON person_name_tokens (org_id, person_id, token_bidx);
