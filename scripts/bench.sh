#!/usr/bin/env bash
# Times pioneers against Hugo on generated knowledge bases, in one run on one machine, and
# writes the table to BENCHMARKS.md.
#
#   scripts/bench.sh [N …]        (default: 1000 10000 100000)
#
# Needs hyperfine, hugo and GNU time (installed with apt-get when missing). Before every timed
# run the output folder is removed and `sync` flushes the page cache's dirty pages, so no run
# pays for the previous run's writes: Hugo and render both start from an empty destination.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
for tool in hyperfine hugo /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq hyperfine hugo time >/dev/null
    break
  fi
done

cargo build --release --quiet --bin pioneers --example gen_kb
bin="$PWD/target/release/pioneers"
gen="$PWD/target/release/examples/gen_kb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PIONEERS_TODAY=2026-11-28

# mean seconds of a hyperfine JSON export
mean() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"; }
# peak resident set size in MiB of one run of a command
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}'; }

rows=()
for n in "${sizes[@]}"; do
  kb="$work/kb-$n"
  "$gen" "$kb" "$n" --hugo >/dev/null
  size_mib=$(du -sm "$kb/content" | cut -f1)
  runs=10; [ "$n" -ge 100000 ] && runs=3
  declare -A cmd=(
    [hugo]="hugo --quiet --source $kb --destination $work/out-$n"
    [validate]="$bin --root $kb validate --format json"
    [themes-list]="$bin --root $kb themes list"
    [search]="$bin --root $kb search sessie wob"
    [render]="$bin --root $kb render --out $work/out-$n"
  )
  for name in hugo validate themes-list search render; do
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/$name-$n.json" \
      --prepare "rm -rf $work/out-$n && sync" "${cmd[$name]}" >/dev/null 2>&1 || true
  done
  hugo_s=$(mean "$work/hugo-$n.json")
  for name in hugo validate themes-list search render; do
    s=$(mean "$work/$name-$n.json")
    ratio=$(python3 -c "print(f'{$s/$hugo_s:.3f}')")
    # shellcheck disable=SC2086
    rm -rf "$work/out-$n" && sync
    rss=$(peak ${cmd[$name]})
    rows+=("| $n | $name | $(python3 -c "print(f'{$s*1000:.0f}')") | $ratio | $rss | $size_mib |")
    rm -rf "$work/out-$n"
  done
done

{
  echo "# Benchmarks"
  echo
  echo "Produced by \`scripts/bench.sh ${sizes[*]}\` on $(date -u +%Y-%m-%d): $(nproc) cores,"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)."
  echo "$(hugo version | cut -d' ' -f1-2), pioneers $("$bin" --version | cut -d' ' -f2). Mean of hyperfine runs (1 warm-up);"
  echo "ratio = time / Hugo's build time of the same files; peak RSS from \`/usr/bin/time -v\`."
  echo
  echo "| documents | command | mean ms | × Hugo | peak RSS MiB | content MiB |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > BENCHMARKS.md
cat BENCHMARKS.md
