//! What a date expression says ([`Expr`]) and the date it names once the anchor is known
//! ([`resolve`]).

use super::hijri::{self, HijriDate};
use crate::document::Grain;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// What a date expression says, before it is resolved against the anchor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A Gregorian date, possibly partial: "8 نوفمبر 2024", "فبراير 2022", "عام 2011", or "8
    /// نوفمبر الجاري" (no year: `year_from` says how to find it).
    Calendar { year: Option<i16>, month: Option<i8>, day: Option<i8>, year_from: Relation },
    /// A Hijri date, possibly partial: "15 شوال 1436هـ" (a day), "شهر رمضان" (a month: its
    /// days), "1446هـ" (a year: its days). Resolves to Gregorian days.
    Hijri { year: Option<i32>, month: Option<i8>, day: Option<i8>, year_from: Relation },
    /// Days from the anchor: أمس = -1, اليوم = 0, غداً = +1.
    Days(i32),
    /// A weekday relative to the anchor: "الأحد الماضي", "يوم الأربعاء".
    Weekday(Weekday, Relation),
    /// The night that ends on a weekday: "ليل السبت الأحد" (Saturday to Sunday).
    Night(Weekday),
    /// This, last or next week/month/year.
    Period(Unit, i32),
    /// A day of this, last or next month: "الخامس من الشهر الجاري".
    DayOfMonth(i8, i32),
    /// From one date to another: "27-28 أكتوبر".
    Range(Box<Expr>, Box<Expr>),
}

/// Which occurrence of a partial date or weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// No word says: the most recent one (a news article mostly reports the past), or one just
    /// ahead of the anchor.
    Recent,
    /// The context speaks of the future ("ستعقد … في مارس"): the next one on or after the anchor.
    Upcoming,
    /// Strictly before: "الماضي".
    Past,
    /// The one before that: "قبل الماضي".
    BeforeLast,
    /// The current one: "الجاري", "الحالي".
    Current,
    /// Strictly after: "المقبل", "القادم".
    Next,
    /// In the year this many years from the anchor's: "في أغسطس العام الماضي" (-1), "من هذا
    /// العام" (0).
    Year(i8),
}

/// The unit of a relative period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Week,
    Month,
    Year,
}

impl Expr {
    /// True when the expression needs the anchor.
    pub(crate) fn is_relative(&self) -> bool {
        match self {
            Expr::Calendar { year, .. } => year.is_none(),
            Expr::Hijri { year, .. } => year.is_none(),
            Expr::Days(_) | Expr::Weekday(..) | Expr::Night(_) | Expr::Period(..) | Expr::DayOfMonth(..) => true,
            Expr::Range(a, b) => a.is_relative() || b.is_relative(),
        }
    }

    /// The grain the expression has when it cannot be resolved.
    pub(crate) fn grain(&self) -> Grain {
        match self {
            Expr::Calendar { day: Some(_), .. }
            | Expr::Hijri { day: Some(_), .. }
            | Expr::Days(_)
            | Expr::Weekday(..)
            | Expr::DayOfMonth(..) => Grain::Day,
            Expr::Calendar { month: Some(_), .. } => Grain::Month,
            Expr::Calendar { .. } => Grain::Year,
            Expr::Hijri { .. } | Expr::Night(_) | Expr::Range(..) => Grain::Range,
            Expr::Period(Unit::Week, _) => Grain::Week,
            Expr::Period(Unit::Month, _) => Grain::Month,
            Expr::Period(Unit::Year, _) => Grain::Year,
        }
    }

    /// The relation of a date whose year (or week) is left to the context, if it is one: a
    /// month or day without a year, a weekday, a range of such.
    pub(crate) fn open_relation(&self) -> Option<Relation> {
        match self {
            Expr::Calendar { year: None, month: Some(_), year_from, .. } | Expr::Hijri { year: None, month: Some(_), year_from, .. } => {
                Some(*year_from)
            }
            Expr::Weekday(_, rel) => Some(*rel),
            Expr::Range(a, _) => a.open_relation(),
            _ => None,
        }
    }

