//! Dates: every calendar expression, resolved to an ISO value against the publication date.
//!
//! A rule reads an expression into an [`Expr`] (what the text says: "the Sunday before",
//! "day 8 of November of the current year"); [`resolve`] turns it into a date given the anchor.
//! Month names come in every regional system (`data/calendar.tsv`): يناير، كانون الثاني،
//! جانفي، and the paired forms "يونيو/حزيران", "حزيران (يونيو)".
//!
//! Durations ("منذ ثلاث سنوات", "لمدة يومين") are not dates and no rule reads them.

use super::{Context, Mapper};
use crate::document::{self, Calendar, Grain, Warning};
use crate::rules::{Found, Input, Rule, RuleSet, Vars, alternation, common_vars};
use crate::table::Table;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Captures;
use std::collections::HashMap;
use std::ops::Range;

/// What a date expression says, before it is resolved against the anchor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date, possibly partial: "8 نوفمبر 2024", "فبراير 2022", "عام 2011", or "8
    /// نوفمبر الجاري" (no year: `year_from` says how to find it).
    Calendar { year: Option<i16>, month: Option<i8>, day: Option<i8>, year_from: Relation },
    /// Days from the anchor: أمس = -1, اليوم = 0, غداً = +1.
    Days(i32),
    /// A weekday relative to the anchor: "الأحد الماضي", "يوم الأربعاء".
    Weekday(Weekday, Relation),
    /// This, last or next week/month/year.
    Period(Unit, i32),
    /// From one date to another: "27-28 أكتوبر".
    Range(Box<Expr>, Box<Expr>),
}

/// Which occurrence of a partial date or weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// The most recent one on or before the anchor (narrative default).
    Recent,
    /// Strictly before: "الماضي".
    Past,
    /// The current one: "الجاري", "الحالي".
    Current,
    /// Strictly after: "المقبل", "القادم".
    Next,
}

/// The unit of a relative period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Week,
    Month,
    Year,
}

/// A date expression found in the text.
#[derive(Debug, Clone)]
pub(crate) struct DateFound {
    pub range: Range<usize>,
    /// A weekday the text gives beside the date ("أمس الثلاثاء"), to check against it.
    pub weekday: Option<Weekday>,
    pub value: Option<String>,
    pub grain: Grain,
    pub relative: bool,
    pub calendar: Calendar,
}

impl DateFound {
    pub(crate) fn to_output(&self, map: &Mapper<'_>) -> document::DateMention {
        let (text, span) = map.text_span(&self.range);
        document::DateMention { text, span, value: self.value.clone(), grain: self.grain, relative: self.relative, calendar: self.calendar }
    }
}

/// What a rule produces: the expression and a weekday to check it against.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    expr: Expr,
    weekday: Option<Weekday>,
}

/// Names of months and weekdays, folded.
pub(crate) struct Names {
    month: HashMap<String, i8>,
    weekday: HashMap<String, Weekday>,
}

/// The compiled date rules.
pub(crate) struct DateRules {
    names: Names,
    rules: RuleSet<Names, Parsed>,
}

