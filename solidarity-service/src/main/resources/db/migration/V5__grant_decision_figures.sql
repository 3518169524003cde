-- What the director's decision computed, kept for its letter (issue #36: the person never learnt the amount nor why):
-- the ceiling, the resources declared and those counted (at least the national floor), the category. A grant decided
-- before this migration has none: its letter gives the amount and the months only.
alter table psol_grant
    add column category text,
    add column ceiling numeric(10, 2),
    add column declared_resources numeric(10, 2),
    add column counted_resources numeric(10, 2),
    add column resource_floor numeric(10, 2),
    add column granted_amount numeric(10, 2);
