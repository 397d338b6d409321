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
use crate::lexicon::{Entry, Form, Kind};
use crate::rules::{Input, Rule, RuleSet, Vars, alternation, common_vars};
use regex::Captures;
use std::ops::Range;

/// A place found by a rule.
#[derive(Debug, Clone)]
pub(crate) struct PlaceFound {
    /// The name, without the place noun.
    name: Range<usize>,
    kind: &'static str,
    /// A facility named after a place ("ميناء عدن", "قاعدة العند الجوية"): the start of the noun
    /// and the end of the phrase, adjective included.
    facility: Option<(usize, usize)>,
}

/// The compiled location rules.
pub(crate) struct LocationRules {
    places: RuleSet<(), PlaceFound>,
}

/// Place nouns that introduce a name in construct state, and the kind of place they name.
const PLACE_NOUNS: &[(&str, &str)] = &[
    ("بلدة", "city"),
    ("بلدتي", "city"),
    ("قاعدة", "site"),
    ("سهل", "region"),
    ("جبل", "site"),
    ("جزيرة", "site"),
    ("حي", "region"),
    ("قرية", "city"),
    ("قريتي", "city"),
    ("محافظة", "region"),
    ("مخيم", "site"),
    ("مدينة", "city"),
    ("مدينتي", "city"),
    ("مطار", "site"),
    ("معبر", "site"),
    ("مقاطعة", "region"),
    ("منطقة", "region"),
    ("منطقتي", "region"),
    ("ميناء", "site"),
    ("ناحية", "region"),
    ("ولاية", "region"),
    ("إقليم", "region"),
];

/// Place nouns that name a facility, not the place it is named after: "ميناء عدن" is the port,
/// "مدينة عدن" is Aden.
const FACILITY_NOUNS: &[&str] = &["قاعده", "ميناء", "مطار", "معبر"];

/// Adjectives that close a facility's name ("قاعدة العند الجوية", "مطار صنعاء الدولي").
const FACILITY_ADJECTIVES: &[&str] = &["الجويه", "الجوي", "العسكريه", "العسكري", "البحريه", "البحري", "الدولي", "الحدودي", "التجاري"];

/// Words after a name that make it a verb or a noun with a relative clause, not a place:
/// "منطقة تسيطر عليها", "مدينة لجأ إليها".
const RELATIVE_TAILS: &[&str] = &["عليها", "عليه", "فيها", "فيه", "اليها", "اليه", "منها", "منه", "بها", "به", "لها", "له"];

/// Second words that describe a place instead of naming it ("شقرة التابعة لمحافظة أبين").
const NOT_SECOND: &[&str] = &[
    "التابعه",
    "التابع",
    "الواقعه",
    "الواقع",
    "القريبه",
    "القريب",
    "المجاوره",
    "المجاور",
    "المطل",
    "المطله",
    "المحيطه",
    "الخاضعه",
    "الخاضع",
    "الملاصقه",
    "الملاصق",
    "المحاصره",
    "المحاصر",
    "الساحليه",
    "الواسعه",
    "الكبيره",
    "الصغيره",
    "الجديده",
    "القديمه",
    "المدمره",
    "المهجره",
    "المحتله",
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
    "كاملة",
    "جديدة",
    "واسعة",
    "أوسع",
    "كثيفة",
    "قريبة",
    "بعيدة",
    "مجاورة",
    "محددة",
    "معينة",
    "الاشتباكات",
    "المعارك",
    "القتال",
    "النزاع",
    "الصراع",
    "العمليات",
    "النفوذ",
    "سيطرة",
    "سيطرت",
    "سيطرته",
    "سيطرتها",
    "سيطرتهم",
    "سيتم",
    "تسيطر",
    "يسيطر",
    "مدينة",
    "منطقة",
    "قرية",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "آل",
    "بني",
];

static PLACE_RULES: &[Rule<(), PlaceFound>] = &[Rule {
    name: "place noun + name (قرية خربة الناقوس)",
    pattern: r"{{<}}{{clitic}}(?P<noun>{{place_noun}})\s+(?P<m>[\p{L}]+(?:\s+[\p{L}]+)?){{>}}",
    prod: noun_and_name,
}];

