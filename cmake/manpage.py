#!/usr/bin/env python3
"""Writes plancheck(1), a man page made from `plancheck --help` and each
command's `--help` (run at build time, see cmake/Packaging.cmake).

Usage: manpage.py PLANCHECK VERSION OUT.1.gz

The command list is read from the top-level help, so a new command appears in
the page without an edit here. The page is gzip-compressed reproducibly (no
name, no time stamp), as Debian wants man pages.
"""
import gzip
import os
import re
import subprocess
import sys


def run_help(binary, *args):
    # A sanitizer build's leak report at exit must not fail the build of a man page.
    env = dict(os.environ, ASAN_OPTIONS=(os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":"))
    r = subprocess.run([binary, *args, "--help"], capture_output=True, text=True, timeout=60, env=env)
    if r.returncode != 0:
        sys.exit(f"manpage.py: `{binary} {' '.join(args)} --help` exited {r.returncode}: {r.stderr}")
    return r.stdout.rstrip("\n")


def esc(text):
    """A line of text for roff: backslashes and hyphens escaped, no leading control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def verbatim(block):
    """Preformatted help text: shown as printed, lines unfilled."""
    out = [".nf", ".RS 2"]
    out += [esc(line) if line.strip() else "" for line in block.split("\n")]
    out += [".RE", ".fi"]
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, version, out_path = sys.argv[1:]
    top = run_help(binary)
    # "Commands:" lists `  name   summary` lines up to the first blank line.
    commands, in_list = [], False
    for line in top.split("\n"):
        if line.startswith("Commands:"):
            in_list = True
            continue
        if in_list:
            m = re.match(r"^  ([a-z][a-z-]*)\s+(.*)$", line)
            if not m:
                break
            commands.append((m.group(1), m.group(2)))
    if not commands:
        sys.exit("manpage.py: no commands found in `plancheck --help`")
    # Environment variables: the `  NAME  text` lines after "Environment:".
    env, in_env = [], False
    for line in top.split("\n"):
        if line.startswith("Environment:"):
            in_env = True
            continue
        if in_env:
            m = re.match(r"^  ([A-Z_]+)\s+(.*)$", line)
            if not m:
                break
            env.append((m.group(1), m.group(2)))

    page = [
        f'.TH PLANCHECK 1 "" "plancheck {esc(version)}" "User Commands"',
        ".SH NAME",
        "plancheck \\- check Vietnamese administrative documents against Decree 30/2020/N\u0110\\-CP, "
        "Decision 1676/Q\u0110\\-TTg and Resolution 28\\-NQ/TW",
        ".SH SYNOPSIS",
        ".B plancheck",
        ".I command",
        "[\\fIoptions\\fR] [\\fIFILE\\fR|\\fIDIR\\fR]...",
        ".br",
        ".B plancheck",
        "\\fIFILE\\fR|\\fIDIR\\fR...",
        ".SH DESCRIPTION",
        "plancheck reads .docx, .pdf, .txt, .md and .html documents (and .doc, .rtf and .odt",
        "through LibreOffice), recognises their header, title, legal bases, sections and",
        "closing, and reports what is missing, duplicated, malformed or inconsistent, each",
        "finding with the legal basis it rests on.",
        "Findings and errors are in Vietnamese by default;",
        ".B \\-\\-lang en",
        "gives English. The option descriptions below are in English.",
        ".PP",
        "Without a command,",
        ".B plancheck",
        "checks the files and folders it is given, as",
        ".BR \"plancheck check\" .",
        ".SH COMMANDS",
    ]
    for name, summary in commands:
        page += [".TP", f".B {esc(name)}", esc(summary)]
    for name, _ in commands:
        page += [".SH " + esc(f"PLANCHECK {name.upper()}")]
        page += verbatim(run_help(binary, name))
    page += [
        ".SH EXIT STATUS",
        ".TP", ".B 0", "no finding at or above the \\-\\-fail\\-on level (default: error)",
        ".TP", ".B 1", "findings at or above that level",
        ".TP", ".B 2", "usage error, or an input that cannot be read",
        ".SH ENVIRONMENT",
    ]
    for name, text in env:
        page += [".TP", f".B {esc(name)}", esc(text)]
    page += [
        ".SH FILES",
        ".TP", ".I /usr/share/plancheck/rules", "the shipped rule sets and the registry of known legal documents (registry/)",
        ".TP", ".I /usr/lib/plancheck", "the .docx and PDF reader modules and the parsed shipped rule files (rule\\-cache/)",
        ".TP", ".I /usr/share/hunspell/vi_VN.dic", "the Vietnamese lexicon (package hunspell\\-vi) behind text.unknown\\-syllable;"
        " without it a built\\-in syllable check is used",
        ".TP", ".I ~/.cache/plancheck", "the parsed user rule files (PLANCHECK_CACHE_DIR)",
        ".TP", ".I .plancheck.yaml", "project settings, looked up from each checked file's folder upwards",
        ".TP", ".I /usr/lib/systemd/system/plancheck.service",
        "runs \\fBplancheck serve\\fR; installed, not enabled (\\fBsystemctl enable \\-\\-now plancheck\\fR)",
        ".TP", ".I /usr/share/doc/plancheck", "the documentation: rules.md, diagnostics.md, formats.md, config.md, ci.md",
        ".SH SEE ALSO",
        ".BR soffice (1),",
        ".BR hunspell (1)",
    ]
    data = ("\n".join(page) + "\n").encode("utf-8")
    with open(out_path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(data)


if __name__ == "__main__":
    main()
