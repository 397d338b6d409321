//! Troop figures: how many soldiers, fighters or officers, how exact, and whose.
//!
//! A figure is a number (digits, words or both: "10 آلاف", "ألفي", "1.5 مليون") and a personnel
//! noun of `data/units.tsv`, with a hedge of `data/hedges.tsv` before it ("أكثر من", "ما يصل
//! إلى") or after it ("على الأقل"). The side is read from a nationality adjective ("جندي كوري
//! شمالي"), "من + country" ("جنود من كوريا الشمالية"), or the country or force that sends them
//! earlier in the sentence ("كوريا الشمالية يمكن أن ترسل ما يصل إلى 12 ألف جندي").

use super::entity::{EntityTable, Positions};
use super::{Context, Mapper};
use crate::document::{self, Qualifier};
use crate::lexicon::Kind;
use crate::number::parse_numbers;
use crate::rules::{Input, Rule, RuleSet, Vars, alternation, common_vars};
use crate::table::Table;
use regex::Captures;
use std::collections::HashMap;
use std::ops::Range;

/// Tables the figure rules read: hedges, personnel nouns, nationality adjectives.
pub(crate) struct FigureTables {
    pub hedge: HashMap<String, Qualifier>,
    /// Folded noun → (group, counts as troops).
    pub unit: HashMap<String, (&'static str, bool)>,
    /// Folded adjective → country id.
    pub adjective: HashMap<String, String>,
}

/// What a figure rule reads: the number, its bounds and hedge, the noun, a nationality.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    pub count: Option<u64>,
    pub count_max: Option<u64>,
    pub qualifier: Qualifier,
    /// The personnel noun (folded range).
    pub unit: Option<Range<usize>>,
    /// The country a nationality adjective names.
    pub country: Option<String>,
}

/// A troop figure found in the text.
#[derive(Debug, Clone)]
pub(crate) struct TroopFound {
    pub range: Range<usize>,
    pub figure: Figure,
    /// The entity (index in the document's table) the troops belong to, and the text that
    /// says so (a nationality inside the figure, or the mention of the side).
    pub actor: Option<(usize, Range<usize>)>,
}

impl TroopFound {
    /// The output form; the actor carries only the mention that names the side.
    pub(crate) fn to_output(&self, map: &Mapper<'_>, entities: &EntityTable) -> document::TroopCount {
        let (text, span) = map.text_span(&self.range);
        let unit = self.figure.unit.as_ref().map(|u| map.text_span(u).0).unwrap_or_default();
        document::TroopCount {
            text,
            span,
            count: self.figure.count,
            count_max: self.figure.count_max,
            qualifier: self.figure.qualifier,
            unit,
            actor: self.actor.as_ref().map(|(i, why)| entities.output_within(*i, why, map)),
        }
    }
}

/// The compiled troop rules.
pub(crate) struct TroopRules {
    tables: FigureTables,
    rules: RuleSet<FigureTables, Figure>,
}

static RULES: &[Rule<FigureTables, Figure>] = &[
    Rule {
        name: "between n and m + noun (بين 3 و5 آلاف جندي)",
        pattern: r"{{<}}(?P<m>(?:ما\s+)?بين\s+(?P<num>{{number}})\s+و\s*(?P<num2>{{number}})\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}})(?:\s+(?P<adj>{{adjective}}))?){{>}}",
        prod: between,
    },
    Rule {
        name: "hedge? number + noun + nationality? (أكثر من 10 آلاف جندي كوري شمالي)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}})(?:\s+(?P<adj>{{adjective}}))?(?:\s+(?P<post>{{post_hedge}}))?){{>}}",
        prod: counted,
    },
    Rule {
        name: "a force numbering n (قوة قوامها 3 آلاف)",
        pattern: r"{{<}}{{clitic}}(?:قوة|قوات)(?:\s+[\p{L}]+){0,3}?\s+(?:قوامها|عديدها|تعدادها|يبلغ\s+عددها|يبلغ\s+قوامها|تضم)\s+(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})(?:\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}}))?){{>}}",
        prod: counted,
    },
    Rule {
        name: "vague (عشرات الآلاف من الجنود)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<vague>عشرات|مئات|آلاف|الآلاف|ألوف)(?:\s+(?:الآلاف|آلاف))?\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}})(?:\s+(?P<adj>{{adjective}}))?){{>}}",
        prod: vague,
    },
];

