#!/usr/bin/env bash
# Benchmark of the customer list and search at scale. Reports figures; asserts nothing.
#
#   ./dealerdesk run                  # in another terminal (embedded PostgreSQL on port 54329)
#   api/bench/customers.sh [customers]   # default 100000; needs psql and curl
#
# Seeds the customers (once: skipped when the database already holds that many), warms the API
# up, then times each query sequentially over HTTP with an integration token (which sees every
# customer) and prints median, p90 and max, next to the same search run directly in PostgreSQL.
set -euo pipefail
CUSTOMERS=${1:-100000}
source "$(dirname "$0")/lib.sh"

have=$($PSQL -At -c "select count(*) from customer where tax_id like 'BT%'")
if [ "$have" -lt "$CUSTOMERS" ]; then
  echo "seeding $CUSTOMERS customers with 2 contacts each ..."
  $PSQL -v customers="$CUSTOMERS" -f "$(dirname "$0")/seed-customers.sql"
fi

declare -A QUERIES=(
  ["first page, 50 with owner and contacts"]='{ customers(first: 50) { edges { node { id name status owner { name } contacts { fullName } } } pageInfo { endCursor hasNextPage } } }'
  ["search: contact name + tax id digits"]='{ customers(first: 50, filter: {search: \"петров 0004711\"}) { edges { node { id name } } } }'
  ["search: common word, with totalCount"]='{ customers(first: 50, filter: {search: \"acme\"}) { totalCount edges { node { id name } } } }'
  ["filter: status + region + tag"]='{ customers(first: 50, filter: {status: [CUSTOMER], region: \"Germany\", tag: \"cad\"}) { edges { node { id name } } } }'
  ["order by updatedAt desc"]='{ customers(first: 50, orderBy: {field: UPDATED_AT, direction: DESC}) { edges { node { id name } } } }'
)

time_queries QUERIES

echo
echo "the same search directly in PostgreSQL (EXPLAIN ANALYZE execution time):"
$PSQL -At -c "explain (analyze, format json) select c.* from customer c where c.archived_at is null
  and c.search_text like '%петров%' and c.search_text like '%0004711%' order by c.sort_name, c.id limit 51" |
  sed -nE 's/.*"Execution Time": ([0-9.]+).*/  \1 ms/p'
