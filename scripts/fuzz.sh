#!/usr/bin/env bash
# Seeds the fuzz corpora from the test fixtures and the sample content, then runs each
# cargo-fuzz target for a number of executions.
#
#   scripts/fuzz.sh [RUNS] [TARGET …]   (default: 10000000 runs of document and markdown)
#
# FUZZ_MAX_SECONDS=N stops each target after N seconds even if RUNS are not done.
# FUZZ_SANITIZER=none builds without AddressSanitizer (default: address): about four times
# the executions per second; the crate forbids unsafe code, so ASan only watches dependencies.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP=1 lets the stable toolchain
# build with the sanitizer flags cargo-fuzz passes. Findings land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(document markdown)

# The document target reads its first byte as the document type (see fuzz_targets/document.rs).
seed() {
  local corpus="fuzz/corpus/$1"
  mkdir -p "$corpus"
  local n=0
  while IFS= read -r -d '' file; do
    local kind=0
    case "$file" in
      */themes/*) kind=1 ;;
      */sessions/*) kind=2 ;;
      */retrospectives/*) kind=3 ;;
    esac
    n=$((n + 1))
    if [ "$1" = document ]; then
      { printf "\\x0$kind"; cat "$file"; } > "$corpus/seed-$n"
    else
      cp "$file" "$corpus/seed-$n"
    fi
  done < <(find tests/fixtures content -name '*.md' -print0 | sort -z)
}

for target in "${targets[@]}"; do
  seed "$target"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --release --sanitizer "${FUZZ_SANITIZER:-address}" "$target" -- \
    -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -max_total_time="${FUZZ_MAX_SECONDS:-0}"
done