/// Parses the text of group `g` as exactly one number.
pub(crate) fn number_of<D>(c: &Captures<'_>, i: &Input<'_, D>, g: &str) -> Option<(f64, bool)> {
    let text = i.group(c, g)?;
    let found = parse_numbers(text);
    match found.as_slice() {
        [n] if n.range == (0..text.len()) => Some((n.value, n.vague)),
        _ => None,
    }
}

pub(crate) fn integer(v: f64) -> Option<u64> {
    (v >= 1.0 && v.fract().abs() < 1e-9 && v < 1e15).then_some(v.round() as u64)
}

pub(crate) fn unit_of<D>(c: &Captures<'_>, i: &Input<'_, D>, t: &FigureTables) -> (Option<Range<usize>>, &'static str) {
    match c.name("unit") {
        Some(u) => (Some(u.range()), t.unit.get(&squash(&i.text[u.range()])).map_or("unknown", |(g, _)| *g)),
        None => (None, "unknown"),
    }
}

pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn qualifier_of<D>(c: &Captures<'_>, i: &Input<'_, D>, t: &FigureTables) -> Qualifier {
    if let Some(h) = i.group(c, "hedge") {
        if let Some(q) = t.hedge.get(&squash(h)) {
            return *q;
        }
    }
    match i.group(c, "post").map(squash) {
        Some(p) if p.contains("الاقل") => Qualifier::AtLeast,
        Some(_) => Qualifier::About,
        None => Qualifier::Exact,
    }
}

pub(crate) fn country_of<D>(c: &Captures<'_>, i: &Input<'_, D>, t: &FigureTables) -> Option<String> {
    i.group(c, "adj").and_then(|a| t.adjective.get(&squash(a)).cloned())
}

/// True when group `unit` holds a noun that counts troops.
fn counts_troops(c: &Captures<'_>, i: &Input<'_, FigureTables>) -> bool {
    i.group(c, "unit").and_then(|u| i.data.unit.get(&squash(u))).is_some_and(|(_, troop)| *troop)
}

fn counted(c: &Captures<'_>, i: &Input<'_, FigureTables>) -> Option<Figure> {
    let t = i.data;
    let (value, vague) = number_of(c, i, "num")?;
    if vague {
        return None; // "آلاف الجنود" is the vague rule's
    }
    let (unit, _) = unit_of(c, i, t);
    let count = integer(value)?;
    // "قوة قوامها 3 آلاف" needs no noun; everywhere else the noun must count troops.
    if unit.is_some() && !counts_troops(c, i) {
        return None;
    }
    Some(Figure { count: Some(count), count_max: None, qualifier: qualifier_of(c, i, t), unit, country: country_of(c, i, t) })
}

fn between(c: &Captures<'_>, i: &Input<'_, FigureTables>) -> Option<Figure> {
    let t = i.data;
    let (a, _) = number_of(c, i, "num")?;
    let (b, _) = number_of(c, i, "num2")?;
    let (unit, _) = unit_of(c, i, t);
    // "بين 3 و5 آلاف": the multiplier of the second number applies to the first.
    let multiplier = 10f64.powi(3 * (b.log10() / 3.0).floor() as i32);
    let a = if multiplier > 1.0 && a < multiplier && a * multiplier <= b { a * multiplier } else { a };
    Some(Figure { count: integer(a), count_max: integer(b), qualifier: Qualifier::Range, unit, country: country_of(c, i, t) })
}

fn vague(c: &Captures<'_>, i: &Input<'_, FigureTables>) -> Option<Figure> {
    let (unit, _) = unit_of(c, i, i.data);
    if !counts_troops(c, i) {
        return None;
    }
    Some(Figure { count: None, count_max: None, qualifier: Qualifier::Vague, unit, country: country_of(c, i, i.data) })
}

impl FigureTables {
    pub(crate) fn new(adjective: HashMap<String, String>) -> FigureTables {
        let hedges = Table::parse("hedges.tsv", include_str!("../../data/hedges.tsv")).expect("hedges.tsv is checked by tests");
        let units = Table::parse("units.tsv", include_str!("../../data/units.tsv")).expect("units.tsv is checked by tests");
        let hedge = hedges
            .rows()
            .map(|r| {
                let q = match r.get("qualifier") {
                    "about" => Qualifier::About,
                    "more_than" => Qualifier::MoreThan,
                    "at_least" => Qualifier::AtLeast,
                    "up_to" => Qualifier::UpTo,
                    "less_than" => Qualifier::LessThan,
                    _ => Qualifier::Exact,
                };
                (crate::normalize::fold_name(r.get("phrase")), q)
            })
            .collect();
        let unit = units
            .rows()
            .map(|r| {
                let group = match r.get("group") {
                    "soldiers" => "soldiers",
                    "militants" => "militants",
                    "civilians" => "civilians",
                    _ => "unknown",
                };
                (crate::normalize::fold_name(r.get("word")), (group, r.get("troop") == "yes"))
            })
            .collect();
        FigureTables { hedge, unit, adjective }
    }

