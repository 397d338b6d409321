//! Casualty figures: people killed, wounded, captured or missing, who they were and whose.
//!
//! The figure's cue (`data/casualty_cues.tsv`) comes:
//! - before it: "مقتل 7 جنود ليبيين", "قُتل ١٢ جندياً", "لقي 22 من رجال الأمن", "أودى بحياة 32
//!   شخصاً"; a verb may have a few words of place, time or subject first ("قُتل في تركيا أمس
//!   الاثنين 5 شرطيين", "اعتقلت الشرطة 1300 شخص"), then the figure must say who;
//! - after it: "سبعة جنود ليبيين قتلوا", "18 من رجال الشرطة قُتلوا", "عشرة آلاف منهم قُتلوا",
//!   "95 عسكرياً روسياً كانوا في الأسر";
//! - as its noun: "10 قتلى", "15 جريحاً", "2300 قتيل";
//! - in a toll: "ارتفعت حصيلة القتلى إلى 2750", "عدد عناصره الذين قُتلوا … إلى 372 عنصراً".
//!
//! A dual noun counts two ("وقتل ناشطان"). A figure joined to one found ("، و6 مواطنين") or
//! given as its part ("بينهم 724 طفلاً", "من بينهم 3 شرطيين", "من بين القتلى ثلاثة صحفيين")
//! takes its status; "آخرون" ("وأصيب ٢٠ آخرون") takes the group and side of the figure before.
//!
//! The side is only what the figure says: a nationality, "من + side", "في صفوف + side", the
//! noun phrase after it, or for "من مقاتليه" / "منهم" the side named before it in the sentence.

use super::entity::{EntityTable, Positions};
use super::troop::{
    FigureTables, country_of, following_side, integer, nearest_side_before, number_of, qualifier_of, side_starting_at, unit_of,
};
use super::{Context, Mapper};
use crate::document::{self, CasualtyGroup, CasualtyStatus, Qualifier};
use crate::rules::{Input, Rule, RuleSet, alternation, squash};
use crate::table::Table;
use regex::{Captures, Regex};
use std::collections::HashMap;
use std::ops::Range;

/// What a casualty rule reads.
#[derive(Debug, Clone)]
pub(crate) struct CasualtyFigure {
    count: Option<u64>,
    count_max: Option<u64>,
    qualifier: Qualifier,
    status: CasualtyStatus,
    group: &'static str,
    country: Option<String>,
    /// "آخرون": the group and side of the previous figure.
    others: bool,
    /// "من + noun phrase" counted instead of a noun ("ثلاثة من قادة المجموعات").
    part: Option<Range<usize>>,
    /// The noun has a possessive ending ("من مقاتليه", "منهم"): the side named before.
    possessive: bool,
}

/// A casualty figure found in the text.
#[derive(Debug, Clone)]
pub(crate) struct CasualtyFound {
    pub range: Range<usize>,
    figure: CasualtyFigure,
    group: CasualtyGroup,
    actor: Option<(usize, Range<usize>)>,
}

impl CasualtyFound {
    /// The output form; the actor carries only the mention that names the side.
    pub(crate) fn to_output(&self, map: &Mapper<'_>, entities: &EntityTable) -> document::Casualty {
        let (text, span) = map.text_span(&self.range);
        document::Casualty {
            text,
            span,
            count: self.figure.count,
            count_max: self.figure.count_max,
            qualifier: self.figure.qualifier,
            status: self.figure.status,
            group: self.group,
            actor: self.actor.as_ref().map(|(i, why)| entities.output_within(*i, why, map)),
        }
    }
}

/// The tables casualty rules read.
pub(crate) struct CasualtyTables {
    figures: FigureTables,
    /// Folded cue → status, and whether a verb cue may have a few words before its figure.
    status: HashMap<String, (CasualtyStatus, bool)>,
}

