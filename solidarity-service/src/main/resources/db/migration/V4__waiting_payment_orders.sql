-- The monthly payments the treasury has not answered yet, oldest first: what UnansweredOrders counts every minute
-- (a million rows a month otherwise read in full).
create index psol_payment_waiting on psol_payment (created_at) where status = 'ORDERED';
