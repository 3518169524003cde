-- After a restore (platform/messaging RestoreReconciliation), once the events published since the restored time and
-- unknown to the restored database are in restore_gap: a file number the person has seen is never given again. The
-- year's counter goes past the highest number those events carried.
insert into housing_counter (year, last)
select split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
from (select payload::jsonb ->> 'fileNumber' as number from restore_gap where topic = 'housing.events.v1'
      union all
      select payload::jsonb ->> 'applicationNumber' from restore_gap where topic = 'receipts.housing.v1') lost
where number ~ '^PL-[0-9]{4}-[0-9]{6}$'
group by 1
on conflict (year) do update set last = greatest(housing_counter.last, excluded.last)