/// The compiled casualty rules.
pub(crate) struct CasualtyRules {
    tables: CasualtyTables,
    rules: RuleSet<CasualtyTables, CasualtyFigure>,
    /// A figure joined to the one before it: "، و6 مواطنين", "بينهم 724 طفلاً".
    joined: Regex,
}

static RULES: &[Rule<CasualtyTables, CasualtyFigure>] = &[
    Rule {
        name: "cue + figure (مقتل 7 جنود ليبيين)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<cue>{{cue_before}})\s+(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})(?:\s+{{named}})?(?:\s+(?P<post>{{post_hedge}}))?){{>}}",
        prod: cue_first,
    },
    Rule {
        // A rule of its own: a match it rejects must not hide a closer cue from the rule above.
        name: "verb cue + a few words + figure (قُتل في تركيا أمس 5 شرطيين)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<cue>{{cue_before}})(?P<gap>(?:\s+{{w}}){1,4}?)\s+(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+{{named}}(?:\s+(?P<post>{{post_hedge}}))?){{>}}",
        prod: cue_first,
    },
    Rule {
        name: "cue + dual noun (وقتل ناشطان)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<cue>{{cue_before}})\s+(?P<unit>{{dual_unit}})(?:\s+(?P<adj>{{nationality}}))?){{>}}",
        prod: dual,
    },
    Rule {
        name: "verb cue + a few words + dual noun (قتل في الهجوم جنديان)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<cue>{{cue_before}})(?P<gap>(?:\s+{{w}}){1,4}?)\s+(?P<unit>{{dual_unit}})(?:\s+(?P<adj>{{nationality}}))?){{>}}",
        prod: dual,
    },
    Rule {
        name: "figure + cue (سبعة جنود ليبيين قتلوا، 18 من رجال الشرطة قُتلوا، عشرة آلاف منهم قُتلوا)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?:(?:من\s+)?(?:ال)?(?P<unit>{{person_unit}})(?P<poss>ه|ها|هم)?|(?P<adjunit>{{nationality}})|(?P<part>منهم|منهن|من\s+{{w}}(?:\s+{{w}}){0,3}?))(?:\s+(?:(?P<adj>{{nationality}})|(?P<adjw>{{w}})))?\s+(?:(?:الذين|ممن)\s+)?(?:(?:قد|كانوا)\s+)?(?P<cue>{{cue_after}})){{>}}",
        prod: cue_after,
    },
    Rule {
        name: "among the fallen (من بين قتلى المعارضة ثلاثة من قادة المجموعات)",
        pattern: r"{{<}}(?:من\s+)?بين\s+(?:ال)?(?P<cue>{{cue_noun}})(?:\s+{{w}}){0,3}?\s+(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?:(?:من\s+)?(?:ال)?(?P<unit>{{person_unit}})(?:\s+(?P<adj>{{nationality}}))?|(?P<part>من\s+{{w}}(?:\s+ال{{w}})?))){{>}}",
        prod: cue_noun,
    },
    Rule {
        name: "figure of the fallen (10 قتلى)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?P<cue>{{cue_noun}})(?:\s+(?P<adj>{{nationality}}))?(?:\s+(?P<post>{{post_hedge}}))?){{>}}",
        prod: cue_noun,
    },
    Rule {
        name: "a toll (ارتفعت حصيلة القتلى إلى 2750، عدد عناصره الذين قتلوا إلى 372 عنصراً)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:ال)?(?:حصيلة|عدد)\s+(?P<what>{{w}}(?:\s+{{w}}){0,8}?)\s+(?:(?P<to>إلى|الى|بلغت|بلغ|يبلغ|تبلغ|وصل\s+إلى|وصلت\s+إلى)\s+)?(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})(?:\s+(?:(?:من\s+)?(?:ال)?(?P<unit>{{person_unit}})|(?P<noun>{{cue_noun}})))?){{>}}",
        prod: toll,
    },
];

/// Words that end the few words a verb cue may have before its figure: a new clause.
const GAP_STOP: &[&str] =
    &["الذي", "التي", "الذين", "اللذين", "بعد", "قبل", "عندما", "حين", "ان", "لان", "كما", "بينما", "فيما", "حيث", "بينهم", "منهم"];

