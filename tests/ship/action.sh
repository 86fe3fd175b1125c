#!/usr/bin/env bash
# Runs the GitHub Action's script (action/pioneers.sh) as a Linux x86_64 runner would, against
# a fake release folder served from file://, and checks what it does: install with a verified
# checksum, annotate, summarise, reuse the cache, report only what a pull request changed, and
# refuse a checksum mismatch, a missing release and an unknown platform with a clear error.
#
# Usage: tests/ship/action.sh ARCHIVE
# ARCHIVE is a release archive of the host build made by .github/scripts/package.sh; it is
# laid out under the name the action asks for on Linux x86_64 (the static musl build, which
# cannot be built on this machine; the host binary runs here all the same).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
archive=${1:?usage: action.sh ARCHIVE}
script="$repo/action/pioneers.sh"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)"
target=x86_64-unknown-linux-musl
name="pioneers-$target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
check() { # check DESCRIPTION COMMAND…: counts and reports one expectation
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $what" >&2
  fi
}
contains() { grep -q -- "$2" "$1"; }
lacks() { ! grep -q -- "$2" "$1"; }

# A release folder as GitHub serves it: <base>/v<version>/<archive> and <archive>.sha256.
make_release() { # make_release DIR: the archive under the musl name, with its checksum
  local dir=$1/v$version unpacked
  unpacked="$(mktemp -d)"
  mkdir -p "$dir"
  tar -xzf "$archive" -C "$unpacked"
  mv "$unpacked"/pioneers-* "$unpacked/$name"
  tar -czf "$dir/$name.tar.gz" -C "$unpacked" "$name"
  (cd "$dir" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
  rm -rf "$unpacked"
}
make_release "$work/release"

# Runs the action's script the way action.yml does; its status goes to $work/status.
run_action() { # run_action NAME [VAR=value…]: output in $work/NAME.out, summary in NAME.md
  local id=$1
  shift
  rm -f "$work/$id.path" "$work/$id.output" "$work/$id.md"
  touch "$work/$id.path" "$work/$id.output" "$work/$id.md"
  local status=0
  env RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TEMP="$work" \
    PIONEERS_VERSION="$version" \
    PIONEERS_DOWNLOAD_URL="file://$work/release" \
    PIONEERS_INSTALL_DIR="$work/cache/$id" \
    GITHUB_PATH="$work/$id.path" GITHUB_OUTPUT="$work/$id.output" \
    GITHUB_STEP_SUMMARY="$work/$id.md" \
    "$@" bash "$script" >"$work/$id.out" 2>&1 || status=$?
  echo "$status" >"$work/$id.status"
}
status_is() { [[ "$(cat "$work/$1.status")" == "$2" ]]; }

# 1. A clean knowledge base: installed from the fake release, verified, passes.
run_action clean PIONEERS_WORKING_DIRECTORY="$repo/tests/fixtures/clean"
check "clean: exit 0" status_is clean 0
check "clean: checksum verified" contains "$work/clean.out" "Checksum verified"
check "clean: runs the installed version" contains "$work/clean.out" "^pioneers $version$"
check "clean: binary on the PATH" contains "$work/clean.path" "$work/cache/clean"
check "clean: path output" contains "$work/clean.output" "^path=$work/cache/clean$"
check "clean: summary says passed" contains "$work/clean.md" "pioneers validate passed"
check "clean: summary counts" contains "$work/clean.md" "0 errors, 0 warnings"

# 2. Installed once: a second run uses the cached binary and downloads nothing.
run_action clean PIONEERS_WORKING_DIRECTORY="$repo/tests/fixtures/clean" \
  PIONEERS_DOWNLOAD_URL="file://$work/nowhere"
check "cache: exit 0 without a release" status_is clean 0
check "cache: says so" contains "$work/clean.out" "Using the cached pioneers $version"

# 3. Errors: annotations on stdout, exit 1, the same counts as the JSON report's summary.
run_action errors PIONEERS_WORKING_DIRECTORY="$repo/tests/fixtures/many-errors"
errors="$(cd "$repo/tests/fixtures/many-errors" &&
  "$work/cache/errors/pioneers" validate --format json | tr -d ' \n' |
  sed -n 's/.*"summary":{[^}]*"errors":\([0-9]*\).*/\1/p')" || true
check "errors: exit 1" status_is errors 1
check "errors: annotated" contains "$work/errors.out" "^::error file=content/"
check "errors: summary says found errors" contains "$work/errors.md" "found errors"
check "errors: summary counts what the JSON report counts ($errors)" \
  contains "$work/errors.md" "\*\*$errors errors, 0 warnings\*\*"

# 4. Extra arguments reach validate: warnings fail with --deny-warnings.
run_action warnings PIONEERS_WORKING_DIRECTORY="$repo/tests/fixtures/warnings-only"
check "warnings: exit 0" status_is warnings 0
check "warnings: annotated" contains "$work/warnings.out" "^::warning file="
run_action deny PIONEERS_WORKING_DIRECTORY="$repo/tests/fixtures/warnings-only" \
  PIONEERS_ARGS="--deny-warnings"
check "args: --deny-warnings makes warnings fail" status_is deny 1

# 5. install-only: installs and puts it on the PATH, validates nothing.
run_action only PIONEERS_WORKING_DIRECTORY="$repo/tests/fixtures/many-errors" \
  PIONEERS_INSTALL_ONLY=true
