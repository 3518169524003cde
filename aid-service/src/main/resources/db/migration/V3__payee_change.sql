-- A payee corrected after a failed payment is proposed by one agent and takes effect only once another agent of the
-- section confirms it (four-eyes on where the money goes). At most one proposal waits per application.
create table aid_payee_change (
    application_id       uuid primary key references aid_application (id),
    payee_kind           text        not null,
    payee_account_holder text        not null,
    payee_iban           text        not null,
    proposed_by          text        not null,
    proposed_at          timestamptz not null
);
