//! Dates: every calendar expression, resolved to an ISO value against the publication date.
//!
//! A rule ([`rules`]) reads an expression into an [`Expr`] (what the text says: "the Sunday
//! before", "day 8 of November of the current year", "15 Shawwal 1436"); [`resolve`] turns it
//! into a Gregorian value given the anchor (`--published`, else a dateline: [`find_dateline`]).
//! Between the two, the findings of one text are read together:
//! - a Hijri date and the Gregorian date it is paired with ("15 شوال 1436هـ الموافق 31 يوليو
//!   2015م") are one date, valued by its Gregorian half; so are a relative day and the date that
//!   spells it out ("الأربعاء (13 نوفمبر)");
//! - "من A حتى B", "بين A و B" are one range (a comma between them keeps them apart);
//! - a date written without its year takes the year of an earlier date of the sentence ("في 24
//!   فبراير 2022 … وفي 30 سبتمبر"), of the same day written earlier with its year, or the one
//!   its weekday fits ("الخميس 14 آذار"); a future context ("ستعقد … في مارس", "على أن …")
//!   makes it, or a bare weekday, the next one rather than the last.
//!
//! Warnings: `unanchored_relative_date` for a relative date with no anchor (value null), and
//! `weekday_mismatch` for a weekday that contradicts the day it names, both with the date's span.
//!
//! Durations ("منذ ثلاث سنوات", "لمدة يومين") are not dates and no rule reads them.

mod hijri;
mod resolve;
mod rules;

pub(crate) use resolve::{Expr, Relation};
pub(crate) use rules::DateRules;

use super::{Context, Mapper};
use crate::document::{self, Calendar, Grain, Warning};
use crate::rules::{Found, Input};
use jiff::civil::{Date, Weekday};
use resolve::resolve;
use rules::{Names, Parsed, without_conjunction, word_before};
use std::collections::HashMap;
use std::ops::Range;

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

/// Every date of the text, resolved against the anchor; warns about unanchored relative dates
/// and weekdays that contradict their date.
pub(crate) fn find(ctx: &Context<'_>, rules: &DateRules, map: &Mapper<'_>, warnings: &mut Vec<Warning>) -> Vec<DateFound> {
    let found = rules.rules.find(&ctx.tagged, &Input { text: ctx.folded, data: &rules.names });
    let found = combine(ctx.folded, found);
    let mut out: Vec<DateFound> = Vec::with_capacity(found.len());
    // The previous finding of the sentence: its expression and value.
    let mut previous: Option<(Range<usize>, Expr, Option<String>)> = None;
    // The days written with their year so far: (month, day) → year.
    let mut written: HashMap<(i8, i8), i16> = HashMap::new();
    for mut f in found {
        if f.value.weak && ctx.lex_overlaps(&f.range) {
            continue;
        }
        let relative = f.value.expr.is_relative();
        let sentence = ctx.sentence_of(f.range.start).unwrap_or(0..ctx.folded.len());
        let prev = previous.as_ref().filter(|(r, _, _)| r.start >= sentence.start);
        read_in_context(ctx, &rules.names, &mut f, prev.map(|(_, e, v)| (e, v.as_deref())), sentence.start);
        same_day_as_written(&mut f.value.expr, &mut written);
        let resolved = resolve(&f.value.expr, ctx.anchor);
        // An absolute date that does not exist ("31 فبراير") is no date at all.
        if !relative && resolved.is_none() {
            continue;
        }
        let grain = resolved.as_ref().map_or_else(|| f.value.expr.grain(), |(_, g)| *g);
        let value = resolved.map(|(v, _)| v);
        previous = Some((f.range.clone(), f.value.expr.clone(), value.clone()));
        let d = DateFound { range: f.range, weekday: f.value.weekday, value, grain, relative, calendar: f.value.calendar };
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
        out.push(d);
    }
    out
}

