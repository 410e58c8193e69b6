#!/usr/bin/env bash
# Builds OpenCC, the C++ engine zhnorm reproduces, as the reference the tests
# and benchmarks compare with, plus occpeer (occpeer.cpp beside this script),
# the harness that runs OpenCC's library in-process.
#
#   tools/opencc/build.sh [OUTDIR]
#
# OUTDIR defaults to $ZHNORM_OPENCC_DIR, else ~/.cache/zhnorm/opencc-1.4.2.
# A first build takes under a minute on 2 cores (42 s here); a rerun only
# redoes what is missing or out of date (occpeer when occpeer.cpp changed),
# in a few seconds at most.
#
# What it leaves in OUTDIR:
#   package/      the npm package opencc@$OPENCC_VERSION, unpacked: OpenCC's
#                 sources (src/), data/config, data/dictionary/*.txt, LICENSE
#   src           -> package/src: the library's headers, for a harness
#   data          -> package/prebuilds/assets: the configs and every .ocd2
#   obj/          object files
#   libopencc.a   the library (-O3)
#   opencc        the command:
#                   OUTDIR/opencc -c OUTDIR/data/s2t.json -i in.txt -o out.txt
#                 (dictionaries marked "may_output_tofu" are loaded only with
#                 --include-tofu-risk-dictionaries; the library loads them
#                 by default)
#   opencc_dict   converts dictionaries between text and ocd2
#   occpeer       the harness (see the header of occpeer.cpp)
#
# Why from source: the npm package ships OpenCC's C++ sources and the built
# data, which is all that is needed; its prebuilt Node addon wants a newer
# libstdc++ than Debian 12's, and Debian's own opencc is 1.1. The library is
# built against Debian's marisa, rapidjson, tclap and darts instead of the
# copies upstream vendors. Debian's darts is the original Darts 0.32, not
# darts-clone, and lacks DoubleArray::validate(); this script drops the two
# calls to it, which only the loader of the legacy .ocd format reaches (no
# config of 1.4.2 uses .ocd; they use .ocd2, read through marisa).
#
# Installs missing build dependencies with apt-get (as root, or with sudo -n).
# Needs the npm registry and Debian's archive, nothing else. Reads no stdin.
set -Eeuo pipefail

OPENCC_VERSION=1.4.2