    /// Sets the relation of every open part (see [`Expr::open_relation`]).
    pub(crate) fn set_open_relation(&mut self, rel: Relation) {
        match self {
            Expr::Calendar { year: None, month: Some(_), year_from, .. } | Expr::Hijri { year: None, month: Some(_), year_from, .. } => {
                *year_from = rel;
            }
            Expr::Weekday(_, r) => *r = rel,
            Expr::Range(a, b) => {
                a.set_open_relation(rel);
                b.set_open_relation(rel);
            }
            _ => {}
        }
    }
}

/// The ISO value and grain of an expression, given the anchor.
pub(crate) fn resolve(e: &Expr, anchor: Option<Date>) -> Option<(String, Grain)> {
    match e {
        Expr::Calendar { year, month, day, year_from } => {
            let y = match year {
                Some(y) => *y,
                None => {
                    let a = anchor?;
                    i16::try_from(infer_year((i32::from(a.year()), a.month(), a.day()), (*month)?, *day, *year_from)).ok()?
                }
            };
            match (month, day) {
                (Some(m), Some(d)) => Date::new(y, *m, *d).ok().map(|d| (d.to_string(), Grain::Day)),
                (Some(m), None) => (1..=12).contains(m).then(|| (format!("{y:04}-{m:02}"), Grain::Month)),
                _ => Some((format!("{y:04}"), Grain::Year)),
            }
        }
        Expr::Hijri { year, month, day, year_from } => {
            let y = match year {
                Some(y) => *y,
                None => {
                    let h = hijri::from_gregorian(anchor?)?;
                    let (month, am) = ((*month)?, h.month as i8);
                    match year_from {
                        // Hijri months name seasons (Ramadan, the Hajj) spoken of before they
                        // come: one of the next two months is ahead, else the last one.
                        Relation::Recent if (1..=2).contains(&(month - am).rem_euclid(12)) => {
                            if month < am {
                                h.year + 1
                            } else {
                                h.year
                            }
                        }
                        Relation::Recent if month > am || (month == am && day.is_some_and(|d| i32::from(d) > i32::from(h.day) + 14)) => {
                            h.year - 1
                        }
                        Relation::Recent => h.year,
                        rel => infer_year((h.year, am, h.day as i8), month, *day, *rel),
                    }
                }
            };
            let (first, last) = match (month, day) {
                (Some(m), Some(d)) => {
                    let g = hijri::to_gregorian(HijriDate { year: y, month: u8::try_from(*m).ok()?, day: u8::try_from(*d).ok()? })?;
                    return Some((g.to_string(), Grain::Day));
                }
                (Some(m), None) => hijri::month_days(y, u8::try_from(*m).ok()?)?,
                _ => hijri::year_days(y)?,
            };
            Some((format!("{first}/{last}"), Grain::Range))
        }
        Expr::Days(n) => {
            let d = anchor?.checked_add((*n as i64).days()).ok()?;
            Some((d.to_string(), Grain::Day))
        }
        Expr::Weekday(wd, rel) => Some((weekday_date(anchor?, *wd, *rel)?.to_string(), Grain::Day)),
        Expr::Night(wd) => {
            let end = weekday_date(anchor?, *wd, Relation::Recent)?;
            Some((format!("{}/{end}", end.checked_sub(1.day()).ok()?), Grain::Range))
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
                Unit::Year => Some((format!("{:04}", a.year().checked_add(*offset as i16)?), Grain::Year)),
            }
        }
        Expr::DayOfMonth(day, offset) => {
            let month = anchor?.first_of_month().checked_add((*offset as i64).months()).ok()?;
            Some((Date::new(month.year(), month.month(), *day).ok()?.to_string(), Grain::Day))
        }
        Expr::Range(a, b) => {
            let (va, _) = resolve(a, anchor)?;
            // Two ends without a year ("من 13 إلى 17 سبتمبر") share the first one's.
            let b = match (&**a, &**b) {
                (Expr::Calendar { year: None, month: Some(m1), .. }, Expr::Calendar { year: None, month: Some(m2), day, .. }) => {
                    let y: i16 = va.get(..4)?.parse().ok()?;
                    let year = Some(if m2 < m1 { y + 1 } else { y });
                    &Expr::Calendar { year, month: Some(*m2), day: *day, year_from: Relation::Recent }
                }
                _ => &**b,
            };
            let (vb, _) = resolve(b, anchor)?;
            // "2024-10-27/2024-10-28": a range of two intervals keeps their outer ends.
            let start = va.split('/').next().unwrap_or(&va);
            let end = vb.rsplit('/').next().unwrap_or(&vb);
            Some((format!("{start}/{end}"), Grain::Range))
        }
    }
}

