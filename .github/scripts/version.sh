#!/usr/bin/env bash
# The one place that knows where the release version is written, so the crate, the action,
# the container tag and the pre-commit pin move together (RELEASING.md).
#
#   .github/scripts/version.sh check [VERSION]  every place holds VERSION (default: the one
#                                               in Cargo.toml); exit 1 naming each that does not
#   .github/scripts/version.sh set VERSION      write VERSION into every place (and Cargo.lock)
set -euo pipefail
cd "$(dirname "$0")/../.."

# Each place: a file and a sed pattern whose \1 and \3 surround the version (\2).
places=(
  'Cargo.toml|^\(version = "\)\([^"]*\)\("\)$'
  'action.yml|^\(    default: "\)\([0-9][^"]*\)\("\)$'
  'examples/github-actions.yml|\(pioniersnetwerk/pioneers@v\)\([0-9][0-9.]*\)\(\)'
  'examples/github-pages.yml|\(pioniersnetwerk/pioneers@v\)\([0-9][0-9.]*\)\(\)'
  'examples/gitlab-ci.yml|\(ghcr.io/pioniersnetwerk/pioneers:\)\([0-9][0-9.]*\)\(\)'
  'examples/pre-commit-config.yaml|\(rev: v\)\([0-9][0-9.]*\)\(\)'
  'examples/pre-commit-config.yaml|\(pioneers==\)\([0-9][0-9.]*\)\(\)'
)

# PATTERN widened to match its whole line, so that only the version is left after \2.
whole_line() {
  local pattern=$1
  [[ $pattern == ^* ]] || pattern=".*$pattern"
  [[ $pattern == *\$ ]] || pattern="$pattern.*"
  echo "$pattern"
}

current() { sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1; }

check() {
  local want=${1:-$(current)} bad=0 entry file pattern found
  for entry in "${places[@]}"; do
    file=${entry%%|*}
    pattern=${entry#*|}
    found="$(sed -n "s|$(whole_line "$pattern")|\2|p" "$file")"
    if [[ -z $found ]]; then
      echo "$file: no version found (pattern $pattern)" >&2
      bad=1
    elif [[ "$(sort -u <<<"$found")" != "$want" ]]; then
      echo "$file: has $(sort -u <<<"$found" | paste -sd, -), not $want" >&2
      bad=1
    fi
  done
  if ! grep -q "^## $want " CHANGELOG.md; then
    echo "CHANGELOG.md: no \"## $want\" section" >&2
    bad=1
  fi
  [[ $bad == 0 ]] && echo "version $want everywhere"
  return "$bad"
}

set_version() {
  local new=${1:?usage: version.sh set VERSION} entry file pattern
  [[ $new =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
    echo "$new is not a version like 0.3.0" >&2
    exit 2
  }
  for entry in "${places[@]}"; do
    file=${entry%%|*}
    pattern=${entry#*|}
    sed -i.bak "s|$pattern|\1$new\3|" "$file" && rm -f "$file.bak"
  done
  cargo update --offline --package pioneers --quiet
}

case ${1:-} in
  check) check "${2:-}" ;;
  set) set_version "${2:-}" ;;
  *)
    echo "usage: version.sh check [VERSION] | set VERSION" >&2
    exit 2
    ;;
esac
