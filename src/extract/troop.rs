//! Troop figures: how many soldiers, fighters or officers, how exact, and whose.
//!
//! A figure is a number (digits, words or both: "10 آلاف", "ألفي", "1.5 مليون") and a personnel
//! noun of `data/units.tsv`, with a hedge of `data/hedges.tsv` before it ("أكثر من", "ما يصل
//! إلى", "أزيد من") or after it ("على الأقل"); a range ("بين 3 و5 آلاف", "من 2000 إلى 3000
//! مقاتل"); a force whose size is given ("كتيبة قوامها 750 عنصراً", "مرتزقة فاغنر البالغ عددهم
//! 5 آلاف"); or "N آخرون" right after a troop figure of the same sentence.
//!
//! The side, in order: a nationality adjective in the figure ("جندي كوري شمالي", "جندياً
//! روسياً"); the noun phrase after it ("من عناصر الحشد الشعبي", "من جنود مشاة البحرية
//! الأمريكية"); "من + country or force" ("جنود من كوريا الشمالية"; not after a withdrawal verb,
//! and none for a force of several countries); the nearest country, force, group or alliance
//! before it in the sentence that is not the object of a preposition of place ("في أفغانستان");
//! failing one, the country of the person or body that speaks or acts ("أعلن البنتاغون نشر …").
//! "جندي أجنبي" has no side.

use super::entity::{EntityTable, Positions};
use super::{Context, Mapper};
use crate::document::{self, Qualifier};
use crate::lexicon::Kind;
use crate::number::parse_numbers;
use crate::rules::{ADJECTIVE_MARK, Input, Rule, RuleSet, Vars, alternation, common_vars, squash};
use crate::table::Table;
use regex::Captures;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Tables the figure rules read: hedges, personnel nouns, nationality adjectives.
pub(crate) struct FigureTables {
    pub hedge: HashMap<String, Qualifier>,
    /// Folded noun → (group, counts as troops).
    pub unit: HashMap<String, (&'static str, bool)>,
    /// Folded dual nouns that count two by themselves ("جنديان", "شخصين").
    pub dual: Vec<String>,
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
    /// "3300 آخرون": more of the troops of the figure before.
    pub others: bool,
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
        pattern: r"{{<}}(?P<m>(?:ما\s+)?بين\s+(?P<num>{{number}})\s+و\s*(?P<num2>{{number}})\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}})(?:\s+(?P<adj>{{nationality}}))?){{>}}",
        prod: between,
    },
    Rule {
        name: "from n to m + noun (من 2000 إلى 3000 مقاتل)",
        pattern: r"{{<}}(?P<m>(?:من\s+)?(?P<num>{{number}})\s*(?:-|–|إلى|الى)\s*(?P<num2>{{number}})\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}})(?:\s+(?P<adj>{{nationality}}))?){{>}}",
        prod: between,
    },
    Rule {
        name: "hedge? number + noun + nationality? (أكثر من 10 آلاف جندي كوري شمالي)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}})(?:\s+(?P<adj>{{nationality}}))?(?:\s+(?P<post>{{post_hedge}}))?){{>}}",
        prod: counted,
    },
    Rule {
        name: "a force numbering n (قوة قوامها 3 آلاف)",
        pattern: r"{{<}}{{clitic}}(?:قوة|قوات|كتيبة|لواء|فرقة|وحدة|وحدات|فوج|بعثة|تعزيزات)(?:\s+[\p{L}]+){0,3}?\s+(?:قوامها|قوامه|عديدها|عديده|تعدادها|تعداده|يبلغ\s+عددها|يبلغ\s+عدده|يبلغ\s+قوامها|يبلغ\s+قوامه|تضم|يضم)\s+(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})(?:\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}}))?){{>}}",
        prod: counted,
    },
    Rule {
        name: "troops whose number is n (مرتزقة فاغنر البالغ عددهم 5 آلاف)",
        pattern: r"{{<}}{{clitic}}(?:ال)?{{troop_unit}}(?:\s+[\p{L}]+){0,3}?\s+(?:(?:الذين|اللذين)\s+)?(?:و?(?:البالغ|البالغة|يبلغ|تبلغ|بلغ|يقدر|تقدر|المقدر)\s+)(?:عددهم|عددها|عدده|قوامهم|قوامها)\s+(?:ب|(?:إلى|الى|بنحو)\s+)?(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})(?:\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}}))?){{>}}",
        prod: counted,
    },
    Rule {
        name: "others (3300 آخرون), kept only after a troop figure of the same sentence",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?P<others>آخرون|آخرين|اخرين)){{>}}",
        prod: others,
    },
    Rule {
        name: "vague (عشرات الآلاف من الجنود)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<vague>عشرات|مئات|آلاف|الآلاف|ألوف)(?:\s+(?:الآلاف|آلاف))?\s+(?:من\s+)?(?:ال)?(?P<unit>{{troop_unit}})(?:\s+(?P<adj>{{nationality}}))?){{>}}",
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
    let a = squash(i.group(c, "adj")?);
    t.adjective.get(&a).or_else(|| a.strip_suffix('ا').and_then(|b| t.adjective.get(b))).cloned()
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
    Some(Figure {
        count: Some(count),
        count_max: None,
        qualifier: qualifier_of(c, i, t),
        unit,
        country: country_of(c, i, t),
        others: false,
    })
}

