-- A customer's deals in the deals list's default order (expected close date, then id), so that
-- Customer.opportunities reads each customer's first deals straight from the index (ADR 0039).
-- It leads with customer_id, so it also serves everything opportunity_customer_idx served.
create index opportunity_customer_close_idx
    on opportunity (customer_id, (coalesce(expected_close_date, date '9999-12-31')), id);
drop index opportunity_customer_idx;
