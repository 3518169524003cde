-- Issue #36: the first day a Navigo pass is valid, when its event says it, so that the notice of a pass loaded in
-- December and valid from 1 January does not say "to use from now on".
alter table notice add column valid_from date;
