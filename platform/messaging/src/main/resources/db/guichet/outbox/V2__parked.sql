-- An event the broker refuses for good (too large for the topic, a topic name it rejects) is parked with the reason:
-- the relay goes on with the others instead of retrying it for ever, an operator sees it (/actuator/outbox).
alter table outbox_event add column parked_at timestamptz;
drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (id) where sent_at is null and parked_at is null;
