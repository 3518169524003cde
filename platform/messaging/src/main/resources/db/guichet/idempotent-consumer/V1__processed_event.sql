-- Idempotent consumer (IdempotentConsumer): an event's effect and this record commit in one transaction, so a
-- redelivered event (same ce_id) is recognised and skipped.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    topic        text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