prog=tools/opencc/build.sh
die() {
  echo "$prog: error: $*" >&2
  exit 1
}
trap 'die "command failed (line $LINENO, exit $?): $BASH_COMMAND"' ERR

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
harness=$here/occpeer.cpp
[ -f "$harness" ] || die "missing $harness"
[ $# -le 1 ] || die "usage: $prog [OUTDIR]"
home=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
out=${1:-${ZHNORM_OPENCC_DIR:-$home/.cache/zhnorm/opencc-$OPENCC_VERSION}}
mkdir -p "$out" || die "cannot create $out"
out=$(cd "$out" && pwd)

# One build at a time in an OUTDIR.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$out/.build.lock"
  flock 9
fi

step() { echo "== $*"; }

# --- build dependencies --------------------------------------------------------
# Debian package for each header or command the build uses.
need=()
for p in g++ binutils libmarisa-dev rapidjson-dev libtclap-dev darts; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]} (apt-get)"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    die "missing Debian packages: ${need[*]}; as root: apt-get update && apt-get install -y ${need[*]}"
  fi
  log=$(mktemp)
  if ! { "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
    </dev/null >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -f "$log"
    die "apt-get could not install ${need[*]}"
  fi
  rm -f "$log"
fi

# --- sources: the npm package --------------------------------------------------
pkg=$out/package
if [ ! -f "$pkg/package.json" ]; then
  step "fetching opencc@$OPENCC_VERSION (npm pack)"
  tmp=$(mktemp -d "$out/.fetch.XXXXXX")
  (cd "$tmp" && npm pack --silent --no-update-notifier "opencc@$OPENCC_VERSION" </dev/null >/dev/null) ||
    die "npm pack opencc@$OPENCC_VERSION failed (is the npm registry reachable?)"
  tar -xzf "$tmp/opencc-$OPENCC_VERSION.tgz" -C "$tmp" || die "cannot unpack opencc-$OPENCC_VERSION.tgz"
  rm -rf "$pkg"
  mv "$tmp/package" "$pkg"
  rm -rf "$tmp"
fi
got=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$pkg/package.json")
[ "$got" = "$OPENCC_VERSION" ] || die "$pkg holds opencc $got, not $OPENCC_VERSION: remove $out and rerun"
src=$pkg/src

# Drop the validate() calls Debian's darts cannot serve (see the top).
darts=$src/DartsDict.cpp
validate='if (!internal->doubleArray->validate(static_cast<Darts::DoubleArray::value_type>('
if grep -qF "$validate" "$darts"; then
  sed -i 's|if (!internal->doubleArray->validate(static_cast<Darts::DoubleArray::value_type>(|if (/* zhnorm build.sh: no validate() in Debian darts */ false \&\& ((|' "$darts"
fi
! grep -qF 'doubleArray->validate(' "$darts" || die "$darts still calls validate(), which Debian's darts lacks"

ln -sfn "$src" "$out/src"
ln -sfn "$pkg/prebuilds/assets" "$out/data"
[ -f "$out/data/s2t.json" ] || die "no configs in $out/data"

# --- the library -----------------------------------------------------------------
# LIBOPENCC_SOURCES of src/CMakeLists.txt, with the Darts ones it adds.
lib_sources=(
  BinaryDict Config Conversion ConversionAmbiguities ConversionCandidates
  ConversionChain Converter DartsDict Dict DictConverter DictEntry DictGroup
  Lexicon MarisaDict MaxMatchSegmentation PhraseExtract PipelineConverter
  PluginSegmentation PrefixMatch ResourceProvider Segmentation
  SerializableDict SerializedValues SimpleConverter SingleStageConverter
  TextDict UTF8StringSlice UTF8Util
)
cxxflags=(-O3 -DNDEBUG -std=c++17 -fPIC "-DOPENCC_VERSION=\"$OPENCC_VERSION\"" "-I$src" "-I$pkg")
libs=(-lmarisa -ldl -lpthread)
obj=$out/obj
mkdir -p "$obj"

# Objects built with other flags are rebuilt. Objects with no record of their
# flags (an OUTDIR from shared/tools/build-opencc-1.4.2.sh, same flags) are kept.
flags_now="g++ ${cxxflags[*]}"
if [ -f "$obj/.flags" ] && [ "$(cat "$obj/.flags")" != "$flags_now" ]; then
  rm -f "$obj"/*.o
fi
echo "$flags_now" >"$obj/.flags"

todo=()
for f in "${lib_sources[@]}"; do
  [ -f "$src/$f.cpp" ] || die "missing $src/$f.cpp"
  if [ ! -f "$obj/$f.o" ] || [ "$src/$f.cpp" -nt "$obj/$f.o" ]; then todo+=("$f"); fi
done
if [ ${#todo[@]} -gt 0 ]; then
  jobs=$(nproc 2>/dev/null || echo 2)
  step "compiling ${#todo[@]} of ${#lib_sources[@]} OpenCC sources, $jobs at a time"
  running=0 failed=0
  for f in "${todo[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
      wait -n || failed=1
      running=$((running - 1))
    fi
    (g++ "${cxxflags[@]}" -c "$src/$f.cpp" -o "$obj/$f.o.tmp" && mv "$obj/$f.o.tmp" "$obj/$f.o") &
    running=$((running + 1))
  done
  while [ "$running" -gt 0 ]; do
    wait -n || failed=1
    running=$((running - 1))
  done
  [ "$failed" -eq 0 ] || die "compiling OpenCC failed (g++'s messages above)"
fi

newer_than() { # newer_than TARGET FILE...: whether TARGET is missing or older than a FILE
  local t=$1 f
  shift
  [ -e "$t" ] || return 0
  for f in "$@"; do [ "$f" -nt "$t" ] && return 0; done
  return 1
}

objs=()
for f in "${lib_sources[@]}"; do objs+=("$obj/$f.o"); done
if newer_than "$out/libopencc.a" "${objs[@]}"; then
  step "archiving libopencc.a"
  rm -f "$out/libopencc.a.tmp"
  ar rcs "$out/libopencc.a.tmp" "${objs[@]}"
  mv "$out/libopencc.a.tmp" "$out/libopencc.a"
fi

# --- the commands and the harness ------------------------------------------------
link() { # link OUTPUT SOURCE...: builds OUTPUT if missing or older than a source or the library
  local target=$1
  shift
  if newer_than "$target" "$@" "$out/libopencc.a"; then
    step "linking $(basename "$target")"
    g++ "${cxxflags[@]}" -o "$target.tmp" "$@" "$out/libopencc.a" "${libs[@]}"
    mv "$target.tmp" "$target"
  fi
}
link "$out/opencc" "$src/tools/CommandLine.cpp" "$src/tools/CommandLineMain.cpp" "$src/tools/PlatformIO.cpp"
link "$out/opencc_dict" "$src/tools/DictConverter.cpp"
link "$out/occpeer" "$harness"

# --- smoke test --------------------------------------------------------------------
probe=$(mktemp)
trap 'rm -f "$probe"' EXIT
printf '汉字' >"$probe"
got=$("$out/opencc" -c "$out/data/s2t.json" -i "$probe") || die "$out/opencc does not run"
[ "$got" = "漢字" ] || die "$out/opencc converted 汉字 to '$got', not 漢字"
got=$("$out/occpeer" conv "$out/data/s2t.json" "$probe" -) || die "$out/occpeer does not run"
[ "$got" = "漢字" ] || die "$out/occpeer converted 汉字 to '$got', not 漢字"

echo "$out/opencc"
"$out/opencc" --version | grep -v '^ *$'
