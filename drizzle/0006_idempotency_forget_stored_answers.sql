-- Answers stored before secrets were withheld may hold staff tokens, feed tokens and applicant
-- links in plain text: forget them (a repeat of such a request is then judged afresh).
DELETE FROM `idempotency_keys`;
