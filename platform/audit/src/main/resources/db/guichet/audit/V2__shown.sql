-- The files a search, a list or a refusal showed (their ids), so that a person's trail answers "who saw my file"
-- for lists too, not only for the pages of the file itself.
alter table audit_entry add column shown text[];
create index audit_entry_shown on audit_entry using gin (shown);