static RULES: &[Rule<Names, Parsed>] = &[
    Rule {
        name: "weekday? day month year (الخميس 14 آذار 2019)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:{{part_of_day}}\s+)?(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?P<d>\d{1,2})\s*(?:من\s+)?(?P<mon>{{month}})(?:\s*[/(-]\s*{{month}}(?:\s*\))?)?\s*,?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<y>\d{4})(?:\s*م)?){{>}}",
        prod: day_month_year,
    },
    Rule {
        name: "ordinal day of month year (الأول من مارس 2023)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<ord>{{ordinal}})\s+من\s+(?P<mon>{{month}})(?:\s*[/(-]\s*{{month}}(?:\s*\))?)?(?:\s+(?P<y>\d{4})(?:\s*م)?|\s+(?P<rel>{{relation}}))?){{>}}",
        prod: ordinal_day,
    },
    Rule {
        name: "weekday? day month, relative year (8 نوفمبر الجاري)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:{{part_of_day}}\s+)?(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?P<d>\d{1,2})\s*(?:من\s+)?(?P<mon>{{month}})(?:\s*[/(-]\s*{{month}}(?:\s*\))?)?(?:\s+(?P<rel>{{relation}}))?){{>}}",
        prod: day_month,
    },
    Rule {
        name: "day range month year? (27-28 أكتوبر)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?:من|بين)\s+)?(?P<d1>\d{1,2})\s*(?:-|إلى|الى|حتى|و)\s*(?P<d2>\d{1,2})\s+(?P<mon>{{month}})(?:\s*[/(-]\s*{{month}}(?:\s*\))?)?(?:\s*,?\s*(?P<y>\d{4})(?:\s*م)?|\s+(?P<rel>{{relation}}))?){{>}}",
        prod: day_range,
    },
    Rule {
        name: "month year (فبراير/شباط 2022)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:{{period_part}}\s+)?(?:شهر\s+)?(?P<mon>{{month}})(?:\s*[/(-]\s*{{month}}(?:\s*\))?)?\s*,?\s*(?:من\s+)?(?:عام\s+)?(?P<y>\d{4})(?:\s*م)?){{>}}",
        prod: month_year,
    },
    Rule {
        name: "month, relative year (يونيو/حزيران الماضي)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:{{period_part}}\s+)?(?:شهر\s+)?(?P<mon>{{month}})(?:\s*[/(-]\s*{{month}}(?:\s*\))?)?\s+(?P<rel>{{relation}})){{>}}",
        prod: month_relative,
    },
    Rule {
        name: "year (عام 2022, 2022م, منذ 2011)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?:{{period_part}}\s+)?(?:عام|العام|سنة|السنة|عامي)\s+(?P<y1>\d{4})(?:\s*م)?|(?P<y2>\d{4})\s*م)|(?:منذ|حتى|في|خلال|مطلع|أواخر|منتصف)\s+(?P<y3>\d{4})(?:\s*م)?){{>}}",
        prod: year,
    },
    Rule {
        name: "years range (بين عامي 2011 و2015)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:بين|من)\s+(?:عامي|العامين|عام|سنتي)\s+(?P<y1>\d{4})\s*(?:و|إلى|الى|حتى|-)\s*(?:عام\s+)?(?P<y2>\d{4})){{>}}",
        prod: year_range,
    },
    Rule {
        name: "numeric date (13/11/2024, 2024-11-13)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?:يوم\s+)?(?P<wd>{{weekday}})\s*,?\s*)?(?:(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4})|(?P<y2>\d{4})-(?P<mo2>\d{1,2})-(?P<d2>\d{1,2}))){{>}}",
        prod: numeric,
    },
    Rule {
        name: "relative day with weekday (مساء أمس الثلاثاء)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:{{part_of_day}}\s+)?(?:يوم\s+)?(?P<rd>{{relative_day}})(?:\s*,?\s*(?:يوم\s+)?(?P<wd>{{weekday}}))?){{>}}",
        prod: relative_day,
    },
    Rule {
        name: "last night (الليلة الماضية)",
        pattern: r"{{<}}{{clitic}}(?P<m>الليلة\s+(?:الماضية|قبل\s+الماضية|الفائتة)){{>}}",
        prod: last_night,
    },
    Rule {
        name: "weekday, relative (يوم الأحد الماضي)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:{{part_of_day}}\s+)?(?:يوم\s+)?(?P<wd>{{weekday}})(?:\s+(?P<rel>{{relation}}))?){{>}}",
        prod: weekday,
    },
    Rule {
        name: "this, last or next week/month/year (الشهر الماضي)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:{{period_part}}\s+)?(?P<unit>الأسبوع|الاسبوع|الشهر|العام|السنة)\s+(?P<rel>{{relation}})){{>}}",
        prod: period,
    },
    Rule {
        name: "this week/month/year (هذا العام)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:{{period_part}}\s+)?(?:هذا|هذه)\s+(?P<unit>الأسبوع|الاسبوع|الشهر|العام|السنة)){{>}}",
        prod: period_this,
    },
];

