-- Local copy of the registry, fed by beneficiaries.v1 (BeneficiaryReplica).
-- One row per beneficiary; a row only moves forward in its partition's offsets; erased = no personal data left.
create table beneficiary_replica (
    beneficiary_id   text primary key,
    snapshot         jsonb,
    erased           boolean     not null,
    source_partition integer     not null,
    source_offset    bigint      not null,
    replicated_at    timestamptz not null
);
