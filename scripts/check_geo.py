#!/usr/bin/env python3
"""Check data/countries.tsv and data/places.tsv (run after scripts/build_geo.py).

Checks: header and column count; rows sorted by id (byte order) with no duplicate id within or
across the two files; the 193 UN member states + PS XK TW EH VA are present; every country's
capital exists in places.tsv; ≥ 9,000 places; kinds, coordinates and flags are valid; every name,
alias and demonym is non-empty after normalization; aliases are unique within an entry and differ
from its name; a normalized name/alias shared by two entries is allowed only if all but one carry
`ambiguous`, and never between two countries; a demonym belongs to one country only and is no
other entry's name; a place named like an actor of data/organizations.tsv, media.tsv or
people.tsv (when present) is ambiguous.  Exits 1 on the first group of failures; prints a summary line otherwise.

Uses only the standard library and geo_common.py.
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from geo_common import norm  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / 'data'

UN_MEMBERS = set("""AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV
KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM
GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS
LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM
PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD
SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW""".split())
EXTRA = {'PS', 'XK', 'TW', 'EH', 'VA'}
COUNTRY_COLS = ['id', 'kind', 'country', 'name', 'name_en', 'aliases', 'adjectives', 'capital', 'lat',
                'lon', 'geonames_id', 'flags']
PLACE_COLS = ['id', 'kind', 'country', 'name', 'name_en', 'aliases', 'lat', 'lon', 'geonames_id',
              'population', 'flags']
FLAGS = {'common_word', 'ambiguous'}

errors: list[str] = []


def err(msg: str):
    errors.append(msg)


def load(path: Path, cols: list[str]) -> list[dict]:
    rows = []
    header = None
    with open(path, encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip('\n')
            if line.startswith('#') or not line:
                if header is not None and not line:
                    err(f'{path.name}:{n}: empty line')
                continue
            cells = line.split('\t')
            if header is None:
                header = cells
                if header != cols:
                    err(f'{path.name}: header {header} != {cols}')
                continue
            if len(cells) != len(header):
                err(f'{path.name}:{n}: {len(cells)} cells, expected {len(header)}')
                continue
            row = dict(zip(header, cells))
            row['_line'] = n
            rows.append(row)
    return rows


def multi(cell: str) -> list[str]:
    return [x for x in cell.split('|')] if cell else []


def main() -> int:
    countries = load(DATA / 'countries.tsv', COUNTRY_COLS)
    places = load(DATA / 'places.tsv', PLACE_COLS)
    if errors:
        return report()

    for name, rows in (('countries.tsv', countries), ('places.tsv', places)):
        ids = [r['id'] for r in rows]
        if [i.encode() for i in ids] != sorted(i.encode() for i in ids):
            err(f'{name}: rows not sorted by id (byte order)')
        dup = [i for i, c in collections.Counter(ids).items() if c > 1]
        if dup:
            err(f'{name}: duplicate ids {dup[:10]}')
    cross = {r['id'] for r in countries} & {r['id'] for r in places}
    if cross:
        err(f'ids in both files: {sorted(cross)[:10]}')

    codes = {r['id'] for r in countries}
    if codes != UN_MEMBERS | EXTRA:
        err(f'countries: missing {sorted(UN_MEMBERS | EXTRA - codes)}, unexpected {sorted(codes - UN_MEMBERS - EXTRA)}')
    if len(countries) < 193 + 5:
        err(f'only {len(countries)} countries')
    if len(places) < 9000:
        err(f'only {len(places)} places (need ≥ 9,000)')

    place_ids = {r['id'] for r in places}
    for r in countries:
        if r['kind'] != 'country' or r['country'] != r['id']:
            err(f'{r["id"]}: kind/country must be country/{r["id"]}')
        if r['capital'] not in place_ids:
            err(f'{r["id"]}: capital {r["capital"]!r} not in places.tsv')
        if not r['adjectives'] and r['id'] not in ('ML', 'KM', 'CG', 'SB', 'VC'):
            err(f'{r["id"]}: no demonyms')
    for r in places:
        if r['kind'] not in ('city', 'region', 'site'):
            err(f'{r["id"]}: bad kind {r["kind"]!r}')
        if r['id'].startswith('gn:') and not (r['kind'] == 'city' and r['id'] == 'gn:' + r['geonames_id']
                                              and r['population'].isdigit()):
            err(f'{r["id"]}: a GeoNames place is a city with geonames_id = id and a population')
        if not r['id'].startswith(('gn:', r['kind'] + ':')):
            err(f'{r["id"]}: hand-curated ids are <kind>:<slug>')
        if r['country'] and r['country'] not in codes and r['country'] not in {'HK', 'MO', 'PR', 'GL', 'NC', 'PF', 'RE', 'GP', 'MQ', 'GF', 'YT', 'AW', 'CW', 'SX', 'BM', 'KY', 'GU', 'VI', 'AS', 'MP', 'FO', 'GI', 'IM', 'JE', 'GG', 'AX', 'SJ', 'PM', 'BL', 'MF', 'WF', 'CK', 'NU', 'TK', 'NF', 'CX', 'CC', 'FK', 'SH', 'TC', 'VG', 'AI', 'MS', 'BQ', 'IO', 'PN', 'UM', 'TF', 'GS', 'BV', 'HM', 'AQ'}:
            err(f'{r["id"]}: unknown country {r["country"]!r}')
    for r in countries + places:
        try:
            lat, lon = float(r['lat']), float(r['lon'])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
        except ValueError:
            err(f'{r["id"]}: bad lat/lon {r["lat"]!r},{r["lon"]!r}')
        bad = set(multi(r['flags'])) - FLAGS
        if bad:
            err(f'{r["id"]}: unknown flags {bad}')

    # names, aliases, ambiguity
    owners: dict[str, list[dict]] = collections.defaultdict(list)
    for r in countries + places:
        n_name = norm(r['name'])
        if not n_name:
            err(f'{r["id"]}: empty name')
        seen = {n_name}
        for a in multi(r['aliases']):
            n = norm(a)
            if not n:
                err(f'{r["id"]}: empty alias {a!r}')
            elif n in seen:
                err(f'{r["id"]}: alias {a!r} repeats the name or another alias after normalization')
            seen.add(n)
        for n in seen:
            owners[n].append(r)
    for n, rs in owners.items():
        if len(rs) < 2:
            continue
        ctry = [r for r in rs if r['kind'] == 'country']
        if len(ctry) > 1:
            err(f'{n}: shared by countries {[r["id"] for r in ctry]}')
        plain = [r for r in rs if 'ambiguous' not in multi(r['flags'])]
        if len(plain) > 1:
            err(f'{n}: shared by {[r["id"] for r in plain]} without the ambiguous flag')
    adj_owner: dict[str, str] = {}
    for r in countries:
        for a in multi(r['adjectives']):
            n = norm(a)
            if not n:
                err(f'{r["id"]}: empty demonym')
            if n in adj_owner and adj_owner[n] != r['id']:
                err(f'{a}: demonym of {adj_owner[n]} and {r["id"]}')
            adj_owner[n] = r['id']
    for n, cc in adj_owner.items():
        for r in owners.get(n, []):
            if r['id'] != cc and 'ambiguous' not in multi(r['flags']):
                err(f'{n}: demonym of {cc} is a name of {r["id"]} (not flagged ambiguous)')
    # names shared with the actor lexicons (when present): the place must be ambiguous
    for fname in ('organizations.tsv', 'media.tsv', 'people.tsv'):
        path = DATA / fname
        if not path.exists():
            continue
        with open(path, encoding='utf-8') as fh:
            lines = [ln.rstrip('\n').split('\t') for ln in fh if ln.strip() and not ln.startswith('#')]
        hdr = lines[0]
        for cells in lines[1:]:
            row = dict(zip(hdr, cells))
            for a in [row.get('name', '')] + multi(row.get('aliases', '')):
                for r in owners.get(norm(a), []) if a else []:
                    if r['kind'] != 'country' and 'ambiguous' not in multi(r['flags']):
                        err(f'{a}: name of {row.get("id")} ({fname}) and of {r["id"]} (not flagged ambiguous)')
    if errors:
        return report()
    kinds = collections.Counter(r['kind'] for r in places)
    flags = collections.Counter(f for r in countries + places for f in multi(r['flags']))
    print(f'countries: {len(countries)}  places: {len(places)} (' +
          ', '.join(f'{k} {v}' for k, v in sorted(kinds.items())) + ')  ' +
          ', '.join(f'{k} {v}' for k, v in sorted(flags.items())))
    print('geo lexicons: 1 passed, 0 failed')
    return 0


def report() -> int:
    for e in errors[:50]:
        print('FAIL', e)
    if len(errors) > 50:
        print(f'… {len(errors) - 50} more')
    print('geo lexicons: 0 passed, 1 failed')
    return 1


if __name__ == '__main__':
    sys.exit(main())
