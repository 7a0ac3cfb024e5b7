-- The contact detail shows when the one nudge of an unanswered request was sent. Rows written
-- before this read as not nudged until the contacts read model is replayed.
ALTER TABLE contact_interview ADD COLUMN nudged_at TIMESTAMP WITH TIME ZONE;