check "install-only: exit 0 on a broken knowledge base" status_is only 0
check "install-only: on the PATH" contains "$work/only.path" "$work/cache/only"
check "install-only: no annotations" lacks "$work/only.out" "^::error file="

# 6. A checksum mismatch fails and installs nothing.
cp -r "$work/release" "$work/tampered"
printf 'corrupted' >>"$work/tampered/v$version/$name.tar.gz"
run_action tampered PIONEERS_DOWNLOAD_URL="file://$work/tampered" \
  PIONEERS_WORKING_DIRECTORY="$repo/tests/fixtures/clean"
check "mismatch: exit 2" status_is tampered 2
check "mismatch: says so" contains "$work/tampered.out" "^::error title=pioneers::checksum mismatch for $name.tar.gz"
check "mismatch: nothing installed" test ! -e "$work/cache/tampered/pioneers"
check "mismatch: nothing on the PATH" test ! -s "$work/tampered.path"

# 7. A release that does not exist.
run_action missing PIONEERS_VERSION=9.9.9 PIONEERS_WORKING_DIRECTORY="$repo/tests/fixtures/clean"
check "missing release: exit 2" status_is missing 2
check "missing release: names the URL" contains "$work/missing.out" "cannot download file://$work/release/v9.9.9/pioneers-$target.tar.gz"

# 8. A platform without a release, and a version that is not one.
run_action freebsd RUNNER_OS=FreeBSD
check "unknown platform: exit 2" status_is freebsd 2
check "unknown platform: clear error" contains "$work/freebsd.out" "no pioneers release for FreeBSD on X64: prebuilt binaries exist for Linux (X64, ARM64), macOS (X64, ARM64) and Windows (X64)"
run_action arm RUNNER_OS=Windows RUNNER_ARCH=ARM64
check "unknown architecture: clear error" contains "$work/arm.out" "no pioneers release for Windows on ARM64"
run_action badversion PIONEERS_VERSION="latest; rm -rf /"
check "bad version: exit 2" status_is badversion 2
check "bad version: says so" contains "$work/badversion.out" "is not a release version like 0.2.0"

# 8b. Git Bash on Windows (a stand-in cygpath): folders are used as /c/… and written to the
# PATH file as C:\….
mkdir -p "$work/fakebin"
# shellcheck disable=SC2016 # the stand-in's own variables
printf '#!/usr/bin/env bash\ncase $1 in -u) echo "${2//\\\\//}" ;; -w) echo "WINDOWS:$2" ;; esac\n' >"$work/fakebin/cygpath"
chmod +x "$work/fakebin/cygpath"
run_action windows PATH="$work/fakebin:$PATH" PIONEERS_INSTALL_ONLY=true
check "Git Bash: PATH entry converted by cygpath -w" contains "$work/windows.path" "^WINDOWS:$work/cache/windows$"

# 9. changed-only on a pull request: a problem already on the base branch is not reported,
# the one the pull request adds is, both for a full clone (the merge commit's first parent)
# and a shallow one (the base commit fetched by its id).
kb="$work/kb"
cp -r "$repo/tests/fixtures/clean" "$kb"
git_kb() { git -C "$kb" -c user.name=t -c user.email=t@example.org "$@"; }
git_kb init -q -b main
printf -- '---\ntitle: Oud\nstatus: nonsense\n---\nBody.\n' >"$kb/content/themes/oud.md"
git_kb add -A
git_kb commit -q -m base
base="$(git_kb rev-parse HEAD)"
git_kb checkout -q -b change
printf -- '---\ntitle: Nieuw\nstatus: nonsense\n---\nBody.\n' >"$kb/content/themes/nieuw.md"
git_kb add -A
git_kb commit -q -m change
git_kb checkout -q main
git_kb merge -q --no-ff -m merge change
run_action pr PIONEERS_WORKING_DIRECTORY="$kb" PIONEERS_CHANGED_ONLY=true GITHUB_EVENT_NAME=pull_request
check "changed-only: exit 1 for the new error" status_is pr 1
check "changed-only: reports the new file" contains "$work/pr.out" "file=content/themes/nieuw.md"
check "changed-only: not the old one" lacks "$work/pr.out" "file=content/themes/oud.md"
check "changed-only: compares with the base" contains "$work/pr.out" "--changed-since $base"
check "changed-only: summary says so" contains "$work/pr.md" "what this pull request changed or broke (since ${base:0:7})"
git -C "$kb" config uploadpack.allowAnySHA1InWant true # as GitHub allows
git clone -q --depth 1 "file://$kb" "$work/shallow"
run_action shallow PIONEERS_WORKING_DIRECTORY="$work/shallow" PIONEERS_CHANGED_ONLY=true \
  GITHUB_EVENT_NAME=pull_request PIONEERS_BASE_SHA="$base"
check "shallow: reports the new file" contains "$work/shallow.out" "file=content/themes/nieuw.md"
check "shallow: not the old one" lacks "$work/shallow.out" "file=content/themes/oud.md"
run_action push PIONEERS_WORKING_DIRECTORY="$kb" PIONEERS_CHANGED_ONLY=true GITHUB_EVENT_NAME=push
check "push: everything is checked" contains "$work/push.out" "file=content/themes/oud.md"
check "push: whole knowledge base in the summary" contains "$work/push.md" "the whole knowledge base"

echo "action script: $passed passed, $failed failed"
[[ $failed == 0 ]]
