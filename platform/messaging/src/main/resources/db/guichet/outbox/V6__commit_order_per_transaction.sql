-- Issue #37, the monthly payment run writing two events per grant.
--
-- One commit_seq per transaction instead of one per event. The first of the transaction's deferred triggers, at commit,
-- draws the number and gives it to every event the transaction wrote; the others find the work done (a setting local
-- to the transaction says so) and return at once. The first trigger to fire is the first event's, whose id is the
-- transaction's smallest (ids are drawn in insertion order): the rows visible from there with no number are this
-- transaction's own (another's are uncommitted, so invisible, or committed with their number). Events marked sent as
-- they are written (restore_gap) are never published and need none. The relay orders by (commit_seq, id): a
-- transaction's events keep the order in which they were written, two transactions their commit order. Measured on a
-- scratch PostgreSQL 15, 200 000 events in transactions of 2 000: 31-37 µs a row with an update per event, 23-27 with
-- one per transaction; transactions of 2 events cost the same either way (128-146 µs a row, the commits').
create or replace function outbox_event_commit_seq() returns trigger language plpgsql as $$
declare
    drawn bigint;
begin
    if current_setting('guichet.outbox_sequenced', true) = 'yes' then
        return null;
    end if;
    perform set_config('guichet.outbox_sequenced', 'yes', true);
    drawn := nextval('outbox_commit_seq');
    update outbox_event set commit_seq = drawn
     where commit_seq is null and sent_at is null and parked_at is null and id >= new.id;
    return null;
end;
$$;

-- The relay reads the unsent events "order by commit_seq nulls first, id" (the events of before V4 have no number and go
-- first), and an ascending index keeps its nulls last: PostgreSQL sorted every unsent event at each round to find the
-- first 500, so a backlog of 300 000 orders cost 40 ms a round, and more as it grew. In the relay's order, a round reads
-- its 500 from the start of the index (and the update above finds the transaction's events there, from its first).
drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (commit_seq nulls first, id) where sent_at is null and parked_at is null;