fn others(c: &Captures<'_>, i: &Input<'_, FigureTables>) -> Option<Figure> {
    let (value, vague) = number_of(c, i, "num")?;
    if vague {
        return None;
    }
    Some(Figure {
        count: Some(integer(value)?),
        count_max: None,
        qualifier: qualifier_of(c, i, i.data),
        unit: None,
        country: None,
        others: true,
    })
}

fn between(c: &Captures<'_>, i: &Input<'_, FigureTables>) -> Option<Figure> {
    let t = i.data;
    let (a, _) = number_of(c, i, "num")?;
    let (b, _) = number_of(c, i, "num2")?;
    let (unit, _) = unit_of(c, i, t);
    // "بين 3 و5 آلاف": the multiplier of the second number applies to the first.
    let multiplier = 10f64.powi(3 * (b.log10() / 3.0).floor() as i32);
    let a = if multiplier > 1.0 && a < multiplier && a * multiplier <= b { a * multiplier } else { a };
    if a >= b {
        return None;
    }
    Some(Figure {
        count: integer(a),
        count_max: integer(b),
        qualifier: Qualifier::Range,
        unit,
        country: country_of(c, i, t),
        others: false,
    })
}

fn vague(c: &Captures<'_>, i: &Input<'_, FigureTables>) -> Option<Figure> {
    let (unit, _) = unit_of(c, i, i.data);
    if !counts_troops(c, i) {
        return None;
    }
    Some(Figure { count: None, count_max: None, qualifier: Qualifier::Vague, unit, country: country_of(c, i, i.data), others: false })
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
        let dual = units.rows().filter(|r| r.get("count") == "2").map(|r| crate::normalize::fold_name(r.get("word"))).collect();
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
        FigureTables { hedge, unit, dual, adjective }
    }

    /// The placeholders the figure rules use.
    pub(crate) fn vars(&self) -> Vars {
        let mut vars = common_vars();
        vars.insert("hedge", alternation(self.hedge.keys().map(String::as_str)));
        vars.insert("post_hedge", alternation(["على الأقل", "تقريبا", "تقريباً"]));
        vars.insert("troop_unit", alternation(self.unit.iter().filter(|(_, (_, t))| *t).map(|(k, _)| k.as_str())));
        vars.insert("person_unit", alternation(self.unit.keys().map(String::as_str)));
        // "روسياً", "فلسطينياً": the accusative of an adjective is not always tagged (it may be
        // spelled like the country's name).
        let accusative =
            self.adjective.keys().filter(|k| !k.contains(' ') && !k.starts_with("ال") && k.ends_with('ي')).map(|k| format!("{k}ا"));
        let accusative: Vec<String> = accusative.collect();
        vars.insert("nationality", format!("(?:{}|{})", vars["adjective"], alternation(accusative.iter().map(String::as_str))));
        vars.insert("dual_unit", alternation(self.dual.iter().map(String::as_str)));
        vars.insert("number", number_pattern());
        // One word: no digits, no punctuation that ends a phrase.
        vars.insert("w", r#"[^\s\d,،.:;؛!?«»"()\[\]]+"#.to_string());
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
    let mut out: Vec<TroopFound> = Vec::new();
    for f in rules.rules.find(&ctx.tagged, &Input { text: ctx.folded, data: &rules.tables }) {
        if f.value.others {
            // "آخرون" counts troops only right after a troop figure of the same sentence, and
            // not as the object of a casualty verb ("وأصيب 20 آخرون").
            let sentence = ctx.sentence_of(f.range.start);
            let Some(prev) = out.last().filter(|p| sentence.as_ref().is_some_and(|s| s.start <= p.range.start)) else { continue };
            let word_before = ctx.folded[..f.range.start].split_whitespace().next_back().unwrap_or("");
            let bare = word_before.strip_prefix(['و', 'ف']).unwrap_or(word_before);
            if CASUALTY_CUES.contains(word_before) || CASUALTY_CUES.contains(bare) {
                continue;
            }
            let actor = prev.actor.clone();
            out.push(TroopFound { range: f.range, figure: f.value, actor });
            continue;
        }
        let next_word = ctx.folded[f.range.end..].split_whitespace().next().unwrap_or("");
        let actor = if f.value.country.is_none() && FOREIGN.contains(&next_word.trim_end_matches(|c: char| !c.is_alphabetic())) {
            None
        } else if let (None, Some(found)) = (&f.value.country, following_side(ctx, &rules.tables, entities, positions, f.range.end)) {
            Some(found)
        } else {
            side_of(ctx, entities, positions, &f.range, f.value.country.as_deref())
        };
        out.push(TroopFound { range: f.range, figure: f.value, actor });
    }
    out
}

/// The casualty cues (folded): after one, "N آخرون" are casualties rather than more troops.
static CASUALTY_CUES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let cues =
        Table::parse("casualty_cues.tsv", include_str!("../../data/casualty_cues.tsv")).expect("casualty_cues.tsv is checked by tests");
    cues.rows().map(|r| crate::normalize::fold_name(r.get("word"))).collect()
});

