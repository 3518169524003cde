-- Which queued command a receipt number belongs to (issue #33): the first command applied under a number claims it;
-- another command under the same number is the same application sent twice (same request: dropped) or another
-- application (refused to the dead letters), and never rewrites the first one's receipt.
create table receipt_claim (
    receipt_number  text        primary key,
    idempotency_key uuid        not null,
    fingerprint     text        not null,
    claimed_at      timestamptz not null default now()
);
