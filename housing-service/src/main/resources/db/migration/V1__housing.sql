-- Paris Logement: the files, their history, their monthly payments.

-- The files' numbers, PL-<year>-<6 digits>, in order of filing within the year.
create table housing_counter (
    year int primary key,
    last int not null
);

create table housing_file (
    id uuid primary key,
    number text not null unique,
    receipt_number text not null unique,
    beneficiary_id uuid not null,
    section text not null,
    -- The household as declared at the counter, and as the social worker checked it (Household, as JSON).
    declared jsonb not null,
    account_holder text,
    iban text not null,
    renewal boolean not null,
    status text not null,
    received_at timestamptz not null,
    filed_by text not null,
    examined_by text,
    examined_at timestamptz,
    examined jsonb,
    -- What the rules gave the examined household (Assessment, as JSON), and the social worker's notes.
    assessment jsonb,
    examination_notes text,
    decided_by text,
    decided_at timestamptz,
    variant text,
    monthly_amount numeric(10, 2),
    valid_from date,
    valid_until date,
    refusal_reasons text,
    refusal_text text,
    updated_at timestamptz not null
);

create index housing_file_section on housing_file (section, received_at desc);
create index housing_file_beneficiary on housing_file (beneficiary_id);
create index housing_file_status on housing_file (status);
-- The monthly run reads the grants that cover a month.
create index housing_file_granted on housing_file (valid_from, valid_until) where status = 'GRANTED';

create table housing_step (
    file_id uuid not null references housing_file (id),
    seq int not null,
    transition text not null,
    at timestamptz not null,
    agent text,
    detail text,
    primary key (file_id, seq)
);

-- One payment per grant and month: the run of a month, done again, orders nothing twice.
create table housing_payment (
    order_id uuid primary key,
    file_id uuid not null references housing_file (id),
    month text not null,
    reference text not null unique,
    amount numeric(10, 2) not null,
    status text not null,
    reason text,
    ordered_at timestamptz not null,
    settled_at timestamptz,
    unique (file_id, month)
);

create index housing_payment_waiting on housing_payment (ordered_at) where status = 'ORDERED';

-- Each month's run: who started it, when it ended.
create table housing_payment_run (
    month text primary key,
    started_by text not null,
    started_at timestamptz not null,
    completed_at timestamptz
);
