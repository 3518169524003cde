-- Exceptional aid (allocation exceptionnelle, RM V.2.1): dated parameters, applications, decisions, payment orders.

-- Every cap and period is a dated parameter (RULES.md): the value in force on a date is the one with the latest
-- effective_from not after it. A value is added for a future date; a value in force is never rewritten.
create table aid_parameter (
    name           text          not null,
    effective_from date          not null,
    value          numeric(12,2) not null check (value >= 0),
    source         text          not null,
    primary key (name, effective_from)
);

insert into aid_parameter (name, effective_from, value, source) values
    ('cap.resident-3-years',        '2018-01-01', 3287, 'RM V.2.1 b/2; annexe en vigueur au 1er janvier 2018 (inchangé au 1er novembre 2019)'),
    ('cap.resident-under-3-years',  '2018-01-01', 2830, 'RM V.2.1 b/2; annexe en vigueur au 1er janvier 2018 (inchangé au 1er novembre 2019)'),
    ('cap.no-fixed-address',        '2018-01-01', 2830, 'RM V.1.1 b/2; annexe en vigueur au 1er janvier 2018 (inchangé au 1er novembre 2019)'),
    ('cap.disaster-per-event',      '2018-01-01', 4574, 'RM V.2.1 b/2; annexe en vigueur au 1er janvier 2018 (inchangé au 1er novembre 2019)'),
    ('residence.years-for-higher-cap', '2016-02-01', 3, 'Annexe V 2.1: durée de résidence à Paris supérieure ou égale à 3 ans'),
    ('domicile.minimum-months',     '2016-02-01', 1,    'RM V.2.1 b/1: domicilié à Paris depuis un mois au moins'),
    ('lapse.months',                '2016-02-01', 2,    'RM I/B art. 3: deux mois pour compléter le dossier');

create table aid_application_counter (
    year integer primary key,
    last integer not null
);

create table aid_application (
    id                   uuid primary key,
    number               text          not null unique,
    receipt_number       text          not null unique,
    beneficiary_id       uuid          not null,
    household_id         uuid,
    section              text          not null,
    category             text          not null,
    disaster_event       text,
    requested_amount     numeric(12,2) not null check (requested_amount > 0),
    reason               text          not null,
    payee_kind           text          not null,
    payee_account_holder text          not null,
    payee_iban           text          not null,
    missing_documents    jsonb         not null default '[]',
    status               text          not null,
    received_at          timestamptz   not null,
    filed_by             text          not null,
    filed_at             timestamptz   not null,
    examined_by          text,
    examined_at          timestamptz,
    assessment           text,
    proposed_amount      numeric(12,2),
    updated_at           timestamptz   not null
);
create index aid_application_beneficiary on aid_application (beneficiary_id);
create index aid_application_section_status on aid_application (section, status);

-- A decision, and on appeal a new one: the application's decisions, oldest first.
create table aid_decision (
    id             uuid primary key,
    application_id uuid          not null references aid_application (id),
    outcome        text          not null check (outcome in ('GRANTED', 'REFUSED')),
    amount         numeric(12,2) check (amount > 0),
    reason_code    text,
    reason_text    text,
    decided_by     text          not null,
    decided_at     timestamptz   not null,
    decision_date  date          not null,
    on_appeal      boolean       not null,
    check ((outcome = 'GRANTED') = (amount is not null))
);
create index aid_decision_application on aid_decision (application_id);
create index aid_decision_granted_date on aid_decision (decision_date) where outcome = 'GRANTED';

create table aid_payment_order (
    id             uuid primary key,
    application_id uuid          not null references aid_application (id),
    attempt        integer       not null,
    reference      text          not null unique,
    payee_kind     text          not null,
    account_holder text          not null,
    iban           text          not null,
    amount         numeric(12,2) not null check (amount > 0),
    status         text          not null check (status in ('ORDERED', 'PAID', 'FAILED')),
    failure_reason text,
    ordered_at     timestamptz   not null,
    settled_at     timestamptz,
    unique (application_id, attempt)
);

-- What happened to an application, step by step, and who did it (also in aid.events.v1, without the agents).
create table aid_application_step (
    application_id uuid        not null references aid_application (id),
    seq            integer     not null,
    transition     text        not null,
    status         text        not null,
    at             timestamptz not null,
    agent          text,
    detail         text,
    primary key (application_id, seq)
);
