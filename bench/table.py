#!/usr/bin/env python3
"""Turns bench/run's measurements (hyperfine JSON, /usr/bin/time -v output, sizes)
into the results table, prints it, and with --write inserts it at the top of the
run history in bench/RESULTS.md (after the '<!-- runs -->' marker; older runs stay
below it)."""
import argparse
import datetime
import json
import os

MB = 1024 * 1024


def load(res, name):
    with open(os.path.join(res, name + ".json"), encoding="utf-8") as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def mean(group, prefix):
    return next(r["mean"] for c, r in group.items() if c.startswith(prefix))


def cpu(group, prefix):
    """User + system CPU seconds (children included, e.g. the pandoc processes)."""
    return next(r["user"] + r["system"] for c, r in group.items() if c.startswith(prefix))


def both(group, prefix):
    return f"{secs(mean(group, prefix))} (CPU {secs(cpu(group, prefix))})"


def sd(group, prefix):
    return next(r["stddev"] or 0.0 for c, r in group.items() if c.startswith(prefix))


def read(res, name, default=""):
    try:
        with open(os.path.join(res, name), encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return default


def secs(t):
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def verdict(ok):
    return "**met**" if ok else "**not met**"


def cpu_verdict(ok):
    return "; CPU: " + ("met" if ok else "not met")


def build(a):
    res = a.results
    sizes = {}
    for line in read(res, "sizes.tsv").splitlines():
        n, path = line.split("\t")
        sizes[path] = int(n)
    size_of = lambda key: next(v for p, v in sizes.items() if p.rstrip("/").endswith(key))  # noqa: E731
    j = a.jobs
    txt, tl, dx, sm, big = (load(res, n) for n in ("txt", "textlint", "docx", "small", "big"))
    rows = []

    pc_j, pc_1, rg = mean(txt, f"plancheck -j {j}"), mean(txt, "plancheck -j 1"), mean(txt, "rg")
    txt_mb = size_of("/txt") / MB
    rows.append((f"{a.n_txt:,} .txt ({txt_mb:.0f} MB): full check vs `rg` citation scan, both {j} threads",
                 both(txt, f"plancheck -j {j}"), both(txt, "rg"),
                 f"plancheck {pc_j / rg:.1f}× slower (CPU {cpu(txt, f'plancheck -j {j}') / cpu(txt, 'rg'):.1f}×)",
                 "≤ 3× rg", verdict(pc_j <= 3 * rg) + cpu_verdict(cpu(txt, f"plancheck -j {j}") <= 3 * cpu(txt, "rg"))))

    sub_n = a.n_textlint
    pc_t, tl_t = mean(tl, "plancheck"), mean(tl, "textlint")
    found = (f"; typos found: plancheck {read(res, 'plancheck-typos.count', '?')}, "
             f"textlint {read(res, 'textlint-found.count', '?')}")
    rows.append((f"first {sub_n} .txt: full check vs textlint + prh (same typo list), both 1 process, 1 thread{found}",
                 f"{both(tl, 'plancheck')}; {pc_t / sub_n * 1000:.2f} ms/file",
                 f"{both(tl, 'textlint')}; {tl_t / sub_n * 1000:.1f} ms/file",
                 f"plancheck {tl_t / pc_t:.1f}× faster per file (CPU {cpu(tl, 'textlint') / cpu(tl, 'plancheck'):.1f}×)",
                 "≥ 20×", verdict(tl_t >= 20 * pc_t) + cpu_verdict(cpu(tl, "textlint") >= 20 * cpu(tl, "plancheck"))))

    pc_d, pd = mean(dx, "plancheck"), mean(dx, "pandoc")
    unread = int(read(res, "docx-unreadable.count", "0") or 0)
    note = f" — **{unread} of {a.n_docx} .docx unreadable in this build**" if unread else ""
    rows.append((f"{a.n_docx:,} .docx: full check (-j {j}) vs `pandoc -t plain` per file (xargs -P {j}){note}",
                 both(dx, "plancheck"), both(dx, "pandoc"),
                 f"plancheck {pd / pc_d:.1f}× faster (CPU {cpu(dx, 'pandoc') / cpu(dx, 'plancheck'):.1f}×)", "≥ 10×",
                 verdict(pd >= 10 * pc_d and not unread) +
                 (" (not measurable)" if unread else cpu_verdict(cpu(dx, "pandoc") >= 10 * cpu(dx, "plancheck")))))

    pc_s, rg_s = mean(sm, "plancheck"), mean(sm, "rg")
    rows.append((f"one {size_of('plan.txt') / 1024:.1f} KB plan end to end (process start + rule loading)",
                 f"{secs(pc_s)} ± {secs(sd(sm, 'plancheck'))} (CPU {secs(cpu(sm, 'plancheck'))})",
                 f"{both(sm, 'rg')} (rg, same file)",
                 f"{pc_s / rg_s:.1f}× rg", "< 15 ms", verdict(pc_s < 0.015) + cpu_verdict(cpu(sm, "plancheck") < 0.015)))
    if any(c.startswith("cold plancheck") for c in sm):
        cold = mean(sm, "cold plancheck")
        rows.append(("the same with `--no-cache` (every rule file parsed by yaml-cpp, as on a first run over edited or custom rules)",
                     f"{secs(cold)} ± {secs(sd(sm, 'cold plancheck'))} (CPU {secs(cpu(sm, 'cold plancheck'))})",
                     f"{both(sm, 'rg')} (rg, same file)", f"{cold / rg_s:.1f}× rg", "< 15 ms",
                     verdict(cold < 0.015) + cpu_verdict(cpu(sm, "cold plancheck") < 0.015)))

    rows.append((f"scaling on the {a.n_txt:,} .txt: -j 1 vs -j {j}", both(txt, "plancheck -j 1"),
                 both(txt, f"plancheck -j {j}"),
                 f"speed-up {pc_1 / pc_j:.2f}× on {j} cores; {txt_mb / pc_1:.1f} MB/s on 1 core, "
                 f"{txt_mb / pc_j / j:.1f} MB/s per core at -j {j} ({txt_mb / cpu(txt, f'plancheck -j {j}'):.1f} MB per CPU-second)",
                 "—", "—"))

    rss_txt = int(read(res, "rss-txt.rss", "0") or 0) / 1024
    rss_rg = int(read(res, "rss-rg.rss", "0") or 0) / 1024
    rows.append((f"peak RSS, {a.n_txt:,} .txt batch (-j {j})", f"{rss_txt:.0f} MB", f"{rss_rg:.0f} MB (rg)",
                 "", "< 64 MB", verdict(rss_txt < 64)))

    # Long report at three sizes: the two smaller ones by hyperfine, the largest
    # once by /usr/bin/time -v (which also gives its peak RSS).
    tv = {}
    for line in read(res, "rss-big.time").splitlines():
        k, _, v = line.strip().partition(": ")
        tv[k] = v
    h, m_, sec = (["0"] * 3 + tv.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0").split(":"))[-3:]
    big_wall = int(h) * 3600 + int(m_) * 60 + float(sec)
    big_cpu = float(tv.get("User time (seconds)", 0)) + float(tv.get("System time (seconds)", 0))
    pts = []
    for p in sizes:
        if "/big/" not in p:
            continue
        name = os.path.basename(p)
        if f"plancheck {name}" in big:
            pts.append((sizes[p] / MB, big[f"plancheck {name}"]["mean"], cpu(big, f"plancheck {name}")))
        else:
            pts.append((sizes[p] / MB, big_wall, big_cpu))
    pts.sort()
    rss_big = int(read(res, "rss-big.rss", "0") or 0) / 1024
    mb, t, c = pts[-1]
    rows.append((f"peak RSS, one {mb:.0f} MB .txt (--max-size 256)", f"{rss_big:.0f} MB",
                 f"checked in {secs(t)} (CPU {secs(c)})", f"{rss_big / mb:.1f} bytes of RSS per input byte",
                 "—", "—"))
    per_byte = []
    for p in sorted((p for p in sizes if "/big/" in p), key=lambda p: sizes[p]):
        b = os.path.basename(p)[:-len(".txt")]
        kb = int(read(res, f"rss-{b}.rss", "0") or 0)
        per_byte.append(f"{sizes[p] / MB:.0f} MB: {kb / 1024:.0f} MB, {kb * 1024 / sizes[p]:.1f} bytes per byte")
    rows.append(("peak RSS vs file size (one long report, each size checked, not refused)", "; ".join(per_byte),
                 "", "", "about 2 bytes per input byte", "—"))
    per_mb = [f"{m:.0f} MB: {w / m * 1000:.0f} ms/MB (CPU {cp / m * 1000:.0f})" for m, w, cp in pts]
    lin = (pts[-1][2] / pts[-1][0]) / (pts[0][2] / pts[0][0])
    rows.append(("time vs file size (one long report)", "; ".join(per_mb), "",
                 f"CPU ms/MB at largest ÷ at smallest = {lin:.2f}", "linear (≈ 1)", verdict(lin < 1.5)))

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    head = (f"## Run of {now}\n\n- machine: {a.machine}\n- commit: `{a.commit}`\n"
            f"- load average (1/5/15 min) at start / end: {a.load}\n"
            f"- command: `{a.command}` (hyperfine: mean of the runs after warm-up; "
            "output to /dev/null; `--fail-on none -q --color never`)\n\n")
    table = ["| measurement | plancheck: wall (CPU) | peer: wall (CPU) | ratio (wall; CPU) | target | verdict (wall; CPU) |",
             "|---|---|---|---|---|---|"]
    table += ["| " + " | ".join(r) + " |" for r in rows]
    return head + "\n".join(table) + "\n"


def main():
    p = argparse.ArgumentParser()
    for k in ("results", "command", "machine", "commit", "load"):
        p.add_argument("--" + k, required=True)
    for k in ("jobs", "n-txt", "n-docx", "n-textlint"):
        p.add_argument("--" + k, type=int, required=True)
    p.add_argument("--write")
    a = p.parse_args()
    text = build(a)
    print(text)
    if a.write:
        marker = "<!-- runs -->"
        old = open(a.write, encoding="utf-8").read() if os.path.exists(a.write) else f"# Benchmark results\n\n{marker}\n"
        if marker not in old:
            old += f"\n{marker}\n"
        before, after = old.split(marker, 1)
        with open(a.write, "w", encoding="utf-8") as f:
            f.write(before + marker + "\n\n" + text + after)
        print(f"table.py: written to {a.write}")


if __name__ == "__main__":
    main()