/// Joins findings that the text joins: a Hijri date and its Gregorian equivalent, and the two
/// ends of a range.
fn combine(text: &str, found: Vec<Found<Parsed>>) -> Vec<Found<Parsed>> {
    let mut out: Vec<Found<Parsed>> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = out.last_mut() {
            let between = &text[last.range.end..f.range.start];
            if let Some(joined) =
                pair(last, &f, between).or_else(|| range(text, last, &f, between)).or_else(|| apposition(text, last, &f, between))
            {
                *last = joined;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// The date a calendar expression names to the day, if it is one.
fn is_day(e: &Expr) -> bool {
    matches!(e, Expr::Calendar { month: Some(_), day: Some(_), .. } | Expr::Hijri { month: Some(_), day: Some(_), .. })
}

/// "15 شوال 1436هـ الموافق 31 يوليو 2015م", "31 يوليو 2015 (15 شوال 1436هـ)": one date, valued
/// by its Gregorian half.
fn pair(a: &Found<Parsed>, b: &Found<Parsed>, between: &str) -> Option<Found<Parsed>> {
    let link: String = between.chars().filter(|c| !matches!(c, ' ' | '\n' | ',' | '(' | ')' | '-' | '/')).collect();
    if !matches!(link.as_str(), "" | "الموافق" | "الموافقه" | "الموافقل" | "الموافقهل" | "موافق" | "الموافقلي")
    {
        return None;
    }
    if a.value.calendar == b.value.calendar || !is_day(&a.value.expr) || !is_day(&b.value.expr) {
        return None;
    }
    let gregorian = if a.value.calendar == Calendar::Gregorian { a } else { b };
    let parsed =
        Parsed { expr: gregorian.value.expr.clone(), weekday: a.value.weekday.or(b.value.weekday), calendar: Calendar::Hijri, weak: false };
    Some(Found { rule: a.rule, range: a.range.start..b.range.end, value: parsed })
}

/// "الأربعاء (13 نوفمبر)", "أمس، 12 نوفمبر": a relative day and the date that spells it out are
/// one date, valued by the date; the weekday is checked against it.
fn apposition(text: &str, a: &Found<Parsed>, b: &Found<Parsed>, between: &str) -> Option<Found<Parsed>> {
    let weekday = match a.value.expr {
        Expr::Weekday(wd, _) => Some(wd),
        Expr::Days(_) => a.value.weekday,
        _ => return None,
    };
    if !is_day(&b.value.expr) || !between.chars().all(|c| matches!(c, ' ' | ',' | '(' | '-')) {
        return None;
    }
    let mut end = b.range.end;
    if between.contains('(') && text[end..].starts_with(')') {
        end += 1;
    }
    let parsed = Parsed { expr: b.value.expr.clone(), weekday: weekday.or(b.value.weekday), calendar: b.value.calendar, weak: false };
    Some(Found { rule: b.rule, range: a.range.start..end, value: parsed })
}

/// "من 15 ذي الحجة وتستمر حتى 15 محرم 1441هـ", "بين 3 مارس و5 أبريل": one range. The first end
/// takes its year from the second.
fn range(text: &str, a: &Found<Parsed>, b: &Found<Parsed>, between: &str) -> Option<Found<Parsed>> {
    let words: Vec<&str> = between.split_whitespace().collect();
    let opener = without_conjunction(word_before(text, a.range.start));
    let linked = match opener {
        "من" | "منذ" => match words.as_slice() {
            [to] => matches!(*to, "الي" | "حتي" | "لغايه" | "وحتي" | "والي" | "ولغايه"),
            [verb, to] => {
                matches!(*verb, "وتستمر" | "ويستمر" | "وتمتد" | "ويمتد" | "وتتواصل" | "ويتواصل") && matches!(*to, "الي" | "حتي" | "لغايه")
            }
            _ => false,
        },
        "بين" => words.as_slice() == ["و"] || (words.is_empty() && text[b.range.start.saturating_sub(1)..b.range.start].ends_with('و')),
        _ => false,
    };
    if !linked {
        return None;
    }
    let (mut first, mut second) = (a.value.expr.clone(), b.value.expr.clone());
    match (&mut first, &second.clone()) {
        (Expr::Calendar { year: y1 @ None, month: Some(m1), .. }, Expr::Calendar { year: Some(y2), month: Some(m2), .. }) => {
            *y1 = Some(if *m1 > *m2 { y2 - 1 } else { *y2 });
        }
        (Expr::Hijri { year: y1 @ None, month: Some(m1), .. }, Expr::Hijri { year: Some(y2), month: Some(m2), .. }) => {
            *y1 = Some(if *m1 > *m2 { y2 - 1 } else { *y2 });
        }
        (Expr::Calendar { year: Some(y1), month: Some(m1), .. }, Expr::Calendar { year: None, month: Some(m2), day, .. }) => {
            // "من 21 يونيو 2013 حتى 14 أغسطس": the second end in the first one's year.
            second = Expr::Calendar {
                year: Some(if m2 < m1 { *y1 + 1 } else { *y1 }),
                month: Some(*m2),
                day: *day,
                year_from: Relation::Recent,
            };
        }
        (Expr::Hijri { year: Some(y1), month: Some(m1), .. }, Expr::Hijri { year: None, month: Some(m2), day, .. }) => {
            second =
                Expr::Hijri { year: Some(if m2 < m1 { *y1 + 1 } else { *y1 }), month: Some(*m2), day: *day, year_from: Relation::Recent };
        }
        (Expr::Calendar { .. }, Expr::Calendar { .. }) | (Expr::Hijri { .. }, Expr::Hijri { .. }) => {}
        _ => return None,
    }
    let calendar =
        if a.value.calendar == Calendar::Hijri || b.value.calendar == Calendar::Hijri { Calendar::Hijri } else { Calendar::Gregorian };
    let parsed = Parsed { expr: Expr::Range(Box::new(first), Box::new(second)), weekday: None, calendar, weak: false };
    Some(Found { rule: a.rule, range: a.range.start..b.range.end, value: parsed })
}

/// A day written without its year that the text gave with one before ("من 21 يونيو 2013 حتى 14
/// أغسطس … فض الاعتصام يوم 14 أغسطس") takes that year; a day written with its year is noted.
fn same_day_as_written(e: &mut Expr, written: &mut HashMap<(i8, i8), i16>) {
    match e {
        Expr::Calendar { year: year @ None, month: Some(m), day: Some(d), year_from: Relation::Recent } => {
            if let Some(y) = written.get(&(*m, *d)) {
                *year = Some(*y);
            }
        }
        Expr::Calendar { year: Some(y), month: Some(m), day: Some(d), .. } => {
            written.insert((*m, *d), *y);
        }
        Expr::Range(a, b) => {
            same_day_as_written(a, written);
            same_day_as_written(b, written);
        }
        _ => {}
    }
}

/// Settles what the expression leaves to its context: the year of a date written without one,
/// whether a bare weekday or month is the last or the next.
fn read_in_context(ctx: &Context<'_>, names: &Names, f: &mut Found<Parsed>, prev: Option<(&Expr, Option<&str>)>, sentence_start: usize) {
    let weekday = f.value.weekday;
    // The year of an earlier date of the sentence, for a later month.
    if let (
        Expr::Calendar { year: year @ None, month: Some(m), year_from: Relation::Recent, .. },
        Some((Expr::Calendar { year: Some(py), month: Some(pm), .. }, _)),
    ) = (&mut f.value.expr, prev)
    {
        if *m >= *pm {
            *year = Some(*py);
            return;
        }
    }
    // The year in which the weekday falls on that day.
    if let (Expr::Calendar { year: year @ None, month: Some(m), day: Some(d), year_from: Relation::Recent }, Some(wd), Some(a)) =
        (&mut f.value.expr, weekday, ctx.anchor)
    {
        let fits = |y: i16| Date::new(y, *m, *d).ok().filter(|date| date.weekday() == wd);
        let a_year = a.year();
        if let Some(y) = [a_year, a_year - 1, a_year + 1].into_iter().find(|y| fits(*y).is_some()) {
            *year = Some(y);
            return;
        }
    }
    if f.value.expr.open_relation() != Some(Relation::Recent) {
        return;
    }
    let after_anchor = |v: Option<&str>| match (v, ctx.anchor) {
        (Some(v), Some(a)) => starts_after(v, a),
        _ => false,
    };
    if prev.is_some_and(|(_, v)| after_anchor(v)) || future_context(ctx, names, f.range.start, sentence_start) {
        f.value.expr.set_open_relation(Relation::Upcoming);
    }
}

/// True when an ISO value starts after the day `a` (a month after `a`'s month, a year after its
/// year).
fn starts_after(v: &str, a: Date) -> bool {
    let start = v.split('/').next().unwrap_or(v);
    let parts: Vec<i32> = start.split('-').map_while(|p| p.parse().ok()).collect();
    let anchor = [i32::from(a.year()), i32::from(a.month()), i32::from(a.day())];
    match parts.len() {
        1..=3 => parts.as_slice() > &anchor[..parts.len()],
        _ => false,
    }
}

/// True when the words before `at` in its sentence (up to eight) speak of the future: a verb
/// with the future prefix (ستعقد، سيصل), "سوف", "على أن", "من المقرر", "المقبل" … "منذ"
/// stops the search: what follows it is past.
fn future_context(ctx: &Context<'_>, names: &Names, at: usize, sentence_start: usize) -> bool {
    let text = ctx.folded;
    let start = sentence_start.min(at);
    let mut end = at;
    let mut after: &str = "";
    // After a comma, only the words that speak of the future count, not verbs: "سيتم نقل
    // الناجين، ففي حادث أبريل" is a past April.
    let mut crossed_comma = false;
    for token in text[start..at].split(' ').rev().filter(|t| !t.is_empty()).take(8) {
        let token_start = text[..end].trim_end_matches(' ').len() - token.len();
        end = token_start;
        if token.ends_with([',', ':', ';', '(', ')']) || token.starts_with([',', '(', ')']) {
            crossed_comma = true;
        }
        let word = token.trim_matches(|c: char| !c.is_alphabetic());
        if word.is_empty() {
            continue;
        }
        let bare = without_conjunction(word);
        if bare == "منذ" {
            return false;
        }
        if names.has("future_words", bare) || (bare == "علي" && matches!(after, "ان" | "يكون")) {
            return true;
        }
        if !crossed_comma && names.is_future_verb(bare) && !ctx.lex_overlaps(&(token_start..token_start + token.len())) {
            return true;
        }
        after = bare;
    }
    false
}

/// The publication date a dateline gives ("الرياض - 13 نوفمبر 2024", "الأربعاء 13/11/2024",
/// "بغداد 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م"): an absolute day in the first lines of the
/// text, at the start of its line or after a few words naming the place and the outlet. A date
/// further into a sentence ("أعلنت الحركة في 1 فبراير 2024") is an event's, not the article's.
pub(crate) fn find_dateline(ctx: &Context<'_>, rules: &DateRules) -> Option<Date> {
    let head_end = ctx.folded.char_indices().nth(400).map_or(ctx.folded.len(), |(i, _)| i);
    let head = &ctx.folded[..head_end];
    let found = combine(head, rules.rules.find(head, &Input { text: head, data: &rules.names }));
    found
        .into_iter()
        .filter(|f| !f.value.expr.is_relative() && is_day(&f.value.expr))
        .filter(|f| {
            let line = &head[head[..f.range.start].rfind('\n').map_or(0, |i| i + 1)..f.range.start];
            let words: Vec<&str> = line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
            // A place, an outlet: no preposition ("أعلنت الحركة في 1 فبراير").
            let prepositions = ["في", "منذ", "حتي", "بعد", "قبل", "خلال"];
            words.len() <= 3
                && !words.iter().any(|w| prepositions.contains(&without_conjunction(w)))
                && !line.contains(|c: char| c.is_ascii_digit())
        })
        .find_map(|f| match resolve(&f.value.expr, None) {
            Some((v, Grain::Day)) => v.parse().ok(),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn values_after_the_anchor() {
        let a = date(2024, 12, 10);
        assert!(starts_after("2025-01-03", a));
        assert!(starts_after("2024-12-11/2024-12-12", a));
        assert!(!starts_after("2024-12", a));
        assert!(starts_after("2025", a));
        assert!(!starts_after("2024-W49", a));
    }

    #[test]
    fn a_dateline_opens_a_line() {
        let doc = crate::extract("بغداد 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م (واس)\nقتل أمس خمسة أشخاص", &crate::Options::new());
        assert_eq!(doc.published.as_deref(), Some("2015-08-10"));
        assert_eq!(doc.dates[1].value.as_deref(), Some("2015-08-09"));
        // An event's date inside a sentence is no dateline.
        let doc = crate::extract("أعلنت الحركة في 1 فبراير 2024 أنها أفرجت أمس عن رهائن", &crate::Options::new());
        assert_eq!(doc.published, None);
        assert_eq!(doc.dates[1].value, None);
        assert_eq!(doc.warnings[0].code, "unanchored_relative_date");
    }

    #[test]
    fn a_weekday_that_contradicts_its_day_is_named_in_a_warning() {
        let options = crate::Options::new().published("2024-11-13").unwrap();
        let doc = crate::extract("قال المتحدث أمس الخميس إن المعبر مغلق", &options);
        assert_eq!(doc.dates[0].value.as_deref(), Some("2024-11-12"));
        assert_eq!(doc.warnings.len(), 1);
        assert_eq!(doc.warnings[0].code, "weekday_mismatch");
        assert!(doc.warnings[0].message.contains("Thursday") && doc.warnings[0].message.contains("2024-11-12"));
        // A paired Hijri and Gregorian date is checked as one.
        let doc = crate::extract("يوم الجمعة 15 شوال 1436هـ الموافق 31 يوليو 2015م", &options);
        assert_eq!((doc.dates.len(), doc.warnings.len()), (1, 0));
        assert_eq!(doc.dates[0].calendar, Calendar::Hijri);
    }

    #[test]
    fn future_verbs() {
        let rules = DateRules::new();
        let future = |w| rules.names.is_future_verb(w);
        assert!(future("ستعقد"));
        assert!(future("سيتم"));
        assert!(!future("سيطره"));
        assert!(!future("سنوات"));
        assert!(!future("سبت"));
    }
}
