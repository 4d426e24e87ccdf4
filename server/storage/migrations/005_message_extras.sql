-- What a message carries besides its text (quick replies, attachments), as the event shows it.
ALTER TABLE messages ADD COLUMN extras jsonb;
