-- Every access a professional makes within the window of their break glass is reviewed, and joins the review of
-- that break glass instead of raising an alert of its own (docs/security.md, "Break glass: repeated access").

-- a review raised because an access within a window came after the window's review was closed: it continues that
-- review; only a review that continues nothing opens (and so starts) a break-glass window
ALTER TABLE break_glass_review ADD COLUMN continues_review_id uuid REFERENCES break_glass_review (id);

-- the accesses made within a break-glass window after the first, each in the review it joined; the first access is
-- the review's own audit event
CREATE TABLE break_glass_access (
    audit_event_id uuid        PRIMARY KEY,
    review_id      uuid        NOT NULL REFERENCES break_glass_review (id),
    occurred_at    timestamptz NOT NULL
);

CREATE INDEX break_glass_access_by_review ON break_glass_access (review_id, occurred_at);
CREATE INDEX break_glass_review_by_caller ON break_glass_review (user_id, person_id, occurred_at DESC);

GRANT SELECT, INSERT ON break_glass_access TO ${runtime_role};
