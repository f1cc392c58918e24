#!/usr/bin/env bash
# nnbook's Neural benchmarks beside their peers, with ratios (peer time / nnbook time).
#
#   bench/compare.sh                      # release build, 5 repeats, wall time and CPU time
#   REPEATS=9 bench/compare.sh
#   SWIFT_FLAGS="-Xswiftc -target-cpu -Xswiftc haswell" SCRATCH=/tmp/nnbook-haswell bench/compare.sh
#
# Peers: the slides' numpy MLP (seed_mlp.py: XOR 5000 epochs; digits, one per-sample SGD epoch)
# and scikit-learn's MLPClassifier (adam, batch 200) for the time to 97 % test accuracy.
# Needs python3 with numpy and scikit-learn (pip install scikit-learn).
# Wall time suffers from other jobs on a shared machine; CPU time (process/thread CPU seconds)
# is reported beside it for both sides.
set -euo pipefail
# One BLAS thread: nnbook trains on one core, and a spinning BLAS pool on a busy machine is slower.
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1} OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
cd "$(dirname "$0")/.."
REPEATS=${REPEATS:-5}
PEER_DIR=${PEER_DIR:-}
for d in "$PEER_DIR" ../shared/bench ../../shared/bench /work/shared/bench; do
    if [ -n "$d" ] && [ -f "$d/seed_mlp.py" ]; then PEER_DIR=$d; break; fi
done
[ -f "$PEER_DIR/seed_mlp.py" ] || { echo "compare.sh: seed_mlp.py not found; set PEER_DIR" >&2; exit 1; }
python3 -c "import numpy, sklearn" 2>/dev/null || { echo "compare.sh: needs numpy and scikit-learn (pip install scikit-learn)" >&2; exit 1; }

SCRATCH_ARGS=()
[ -n "${SCRATCH:-}" ] && SCRATCH_ARGS=(--scratch-path "$SCRATCH")
# shellcheck disable=SC2086
swift build -c release "${SCRATCH_ARGS[@]}" ${SWIFT_FLAGS:-} >&2
# shellcheck disable=SC2086
BIN="$(swift build -c release "${SCRATCH_ARGS[@]}" ${SWIFT_FLAGS:-} --show-bin-path)/nnbook"

ours() {  # key → value from nnbook bench --json
    "$BIN" bench --json --repeats "$REPEATS" --only "$1" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"
}
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
peer() {  # runs "$@" REPEATS times, prints the median of the line starting with $KEY
    local vals=()
    for _ in $(seq "$REPEATS"); do
        vals+=("$("$@" | awk -v k="$KEY" '$1 == k { print $2 }')")
    done
    median "${vals[@]}"
}
row() {  # what ours peer [divide-peer-by]
    python3 -c "
import sys
what, ours, peer, div = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
peer /= div
print(f'{what:<44} {ours:>12.6f} {peer:>12.6f} {peer / ours:>9.1f}x')" "$@"
}

DIGITS_EPOCHS=${DIGITS_EPOCHS:-20}
printf '%-44s %12s %12s %10s\n' "figure (seconds, median of $REPEATS)" nnbook peer ratio
for mode in wall cpu; do
    if [ $mode = wall ]; then run=(python3); sfx=""; skl=(); else run=(python3 bench/peer_cpu.py); sfx="_cpu"; skl=(--cpu); fi
    KEY=TRAIN_WALL_S
    row "xor_221_sgd_5000_epochs${sfx}_s (numpy)" "$(ours xor_221_sgd_5000_epochs${sfx}_s)" \
        "$(peer "${run[@]}" "$PEER_DIR/seed_mlp.py" xor --verbose 100)" 1
    row "digits_64_32_16_10_sgd_epoch${sfx}_s (numpy)" "$(ours digits_64_32_16_10_sgd_epoch${sfx}_s)" \
        "$(peer "${run[@]}" "$PEER_DIR/seed_mlp.py" digits "$DIGITS_EPOCHS" --verbose 100)" "$DIGITS_EPOCHS"
    KEY=FIT_S
    row "digits_adam_to_97pct${sfx}_s (sklearn)" "$(ours digits_adam_to_97pct${sfx}_s)" \
        "$(peer python3 bench/sklearn_adam.py "${skl[@]}")" 1
done
echo
echo "nnbook digits_test_accuracy (1000 per-sample SGD epochs): $(ours digits_test_accuracy)"
echo "nnbook digits_minibatch32_epoch_s: $(ours digits_minibatch32_epoch_s)"
echo "peer seed_mlp.py digits 1000 epochs reaches 0.971 (shared/bench/README.md); sklearn: $(KEY=TEST_ACCURACY peer python3 bench/sklearn_adam.py)"
