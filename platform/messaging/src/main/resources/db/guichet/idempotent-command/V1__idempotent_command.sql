-- Idempotent commands (IdempotentCommands): the outcome of a command is stored with its Idempotency-Key in the
-- transaction of its effect; the same key answers the same outcome and never applies the command twice.
create table idempotent_command (
    idempotency_key uuid primary key,
    fingerprint     text        not null,
    status          integer,
    location        text,
    body            text,
    created_at      timestamptz not null default now()
);
