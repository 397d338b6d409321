#!/usr/bin/env python3
"""Sorts the rows of data/*.tsv files by their first column (byte order), keeping the comment
lines and the header on top. Usage: python3 scripts/sort_tsv.py data/units.tsv [...]"""
import sys

for path in sys.argv[1:]:
    lines = open(path, encoding="utf-8").read().splitlines()
    head, rows, header_seen = [], [], False
    for line in lines:
        if not header_seen:
            head.append(line)
            if line.strip() and not line.startswith("#"):
                header_seen = True
        elif line.strip():
            rows.append(line)
    rows.sort(key=lambda r: r.split("\t")[0].encode("utf-8"))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(head + rows) + "\n")
