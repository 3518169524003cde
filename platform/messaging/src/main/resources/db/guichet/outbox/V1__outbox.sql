-- Transactional outbox (OutboxRelay): an event is written in the same transaction as the change it reports, then
-- published in id order, one relay at a time, and marked sent after the broker's acknowledgement.
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    event_type  text        not null,
    source      text        not null,
    subject     text,
    occurred_at timestamptz not null,
    payload     text,                      -- the JSON payload as published; null = tombstone (erasure)
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    attempts    integer     not null default 0,
    last_error  text
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;
