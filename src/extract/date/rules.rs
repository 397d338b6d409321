//! The date rules: each reads one form of date expression into an [`Expr`].
//!
//! Month names come in every regional system (`data/calendar.tsv`): يناير، كانون الثاني،
//! جانفي، يوليوز, the paired forms "يونيو/حزيران", "حزيران (يونيو)", "مارس آذار", and the Hijri
//! months. A name that is also an everyday word (مارس "practised", ماي in "تيريزا ماي", آب
//! "father", نيسان the carmaker; رمضان، رجب، شعبان as first names) is read as a month only with
//! a day, a year, a relation word, the word شهر, a paired name or a preposition before it.

use super::resolve::{Expr, Relation, Unit};
use crate::document::Calendar;
use crate::normalize::fold_name;
use crate::rules::{Input, Rule, RuleSet, Vars, alternation, common_vars, squash};
use crate::table::Table;
use jiff::civil::{Date, Weekday};
use regex::Captures;
use std::collections::{HashMap, HashSet};

/// What a rule produces: the expression, a weekday the text gives beside it to check it against
/// ("أمس الثلاثاء"), and the calendar the text used.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    pub expr: Expr,
    pub weekday: Option<Weekday>,
    pub calendar: Calendar,
    /// Read from a word that is also a name: a lexicon name there wins ("في إب" is the Yemeni
    /// province, not August).
    pub weak: bool,
}

impl Parsed {
    fn gregorian(expr: Expr, weekday: Option<Weekday>) -> Option<Parsed> {
        Some(Parsed { expr, weekday, calendar: Calendar::Gregorian, weak: false })
    }

    fn hijri(expr: Expr, weekday: Option<Weekday>) -> Option<Parsed> {
        Some(Parsed { expr, weekday, calendar: Calendar::Hijri, weak: false })
    }
}

/// A month name: its number and whether it is also an everyday word.
#[derive(Debug, Clone, Copy)]
struct MonthName {
    number: i8,
    ambiguous: bool,
    /// Also a number word (صفر "zero"): "3 صفر" is a score unless a year or شهر says otherwise.
    numeral: bool,
}

/// The tables the rules read, folded.
pub(crate) struct Names {
    month: HashMap<String, MonthName>,
    hijri_month: HashMap<String, MonthName>,
    weekday: HashMap<String, Weekday>,
    ordinal: HashMap<String, i8>,
    /// Nouns a number counts (from `data/units.tsv` and below): "في 2000 جندي" is no year.
    counted: HashSet<String>,
    /// The word lists below, folded.
    words: HashMap<&'static str, HashSet<String>>,
    not_future_prefixes: Vec<String>,
}

impl Names {
    /// True when the folded `word` is in the named word list.
    pub(crate) fn has(&self, list: &'static str, word: &str) -> bool {
        !word.is_empty() && self.words.get(list).is_some_and(|set| set.contains(word))
    }

    /// A verb with the future prefix: س then the imperfect's ي، ت or ن (سيعقد، ستجري، سنعمل),
    /// not one of the nouns that begin so (سيطرة، سنوات، سيارة).
    pub(crate) fn is_future_verb(&self, w: &str) -> bool {
        let mut chars = w.chars();
        chars.next() == Some('س')
            && matches!(chars.next(), Some('ي' | 'ت' | 'ن'))
            && w.chars().count() >= 4
            // Nouns and adjectives end so: سيطره، سنوات، سنيا، ستين، سياسيه.
            && !["ه", "ات", "يا", "ين", "يه", "اء"].iter().any(|e| w.ends_with(e))
            && !self.not_future_prefixes.iter().any(|p| w.starts_with(p.as_str()))
    }
}

/// The compiled date rules.
pub(crate) struct DateRules {
    pub(crate) names: Names,
    pub(crate) rules: RuleSet<Names, Parsed>,
}

