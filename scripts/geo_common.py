"""Shared helpers for build_geo.py / check_geo.py: Arabic normalization and name cleaning."""
import re
import unicodedata

# Normalization used for every uniqueness / ambiguity check.  It mirrors the loader's folding
# (data/README.md): no diacritics or tatweel, one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, Western digits.
_DIACRITICS = re.compile('[\u064B-\u065F\u0670\u0640]')
_FOLD = str.maketrans({
    'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
    'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي',
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
})
_SPACES = re.compile(r'\s+')


def norm(s: str) -> str:
    s = _DIACRITICS.sub('', s)
    s = s.translate(_FOLD)
    return _SPACES.sub(' ', s).strip()


# Characters allowed in an Arabic name we keep: the Arabic letters used by Arabic itself
# (U+0621–U+063A, U+0641–U+064A), space and hyphen.  Anything else (Persian/Urdu/Kurdish/
# Pashto letters پ چ ژ گ ک ی ۀ ٹ ڈ ڑ ں ے ھ ە ێ ۆ ڵ ڕ ګ ټ …, ZWNJ, Latin, digits, punctuation)
# rejects the name.
_ALLOWED = re.compile(r'^[\u0621-\u063A\u0641-\u064A](?:[\u0621-\u063A\u0641-\u064A \-]*[\u0621-\u063A\u0641-\u064A])?$')
_ARABIC_ANY = re.compile('[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]')
_BIDI = re.compile('[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]')


def has_arabic_script(s: str) -> bool:
    return bool(_ARABIC_ANY.search(s))


def clean_arabic(s: str):
    """Return the display form of an Arabic-script name (diacritics, tatweel and bidi marks
    removed, presentation forms decomposed, spaces collapsed) or None if it is not plain Arabic
    (Persian/Urdu/Kurdish letters, ZWNJ, Latin, digits, commas, parentheses …)."""
    if re.search('[\uFB50-\uFDFF\uFE70-\uFEFE]', s):
        s = unicodedata.normalize('NFKC', s)
    s = _BIDI.sub('', s)
    s = _DIACRITICS.sub('', s)
    s = s.replace('ٱ', 'ا')
    s = _SPACES.sub(' ', s).strip().strip('-').strip()
    s = re.sub(r'\s*-\s*', '-', s) if ' - ' not in s else s
    if not s or not _ALLOWED.match(s):
        return None
    # Uyghur/Kurdish spellings that use only Arabic code points: a word opening with ئ or ؤ,
    # ى or ة inside a word (ئالجىر, كةربالا).
    for w in re.split(r'[ \-]', s):
        if w[:1] in 'ئؤ' or 'ى' in w[:-1] or 'ة' in w[:-1]:
            return None
    return s


def letters(s: str) -> int:
    return len(re.sub(r'[\s\-]', '', norm(s)))


def strip_al(n: str) -> str:
    """Strip the article from a normalized single word (ال + at least 2 letters)."""
    return n[2:] if n.startswith('ال') and len(n) > 4 else n
