#!/usr/bin/env bash
# Benchmark of the sales reports and lists at scale. Reports figures; asserts nothing.
#
#   ./dealerdesk run                              # in another terminal
#   api/bench/customers.sh && api/bench/sales.sh  # needs psql and curl
#
# Seeds 100k deals with their stage history and 1M activities on the bench customers (once),
# then times the report queries over HTTP with the integration token (the largest scope).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

have=$($PSQL -At -c "select count(*) from opportunity where name like 'Bench deal %'")
if [ "$have" -eq 0 ]; then
  echo "seeding deals, stage history and activities ..."
  $PSQL -f "$(dirname "$0")/seed-sales.sql"
fi
$PSQL -At -c "select 'deals: ' || (select count(*) from opportunity) || ', stage changes: ' ||
  (select count(*) from opportunity_stage_change) || ', activities: ' || (select count(*) from activity)"

from=$(date -u -d '-90 days' +%F); to=$(date -u +%F)
declare -A QUERIES=(
  ["pipeline report (open deals by stage/owner)"]='{ pipelineReport { stage { name } owner { name } currency count amount weightedAmount } }'
  ["funnel, last 90 days"]="{ funnelReport(from: \\\"$from\\\", to: \\\"$to\\\") { stage { name } reached conversionToNext } }"
  ["win/loss, last 90 days"]="{ winLossReport(from: \\\"$from\\\", to: \\\"$to\\\") { won lost winRate lostReasons { count } } }"
  ["average days in stage"]='{ stageDurationReport { stage { name } stays averageDays } }'
  ["forecast, 6 months"]='{ forecastReport(months: 6) { month currency count amount weightedAmount } }'
  ["deals, first page of 50 by close date"]='{ opportunities(first: 50) { edges { node { id name amount { amount currency } stage { name } customer { name } } } } }'
  ["team overdue reminders, first 50"]='{ teamOverdueReminders(first: 50) { edges { node { id subject } } } }'
)
time_queries QUERIES
