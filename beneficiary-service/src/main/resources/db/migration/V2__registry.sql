-- The registry: one row per person, the situation as recorded (jsonb, the contract's BeneficiarySituation), and the
-- columns searched or kept unique.
alter table beneficiary
    add column nir        text unique,
    add column name_key   text        not null,
    add column birth_date date        not null,
    add column section    text        not null,
    add column version    bigint      not null,
    add column situation  jsonb       not null,
    add column updated_at timestamptz not null;
create index beneficiary_name_birth_date on beneficiary (name_key, birth_date);
create sequence beneficiary_file_number;

-- A person alone has no household; a couple, or a person with dependants, has one.
create table household (
    id         uuid primary key,
    version    bigint      not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null
);
create table household_member (
    household_id   uuid not null references household (id),
    beneficiary_id uuid not null unique references beneficiary (id),
    role           text not null check (role in ('APPLICANT', 'SPOUSE', 'DEPENDANT')),
    primary key (household_id, beneficiary_id)
);

-- Every change of a file: who, when, what (field, before, after). Never updated nor deleted.
create table beneficiary_change (
    id             bigserial primary key,
    beneficiary_id uuid        not null references beneficiary (id),
    version        bigint      not null,
    changed_at     timestamptz not null,
    changed_by     text        not null,
    operation      text        not null,
    changes        jsonb       not null
);
create index beneficiary_change_by_beneficiary on beneficiary_change (beneficiary_id, version);
