-- Paris Solidarité (RM II.1.1, III.1.1): dated parameters, applications, grants, the monthly payment run.

-- Every ceiling, floor and threshold is a dated parameter (RULES.md): the value in force on a date is the one with the
-- latest effective_from not after it. A SUPERVISOR adds values for future dates; a value in force is never rewritten.
create table solidarity_parameter (
    name           text          not null,
    effective_from date          not null,
    value          numeric(12,2) not null check (value >= 0),
    source         text          not null,
    recorded_by    text          not null default 'migration',
    recorded_at    timestamptz   not null default now(),
    primary key (name, effective_from)
);

create function solidarity_parameter_in_force_is_final() returns trigger language plpgsql as $$
begin
    if old.effective_from <= current_date then
        raise exception 'parameter % from % is in force: it is never rewritten', old.name, old.effective_from
            using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger solidarity_parameter_in_force_is_final before update or delete on solidarity_parameter
    for each row execute function solidarity_parameter_in_force_is_final();

insert into solidarity_parameter (name, effective_from, value, source) values
    ('ceiling.elderly.single',  '2012-01-01',  900, 'RM II.1.1 b/6 et annexe'), ('ceiling.elderly.couple',  '2012-01-01', 1430, 'RM II.1.1 b/6 et annexe'),
    ('ceiling.disabled.single', '2012-01-01',  900, 'RM III.1.1 et annexe'),    ('ceiling.disabled.couple', '2012-01-01', 1430, 'RM III.1.1 et annexe'),
    ('ceiling.elderly.single',  '2017-04-01',  905, 'RM II.1.1 b/6 et annexe'), ('ceiling.elderly.couple',  '2017-04-01', 1438, 'RM II.1.1 b/6 et annexe'),
    ('ceiling.disabled.single', '2017-04-01',  905, 'RM III.1.1 et annexe'),    ('ceiling.disabled.couple', '2017-04-01', 1438, 'RM III.1.1 et annexe'),
    ('ceiling.elderly.single',  '2018-01-01',  915, 'Annexe au 1er janvier 2018'), ('ceiling.elderly.couple',  '2018-01-01', 1453, 'Annexe au 1er janvier 2018'),
    ('ceiling.disabled.single', '2018-01-01',  915, 'Annexe au 1er janvier 2018'), ('ceiling.disabled.couple', '2018-01-01', 1453, 'Annexe au 1er janvier 2018'),
    ('ceiling.elderly.single',  '2018-04-01',  945, 'RULES.md'), ('ceiling.elderly.couple',  '2018-04-01', 1498, 'RULES.md'),
    ('ceiling.disabled.single', '2018-04-01',  915, 'RULES.md'), ('ceiling.disabled.couple', '2018-04-01', 1498, 'RULES.md'),
    ('ceiling.elderly.single',  '2019-01-01',  980, 'RULES.md'), ('ceiling.elderly.couple',  '2019-01-01', 1553, 'RULES.md'),
    ('ceiling.disabled.single', '2019-01-01',  965, 'RULES.md'), ('ceiling.disabled.couple', '2019-01-01', 1553, 'RULES.md'),
    ('ceiling.elderly.single',  '2020-01-01', 1015, 'RULES.md'), ('ceiling.elderly.couple',  '2020-01-01', 1608, 'RULES.md'),
    ('ceiling.disabled.single', '2020-01-01', 1015, 'RULES.md'), ('ceiling.disabled.couple', '2020-01-01', 1608, 'RULES.md'),
    ('ceiling.elderly.single',  '2022-09-01', 1077, 'RULES.md'), ('ceiling.elderly.couple',  '2022-09-01', 1683, 'RULES.md'),
    ('ceiling.disabled.single', '2022-09-01', 1064, 'RULES.md'), ('ceiling.disabled.couple', '2022-09-01', 1683, 'RULES.md'),
    ('ceiling.elderly.single',  '2024-02-01', 1129, 'RULES.md'), ('ceiling.elderly.couple',  '2024-02-01', 1786, 'RULES.md'),
    ('ceiling.disabled.single', '2024-02-01', 1099, 'RULES.md'), ('ceiling.disabled.couple', '2024-02-01', 1786, 'RULES.md'),
    ('ceiling.elderly.single',  '2024-06-01', 1129, 'RULES.md'), ('ceiling.elderly.couple',  '2024-06-01', 1786, 'RULES.md'),
    ('ceiling.disabled.single', '2024-06-01', 1144, 'RULES.md'), ('ceiling.disabled.couple', '2024-06-01', 1786, 'RULES.md'),
    ('aspa.annual.single', '2016-04-01',  9609.60, 'ASPA (minimum vieillesse)'), ('aspa.annual.couple', '2016-04-01', 14918.90, 'ASPA (minimum vieillesse)'),
    ('aspa.annual.single', '2017-04-01',  9638.42, 'ASPA (minimum vieillesse)'), ('aspa.annual.couple', '2017-04-01', 14963.65, 'ASPA (minimum vieillesse)'),
    ('aspa.annual.single', '2018-04-01',  9998.40, 'ASPA (minimum vieillesse)'), ('aspa.annual.couple', '2018-04-01', 15522.54, 'ASPA (minimum vieillesse)'),
    ('aspa.annual.single', '2019-01-01', 10418.40, 'ASPA (minimum vieillesse)'), ('aspa.annual.couple', '2019-01-01', 16174.59, 'ASPA (minimum vieillesse)'),
    ('aspa.annual.single', '2020-01-01', 10838.40, 'ASPA (minimum vieillesse)'), ('aspa.annual.couple', '2020-01-01', 16826.64, 'ASPA (minimum vieillesse)'),
    ('aspa.annual.single', '2021-01-01', 10881.75, 'ASPA (minimum vieillesse)'), ('aspa.annual.couple', '2021-01-01', 16893.94, 'ASPA (minimum vieillesse)'),
    ('aah.monthly', '2017-04-01', 810.89, 'AAH'), ('aah.monthly', '2018-04-01', 819.00, 'AAH'),
    ('aah.monthly', '2018-11-01', 860.00, 'AAH'), ('aah.monthly', '2019-11-01', 900.00, 'AAH'),
    ('payment.threshold',       '2012-01-01',  2, 'RM II.1.1 d/2 et annexe: versée si supérieure à 2 €'),
    ('age.elderly',             '2012-01-01', 65, 'RM II/A art. 2'),
    ('age.unfit-for-work',      '2012-01-01', 60, 'RM II/A art. 2: 60 ans en cas d''inaptitude au travail'),
    ('residence.minimum-years', '2012-01-01',  3, 'RM I/A art. 2: 3 ans de résidence au cours des 5 dernières années');

