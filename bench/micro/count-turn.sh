#!/usr/bin/env bash
# Instructions per warm in-memory turn of one BUILT checkout, under callgrind. See the header of
# count-turn.mjs.
#
#   bench/micro/count-turn.sh DIR [cached|unseen] [N=400] [warm=300] [out-prefix=/tmp/count-turn-<kind>]
#
# One run: node with V8 single-threaded and predictable, a full GC before counting (NODE_COUNT_FLAGS to change;
# two runs of one tree agree within ~0.2 %), callgrind's instrumentation off until the warm-up is over (faster too) (the driver prints
# COUNT-START and waits; this script switches instrumentation on with callgrind_control -i on),
# then N turns and exit; Ir ÷ N. DIFF=1 instead runs N/4 and N turns from the start, collecting
# everything, and takes the difference (session 30 found it far noisier: start-up alone moved by
# 3 × 10⁹ instructions between two trees differing in four small files). The last line also says
# how much of the count is V8's optimising compiler and what the turns cost without it (below).
set -euo pipefail
dir=$(cd "${1:?usage: count-turn.sh DIR [cached|unseen] [N] [warm] [out-prefix]}" && pwd)
kind=${2:-cached}
n=${3:-400}
warm=${4:-300}
out=${5:-/tmp/count-turn-$kind}
here=$(cd "$(dirname "$0")/../.." && pwd)
texts=$out.texts.json
(cd "$here" && npx tsx -e "import { unseenTexts, WORKLOAD_TEXTS } from './bench/lib/workload.ts'; import { writeFileSync } from 'node:fs'; writeFileSync('$texts', JSON.stringify({ cached: WORKLOAD_TEXTS, unseen: unseenTexts() }));")
ir() { grep -m1 -E '^(totals|summary):' "$1" | awk '{print $2}'; }
if [ "${DIFF:-0}" = 1 ]; then
  n1=$((n / 4))
  for m in "$n1" "$n"; do
    /usr/bin/valgrind --tool=callgrind --callgrind-out-file="$out.$m.out" node --single-threaded "$here/bench/micro/count-turn.mjs" "$dir" "$texts" "$kind" "$warm" "$m" >"$out.$m.log" 2>&1 &
  done
  wait
  i1=$(ir "$out.$n1.out"); i2=$(ir "$out.$n.out")
  echo "$dir $kind warm=$warm: Ir($n1)=$i1 Ir($n)=$i2 per turn=$(( (i2 - i1) / (n - n1) ))"
  exit 0
fi
go=$out.go
rm -f "$go"
COUNT_TURN_GO=$go /usr/bin/valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out.out" \
  node ${NODE_COUNT_FLAGS:---single-threaded --predictable --expose-gc} "$here/bench/micro/count-turn.mjs" "$dir" "$texts" "$kind" "$warm" "$n" >"$out.log" 2>&1 &
pid=$!
until grep -q COUNT-START "$out.log"; do
  kill -0 "$pid" 2>/dev/null || { echo "run ended before the warm-up did: $out.log" >&2; exit 1; }
  sleep 2
done
callgrind_control -i on "$pid" >/dev/null
touch "$go"
wait "$pid"
i=$(ir "$out.out")
# Under --single-threaded V8's optimising compiler (TurboFan) runs on the main thread, inside the
# counted turns: 44-46 % of an unseen turn's count after 300 warm-up turns (session 32, perf22), and
# it moves by several per cent when code is added or moved anywhere. Said apart, with the count of
# the turns' own work without it (callgrind's inclusive cost of Runtime_CompileOptimized).
# (awk reads to the end: an early exit would kill callgrind_annotate with SIGPIPE, and under pipefail
# and set -e the script would end there without its last line, as it did in session 33.)
c=$(callgrind_annotate --inclusive=yes "$out.out" 2>/dev/null | awk '!done && /Runtime_CompileOptimized\(/ { gsub(",", "", $1); print $1; done = 1 }')
c=${c:-0}
echo "$dir $kind warm=$warm N=$n: Ir=$i per turn=$(( i / n )) (optimising compiler $(( c / n )) per turn; without it $(( (i - c) / n )) per turn)"
