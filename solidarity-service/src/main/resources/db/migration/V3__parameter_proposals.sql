-- Changes to the dated figures are governed, not deployed (issue #32): an administrator proposes a new value from a
-- date with its source; a second administrator approves it, and only then is it a row of solidarity_parameter. A row,
-- in force or not yet, is never rewritten or deleted: a correction is a new row from another date.

create table solidarity_parameter_proposal (
    id             uuid primary key,
    name           text          not null,
    effective_from date          not null,
    value          numeric(12,2) not null check (value >= 0),
    source         text          not null,
    status         text          not null check (status in ('PROPOSED', 'APPROVED', 'WITHDRAWN')),
    proposed_by    text          not null,
    proposed_at    timestamptz   not null,
    decided_by     text,
    decided_at     timestamptz,
    -- When the grants in force were recomputed with it (its effective date come).
    applied_at     timestamptz,
    -- Four-eyes: whoever proposed a value does not approve it.
    check (status <> 'APPROVED' or decided_by <> proposed_by)
);
-- At most one open proposal for a figure and a date.
create unique index solidarity_parameter_proposal_open on solidarity_parameter_proposal (name, effective_from)
    where status = 'PROPOSED';

create or replace function solidarity_parameter_in_force_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'parameter % from % is never rewritten: record a new value from another date', old.name, old.effective_from
        using errcode = 'check_violation';
end $$;

-- Who approved a row (the proposer is recorded_by).
alter table solidarity_parameter add column approved_by text;

-- Arrears and overpayments: what a change of a figure dated back makes due for months already paid. Each line is paid
-- (or deducted) by the next payment run of its grant, once: settled_month says which.
create table psol_adjustment (
    id            uuid primary key,
    grant_id      uuid          not null references psol_grant (id),
    month         date          not null,
    paid          numeric(12,2) not null,
    due           numeric(12,2) not null,
    difference    numeric(12,2) not null check (difference <> 0),
    reason        text          not null,
    created_at    timestamptz   not null,
    settled_month date,
    unique (grant_id, month, reason)
);
create index psol_adjustment_pending on psol_adjustment (grant_id) where settled_month is null;

-- A payment's own month and the adjustments paid with it (its amount is their sum).
alter table psol_payment add column adjustments numeric(12,2) not null default 0;
