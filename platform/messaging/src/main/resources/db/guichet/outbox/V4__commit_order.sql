-- Order per key follows commit order (issue #33's code review): an event's id is drawn when the row is inserted, and a
-- transaction that inserted first may commit last, so id order is not the order in which the changes took effect.
-- commit_seq is drawn at commit (a deferred constraint trigger runs when the transaction commits): of two transactions
-- that touched the same data, the second draws it after the first has committed. The relay publishes in commit_seq order.
create sequence outbox_commit_seq;
alter table outbox_event add column commit_seq bigint;

create function outbox_event_commit_seq() returns trigger language plpgsql as $$
begin
    update outbox_event set commit_seq = nextval('outbox_commit_seq') where id = new.id;
    return null;
end;
$$;
create constraint trigger outbox_event_commit_order after insert on outbox_event
    deferrable initially deferred for each row execute function outbox_event_commit_seq();

drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (commit_seq, id) where sent_at is null and parked_at is null;

-- One relay round at a time among the service's instances, without holding a transaction open while Kafka acknowledges:
-- a lease, taken and given back in short statements, that runs out by itself if its holder dies.
create table outbox_relay_lease (
    name   text        primary key,
    holder uuid        not null,
    until  timestamptz not null
);
