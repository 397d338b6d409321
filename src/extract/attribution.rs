//! Claims and who made them.
//!
//! Each sentence is a claim, split again where a new attribution cue starts a clause after a
//! comma ("أكدت X …، وقال Y: …" is two claims). A claim's source is found from its cue
//! (`data/cues.tsv`):
//! - a verb with its subject after it ("قال الرئيس …") or before it ("الاستخبارات الأوكرانية
//!   أكدت"); a title before a name makes the named person the speaker, with that role;
//! - an unnamed source ("مصدر عسكري", "شهود عيان") is kept as an `anonymous` source;
//! - a verb without a subject ("وأضافت أن …") continues the previous claim's source
//!   (`inherited: true`);
//! - a nominal cue ("بحسب X", "وفق تقديرات X", "نقلاً عن X") names the source, or, when X is an
//!   outlet and a source is already known, the outlet that relayed it (`via`), as do "قال
//!   لرويترز" and "في تصريح لقناة …".

use super::entity::{EntityTable, derived_id};
use super::{Context, Mapper};
use crate::document::{self, Mode};
use crate::lexicon::Kind;
use crate::normalize::fold_name;
use crate::rules::{Input, Rule, RuleSet, Vars, alternation, common_vars};
use crate::table::Table;
use regex::Captures;
use std::collections::HashMap;
use std::ops::Range;

/// What kind of cue a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    Verb,
    Noun,
    Relay,
    Anonymous,
}

/// A cue found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    kind: CueKind,
    /// The cue proper, without a leading و or ف.
    word: Range<usize>,
    /// The cue with its leading و or ف.
    whole: Range<usize>,
    /// Written with a leading و or ف ("وأضاف").
    conjoined: bool,
}

/// The source of a claim.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SourceRef {
    /// An entity of the document's table.
    Entity(usize),
    /// An unnamed source: the phrase that describes it.
    Anonymous(Range<usize>),
}

/// The person who voiced a claim, and the role phrase the text gives them.
type SpeakerRef = (usize, Option<Range<usize>>);

/// Who made a claim.
#[derive(Debug, Clone)]
pub(crate) struct AttributionFound {
    source: SourceRef,
    /// The person and the role phrase the text gives them.
    speaker: Option<SpeakerRef>,
    via: Vec<usize>,
    cue: Range<usize>,
    mode: Mode,
    inherited: bool,
}

/// A claim: a range of the text and who made it.
#[derive(Debug, Clone)]
pub(crate) struct ClaimFound {
    pub range: Range<usize>,
    pub attribution: Option<AttributionFound>,
}

impl AttributionFound {
    /// The output form; entities carry only their mentions inside `claim`.
    pub(crate) fn to_output(&self, claim: &Range<usize>, map: &Mapper<'_>, entities: &EntityTable) -> document::Attribution {
        let source = match &self.source {
            SourceRef::Entity(i) => entities.output_within(*i, claim, map),
            SourceRef::Anonymous(r) => {
                let (text, span) = map.text_span(r);
                let folded = fold_name(&text);
                document::Entity {
                    id: derived_id("anonymous", &folded),
                    name: text.clone(),
                    kind: "anonymous".to_string(),
                    country: None,
                    name_en: None,
                    lat: None,
                    lon: None,
                    geonames_id: None,
                    mentions: vec![document::Mention { text, span }],
                }
            }
        };
        let speaker = self
            .speaker
            .as_ref()
            .map(|(i, role)| document::Speaker { name: entities.items[*i].name.clone(), role: role.as_ref().map(|r| map.text_span(r).0) });
        document::Attribution {
            source,
            speaker,
            via: self.via.iter().map(|&i| entities.output_within(i, claim, map)).collect(),
            cue: map.text_span(&self.cue).0,
            mode: self.mode,
            inherited: self.inherited,
        }
    }
}

/// The compiled attribution rules.
pub(crate) struct AttributionRules {
    kinds: HashMap<String, CueKind>,
    rules: RuleSet<HashMap<String, CueKind>, Cue>,
}

