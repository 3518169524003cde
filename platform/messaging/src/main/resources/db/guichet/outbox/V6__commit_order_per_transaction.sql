-- One commit_seq per transaction instead of one per event (issue #37: the monthly payment run writes two events per
-- grant, and updating each row again at commit doubled what PostgreSQL wrote for them). The first of the transaction's
-- deferred triggers, at commit, draws the number and gives it to every event the transaction wrote; the others find the
-- work done (a setting local to the transaction says so) and return at once. The relay orders by (commit_seq, id): the
-- events of one transaction keep the order in which it wrote them, and two transactions keep their commit order.
-- The rows visible here with no commit_seq are this transaction's own: another's are either uncommitted (invisible) or
-- committed with their number. Events marked sent as they are written (restore_gap) are never published and keep none.
create or replace function outbox_event_commit_seq() returns trigger language plpgsql as $$
declare
    drawn bigint;
begin
    if coalesce(current_setting('guichet.outbox_sequenced', true), '') = 'yes' then
        return null;
    end if;
    perform set_config('guichet.outbox_sequenced', 'yes', true);
    drawn := nextval('outbox_commit_seq');
    update outbox_event set commit_seq = drawn
     where commit_seq is null and sent_at is null and parked_at is null;
    return null;
end;
$$;

-- The relay reads the unsent events "order by commit_seq nulls first, id" (the events of before V4 have no number and go
-- first), and an ascending index keeps its nulls last: PostgreSQL sorted every unsent event at each round to find the
-- first 500, so a backlog of 300 000 orders (the payment run) cost 40 ms a round, and more as it grew. In the relay's
-- order, a round reads its 500 from the start of the index.
drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (commit_seq nulls first, id) where sent_at is null and parked_at is null;