/// Adjectives that say the troops are foreign without saying whose ("جندي أجنبي").
const FOREIGN: &[&str] = &["اجنبي", "اجنبيا", "اجنبيه", "اجانب", "الاجنبي", "الاجنبيه", "الاجانب", "اجنبيين"];

/// The side named in the noun phrase that goes on after the figure: "7 آلاف من عناصر الحشد
/// الشعبي", "200 من جنود مشاة البحرية الأمريكية". The phrase ends at a preposition, a word with
/// a clitic (و، ل، ب) or punctuation, and is at most three words.
pub(crate) fn following_side(
    ctx: &Context<'_>,
    tables: &FigureTables,
    entities: &EntityTable,
    positions: &Positions,
    from: usize,
) -> Option<(usize, Range<usize>)> {
    let mut at = from;
    for _ in 0..3 {
        let rest = &ctx.tagged[at..];
        let ws = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if ws == 0 {
            return None;
        }
        let start = at + ws;
        if let Some(found) = side_starting_at(entities, positions, start) {
            return Some(found);
        }
        let word_len = ctx.tagged[start..]
            .find(|c: char| !crate::normalize::is_word_char(c) && c != ADJECTIVE_MARK)
            .unwrap_or(ctx.tagged.len() - start);
        let word = &ctx.tagged[start..start + word_len];
        if word.is_empty() {
            return None;
        }
        if word.starts_with(ADJECTIVE_MARK) {
            // The adjective and any adjective words after it ("كوري شمالي").
            let mut end = start + word_len;
            while let Some(next) = ctx.tagged[end..].strip_prefix(' ').filter(|n| n.starts_with(ADJECTIVE_MARK)) {
                end = ctx.tagged.len() - next.len() + next.find(|c: char| c != ADJECTIVE_MARK).unwrap_or(next.len());
            }
            let country = tables.adjective.get(&squash(&ctx.folded[start..end]))?;
            return entities.find(country).map(|i| (i, from..end));
        }
        let folded = &ctx.folded[start..start + word_len];
        let clitic = !folded.starts_with("ال") && (folded.starts_with('و') || folded.starts_with('ل') || folded.starts_with('ب'));
        if clitic || PLACE_WORDS.iter().any(|p| crate::normalize::fold_name(p) == folded) {
            return None;
        }
        at = start + word_len;
    }
    None
}

/// Words (folded) of a withdrawal: after one, "من + country" is where troops leave, not whose
/// they are ("سحبت بريطانيا ألف جندي من أفغانستان").
const WITHDRAWAL: &[&str] = &[
    "سحب",
    "سحبت",
    "يسحب",
    "تسحب",
    "سيسحب",
    "ستسحب",
    "انسحاب",
    "انسحب",
    "انسحبت",
    "ينسحب",
    "تنسحب",
    "اجلاء",
    "اخراج",
    "خروج",
    "مغادره",
    "غادر",
    "غادرت",
];

