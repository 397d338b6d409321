//! `unresolved-date`: a relative date that cannot be turned into a real date.
//!
//! **What it finds.** Relative expressions (أمس، الأحد الماضي، الشهر الجاري) in an article with no
//! publication date: no `--published` (or `published` in a JSON Lines input) and no dateline in
//! the text ("الرياض - 13 نوفمبر 2024").
//!
//! **Why.** "أمس" means nothing once the article is republished, archived or read a week later;
//! an editor either adds a dateline or writes the date.
//!
//! **Example.** "وصل الوفد أمس." with no dateline and no `--published` is flagged; the same text
//! after "الرياض - 13 نوفمبر 2024" is not.
//!
//! **Level.** Error. Run `check` with `--published` (or give articles a dateline) when relative
//! dates are house style, or `--allow unresolved-date`.

use super::{Article, Check, Hit, Level, excerpt};

pub const CHECK: Check = Check {
    code: "unresolved-date",
    level: Level::Error,
    summary: "a relative date with no publication date or dateline to resolve it against",
    run,
};

fn run(article: &Article<'_>) -> Vec<Hit> {
    article
        .doc
        .warnings
        .iter()
        .filter(|w| w.code == "unanchored_relative_date")
        .map(|w| {
            let text = &article.text[w.span.range()];
            Hit::new(w.span, format!("relative date {} cannot be resolved: no publication date (--published) or dateline", excerpt(text)))
        })
        .collect()
}
