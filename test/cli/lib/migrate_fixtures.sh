# Shared by the migrate_*.sh and convert_*.sh tests: a small tree of agent
# files written for these tests. Source it, then call make_tree DIR.
#   DIR/team-a/api-designer.md      claude, same agent as team-b's
#   DIR/team-b/api_designer.md      claude, reworded variant
#   DIR/team-b/log-triage.md        claude, a singleton
fail() { echo "FAIL: $*" >&2; exit 1; }

make_tree() {
  local d=$1
  mkdir -p "$d/team-a" "$d/team-b"
  cat >"$d/team-a/api-designer.md" <<'MD'
---
name: api-designer
description: Designs HTTP APIs and reviews endpoint changes for consistency.
tools: Read, Grep, Glob
model: sonnet
---

You are an API designer who keeps HTTP interfaces consistent and simple.

## Focus Areas

- Resource naming and URL structure for every public endpoint
- Pagination, filtering and sorting conventions across collections
- Error responses with stable machine-readable codes

## Approach

1. Read the existing routes before proposing new ones.
2. Prefer additive changes over breaking ones.
MD
  cat >"$d/team-b/api_designer.md" <<'MD'
---
name: api_designer
description: Designs HTTP APIs and reviews endpoint changes for consistency.
tools: Read, Grep
model: sonnet
---

You are an API designer who keeps HTTP interfaces consistent and simple.

## Focus Areas

- Resource naming and URL structure for each public endpoint
- Pagination, filtering and sorting conventions across collections
- Versioning strategy and deprecation windows

## Approach

1. Read the existing routes before proposing new ones.
2. Prefer additive changes over breaking ones.
MD
  cat >"$d/team-b/log-triage.md" <<'MD'
---
name: log-triage
description: Reads failing CI logs and names the step that broke.
tools: Read, Bash
---

You read CI logs top to bottom and report the first failing step with its error.
MD
}
