#!/usr/bin/env python3
"""Checks data/calendar.tsv against the month and weekday names of CLDR's Arabic locales.

Usage: scripts/check_calendar.py [--islamic DIR] [CALENDAR_TSV]

What it checks:
- every Gregorian month name of CLDR's Arabic locales (wide and abbreviated, format and
  stand-alone forms, read with babel) is in the file under the same month number: ar (the
  Egyptian/Gulf names), ar_SY, ar_IQ, ar_LB, ar_JO, ar_PS (the Levantine/Iraqi names), ar_DZ,
  ar_TN (the Algerian/Tunisian names), ar_MA (Morocco), ar_MR (Mauritania), ar_EG;
- every weekday name of those locales is in the file under its ISO number (Monday = 1);
- every Hijri month name of CLDR's islamic calendar is in the file under its number, when the
  JSON of the npm package `cldr-cal-islamic-full` is at hand (`--islamic DIR`, the package's
  folder, e.g. node_modules/cldr-cal-islamic-full; `npm pack cldr-cal-islamic-full` fetches it);
  without it this part is skipped, and said so;
- no name of the file stands for a different number in CLDR (a month name under the wrong
  month);
- the names the file adds to CLDR's (newsroom spellings such as يونيه، تشرين أول، ذي القعدة)
  are listed, for review: they are not errors.

Names are compared after the folding the loader applies (hamza forms of alef, alef maksura, ta
marbuta, diacritics, whitespace), so "أبريل" in CLDR matches "ابريل" anywhere.

Exits 0 when nothing is missing or contradicted, 1 otherwise (each problem printed as
`calendar.tsv: message`).
"""

import argparse
import json
import re
import sys
from pathlib import Path

LOCALES = ["ar", "ar_SY", "ar_IQ", "ar_LB", "ar_JO", "ar_PS", "ar_DZ", "ar_TN", "ar_MA", "ar_MR", "ar_EG"]

DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def fold(name):
    return " ".join(DIACRITICS.sub("", name).translate(FOLD).split())


def read_calendar(path):
    """{kind: {folded name: (number, spelling, line)}} from calendar.tsv."""
    names = {}
    header = None
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        names.setdefault(row["kind"], {})[fold(row["name"])] = (int(row["number"]), row["name"], i)
    return names


def cldr_gregorian():
    """[(kind, number, name, locale)] for the Gregorian months and weekdays, from babel."""
    from babel import Locale

    out = []
    for code in LOCALES:
        loc = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in loc.months[context][width].items():
                    out.append(("month", number, name, code))
                for index, name in loc.days[context][width].items():
                    # babel numbers weekdays from Monday = 0.
                    out.append(("weekday", index + 1, name, code))
    return out


def cldr_islamic(folder):
    """[(kind, number, name, locale)] for the Hijri months, from cldr-cal-islamic-full."""
    out = []
    for code in LOCALES:
        path = folder / "main" / code.replace("_", "-") / "ca-islamic.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        months = data["main"][code.replace("_", "-")]["dates"]["calendars"]["islamic"]["months"]
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    out.append(("hijri_month", int(number), name, code))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("calendar", nargs="?", default=str(Path(__file__).resolve().parent.parent / "data" / "calendar.tsv"))
    ap.add_argument("--islamic", help="folder of the npm package cldr-cal-islamic-full")
    args = ap.parse_args()

    ours = read_calendar(Path(args.calendar))
    cldr = cldr_gregorian()
    if args.islamic:
        islamic = cldr_islamic(Path(args.islamic))
        if not islamic:
            sys.exit(f"no ca-islamic.json of the Arabic locales under {args.islamic}")
        cldr += islamic
    else:
        print("note: Hijri month names not checked (give --islamic DIR, the cldr-cal-islamic-full package)")

    problems = []
    seen = {}  # (kind, folded name) -> {number: [locales]}
    for kind, number, name, locale in cldr:
        seen.setdefault((kind, fold(name)), {}).setdefault(number, []).append(locale)
    for (kind, name), numbers in sorted(seen.items()):
        if len(numbers) > 1:
            problems.append(f"CLDR gives {name!r} several {kind} numbers: {numbers}")
            continue
        (number, locales), = numbers.items()
        if name.isdigit():  # narrow numeric forms of the islamic calendar
            continue
        mine = ours.get(kind, {}).get(name)
        where = ", ".join(sorted(set(locales)))
        if mine is None:
            problems.append(f"{kind} {number} {name!r} ({where}) is missing")
        elif mine[0] != number:
            problems.append(f"line {mine[2]}: {mine[1]!r} is {kind} {mine[0]}, CLDR ({where}) says {number}")

    checked_kinds = {"month", "weekday"} | ({"hijri_month"} if args.islamic else set())
    extra = [
        (kind, number, spelling)
        for kind in sorted(checked_kinds)
        for name, (number, spelling, _) in sorted(ours.get(kind, {}).items(), key=lambda x: (x[1][0], x[0]))
        if (kind, name) not in seen
    ]
    if extra:
        print("names beyond CLDR (newsroom spellings, for review):")
        for kind, number, spelling in extra:
            print(f"  {kind} {number} {spelling}")
    for p in problems:
        print(f"calendar.tsv: {p}")
    if problems:
        sys.exit(1)
    print(f"calendar.tsv agrees with CLDR ({len(LOCALES)} locales, {len(seen)} distinct names)")


if __name__ == "__main__":
    main()
