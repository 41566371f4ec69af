#!/usr/bin/env bash
# Benchmark of license look-up by serial number at 10M licenses. Reports figures; asserts
# nothing.
#
#   ./dealerdesk run                                 # in another terminal
#   api/bench/customers.sh && api/bench/licenses.sh  # needs psql and curl
#
# Seeds 10M licenses on the bench customers (once; takes minutes), then looks up RUNS random
# serials (default 1000) two ways: through the API (licenseBySerial over HTTP with the
# integration token: parsing, scope, JSON) and directly in PostgreSQL (the same indexed
# select, timed inside the server, so without any network or protocol cost).
set -euo pipefail
RUNS=${RUNS:-1000}
source "$(dirname "$0")/lib.sh"

have=$($PSQL -At -c "select count(*) from license where shipment_id = '00000000-0000-0000-0000-0000000b0004'")
if [ "$have" -eq 0 ]; then
  echo "seeding ${LICENSES:-10000000} licenses ..."
  time $PSQL -v licenses="${LICENSES:-10000000}" -f "$(dirname "$0")/seed-licenses.sql"
fi
$PSQL -At -c "select 'licenses: ' || count(*) from license"

serials=$($PSQL -At -c "select serial from license tablesample bernoulli (0.03) limit $RUNS")
pct() { sort -n | awk '{a[NR]=$1*1000} END {printf "median %6.2f ms   p99 %6.2f ms   max %6.2f ms   (%d look-ups)\n", a[int((NR+1)/2)], a[int(NR*0.99)], a[NR], NR}'; }

# warm up the API and the index pages the sample touches
for serial in $(echo "$serials" | head -200); do
  call "{ licenseBySerial(serial: \\\"$serial\\\") { id } }" >/dev/null
done

printf '%-32s' "through the API (HTTP):"
for serial in $serials; do
  call "{ licenseBySerial(serial: \\\"$serial\\\") { id serial seats endsOn status customer { name } } }"
done | pct

printf '%-32s' "psql round trip (TCP, \\timing):"
for serial in $serials; do
  echo "select l.id, l.serial, l.seats, l.ends_on, l.state from license l where l.serial = '$serial';"
done | $PSQL -At -c '\timing on' -f - 2>&1 | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | awk '{print $1/1000}' | pct

printf '%-32s' "inside PostgreSQL (execution):"
$PSQL -At <<SQL | pct
create temporary table bench_serials (serial text);
insert into bench_serials values $(echo "$serials" | sed "s/.*/('&')/" | paste -sd,);
do \$\$
declare
  s text;
  started timestamptz;
  found uuid;
begin
  create temporary table bench_times (seconds float8);
  for s in select serial from bench_serials loop
    started := clock_timestamp();
    select l.id into found from license l where l.serial = s;
    insert into bench_times values (extract(epoch from clock_timestamp() - started));
  end loop;
end \$\$;
select seconds from bench_times;
SQL
