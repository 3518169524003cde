-- What the notices need of each person (from beneficiaries.v1), found by the pseudonym the benefits' events carry.
-- Only the greeting and the addresses: no NIR, no birth date, no resources. An erased person keeps a row without any
-- personal data, so that an older snapshot delivered late cannot bring them back.
create table recipient (
    pseudonym        text primary key,
    beneficiary_id   uuid        not null unique,
    version          bigint      not null,
    sex              text,
    last_name        text,
    email            text,
    phone            text,
    accepts_sms      boolean     not null default false,
    declines_notices boolean     not null default false,
    erased           boolean     not null default false,
    updated_at       timestamptz not null
);

-- One row per event and channel: the notice to send, sent, skipped (no address, opt-out, too old) or failed.
create table notice (
    id              uuid primary key,
    event_id        text        not null,
    channel         text        not null check (channel in ('EMAIL', 'SMS')),
    pseudonym       text        not null,
    benefit         text        not null,
    moment          text        not null,
    reference       text        not null,
    section         text        not null,
    occurred_at     timestamptz not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    outcome         text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    unique (event_id, channel)
);
create index notice_due on notice (next_attempt_at) where status = 'PENDING';
