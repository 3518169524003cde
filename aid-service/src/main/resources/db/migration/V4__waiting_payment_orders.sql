-- The payment orders the treasury has not answered yet, oldest first: what UnansweredOrders counts every minute.
create index aid_payment_order_waiting on aid_payment_order (ordered_at) where status = 'ORDERED';
