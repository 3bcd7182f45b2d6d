#!/usr/bin/env bash
# Instructions per warm in-memory turn of one BUILT checkout, under callgrind: two runs of
# bench/micro/count-turn.mjs (N1 and N2 counted turns after the same warm-up, run in parallel), and
# (Ir(N2) − Ir(N1)) / (N2 − N1). See the header of count-turn.mjs.
#
#   bench/micro/count-turn.sh DIR [cached|unseen] [N1=100] [N2=500] [warm=300] [out-prefix=/tmp/count-turn-<kind>]
#
# TOOL=cachegrind uses `cachegrind --cache-sim=no` (the same Ir total, faster, no call graph).
# The output files stay (out-prefix.N1.out, out-prefix.N2.out) for callgrind_annotate.
set -euo pipefail
dir=$(cd "${1:?usage: count-turn.sh DIR [cached|unseen] [N1] [N2] [warm] [out-prefix]}" && pwd)
kind=${2:-cached}
n1=${3:-100}
n2=${4:-500}
warm=${5:-300}
out=${6:-/tmp/count-turn-$kind}
here=$(cd "$(dirname "$0")/../.." && pwd)
texts=$out.texts.json
(cd "$here" && npx tsx -e "import { unseenTexts, WORKLOAD_TEXTS } from './bench/lib/workload.ts'; import { writeFileSync } from 'node:fs'; writeFileSync('$texts', JSON.stringify({ cached: WORKLOAD_TEXTS, unseen: unseenTexts() }));")
tool=${TOOL:-callgrind}
for n in "$n1" "$n2"; do
  if [ "$tool" = cachegrind ]; then
    args=(--tool=cachegrind --cache-sim=no --cachegrind-out-file="$out.$n.out")
  else
    args=(--tool=callgrind --callgrind-out-file="$out.$n.out")
  fi
  /usr/bin/valgrind "${args[@]}" node "$here/bench/micro/count-turn.mjs" "$dir" "$texts" "$kind" "$warm" "$n" >"$out.$n.log" 2>&1 &
done
wait
ir() { grep -m1 -E '^(totals|summary):' "$1" | awk '{print $2}'; }
i1=$(ir "$out.$n1.out")
i2=$(ir "$out.$n2.out")
echo "$dir $kind warm=$warm: Ir($n1)=$i1 Ir($n2)=$i2 per turn=$(( (i2 - i1) / (n2 - n1) ))"
