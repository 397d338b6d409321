//! Locations: named places below (and including) country level.
//!
//! From the lexicon (cities, regions, sites; names that are also everyday words — أمل، سلام،
//! النصر — only after a place noun such as مدينة or بلدة), and from the `place` rule for places
//! no lexicon holds: a place noun in construct state and a name ("قرية خربة الناقوس", "بلدة
//! العديسة").

use super::Context;
use super::actor::has_cue;
use super::entity::{EntityTable, Item, derived_id};
use super::words::can_be_name;
use crate::lexicon::{Entry, Kind};
use crate::rules::{Input, Rule, RuleSet, Vars, alternation, common_vars};
use regex::Captures;
use std::ops::Range;

/// A place found by a rule.
#[derive(Debug, Clone)]
pub(crate) struct PlaceFound {
    /// The name, without the place noun.
    name: Range<usize>,
    kind: &'static str,
}

/// The compiled location rules.
pub(crate) struct LocationRules {
    places: RuleSet<(), PlaceFound>,
}

/// Place nouns that introduce a name in construct state, and the kind of place they name.
const PLACE_NOUNS: &[(&str, &str)] = &[
    ("بلدة", "city"),
    ("جبل", "site"),
    ("جزيرة", "site"),
    ("حي", "region"),
    ("قرية", "city"),
    ("محافظة", "region"),
    ("مخيم", "site"),
    ("مدينة", "city"),
    ("مطار", "site"),
    ("معبر", "site"),
    ("مقاطعة", "region"),
    ("منطقة", "region"),
    ("ميناء", "site"),
    ("ناحية", "region"),
    ("ولاية", "region"),
    ("إقليم", "region"),
];

/// First words of compound place names: the next word belongs to the name ("خربة الناقوس",
/// "تل أبيض", "دير الزور", "كفر نبل").
const PLACE_HEADS: &[&str] = &[
    "أبو",
    "أم",
    "باب",
    "برج",
    "بني",
    "بيت",
    "بئر",
    "تل",
    "تلة",
    "جبل",
    "جسر",
    "حي",
    "خربة",
    "دير",
    "رأس",
    "سوق",
    "سيدي",
    "عين",
    "كفر",
    "مرج",
    "وادي",
    "الشيخ",
    "شيخ",
    "قصر",
];

/// Words that follow a place noun but are not names ("منطقة عازلة", "منطقة خفض التصعيد").
const NOT_PLACE: &[&str] = &[
    "عازلة",
    "آمنة",
    "خفض",
    "حظر",
    "نفوذ",
    "عمليات",
    "اشتباكات",
    "سكنية",
    "صناعية",
    "حدودية",
    "عسكرية",
    "واحدة",
    "أخرى",
    "كبيرة",
    "صغيرة",
];

static PLACE_RULES: &[Rule<(), PlaceFound>] = &[Rule {
    name: "place noun + name (قرية خربة الناقوس)",
    pattern: r"{{<}}{{clitic}}(?P<noun>{{place_noun}})\s+(?P<m>[\p{L}]+(?:\s+[\p{L}]+)?){{>}}",
    prod: noun_and_name,
}];

fn noun_and_name(c: &Captures<'_>, input: &Input<'_, ()>) -> Option<PlaceFound> {
    let noun = crate::normalize::fold_name(input.group(c, "noun")?);
    let kind = PLACE_NOUNS.iter().find(|(n, _)| crate::normalize::fold_name(n) == noun).map(|(_, k)| *k)?;
    let m = c.name("m")?;
    let mut words = input.text[m.range()].split(' ');
    let w1 = words.next()?;
    let not_place = NOT_PLACE.iter().any(|w| crate::normalize::fold_name(w) == w1);
    if not_place || !can_be_name(w1) || is_adjective(w1) {
        return None;
    }
    let mut end = m.start() + w1.len();
    if let Some(w2) = words.next() {
        let head = PLACE_HEADS.iter().any(|h| crate::normalize::fold_name(h) == w1);
        if can_be_name(w2) && !is_adjective(w2) && (head || w2.starts_with("ال")) {
            end = m.end();
        }
    }
    Some(PlaceFound { name: m.start()..end, kind })
}

/// Nisba adjectives (الشمالية، السوري، العسكرية) end in ي or يه once folded.
fn is_adjective(w: &str) -> bool {
    w.chars().count() > 3 && (w.ends_with('ي') || w.ends_with("يه") || w.ends_with("يين") || w.ends_with("يون"))
}

impl LocationRules {
    pub(crate) fn new() -> LocationRules {
        let mut vars: Vars = common_vars();
        vars.insert("place_noun", alternation(PLACE_NOUNS.iter().map(|(n, _)| *n)));
        LocationRules { places: RuleSet::new(PLACE_RULES, &vars) }
    }
}

/// Finds every place of the text and records it in `table`.
pub(crate) fn find(ctx: &Context<'_>, rules: &LocationRules, table: &mut EntityTable) {
    for m in &ctx.lex {
        let entries: Vec<&Entry> = m.targets.iter().map(|t| ctx.lexicon.entry(t.entry)).collect();
        if entries.iter().any(|e| e.kind.is_actor() && e.kind != Kind::Country) {
            continue; // an organization or person of the same name is the better reading
        }
        let has_country = entries.iter().any(|e| e.kind == Kind::Country);
        let cue = has_cue(ctx, &m.range, Kind::City);
        let places: Vec<&Entry> = entries
            .iter()
            .copied()
            .filter(|e| matches!(e.kind, Kind::City | Kind::Region | Kind::Site))
            .filter(|e| !e.common_word || cue)
            .collect();
        // "الكويت" is the country unless a place noun says otherwise ("مدينة الكويت").
        if places.is_empty() || (has_country && !cue) {
            continue;
        }
        let best = pick_place(ctx, table, &places);
        table.add_entry(best, m.range.clone(), false, true);
    }

    for f in rules.places.find(&ctx.tagged, &Input { text: ctx.folded, data: &() }) {
        let p = &f.value;
        if ctx.lex_overlaps(&p.name) {
            continue;
        }
        let folded = ctx.text(&p.name).to_string();
        let id = derived_id("place", &folded);
        let name = ctx.original(&p.name).to_string();
        let i = table.get_or_insert(&id, || Item::found(id.clone(), name, p.kind, None));
        table.add_mention(i, p.name.clone(), false, true);
    }
}

/// Of several places sharing a name, the one in a country the document names, else the most
/// populous.
fn pick_place<'e>(_ctx: &Context<'_>, table: &EntityTable, places: &[&'e Entry]) -> &'e Entry {
    let named = |e: &&Entry| e.country.as_deref().is_some_and(|c| table.find(c).is_some());
    let pool: Vec<&Entry> = if places.iter().any(named) { places.iter().copied().filter(named).collect() } else { places.to_vec() };
    pool.iter().copied().max_by_key(|e| (!e.ambiguous, e.population.unwrap_or(0))).expect("at least one place")
}