/// Whose troops: the nationality the figure names; else "من + country/force" right after it;
/// else the side named before it in its sentence (see [`nearest_side_before`]).
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
    // "جنود من كوريا الشمالية", "عناصر من حزب الله"
    let after = &ctx.folded[range.end..sentence.end.max(range.end)];
    let trimmed = after.trim_start();
    let withdrawal = || {
        ctx.folded[sentence.start..range.start.max(sentence.start)].split_whitespace().any(|w| {
            let w = w.strip_prefix('و').filter(|r| r.chars().count() > 2).unwrap_or(w);
            let w = w.strip_prefix("ال").unwrap_or(w);
            WITHDRAWAL.contains(&w)
        })
    };
    if let Some(rest) = trimmed.strip_prefix("من ").filter(|_| !withdrawal()).or_else(|| trimmed.strip_prefix("تابعين ل")) {
        if let Some(found) = side_starting_at(entities, positions, range.end + (after.len() - rest.len())) {
            // "من نيجيريا وتشاد والكاميرون": a force of several countries has no one side.
            let next = ctx.folded[found.1.end..].trim_start();
            let next = next.strip_prefix('،').or_else(|| next.strip_prefix(',')).map_or(next, str::trim_start);
            let more = next.strip_prefix('و').map(|r| ctx.folded.len() - r.len());
            if more.is_some_and(|at| side_starting_at(entities, positions, at).is_some()) {
                return None;
            }
            return Some(found);
        }
    }
    nearest_side_before(ctx, entities, positions, range)
}

/// Can entity `i` be a side: a country, an armed force or group, or an alliance (حلف …).
fn is_side(entities: &EntityTable, i: usize) -> bool {
    let item = &entities.items[i];
    let k = item.kind;
    k == Kind::Country.as_str()
        || k == Kind::ArmedForce.as_str()
        || k == Kind::ArmedGroup.as_str()
        || (k == Kind::Organization.as_str() && item.country.is_none() && item.name.starts_with("حلف"))
}

/// A side named by a mention starting at `at` ("من كوريا الشمالية" → at the country).
pub(crate) fn side_starting_at(entities: &EntityTable, positions: &Positions, at: usize) -> Option<(usize, Range<usize>)> {
    positions.starting_at(at).find(|m| m.3 && is_side(entities, m.2)).map(|&(s, e, i, _, _)| side(entities, i, s..e))
}

/// Words after which a name is where the troops go or are, not whose they are ("في أفغانستان",
/// "إلى ليبيا", "بجمهورية أفريقيا الوسطى").
const PLACE_WORDS: &[&str] = &[
    "في",
    "إلى",
    "الى",
    "داخل",
    "نحو",
    "عبر",
    "لدى",
    "على",
    "عن",
    "من",
    "مع",
    "ضد",
    "قرب",
    "حدود",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
];

/// Is the mention starting at `at` governed by a preposition of place (a word of
/// [`PLACE_WORDS`] or a glued ب/ل)?
fn after_place_word(folded: &str, at: usize) -> bool {
    let before = &folded[..at];
    if let Some(c) = before.chars().next_back() {
        if c == 'ب' {
            // A clitic glued to the name: "بجمهورية" (the name starts after it). Not ل, which
            // is as often "of" ("المبايع لتنظيم داعش").
            let rest = &before[..before.len() - c.len_utf8()];
            let rest = rest.strip_suffix('و').unwrap_or(rest);
            if rest.chars().next_back().is_none_or(|p| !crate::normalize::is_word_char(p)) {
                return true;
            }
        }
    }
    let word = before.trim_end().rsplit(|c: char| !crate::normalize::is_word_char(c)).next().unwrap_or("");
    let word = word.strip_prefix('و').filter(|w| PLACE_WORDS.contains(w)).unwrap_or(word);
    PLACE_WORDS.iter().any(|p| crate::normalize::fold_name(p) == word)
}

/// The side named before the figure in its sentence: the nearest country, force, group or
/// alliance that is not the object of a preposition of place ("نشرت روسيا نحو 8 آلاف جندي",
/// "خفضت الولايات المتحدة عدد جنودها في أفغانستان إلى 2500 جندي"); failing one, the country of
/// the nearest person or body before it ("أعلن البنتاغون نشر 3 آلاف عسكري" → US).
pub(crate) fn nearest_side_before(
    ctx: &Context<'_>,
    entities: &EntityTable,
    positions: &Positions,
    range: &Range<usize>,
) -> Option<(usize, Range<usize>)> {
    let sentence = ctx.sentence_of(range.start).unwrap_or(range.clone());
    let before = || positions.before(range.start).take_while(|m| m.0 >= sentence.start).filter(|m| m.3);
    if let Some(&(s, e, i, _, _)) = before().find(|m| is_side(entities, m.2) && !after_place_word(ctx.folded, m.0)) {
        return Some(side(entities, i, s..e));
    }
    before().filter(|m| !after_place_word(ctx.folded, m.0)).find_map(|&(s, e, i, _, _)| {
        let item = &entities.items[i];
        let person_or_body = item.kind == Kind::Person.as_str() || item.kind == Kind::Organization.as_str();
        let c = item.country.as_deref().filter(|_| person_or_body)?;
        // The country itself when the document names it, else the person or body (whose
        // `country` says the side).
        Some((entities.find(c).unwrap_or(i), s..e))
    })
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
