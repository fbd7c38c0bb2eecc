-- The person header follows a documented source precedence (issue 5): each Patient item carries the sender's
-- standing (registration-authority, registered-practice or other), set by ingest from the partner register.
-- Versions are numbered across db/record and db/ingest.
ALTER TABLE record.care_item ADD COLUMN source_standing text
    CHECK (source_standing IN ('registration-authority', 'registered-practice', 'other'));
