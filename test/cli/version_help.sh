#!/usr/bin/env bash
# --version prints project(VERSION) from CMakeLists.txt and the libraries the
# binary was built with; usage lines name "agentmerge", not the path the
# binary was run by. Usage: version_help.sh path/to/agentmerge (from the
# source folder).
set -euo pipefail
bin=$1
want=$(sed -n 's/^project(agentmerge VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[[ -n $want ]] || { echo "no project(VERSION) in CMakeLists.txt"; exit 1; }
out=$("$bin" --version)
first=$(head -1 <<< "$out")
[[ $first == "agentmerge $want" ]] || { echo "first line '$first', wanted 'agentmerge $want'"; exit 1; }
for lib in yaml-cpp cmark utf8proc xxHash CLI11 toml++ nlohmann-json libstemmer dtl; do
  awk -v lib="$lib" '$1 == lib && $2 ~ /^[0-9]/ {found = 1} END {exit !found}' <<< "$out" \
    || { echo "--version lacks a version for $lib:"; echo "$out"; exit 1; }
done
usage=$("$bin" merge --help | grep '^Usage:')
[[ $usage == "Usage: agentmerge merge "* ]] || { echo "usage line: $usage"; exit 1; }
echo "version and usage: ok"