create table psol_counter (
    kind text    not null,
    year integer not null,
    last integer not null,
    primary key (kind, year)
);

create table psol_application (
    id                   uuid primary key,
    number               text        not null unique,
    receipt_number       text        not null unique,
    beneficiary_id       uuid        not null,
    section              text        not null,
    renewal              boolean     not null,
    payee_account_holder text        not null,
    payee_iban           text        not null,
    status               text        not null,
    received_at          timestamptz not null,
    filed_by             text        not null,
    filed_at             timestamptz not null,
    examined_by          text,
    examined_at          timestamptz,
    assessment           text,
    decided_by           text,
    decided_at           timestamptz,
    refusal_reasons      text,
    refusal_text         text,
    updated_at           timestamptz not null
);
create index psol_application_beneficiary on psol_application (beneficiary_id);

-- A grant pays every month from first_month to last_month (first days of months), unless suspended or ended.
create table psol_grant (
    id                    uuid primary key,
    number                text        not null unique,
    application_id        uuid        not null unique references psol_application (id),
    beneficiary_id        uuid        not null,
    section               text        not null,
    payee_account_holder  text        not null,
    payee_iban            text        not null,
    first_month           date        not null,
    last_month            date        not null check (last_month >= first_month),
    status                text        not null check (status in ('ACTIVE', 'SUSPENDED', 'ENDED')),
    status_from           date,
    status_reason         text,
    monthly_amount        numeric(12,2) not null,
    last_snapshot_version bigint,
    renewal_reminded_at   timestamptz,
    granted_by            text        not null,
    granted_at            timestamptz not null
);
create index psol_grant_period on psol_grant (first_month, last_month);
create index psol_grant_beneficiary on psol_grant (beneficiary_id);

create table psol_payment_run (
    month        date primary key,
    status       text        not null check (status in ('RUNNING', 'COMPLETED')),
    started_by   text        not null,
    started_at   timestamptz not null,
    completed_at timestamptz
);

-- One row per grant and month, whatever happens: ORDERED (a payment order went to the outbox in the same transaction),
-- SKIPPED (recorded, not paid: why in skip_reason), then PAID or FAILED from the treasury's answer.
create table psol_payment (
    grant_id       uuid          not null references psol_grant (id),
    month          date          not null,
    amount         numeric(12,2) not null,
    status         text          not null check (status in ('ORDERED', 'SKIPPED', 'PAID', 'FAILED')),
    skip_reason    text,
    order_id       uuid unique,
    reference      text unique,
    created_at     timestamptz   not null,
    settled_at     timestamptz,
    failure_reason text,
    primary key (grant_id, month)
);
create index psol_payment_month on psol_payment (month, status);

create table psol_step (
    file_id    uuid        not null,
    seq        integer     not null,
    transition text        not null,
    at         timestamptz not null,
    agent      text,
    detail     text,
    primary key (file_id, seq)
);
