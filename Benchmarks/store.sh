#!/usr/bin/env bash
# The approval store on a SQLite file: decisions and delivery claims per second with durable commits (one after
# another, and 16 in flight), and 100 concurrent approvals of one request (20 races): the time to
# settle, and that exactly one approval wins each race (the command fails otherwise).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init
note "store: decisions per second and 100 racing approvals"
output=$("${SERVER_PIN[@]}" timeout 300 "$CHATOPS" bench store --store "$WORK/store.db" --decisions "${BENCH_DECISIONS:-2000}" \
    --concurrency 16 --racers 100 --races 20)
while IFS= read -r line; do
    [[ $line == *=* ]] && record "${line%%=*}" "${line#*=}"
done <<<"$output"
