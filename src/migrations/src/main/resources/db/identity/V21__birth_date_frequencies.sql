-- The term-frequency adjustment weighs the date of birth too (issue 7): 1 January, the date a source records when
-- it knows only the year, is shared by far more people than any other day. birth_date is the full date of birth
-- as the matcher normalises it (yyyymmdd, matching/MatchSubject.birthDigits; null unless year, month and day are
-- known), written with the blocking keys; rows stored before this migration get it at their next resolve and are
-- not counted until then.
ALTER TABLE source_identity ADD COLUMN birth_date text;
