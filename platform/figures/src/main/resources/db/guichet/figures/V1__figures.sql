-- A benefit's dated figures (ceilings, amounts, national floors, flat-rate charges...): the value in force on a day is
-- the row of the latest effective_from not after it. The rows shipped with the service are added at its start
-- (recorded_by 'release'); an administrator proposes a new value, and a second one approves it (four-eyes): only then
-- is it a row. A row, in force or not yet, is never rewritten nor deleted: a correction is a new row from another day.
create table dated_figure (
    name           text          not null,
    effective_from date          not null,
    value          numeric(12,2) not null check (value >= 0),
    source         text          not null,
    recorded_by    text          not null,
    recorded_at    timestamptz   not null default now(),
    -- Who approved it; null for the rows shipped with the service.
    approved_by    text,
    primary key (name, effective_from)
);

create function dated_figure_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'figure % from % is never rewritten: record a new value from another date', old.name, old.effective_from
        using errcode = 'check_violation';
end $$;

create trigger dated_figure_is_final before update or delete on dated_figure
    for each row execute function dated_figure_is_final();

create table figure_proposal (
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
    -- When what follows from it (grants recomputed, months settled) was done, its effective date come.
    applied_at     timestamptz,
    -- Four-eyes: whoever proposed a value does not approve it.
    check (status <> 'APPROVED' or decided_by <> proposed_by)
);
-- At most one open proposal for a figure and a day.
create unique index figure_proposal_open on figure_proposal (name, effective_from) where status = 'PROPOSED';
create index figure_proposal_to_apply on figure_proposal (effective_from) where status = 'APPROVED' and applied_at is null;
