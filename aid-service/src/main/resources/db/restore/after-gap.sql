-- After a restore (platform/messaging RestoreReconciliation), once the events published since the restored time and
-- unknown to the restored database are in restore_gap: an application number the partners or the person have seen is
-- never given again. The year's counter goes past the highest number those events carried.
insert into aid_application_counter (year, last)
select split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
from (select payload::jsonb ->> 'applicationNumber' as number from restore_gap where topic in ('aid.events.v1', 'receipts.aid.v1')) lost
where number ~ '^AE-[0-9]{4}-[0-9]{6}$'
group by 1
on conflict (year) do update set last = greatest(aid_application_counter.last, excluded.last)