fn noun_and_name(c: &Captures<'_>, input: &Input<'_, ()>) -> Option<PlaceFound> {
    let noun_m = c.name("noun")?;
    let noun = crate::normalize::fold_name(&input.text[noun_m.range()]);
    let kind = PLACE_NOUNS.iter().find(|(n, _)| crate::normalize::fold_name(n) == noun).map(|(_, k)| *k)?;
    let facility = FACILITY_NOUNS.contains(&noun.as_str());
    let plain = noun == "سهل"; // also "easy": only before a definite name (سهل الغاب)
    let m = c.name("m")?;
    let mut words = input.text[m.range()].split(' ').filter(|w| !w.is_empty());
    let w1 = words.next()?;
    let not_place = NOT_PLACE.iter().any(|w| crate::normalize::fold_name(w) == w1);
    if not_place || !can_be_name(w1) || agrees_as_adjective(&noun, w1) || is_verb_like(w1) {
        return None;
    }
    if plain && (!w1.starts_with("ال") || ["الت", "الاست", "الوصول", "الحصول", "الفهم", "القول"].iter().any(|p| w1.starts_with(p)))
    {
        return None;
    }
    let w1_end = m.start() + input.text[m.start()..].find(w1)? + w1.len();
    let mut end = w1_end;
    let w2 = words.next();
    if let Some(w2) = w2 {
        if RELATIVE_TAILS.contains(&w2) {
            return None;
        }
        let head = PLACE_HEADS.iter().any(|h| crate::normalize::fold_name(h) == w1);
        // "حي الجحملية الشعبي", "سهل الغاب المهم": after a definite name, a definite word is
        // its adjective unless the first word heads a compound ("دير الزور").
        let second = head || (w2.starts_with("ال") && !w1.starts_with("ال"));
        if can_be_name(w2) && !is_adjective(w2) && !NOT_SECOND.contains(&w2) && second {
            end = m.end();
        }
    }
    let facility = if facility {
        // "قاعدة" is also "a rule", "a base" of anything: a named base closes with its adjective
        // ("قاعدة العند الجوية") or is named after a known place (checked by the caller).
        let adjective = w2.filter(|w| end == w1_end && FACILITY_ADJECTIVES.contains(w));
        let phrase_end = if adjective.is_some() { m.end() } else { end };
        Some((noun_m.start(), phrase_end))
    } else {
        None
    };
    // A plain or a mountain is named with its noun: "سهل الغاب", "جبل صبر".
    let start = if plain || noun == "جبل" { noun_m.start() } else { m.start() };
    Some(PlaceFound { name: start..end, kind, facility })
}

/// Records a facility named after a place: "ميناء عدن", "قاعدة العند الجوية". Named by the
/// noun and the name, mentioned with its adjective.
fn add_facility(ctx: &Context<'_>, table: &mut EntityTable, &(start, end): &(usize, usize), p: &PlaceFound) -> bool {
    let noun_end = ctx.folded[start..p.name.start].trim_end().len() + start;
    // The lexicon knows the whole facility ("معبر رفح", "مطار صنعاء الدولي").
    if ctx.lex_overlaps(&(start..noun_end)) {
        return false;
    }
    // "قاعدة" is also a rule or a base of anything ("قاعدة بيانات"): a named base closes with
    // its adjective ("قاعدة العند الجوية") or is named after a known place ("قاعدة حميميم").
    if ctx.text(&(start..noun_end)) == "قاعده" && end == p.name.end && !ctx.lex_overlaps(&p.name) {
        return false;
    }
    let named = start..p.name.end;
    let id = derived_id("site", ctx.text(&named));
    let name = ctx.original(&named).to_string();
    let i = table.get_or_insert(&id, || Item::found(id.clone(), name, "site", None));
    table.add_mention(i, start..end, false, true);
    true
}

/// A verb or a noun with an attached pronoun after an indefinite place noun, which starts a
/// relative clause ("محافظة يخسرها الحوثيون", "أول محافظة تتحرر"): an object pronoun, or the
/// تت/يت/تست/يست of derived imperfect verbs.
fn is_verb_like(w: &str) -> bool {
    let n = w.chars().count();
    (n > 4 && (w.ends_with("ها") || w.ends_with("هم") || w.ends_with("هما")))
        || (n > 3 && ["تت", "يت", "تست", "يست", "سيت", "ستت"].iter().any(|p| w.starts_with(p)))
}

