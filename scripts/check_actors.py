#!/usr/bin/env python3
"""Checks the actor lexicons: data/organizations.tsv, data/media.tsv and data/people.tsv.

Usage: scripts/check_actors.py [DATA_DIR]      (default: the data/ directory next to scripts/)

What it checks, per file and across the three files:
- `#` comment lines come first, then a header naming exactly the expected columns, and every
  row has as many cells as the header;
- rows are sorted by `id` in byte order, and no `id` appears twice (within or across files);
- ids are `<prefix>:<slug>` with the file's prefix (org, media, person) and a slug of [a-z0-9-];
- `kind` is one the file allows, `country` is empty or an ISO-style two-letter code, `name_en`
  is given, `flags` are `common_word` or `ambiguous`;
- the name and every alias are non-empty after normalization, contain no Persian/Urdu letters
  or invisible characters, and no alias repeats the name or another alias of the same entry;
- no normalized name or alias is shared by two entries (across the three files) unless one of
  them carries the `ambiguous` flag;
- roles read as `title`, `title@YYYY-` or `title@YYYY-YYYY`, with from <= to.

Normalization (as the loader folds names): Arabic diacritics U+064B–U+065F and U+0670 and the
tatweel removed; أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي; Arabic-Indic digits → ASCII; runs of
whitespace → one space.

Exits 0 when clean, 1 when a problem was found (each printed as `file:line: message`).
"""

import re
import sys
from pathlib import Path

FILES = {
    # file name: (columns, id prefix, allowed kinds)
    "organizations.tsv": (
        ["id", "kind", "country", "name", "name_en", "aliases", "flags"],
        "org",
        {"organization", "armed_force", "armed_group"},
    ),
    "media.tsv": (
        ["id", "kind", "country", "name", "name_en", "aliases", "flags"],
        "media",
        {"media"},
    ),
    "people.tsv": (
        ["id", "kind", "country", "name", "name_en", "aliases", "roles", "flags"],
        "person",
        {"person"},
    ),
}
FLAGS = {"common_word", "ambiguous"}

DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
     **{chr(0x0660 + d): str(d) for d in range(10)}}
)
# Persian/Urdu letter forms (پ چ ژ گ ک ی ۀ …; ڤ is allowed) and invisible controls have no place in the data.
FORBIDDEN = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0\u06d2\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
ROLE = re.compile(r"^(?P<title>[^@]+?)(?:@(?P<from>\d{4})-(?P<to>\d{4})?)?$")
ID = re.compile(r"^(?P<prefix>[a-z]+):[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


def normalize(s: str) -> str:
    """Folds a name the way the lexicon loader does, for comparing names."""
    return " ".join(DIACRITICS.sub("", s).translate(FOLD).split())


def split_list(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|")] if cell.strip() else []


def check(data_dir: Path) -> list[str]:
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    # normalized name -> list of (where, id, ambiguous)
    names: dict[str, list[tuple[str, str, bool]]] = {}

    for file_name, (columns, prefix, kinds) in FILES.items():
        path = data_dir / file_name
        if not path.exists():
            problems.append(f"{path}: missing")
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        header_at = None
        last_id = None
        for number, line in enumerate(lines, 1):
            where = f"{file_name}:{number}"
            if header_at is None:
                if line.startswith("#"):
                    continue
                header_at = number
                header = line.split("\t")
                if header != columns:
                    problems.append(f"{where}: header is {header}, expected {columns}")
                    break
                continue
            if line.startswith("#"):
                problems.append(f"{where}: comment line below the header")
                continue
            cells = line.split("\t")
            if len(cells) != len(columns):
                problems.append(f"{where}: {len(cells)} cells, the header has {len(columns)}")
                continue
            row = dict(zip(columns, cells))
            for column, value in row.items():
                if value != value.strip():
                    problems.append(f"{where}: `{column}` has leading or trailing spaces")

            id_ = row["id"]
            m = ID.match(id_)
            if not m or m.group("prefix") != prefix:
                problems.append(f"{where}: id `{id_}` is not `{prefix}:<slug>` with a slug of [a-z0-9-]")
            if id_ in seen_ids:
                problems.append(f"{where}: duplicate id `{id_}` (first at {seen_ids[id_]})")
            else:
                seen_ids[id_] = where
            if last_id is not None and id_.encode() <= last_id.encode():
                problems.append(f"{where}: `{id_}` is not sorted after `{last_id}` (byte order)")
            last_id = id_

            if row["kind"] not in kinds:
                problems.append(f"{where}: kind `{row['kind']}` is not one of {sorted(kinds)}")
            if row["country"] and not COUNTRY.match(row["country"]):
                problems.append(f"{where}: country `{row['country']}` is not an ISO alpha-2 code")
            if not row["name_en"].strip():
                problems.append(f"{where}: empty `name_en`")

            flags = split_list(row["flags"])
            for flag in flags:
                if flag not in FLAGS:
                    problems.append(f"{where}: unknown flag `{flag}`")
            ambiguous = "ambiguous" in flags

            own: dict[str, str] = {}
            for label, value in [("name", row["name"])] + [("alias", a) for a in split_list(row["aliases"])]:
                folded = normalize(value)
                if not folded:
                    problems.append(f"{where}: {label} `{value}` is empty after normalization")
                    continue
                if FORBIDDEN.search(value):
                    problems.append(f"{where}: {label} `{value}` has a Persian/Urdu letter or an invisible character")
                if folded in own:
                    problems.append(f"{where}: {label} `{value}` repeats `{own[folded]}` after normalization")
                    continue
                own[folded] = value
                names.setdefault(folded, []).append((where, id_, ambiguous))

            if "roles" in row:
                for role in split_list(row["roles"]):
                    rm = ROLE.match(role)
                    if not rm or not normalize(rm.group("title")):
                        problems.append(f"{where}: role `{role}` is not `title`, `title@YYYY-` or `title@YYYY-YYYY`")
                        continue
                    if FORBIDDEN.search(role):
                        problems.append(f"{where}: role `{role}` has a Persian/Urdu letter or an invisible character")
                    start, end = rm.group("from"), rm.group("to")
                    if start and end and int(start) > int(end):
                        problems.append(f"{where}: role `{role}` ends before it starts")
        if header_at is None:
            problems.append(f"{file_name}: no header line")

    for folded, holders in sorted(names.items()):
        ids = {h[1] for h in holders}
        if len(ids) > 1 and not any(h[2] for h in holders):
            listing = ", ".join(f"{i} ({w})" for w, i, _ in holders)
            problems.append(f"{holders[0][0]}: `{folded}` is a name of several entries: {listing}")
    return problems


def main() -> int:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "data"
    problems = check(data_dir)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("actor lexicons: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
