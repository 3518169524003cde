-- Records from partners that were read but not applied because they do not match what this service knows (a payment
-- confirmation whose reference, amount or time is not its order's): kept with the reasons for an operator, never applied.
create table parked_record (
    id            bigserial primary key,
    topic         text        not null,
    record_partition integer  not null,
    record_offset bigint      not null,
    record_key    text,
    event_id      text,
    reasons       text        not null,
    payload       text,
    parked_at     timestamptz not null default now()
);
