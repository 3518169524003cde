-- Entries are chained by an HMAC under the deployment's audit key (GUICHET_AUDIT_KEY) rather than a bare SHA-256:
-- whoever can write the table cannot compute the hashes of a rewritten chain without the key. Older entries keep
-- their SHA-256 (keyed = false); after a keyed entry, an unkeyed one breaks the chain.
alter table audit_entry add column keyed boolean not null default false;
