#!/usr/bin/env bash
# `cmake --install` into a fresh prefix, then a project outside the tree
# builds against it with find_package(agentmerge CONFIG) and runs.
#   consumer.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
for f in bin/agentmerge include/agentmerge/merge.hpp include/agentmerge/version.hpp \
         lib/cmake/agentmerge/agentmergeConfig.cmake share/man/man1/agentmerge.1 \
         share/man/man1/agentmerge-merge.1 share/bash-completion/completions/agentmerge \
         share/zsh/vendor-completions/_agentmerge share/fish/vendor_completions.d/agentmerge.fish; do
  found=$(find "$tmp/prefix" -path "$tmp/prefix/${f/lib\//lib*/}" | head -1)
  [[ -n $found ]] || { echo "not installed: $f"; find "$tmp/prefix" | sed "s|$tmp/prefix/||"; exit 1; }
done
cmake -S "$here/consumer" -B "$tmp/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  > "$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/consumer" > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
out=$("$tmp/consumer/consumer")
echo "$out"
grep -q '^- Say goodbye\.$' <<< "$out" || { echo "merged text lacks the second variant's bullet"; exit 1; }
grep -q "^version $("$tmp/prefix/bin/agentmerge" --version | head -1 | cut -d' ' -f2)$" <<< "$out" \
  || { echo "library and binary disagree on the version"; exit 1; }
