# Shared by the benchmarks: a token for the demo integration client (sees every row), timed
# GraphQL calls over HTTP, and median / p90 / max of a column of seconds.
API=${API:-http://localhost:8080/graphql}
IDP=${IDP:-http://localhost:9000}
PSQL="psql -X -q -h ${PGHOST:-localhost} -p ${PGPORT:-54329} -U ${PGUSER:-postgres} -d ${PGDATABASE:-postgres}"
RUNS=${RUNS:-100}

TOKEN=$(curl -fsS -u integration:integration-secret -d grant_type=client_credentials \
  -d 'scope=dealerdesk.read dealerdesk.write' "$IDP/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

call() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"query\":\"$1\"}" "$API"; }
stats() { sort -n | awk '{a[NR]=$1*1000} END {printf "%8.1f %8.1f %8.1f\n", a[int((NR+1)/2)], a[int(NR*0.9)], a[NR]}'; }

# times every query of the associative array named $1, after warming up with its first entry
time_queries() {
  local -n queries=$1
  local names=("${!queries[@]}")
  for _ in $(seq 1 200); do call "${queries[${names[0]}]}" >/dev/null; done
  printf '%-46s %8s %8s %8s   (ms, %d sequential requests each)\n' "query through the API" median p90 max "$RUNS"
  for name in "${names[@]}"; do
    printf '%-46s ' "$name"
    for _ in $(seq 1 "$RUNS"); do call "${queries[$name]}"; done | stats
  done
}
