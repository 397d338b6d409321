//! `weekday-mismatch`: a weekday that contradicts the date it comes with.
//!
//! **What it finds.** A date expression that names a weekday and resolves to a date that falls on
//! another day: "أمس الثلاثاء" in an article published on Tuesday 12 November 2024 (yesterday was
//! a Monday), or "الجمعة 14 نوفمبر 2024" (14 November 2024 was a Thursday).
//!
//! **Why.** A wrong weekday is the commonest trace of an article rewritten from an older one or of
//! a wrong `published` date; either way the date a reader takes away may be false.
//!
//! **Level.** Error.

use super::{Article, Check, Hit, Level, excerpt};

pub const CHECK: Check = Check {
    code: "weekday-mismatch",
    level: Level::Error,
    summary: "a weekday that contradicts the resolved date (أمس الثلاثاء when yesterday was a Monday)",
    run,
};

fn run(article: &Article<'_>) -> Vec<Hit> {
    article
        .doc
        .warnings
        .iter()
        .filter(|w| w.code == "weekday_mismatch")
        .map(|w| {
            let text = &article.text[w.span.range()];
            let value = article.doc.dates.iter().find(|d| d.span == w.span).and_then(|d| d.value.as_deref());
            let message = match value.and_then(|v| v.parse::<khabar::Date>().ok()) {
                Some(date) => format!("{} names another weekday: {date} is a {:?}", excerpt(text), date.weekday()),
                None => format!("{} names another weekday than its date", excerpt(text)),
            };
            Hit::new(w.span, message)
        })
        .collect()
}
