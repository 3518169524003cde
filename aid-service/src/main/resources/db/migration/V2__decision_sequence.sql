-- An application's decisions (the first, then the one on appeal) are listed in the order they were taken, not by their
-- time: two taken at the same instant (a clock pinned by a test, two instances whose clocks differ) keep their order.
alter table aid_decision add column seq bigint generated always as identity;
