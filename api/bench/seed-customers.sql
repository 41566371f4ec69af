-- Benchmark data: :customers customers (default 100000) with two contacts each, owned by the
-- demo reps and partners, with realistic spread over status, region, industry and tags.
-- psql -v customers=100000 -f seed-customers.sql
\if :{?customers}
\else
\set customers 100000
\endif
insert into customer (id, name, legal_name, tax_id, industry, region, size, status, owner_id, partner_id, tags,
                      source_channel, created_at, updated_at)
select gen_random_uuid(),
       (array['Acme','Blue','Nord','Süd','Alpha','Omega','Север','Восток','华光','创新','Atlas','Helix'])[1 + i % 12]
           || ' ' || (array['Engineering','Logistics','Software','Stroy','Foods','Energy','科技','Systems'])[1 + (i / 12) % 8]
           || ' ' || i,
       'Bench Legal ' || i || ' Ltd',
       'BT' || lpad(i::text, 9, '0'),
       (array['Manufacturing','Logistics','Software','Construction','Retail','Energy'])[1 + i % 6],
       (array['Germany','UK','USA','Russia','China','France','Poland'])[1 + i % 7],
       (array['MICRO','SMALL','MEDIUM','LARGE','ENTERPRISE'])[1 + i % 5],
       (array['PROSPECT','CANDIDATE','CUSTOMER','LOST'])[1 + i % 4],
       (array['rep','rep2','manager','rep','partner','partner2'])[1 + i % 6],
       case i % 6 when 4 then '6f1c2a3e-0000-4000-8000-000000000001'::uuid
                  when 5 then '6f1c2a3e-0000-4000-8000-000000000002'::uuid end,
       array[(array['cad','erp','bim','scada','cloud'])[1 + i % 5]],
       'WEB',
       now() - (i || ' minutes')::interval,
       now() - (i || ' minutes')::interval
from generate_series(1, :customers) as i;

insert into contact (id, customer_id, first_name, last_name, emails)
select gen_random_uuid(), c.id, f.first, f.last || ' ' || substr(c.tax_id, 3), array[lower(f.first) || '.' || substr(c.tax_id, 3) || '@bench.example']
from customer c
cross join (values ('Anna', 'Schmidt'), ('Иван', 'Петров')) as f(first, last)
where c.tax_id like 'BT%';

analyze customer;
analyze contact;
