-- The registry's root table; persons, households, residence, resources... come with issue #3.
create table beneficiary (
    id          uuid primary key,
    file_number text        not null unique,
    created_at  timestamptz not null default now()
);