fn status_of(t: &CasualtyTables, cue: &str) -> Option<CasualtyStatus> {
    t.status.get(&squash(cue)).map(|(s, _)| *s)
}

/// Words (folded) after which "إصابة" and "مصابين" are cases of an illness, not wounds.
const ILLNESS: &[&str] =
    &["بفيروس", "بكورونا", "بكوفيد", "بمرض", "بالفيروس", "بالكوليرا", "بوباء", "بالوباء", "بالحصبه", "بالسرطان", "بالعدوي", "بالتسمم"];

/// The figure is about an illness: "إصابة 500 شخص بفيروس كورونا", "عدد المصابين بكورونا".
fn illness(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> bool {
    let rest = c.name("m").map_or("", |m| &i.text[m.end()..]);
    let what = i.group(c, "what").unwrap_or("");
    rest.split_whitespace().take(2).chain(what.split_whitespace()).any(|w| ILLNESS.iter().any(|x| w.starts_with(x)))
}

fn figure(c: &Captures<'_>, i: &Input<'_, CasualtyTables>, status: CasualtyStatus) -> Option<CasualtyFigure> {
    let t = i.data;
    if illness(c, i) {
        return None;
    }
    let (value, vague) = number_of(c, i, "num")?;
    let (_, mut group) = unit_of(c, i, &t.figures);
    if let Some(p) = i.group(c, "part") {
        group = group_of_phrase(&t.figures, p);
    }
    let adjective = |g: &str| {
        let a = squash(i.group(c, g)?);
        t.figures.adjective.get(&a).or_else(|| a.strip_suffix('ا').and_then(|b| t.figures.adjective.get(b))).cloned()
    };
    // "روسياً" folds to the country's name and is not tagged as an adjective: read it as
    // "روسي" + the accusative alef.
    let accusative = || i.group(c, "adjw").and_then(|w| w.strip_suffix('ا')).and_then(|w| t.figures.adjective.get(w).cloned());
    let country = country_of(c, i, &t.figures).or_else(|| adjective("adjunit")).or_else(accusative);
    Some(CasualtyFigure {
        count: if vague { None } else { Some(integer(value)?) },
        count_max: None,
        qualifier: if vague { Qualifier::Vague } else { qualifier_of(c, i, &t.figures) },
        status,
        group,
        country,
        others: c.name("others").is_some(),
        part: c.name("part").map(|p| p.range()),
        possessive: c.name("poss").is_some() || i.group(c, "part").is_some_and(|p| possessive_part(&t.figures, p)),
    })
}

/// "منهم", "من مقاتليه", "من عناصرها": the people of a side named before.
fn possessive_part(t: &FigureTables, part: &str) -> bool {
    if part == "منهم" || part == "منهن" {
        return true;
    }
    let Some(first) = part.split_whitespace().nth(1) else { return false };
    !first.starts_with("ال") && ["هم", "ها", "ه"].iter().any(|end| first.strip_suffix(end).is_some_and(|stem| t.unit.contains_key(stem)))
}

/// The group a partitive names ("من رجال الأمن", "من المسلحين", "من مقاتليه"): its first noun
/// (or first two words) in the unit table, without the article or a possessive ending.
fn group_of_phrase(t: &FigureTables, part: &str) -> &'static str {
    let words: Vec<&str> = part.split_whitespace().skip(1).collect();
    let bare = |w: &str| w.strip_prefix("ال").unwrap_or(w).to_string();
    let mut keys = Vec::new();
    if words.len() >= 2 {
        keys.push(format!("{} {}", bare(words[0]), words[1]));
        keys.push(format!("{} {}", bare(words[0]), bare(words[1])));
    }
    if let Some(w) = words.first() {
        let w = bare(w);
        for end in ["", "ه", "ها", "هم"] {
            if let Some(stem) = w.strip_suffix(end) {
                keys.push(stem.to_string());
            }
        }
    }
    keys.iter().find_map(|k| t.unit.get(k)).map_or("unknown", |(g, _)| *g)
}

