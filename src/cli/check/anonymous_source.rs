//! `anonymous-source`: a claim attributed to a source the article does not name.
//!
//! **What it finds.** Every claim whose source is anonymous ("مصدر عسكري", "مسؤولون أميركيون",
//! "شهود عيان"), once per source: a claim that continues the previous one ("وأضاف المصدر …",
//! `inherited`) is not reported again.
//!
//! **Why.** Anonymous sourcing is sometimes the only way to report, so it is not wrong in itself;
//! but an editor wants to see every use, and some desks require a second source for it.
//!
//! **Example.** "وقال مصدر عسكري إن القوات انسحبت." is reported; "وقال المتحدث باسم الجيش إن
//! القوات انسحبت." is not.
//!
//! **Level.** Warning: reported, never failing unless `--deny anonymous-source` (or `deny` in
//! khabar.toml) makes it an error.

use super::{Article, Check, Hit, Level, excerpt};

pub const CHECK: Check = Check {
    code: "anonymous-source",
    level: Level::Warning,
    summary: "a claim attributed to an unnamed source (مصدر عسكري، شهود عيان)",
    run,
};

fn run(article: &Article<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    for claim in &article.doc.claims {
        let Some(a) = &claim.attribution else { continue };
        if a.inherited || a.source.kind != "anonymous" {
            continue;
        }
        // The mention of the source inside this claim, else the claim itself.
        let span =
            a.source.mentions.iter().map(|m| m.span).find(|s| s.start >= claim.span.start && s.end <= claim.span.end).unwrap_or(claim.span);
        hits.push(Hit::new(span, format!("claim attributed to an anonymous source, {}", excerpt(&a.source.name))));
    }
    hits
}