static RULES: &[Rule<Names, Parsed>] = &[
    Rule {
        name: "weekday? day month year (الخميس 14 آذار 2019)",
        pattern: r"{{<}}{{cl}}(?P<m>{{lead}}(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?:ال\s*)?(?P<d>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?(?P<mon>{{month}}){{mtail}}\s*,?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<y>\d{4}){{gsuffix}}){{>}}",
        prod: day_month_year,
    },
    Rule {
        name: "weekday? day Hijri month year? (الجمعة 15 شوال 1436هـ)",
        pattern: r"{{<}}{{cl}}(?P<m>{{lead}}(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?:ال\s*)?(?P<d>\d{1,2})\s*(?:من\s+)?(?P<shahr>شهر\s+)?(?P<hmon>{{hijri_month}})(?:\s*,?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<y>\d{4}){{hsuffix}}|\s+(?P<rel>{{relation}}))?){{>}}",
        prod: day_hijri_month,
    },
    Rule {
        name: "ordinal day of month (الأول من مارس 2023, العاشر من حزيران, غرة محرم)",
        pattern: r"{{<}}{{cl}}(?P<m>{{lead}}(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?:(?P<ord>{{ordinal}})\s+من\s+|(?P<ghurra>غرة|أول|فاتح)\s+)(?P<shahr>شهر\s+)?(?:(?P<mon>{{month}}){{mtail}}|(?P<hmon>{{hijri_month}}))(?:\s*,?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<y>\d{4})(?:{{gsuffix}}|{{hsuffix}})|\s+(?P<rel>{{relation}})|{{year_relation}})?){{>}}",
        prod: ordinal_day,
    },
    Rule {
        name: "day of this, last or next month (الخامس من الشهر الجاري)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?:يوم\s+)?(?:(?P<ord>{{ordinal}})|(?:ال\s*)?(?P<d>\d{1,2}))\s+(?:من\s+(?:الشهر\s+(?P<rel>{{relation}})|(?P<this>هذا\s+الشهر))|(?P<rel2>الجاري|الحالي|الماضي|المنصرم|المقبل|القادم))){{>}}",
        prod: day_of_month,
    },
    Rule {
        name: "weekday? day month, relative year (8 نوفمبر الجاري)",
        pattern: r"{{<}}{{cl}}(?P<m>{{lead}}(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?:ال\s*)?(?P<d>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?(?P<mon>{{month}}){{mtail}}(?:\s+(?P<rel>{{relation}})|{{year_relation}})?){{>}}",
        prod: day_month,
    },
    Rule {
        name: "day range month year? (27-28 أكتوبر, من 3 إلى 5 مارس, يومي الثاني والثالث من أغسطس)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?:من|بين|يومي)\s+)?(?:(?P<d1>\d{1,2})\s*(?:-|إلى|الى|حتى|و)\s*(?P<d2>\d{1,2})|(?P<o1>{{ordinal}})\s+(?:و|إلى|الى|حتى)\s*(?P<o2>{{ordinal}})\s+من)\s+(?:من\s+)?(?:شهر\s+)?(?P<mon>{{month}}){{mtail}}(?:\s*,?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<y>\d{4}){{gsuffix}}|\s+(?P<rel>{{relation}}))?){{>}}",
        prod: day_range,
    },
    Rule {
        name: "month year (فبراير/شباط 2022, أواخر 2018 is a year)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{period_part}}\s+)?(?:شهر\s+)?(?P<mon>{{month}}){{mtail}}\s*,?\s*(?:من\s+)?(?:عام\s+|العام\s+)?(?P<y>\d{4}){{gsuffix}}){{>}}",
        prod: month_year,
    },
    Rule {
        name: "Hijri month year (رمضان 1445هـ)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{period_part}}\s+)?(?:شهر\s+)?(?P<hmon>{{hijri_month}})\s*,?\s*(?:من\s+)?(?:عام\s+|العام\s+)?(?P<y>\d{4}){{hsuffix}}){{>}}",
        prod: hijri_month_year,
    },
    Rule {
        name: "month, relative year (يونيو/حزيران الماضي)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{period_part}}\s+)?(?:شهري?\s+)?(?P<mon>{{month}}){{mtail}}\s+(?P<rel>{{relation}})){{>}}",
        prod: month_relative,
    },
    Rule {
        name: "first of two months, relative year (شهري يونيو ويوليو الماضيين)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{period_part}}\s+)?(?:شهري?\s+)?(?P<mon>{{month}}){{mtail}})\s+(?:و|أو)\s*(?:شهر\s+)?{{month}}(?:\s*\(\s*{{month}}\s*\)|\s*/\s*{{month}})?\s+(?P<rel>{{relation}}){{>}}",
        prod: month_relative,
    },
    Rule {
        name: "Hijri month, relative year (ذي القعدة المقبل)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{period_part}}\s+)?(?P<shahr>شهر\s+)?(?P<hmon>{{hijri_month}})\s+(?P<rel>{{relation}})){{>}}",
        prod: hijri_month_alone,
    },
    Rule {
        name: "month alone, after a preposition or شهر (في مايو, شهر جوان, بنوفمبر)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?P<pp>{{period_part}})\s+)?(?:(?P<shahr>شهري?)\s+)?(?P<mon>{{month}}){{mtail}}{{year_relation}}?){{>}}",
        prod: month_alone,
    },
    Rule {
        name: "Hijri month alone (شهر رمضان, خلال ذي الحجة)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?P<pp>{{period_part}})\s+)?(?P<shahr>شهر\s+)?(?P<hmon>{{hijri_month}})){{>}}",
        prod: hijri_month_alone,
    },
    Rule {
        name: "decade (التسعينيات, ستينيات القرن الماضي)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?:عقد|حقبة)\s+)?(?:ال)?(?P<dec>{{decade}})(?:\s+(?:من\s+)?القرن\s+(?:الماضي|العشرين|المنصرم))?){{>}}",
        prod: decade,
    },
    Rule {
        name: "Hijri year (1446هـ, عام 1446 هـ)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?:عام|العام|سنة|لعام|للعام)\s+)?(?:\(\s*(?P<yp>\d{4})\s*\)|(?P<y>\d{4}))\s*(?:ه|هجري|هجرية|للهجرة)){{>}}",
        prod: hijri_year,
    },
    Rule {
        name: "year (عام 2022, 2022م, صيف 2012)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?:{{period_part}}|{{season}})\s+)?(?:(?:عام|العام|سنة|السنة|عامي|لعام|للعام)\s+(?:\(\s*(?P<yp>\d{4})\s*\)|(?P<y>\d{4})){{gsuffix}}|(?P<y2>\d{4})\s*(?:م|ميلادي|ميلادية|للميلاد))){{>}}",
        prod: year,
    },
    Rule {
        name: "bare year after a preposition (في 2012, منذ 2011, انتخابات 2014)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?P<pp>{{period_part}}|{{season}})\s+)?(?P<y>\d{4})){{>}}",
        prod: bare_year,
    },
    Rule {
        name: "years range (بين عامي 2011 و2015, من 2015 إلى 2018, 2019/2020)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{period_part}}\s+)?(?:(?:(?:بين|من)\s+(?:(?:عامي|العامين|عام|سنتي|الأعوام)\s+)?|(?:عامي|العامين)\s+)(?P<y1>\d{4})\s*(?:و|إلى|الى|حتى|-)\s*(?:عام\s+|{{period_part}}\s+)?(?P<y2>\d{4})|(?P<y3>\d{4})\s*[/-]\s*(?P<y4>\d{4}))){{>}}",
        prod: year_range,
    },
    Rule {
        name: "numeric date (13/11/2024, 2024-11-13)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?:(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<mo>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?:(?P<hs>\s*(?:ه|هجري|هجرية|للهجرة))|{{gsuffix}})|(?P<y2>\d{4})[/-](?P<mo2>\d{1,2})[/-](?P<d2>\d{1,2}))){{>}}",
        prod: numeric,
    },
    Rule {
        name: "relative day with weekday (مساء أمس الثلاثاء)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{part_of_day}}\s+)?(?:يوم\s+)?(?P<rd>{{relative_day}})(?:\s*,?\s*(?:يوم\s+)?(?P<wd>{{weekday}})|\s*\(\s*(?:يوم\s+)?(?P<wdp>{{weekday}})\s*\))?){{>}}",
        prod: relative_day,
    },
    Rule {
        name: "last night (الليلة الماضية)",
        pattern: r"{{<}}{{cl}}(?P<m>الليلة\s+(?:الماضية|قبل\s+الماضية|الفائتة)){{>}}",
        prod: last_night,
    },
    Rule {
        name: "the night of two weekdays (ليل السبت الأحد)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:ليل|ليلة)\s+(?P<wd>{{weekday}})\s*(?:-|/|و|إلى|الى|على)?\s*(?P<wd2>{{weekday}})){{>}}",
        prod: night,
    },
    Rule {
        name: "first of two weekdays, relative (السبت والأحد الماضيين)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{part_of_day}}\s+)?(?:يوم\s+)?(?P<wd>{{weekday}}))\s+(?:و|أو)\s*{{weekday}}\s+(?P<rel>{{relation}}){{>}}",
        prod: weekday,
    },
    Rule {
        name: "weekday, relative (يوم الأحد الماضي)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{part_of_day}}\s+)?(?:يوم\s+)?(?P<wd>{{weekday}})(?:\s+(?P<rel>{{relation}}))?){{>}}",
        prod: weekday,
    },
    Rule {
        name: "this, last or next week/month/year (الشهر الماضي)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{period_part}}\s+)?(?P<unit>الأسبوع|الاسبوع|الشهر|العام|السنة)\s+(?P<rel>{{relation}})){{>}}",
        prod: period,
    },
    Rule {
        name: "this week/month/year (هذا العام, مطلع الشهر)",
        pattern: r"{{<}}{{cl}}(?P<m>(?:{{period_part}}\s+)?(?:هذا|هذه)\s+(?P<unit>الأسبوع|الاسبوع|الشهر|العام|السنة)|(?:مطلع|منتصف|أواخر|أوائل|أواسط|نهاية|بداية|مستهل)\s+(?P<unit2>الشهر|العام|السنة)){{>}}",
        prod: period_this,
    },
];