static RULES: &[Rule<HashMap<String, CueKind>, Cue>] = &[
    Rule {
        name: "nominal cue (بحسب، وفقاً لـ، نقلاً عن)", pattern: r"(?:^|[^\p{L}\p{N}])(?P<m>(?P<conj>[وف])?(?P<cue>{{noun}}))", prod: cue
    },
    Rule { name: "relay cue (في تصريح لـ)", pattern: r"{{<}}(?P<m>(?P<conj>[وف])?(?P<cue>{{relay}}))", prod: cue },
    Rule {
        name: "verb cue (قال، وأضافت، يؤكد)", pattern: r"{{<}}(?P<m>(?P<conj>[وف])?(?P<cue>{{verb}})){{>}}", prod: cue
    },
    Rule {
        name: "unnamed source (مصدر عسكري، شهود عيان)", pattern: r"{{<}}(?P<m>(?P<conj>[وف])?(?P<cue>{{anonymous}})){{>}}", prod: cue
    },
];

fn cue(c: &Captures<'_>, i: &Input<'_, HashMap<String, CueKind>>) -> Option<Cue> {
    let word = c.name("cue")?;
    let kind = *i.data.get(&squash(&i.text[word.range()]))?;
    let whole = c.name("m")?.range();
    Some(Cue { kind, word: word.range(), whole, conjoined: c.name("conj").is_some() })
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl AttributionRules {
    pub(crate) fn new() -> AttributionRules {
        let table = Table::parse("cues.tsv", include_str!("../../data/cues.tsv")).expect("cues.tsv is checked by tests");
        let mut kinds = HashMap::new();
        let mut words: HashMap<&str, Vec<String>> = HashMap::new();
        for row in table.rows() {
            let kind = match row.get("kind") {
                "verb" => CueKind::Verb,
                "noun" => CueKind::Noun,
                "relay" => CueKind::Relay,
                _ => CueKind::Anonymous,
            };
            let folded = fold_name(row.get("cue"));
            words.entry(row.get("kind")).or_default().push(folded.clone());
            kinds.insert(folded, kind);
        }
        let mut vars: Vars = common_vars();
        for kind in ["verb", "noun", "relay", "anonymous"] {
            vars.insert(kind, alternation(words.get(kind).map(|w| w.iter().map(String::as_str).collect::<Vec<_>>()).unwrap_or_default()));
        }
        AttributionRules { rules: RuleSet::new(RULES, &vars), kinds }
    }
}

/// Fillers between a nominal cue and its source: "وفق تقديرات أجهزة …", "بحسب بيان الوزارة".
const FILLERS: &[&str] = &[
    "تقديرات",
    "تقارير",
    "تقرير",
    "بيان",
    "بيانات",
    "معلومات",
    "ارقام",
    "احصاءات",
    "احصاييات",
    "وثايق",
    "تصريحات",
    "تصريح",
    "ما",
    "ذكرته",
    "اعلنته",
    "افادت",
    "اوردته",
    "نقلته",
];

/// Conjunctions that may open a clause before its cue ("، بينما دعت").
const CLAUSE_OPENERS: &[&str] = &["بينما", "فيما", "في حين", "كما", "ثم", "لكن", "غير ان", "اما"];

/// Every claim of the text, with its attribution.
pub(crate) fn find(ctx: &Context<'_>, rules: &AttributionRules, entities: &mut EntityTable) -> Vec<ClaimFound> {
    let cues = rules.rules.find(&ctx.tagged, &Input { text: ctx.folded, data: &rules.kinds });
    let starts = mention_starts(ctx, entities);
    let mut claims: Vec<ClaimFound> = Vec::new();
    let mut next_cue = 0;
    for sentence in &ctx.sentences {
        // Cues and sentences are both in text order.
        while next_cue < cues.len() && cues[next_cue].range.start < sentence.start {
            next_cue += 1;
        }
        let first = next_cue;
        while next_cue < cues.len() && cues[next_cue].range.start < sentence.end {
            next_cue += 1;
        }
        let in_sentence: Vec<&Cue> = cues[first..next_cue].iter().filter(|c| c.range.end <= sentence.end).map(|c| &c.value).collect();
        for (range, cues) in split_claims(ctx, &starts, sentence, &in_sentence) {
            let previous = claims.iter().rev().take(3).find_map(|c| c.attribution.as_ref());
            let attribution = attribute(ctx, entities, &starts, &range, &cues, previous);
            claims.push(ClaimFound { range, attribution });
        }
    }
    claims
}

/// Actor mentions by start and by end, for finding a subject next to a cue.
pub(crate) struct Starts {
    /// start → (end, entity), longest first.
    by_start: HashMap<usize, Vec<(usize, usize)>>,
    /// end → (start, entity), longest first.
    by_end: HashMap<usize, Vec<(usize, usize)>>,
}

impl Starts {
    fn get(&self, at: &usize) -> Option<&Vec<(usize, usize)>> {
        self.by_start.get(at)
    }
}

fn mention_starts(ctx: &Context<'_>, entities: &EntityTable) -> Starts {
    let mut by_start: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    let mut by_end: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for (i, item) in entities.items.iter().enumerate() {
        // A capital may speak for its country ("قالت موسكو"): see `metonymy`.
        let capital = item.kind == "city" && ctx.lexicon.country_of_capital(&item.id).is_some();
        for m in item.mentions.iter().filter(|m| m.actor || capital) {
            by_start.entry(m.range.start).or_default().push((m.range.end, i));
            by_end.entry(m.range.end).or_default().push((m.range.start, i));
        }
    }
    for v in by_start.values_mut() {
        v.sort_by_key(|&(end, i)| (std::cmp::Reverse(end), i));
    }
    for v in by_end.values_mut() {
        v.sort_by_key(|&(start, i)| (start, i));
    }
    Starts { by_start, by_end }
}

/// Splits a sentence where a verb cue opens a new clause after a comma.
fn split_claims<'c>(ctx: &Context<'_>, starts: &Starts, sentence: &Range<usize>, cues: &[&'c Cue]) -> Vec<(Range<usize>, Vec<&'c Cue>)> {
    let mut out: Vec<(Range<usize>, Vec<&'c Cue>)> = vec![(sentence.clone(), Vec::new())];
    for &cue in cues {
        let (current, current_cues) = out.last_mut().expect("one claim at least");
        let opens_clause = cue.kind == CueKind::Verb && current_cues.iter().any(|c| c.kind == CueKind::Verb);
        let opens_after_narrative = cue.kind == CueKind::Verb && cue.conjoined && current_cues.is_empty();
        if opens_clause || opens_after_narrative {
            let cue_start = cue.whole.start;
            if let Some(comma) = ctx.folded[current.start..cue_start].rfind([',', ':']).map(|i| current.start + i) {
                let between = ctx.folded[comma + 1..cue_start].trim();
                let subject_first = !between.is_empty()
                    && starts
                        .get(&(comma + 1 + ctx.folded[comma + 1..cue_start].len() - ctx.folded[comma + 1..cue_start].trim_start().len()))
                        .is_some_and(|v| v.iter().any(|&(end, _)| ctx.folded[end..cue_start].trim().is_empty()));
                let opener = CLAUSE_OPENERS.iter().any(|o| fold_name(o) == between);
                if (between.is_empty() || opener || subject_first) && !inside_quote(ctx, current.start, comma) {
                    let new_start = comma + 1 + (ctx.folded[comma + 1..].len() - ctx.folded[comma + 1..].trim_start().len());
                    let end = current.end;
                    current.end = ctx.folded[..comma + 1].trim_end().len().max(current.start);
                    out.push((new_start..end, vec![cue]));
                    continue;
                }
            }
        }
        current_cues.push(cue);
    }
    out
}

/// True when `at` lies inside a quotation opened after `from`.
fn inside_quote(ctx: &Context<'_>, from: usize, at: usize) -> bool {
    let s = &ctx.folded[from..at];
    let opened = s.matches(['«', '“']).count();
    let closed = s.matches(['»', '”']).count();
    opened > closed || s.matches('"').count() % 2 == 1
}

/// The attribution of one claim.
fn attribute(
    ctx: &Context<'_>,
    entities: &mut EntityTable,
    starts: &Starts,
    claim: &Range<usize>,
    cues: &[&Cue],
    previous: Option<&AttributionFound>,
) -> Option<AttributionFound> {
    let mut found: Option<AttributionFound> = None;
    let mut via: Vec<usize> = Vec::new();

    for cue in cues.iter().filter(|c| c.kind == CueKind::Verb) {
        if found.is_some() {
            break;
        }
        let cue_range = cue.whole.clone();
        let after = skip_spaces(ctx, cue.word.end);
        if let Some((source, speaker, end)) = subject_at(ctx, entities, starts, after, claim.end) {
            via.extend(relay_after(ctx, starts, entities, end));
            via.extend(relay_after(ctx, starts, entities, skip_spaces(ctx, cue.word.end)));
            found = Some(AttributionFound { source, speaker, via: Vec::new(), cue: cue_range, mode: Mode::Indirect, inherited: false });
            continue;
        }
        if !cue.conjoined {
            if let Some((source, speaker)) = subject_before(ctx, entities, starts, claim.start, cue.word.start) {
                found = Some(AttributionFound { source, speaker, via: Vec::new(), cue: cue_range, mode: Mode::Indirect, inherited: false });
                continue;
            }
        }
        // No subject of its own: "وأضاف أن …", "وقال: …" continue the previous source.
        if let Some(prev) = previous {
            if subjectless(ctx, after) {
                via.extend(relay_after(ctx, starts, entities, after));
                found =
                    Some(AttributionFound { cue: cue_range, inherited: true, mode: Mode::Indirect, via: prev.via.clone(), ..prev.clone() });
            }
        }
    }

    // Anonymous sources as subjects of a verb: "قال مصدر عسكري".
    if found.is_none() {
        for cue in cues.iter().filter(|c| c.kind == CueKind::Anonymous) {
            let verb_before = cues
                .iter()
                .any(|v| v.kind == CueKind::Verb && v.word.end <= cue.word.start && skip_spaces(ctx, v.word.end) == cue.whole.start);
            let verb_after = cues.iter().any(|v| {
                v.kind == CueKind::Verb
                    && v.word.start >= cue.word.end
                    && ctx.folded[cue.word.end..v.word.start].split_whitespace().count() <= 3
            });
            let after_noun = cues.iter().any(|n| n.kind == CueKind::Noun && skip_spaces(ctx, n.word.end) == cue.word.start);
            if verb_before || verb_after || after_noun {
                let phrase = anonymous_phrase(ctx, cue.word.clone(), claim.end);
                let cue_range = cues.iter().find(|v| v.kind != CueKind::Anonymous).map_or(cue.word.clone(), |v| v.word.clone());
                let mode = if after_noun { Mode::AccordingTo } else { Mode::Indirect };
                via.extend(relay_after(ctx, starts, entities, skip_spaces(ctx, phrase.end)));
                found = Some(AttributionFound {
                    source: SourceRef::Anonymous(phrase),
                    speaker: None,
                    via: Vec::new(),
                    cue: cue_range,
                    mode,
                    inherited: false,
                });
                break;
            }
        }
    }

    // Nominal cues: a source, or the outlet that relayed it.
    for cue in cues.iter().filter(|c| matches!(c.kind, CueKind::Noun | CueKind::Relay)) {
        let mut at = skip_spaces(ctx, cue.word.end);
        // "وفق تقديرات أجهزة الاستخبارات": skip the filler nouns.
        for _ in 0..3 {
            let word_end = ctx.folded[at..].find(|c: char| !crate::normalize::is_word_char(c)).map_or(ctx.folded.len(), |i| at + i);
            if FILLERS.contains(&&ctx.folded[at..word_end]) {
                at = skip_spaces(ctx, word_end);
            } else {
                break;
            }
        }
        let Some((source, speaker, _)) = subject_at(ctx, entities, starts, at, claim.end) else { continue };
        let is_media = matches!(source, SourceRef::Entity(i) if entities.items[i].kind == Kind::Media.as_str());
        if cue.kind == CueKind::Relay || (is_media && found.is_some()) {
            if let SourceRef::Entity(i) = source {
                if is_media {
                    via.push(i);
                }
            }
            continue;
        }
        if found.is_none() {
            if let SourceRef::Entity(i) = source {
                if is_media {
                    via.push(i);
                }
            }
            found = Some(AttributionFound {
                source,
                speaker,
                via: Vec::new(),
                cue: cue.word.clone(),
                mode: Mode::AccordingTo,
                inherited: false,
            });
        }
    }

    let mut a = found?;
    for v in via {
        if !a.via.contains(&v) {
            a.via.push(v);
        }
    }
    if a.mode == Mode::Indirect && has_quote_after(ctx, a.cue.end, claim.end) {
        a.mode = Mode::DirectQuote;
    }
    Some(a)
}

fn skip_spaces(ctx: &Context<'_>, at: usize) -> usize {
    at + ctx.folded[at..].len() - ctx.folded[at..].trim_start_matches([' ', '\u{a0}']).len()
}

/// The source starting at `at`: a role and the person it introduces, an actor mention, or an
/// unnamed source. Returns the source, the speaker and where the phrase ends.
fn subject_at(
    ctx: &Context<'_>,
    entities: &mut EntityTable,
    starts: &Starts,
    at: usize,
    limit: usize,
) -> Option<(SourceRef, Option<SpeakerRef>, usize)> {
    // A clitic ل of a relay ("قال لرويترز") is not a subject.
    if let Some(&(ref role, person)) = entities.roles.iter().find(|(r, _)| r.start == at) {
        let role = role.clone();
        let end =
            entities.items[person].mentions.iter().filter(|m| m.range.start >= role.end).map(|m| m.range.end).min().unwrap_or(role.end);
        return Some((SourceRef::Entity(person), Some((person, Some(role))), end));
    }
    if let Some(&(end, i)) = starts.get(&at).and_then(|v| v.first()) {
        if end <= limit {
            let i = metonymy(ctx, entities, i, at..end);
            let speaker = (entities.items[i].kind == "person").then_some((i, None));
            return Some((SourceRef::Entity(i), speaker, end));
        }
    }
    None
}

/// A capital speaking is its country's government: "قالت موسكو" → Russia.
fn metonymy(ctx: &Context<'_>, entities: &mut EntityTable, i: usize, range: Range<usize>) -> usize {
    let item = &entities.items[i];
    if item.kind != "city" {
        return i;
    }
    let Some(country) = ctx.lexicon.country_of_capital(&item.id) else {
        return i;
    };
    entities.add_entry(country, range, true, false)
}

/// The source just before a cue, in subject-first order: "الاستخبارات الأوكرانية أكدت".
fn subject_before(
    ctx: &Context<'_>,
    entities: &mut EntityTable,
    starts: &Starts,
    from: usize,
    cue_start: usize,
) -> Option<(SourceRef, Option<SpeakerRef>)> {
    let end = ctx.folded[..cue_start].trim_end().len();
    let &(start, i) = starts.by_end.get(&end)?.iter().find(|(s, _)| *s >= from)?;
    let i = metonymy(ctx, entities, i, start..end);
    let speaker = (entities.items[i].kind == "person").then_some((i, None));
    Some((SourceRef::Entity(i), speaker))
}

/// True when nothing after a verb names a subject: "أن", "إن", ":", a quote, or the end.
fn subjectless(ctx: &Context<'_>, at: usize) -> bool {
    let rest = ctx.folded[at..].trim_start();
    let first: String = rest.chars().take_while(|c| crate::normalize::is_word_char(*c)).collect();
    rest.is_empty()
        || rest.starts_with([':', '«', '“', '"', ',', '.'])
        || ["ان", "انه", "انها", "انهم", "بان", "بانه", "في", "خلال", "ايضا", "لـ", "للصحافيين", "للصحفيين", "ل"].contains(&first.as_str())
        || first.starts_with("ل")
}

/// An outlet right after `at` with a ل clitic: "قال لرويترز", "لوكالة فرانس برس".
fn relay_after(ctx: &Context<'_>, starts: &Starts, entities: &EntityTable, at: usize) -> Option<usize> {
    let rest = &ctx.folded[at..];
    let skip = if rest.starts_with("لوكاله ") || rest.starts_with("لقناه ") || rest.starts_with("لصحيفه ") {
        rest.find(' ').map(|i| i + 1)?
    } else if rest.starts_with('ل') {
        'ل'.len_utf8()
    } else {
        return None;
    };
    let v = starts.get(&(at + skip))?;
    v.iter().map(|&(_, i)| i).find(|&i| entities.items[i].kind == Kind::Media.as_str())
}

/// "مصدر عسكري", "مسؤول أمريكي كبير", "وسائل إعلام لبنانية": the head and up to two
/// adjectives after it.
fn anonymous_phrase(ctx: &Context<'_>, head: Range<usize>, limit: usize) -> Range<usize> {
    let mut end = head.end;
    for _ in 0..2 {
        let rest = &ctx.folded[end..limit.max(end)];
        let Some(word) = rest.strip_prefix(' ').and_then(|r| r.split([' ', ',', '.', ':', ';']).next()) else { break };
        let adjective = word.chars().count() > 3
            && (word.ends_with('ي')
                || word.ends_with("يه")
                || word.ends_with("يون")
                || word.ends_with("يين")
                || word.ends_with("ون")
                || word.ends_with("ين")
                || word == "مطلع"
                || word == "مطلعه"
                || word == "عيان"
                || word == "كبير");
        if !adjective {
            break;
        }
        end += 1 + word.len();
    }
    head.start..end
}

/// A quotation opens after the cue: «…», “…”, "…".
fn has_quote_after(ctx: &Context<'_>, from: usize, to: usize) -> bool {
    ctx.folded[from..to.max(from)].contains(['«', '“', '"'])
}
