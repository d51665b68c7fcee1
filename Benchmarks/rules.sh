#!/usr/bin/env bash
# Rule matching on the benchmark corpus, beside the C loop over PCRE2-JIT, on one CPU in one run:
#   Benchmarks/rules.sh [CORPUS_DIR]     # default ../shared/bench/corpus (beside the repository)
# CORPUS_DIR holds rules.pcre.json, rules-50.pcre.json, messages.txt, expected.jsonl (and, for the C
# loop, rules*.pcre.tsv and expected*.tsv, with ../peers/pcre2_bench.c beside it: built with gcc
# and libpcre2-dev when both are there, skipped otherwise). BENCH_CPU (default 1), BENCH_PASSES
# (default 5). Figures go to BENCH_RESULTS like the other scripts'.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CORPUS_ARG=${1:-${BENCH_CORPUS:-$REPO/../shared/bench/corpus}}
CORPUS=$(cd "$CORPUS_ARG" 2>/dev/null && pwd) || die "no corpus folder $CORPUS_ARG (pass it, or set BENCH_CORPUS)"
CPU=${BENCH_CPU:-1}
PASSES=${BENCH_PASSES:-5}
ensure_binary
PIN=()
if command -v taskset >/dev/null && [[ $(nproc) -gt $CPU ]]; then PIN=(taskset -c "$CPU"); fi
note "rules: corpus $CORPUS, pinned to CPU $CPU, $PASSES timed passes, load average $(cut -d' ' -f1 /proc/loadavg)"

rate_of() { sed -n 's/^rules-bench: \([0-9]*\) msgs\/s.*/\1/p' | tail -1; }

for size in 500 50; do
    rules=$CORPUS/rules.pcre.json expected=$CORPUS/expected.jsonl
    [[ $size == 50 ]] && rules=$CORPUS/rules-50.pcre.json expected=$CORPUS/expected-50.tsv
    for mode in prefiltered plain; do
        flag=()
        [[ $mode == plain ]] && flag=(--plain)
        out=$("${PIN[@]}" "$CHATOPS" bench rules --rules "$rules" --messages "$CORPUS/messages.txt" \
            --expected "$expected" --passes "$PASSES" "${flag[@]}") || { printf '%s\n' "$out" >&2; die "bench rules failed"; }
        printf '%s\n' "$out" >&2
        record "rules.r$size.chatops_$mode.msgs_per_s" "$(rate_of <<<"$out")"
        record "rules.r$size.chatops_$mode.mismatches" "$(sed -n 's/.* \([0-9]*\) mismatches$/\1/p' <<<"$out" | tail -1)"
        [[ $mode == prefiltered ]] && record "rules.r$size.patterns_tried_per_message" \
            "$(sed -n 's/^rules-bench: \([0-9.]*\) patterns tried.*/\1/p' <<<"$out")"
    done
done

C_SOURCE=$CORPUS/../peers/pcre2_bench.c
if [[ -f $C_SOURCE ]] && command -v gcc >/dev/null && [[ -f /usr/include/pcre2.h ]]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    gcc -O2 -o "$work/pcre2_bench" "$C_SOURCE" -lpcre2-8
    for size in 500 50; do
        tsv=$CORPUS/rules.pcre.tsv expected=$CORPUS/expected.tsv
        [[ $size == 50 ]] && tsv=$CORPUS/rules-50.pcre.tsv expected=$CORPUS/expected-50.tsv
        json=$("${PIN[@]}" "$work/pcre2_bench" loop "$tsv" "$CORPUS/messages.txt" "$expected" "$PASSES" "$work/out.tsv")
        note "$json"
        c_rate=$(sed -n 's/.*"msgs_per_s": \([0-9.]*\).*/\1/p' <<<"$json")
        record "rules.r$size.c_pcre2_jit_loop.msgs_per_s" "${c_rate%.*}"
        ours=$(sed -n "s/^rules.r$size.chatops_prefiltered.msgs_per_s=//p" "${BENCH_RESULTS:-/dev/null}" | tail -1)
        [[ -n "$ours" ]] && record "rules.r$size.speedup_over_c_loop" "$(awk -v a="$ours" -v b="$c_rate" 'BEGIN { printf "%.1f", a / b }')"
    done
else
    note "rules: the C PCRE2-JIT loop is skipped (needs $C_SOURCE, gcc and libpcre2-dev)"
fi

# The bot's own path over the same messages: screen, the shipped rules, slot validation.
out=$("${PIN[@]}" "$CHATOPS" bench understand --messages "$CORPUS/messages.txt" --passes "$PASSES" \
    --config "$REPO/deploy/chatops.example.yaml" --rules "$REPO/rules")
printf '%s\n' "$out" >&2
line=$(tail -1 <<<"$out")
record "rules.shipped.prefiltered.msgs_per_s" "$(sed -n 's/.*: \([0-9]*\) msgs\/s prefiltered.*/\1/p' <<<"$line")"
record "rules.shipped.plain.msgs_per_s" "$(sed -n 's/.*, \([0-9]*\) msgs\/s plain.*/\1/p' <<<"$line")"
