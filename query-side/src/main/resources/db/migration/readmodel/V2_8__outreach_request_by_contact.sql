-- The analytics projection reads the requests of every contact a batch of events names at once.
CREATE INDEX outreach_request_contact_idx ON outreach_request (owner_id, contact_id);
