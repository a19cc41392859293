-- Exactly-once sends through providers that de-duplicate a repeated delivery id within a window (WeChat template
-- client_msg_id: the same openid + client_msg_id is delivered once within 10 minutes). A send whose outcome is unknown
-- (no answer, crash mid-call, expired lease) is repeated with the same id while its first attempt is younger than the
-- channel's window, so the row records when the provider was first called and how many attempts ended unknown.
ALTER TABLE outbox ADD COLUMN first_attempt_at BIGINT NULL;
ALTER TABLE outbox ADD COLUMN unknown_attempts INT NOT NULL DEFAULT 0;