// ---- reading the groups ----

fn num<T: std::str::FromStr>(c: &Captures<'_>, g: &str) -> Option<T> {
    c.name(g)?.as_str().parse().ok()
}

fn lookup(table: &HashMap<String, MonthName>, c: &Captures<'_>, n: &Input<'_, Names>, group: &str) -> Option<MonthName> {
    table.get(&squash(n.group(c, group)?)).copied()
}

/// The Gregorian month of group `mon`; a paired second name must be the same month.
fn month_of(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<MonthName> {
    let m = lookup(&n.data.month, c, n, "mon")?;
    match lookup(&n.data.month, c, n, "mon2") {
        Some(m2) if m2.number != m.number => None,
        _ => Some(m),
    }
}

fn hijri_month_of(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<MonthName> {
    lookup(&n.data.hijri_month, c, n, "hmon")
}

fn relation(c: &Captures<'_>, n: &Input<'_, Names>) -> Relation {
    if let Some(y) = n.group(c, "yrel") {
        // "العام الماضي", "هذا العام": the year itself is relative.
        return Relation::Year(match relation_word(y.rsplit(' ').next().unwrap_or(y)) {
            Relation::Past => -1,
            Relation::Next => 1,
            _ => 0,
        });
    }
    match n.group(c, "rel") {
        None => Relation::Recent,
        Some(r) => relation_word(r),
    }
}

fn relation_word(r: &str) -> Relation {
    match r {
        r if r.starts_with("قبل") => Relation::BeforeLast,
        r if ["الماضي", "الفايت", "المنصرم", "الفارط", "المنقضي"].iter().any(|w| r.starts_with(w)) => {
            Relation::Past
        }
        r if r.starts_with("الجاري") || r.starts_with("الحالي") => Relation::Current,
        r if r.starts_with("المقبل") || r.starts_with("القادم") => Relation::Next,
        _ => Relation::Current,
    }
}

fn weekday_of(c: &Captures<'_>, n: &Input<'_, Names>, group: &str) -> Option<Weekday> {
    n.group(c, group).and_then(|w| n.data.weekday.get(w).copied())
}

fn valid_day(d: i8) -> bool {
    (1..=31).contains(&d)
}

/// A year written as one: "عام 1869" is the Suez Canal's opening.
fn year_in_range(y: i16) -> bool {
    (1800..=2100).contains(&y)
}

/// A bare number read as a year ("في 2012") is one of the last and next decades more likely than
/// a count.
fn bare_year_in_range(y: i16) -> bool {
    (1900..=2100).contains(&y)
}

// ---- the words around a match ----

/// The word that ends just before `pos` (spaces skipped), or "" when punctuation or the start of
/// the text comes first.
pub(crate) fn word_before(text: &str, pos: usize) -> &str {
    let head = text[..pos].trim_end_matches(' ');
    let start = head.char_indices().rev().take_while(|(_, ch)| ch.is_alphabetic()).last().map_or(head.len(), |(i, _)| i);
    &head[start..]
}

/// The word that starts just after `pos` (spaces skipped), or "" when punctuation or the end
/// comes first.
pub(crate) fn word_after(text: &str, pos: usize) -> &str {
    let tail = text[pos..].trim_start_matches(' ');
    let end = tail.char_indices().find(|(_, ch)| !ch.is_alphabetic()).map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// A word without a leading و or ف (وفي → في).
pub(crate) fn without_conjunction(w: &str) -> &str {
    match w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => w,
    }
}

/// The word before the match (before its clitic), without a conjunction.
fn previous<'a>(c: &Captures<'_>, n: &Input<'a, Names>) -> &'a str {
    let at = c.name("cl").or_else(|| c.name("m")).map_or(0, |m| m.start());
    without_conjunction(word_before(n.text, at))
}

fn next<'a>(c: &Captures<'_>, n: &Input<'a, Names>) -> &'a str {
    word_after(n.text, c.name("m").map_or(0, |m| m.end()))
}

/// Prepositions and time words after which a month name alone is a month ("في مايو").
const MONTH_CUES: &[&str] = &[
    "في",
    "منذ",
    "خلال",
    "حتى",
    "قبل",
    "بعد",
    "بحلول",
    "حلول",
    "مطلع",
    "أوائل",
    "أواخر",
    "أواسط",
    "منتصف",
    "نهاية",
    "بداية",
    "مستهل",
    "طوال",
    "لغاية",
    "غضون",
];
/// Words after which a month name that is not an everyday word is a month: the above, and
/// "من"، "إلى" of a range, and events named by their month ("انتخابات يونيو").
const WEAK_MONTH_CUES: &[&str] = &[
    "من",
    "إلى",
    "الى",
    "بين",
    "مقارنة",
    "انتخابات",
    "أحداث",
    "ثورة",
    "هجمات",
    "احتجاجات",
    "مظاهرات",
    "تظاهرات",
    "انقلاب",
    "اتفاق",
    "اتفاقية",
    "قمة",
    "مؤتمر",
    "اجتماع",
    "اجتماعات",
    "جولة",
    "تقرير",
    "بيانات",
    "حرب",
    "معارك",
    "ابتداء",
    "اعتبارا",
    "بدءا",
    "حادث",
    "حادثة",
    "هجوم",
    "تفجير",
    "تفجيرات",
    "مجزرة",
    "زلزال",
    "فيضانات",
    "اعتداء",
    "اعتداءات",
    "أزمة",
    "إضراب",
    "استفتاء",
];
/// Words after which a bare four-digit number is a year ("في 2012", "انتخابات 2014").
const YEAR_CUES: &[&str] = &[
    "في",
    "منذ",
    "خلال",
    "حتى",
    "قبل",
    "بعد",
    "بحلول",
    "حلول",
    "مطلع",
    "أوائل",
    "أواخر",
    "أواسط",
    "منتصف",
    "نهاية",
    "بداية",
    "مستهل",
    "طوال",
    "لغاية",
    "غضون",
    "انتخابات",
    "أحداث",
    "ثورة",
    "انتفاضة",
    "حرب",
    "دستور",
    "موازنة",
    "ميزانية",
    "رؤية",
    "موسم",
    "مونديال",
    "أولمبياد",
    "مستويات",
    "مستوى",
    "بطولة",
    "نسخة",
    "دورة",
    "تعداد",
    "إحصاء",
    "احصاءات",
];
/// Nouns a number counts, besides the people of `data/units.tsv`: "في 2000 منزل" is no year.
const COUNTED: &[&str] = &[
    "ألف",
    "آلاف",
    "مليون",
    "ملايين",
    "مليار",
    "مليارات",
    "دولار",
    "دولارا",
    "يورو",
    "ريال",
    "ريالا",
    "جنيه",
    "جنيها",
    "درهم",
    "درهما",
    "دينار",
    "دينارا",
    "ليرة",
    "طن",
    "طنا",
    "كيلومتر",
    "كيلومترا",
    "كلم",
    "كم",
    "متر",
    "مترا",
    "برميل",
    "ميغاواط",
    "منزل",
    "منزلا",
    "مبنى",
    "غارة",
    "صاروخ",
    "صاروخا",
    "قذيفة",
    "طائرة",
    "دبابة",
    "عائلة",
    "أسرة",
    "لاجئ",
    "لاجئا",
    "نازح",
    "نازحا",
    "طفل",
    "طفلا",
    "امرأة",
    "مدني",
    "مدنيا",
    "حالة",
    "مواطن",
    "مواطنا",
    "مدرسة",
    "موقع",
    "موقعا",
    "قرية",
    "مرفق",
    "مرفقا",
    "مريض",
    "مريضا",
    "طالب",
    "طالبا",
    "موظف",
    "موظفا",
    "عامل",
    "عاملا",
    "مقعد",
    "مقعدا",
    "صوت",
    "صوتا",
    "سيارة",
    "شاحنة",
    "وظيفة",
    "فرصة",
    "ساعة",
    "يوم",
    "يوما",
    "شهر",
    "شهرا",
    "عام",
    "عاما",
    "سنة",
    "نسخة",
    "هكتار",
    "دونم",
    "وحدة",
    "وحدة",
    "قطعة",
    "جرعة",
    "مشروع",
    "مشروعا",
];
/// Nouns an ordinal can qualify instead of a day: "النصف الثاني من شهر يونيو" is no 2 June.
const ORDINAL_HEADS: &[&str] = &[
    "النصف",
    "الأسبوع",
    "الاسبوع",
    "الربع",
    "الثلث",
    "الشطر",
    "الجزء",
    "العشر",
    "الفصل",
    "الدور",
    "الجيل",
    "القسم",
    "الطابق",
    "المركز",
    "المرتبة",
    "الصف",
    "المستوى",
    "الباب",
    "البند",
    "الشهر",
    "اللقاء",
    "الاجتماع",
    "المؤتمر",
    "العدد",
];

/// Words that put what follows in the future: "سوف", "على أن", "من المقرر", "بحلول", "المقبل".
const FUTURE_WORDS: &[&str] = &[
    "سوف",
    "لن",
    "المقرر",
    "مقرر",
    "مقررا",
    "المقررة",
    "المنتظر",
    "المرتقب",
    "المرتقبة",
    "المتوقع",
    "يتوقع",
    "تتوقع",
    "يعتزم",
    "تعتزم",
    "ينوي",
    "تنوي",
    "يستعد",
    "تستعد",
    "بحلول",
    "حلول",
    "المقبل",
    "المقبلة",
    "القادم",
    "القادمة",
    "ليكون",
    "لتكون",
    "يفترض",
    "غدا",
    "مرتقب",
    "مرتقبة",
];
/// Nouns that begin like a future verb (س + ي/ت/ن): سيطرة، سنوات، سيارة …
const NOT_FUTURE_VERBS: &[&str] = &[
    "سيطر",
    "سياس",
    "سيار",
    "سنو",
    "سنة",
    "ستين",
    "ستون",
    "ستة",
    "ستما",
    "سينا",
    "سيد",
    "ستار",
    "سياح",
    "سيول",
    "سياق",
    "سياد",
    "سيف",
    "سيرة",
    "سينما",
    "ستراتيج",
    "سيبر",
    "سيسي",
    "سنجار",
    "سنوار",
    "سيرت",
    "سيئ",
    "سياج",
    "ستاد",
    "ستوديو",
    "سنتيم",
    "سنت",
    "سيليك",
    "سيرا",
    "سيشل",
    "سيجار",
    "ستوك",
    "سنغاف",
    "سيرغ",
    "ستيف",
    "سيمو",
    "سيزا",
    "سيمف",
    "سنام",
    "سيري",
    "سيكولوج",
    "سنوي",
    "سني",
];

/// Names made of a day and a month, which are no date of this year: "قوى 14 آذار", "ثورة 25
/// يناير", "جسر 6 أكتوبر", "شارع 26 يوليو".
const NAMED_AFTER_A_DAY: &[&str] = &[
    "قوى",
    "تحالف",
    "فريق",
    "تيار",
    "حركة",
    "ثورة",
    "انتفاضة",
    "ميدان",
    "شارع",
    "جسر",
    "كوبري",
    "مدينة",
    "جامعة",
    "ساحة",
    "حرب",
    "نصر",
    "مستشفى",
    "طريق",
    "محور",
    "حي",
    "مجمع",
    "نادي",
    "مطار",
    "قاعدة",
    "معسكر",
    "لواء",
    "كتيبة",
    "فرقة",
    "مجموعة",
    "مدرسة",
    "ذكرى",
    "ملعب",
    "استاد",
    "محطة",
];

/// The word lists the productions consult, by name.
const WORD_LISTS: &[(&str, &[&str])] = &[
    ("future_words", FUTURE_WORDS),
    ("named_after_a_day", NAMED_AFTER_A_DAY),
    ("month_cues", MONTH_CUES),
    ("weak_month_cues", WEAK_MONTH_CUES),
    ("year_cues", YEAR_CUES),
    ("ordinal_heads", ORDINAL_HEADS),
    ("not_today_after", NOT_TODAY_AFTER),
    ("not_today_before", NOT_TODAY_BEFORE),
    ("outlet_cues", OUTLET_CUES),
    ("not_a_day_before", NOT_A_DAY_BEFORE),
];

/// A year read from a bare number is none when a counted noun or a figure follows it.
fn counted_follows(c: &Captures<'_>, n: &Input<'_, Names>) -> bool {
    let end = c.name("m").map_or(0, |m| m.end());
    let rest = n.text[end..].trim_start_matches(' ');
    if rest.starts_with('%') || rest.starts_with(|ch: char| ch.is_ascii_digit()) {
        return true;
    }
    let w = word_after(n.text, end);
    n.data.counted.contains(w) || n.data.counted.contains(without_conjunction(w))
}

// ---- the productions ----

fn day_month_year(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let day: i8 = num(c, "d").filter(|d| valid_day(*d))?;
    let expr = Expr::Calendar { year: num(c, "y"), month: Some(month_of(c, n)?.number), day: Some(day), year_from: Relation::Recent };
    Parsed::gregorian(expr, weekday_of(c, n, "wd"))
}

fn day_hijri_month(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let day: i8 = num(c, "d").filter(|d| (1..=30).contains(d))?;
    let month = hijri_month_of(c, n)?;
    let year: Option<i32> = num(c, "y");
    if year.is_some_and(|y| !super::hijri::YEARS.contains(&y)) {
        return None;
    }
    if month.numeral && year.is_none() && c.name("shahr").is_none() {
        return None;
    }
    Parsed::hijri(Expr::Hijri { year, month: Some(month.number), day: Some(day), year_from: relation(c, n) }, weekday_of(c, n, "wd"))
}

fn ordinal_day(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let day = match n.group(c, "ord") {
        Some(o) => *n.data.ordinal.get(&squash(o))?,
        None => 1, // غرة، أول، فاتح
    };
    // "النصف الثاني من", "الأسبوعين الأول والثاني من": an ordinal of something else.
    if c.name("ord").is_some() && (n.data.has("ordinal_heads", previous(c, n)) || n.data.ordinal.contains_key(previous(c, n))) {
        return None;
    }
    let rel = relation(c, n);
    if c.name("hmon").is_some() {
        let year: Option<i32> = num(c, "y");
        let expr = Expr::Hijri { year, month: Some(hijri_month_of(c, n)?.number), day: Some(day), year_from: rel };
        return Parsed::hijri(expr, weekday_of(c, n, "wd"));
    }
    let year: Option<i16> = num(c, "y");
    if year.is_some_and(|y| !year_in_range(y)) {
        return None;
    }
    Parsed::gregorian(Expr::Calendar { year, month: Some(month_of(c, n)?.number), day: Some(day), year_from: rel }, weekday_of(c, n, "wd"))
}

fn day_of_month(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let day = match n.group(c, "ord") {
        Some(o) => {
            if n.data.has("ordinal_heads", previous(c, n)) {
                return None;
            }
            *n.data.ordinal.get(&squash(o))?
        }
        None => num(c, "d").filter(|d| valid_day(*d))?,
    };
    let rel = match n.group(c, "rel2") {
        Some(r) => relation_word(r),
        None => relation(c, n),
    };
    let offset = match rel {
        Relation::Past => -1,
        Relation::BeforeLast => -2,
        Relation::Next => 1,
        _ => 0,
    };
    Parsed::gregorian(Expr::DayOfMonth(day, offset), weekday_of(c, n, "wd"))
}

fn day_month(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let day: i8 = num(c, "d").filter(|d| valid_day(*d))?;
    if n.data.has("named_after_a_day", previous(c, n)) {
        return None;
    }
    let expr = Expr::Calendar { year: None, month: Some(month_of(c, n)?.number), day: Some(day), year_from: relation(c, n) };
    Parsed::gregorian(expr, weekday_of(c, n, "wd"))
}

fn day_range(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let (d1, d2): (i8, i8) = match (n.group(c, "o1"), n.group(c, "o2")) {
        // "يومي الثاني والثالث من أغسطس"; not "الأسبوعين الأول والثاني من مارس".
        (Some(o1), Some(o2)) => {
            let prev = previous(c, n);
            if n.data.has("ordinal_heads", prev) || (prev.starts_with("ال") && prev.ends_with("ين")) {
                return None;
            }
            (*n.data.ordinal.get(&squash(o1))?, *n.data.ordinal.get(&squash(o2))?)
        }
        _ => (num(c, "d1").filter(|d| valid_day(*d))?, num(c, "d2").filter(|d| valid_day(*d))?),
    };
    if d2 <= d1 {
        return None;
    }
    let month = Some(month_of(c, n)?.number);
    let (year, year_from) = (num(c, "y"), relation(c, n));
    let a = Expr::Calendar { year, month, day: Some(d1), year_from };
    let b = Expr::Calendar { year, month, day: Some(d2), year_from };
    Parsed::gregorian(Expr::Range(Box::new(a), Box::new(b)), None)
}

fn month_year(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let year: i16 = num(c, "y").filter(|y| year_in_range(*y))?;
    Parsed::gregorian(
        Expr::Calendar { year: Some(year), month: Some(month_of(c, n)?.number), day: None, year_from: Relation::Recent },
        None,
    )
}

fn hijri_month_year(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let year: i32 = num(c, "y").filter(|y| super::hijri::YEARS.contains(y))?;
    Parsed::hijri(Expr::Hijri { year: Some(year), month: Some(hijri_month_of(c, n)?.number), day: None, year_from: Relation::Recent }, None)
}

fn month_relative(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    Parsed::gregorian(Expr::Calendar { year: None, month: Some(month_of(c, n)?.number), day: None, year_from: relation(c, n) }, None)
}

fn month_alone(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let month = month_of(c, n)?;
    let prev = previous(c, n);
    // "بنوفمبر", "لأكتوبر": a preposition glued to the name (never to an everyday word: "باب").
    let glued = n.group(c, "cl").is_some_and(|cl| cl.ends_with('ب') || cl.ends_with('ل') || cl.ends_with('ك'));
    let cued = c.name("pp").is_some()
        || c.name("shahr").is_some()
        || c.name("mon2").is_some()
        || follows_a_month(c, n)
        || (!glued && n.data.has("month_cues", prev))
        || (!month.ambiguous && (glued || n.data.has("weak_month_cues", prev)));
    if !cued {
        return None;
    }
    let expr = Expr::Calendar { year: None, month: Some(month.number), day: None, year_from: relation(c, n) };
    let weak = month.ambiguous && c.name("pp").is_none() && c.name("shahr").is_none() && c.name("mon2").is_none();
    Some(Parsed { expr, weekday: None, calendar: Calendar::Gregorian, weak })
}

/// "في يناير (كانون الثاني) وأبريل", "من يناير إلى مارس": a month joined by و, إلى or حتى to
/// the month name before it.
fn follows_a_month(c: &Captures<'_>, n: &Input<'_, Names>) -> bool {
    let Some(cl) = c.name("cl") else { return false };
    let mut head = n.text[..cl.start()].trim_end_matches([' ', ')']);
    if !cl.as_str().starts_with('و') {
        let link = word_before(n.text, head.len());
        if !matches!(without_conjunction(link), "الي" | "حتي") || !cl.as_str().is_empty() {
            return false;
        }
        head = n.text[..head.len() - link.len()].trim_end_matches([' ', ')']);
    }
    let last = word_before(n.text, head.len());
    let two = word_before(n.text, head.len() - last.len());
    n.data.month.contains_key(last) || n.data.month.contains_key(&format!("{two} {last}"))
}

fn hijri_month_alone(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let month = hijri_month_of(c, n)?;
    let cued = c.name("shahr").is_some()
        || c.name("rel").is_some()
        || (!month.ambiguous && (c.name("pp").is_some() || n.data.has("month_cues", previous(c, n))));
    if !cued {
        return None;
    }
    Parsed::hijri(Expr::Hijri { year: None, month: Some(month.number), day: None, year_from: relation(c, n) }, None)
}

fn hijri_year(c: &Captures<'_>, _: &Input<'_, Names>) -> Option<Parsed> {
    let year: i32 = num(c, "y").or_else(|| num(c, "yp")).filter(|y| super::hijri::YEARS.contains(y))?;
    Parsed::hijri(Expr::Hijri { year: Some(year), month: None, day: None, year_from: Relation::Recent }, None)
}

fn year(c: &Captures<'_>, _: &Input<'_, Names>) -> Option<Parsed> {
    let y: i16 = num(c, "y").or_else(|| num(c, "yp")).or_else(|| num(c, "y2")).filter(|y| year_in_range(*y))?;
    Parsed::gregorian(Expr::Calendar { year: Some(y), month: None, day: None, year_from: Relation::Recent }, None)
}

fn bare_year(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let y: i16 = num(c, "y").filter(|y| bare_year_in_range(*y))?;
    // "في 2023 و2024": a year joined to the year before it.
    let joined = c.name("cl").is_some_and(|cl| {
        cl.as_str() == "و" && {
            let head = n.text[..cl.start()].trim_end_matches([' ', 'م']);
            head.len() >= 4 && head.as_bytes()[head.len() - 4..].iter().all(u8::is_ascii_digit)
        }
    });
    if (c.name("pp").is_none() && !joined && !n.data.has("year_cues", previous(c, n))) || counted_follows(c, n) {
        return None;
    }
    Parsed::gregorian(Expr::Calendar { year: Some(y), month: None, day: None, year_from: Relation::Recent }, None)
}

/// The decades of the last century by their ordinal: "التسعينيات" is 1990–1999. "في الستينات
/// من عمره" is an age.
const DECADES: &[(&str, i16)] = &[
    ("عشرينيات", 1920),
    ("عشرينات", 1920),
    ("ثلاثينيات", 1930),
    ("ثلاثينات", 1930),
    ("أربعينيات", 1940),
    ("أربعينات", 1940),
    ("خمسينيات", 1950),
    ("خمسينات", 1950),
    ("ستينيات", 1960),
    ("ستينات", 1960),
    ("سبعينيات", 1970),
    ("سبعينات", 1970),
    ("ثمانينيات", 1980),
    ("ثمانينات", 1980),
    ("تسعينيات", 1990),
    ("تسعينات", 1990),
];

fn decade(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let word = n.group(c, "dec")?;
    let start = DECADES.iter().find(|(w, _)| fold_name(w) == word)?.1;
    let rest = n.text[c.name("m")?.end()..].trim_start();
    if ["من عمر", "من العمر"].iter().any(|age| rest.starts_with(age)) {
        return None;
    }
    let year = |y| Box::new(Expr::Calendar { year: Some(y), month: None, day: None, year_from: Relation::Recent });
    Parsed::gregorian(Expr::Range(year(start), year(start + 9)), None)
}

fn year_range(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let (a, b): (i16, i16) = match (num(c, "y1"), num(c, "y2")) {
        // "من 2000 إلى 2500 جندي" is a count.
        (Some(_), Some(_)) if counted_follows(c, n) => return None,
        (Some(a), Some(b)) => (a, b),
        _ => {
            // "2019/2020": a season or fiscal year, never "2000-3000 جندي".
            let (a, b) = (num(c, "y3")?, num(c, "y4")?);
            if b - a > 10 || counted_follows(c, n) {
                return None;
            }
            (a, b)
        }
    };
    if !bare_year_in_range(a) || !bare_year_in_range(b) || b <= a {
        return None;
    }
    let year = |y| Box::new(Expr::Calendar { year: Some(y), month: None, day: None, year_from: Relation::Recent });
    Parsed::gregorian(Expr::Range(year(a), year(b)), None)
}

fn numeric(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let weekday = weekday_of(c, n, "wd");
    if c.name("y").is_some() {
        let (y, m, d): (i32, i8, i8) = (num(c, "y")?, num(c, "mo")?, num(c, "d")?);
        // "19/ 10/ 1436هـ": a Hijri date.
        if c.name("hs").is_some() || super::hijri::YEARS.contains(&y) {
            if !super::hijri::YEARS.contains(&y) || !(1..=12).contains(&m) || !(1..=30).contains(&d) {
                return None;
            }
            return Parsed::hijri(Expr::Hijri { year: Some(y), month: Some(m), day: Some(d), year_from: Relation::Recent }, weekday);
        }
        let y = i16::try_from(y).ok().filter(|y| year_in_range(*y))?;
        Date::new(y, m, d).ok()?;
        return Parsed::gregorian(Expr::Calendar { year: Some(y), month: Some(m), day: Some(d), year_from: Relation::Recent }, weekday);
    }
    let (y, m, d): (i16, i8, i8) = (num(c, "y2")?, num(c, "mo2")?, num(c, "d2")?);
    if !year_in_range(y) {
        return None;
    }
    Date::new(y, m, d).ok()?;
    Parsed::gregorian(Expr::Calendar { year: Some(y), month: Some(m), day: Some(d), year_from: Relation::Recent }, weekday)
}

/// Words after "اليوم" that make it a day other than today: "اليوم التالي", "اليوم الوطني".
const NOT_TODAY_AFTER: &[&str] = &[
    "التالي",
    "السابق",
    "الأخير",
    "الوطني",
    "العالمي",
    "الدولي",
    "نفسه",
    "ذاته",
    "الذي",
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الموعود",
    "الواحد",
    "الموالي",
    "المشهود",
    "الحاضر",
];
/// Words before "اليوم" that make it some day, or a vague "nowadays": "ذلك اليوم", "في اليوم".
/// Words that name an outlet: "صحيفة المصري اليوم" is no date.
const OUTLET_CUES: &[&str] = &["صحيفة", "جريدة", "موقع", "قناة", "شبكة", "وكالة", "مجلة", "لصحيفة", "لجريدة", "لموقع", "لقناة"];
const NOT_TODAY_BEFORE: &[&str] =
    &["ذلك", "هذا", "نفس", "في", "كل", "طوال", "حتى", "إلى", "الى", "منذ", "عالم", "العالم", "عين", "ساعات", "طيلة", "مدار"];

fn relative_day(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let rd = squash(n.group(c, "rd")?);
    let days = match rd.as_str() {
        "اول امس" | "اول من امس" | "امس الاول" => -2,
        // "في أمس الحاجة" is "in dire need".
        "امس" if matches!(next(c, n), "الحاجه" | "حاجه") => return None,
        "امس" | "البارحه" => -1,
        "اليوم" => 0,
        "غدا" | "يوم غد" => 1,
        // "صباح الغد", "يوم الغد"; alone, الغد is "the future".
        "الغد" if c.name("m")?.start() < c.name("rd")?.start() => 1,
        "بعد غد" => 2,
        _ => return None,
    };
    let weekday = weekday_of(c, n, "wd").or_else(|| weekday_of(c, n, "wdp"));
    if days == 0 && weekday.is_none() && n.group(c, "m").is_some_and(|m| m.starts_with("اليوم")) {
        let (prev, after) = (previous(c, n), next(c, n));
        let glued = n.group(c, "cl").is_some_and(|cl| cl.ends_with('ل') || cl.ends_with('ب'));
        // "(اليوم)", «اليوم»: a newspaper's name, or a gloss.
        let m = c.name("m")?;
        let quoted =
            n.text[..m.start()].trim_end().ends_with(['(', '«', '"']) && n.text[m.end()..].trim_start().starts_with([')', '»', '"']);
        // "صحيفة المصري اليوم", "قناة روسيا اليوم": an outlet's name.
        let at = c.name("cl").map_or(m.start(), |cl| cl.start());
        let prev_start = n.text[..at].trim_end_matches(' ').len() - word_before(n.text, at).len();
        let before_prev = word_before(n.text, prev_start);
        let outlet = n.data.has("outlet_cues", without_conjunction(before_prev));
        if glued || quoted || outlet || n.data.has("not_today_after", after) || n.data.has("not_today_before", prev) {
            return None;
        }
    }
    Parsed::gregorian(Expr::Days(days), weekday)
}

fn last_night(c: &Captures<'_>, _: &Input<'_, Names>) -> Option<Parsed> {
    let days = if c.name("m")?.as_str().contains("قبل") { -2 } else { -1 };
    Parsed::gregorian(Expr::Days(days), None)
}

fn night(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let (a, b) = (weekday_of(c, n, "wd")?, weekday_of(c, n, "wd2")?);
    if a.next() != b {
        return None;
    }
    Parsed::gregorian(Expr::Night(b), None)
}

/// Words before a weekday that make it a weekly one or a number: "صلاة الجمعة", "بين الاثنين".
const NOT_A_DAY_BEFORE: &[&str] =
    &["صلاة", "خطبة", "خطب", "خطيب", "صلوات", "أيام", "كل", "بين", "كلا", "هذين", "هاتين", "عطلة", "إمام", "مسجد", "جامع", "سوق"];

fn weekday(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    // "الأحد عشر" is "the eleven".
    if n.data.has("not_a_day_before", previous(c, n)) || next(c, n) == "عشر" {
        return None;
    }
    Parsed::gregorian(Expr::Weekday(weekday_of(c, n, "wd")?, relation(c, n)), None)
}

fn unit_of(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Unit> {
    match n.group(c, "unit").or_else(|| n.group(c, "unit2"))? {
        "الاسبوع" => Some(Unit::Week),
        "الشهر" => Some(Unit::Month),
        "العام" | "السنه" => Some(Unit::Year),
        _ => None,
    }
}

fn period(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let offset = match relation(c, n) {
        Relation::Past => -1,
        Relation::BeforeLast => -2,
        Relation::Next => 1,
        _ => 0,
    };
    Parsed::gregorian(Expr::Period(unit_of(c, n)?, offset), None)
}

fn period_this(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    Parsed::gregorian(Expr::Period(unit_of(c, n)?, 0), None)
}

// ---- building the tables ----

/// Ordinal day numbers as news writes them (masculine, the day being يوم): الأول … الحادي
/// والثلاثين.
fn ordinals() -> Vec<(String, i8)> {
    const UNITS: [&str; 9] = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
    // In compounds the first is الحادي (or الواحد).
    const COMPOUND: [&str; 9] = ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
    let mut out: Vec<(String, i8)> = UNITS.iter().enumerate().map(|(i, u)| (u.to_string(), i as i8 + 1)).collect();
    out.push(("العاشر".into(), 10));
    for (i, u) in COMPOUND.iter().enumerate() {
        out.push((format!("{u} عشر"), i as i8 + 11));
    }
    out.push(("العشرين".into(), 20));
    out.push(("الثلاثين".into(), 30));
    for (tens, base) in [("العشرين", 20), ("الثلاثين", 30)] {
        let last = if base == 30 { 1 } else { 9 };
        for (i, u) in COMPOUND.iter().enumerate().take(last) {
            out.push((format!("{u} و{tens}"), base + i as i8 + 1));
            out.push((format!("{u} و {tens}"), base + i as i8 + 1));
        }
        out.push((format!("الواحد و{tens}"), base + 1));
    }
    out
}

impl DateRules {
    pub(crate) fn new() -> DateRules {
        let table = Table::parse("calendar.tsv", include_str!("../../../data/calendar.tsv")).expect("calendar.tsv is checked by tests");
        let (mut month, mut hijri_month, mut weekday) = (HashMap::new(), HashMap::new(), HashMap::new());
        for row in table.rows() {
            let number: i8 = row.get("number").parse().expect("calendar.tsv numbers are checked by tests");
            let name = fold_name(row.get("name"));
            let flags: Vec<&str> = row.list("flags").collect();
            let entry = MonthName { number, ambiguous: flags.contains(&"ambiguous"), numeral: flags.contains(&"numeral") };
            match row.get("kind") {
                "month" => {
                    month.insert(name, entry);
                }
                "hijri_month" => {
                    hijri_month.insert(name, entry);
                }
                "weekday" => {
                    weekday.insert(name, Weekday::from_monday_one_offset(number).unwrap_or(Weekday::Monday));
                }
                _ => {}
            }
        }
        let units = Table::parse("units.tsv", include_str!("../../../data/units.tsv")).expect("units.tsv is checked by tests");
        let counted: HashSet<String> = units.rows().map(|r| fold_name(r.get("word"))).chain(COUNTED.iter().map(|w| fold_name(w))).collect();
        let ordinal_list = ordinals();
        let ordinal: HashMap<String, i8> = ordinal_list.iter().map(|(w, n)| (squash(&fold_name(w)), *n)).collect();

        let mut vars: Vars = common_vars();
        vars.insert("cl", r"(?P<cl>[وف]?[بلك]?)".to_string());
        vars.insert("month", alternation(month.keys().map(String::as_str)));
        vars.insert("hijri_month", alternation(hijri_month.keys().map(String::as_str)));
        vars.insert("weekday", alternation(weekday.keys().map(String::as_str)));
        vars.insert("ordinal", alternation(ordinal_list.iter().map(|(w, _)| w.as_str())));
        // The second name of a paired month: "يونيو/حزيران", "حزيران (يونيو)", "مارس آذار".
        vars.insert("mtail", format!(r"(?:\s*(?:[/(-]\s*|\s)(?P<mon2>{})(?:\s*\))?)?", alternation(month.keys().map(String::as_str))));
        vars.insert("gsuffix", r"(?:\s*(?:م|ميلادي|ميلادية|للميلاد))?".to_string());
        vars.insert("hsuffix", r"(?:\s*(?:ه|هجري|هجرية|للهجرة))?".to_string());
        let relation = alternation([
            "الماضي",
            "الماضية",
            "الماضيين",
            "الماضيتين",
            "الفائت",
            "الفائتة",
            "المنصرم",
            "المنصرمة",
            "الجاري",
            "الجارية",
            "الحالي",
            "الحالية",
            "المقبل",
            "المقبلة",
            "المقبلين",
            "القادم",
            "القادمة",
            "القادمين",
            "الفارط",
            "الفارطة",
            "المنقضي",
            "المنقضية",
            "قبل الماضي",
            "قبل الماضية",
        ]);
        // The year of a month or day given as a relative one: "في أغسطس العام الماضي", "10
        // يونيو من العام الماضي", "أبريل من هذا العام".
        vars.insert("year_relation", format!(r"(?:\s*,?\s*(?:من\s+)?(?P<yrel>(?:العام|السنة)\s+{relation}|هذا\s+العام|هذه\s+السنة))"));
        vars.insert("relation", relation);
        let relative_day = alternation(["أمس", "البارحة", "أول أمس", "أول من أمس", "أمس الأول", "اليوم", "غدا", "بعد غد", "يوم غد", "الغد"]);
        let part_of_day =
            alternation(["صباح", "مساء", "ظهر", "عصر", "فجر", "ليلة", "ليل", "صبيحة", "منتصف ليل", "ظهيرة", "نهار", "ضحى", "عشية"]);
        // What may come before a weekday and a date: "فجر اليوم الاثنين 05 جوان 2017".
        vars.insert("lead", format!(r"(?:(?:{part_of_day}\s+)?(?:(?:يوم\s+)?{relative_day}\s*,?\s*)?)"));
        vars.insert("relative_day", relative_day);
        vars.insert("part_of_day", part_of_day);
        vars.insert(
            "period_part",
            format!(
                r"(?:(?:النصف|الأسبوع|الاسبوع|الربع|الثلث|الفصل)\s+(?:الأول|الثاني|الثالث|الرابع|الأخير)\s+من|{})",
                alternation(["مطلع", "منتصف", "أواخر", "أوائل", "أواسط", "نهاية", "بداية", "بدايات", "نهايات", "مستهل", "خلال", "طوال"])
            ),
        );
        vars.insert("season", alternation(["صيف", "شتاء", "ربيع", "خريف"]));
        vars.insert("decade", alternation(DECADES.iter().map(|(w, _)| *w)));
        let words = WORD_LISTS.iter().map(|(name, list)| (*name, list.iter().map(|w| fold_name(w)).collect())).collect();
        DateRules {
            rules: RuleSet::new(RULES, &vars),
            names: Names {
                month,
                hijri_month,
                weekday,
                ordinal,
                counted,
                words,
                not_future_prefixes: NOT_FUTURE_VERBS.iter().map(|w| fold_name(w)).collect(),
            },
        }
    }
}
