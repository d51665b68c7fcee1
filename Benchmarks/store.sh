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

# The floor under those claims: SQLite alone, in C, committing claims of the same shape
# (`sqlite-floor.c`), one per transaction and 16 per transaction. Needs gcc and libsqlite3-dev.
FLOOR_SOURCE="$(dirname "$0")/sqlite-floor.c"
if command -v gcc >/dev/null && [[ -f /usr/include/sqlite3.h ]]; then
    gcc -O2 -o "$WORK/sqlite-floor" "$FLOOR_SOURCE" -lsqlite3
    for batch in 1 16; do
        while IFS= read -r line; do
            [[ $line == *=* ]] && record "${line%%=*}" "${line#*=}"
        done < <("${SERVER_PIN[@]}" timeout 120 "$WORK/sqlite-floor" "$WORK/floor.db" "$batch" 20000)
    done
else
    note "store: the SQLite floor is skipped (needs gcc and libsqlite3-dev)"
fi
