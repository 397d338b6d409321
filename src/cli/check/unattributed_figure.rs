//! `unattributed-figure`: a troop or casualty figure in a claim that names no source.
//!
//! **What it finds.** Every troop count and casualty figure inside a claim whose attribution is
//! null, that is, a claim the outlet asserts on its own authority. Three things are left out, so
//! that every finding is one figure to source:
//! - a vague quantity with no number ("عشرات المقاتلين", "dozens of fighters");
//! - a troop figure inside a casualty figure ("7 جنود" in "مقتل 7 جنود"): the casualty is reported;
//! - a figure that an attributed claim of the same article gives too (same kind, same number, same
//!   status): a headline summing up a sourced paragraph.
//!
//! **Why.** Numbers of soldiers and of dead are the facts most often disputed and most often
//! wrong; a newsroom's style guide asks for every one to say who gives it. An unsourced "مقتل 40
//! جندياً" reads as the outlet's own count.
//!
//! **Example.** "وصل 3 آلاف جندي إلى الحدود." is flagged; "وقالت وزارة الدفاع إن 3 آلاف جندي
//! وصلوا إلى الحدود." and "وصل 3 آلاف جندي إلى الحدود، بحسب رويترز." are not. An anonymous
//! source ("قال مصدر عسكري") counts as a source here; `anonymous-source` reports those.
//!
//! **Level.** Error: this is the check the specification asks CI to fail on.

use super::{Article, Check, Hit, Level, excerpt};
use khabar::{CasualtyStatus, Qualifier};

pub const CHECK: Check =
    Check { code: "unattributed-figure", level: Level::Error, summary: "a troop or casualty figure in a claim that names no source", run };

/// What makes two figures the same figure: troops or a casualty status, and the numbers.
type Key = (Option<CasualtyStatus>, Option<u64>, Option<u64>);

fn run(article: &Article<'_>) -> Vec<Hit> {
    let claims = &article.doc.claims;
    let sourced: Vec<Key> = claims
        .iter()
        .filter(|c| c.attribution.is_some())
        .flat_map(|c| {
            let troops = c.troops.iter().map(|t| (None, t.count, t.count_max));
            troops.chain(c.casualties.iter().map(|k| (Some(k.status), k.count, k.count_max)))
        })
        .collect();
    let mut hits = Vec::new();
    for claim in claims.iter().filter(|c| c.attribution.is_none()) {
        for t in &claim.troops {
            let in_casualty = claim.casualties.iter().any(|k| k.span.start <= t.span.start && t.span.end <= k.span.end);
            if t.qualifier == Qualifier::Vague || t.count.is_none() || in_casualty || sourced.contains(&(None, t.count, t.count_max)) {
                continue;
            }
            hits.push(Hit::new(t.span, format!("troop figure {} has no source: say who gives it", excerpt(&t.text))));
        }
        for k in &claim.casualties {
            if k.qualifier == Qualifier::Vague || k.count.is_none() || sourced.contains(&(Some(k.status), k.count, k.count_max)) {
                continue;
            }
            hits.push(Hit::new(k.span, format!("casualty figure {} has no source: say who gives it", excerpt(&k.text))));
        }
    }
    hits
}
