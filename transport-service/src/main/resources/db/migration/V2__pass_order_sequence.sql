-- A pass's orders are listed in the order they were made, not by their time: two made at the same instant (a clock
-- pinned by a test, two instances whose clocks differ slightly) keep their order.
alter table transport_pass_order add column seq bigint generated always as identity;
