#!/usr/bin/env python3
"""Writes a synthetic tree of agent files for scan benchmarks.

    gen_tree.py N OUTDIR [--seed S] [--lookalikes]

The tree holds N files in "families": one role each, written as 1 to 6
variants the way real collections duplicate agents: exact copies, the same
name reworded (some bullets dropped, replaced or reordered), renamed variants
(a prefix, or a generic suffix like "-pro"), in Claude, opencode and Copilot
formats, spread over collections of at most 500 files per folder. About a
third of the families are singletons. The words come from a made-up
vocabulary, so no real text is involved and every run with the same seed
writes the same bytes. OUTDIR/truth.tsv maps each file to its family, for
checking the clusters. Files are 2 to 5 KB, like real agent files.

With --lookalikes, every third family has a look-alike: another family
(another role, so another truth id) named for a different job on the same
field ("<field>-engineer" and "<field>-scientist") that shares half its
sections word for word (the shared boilerplate of real collections) and
says its own things in the rest. Clusters must keep the two apart.
"""
import os
import random
import sys

SYLLABLES = ["ka", "lo", "mi", "ra", "te", "vu", "zen", "dor", "pli", "sto", "gra", "fen",
             "bri", "qua", "nex", "tor", "vel", "shi", "mar", "cos", "pin", "dra", "lum", "ost"]
ROLE_WORDS = ["architect", "reviewer", "auditor", "tester", "designer", "planner", "analyst",
              "writer", "optimizer", "debugger", "modeler", "migrator", "integrator"]
GENERIC = ["pro", "expert", "specialist", "engineer"]
PREFIXES = ["team", "core", "acme", "cloud", "ops"]
SECTIONS = ["Focus Areas", "Approach", "Output", "Checklist", "Constraints", "Examples"]
# Job titles of different jobs (the scan's title classes), as look-alike pairs.
JOB_PAIRS = [("engineer", "scientist"), ("architect", "developer"), ("analyst", "engineer"),
             ("troubleshooter", "automator"), ("auditor", "engineer"), ("reviewer", "writer")]


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def make_family(rng, vocab, index):
    topic = [rng.choice(vocab) for _ in range(3)]
    name = f"{topic[0]}-{rng.choice(ROLE_WORDS)}-{index}"
    sections = []
    for title in rng.sample(SECTIONS, 4):
        bullets = [" ".join(rng.choice(vocab) for _ in range(rng.randint(6, 14)))
                   for _ in range(rng.randint(4, 8))]
        sections.append((title, bullets))
    description = " ".join(rng.choice(vocab) for _ in range(25))
    return {"name": name, "description": description, "sections": sections}


def lookalike(rng, vocab, fam, index):
    """Renames `fam` for one job of a pair and returns its look-alike family:
    the same field, the other job, half of the sections shared verbatim."""
    first, second = rng.choice(JOB_PAIRS)
    field = f"{fam['name'].split('-')[0]}{index}"
    fam["name"] = f"{field}-{first}"
    twin = make_family(rng, vocab, index)
    keep = len(fam["sections"]) // 2
    sections = fam["sections"][:keep] + twin["sections"][keep:]
    return dict(twin, name=f"{field}-{second}", sections=sections)


def reword(rng, vocab, fam):
    """Same role, edited: drop, replace and reorder some bullets."""
    sections = []
    for title, bullets in fam["sections"]:
        out = []
        for b in bullets:
            r = rng.random()
            if r < 0.15:
                continue
            if r < 0.35:
                words = b.split()
                for i in rng.sample(range(len(words)), max(1, len(words) // 3)):
                    words[i] = rng.choice(vocab)
                b = " ".join(words)
            out.append(b)
        rng.shuffle(out)
        sections.append((title, out or bullets[:1]))
    return dict(fam, sections=sections)


def render(fam, name, fmt):
    body = [f"# {name.replace('-', ' ').title()}", "", fam["description"] + ".", ""]
    for title, bullets in fam["sections"]:
        body += [f"## {title}", ""] + [f"- {b}" for b in bullets] + [""]
    text = "\n".join(body)
    if fmt == "claude":
        fm = f"---\nname: {name}\ndescription: {fam['description']}\ntools: Read, Grep, Bash\n---\n\n"
    elif fmt == "opencode":
        fm = (f"---\ndescription: {fam['description']}\nmode: subagent\n"
              "tools:\n  bash: true\n  edit: false\n---\n\n")
    else:
        fm = f"---\nname: {name}\ndescription: {fam['description']}\ntools: ['read', 'search']\n---\n\n"
    return fm + text


def path_for(fmt, name, collection, mirror):
    base = f"collection-{collection:04d}" + ("-mirror%d" % mirror if mirror else "")
    if fmt == "opencode":
        return os.path.join(base, ".opencode", "agent", f"{name}.md")
    if fmt == "copilot":
        return os.path.join(base, "agents", f"{name}.agent.md")
    return os.path.join(base, ".claude", "agents", f"{name}.md")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, outdir = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rng = random.Random(seed)
    vocab = sorted({word(rng) for _ in range(20000)})
    lookalikes = "--lookalikes" in sys.argv
    written, family, truth = 0, 0, []
    per_collection = 500
    pending = None  # the look-alike family to write next
    while written < n:
        if pending is not None:
            fam, pending = pending, None
        else:
            fam = make_family(rng, vocab, family)
            if lookalikes and family % 3 == 0:
                pending = lookalike(rng, vocab, fam, family)
        size = 1 if rng.random() < 0.33 else rng.randint(2, 6)
        for v in range(min(size, n - written)):
            kind = rng.random() if v > 0 else 1.0
            variant, name = fam, fam["name"]
            if kind < 0.25:
                pass  # exact copy (another collection)
            elif kind < 0.6:
                variant = reword(rng, vocab, fam)
            elif kind < 0.8:
                variant = reword(rng, vocab, fam)
                name = f"{rng.choice(PREFIXES)}-{name}"
            elif kind < 1.0:
                variant = reword(rng, vocab, fam)
                name = f"{name}-{rng.choice(GENERIC)}"
            fmt = "claude" if kind == 1.0 or kind < 0.25 else rng.choice(["claude", "opencode", "copilot"])
            mirror = 0
            rel = path_for(fmt, name, written // per_collection, mirror)
            while os.path.exists(os.path.join(outdir, rel)):  # a copy in a mirror collection
                mirror += 1
                rel = path_for(fmt, name, written // per_collection, mirror)
            full = os.path.join(outdir, rel)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(render(variant, name, fmt))
            truth.append(f"{rel}\t{family}")
            written += 1
        family += 1
    with open(os.path.join(outdir, "truth.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(truth) + "\n")
    print(f"wrote {written} files in {family} families to {outdir}")


if __name__ == "__main__":
    main()
