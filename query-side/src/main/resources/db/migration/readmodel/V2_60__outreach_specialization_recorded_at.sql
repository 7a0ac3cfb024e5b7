-- Outreach analytics compare specializations without case and surrounding space, and show each
-- group as its earliest recorded spelling: the time the contact's current specialization was
-- recorded (the event's timestamp) tells which spelling came first. Rows written before this read
-- as recorded at no known time, and rank after every known one, until the analytics read model is
-- replayed.
ALTER TABLE outreach_contact ADD COLUMN specialization_recorded_at TIMESTAMP WITH TIME ZONE;
