#!/usr/bin/env python3
"""Merge-quality table: the independent audit over the seeds and the corpus groups.

    test/bench/merge_audit.py build/agentmerge [../shared]

Runs `agentmerge merge` on
  - the five seeds, without and with `--budget 2500`;
  - every group of 3+ files of ../shared/corpus that share a frontmatter name;
and audits each output with ../shared/tools/merge_audit.py (coverage of the
sources' content units, redundant and subsumed output pairs, size as a
multiple of the largest source). For the budget run it also counts the
source units said by 2+ seeds (a unit of another seed at the audit's
similarity threshold) that the output lost. Prints a Markdown table (the
one in docs/merge.md). A benchmark, not a test: nothing is asserted.
"""
import collections
import importlib.util
import os
import subprocess
import sys
import tempfile


def load_audit(shared):
    spec = importlib.util.spec_from_file_location("merge_audit", os.path.join(shared, "tools", "merge_audit.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def merge(binary, sources, out, extra=()):
    r = subprocess.run([binary, "merge", *sources, "-o", out, *extra], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"merge failed ({r.returncode}): {r.stderr.strip()[:300]}")


def source_units(audit, path):
    text = open(path, encoding="utf-8", errors="replace").read()
    fm, body = audit.split_frontmatter(text)
    fields = audit.lenient_fields(fm) if fm is not None else {}
    return audit.units_of(body) + audit.description_units(fields.get("description"))


def shared_lost(audit, merged, sources, threshold=0.8):
    """(units said by 2+ sources, how many of them the output lost)."""
    per = {s: source_units(audit, s) for s in sources}
    text = open(merged, encoding="utf-8").read()
    fm, body = audit.split_frontmatter(text)
    fields = audit.lenient_fields(fm) if fm is not None else {}
    out = audit.units_of(body) + audit.description_units(fields.get("description"))
    shared = lost = 0
    for s, units in per.items():
        for _, t in units:
            says = 1 + sum(1 for o, ou in per.items() if o != s
                           and any(audit.similarity(t, x) >= threshold for _, x in ou))
            if says < 2:
                continue
            shared += 1
            if max((audit.similarity(t, x) for _, x in out), default=0) < threshold:
                lost += 1
    return shared, lost


def row(label, n, r):
    size = r["merged_bytes"] / r["largest_source_bytes"]
    return (f"| {label} | {n} | {r['coverage']:.3f} | {len(r['redundant_pairs'])} | "
            f"{len(r['subsumed_pairs'])} | {size:.2f}x | {r['merged_bytes']:,} |"), size


def corpus_groups(audit, corpus):
    groups = collections.defaultdict(list)
    for root, _, files in os.walk(corpus):
        for f in files:
            if not f.endswith(".md"):
                continue
            p = os.path.join(root, f)
            fm, _ = audit.split_frontmatter(open(p, encoding="utf-8", errors="replace").read())
            name = (audit.lenient_fields(fm) or {}).get("name") if fm is not None else None
            if isinstance(name, str) and name.strip():
                groups[name.strip().lower()].append(p)
    return {k: sorted(v) for k, v in sorted(groups.items()) if len(v) >= 3}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.realpath(sys.argv[1])
    shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
    audit = load_audit(shared)
    seeds = sorted(os.path.join(shared, "seeds", f) for f in os.listdir(os.path.join(shared, "seeds")))
    tmp = tempfile.mkdtemp(prefix="agentmerge-audit-")
    print("| merge | sources | coverage | redundant | subsumed | size / largest | bytes |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    out = os.path.join(tmp, "seeds.md")
    merge(binary, seeds, out)
    print(row("seeds", len(seeds), audit.audit(out, seeds, 0.8))[0])
    out = os.path.join(tmp, "seeds-budget.md")
    merge(binary, seeds, out, ["--budget", "2500"])
    r = audit.audit(out, seeds, 0.8)
    text = open(out, encoding="utf-8").read()
    print(row("seeds --budget 2500", len(seeds), r)[0])
    shared_n, shared_lost_n = shared_lost(audit, out, seeds)
    covs, sizes, red, sub = [], [], 0, []
    for name, files in corpus_groups(audit, os.path.join(shared, "corpus")).items():
        out = os.path.join(tmp, name.replace("/", "_") + ".md")
        merge(binary, files, out)
        r = audit.audit(out, files, 0.8)
        line, size = row(f"corpus `{name}`", len(files), r)
        print(line)
        covs.append(r["coverage"])
        sizes.append(size)
        red += len(r["redundant_pairs"])
        sub.append(len(r["subsumed_pairs"]))
    print()
    print(f"seeds --budget 2500: {(len(text) + 3) // 4} tokens (estimated as bytes / 4); "
          f"{shared_n} source units said by 2+ seeds, {shared_lost_n} of them lost")
    if covs:
        print(f"corpus groups of 3+: {len(covs)}; mean coverage {sum(covs) / len(covs):.3f}; "
              f"redundant pairs {red}; subsumed pairs per group max {max(sub)}, mean {sum(sub) / len(sub):.2f}; "
              f"mean size {sum(sizes) / len(sizes):.2f}x the largest member")


if __name__ == "__main__":
    main()
