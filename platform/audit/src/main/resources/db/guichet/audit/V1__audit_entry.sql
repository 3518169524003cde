-- The audit trail (CASF L133-5, professional secrecy): who read or changed which personal data, when, and with what
-- outcome. Append-only: no update nor delete (the trigger refuses them), and each entry's hash covers the previous
-- entry's, so that a row changed behind the application's back breaks the chain.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz not null,
    username      text        not null,
    roles         text        not null,
    section       text,
    operation     text        not null,
    resource_type text        not null,
    resource_id   text,
    outcome       integer     not null,
    previous_hash text        not null,
    hash          text        not null
);
create index audit_entry_by_resource on audit_entry (resource_type, resource_id);
create index audit_entry_by_user on audit_entry (username);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
