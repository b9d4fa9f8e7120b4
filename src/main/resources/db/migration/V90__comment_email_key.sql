-- The submitted e-mail in lower case, indexed with the time, so that flood control and "known author" look it
-- up through an index instead of reading every comment (lower(submitted_email) could use none).
alter table comment add column email_key varchar(254);
update comment set email_key = lower(submitted_email);
alter table comment alter column email_key set not null;
create index ix_comment_email_key on comment (email_key, created_at);
create index ix_comment_email_key_status on comment (email_key, status);
