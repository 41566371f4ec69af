-- A rep's or manager's customers, newest or last changed first: since the list walks each
-- owner's own index range (CustomerScope.appendVisibleInOrder), these read a page of an
-- owner's customers in time order as customer_owner_idx does in name order. Without them each
-- owner's whole book was read and sorted (a manager's team of 9 at size L: 12,000 rows, 41 ms;
-- filtering the global time order by the scope had taken 167 ms, and 206 ms for a rep).
create index customer_owner_created_idx on customer (owner_id, created_at, id);
create index customer_owner_updated_idx on customer (owner_id, updated_at, id);