    /// The placeholders the figure rules use.
    pub(crate) fn vars(&self) -> Vars {
        let mut vars = common_vars();
        vars.insert("hedge", alternation(self.hedge.keys().map(String::as_str)));
        vars.insert("post_hedge", alternation(["على الأقل", "تقريبا", "تقريباً"]));
        vars.insert("troop_unit", alternation(self.unit.iter().filter(|(_, (_, t))| *t).map(|(k, _)| k.as_str())));
        vars.insert("person_unit", alternation(self.unit.keys().map(String::as_str)));
        vars.insert("number", number_pattern());
        vars
    }
}

/// A regex that matches what [`parse_numbers`] may read as one number: digit groups and number
/// words joined by spaces and و. The parser then decides.
pub(crate) fn number_pattern() -> String {
    let words = include_str!("../../data/numbers.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("word\t") && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next());
    let word = alternation(words);
    format!(r"(?:(?:\d[\d.,]*\d|\d)|{word})(?:\s+(?:(?:و\s*)?(?:\d[\d.,]*\d|\d)|(?:و)?{word}))*")
}

impl TroopRules {
    pub(crate) fn new(adjective: HashMap<String, String>) -> TroopRules {
        let tables = FigureTables::new(adjective);
        let vars = tables.vars();
        TroopRules { rules: RuleSet::new(RULES, &vars), tables }
    }
}

/// Every troop figure of the text, with its side.
pub(crate) fn find(ctx: &Context<'_>, rules: &TroopRules, entities: &EntityTable, positions: &Positions) -> Vec<TroopFound> {
    rules
        .rules
        .find(&ctx.tagged, &Input { text: ctx.folded, data: &rules.tables })
        .into_iter()
        .map(|f| {
            let actor = side_of(ctx, entities, positions, &f.range, f.value.country.as_deref());
            TroopFound { range: f.range, figure: f.value, actor }
        })
        .collect()
}

/// Whose troops: the nationality the figure names; else "من + country/force" right after it;
/// else the nearest country or force named before it in its sentence.
pub(crate) fn side_of(
    ctx: &Context<'_>,
    entities: &EntityTable,
    positions: &Positions,
    range: &Range<usize>,
    country: Option<&str>,
) -> Option<(usize, Range<usize>)> {
    if let Some(c) = country {
        return entities.find(c).map(|i| (i, range.clone()));
    }
    let sentence = ctx.sentence_of(range.start).unwrap_or(range.clone());
    let is_side = |i: usize| {
        let k = entities.items[i].kind;
        k == Kind::Country.as_str() || k == Kind::ArmedForce.as_str() || k == Kind::ArmedGroup.as_str()
    };
    // "جنود من كوريا الشمالية", "عناصر من حزب الله"
    let after = &ctx.folded[range.end..sentence.end.max(range.end)];
    let trimmed = after.trim_start();
    if let Some(rest) = trimmed.strip_prefix("من ").or_else(|| trimmed.strip_prefix("تابعين ل")) {
        let at = range.end + (after.len() - rest.len());
        if let Some(&(s, e, i, _, _)) = positions.starting_at(at).find(|m| m.3 && is_side(m.2)) {
            return Some(side(entities, i, s..e));
        }
    }
    // The nearest side named before the figure in its sentence.
    positions
        .before(range.start)
        .take_while(|m| m.0 >= sentence.start)
        .find(|m| m.3 && is_side(m.2))
        .map(|&(s, e, i, _, _)| side(entities, i, s..e))
}

/// A country's armed force counts as the country's side (the mention names both).
fn side(entities: &EntityTable, i: usize, mention: Range<usize>) -> (usize, Range<usize>) {
    (country_or_self(entities, i), mention)
}

/// A country's armed force counts as the country's side.
fn country_or_self(entities: &EntityTable, i: usize) -> usize {
    let item = &entities.items[i];
    if item.kind == Kind::ArmedForce.as_str() {
        if let Some(c) = item.country.as_deref().and_then(|c| entities.find(c)) {
            return c;
        }
    }
    i
}
