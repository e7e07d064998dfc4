"""Planted defects: the slips real submissions contain, so the benchmark measures
the checker while it actually finds things (diagnostics cost time and memory).

Each function edits the paragraph list in place and returns a short label for the
manifest, or None when the document offered no place for that defect.
Numbering gaps are planted by compose.py (gap_at) because they shape the items.
"""
import os
import re

_BODY = ("para", "bullet", "sub")


def load_confusions(repo):
    """(wrong, right) pairs from rules/common/text.yaml, read without a YAML library
    (the generator uses the Python standard library only)."""
    path = os.path.join(repo, "rules", "common", "text.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return re.findall(r'\{wrong:\s*"([^"]+)",\s*right:\s*"([^"]+)"\}', text)


def _pick(rng, paras, styles, pred=lambda t: True, tries=40):
    idx = [i for i, p in enumerate(paras) if p[0] in styles]
    for _ in range(min(tries, len(idx))):
        i = rng.choice(idx)
        if pred(paras[i][1]):
            return i
    return None


def typo(rng, paras, confusions):
    """Replace a correct form by a known misspelling (whole words, as the rule matches)."""
    pairs = [(w, r) for w, r in confusions if " " in r or len(r) > 4]
    rng.shuffle(pairs)
    for wrong, right in pairs:
        i = _pick(rng, paras, _BODY, lambda t: right in t, tries=8)
        if i is not None:
            s, t, n = paras[i]
            paras[i] = (s, t.replace(right, wrong, 1), n)
            return f"typo:{wrong}"
    return None


def repeated_phrase(rng, paras):
    i = _pick(rng, paras, _BODY, lambda t: len(t.split()) > 8)
    if i is None:
        return None
    s, t, n = paras[i]
    words = t.split(" ")
    k = rng.randint(2, 3)
    at = rng.randint(1, len(words) - k - 1)
    words[at:at] = words[at:at + k]
    paras[i] = (s, " ".join(words), n)
    return "repeated-phrase"


def duplicated_citation(rng, paras):
    i = _pick(rng, paras, ("basis",))
    if i is None:
        return None
    paras.insert(i + 1, paras[i])
    return "duplicated-citation"


def truncated(rng, paras):
    i = _pick(rng, paras, ("bullet", "sub"), lambda t: t.endswith("."))
    if i is None:
        return None
    s, t, n = paras[i]
    paras[i] = (s, t[:-1] + " " + rng.choice(["hoặc", "và", "nhằm", "của các"]), n)
    return "truncated"


def eth(rng, paras):
    """U+00D0 (Icelandic Eth) typed for U+0110 Đ: looks the same, searches miss it."""
    i = _pick(rng, paras, _BODY + ("item", "header"), lambda t: "Đ" in t)
    if i is None:
        return None
    s, t, n = paras[i]
    paras[i] = (s, t.replace("Đ", "\u00d0", 1), n)
    return "eth"


def duplicate_paragraph(rng, paras):
    i = _pick(rng, paras, ("para",), lambda t: len(t) > 60)
    if i is None:
        return None
    j = rng.randint(i + 1, len(paras) - 1)
    paras.insert(j, paras[i])
    return "duplicate-paragraph"


def plant(rng, paras, confusions, rate):
    """Plants each kind of defect with probability `rate`; typos more often in long
    documents (one chance per ~40 KB). Returns the labels of what was planted."""
    done = []
    size = sum(len(p[1]) for p in paras)
    for _ in range(1 + size // 40000):
        if rng.random() < rate:
            done.append(typo(rng, paras, confusions))
    for f in (repeated_phrase, duplicated_citation, truncated, eth, duplicate_paragraph):
        if rng.random() < rate:
            done.append(f(rng, paras))
    return [d for d in done if d]