fn gap_ok(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> bool {
    let gap = i.group(c, "gap").unwrap_or("");
    if gap.trim().is_empty() {
        return true;
    }
    let gap_cue = i.group(c, "cue").and_then(|cue| i.data.status.get(&squash(cue))).is_some_and(|(_, g)| *g);
    // The gap is a place, a time or the subject: no new clause, no other cue ("قتل جندي تركي
    // وجرح أربعة آخرون" is not four killed).
    gap_cue
        && !gap.split_whitespace().any(|w| {
            let bare = w.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() > 1).unwrap_or(w);
            [w, bare].iter().any(|w| GAP_STOP.contains(w) || i.data.status.contains_key(*w))
        })
}

fn cue_first(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    let cue = squash(i.group(c, "cue")?);
    let named = c.name("unit").is_some() || c.name("others").is_some() || c.name("part").is_some() || c.name("adjunit").is_some();
    if !gap_ok(c, i) {
        return None;
    }
    // "فُقد 15 جندياً" went missing; "فقد 350 من الصحفيين أعمالهم" lost something.
    if cue == "فقد" {
        // What was lost comes a few words later, owned by the people: "أعمالهم", "حياتهم".
        let rest = c.name("m").map_or("", |m| &i.text[m.end()..]);
        let clause = rest.split(['.', ',', '،', ':', '؛', '\n']).next().unwrap_or("");
        if c.name("part").is_some() || clause.split_whitespace().take(6).any(|w| w.ends_with("هم") || w.ends_with("هن")) {
            return None;
        }
    }
    // "قتل 3" with nothing counted after it is often a date or a different verb sense; a bare
    // figure needs a noun ("مقتل 7" in a headline is still read: the cue is a verbal noun).
    if !named && !cue.starts_with('م') && !cue.starts_with("اصابه") && !cue.starts_with("سقوط") && !bare_figure_ends(c, i) {
        return None;
    }
    figure(c, i, status_of(i.data, &cue)?)
}

