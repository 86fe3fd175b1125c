#!/usr/bin/env bash
# Builds pioneers for one Rust target and packs the release archive that the GitHub Action,
# `cargo binstall` and the README's one-line installs download:
#
#   OUT/pioneers-<TARGET>.tar.gz   (.zip for Windows) holding
#       pioneers-<TARGET>/{pioneers[.exe], README.md, LICENSE, CHANGELOG.md}
#   OUT/pioneers-<TARGET>.tar.gz.sha256   "<sha256>  <archive name>"
#
# Usage: .github/scripts/package.sh TARGET OUT
# Names carry no version, so `releases/latest/download/<archive>` always works; the release
# tag says which version it is. The release workflow runs this on each target's runner;
# .ci/run runs it for the host target, which builds into the ordinary target/release (no
# --target), so the release build that CI already made is reused.
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${1:?usage: package.sh TARGET OUT}
out=${2:?usage: package.sh TARGET OUT}
host="$(rustc -vV | sed -n 's/^host: //p')"
target_dir=${CARGO_TARGET_DIR:-target}

if [[ $target == "$host" ]]; then
  cargo build --release --locked
  bin_dir="$target_dir/release"
else
  cargo build --release --locked --target "$target"
  bin_dir="$target_dir/$target/release"
fi

exe=pioneers
[[ $target == *windows* ]] && exe=pioneers.exe
name="pioneers-$target"
stage="$(mktemp -d)"
mkdir -p "$stage/$name" "$out"
cp "$bin_dir/$exe" README.md LICENSE CHANGELOG.md "$stage/$name/"
# Symbols are a third of the binary; backtraces still name our functions without them.
if [[ $target != *windows* ]] && command -v strip >/dev/null 2>&1; then
  strip "$stage/$name/$exe"
fi

out="$(cd "$out" && pwd)"
if [[ $target == *windows* ]]; then
  archive="$name.zip"
  if command -v 7z >/dev/null 2>&1; then
    (cd "$stage" && 7z a -tzip -bd "$out/$archive" "$name" >/dev/null)
  else
    (cd "$stage" && zip -q -r "$out/$archive" "$name")
  fi
else
  archive="$name.tar.gz"
  tar -czf "$out/$archive" -C "$stage" "$name"
fi
rm -rf "$stage"

(cd "$out" && if command -v sha256sum >/dev/null 2>&1; then
  sha256sum "$archive"
else
  shasum -a 256 "$archive"
fi >"$archive.sha256")
echo "$out/$archive"
