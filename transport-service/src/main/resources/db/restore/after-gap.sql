-- After a restore (platform/messaging RestoreReconciliation), once the events published since the restored time and
-- unknown to the restored database are in restore_gap: a pass number the operator or the person have seen is never
-- given again. The year's counter goes past the highest number those events carried.
insert into transport_counter (year, last)
select split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
from (select payload::jsonb ->> 'passNumber' as number from restore_gap where topic in ('transport.events.v1', 'transport.pass-orders.v1')
      union all
      select payload::jsonb ->> 'applicationNumber' from restore_gap where topic = 'receipts.transport.v1') lost
where number ~ '^NV-[0-9]{4}-[0-9]{6}$'
group by 1
on conflict (year) do update set last = greatest(transport_counter.last, excluded.last)
