-- The pass orders the transport operator has not answered yet, oldest first: what UnansweredOrders counts every minute.
create index transport_pass_order_waiting on transport_pass_order (ordered_at) where status = 'SENT';
