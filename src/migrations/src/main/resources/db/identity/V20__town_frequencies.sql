-- The term-frequency adjustment weighs towns too (issue 7): agreeing on "london" says less than agreeing on
-- "mevagissey". town_name is the town as the matcher normalises it (matching/MatchSubject), written with the
-- blocking keys; rows stored before this migration get it at their next resolve and are not counted until then.
ALTER TABLE source_identity ADD COLUMN town_name text;