fn month_of(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<i8> {
    n.data.month.get(&squash(c.name("mon")?.as_str())).copied()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn num<T: std::str::FromStr>(c: &Captures<'_>, g: &str) -> Option<T> {
    c.name(g)?.as_str().parse().ok()
}

fn relation(c: &Captures<'_>) -> Relation {
    match c.name("rel").map(|r| r.as_str()) {
        None => Relation::Recent,
        Some(r) if r.starts_with("الماضي") || r.starts_with("الفايت") || r.starts_with("المنصرم") => Relation::Past,
        Some(r) if r.starts_with("الجاري") || r.starts_with("الحالي") => Relation::Current,
        Some(_) => Relation::Next,
    }
}

fn weekday_of(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Weekday> {
    n.group(c, "wd").and_then(|w| n.data.weekday.get(w).copied())
}

fn valid_day(d: i8) -> bool {
    (1..=31).contains(&d)
}

fn day_month_year(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let day: i8 = num(c, "d").filter(|d| valid_day(*d))?;
    let expr = Expr::Calendar { year: num(c, "y"), month: Some(month_of(c, n)?), day: Some(day), year_from: Relation::Recent };
    Some(Parsed { expr, weekday: weekday_of(c, n) })
}

fn ordinal_day(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    const ORDINALS: &[&str] = &["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
    let ord = c.name("ord")?.as_str();
    let day = ORDINALS.iter().position(|o| *o == ord)? as i8 + 1;
    let expr = Expr::Calendar { year: num(c, "y"), month: Some(month_of(c, n)?), day: Some(day), year_from: relation(c) };
    Some(Parsed { expr, weekday: None })
}

fn day_month(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let day: i8 = num(c, "d").filter(|d| valid_day(*d))?;
    let expr = Expr::Calendar { year: None, month: Some(month_of(c, n)?), day: Some(day), year_from: relation(c) };
    Some(Parsed { expr, weekday: weekday_of(c, n) })
}

fn day_range(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let (d1, d2): (i8, i8) = (num(c, "d1").filter(|d| valid_day(*d))?, num(c, "d2").filter(|d| valid_day(*d))?);
    if d2 <= d1 {
        return None;
    }
    let month = Some(month_of(c, n)?);
    let (year, year_from) = (num(c, "y"), relation(c));
    let a = Expr::Calendar { year, month, day: Some(d1), year_from };
    let b = Expr::Calendar { year, month, day: Some(d2), year_from };
    Some(Parsed { expr: Expr::Range(Box::new(a), Box::new(b)), weekday: None })
}

fn month_year(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let expr = Expr::Calendar { year: num(c, "y"), month: Some(month_of(c, n)?), day: None, year_from: Relation::Recent };
    Some(Parsed { expr, weekday: None })
}

fn month_relative(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let expr = Expr::Calendar { year: None, month: Some(month_of(c, n)?), day: None, year_from: relation(c) };
    Some(Parsed { expr, weekday: None })
}

fn year(c: &Captures<'_>, _: &Input<'_, Names>) -> Option<Parsed> {
    let y: i16 = num(c, "y1").or_else(|| num(c, "y2")).or_else(|| num(c, "y3"))?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Some(Parsed { expr: Expr::Calendar { year: Some(y), month: None, day: None, year_from: Relation::Recent }, weekday: None })
}

fn year_range(c: &Captures<'_>, _: &Input<'_, Names>) -> Option<Parsed> {
    let (a, b): (i16, i16) = (num(c, "y1")?, num(c, "y2")?);
    if !(1900..=2100).contains(&a) || b <= a || b > 2100 {
        return None;
    }
    let year = |y| Box::new(Expr::Calendar { year: Some(y), month: None, day: None, year_from: Relation::Recent });
    Some(Parsed { expr: Expr::Range(year(a), year(b)), weekday: None })
}

fn numeric(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let (y, m, d): (i16, i8, i8) =
        if c.name("y").is_some() { (num(c, "y")?, num(c, "mo")?, num(c, "d")?) } else { (num(c, "y2")?, num(c, "mo2")?, num(c, "d2")?) };
    Date::new(y, m, d).ok()?;
    Some(Parsed {
        expr: Expr::Calendar { year: Some(y), month: Some(m), day: Some(d), year_from: Relation::Recent },
        weekday: weekday_of(c, n),
    })
}

fn relative_day(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    let rd = squash(c.name("rd")?.as_str());
    let days = match rd.as_str() {
        "اول امس" | "اول من امس" => -2,
        "امس" | "البارحه" => -1,
        "اليوم" => 0,
        "غدا" => 1,
        "بعد غد" => 2,
        _ => return None,
    };
    Some(Parsed { expr: Expr::Days(days), weekday: weekday_of(c, n) })
}

fn last_night(c: &Captures<'_>, _: &Input<'_, Names>) -> Option<Parsed> {
    let days = if c.name("m")?.as_str().contains("قبل") { -2 } else { -1 };
    Some(Parsed { expr: Expr::Days(days), weekday: None })
}

fn weekday(c: &Captures<'_>, n: &Input<'_, Names>) -> Option<Parsed> {
    Some(Parsed { expr: Expr::Weekday(weekday_of(c, n)?, relation(c)), weekday: None })
}

fn unit_of(c: &Captures<'_>) -> Option<Unit> {
    match c.name("unit")?.as_str() {
        "الاسبوع" => Some(Unit::Week),
        "الشهر" => Some(Unit::Month),
        "العام" | "السنه" => Some(Unit::Year),
        _ => None,
    }
}

fn period(c: &Captures<'_>, _: &Input<'_, Names>) -> Option<Parsed> {
    let offset = match relation(c) {
        Relation::Past => -1,
        Relation::Current | Relation::Recent => 0,
        Relation::Next => 1,
    };
    Some(Parsed { expr: Expr::Period(unit_of(c)?, offset), weekday: None })
}

fn period_this(c: &Captures<'_>, _: &Input<'_, Names>) -> Option<Parsed> {
    Some(Parsed { expr: Expr::Period(unit_of(c)?, 0), weekday: None })
}

impl DateRules {
    pub(crate) fn new() -> DateRules {
        let table = Table::parse("calendar.tsv", include_str!("../../data/calendar.tsv")).expect("calendar.tsv is checked by tests");
        let mut month = HashMap::new();
        let mut weekday = HashMap::new();
        let mut month_names = Vec::new();
        let mut weekday_names = Vec::new();
        for row in table.rows() {
            let number: i8 = row.get("number").parse().expect("calendar.tsv numbers are checked by tests");
            let name = crate::normalize::fold_name(row.get("name"));
            match row.get("kind") {
                "month" => {
                    month_names.push(name.clone());
                    month.insert(name, number);
                }
                "weekday" => {
                    weekday_names.push(name.clone());
                    weekday.insert(name, iso_weekday(number));
                }
                _ => {}
            }
        }
        let mut vars: Vars = common_vars();
        vars.insert("month", alternation(month_names.iter().map(String::as_str)));
        vars.insert("weekday", alternation(weekday_names.iter().map(String::as_str)));
        vars.insert(
            "relation",
            alternation([
                "الماضي",
                "الماضية",
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
                "القادم",
                "القادمة",
            ]),
        );
        vars.insert("relative_day", alternation(["أمس", "البارحة", "أول أمس", "أول من أمس", "اليوم", "غدا", "غداً", "بعد غد"]));
        vars.insert("part_of_day", alternation(["صباح", "مساء", "ظهر", "عصر", "فجر", "ليلة", "ليل", "صبيحة", "منتصف ليل", "ظهيرة"]));
        vars.insert(
            "period_part",
            alternation(["مطلع", "منتصف", "أواخر", "أوائل", "أواسط", "نهاية", "بداية", "بدايات", "نهايات", "مطلع", "خلال", "طوال"]),
        );
        vars.insert(
            "ordinal",
            alternation(["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]),
        );
        DateRules { rules: RuleSet::new(RULES, &vars), names: Names { month, weekday } }
    }
}

fn iso_weekday(n: i8) -> Weekday {
    Weekday::from_monday_one_offset(n).unwrap_or(Weekday::Monday)
}

/// Every date of the text, resolved against the anchor; warns about unanchored relative dates
/// and weekdays that contradict their date.
pub(crate) fn find(ctx: &Context<'_>, rules: &DateRules, map: &Mapper<'_>, warnings: &mut Vec<Warning>) -> Vec<DateFound> {
    let found = rules.rules.find(&ctx.tagged, &Input { text: ctx.folded, data: &rules.names });
    found
        .into_iter()
        .filter_map(|f| {
            let d = resolve_found(f, ctx.anchor)?;
            let span = map.span(&d.range);
            if d.relative && d.value.is_none() {
                warnings.push(Warning {
                    code: "unanchored_relative_date".to_string(),
                    message: format!("{:?} is relative, but no publication date is known (use --published)", &map.input[span.range()]),
                    span,
                });
            }
            if let (Some(wd), Some(v)) = (d.weekday, &d.value) {
                if let Ok(date) = v.parse::<Date>() {
                    if date.weekday() != wd {
                        warnings.push(Warning {
                            code: "weekday_mismatch".to_string(),
                            message: format!("{:?} names a {wd:?}, but {date} is a {:?}", &map.input[span.range()], date.weekday()),
                            span,
                        });
                    }
                }
            }
            Some(d)
        })
        .collect()
}

fn resolve_found(f: Found<Parsed>, anchor: Option<Date>) -> Option<DateFound> {
    let relative = is_relative(&f.value.expr);
    let resolved = resolve(&f.value.expr, anchor);
    // An absolute date that does not exist ("31 فبراير") is no date at all.
    if !relative && resolved.is_none() {
        return None;
    }
    let grain = resolved.as_ref().map_or_else(|| grain_of(&f.value.expr), |(_, g)| *g);
    Some(DateFound {
        range: f.range,
        weekday: f.value.weekday,
        value: resolved.map(|(v, _)| v),
        grain,
        relative,
        calendar: Calendar::Gregorian,
    })
}

/// True when the expression needs the anchor.
fn is_relative(e: &Expr) -> bool {
    match e {
        Expr::Calendar { year, .. } => year.is_none(),
        Expr::Days(_) | Expr::Weekday(..) | Expr::Period(..) => true,
        Expr::Range(a, b) => is_relative(a) || is_relative(b),
    }
}

fn grain_of(e: &Expr) -> Grain {
    match e {
        Expr::Calendar { day: Some(_), .. } | Expr::Days(_) | Expr::Weekday(..) => Grain::Day,
        Expr::Calendar { month: Some(_), .. } => Grain::Month,
        Expr::Calendar { .. } => Grain::Year,
        Expr::Period(Unit::Week, _) => Grain::Week,
        Expr::Period(Unit::Month, _) => Grain::Month,
        Expr::Period(Unit::Year, _) => Grain::Year,
        Expr::Range(..) => Grain::Range,
    }
}

/// The ISO value and grain of an expression, given the anchor.
pub(crate) fn resolve(e: &Expr, anchor: Option<Date>) -> Option<(String, Grain)> {
    match e {
        Expr::Calendar { year, month, day, year_from } => {
            let y = match year {
                Some(y) => *y,
                None => infer_year(anchor?, (*month)?, *day, *year_from)?,
            };
            match (month, day) {
                (Some(m), Some(d)) => Date::new(y, *m, *d).ok().map(|d| (d.to_string(), Grain::Day)),
                (Some(m), None) => (1..=12).contains(m).then(|| (format!("{y:04}-{m:02}"), Grain::Month)),
                _ => Some((format!("{y:04}"), Grain::Year)),
            }
        }
        Expr::Days(n) => {
            let d = anchor?.checked_add((*n as i64).days()).ok()?;
            Some((d.to_string(), Grain::Day))
        }
        Expr::Weekday(wd, rel) => {
            let a = anchor?;
            let d = match rel {
                Relation::Recent | Relation::Current => {
                    if a.weekday() == *wd {
                        a
                    } else {
                        a.nth_weekday(-1, *wd).ok()?
                    }
                }
                Relation::Past => a.nth_weekday(-1, *wd).ok()?,
                Relation::Next => a.nth_weekday(1, *wd).ok()?,
            };
            Some((d.to_string(), Grain::Day))
        }
        Expr::Period(unit, offset) => {
            let a = anchor?;
            match unit {
                Unit::Week => {
                    let d = a.checked_add((*offset as i64 * 7).days()).ok()?;
                    let w = d.iso_week_date();
                    Some((format!("{:04}-W{:02}", w.year(), w.week()), Grain::Week))
                }
                Unit::Month => {
                    let d = a.first_of_month().checked_add((*offset as i64).months()).ok()?;
                    Some((format!("{:04}-{:02}", d.year(), d.month()), Grain::Month))
                }
                Unit::Year => Some((format!("{:04}", a.year() + *offset as i16), Grain::Year)),
            }
        }
        Expr::Range(a, b) => {
            let (va, _) = resolve(a, anchor)?;
            let (vb, _) = resolve(b, anchor)?;
            Some((format!("{va}/{vb}"), Grain::Range))
        }
    }
}

/// The year of a month (and day) given without one: "الماضي" is the last such month before the
/// anchor's, "المقبل" the next after it, "الجاري" the anchor's own; with no word, the most recent
/// one not after the anchor (a news article mostly reports the past), unless that is the current
/// month.
fn infer_year(anchor: Date, month: i8, day: Option<i8>, rel: Relation) -> Option<i16> {
    let y = anchor.year();
    let (am, ad) = (anchor.month(), anchor.day());
    Some(match rel {
        Relation::Current => y,
        Relation::Past => {
            if month < am || (month == am && day.is_some_and(|d| d < ad)) {
                y
            } else {
                y - 1
            }
        }
        Relation::Next => {
            if month > am || (month == am && day.is_some_and(|d| d > ad)) {
                y
            } else {
                y + 1
            }
        }
        Relation::Recent => {
            if month < am || (month == am && day.is_none_or(|d| d <= ad)) {
                y
            } else if month == am || (month as i32 - am as i32) <= 2 {
                // Soon after the anchor: an announced date this year ("في 20 نوفمبر").
                y
            } else {
                y - 1
            }
        }
    })
}

/// The publication date a dateline gives ("الرياض - 13 نوفمبر 2024", "الأربعاء 13/11/2024"):
/// the first absolute day in the first lines of the text.
pub(crate) fn find_dateline(ctx: &Context<'_>, rules: &DateRules) -> Option<Date> {
    let head_end = ctx.folded.char_indices().nth(400).map_or(ctx.folded.len(), |(i, _)| i);
    let head = &ctx.folded[..head_end];
    rules.rules.find(head, &Input { text: head, data: &rules.names }).into_iter().find_map(|f| match f.value.expr {
        Expr::Calendar { year: Some(y), month: Some(m), day: Some(d), .. } => Date::new(y, m, d).ok(),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn years_of_partial_dates() {
        let a = date(2024, 11, 13);
        assert_eq!(infer_year(a, 6, None, Relation::Past), Some(2024));
        assert_eq!(infer_year(a, 11, None, Relation::Past), Some(2023));
        assert_eq!(infer_year(a, 12, None, Relation::Past), Some(2023));
        assert_eq!(infer_year(a, 1, None, Relation::Next), Some(2025));
        assert_eq!(infer_year(a, 10, Some(25), Relation::Recent), Some(2024));
        assert_eq!(infer_year(a, 12, Some(25), Relation::Recent), Some(2024));
        assert_eq!(infer_year(a, 3, Some(2), Relation::Recent), Some(2024));
        assert_eq!(infer_year(date(2024, 2, 1), 7, Some(2), Relation::Recent), Some(2023));
    }

    #[test]
    fn weekdays_resolve_around_the_anchor() {
        let a = date(2024, 11, 13); // a Wednesday
        let r = |wd, rel| resolve(&Expr::Weekday(wd, rel), Some(a)).unwrap().0;
        assert_eq!(r(Weekday::Sunday, Relation::Past), "2024-11-10");
        assert_eq!(r(Weekday::Wednesday, Relation::Recent), "2024-11-13");
        assert_eq!(r(Weekday::Wednesday, Relation::Past), "2024-11-06");
        assert_eq!(r(Weekday::Sunday, Relation::Next), "2024-11-17");
    }

    #[test]
    fn periods() {
        let a = Some(date(2024, 1, 3));
        assert_eq!(resolve(&Expr::Period(Unit::Month, -1), a).unwrap().0, "2023-12");
        assert_eq!(resolve(&Expr::Period(Unit::Year, 0), a).unwrap().0, "2024");
        assert_eq!(resolve(&Expr::Period(Unit::Week, -1), a).unwrap().0, "2023-W52");
    }
}
