#!/usr/bin/env python3
"""Helps a reader judge what plancheck says about ../shared/real.

  tests/real/triage.py [--binary B] [--severity error|warning] pending
      prints every finding of that severity that tests/data/real/errors.tsv
      (errors) or warnings.tsv (warnings) has no verdict for, with its message and
      excerpt, as TSV rows ready to be judged (verdict column left empty).
  tests/real/triage.py [--binary B] stats
      per rule: findings raised, judged, confirmed, false (the table of
      docs/real-documents.md).
  tests/real/triage.py [--binary B] compare --before OLD_BINARY
      per file, the outline's disagreements with truth.tsv under an older
      plancheck and under this one (a Markdown table for docs/real-documents.md).
  tests/real/triage.py [--binary B] misreads
      writes tests/data/real/misreads.tsv from the outline's current
      disagreements with truth.tsv. Review the diff: every added line is a
      new misread.

A verdict is a reader's, never this script's: nothing here marks a finding
confirmed or false.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data", "real")
REAL = os.path.join(ROOT, "..", "shared", "real")
FIELDS = ["agency", "number", "place_date", "national_title", "motto", "type_name", "signer"]


def read_tsv(path):
    rows, cols = [], None
    if not os.path.exists(path):
        return rows
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cols is None:
            cols = cells
            continue
        rows.append(dict(zip(cols, cells + [""] * (len(cols) - len(cells)))))
    return rows


def check(binary):
    out = subprocess.run([binary, "check", "--format", "json", "--fail-on", "none", "-j", "2", REAL],
                         capture_output=True, text=True, env=dict(os.environ, PLANCHECK_RULES=os.path.join(ROOT, "rules")))
    return json.loads(out.stdout)


def findings(binary, severity):
    for f in check(binary)["files"]:
        name = os.path.basename(f["path"])
        for d in f["diagnostics"]:
            if d["severity"] == severity and d["rule"] != "input.unreadable":
                yield name, d


def verdicts(severity):
    table = "errors.tsv" if severity == "error" else "warnings.tsv"
    return {(r["file"], r["rule"], int(r["line"] or 0)): r for r in read_tsv(os.path.join(DATA, table))}


def pending(args):
    judged = verdicts(args.severity)
    print("file\trule\tline\tverdict\treason\tmessage\texcerpt")
    for name, d in findings(args.binary, args.severity):
        if (name, d["rule"], d["line"]) in judged:
            continue
        excerpt = (d.get("excerpt") or "").replace("\t", " ").replace("\n", " ")[:160]
        print(f"{name}\t{d['rule']}\t{d['line']}\t\t\t{d['message']}\t{excerpt}")


def stats(args):
    for severity in ("error", "warning"):
        judged = verdicts(severity)
        raised = collections.Counter()
        conf = collections.Counter()
        false = collections.Counter()
        for name, d in findings(args.binary, severity):
            raised[d["rule"]] += 1
            v = judged.get((name, d["rule"], d["line"]), {}).get("verdict", "")
            if v == "confirmed":
                conf[d["rule"]] += 1
            elif v == "false":
                false[d["rule"]] += 1
        print(f"\n{severity}s: rule | raised | judged | confirmed | false")
        for rule, n in raised.most_common():
            print(f"| `{rule}` | {n} | {conf[rule] + false[rule]} | {conf[rule]} | {false[rule]} |")
        print(f"| total | {sum(raised.values())} | {sum(conf.values()) + sum(false.values())} | "
              f"{sum(conf.values())} | {sum(false.values())} |")


def load_kinds():
    kinds = collections.defaultdict(set)
    for r in read_tsv(os.path.join(DATA, "kinds.tsv")):
        kinds[r["type"]].add(r["kind"])
    return kinds


def mismatches(binary, kinds, t, own_rules=False):
    """Where the outline of `binary` disagrees with truth row `t`: a list of
    (field, what the reader saw); ("outline", "json") when it printed no JSON.
    `kinds` maps a truth type to the outline kinds that stand for it.
    `own_rules`: let the binary use the rules of its own source tree (an older build)."""
    path = os.path.join(REAL, t["file"])
    env = dict(os.environ)
    if own_rules:
        env.pop("PLANCHECK_RULES", None)
    else:
        env["PLANCHECK_RULES"] = os.path.join(ROOT, "rules")
    out = subprocess.run([binary, "outline", "--format", "json", path], capture_output=True, text=True, env=env)
    try:
        o = json.loads(out.stdout)
    except ValueError:
        return [("outline", "json")]
    wrong = []
    if o.get("kind", "") not in kinds[t["type"]]:
        wrong.append(("kind", t["type"]))
    h, c = o.get("header", {}) or {}, o.get("closing", {}) or {}
    got = {"agency": h.get("agency"), "number": h.get("number"), "place_date": h.get("place_date"),
           "national_title": h.get("national_title"), "motto": h.get("motto"), "type_name": h.get("type"),
           "signer": c.get("name")}
    for f in FIELDS:
        want = t.get(f, "")
        if want in ("yes", "no") and ("yes" if got[f] else "no") != want:
            wrong.append((f, want))
    return wrong


def describe(wrong):
    """Mismatches as the outline table says them: "agency missed", "kind", "not read"."""
    words = []
    for field, want in wrong:
        if field == "outline":
            words.append("not read")
        elif field == "kind":
            words.append("kind")
        else:
            words.append(field.replace("_", "-") + (" missed" if want == "yes" else " invented"))
    return ", ".join(words) or "—"


# The kinds plancheck 0.1.0 (before the kinds of Decree 30 Appendix III) told.
OLD_KINDS = collections.defaultdict(lambda: {"other", "unknown"}, {
    "ke hoach": {"plan"}, "bao cao": {"report"}, "cong van": {"letter"}, "quyet dinh": {"decision"},
    "chuong trinh": {"programme"}, "nghi quyet": {"resolution"}, "chi thi": {"directive"}})


def compare(args):
    kinds = load_kinds()
    print("| file | layout | wrong before | wrong now |")
    print("|---|---|---|---|")
    for t in read_tsv(os.path.join(DATA, "truth.tsv")):
        if t.get("usable") != "yes" or not os.path.exists(os.path.join(REAL, t["file"])):
            continue
        before = describe(mismatches(args.before, OLD_KINDS, t, own_rules=True))
        now = describe(mismatches(args.binary, kinds, t))
        print(f"| {t['file'][:40]} | {t['layout']} | {before} | {now} |")


def misreads(args):
    kinds = load_kinds()
    rows = []
    for t in read_tsv(os.path.join(DATA, "truth.tsv")):
        if t.get("usable") != "yes" or not os.path.exists(os.path.join(REAL, t["file"])):
            continue
        rows += [(t["file"], field, want) for field, want in mismatches(args.binary, kinds, t)]
    with open(os.path.join(DATA, "misreads.tsv"), "w", encoding="utf-8") as out:
        out.write("# Known disagreements of `plancheck outline` with truth.tsv (what the reader saw).\n")
        out.write("# Written by tests/real/triage.py misreads; tests/real/real_documents_test.cpp keeps it exact.\n")
        out.write("file\tfield\treader\n")
        for r in sorted(rows):
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} misreads", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", default=os.path.join(ROOT, "build", "checker", "plancheck"))
    p.add_argument("--severity", default="error", choices=["error", "warning"])
    p.add_argument("--before", help="an older plancheck binary, for compare")
    p.add_argument("command", choices=["pending", "stats", "misreads", "compare"])
    args = p.parse_args()
    if not os.path.isdir(REAL):
        sys.exit("../shared/real is not present")
    {"pending": pending, "stats": stats, "misreads": misreads, "compare": compare}[args.command](args)


if __name__ == "__main__":
    main()
