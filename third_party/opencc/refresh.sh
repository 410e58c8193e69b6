#!/usr/bin/env bash
# Refreshes OpenCC's text dictionaries and configs from the npm package
# opencc@VERSION, which carries OpenCC's whole source tree.
#
#   third_party/opencc/refresh.sh [VERSION]     (default: the version in ./VERSION)
#
# Then run `go generate` at the module's root to rebuild the tables, and
# `go test ./...`: TestTablesUpToDate fails until the tables match the data.
# The dictionaries OpenCC generates at build time (the *Rev reversals,
# TSCharactersExt, STPhrases_GeneratedFromRegionalPhrases) are not copied:
# zhnorm's generator derives them from these files as OpenCC's build does.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${1:-$(cat "$here/VERSION")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "opencc@$version" >/dev/null && tar xzf "opencc-$version.tgz")
pkg=$tmp/package
[ -d "$pkg/data/config" ] && [ -d "$pkg/data/dictionary" ] || {
  echo "refresh.sh: opencc@$version has no data/config or data/dictionary" >&2
  exit 1
}
rm -rf "$here/config" "$here/dictionary"
mkdir -p "$here/config" "$here/dictionary"
cp "$pkg"/data/config/*.json "$here/config/"
rm -f "$here/config/opencc_config.schema.json"
cp "$pkg"/data/dictionary/*.txt "$here/dictionary/"
cp "$pkg/LICENSE" "$here/LICENSE"
echo "$version" >"$here/VERSION"
echo "OpenCC $version: $(ls "$here/config" | wc -l) configs, $(ls "$here/dictionary" | wc -l) dictionaries in $here"
