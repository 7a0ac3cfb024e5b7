-- The contacts projection now handles a batch of events at once and derives a contact's stage
-- from its interviews and its newest follow-up, kept on the contact instead of re-read per event.
ALTER TABLE contact ADD COLUMN last_follow_up_at TIMESTAMP WITH TIME ZONE;
UPDATE contact c SET last_follow_up_at = (SELECT max(f.at) FROM contact_follow_up f WHERE f.contact_id = c.contact_id);