/// True when `w` can be an indefinite adjective of the place noun: a nisba adjective of the
/// noun's gender ("منطقة عسكرية", "حي سكني"). One of the other gender is a name: "منطقة
/// سيلوبي", "حي إستينية".
fn agrees_as_adjective(noun: &str, w: &str) -> bool {
    if !is_adjective(w) {
        return false;
    }
    let plural = w.ends_with("يين") || w.ends_with("يون");
    let feminine_noun = noun.ends_with('ه');
    plural || (feminine_noun == w.ends_with("يه"))
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
    // Where each place found so far ends: a place joined to one by و is a place too ("قريتي خربة
    // الناقوس والمنصورة").
    let mut ends: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for f in rules.places.find(&ctx.tagged, &Input { text: ctx.folded, data: &() }) {
        let p = &f.value;
        if let Some(facility) = &p.facility {
            if add_facility(ctx, table, facility, p) {
                ends.insert(facility.1);
            }
            continue;
        }
        ends.insert(p.name.end);
        if ctx.lex_overlaps(&p.name) {
            continue;
        }
        let folded = ctx.text(&p.name).to_string();
        let id = derived_id("place", &folded);
        let name = ctx.original(&p.name).to_string();
        let i = table.get_or_insert(&id, || Item::found(id.clone(), name, p.kind, None));
        table.add_mention(i, p.name.clone(), false, true);
    }

    let countries = document_countries(ctx);
    for m in &ctx.lex {
        let entries: Vec<&Entry> = m.targets.iter().map(|t| ctx.lexicon.entry(t.entry)).collect();
        if entries.iter().any(|e| e.kind.is_actor() && e.kind != Kind::Country) {
            continue; // an organization or person of the same name is the better reading
        }
        let has_country = entries.iter().any(|e| e.kind == Kind::Country);
        let cue = has_cue(ctx, &m.range, Kind::City);
        // ك glued to a small place's name is more often part of a word (كبيرا).
        let word_start = crate::normalize::word_start(ctx.folded, m.range.start);
        let prefix = &ctx.folded[word_start..m.range.start];
        let kaf = prefix.contains('ك');
        // "في فلاديفوستوك", "إلى منروفيا": a preposition of place before a name that is no
        // everyday word; "حلب وإدلب": a place joined to another.
        let locative = (prefix.is_empty() && is_after_preposition(ctx, &m.range))
            || (prefix == "و" && word_before(ctx.folded, word_start).is_some_and(|(r, _)| ends.contains(&r.end)));
        let places: Vec<&Entry> = entries
            .iter()
            .copied()
            .filter(|e| matches!(e.kind, Kind::City | Kind::Region | Kind::Site))
            .filter(|e| !e.common_word || cue)
            .filter(|e| !is_minor(ctx, e) || (!kaf && (cue || locative || e.country.as_deref().is_some_and(|c| countries.contains(c)))))
            .collect();
        // "الكويت" is the country unless a place noun says otherwise ("مدينة الكويت").
        if places.is_empty() || (has_country && !cue) {
            continue;
        }
        let best = pick_place(ctx, table, &places);
        table.add_entry(best, m.range.clone(), false, true);
        ends.insert(m.range.end);
    }

    directional_areas(ctx, table);
}

/// A GeoNames town or site of fewer than a million people (not a capital): its name is more
/// often something else (a word, a person) unless the document is about its country.
fn is_minor(ctx: &Context<'_>, e: &Entry) -> bool {
    e.id.starts_with("gn:") && !e.is_major() && ctx.lexicon.country_of_capital(&e.id).is_none()
}

/// True when the word before `range` is في, إلى, نحو, قرب or باتجاه.
fn is_after_preposition(ctx: &Context<'_>, range: &Range<usize>) -> bool {
    word_before(ctx.folded, range.start).is_some_and(|(_, w)| {
        let w = w.strip_prefix('و').filter(|w| w.len() > 2).unwrap_or(w);
        ["في", "الي", "نحو", "قرب", "باتجاه"].contains(&w)
    })
}

