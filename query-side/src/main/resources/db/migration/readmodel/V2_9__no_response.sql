-- One word for a request that got no answer on both sides: the command side's NO_RESPONSE.
UPDATE contact_interview SET status = 'NO_RESPONSE' WHERE status = 'UNANSWERED';
