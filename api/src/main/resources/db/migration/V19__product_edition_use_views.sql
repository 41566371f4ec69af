-- Each table has one owning feature (docs/decisions/0017-each-table-has-one-owning-feature.md).
-- The catalogue must know which editions of a product are in use before it drops one, but
-- order lines, quote lines and licenses belong to other features. Each owner publishes the
-- little the catalogue needs as a view, so the owner can change its tables behind it.

-- owned by order
create view order_line_product_edition as
select distinct product_id, edition_code from order_line
where product_id is not null and edition_code is not null;

-- owned by sales
create view quote_line_product_edition as
select distinct product_id, edition_code from quote_line
where product_id is not null and edition_code is not null;

-- owned by license
create view license_product_edition as
select distinct product_id, edition_code from license
where product_id is not null and edition_code is not null;