/// The day a weekday names: on or before the anchor (no word, "الجاري"), strictly before
/// ("الماضي"), on or after (a future context), strictly after ("المقبل").
fn weekday_date(a: Date, wd: Weekday, rel: Relation) -> Option<Date> {
    match rel {
        Relation::Recent | Relation::Current | Relation::Year(_) if a.weekday() == wd => Some(a),
        Relation::Recent | Relation::Current | Relation::Year(_) | Relation::Past => a.nth_weekday(-1, wd).ok(),
        Relation::BeforeLast => a.nth_weekday(-2, wd).ok(),
        Relation::Upcoming if a.weekday() == wd => Some(a),
        Relation::Upcoming | Relation::Next => a.nth_weekday(1, wd).ok(),
    }
}

/// The year of a month (and day) given without one, in the anchor's calendar (Gregorian or
/// Hijri; `anchor` is its year, month, day there). "الماضي" is the last such month before the
/// anchor's, "المقبل" the next after it, "الجاري" the anchor's own, a future context the next on
/// or after it. With no word, the most recent one not after the anchor, unless it is the
/// anchor's month (an announced day of it: "بحلول 23 أغسطس") or a day within two weeks ahead.
pub(crate) fn infer_year(anchor: (i32, i8, i8), month: i8, day: Option<i8>, rel: Relation) -> i32 {
    let (y, am, ad) = anchor;
    let not_after = month < am || (month == am && day.is_none_or(|d| d <= ad));
    match rel {
        Relation::Current => y,
        Relation::Year(n) => y + i32::from(n),
        Relation::Past if month < am || (month == am && day.is_some_and(|d| d < ad)) => y,
        Relation::Past => y - 1,
        Relation::BeforeLast => infer_year(anchor, month, day, Relation::Past) - 1,
        Relation::Next if month > am || (month == am && day.is_some_and(|d| d > ad)) => y,
        Relation::Next => y + 1,
        Relation::Upcoming if month > am || (month == am && day.is_none_or(|d| d >= ad)) => y,
        Relation::Upcoming => y + 1,
        Relation::Recent => {
            // A day of the next month within two weeks of the anchor (months counted as 31
            // days) is ahead; else the last one not after the anchor, or one of the anchor's
            // own month.
            let next_month = if am == 12 { 1 } else { am + 1 };
            let soon = day.is_some_and(|d| month == next_month && i32::from(d) + 31 - i32::from(ad) <= 14);
            if soon && am == 12 {
                y + 1
            } else if soon || not_after || month == am {
                y
            } else {
                y - 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn year_of(anchor: Date, month: i8, day: Option<i8>, rel: Relation) -> i32 {
        infer_year((i32::from(anchor.year()), anchor.month(), anchor.day()), month, day, rel)
    }

    #[test]
    fn years_of_partial_dates() {
        let a = date(2024, 11, 13);
        assert_eq!(year_of(a, 6, None, Relation::Past), 2024);
        assert_eq!(year_of(a, 11, None, Relation::Past), 2023);
        assert_eq!(year_of(a, 12, None, Relation::Past), 2023);
        assert_eq!(year_of(a, 1, None, Relation::Next), 2025);
        assert_eq!(year_of(a, 10, Some(25), Relation::Recent), 2024);
        assert_eq!(year_of(a, 11, Some(25), Relation::Recent), 2024);
        assert_eq!(year_of(a, 12, Some(25), Relation::Recent), 2023);
        assert_eq!(year_of(a, 12, None, Relation::Recent), 2023);
        assert_eq!(year_of(a, 3, Some(2), Relation::Recent), 2024);
        assert_eq!(year_of(a, 1, None, Relation::Upcoming), 2025);
        assert_eq!(year_of(a, 11, None, Relation::Upcoming), 2024);
        // Two weeks ahead, across the year's end.
        assert_eq!(year_of(date(2024, 12, 28), 1, Some(3), Relation::Recent), 2025);
        assert_eq!(year_of(date(2024, 12, 10), 1, Some(10), Relation::Recent), 2024);
    }

    #[test]
    fn weekdays_resolve_around_the_anchor() {
        let a = date(2024, 11, 13); // a Wednesday
        let r = |wd, rel| resolve(&Expr::Weekday(wd, rel), Some(a)).unwrap().0;
        assert_eq!(r(Weekday::Sunday, Relation::Past), "2024-11-10");
        assert_eq!(r(Weekday::Wednesday, Relation::Recent), "2024-11-13");
        assert_eq!(r(Weekday::Wednesday, Relation::Past), "2024-11-06");
        assert_eq!(r(Weekday::Sunday, Relation::Next), "2024-11-17");
        assert_eq!(r(Weekday::Sunday, Relation::BeforeLast), "2024-11-03");
        assert_eq!(r(Weekday::Friday, Relation::Upcoming), "2024-11-15");
        assert_eq!(r(Weekday::Wednesday, Relation::Upcoming), "2024-11-13");
        assert_eq!(resolve(&Expr::Night(Weekday::Sunday), Some(a)).unwrap().0, "2024-11-09/2024-11-10");
    }

    #[test]
    fn periods() {
        let a = Some(date(2024, 1, 3));
        assert_eq!(resolve(&Expr::Period(Unit::Month, -1), a).unwrap().0, "2023-12");
        assert_eq!(resolve(&Expr::Period(Unit::Year, 0), a).unwrap().0, "2024");
        assert_eq!(resolve(&Expr::Period(Unit::Week, -1), a).unwrap().0, "2023-W52");
        assert_eq!(resolve(&Expr::DayOfMonth(31, 0), a).unwrap().0, "2024-01-31");
        assert_eq!(resolve(&Expr::DayOfMonth(31, 1), a), None);
    }

    #[test]
    fn hijri_dates_resolve_to_gregorian_days() {
        let h = |year, month, day| Expr::Hijri { year, month, day, year_from: Relation::Recent };
        assert_eq!(resolve(&h(Some(1446), Some(9), Some(1)), None).unwrap().0, "2025-03-01");
        assert_eq!(resolve(&h(Some(1444), Some(10), None), None).unwrap().0, "2023-04-21/2023-05-20");
        assert_eq!(resolve(&h(Some(1446), None, None), None).unwrap().0, "2024-07-07/2025-06-25");
        // 2019-08-12 is 11 Dhu al-Hijjah 1440: the 15th is days ahead, Muharram is the next.
        let a = Some(date(2019, 8, 12));
        assert_eq!(resolve(&h(None, Some(12), Some(15)), a).unwrap().0, "2019-08-16");
        assert_eq!(resolve(&h(None, Some(9), None), a).unwrap().0, "2019-05-06/2019-06-03");
        // Muharram is the next month; Ashura three months ahead is last year's.
        assert_eq!(resolve(&h(None, Some(1), Some(1)), a).unwrap().0, "2019-08-31");
        let a = Some(date(2015, 8, 9)); // 24 Shawwal 1436
        assert_eq!(resolve(&h(None, Some(1), Some(10)), a).unwrap().0, "2014-11-03");
    }
}
