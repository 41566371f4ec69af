-- Benchmark data for license look-up: :licenses licenses (default 10000000) on the bench
-- customers (run seed-customers.sql first), each on its own item instance, all from one bench
-- shipment. Serials are well-formed (Crockford base 32 with the mod-37 check symbol), derived
-- from md5 of the row number so that reruns give the same serials.
-- psql -v licenses=10000000 -f seed-licenses.sql
\if :{?licenses}
\else
\set licenses 10000000
\endif

create function pg_temp.bench_serial(n bigint) returns text language plpgsql immutable as $$
declare
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  bytes bytea := decode(md5(n::text) || md5((-n)::text), 'hex');
  remainder int := 0;
  symbol int;
  serial text := '';
begin
  for k in 0..19 loop
    symbol := get_byte(bytes, k) % 32;
    remainder := (remainder * 32 + symbol) % 37;
    serial := serial || substr(alphabet, symbol + 1, 1);
    if k % 5 = 4 then
      serial := serial || '-';
    end if;
  end loop;
  return serial || substr(alphabet || '*~$=U', remainder + 1, 1);
end $$;

-- One bench product, order, shipment and shipment line that every bench license comes from.
insert into product (id, code, name, kind, license_model, seat_basis)
values ('00000000-0000-0000-0000-0000000b0001', 'BENCH-LIC', 'Bench program', 'PROGRAM', 'PERPETUAL', 'PER_SEAT')
on conflict do nothing;
insert into sales_order (id, number, customer_id, status, currency, total, created_by)
select '00000000-0000-0000-0000-0000000b0002', 'ORD-BENCH', id, 'SHIPPED', 'EUR', 0, 'admin'
from customer where tax_id like 'BT%' order by id limit 1
on conflict do nothing;
insert into order_line (id, order_id, position, product_id, description, quantity, unit_price, discount, price,
                        shipped_quantity)
values ('00000000-0000-0000-0000-0000000b0003', '00000000-0000-0000-0000-0000000b0002', 1,
        '00000000-0000-0000-0000-0000000b0001', 'Bench', 1, 0, 0, 0, 1)
on conflict do nothing;
insert into shipment (id, number, order_id, customer_id, shipped_on, amount, currency, created_by, licenses_issued_at)
select '00000000-0000-0000-0000-0000000b0004', 'SHP-BENCH', o.id, o.customer_id, current_date, 0, 'EUR', 'admin', now()
from sales_order o where o.id = '00000000-0000-0000-0000-0000000b0002'
on conflict do nothing;
insert into shipment_line (id, shipment_id, order_line_id, quantity, amount)
values ('00000000-0000-0000-0000-0000000b0005', '00000000-0000-0000-0000-0000000b0004',
        '00000000-0000-0000-0000-0000000b0003', 1, 0)
on conflict do nothing;

create temporary table bench_customer as
select id, row_number() over (order by id) as n from customer where tax_id like 'BT%';

-- Items and licenses in one pass: the item id is derived from the license number.
insert into license_item (id, customer_id, shipment_line_id, created_at)
select md5('item' || i)::uuid, c.id, '00000000-0000-0000-0000-0000000b0005', now()
from generate_series(1, :licenses) as i
join bench_customer c on c.n = 1 + (i % (select count(*) from bench_customer))
on conflict do nothing;

insert into license (id, serial, item_id, product_id, customer_id, seats, starts_on, ends_on, shipment_id,
                     issued_at)
select md5('license' || i)::uuid, pg_temp.bench_serial(i), md5('item' || i)::uuid,
       '00000000-0000-0000-0000-0000000b0001', c.id, 1 + i % 10, current_date - (i % 900)::int,
       -- a third with an end: some expired, some ending soon, most later
       case when i % 3 = 0 then current_date - (i % 900)::int + 335 + (i % 400)::int end,
       '00000000-0000-0000-0000-0000000b0004', now() - (i % 100000 || ' minutes')::interval
from generate_series(1, :licenses) as i
join bench_customer c on c.n = 1 + (i % (select count(*) from bench_customer));

analyze license_item;
analyze license;