/// The countries a document is about: those it names (by name or nationality adjective), and
/// those of the bodies, people, regions and major cities it names.
fn document_countries<'c>(ctx: &'c Context<'_>) -> std::collections::HashSet<&'c str> {
    let mut out = std::collections::HashSet::new();
    for m in &ctx.lex {
        for t in &m.targets {
            let e = ctx.lexicon.entry(t.entry);
            if e.kind == Kind::Country {
                // By name: an adjective alone ("وساطة مصرية") does not make an article about Egypt.
                if t.form == Form::Name {
                    out.insert(e.id.as_str());
                }
            } else if !is_minor(ctx, e) {
                if let Some(c) = e.country.as_deref() {
                    out.insert(c);
                }
            }
        }
    }
    out
}

/// Compass words that name part of a country before its name ("شمال سوريا", "شمالي العراق",
/// "شمال شرق سوريا") or, with the article, before its nationality adjective ("الشمال السوري").
const DIRECTIONS: &[(&str, &str)] = &[("شمال", "north"), ("جنوب", "south"), ("شرق", "east"), ("غرب", "west")];

/// The direction a word names (after an optional clitic, with an optional article and nisba
/// ي), whether it has the article, and the clitic's length in bytes.
fn direction(word: &str) -> Option<(&'static str, bool, usize)> {
    let w = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')).unwrap_or(word);
    let w = w.strip_prefix('ب').unwrap_or(w);
    let clitic = word.len() - w.len();
    let (w, article) = match w.strip_prefix("ال") {
        Some(rest) => (rest, true),
        None => (w, false),
    };
    let w = w.strip_suffix('ي').unwrap_or(w);
    DIRECTIONS.iter().find(|(d, _)| *d == w).map(|(_, en)| (*en, article, clitic))
}

/// The word of `text` ending just before `at` (spaces skipped), with its range.
fn word_before(text: &str, at: usize) -> Option<(Range<usize>, &str)> {
    let before = text[..at].trim_end_matches(' ');
    let start = crate::normalize::word_start(before, before.len());
    (start < before.len()).then(|| (start..before.len(), &before[start..]))
}

/// Parts of a country named by compass words: "شمال سوريا", "جنوب شرقي تركيا", "الجنوب
/// اللبناني". Not a compass word and a city ("جنوب صنعاء" says where, it names no region).
fn directional_areas(ctx: &Context<'_>, table: &mut EntityTable) {
    for m in &ctx.lex {
        let Some(country) = m.targets.iter().map(|t| (ctx.lexicon.entry(t.entry), t.form)).find(|(e, _)| e.kind == Kind::Country) else {
            continue;
        };
        let Some((r1, w1)) = word_before(ctx.folded, m.range.start) else { continue };
        let Some((d1, article1, clitic1)) = direction(w1) else { continue };
        // The article goes with the adjective ("الشمال السوري"), not with the name.
        if article1 != (country.1 == Form::Adjective) || (article1 && d1 == "west") {
            continue;
        }
        let mut start = r1.start + clitic1;
        let mut dirs = d1.to_string();
        if matches!(d1, "east" | "west") && !article1 && clitic1 == 0 {
            if let Some((r0, w0)) = word_before(ctx.folded, r1.start) {
                if let Some((d0 @ ("north" | "south"), false, clitic0)) = direction(w0) {
                    start = r0.start + clitic0;
                    dirs = format!("{d0}-{d1}");
                }
            }
        }
        let range = start..m.range.end;
        let id = format!("area:{dirs}:{}", country.0.id);
        let name = ctx.original(&range).to_string();
        let i = table.get_or_insert(&id, || Item::found(id.clone(), name, "region", Some(country.0.id.clone())));
        table.add_mention(i, range, false, true);
    }
}

/// Of several places sharing a name, the one in a country the document names, else the most
/// populous.
fn pick_place<'e>(_ctx: &Context<'_>, table: &EntityTable, places: &[&'e Entry]) -> &'e Entry {
    let named = |e: &&Entry| e.country.as_deref().is_some_and(|c| table.find(c).is_some());
    let pool: Vec<&Entry> = if places.iter().any(named) { places.iter().copied().filter(named).collect() } else { places.to_vec() };
    pool.iter().copied().max_by_key(|e| (!e.ambiguous, e.population.unwrap_or(0))).expect("at least one place")
}
