-- The Navigo right for seniors and disabled people (RM II.3.1 / III.3.1): dated tariffs, passes, orders to the operator.

-- Ceilings, ages, residence: the value in force on a date is the one with the latest effective_from not after it.
create table transport_parameter (
    name           text          not null,
    effective_from date          not null,
    value          numeric(12,2) not null check (value >= 0),
    source         text          not null,
    primary key (name, effective_from)
);

insert into transport_parameter (name, effective_from, value, source) values
    ('ceiling.first-request',   '2016-02-01', 2028, 'RM II.3.1 / III.3.1: impôt soumis au barème ≤ 2 028 € (première demande)'),
    ('ceiling.renewal',         '2016-02-01', 2430, 'RM II.3.1 / III.3.1: ≤ 2 430 € pour un renouvellement dans les 3 mois de l''échéance'),
    ('renewal.window-months',   '2016-02-01', 3,    'RM II.3.1: renouvellement dans les 3 mois suivant l''échéance'),
    ('age.elderly',             '2016-02-01', 65,   'RM II/A art. 2'),
    ('age.unfit-for-work',      '2016-02-01', 60,   'RM II/A art. 2'),
    ('age.war-veteran',         '2016-02-01', 65,   'RM II.3.1: anciens combattants et veuves de guerre de 65 ans et plus'),
    ('residence.minimum-years', '2016-02-01', 3,    'RM I/A art. 2');

-- The participation table: the one in force on a date is every row with the latest effective_from not after it.
-- For INCOME_TAX rows, the band is the first whose max_income_tax is at least the tax (null: up to the ceiling).
create table transport_participation (
    effective_from date          not null,
    situation      text          not null check (situation in ('QUALIFYING_BENEFIT', 'WAR_VETERAN', 'INCOME_TAX')),
    max_income_tax numeric(12,2),
    zones_1_2      numeric(12,2) not null,
    zones_1_5      numeric(12,2) not null,
    source         text          not null
);

insert into transport_participation (effective_from, situation, max_income_tax, zones_1_2, zones_1_5, source) values
    ('2016-02-01', 'QUALIFYING_BENEFIT', null,    0, 160, 'Navigo Émeraude Améthyste payant (RULES.md, table 2017)'),
    ('2016-02-01', 'WAR_VETERAN',        null,    0,   0, 'Navigo Émeraude Améthyste payant (RULES.md, table 2017)'),
    ('2016-02-01', 'INCOME_TAX',            0,   30, 160, 'Navigo Émeraude Améthyste payant (RULES.md, table 2017)'),
    ('2016-02-01', 'INCOME_TAX',          380,   90, 160, 'Navigo Émeraude Améthyste payant (RULES.md, table 2017)'),
    ('2016-02-01', 'INCOME_TAX',          992,  180, 240, 'Navigo Émeraude Améthyste payant (RULES.md, table 2017)'),
    ('2016-02-01', 'INCOME_TAX',         1600,  360, 410, 'Navigo Émeraude Améthyste payant (RULES.md, table 2017)'),
    ('2016-02-01', 'INCOME_TAX',         null,  380, 410, 'Navigo Émeraude Améthyste payant (RULES.md, table 2017)'),
    ('2018-06-01', 'QUALIFYING_BENEFIT', null,    0,   0, 'RM du 1er juin 2018, a/2: délivré gratuitement, toutes zones'),
    ('2018-06-01', 'WAR_VETERAN',        null,    0,   0, 'RM du 1er juin 2018, a/2: délivré gratuitement, toutes zones'),
    ('2018-06-01', 'INCOME_TAX',         null,    0,   0, 'RM du 1er juin 2018, a/2: délivré gratuitement, toutes zones');

create table transport_product (
    effective_from date not null,
    category       text not null check (category in ('ELDERLY', 'DISABLED')),
    product        text not null,
    primary key (effective_from, category)
);

insert into transport_product (effective_from, category, product) values
    ('2016-02-01', 'ELDERLY',  'NAVIGO_EMERAUDE_AMETHYSTE'),
    ('2016-02-01', 'DISABLED', 'NAVIGO_EMERAUDE_AMETHYSTE'),
    ('2019-09-01', 'ELDERLY',  'PASS_PARIS_SENIORS'),
    ('2019-09-01', 'DISABLED', 'PASS_PARIS_ACCESS');

create table transport_counter (
    year integer primary key,
    last integer not null
);

-- A pass: requested, decided by the section director, ordered to the operator, active once loaded on the card.
create table transport_pass (
    id                      uuid primary key,
    number                  text          not null unique,
    receipt_number          text          not null unique,
    beneficiary_id          uuid          not null,
    section                 text          not null,
    navigo_card_number      text          not null,
    zones                   text          not null check (zones in ('1-2', '1-5')),
    receives_paris_benefit  boolean       not null,
    renewal_of              uuid references transport_pass (id),
    status                  text          not null,
    received_at             timestamptz   not null,
    filed_by                text          not null,
    filed_at                timestamptz   not null,
    decided_by              text,
    decided_at              timestamptz,
    refusal_reasons         text,
    refusal_text            text,
    product                 text,
    valid_from              date,
    valid_until             date,
    participation_due       numeric(12,2),
    participation_paid_at   timestamptz,
    participation_reference text,
    renewal_reminded_at     timestamptz,
    updated_at              timestamptz   not null
);
create index transport_pass_beneficiary on transport_pass (beneficiary_id);
create index transport_pass_valid_until on transport_pass (valid_until) where status = 'ACTIVE';

create table transport_pass_order (
    id         uuid primary key,
    pass_id    uuid        not null references transport_pass (id),
    action     text        not null check (action in ('LOAD', 'CANCEL')),
    status     text        not null check (status in ('SENT', 'DONE', 'REJECTED')),
    reason     text,
    ordered_at timestamptz not null,
    settled_at timestamptz
);
create index transport_pass_order_pass on transport_pass_order (pass_id);

create table transport_step (
    pass_id    uuid        not null references transport_pass (id),
    seq        integer     not null,
    transition text        not null,
    at         timestamptz not null,
    agent      text,
    detail     text,
    primary key (pass_id, seq)
);
