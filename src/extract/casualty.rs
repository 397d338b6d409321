//! Casualty figures: people killed, wounded, captured or missing, who they were and whose.
//!
//! A cue of `data/casualty_cues.tsv` before the figure ("مقتل 7 جنود ليبيين", "قُتل ١٢ جندياً"),
//! after it ("سبعة جنود قتلوا"), or as its noun ("10 قتلى", "15 جريحاً"). "آخرون/آخرين" ("وأصيب
//! ٢٠ آخرون") takes the group and side of the figure before it.

use super::entity::{EntityTable, Positions};
use super::troop::{FigureTables, country_of, integer, number_of, qualifier_of, side_of, squash, unit_of};
use super::{Context, Mapper};
use crate::document::{self, CasualtyGroup, CasualtyStatus, Qualifier};
use crate::rules::{Input, Rule, RuleSet, alternation};
use crate::table::Table;
use regex::Captures;
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
    /// Folded cue → status.
    status: HashMap<String, CasualtyStatus>,
}

/// The compiled casualty rules.
pub(crate) struct CasualtyRules {
    tables: CasualtyTables,
    rules: RuleSet<CasualtyTables, CasualtyFigure>,
}

static RULES: &[Rule<CasualtyTables, CasualtyFigure>] = &[
    Rule {
        name: "cue + figure (مقتل 7 جنود ليبيين)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<cue>{{cue_before}})\s+(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})(?:\s+(?:من\s+)?(?:ال)?(?:(?P<others>آخرين|آخرون|اخرين|آخر)|(?P<unit>{{person_unit}})(?:\s+(?P<adj>{{adjective}}))?))?(?:\s+(?P<post>{{post_hedge}}))?){{>}}",
        prod: cue_first,
    },
    Rule {
        name: "figure + cue (سبعة جنود ليبيين قتلوا)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?P<unit>{{person_unit}})(?:\s+(?P<adj>{{adjective}}))?\s+(?:قد\s+)?(?P<cue>{{cue_after}})){{>}}",
        prod: cue_after,
    },
    Rule {
        name: "figure of the fallen (10 قتلى)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?:(?P<hedge>{{hedge}})\s+)?(?P<num>{{number}})\s+(?P<cue>{{cue_noun}})(?:\s+(?P<adj>{{adjective}}))?(?:\s+(?P<post>{{post_hedge}}))?){{>}}",
        prod: cue_noun,
    },
];

fn figure(c: &Captures<'_>, i: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    let t = i.data;
    let (value, vague) = number_of(c, i, "num")?;
    let status = *t.status.get(&squash(i.group(c, "cue")?))?;
    let (_, group) = unit_of(c, i, &t.figures);
    let country = country_of(c, i, &t.figures);
    Some(CasualtyFigure {
        count: if vague { None } else { Some(integer(value)?) },
        count_max: None,
        qualifier: if vague { Qualifier::Vague } else { qualifier_of(c, i, &t.figures) },
        status,
        group,
        country,
        others: c.name("others").is_some(),
    })
}

fn cue_first(c: &Captures<'_>, t: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    // "قتل 3" with nothing counted after it is often a date or a different verb sense; a bare
    // figure needs a noun ("مقتل 7" in a headline is still read: the cue is a verbal noun).
    let cue = squash(t.group(c, "cue")?);
    if c.name("unit").is_none()
        && c.name("others").is_none()
        && !cue.starts_with('م')
        && !cue.starts_with("اصابه")
        && !cue.starts_with("سقوط")
    {
        return None;
    }
    figure(c, t)
}

fn cue_after(c: &Captures<'_>, t: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    figure(c, t)
}

fn cue_noun(c: &Captures<'_>, t: &Input<'_, CasualtyTables>) -> Option<CasualtyFigure> {
    figure(c, t)
}

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
            status.insert(word.clone(), s);
            by_position.entry(r.get("position")).or_default().push(word);
        }
        for (var, position) in [("cue_before", "before"), ("cue_after", "after"), ("cue_noun", "noun")] {
            let words = by_position.get(position).map(|w| w.iter().map(String::as_str).collect::<Vec<_>>()).unwrap_or_default();
            vars.insert(var, alternation(words));
        }
        let tables = CasualtyTables { figures, status };
        CasualtyRules { rules: RuleSet::new(RULES, &vars), tables }
    }
}

/// Every casualty figure of the text.
pub(crate) fn find(ctx: &Context<'_>, rules: &CasualtyRules, entities: &EntityTable, positions: &Positions) -> Vec<CasualtyFound> {
    let mut out: Vec<CasualtyFound> = Vec::new();
    for f in rules.rules.find(&ctx.tagged, &Input { text: ctx.folded, data: &rules.tables }) {
        let fig = f.value;
        let (group, actor) = match out.last() {
            Some(prev) if fig.others => (prev.group, prev.actor.clone()),
            _ => (group_of(fig.group), casualty_side(ctx, entities, positions, &f.range, &fig)),
        };
        out.push(CasualtyFound { range: f.range, figure: fig, group, actor });
    }
    out
}

fn group_of(g: &str) -> CasualtyGroup {
    match g {
        "soldiers" => CasualtyGroup::Soldiers,
        "militants" => CasualtyGroup::Militants,
        "civilians" => CasualtyGroup::Civilians,
        _ => CasualtyGroup::Unknown,
    }
}

/// Whose people: only what the figure itself says (a nationality, "من + side"); the nearest
/// country before a casualty figure is as often the attacker as the victim.
fn casualty_side(
    ctx: &Context<'_>,
    entities: &EntityTable,
    positions: &Positions,
    range: &Range<usize>,
    fig: &CasualtyFigure,
) -> Option<(usize, Range<usize>)> {
    if let Some(c) = fig.country.as_deref() {
        return entities.find(c).map(|i| (i, range.clone()));
    }
    let after = ctx.folded[range.end..].trim_start();
    if after.starts_with("من ") {
        let at = ctx.folded.len() - after.len() + "من ".len();
        return side_of(ctx, entities, positions, range, None).filter(|(_, why)| why.start == at);
    }
    None
}
