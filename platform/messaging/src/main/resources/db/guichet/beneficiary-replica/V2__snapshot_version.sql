-- Snapshots carry their version: a replica row only moves forward in versions, whatever the order of delivery.
alter table beneficiary_replica add column version bigint;
update beneficiary_replica set version = (snapshot ->> 'version')::bigint where snapshot ? 'version';
