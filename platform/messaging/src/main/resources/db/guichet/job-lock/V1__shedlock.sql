-- Who runs a scheduled job now, across the instances of a service (JobLocks, ShedLock's table).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