/// A verb's figure without a noun ends its clause ("قُتل 5، وأصيب 10", "قتل 5 وأصيب 10
/// آخرون"): what follows is punctuation, the end, or "و" and another cue.
fn bare_figure_ends(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> bool {
    if c.name("gap").is_some_and(|g| !g.as_str().trim().is_empty()) {
        return false;
    }
    let rest = c.name("m").map_or("", |m| &i.text[m.end()..]);
    let rest = rest.trim_start_matches([' ', '\t']);
    if rest.is_empty() || rest.starts_with(['.', ',', '،', '؛', ';', '\n']) {
        return true;
    }
    let next = rest.split_whitespace().next().unwrap_or("");
    next.strip_prefix('و').is_some_and(|w| i.data.status.get(w).is_some_and(|(_, gap)| *gap))
}

fn dual(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    if !gap_ok(c, i) || illness(c, i) {
        return None;
    }
    let t = i.data;
    let (_, group) = unit_of(c, i, &t.figures);
    Some(CasualtyFigure {
        count: Some(2),
        count_max: None,
        qualifier: Qualifier::Exact,
        status: status_of(t, i.group(c, "cue")?)?,
        group,
        country: country_of(c, i, &t.figures),
        others: false,
        part: None,
        possessive: false,
    })
}

fn cue_after(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    figure(c, i, status_of(i.data, i.group(c, "cue")?)?)
}

fn cue_noun(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    figure(c, i, status_of(i.data, i.group(c, "cue")?)?)
}

/// "حصيلة القتلى … إلى N": the status is the first casualty word of the toll's description.
fn toll(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    let t = i.data;
    // "عدد من الرهائن": "a number of", not a toll.
    if i.group(c, "what").is_some_and(|w| w.starts_with("من ")) {
        return None;
    }
    let status = i.group(c, "what")?.split_whitespace().find_map(|w| {
        let w = w.strip_prefix('و').filter(|r| r.starts_with("ال")).unwrap_or(w);
        let w = w.strip_prefix("ال").unwrap_or(w);
        status_of(t, w).or_else(|| TOLL_WORDS.iter().find(|(k, _)| *k == w).map(|(_, s)| *s))
    })?;
    // Without "إلى/بلغ" the number must say what it counts ("عدد القتلى 50 قتيلاً").
    if c.name("to").is_none() && c.name("unit").is_none() && c.name("noun").is_none() {
        return None;
    }
    if let Some(noun) = i.group(c, "noun") {
        if status_of(t, noun) != Some(status) {
            return None;
        }
    }
    figure(c, i, status)
}

/// Words of a toll's description that are not figure cues of their own.
const TOLL_WORDS: &[(&str, CasualtyStatus)] = &[
    ("ضحايا", CasualtyStatus::Killed),
    ("وفيات", CasualtyStatus::Killed),
    ("قتلي", CasualtyStatus::Killed),
    ("مصابين", CasualtyStatus::Wounded),
    ("مفقودين", CasualtyStatus::Missing),
];

impl CasualtyRules {
    pub(crate) fn new(adjective: HashMap<String, String>) -> CasualtyRules {
        let figures = FigureTables::new(adjective);
        let cues =
            Table::parse("casualty_cues.tsv", include_str!("../../data/casualty_cues.tsv")).expect("casualty_cues.tsv is checked by tests");
        let mut vars = figures.vars();
        let mut status = HashMap::new();
        let mut by_position: HashMap<&str, Vec<String>> = HashMap::new();
        for r in cues.rows() {
            let s = match r.get("status") {
                "killed" => CasualtyStatus::Killed,
                "wounded" => CasualtyStatus::Wounded,
                "captured" => CasualtyStatus::Captured,
                _ => CasualtyStatus::Missing,
            };
            let word = crate::normalize::fold_name(r.get("word"));
            status.insert(word.clone(), (s, r.get("gap") == "yes"));
            by_position.entry(r.get("position")).or_default().push(word);
        }
        for (var, position) in [("cue_before", "before"), ("cue_after", "after"), ("cue_noun", "noun")] {
            let words = by_position.get(position).map(|w| w.iter().map(String::as_str).collect::<Vec<_>>()).unwrap_or_default();
            vars.insert(var, alternation(words));
        }
        vars.insert(
            "named",
            r"(?:(?P<others>آخرين|آخرون|اخرين|آخر)|(?:من\s+)?(?:ال)?(?P<unit>{{person_unit}})(?P<poss>ه|ها|هم)?(?:\s+(?P<adj>{{nationality}}))?|(?P<adjunit>{{nationality}})|(?P<part>من\s+{{w}}(?:\s+ال{{w}})?))"
                .replace("{{person_unit}}", &vars["person_unit"])
                .replace("{{nationality}}", &vars["nationality"])
                .replace("{{w}}", &vars["w"]),
        );
        let joined = Regex::new(&crate::rules::expand(JOINED, &vars)).expect("the joined-figure pattern compiles");
        let tables = CasualtyTables { figures, status };
        CasualtyRules { rules: RuleSet::new(RULES, &vars), tables, joined }
    }
}

/// A figure right after another (a few words of its own between them), joined by "و" or given
/// as a part of it ("بينهم", "من بينهم", "منهم"): it takes the status of the figure before.
const JOINED: &str = r"^(?:\s+{{w}}){0,5}?\s*,?\s*(?:و\s*|(?:و?من\s+)?بينهم\s+|و?منهم\s+)(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?:من\s+)?(?:ال)?(?P<unit>{{person_unit}})(?:\s+(?P<adj>{{nationality}}))?){{>}}";

/// Every casualty figure of the text.
pub(crate) fn find(ctx: &Context<'_>, rules: &CasualtyRules, entities: &EntityTable, positions: &Positions) -> Vec<CasualtyFound> {
    let input = Input { text: ctx.folded, data: &rules.tables };
    let mut found = rules.rules.find(&ctx.tagged, &input);
    // Figures joined to a figure found: "لقي 22 من رجال الأمن، و6 مواطنين".
    let mut k = 0;
    while k < found.len() {
        let end = found[k].range.end;
        let next_start = found.get(k + 1).map_or(ctx.tagged.len(), |f| f.range.start);
        let sentence_end = ctx.sentence_of(end.saturating_sub(1)).map_or(ctx.tagged.len(), |s| s.end);
        let limit = next_start.min(sentence_end).max(end);
        if let Some(c) = rules.joined.captures(&ctx.tagged[end..limit]) {
            let status = found[k].value.status;
            let m = c.name("m").expect("group m");
            if let Some(mut fig) = joined_figure(&c, &Input { text: &ctx.folded[end..limit], data: &rules.tables }, status) {
                if fig.country.is_none() && fig.group == found[k].value.group {
                    fig.others = true;
                }
                found.insert(k + 1, crate::rules::Found { rule: "joined", range: end + m.start()..end + m.end(), value: fig });
            }
        }
        k += 1;
    }
    let mut out: Vec<CasualtyFound> = Vec::new();
    for f in found {
        let fig = f.value;
        let (group, actor) = match out.last() {
            Some(prev) if fig.others => (prev.group, prev.actor.clone()),
            _ => (group_of(fig.group), casualty_side(ctx, &rules.tables.figures, entities, positions, &f.range, &fig)),
        };
        out.push(CasualtyFound { range: f.range, figure: fig, group, actor });
    }
    out
}

fn joined_figure(c: &Captures<'_>, i: &Input<'_, CasualtyTables>, status: CasualtyStatus) -> Option<CasualtyFigure> {
    let mut fig = figure(c, i, status)?;
    fig.part = None;
    Some(fig)
}

fn group_of(g: &str) -> CasualtyGroup {
    match g {
        "soldiers" => CasualtyGroup::Soldiers,
        "militants" => CasualtyGroup::Militants,
        "civilians" => CasualtyGroup::Civilians,
        _ => CasualtyGroup::Unknown,
    }
}

/// Whose people: what the figure itself says (a nationality, "من + side", "في صفوف + side"),
/// or for "من مقاتليه" / "منهم" the side named before it in the sentence. The nearest country
/// before a casualty figure is otherwise as often the attacker as the victim.
fn casualty_side(
    ctx: &Context<'_>,
    tables: &FigureTables,
    entities: &EntityTable,
    positions: &Positions,
    range: &Range<usize>,
    fig: &CasualtyFigure,
) -> Option<(usize, Range<usize>)> {
    if let Some(c) = fig.country.as_deref() {
        return entities.find(c).map(|i| (i, range.clone()));
    }
    // "من قوات الدعم السريع" inside the figure, or right after it.
    let mut starts = Vec::new();
    if let Some(p) = &fig.part {
        if ctx.folded[p.clone()].starts_with("من ") {
            starts.push(p.start + "من ".len());
        }
    }
    let after = &ctx.folded[range.end..];
    let trimmed = after.trim_start();
    for prefix in ["من ", "في صفوف "] {
        if let Some(rest) = trimmed.strip_prefix(prefix) {
            starts.push(range.end + after.len() - rest.len());
        }
    }
    for at in starts {
        if let Some(found) = side_starting_at(entities, positions, at) {
            return Some(found);
        }
    }
    // "مقتل 5 من عناصر الحشد الشعبي", "مقتل 3 جنود من مشاة البحرية الأمريكية"
    if let Some(found) = following_side(ctx, tables, entities, positions, fig.part.as_ref().map_or(range.end, |p| p.end.max(range.end))) {
        return Some(found);
    }
    if fig.possessive {
        return nearest_side_before(ctx, entities, positions, range);
    }
    None
}
