#!/usr/bin/env python3
"""Scores scan clusters against a generated tree's truth.tsv.

    score_clusters.py SCAN.json TREE_DIR

Prints pairwise precision (linked pairs that are truly one family) and recall
(true same-family pairs that were linked), counted within clusters.
"""
import json
import os
import sys
from collections import Counter


def pairs(n):
    return n * (n - 1) // 2


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    root = sys.argv[2]
    truth = {}
    for line in open(os.path.join(root, "truth.tsv"), encoding="utf-8"):
        rel, fam = line.rstrip("\n").split("\t")
        truth[os.path.normpath(os.path.join(root, rel))] = fam
    linked = correct = 0
    for c in doc["clusters"]:
        fams = Counter(truth[os.path.normpath(m["path"])] for m in c["members"])
        linked += pairs(len(c["members"]))
        correct += sum(pairs(k) for k in fams.values())
    true_pairs = sum(pairs(k) for k in Counter(truth.values()).values())
    precision = correct / linked if linked else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    print(f"pairwise precision {precision:.4f} recall {recall:.4f} "
          f"({correct} of {linked} linked pairs correct, {true_pairs} true pairs)")


if __name__ == "__main__":
    main()
