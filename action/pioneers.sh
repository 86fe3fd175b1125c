#!/usr/bin/env bash
# The GitHub Action's work (action.yml runs this with `shell: bash` on Linux, macOS and
# Windows runners): pick the release archive for the runner's OS and architecture, download it
# with its .sha256, verify the checksum, install the binary (once per version: the folder is
# cached), put it on the PATH, and run `pioneers validate --format github`, which annotates
# each problem on its line. On a pull request with changed-only, only what the pull request
# changed or broke is reported. A short Markdown summary goes to the job summary.
#
# Inputs (environment; action.yml maps its inputs onto them):
#   PIONEERS_VERSION         release to install, `0.2.0` or `v0.2.0` (required)
#   PIONEERS_REPOSITORY      owner/name on GitHub whose releases hold the archives
#   PIONEERS_DOWNLOAD_URL    base URL of the release folders instead (`…/download`, holding
#                            `v<version>/<archive>`); `file://` works, for tests and mirrors
#   PIONEERS_INSTALL_DIR     where the binary goes (default: the runner's tool cache)
#   PIONEERS_ARGS            extra arguments for validate, split on white space
#   PIONEERS_WORKING_DIRECTORY  run validate there (default: the current folder)
#   PIONEERS_CHANGED_ONLY    `true`: on a pull request, report only what it changed or broke
#   PIONEERS_BASE_SHA        the pull request's base commit (github.event.pull_request.base.sha)
#   PIONEERS_INSTALL_ONLY    `true`: install and put on the PATH, do not validate
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, RUNNER_TOOL_CACHE, GITHUB_EVENT_NAME, GITHUB_PATH,
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY: set by the runner.
#
# Exit status: that of pioneers validate (0 no errors, 1 errors, 2 it could not run), or 2
# when installing failed (unknown platform, download failed, checksum mismatch).
set -euo pipefail

# Prints an error as a workflow command (shown on the run's summary page) and exits 2.
fail() {
  echo "::error title=pioneers::$*" >&2
  exit 2
}

# The Rust target of the release archive for a runner OS and architecture, as the runner
# names them (RUNNER_OS: Linux, macOS, Windows; RUNNER_ARCH: X64, ARM64, X86, ARM).
target_for() {
  case "$1/$2" in
    Linux/X64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64) echo aarch64-unknown-linux-musl ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    Windows/X64) echo x86_64-pc-windows-msvc ;;
    *) return 1 ;;
  esac
}

# The SHA-256 of a file as 64 hex digits, with whichever tool the runner has.
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  else
    fail "neither sha256sum nor shasum is installed: cannot verify the download"
  fi
}

# Downloads URL to FILE; a missing file or a server error fails.
download() {
  curl --fail --location --silent --show-error --retry 3 --output "$2" "$1" ||
    fail "cannot download $1"
}

# Unpacks a .tar.gz or .zip ARCHIVE into DIR.
unpack() {
  case "$1" in
    *.tar.gz) tar -xzf "$1" -C "$2" ;;
    *.zip)
      if command -v unzip >/dev/null 2>&1; then
        unzip -q -o "$1" -d "$2"
      elif command -v 7z >/dev/null 2>&1; then
        7z x -y -bd "-o$2" "$1" >/dev/null
      else
        powershell -NoProfile -Command "Expand-Archive -Force -LiteralPath '$1' -DestinationPath '$2'"
      fi
      ;;
  esac
}

# Downloads the archive for TARGET and VERSION with its checksum, verifies it and installs
# the binary EXE into DIR.
install() {
  local target=$1 version=$2 exe=$3 dir=$4
  local ext=tar.gz
  [[ $target == *windows* ]] && ext=zip
  local name="pioneers-$target"
  local base="${PIONEERS_DOWNLOAD_URL:-https://github.com/${PIONEERS_REPOSITORY:-pioniersnetwerk/pioneers}/releases/download}"
  local url="$base/v$version/$name.$ext"
  local work
  work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/pioneers.XXXXXX")"
  echo "Downloading $url"
  download "$url" "$work/$name.$ext"
  download "$url.sha256" "$work/$name.$ext.sha256"
  local expected actual
  expected="$(cut -d ' ' -f 1 <"$work/$name.$ext.sha256" | tr -d '\r\n' | tr 'A-F' 'a-f')"
  actual="$(sha256_of "$work/$name.$ext")" || exit 2
  if [[ ! $expected =~ ^[0-9a-f]{64}$ ]]; then
    fail "$url.sha256 does not hold a SHA-256 checksum"
  fi
  if [[ $expected != "$actual" ]]; then
    fail "checksum mismatch for $name.$ext: expected $expected, got $actual; the download is corrupt or was tampered with, so it is not installed"
  fi
  echo "Checksum verified: $actual"
  unpack "$work/$name.$ext" "$work"
  [[ -f $work/$name/$exe ]] || fail "$name.$ext does not contain $name/$exe"
  mkdir -p "$dir"
  cp "$work/$name/$exe" "$dir/$exe"
  chmod +x "$dir/$exe"
  rm -rf "$work"
}

