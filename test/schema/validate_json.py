#!/usr/bin/env python3
"""Every JSON document agentmerge writes validates against its schema.

    validate_json.py AGENTMERGE SOURCE_DIR

Validates (1) every golden JSON under data/cases/ that names a schema (the
outputs the golden tests compare against), and (2) the JSON of each command
run here over data/ fixtures, on clean input and on input with findings,
unreadable files and refused outputs: dump, lint, scan, diff, convert,
migrate (--json) and merge/review (--report). Each document's "schema"
field ("agentmerge-<kind>/<major>") names docs/schema/<kind>.schema.json.
Exit 0 when all validate, 1 otherwise, 77 (skip) without python3-jsonschema.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed")
    sys.exit(77)

BIN, SRC = sys.argv[1], sys.argv[2]
SCHEMAS = {}
for path in glob.glob(os.path.join(SRC, "docs", "schema", "*.schema.json")):
    kind = os.path.basename(path)[: -len(".schema.json")]
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    SCHEMAS["agentmerge-%s/1" % kind] = jsonschema.Draft7Validator(schema)

failures = []
checked = {}
first = {}  # schema name -> the first document validated, for the self-check


def validate(doc, where):
    name = doc.get("schema") if isinstance(doc, dict) else None
    if name not in SCHEMAS:
        failures.append("%s: no known schema (%r)" % (where, name))
        return
    errors = sorted(SCHEMAS[name].iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:5]:
        failures.append("%s: %s at /%s" % (where, e.message[:200], "/".join(map(str, e.path))))
    checked[name] = checked.get(name, 0) + 1
    first.setdefault(name, doc)


def run(args, out_file=None):
    r = subprocess.run([BIN] + args, capture_output=True, text=True, cwd=SRC)
    if r.returncode not in (0, 1, 3):
        failures.append("agentmerge %s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr[-300:]))
        return
    text = open(out_file, encoding="utf-8").read() if out_file else r.stdout
    try:
        doc = json.loads(text)
    except ValueError as e:
        failures.append("agentmerge %s: not JSON (%s)" % (" ".join(args), e))
        return
    validate(doc, "agentmerge " + " ".join(args))


for path in sorted(glob.glob(os.path.join(SRC, "data", "cases", "**", "*.json"), recursive=True)):
    with open(path, encoding="utf-8") as f:
        try:
            doc = json.load(f)
        except ValueError:
            continue  # an input fixture (a broken Kiro file), not an output
    if isinstance(doc, dict) and str(doc.get("schema", "")).startswith("agentmerge-"):
        validate(doc, os.path.relpath(path, SRC))

seeds = sorted(glob.glob(os.path.join(SRC, "data", "backend-architect", "*.md")))
rel = [os.path.relpath(p, SRC) for p in seeds]
with tempfile.TemporaryDirectory() as tmp:
    broken = os.path.join(tmp, "broken.md")
    with open(broken, "wb") as f:
        f.write(b"---\nname: x\ndescription: y\ntools: Bsh\n---\nbody \x00 here\n")
    findings = os.path.join(tmp, "findings.md")
    with open(findings, "w") as f:
        f.write("---\nname: a:b\ntools: Bsh\nmodel: sonet\n---\n")
    for f in rel:
        run(["dump", "--json", f])
    run(["dump", "--json", findings])
    run(["lint", "--json"] + rel)
    run(["lint", "--json", findings, broken, os.path.join(tmp, "missing.md")])
    run(["scan", "--json", "data"])
    run(["scan", "--json", "data/backend-architect", broken])
    run(["diff", "--format", "json", rel[0], rel[1]])
    run(["diff", "--format", "json", "--semantic", rel[0], rel[0]])
    for target in ("opencode", "codex", "kiro", "copilot"):
        run(["convert", "--json", "--to", target, "--out", os.path.join(tmp, target)] + rel)
    run(["convert", "--json", "--to", "claude", "--out", os.path.join(tmp, "c"), broken, rel[0]])
    report = os.path.join(tmp, "r.json")
    run(["merge"] + rel + ["-o", os.path.join(tmp, "m.md"), "--report", report], report)
    run(["merge"] + rel + ["--budget", "600", "-o", os.path.join(tmp, "b.md"), "--report", report], report)
    run(["review"] + rel + ["--html", os.path.join(tmp, "r.html"), "--report", report], report)
    out = os.path.join(tmp, "out")
    run(["migrate", "--json", "--dry-run", "data", "--out", out])
    run(["migrate", "--json", "-q", "data", "--out", out])
    run(["migrate", "--json", "--check", "data", "--out", out])

# The schemas can fail: each loses a required key or gains an unknown one
# and must then be refused.
for name, doc in first.items():
    required = SCHEMAS[name].schema["required"]
    for key in required[1:2]:
        broken_doc = {k: v for k, v in doc.items() if k != key}
        if SCHEMAS[name].is_valid(broken_doc):
            failures.append("%s accepts a document without %r" % (name, key))
    if SCHEMAS[name].is_valid({**doc, "schema": "agentmerge-other/1"}):
        failures.append("%s accepts another schema name" % name)

for f in failures:
    print("FAIL", f)
print("validated:", ", ".join("%s x%d" % kv for kv in sorted(checked.items())))
missing = set(SCHEMAS) - set(checked)
if missing:
    print("FAIL no document checked for", sorted(missing))
sys.exit(1 if failures or missing else 0)
