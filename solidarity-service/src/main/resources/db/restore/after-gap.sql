-- After a restore (platform/messaging RestoreReconciliation), once the events published since the restored time and
-- unknown to the restored database are in restore_gap: an application (PS) or grant (PSG) number the partners or the
-- person have seen is never given again. Each year's counter goes past the highest number those events carried.
insert into psol_counter (kind, year, last)
select split_part(number, '-', 1), split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
from (select payload::jsonb ->> 'fileNumber' as number from restore_gap where topic = 'solidarity.events.v1'
      union all
      select payload::jsonb ->> 'applicationNumber' from restore_gap where topic = 'receipts.solidarity.v1') lost
where number ~ '^PSG?-[0-9]{4}-[0-9]{6}$'
group by 1, 2
on conflict (kind, year) do update set last = greatest(psol_counter.last, excluded.last)
