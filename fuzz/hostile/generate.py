#!/usr/bin/env python3
"""Writes the large hostile inputs of issue 17 into a folder (they are too big
to keep in git). Each one once crashed, hung or exhausted memory; the
regression test (tests/pipeline/hostile_budget_test.cpp) reads them through
the pipeline and requires a result within a time budget.

usage: generate.py OUTDIR [SCALE]   (SCALE 1.0 = the sizes of the issue)
"""
import os
import sys


def cases(scale):
    n = lambda k: max(1, int(k * scale))
    yield "md-items.md", "- mục\n" * n(10**6)
    yield "md-paragraphs.md", "Đoạn văn.\n\n" * n(10**6)
    yield "md-stars.md", "*" * n(10**6) + "\n"
    yield "md-dashes.md", "- " * 256 + "x\n"
    yield "md-quotes.md", "> " * 300 + "x\n"
    yield "md-ordered.md", "".join("   " * i + "1. mục\n" for i in range(300))
    yield "md-table.md", "|" + "a|" * n(10**5) + "\n|" + "-|" * n(10**5) + "\n"
    yield "html-div.html", "<div>" * n(10**6) + "x"
    yield "html-b.html", "<b>" * n(10**6) + "x"
    yield "html-li.html", "<ul>" + "<li>mục" * n(10**6)
    yield "html-p.html", "<p>đoạn" * n(10**6)
    yield "html-custom.html", "<x-a>" * n(10**5) + "x"
    yield "txt-so.txt", "Quyết định số 1/" + "số " * n(300000) + "\n"
    yield "txt-cancu.txt", "".join(f"Căn cứ Nghị định số {i % 900 + 1}/2020/NĐ-CP của Chính phủ;\n" for i in range(n(200000)))
    yield "txt-typos.txt", "thựcc hiênn " * n(6250) + "\n"
    yield "txt-headings.txt", "I. MỤC TIÊU\n" * n(10**6)


def main():
    out = sys.argv[1]
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    os.makedirs(out, exist_ok=True)
    for name, text in cases(scale):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
