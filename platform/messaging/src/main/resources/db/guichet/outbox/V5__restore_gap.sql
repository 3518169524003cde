-- After the service's database was restored to an earlier point in time (RestoreReconciliation): the events the service
-- had published since then, which the restored database no longer has (what the partners saw of the lost interval), and
-- each reconciliation's report. An event written again with the id of one of these (the same step of the same file,
-- taken again) is not sent a second time: the outbox marks it sent as it writes it.
create table restore_gap (
    event_id         uuid primary key,
    topic            text        not null,
    record_partition integer     not null,
    record_offset    bigint      not null,
    event_type       text,
    message_key      text,
    occurred_at      timestamptz,
    payload          text,
    found_at         timestamptz not null
);

create table restore_report (
    id     bigserial primary key,
    ran_at timestamptz not null,
    report text        not null
);
