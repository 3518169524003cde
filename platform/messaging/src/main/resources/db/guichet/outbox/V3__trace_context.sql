-- The trace of the change that wrote the event (W3C traceparent), so that its publication and its consumers join that
-- trace: one trace shows an application filed, its event, and what the other services did with it.
alter table outbox_event add column traceparent varchar(55);
