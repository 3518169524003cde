-- Commands queued by the gateway while the service was down, then refused when the service applied them: never
-- silently dropped, the section sees them in a list to handle (issue #8).
create table rejected_command (
    receipt_number  text primary key,
    benefit         text        not null,
    section         text,
    agent           text        not null,
    method          text        not null,
    path            text        not null,
    received_at     timestamptz not null,
    status          integer     not null,
    problem         jsonb       not null,
    rejected_at     timestamptz not null,
    handled_by      text,
    handled_at      timestamptz
);
create index rejected_command_section on rejected_command (section, rejected_at) where handled_at is null;
