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
API=${API:-http://localhost:8080/graphql}
IDP=${IDP:-http://localhost:9000}
PSQL="psql -X -q -h ${PGHOST:-localhost} -p ${PGPORT:-54329} -U ${PGUSER:-postgres} -d ${PGDATABASE:-postgres}"
RUNS=${RUNS:-100}

have=$($PSQL -At -c "select count(*) from customer where tax_id like 'BT%'")
if [ "$have" -lt "$CUSTOMERS" ]; then
  echo "seeding $CUSTOMERS customers with 2 contacts each ..."
  $PSQL -v customers="$CUSTOMERS" -f "$(dirname "$0")/seed-customers.sql"
fi

TOKEN=$(curl -fsS -u integration:integration-secret -d grant_type=client_credentials \
  -d 'scope=dealerdesk.read dealerdesk.write' "$IDP/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

call() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"query\":\"$1\"}" "$API"; }
stats() { sort -n | awk '{a[NR]=$1*1000} END {printf "%8.1f %8.1f %8.1f\n", a[int((NR+1)/2)], a[int(NR*0.9)], a[NR]}'; }

declare -A QUERIES=(
  ["first page, 50 with owner and contacts"]='{ customers(first: 50) { edges { node { id name status owner { name } contacts { fullName } } } pageInfo { endCursor hasNextPage } } }'
  ["search: contact name + tax id digits"]='{ customers(first: 50, filter: {search: \"петров 0004711\"}) { edges { node { id name } } } }'
  ["search: common word, with totalCount"]='{ customers(first: 50, filter: {search: \"acme\"}) { totalCount edges { node { id name } } } }'
  ["filter: status + region + tag"]='{ customers(first: 50, filter: {status: [CUSTOMER], region: \"Germany\", tag: \"cad\"}) { edges { node { id name } } } }'
  ["order by updatedAt desc"]='{ customers(first: 50, orderBy: {field: UPDATED_AT, direction: DESC}) { edges { node { id name } } } }'
)

for _ in $(seq 1 300); do call "${QUERIES["first page, 50 with owner and contacts"]}" >/dev/null; done
printf '%-42s %8s %8s %8s   (ms, %d sequential requests each)\n' "query through the API" median p90 max "$RUNS"
for name in "${!QUERIES[@]}"; do
  printf '%-42s ' "$name"
  for _ in $(seq 1 "$RUNS"); do call "${QUERIES[$name]}"; done | stats
done

echo
echo "the same search directly in PostgreSQL (EXPLAIN ANALYZE execution time):"
$PSQL -At -c "explain (analyze, format json) select c.* from customer c where c.archived_at is null
  and c.search_text like '%петров%' and c.search_text like '%0004711%' order by c.sort_name, c.id limit 51" |
  sed -nE 's/.*"Execution Time": ([0-9.]+).*/  \1 ms/p'
