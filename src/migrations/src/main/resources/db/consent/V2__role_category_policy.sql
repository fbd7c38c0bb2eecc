-- The first role x category policy. Policy is data: a change is a new migration, reviewed like code.
INSERT INTO role_category_policy (role, category) VALUES
    ('clinician', 'demographics'),
    ('clinician', 'allergies'),
    ('clinician', 'medications'),
    ('clinician', 'conditions'),
    ('social-worker', 'demographics'),
    ('social-worker', 'allergies'),
    ('social-worker', 'conditions');