# The commit that a pull request is compared with: the first parent of the merge commit that
# actions/checkout checks out, else the base commit (fetched when the clone is shallow).
# Prints nothing when neither can be had.
pull_request_base() {
  if git rev-parse -q --verify 'HEAD^2' >/dev/null 2>&1; then
    git rev-parse 'HEAD^1'
    return
  fi
  local sha=${PIONEERS_BASE_SHA:-}
  [[ $sha =~ ^[0-9a-f]{40}([0-9a-f]{24})?$ ]] || return 0
  if ! git cat-file -e "$sha^{commit}" 2>/dev/null; then
    git fetch --quiet --no-tags --depth=1 origin "$sha" >/dev/null 2>&1 || return 0
  fi
  echo "$sha"
}

# Appends a Markdown summary of a validate run to the job summary, if there is one.
summarise() {
  local status=$1 errors=$2 warnings=$3 scope=$4
  [[ -n ${GITHUB_STEP_SUMMARY:-} ]] || return 0
  local plural_e=s plural_w=s verdict
  [[ $errors == 1 ]] && plural_e=
  [[ $warnings == 1 ]] && plural_w=
  case $status in
    0) verdict="passed" ;;
    1) verdict="found errors" ;;
    *) verdict="could not run (exit status $status): see the step's log" ;;
  esac
  {
    echo "### pioneers validate $verdict"
    echo
    if [[ $status == 0 || $status == 1 ]]; then
      echo "**$errors error$plural_e, $warnings warning$plural_w** in $scope."
      echo
      if [[ $((errors + warnings)) -gt 0 ]]; then
        echo "Each problem is annotated on its line (a pull request shows them under *Files changed*)."
        echo "Run \`pioneers validate\` locally for the full report with help on each."
      fi
    fi
  } >>"$GITHUB_STEP_SUMMARY"
}

# On Windows the runner passes folders as C:\…; Git Bash's tools take them best as /c/….
unix_paths() {
  command -v cygpath >/dev/null 2>&1 || return 0
  local var
  for var in RUNNER_TEMP RUNNER_TOOL_CACHE PIONEERS_INSTALL_DIR PIONEERS_WORKING_DIRECTORY; do
    [[ -n ${!var:-} ]] && export "$var=$(cygpath -u "${!var}")"
  done
  return 0
}

main() {
  unix_paths
  local version=${PIONEERS_VERSION:-}
  version=${version#v}
  [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] ||
    fail "version \`${PIONEERS_VERSION:-}\` is not a release version like 0.2.0"
  local target
  target="$(target_for "${RUNNER_OS:-}" "${RUNNER_ARCH:-}")" ||
    fail "no pioneers release for ${RUNNER_OS:-an unknown OS} on ${RUNNER_ARCH:-an unknown architecture}: prebuilt binaries exist for Linux (X64, ARM64), macOS (X64, ARM64) and Windows (X64). Elsewhere install it with \`cargo install --locked pioneers\` and run it yourself."
  local exe=pioneers
  [[ $target == *windows* ]] && exe=pioneers.exe
  local dir=${PIONEERS_INSTALL_DIR:-${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/pioneers/$version/$target}

  if [[ -x $dir/$exe ]]; then
    echo "Using the cached pioneers $version ($target)"
  else
    install "$target" "$version" "$exe" "$dir"
  fi
  local path_dir=$dir
  command -v cygpath >/dev/null 2>&1 && path_dir="$(cygpath -w "$dir")"
  [[ -n ${GITHUB_PATH:-} ]] && echo "$path_dir" >>"$GITHUB_PATH"
  [[ -n ${GITHUB_OUTPUT:-} ]] && echo "path=$path_dir" >>"$GITHUB_OUTPUT"
  "$dir/$exe" --version
  [[ ${PIONEERS_INSTALL_ONLY:-false} == true ]] && return 0

  cd "${PIONEERS_WORKING_DIRECTORY:-.}"
  local args=(validate --format github)
  local scope="the whole knowledge base"
  if [[ ${PIONEERS_CHANGED_ONLY:-false} == true && ${GITHUB_EVENT_NAME:-} == pull_request ]]; then
    local base
    base="$(pull_request_base)"
    if [[ -n $base ]]; then
      args+=(--changed-since "$base")
      scope="what this pull request changed or broke (since ${base:0:7})"
    else
      echo "::warning title=pioneers::cannot find the pull request's base commit, so everything is checked"
    fi
  fi
  local extra=()
  read -r -a extra <<<"${PIONEERS_ARGS:-}" || true
  args+=(${extra[@]+"${extra[@]}"}) # (bash 3.2 on macOS: an empty array is "unbound")

  echo "pioneers ${args[*]}"
  local out status=0
  out="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/pioneers-out.XXXXXX")"
  "$dir/$exe" "${args[@]}" >"$out" || status=$?
  cat "$out"
  local errors warnings
  errors="$(grep -c '^::error ' "$out" || true)"
  warnings="$(grep -c '^::warning ' "$out" || true)"
  rm -f "$out"
  summarise "$status" "$errors" "$warnings" "$scope"
  return "$status"
}

main "$@"
