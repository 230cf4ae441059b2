#!/usr/bin/env python3
"""Validate the ICD-10 reference tables in this directory.

Usage: python3 check.py            (run from any directory)

Checks icd10.tsv against chapters.tsv:
  * exact header lines
  * every row has 5 non-empty, tab-free, whitespace-trimmed fields
  * codes are unique and match ^[A-Z][0-9]{2}(\\.[0-9X])?$
  * level is "category" for 3-character codes, "subcategory" for 4-character ones
  * every 4-character code has its 3-character parent in the file
  * the chapter column matches the chapter whose range (chapters.tsv) holds the code
  * chapter ranges do not overlap, and every chapter has at least one category
  * a set of codes the platform relies on (chronic-disease and referral lists) is present
Prints counts per chapter and exits non-zero on any failure.
"""
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ICD_HEADER = ["code", "level", "chapter", "name_zh", "name_en"]
CH_HEADER = ["chapter", "range", "name_zh", "name_en"]
CODE_RE = re.compile(r"^[A-Z][0-9]{2}(\.[0-9X])?$")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
         "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
         "XXI", "XXII"]


def _subs(cat, digits):
    return [f"{cat}.{d}" for d in digits]


# Codes other parts of the platform (chronic-disease registers, referral
# forms) depend on. Removing one of these by accident should fail the check.
REQUIRED = (
    ["I10", "I11", "I12", "I13", "I15", "E10", "E11", "E12", "E13", "E14",
     "I20", "I21", "I22", "I23", "I24", "I25", "I48", "I50",
     "I60", "I61", "I62", "I63", "I64", "I65", "I66", "I67", "I68", "I69",
     "J44", "J45", "J18", "N18", "E78", "C16", "C18", "C22", "C34", "C50",
     "S72", "O14", "O24", "U07"]
    + _subs("I11", "09") + _subs("I12", "09") + _subs("I13", "0129")
    + _subs("I15", "01289")
    + [c for e in ("E10", "E11", "E12", "E13", "E14") for c in _subs(e, "0123456789")]
    + _subs("I20", "0189") + _subs("I21", "012349") + _subs("I22", "0189")
    + _subs("I23", "01234568") + _subs("I24", "0189") + _subs("I25", "012345689")
    + _subs("I60", "0123456789") + _subs("I61", "012345689") + _subs("I62", "019")
    + _subs("I63", "012345689") + _subs("I65", "012389")
    + _subs("I66", "0123489") + _subs("I67", "0123456789") + _subs("I68", "0128")
    + _subs("I69", "012348")
    + _subs("J44", "0189") + _subs("J45", "0189") + _subs("I50", "019")
    + _subs("I48", "012349") + _subs("N18", "123459") + _subs("J18", "01289")
    + _subs("E78", "012345689") + _subs("C34", "012389") + _subs("C16", "012345689")
    + _subs("C22", "0123479") + _subs("C18", "0123456789") + _subs("C50", "012345689")
    + _subs("S72", "01234789") + _subs("O14", "0129") + _subs("O24", "012349")
    + _subs("U07", "012")
)


def read_tsv(name, header):
    path = os.path.join(HERE, name)
    errors = []
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        errors.append(f"{name}: file does not end with a newline")
    if not lines or lines[0].split("\t") != header:
        errors.append(f"{name}: header must be {' <TAB> '.join(header)!r}")
        return rows, errors
    for n, line in enumerate(lines[1:], start=2):
        if line.endswith("\r"):
            errors.append(f"{name}:{n}: CRLF line ending")
            line = line[:-1]
        fields = line.split("\t")
        if len(fields) != len(header):
            errors.append(f"{name}:{n}: expected {len(header)} fields, got {len(fields)}")
            continue
        for h, v in zip(header, fields):
            if not v.strip():
                errors.append(f"{name}:{n}: empty {h}")
            elif v != v.strip():
                errors.append(f"{name}:{n}: leading/trailing whitespace in {h}")
        rows.append((n, dict(zip(header, fields))))
    return rows, errors


def main():
    errors = []
    ch_rows, e = read_tsv("chapters.tsv", CH_HEADER)
    errors += e
    ranges = []  # (lo, hi, chapter)
    seen_ch = []
    for n, r in ch_rows:
        m = re.fullmatch(r"([A-Z][0-9]{2})-([A-Z][0-9]{2})", r["range"])
        if not m or m.group(1) > m.group(2):
            errors.append(f"chapters.tsv:{n}: bad range {r['range']!r}")
            continue
        ranges.append((m.group(1), m.group(2), r["chapter"]))
        seen_ch.append(r["chapter"])
    if seen_ch != ROMAN:
        errors.append(f"chapters.tsv: chapters must be I..XXII in order, got {seen_ch}")
    for (lo1, hi1, c1) in ranges:
        for (lo2, hi2, c2) in ranges:
            if c1 < c2 and lo1 <= hi2 and lo2 <= hi1:
                errors.append(f"chapters.tsv: ranges of {c1} and {c2} overlap")

    def chapter_of(code3):
        for lo, hi, ch in ranges:
            if lo <= code3 <= hi:
                return ch
        return None

    rows, e = read_tsv("icd10.tsv", ICD_HEADER)
    errors += e
    codes = {}
    for n, r in rows:
        code = r["code"]
        if code in codes:
            errors.append(f"icd10.tsv:{n}: duplicate code {code} (first at line {codes[code]})")
            continue
        codes[code] = n
        if not CODE_RE.match(code):
            errors.append(f"icd10.tsv:{n}: bad code format {code!r}")
            continue
        want_level = "category" if len(code) == 3 else "subcategory"
        if r["level"] != want_level:
            errors.append(f"icd10.tsv:{n}: {code} level {r['level']!r}, expected {want_level!r}")
        ch = chapter_of(code[:3])
        if ch is None:
            errors.append(f"icd10.tsv:{n}: {code} is in no chapter range")
        elif r["chapter"] != ch:
            errors.append(f"icd10.tsv:{n}: {code} chapter {r['chapter']!r}, range says {ch!r}")
    for n, r in rows:
        code = r["code"]
        if len(code) == 5 and code[:3] not in codes:
            errors.append(f"icd10.tsv:{n}: {code} has no parent category {code[:3]}")
    for code in REQUIRED:
        if code not in codes:
            errors.append(f"icd10.tsv: required code {code} missing")

    cats = Counter(r["chapter"] for _, r in rows if r["level"] == "category")
    subs = Counter(r["chapter"] for _, r in rows if r["level"] == "subcategory")
    for ch in ROMAN:
        if cats[ch] == 0:
            errors.append(f"icd10.tsv: chapter {ch} has no categories")

    print(f"{'chapter':<8}{'range':<10}{'categories':>11}{'subcategories':>15}")
    for lo, hi, ch in ranges:
        print(f"{ch:<8}{lo + '-' + hi:<10}{cats[ch]:>11}{subs[ch]:>15}")
    print(f"{'total':<18}{sum(cats.values()):>11}{sum(subs.values()):>15}")
    print(f"rows: {len(rows)}")

    if errors:
        for msg in errors[:200]:
            print("ERROR:", msg, file=sys.stderr)
        if len(errors) > 200:
            print(f"... and {len(errors) - 200} more", file=sys.stderr)
        print(f"FAILED: {len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("OK: icd10.tsv and chapters.tsv are consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
