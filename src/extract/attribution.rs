//! Claims and who made them.
//!
//! Each sentence is a claim, split again where a new attribution cue starts a clause after a
//! comma ("أكدت X …، وقال Y: …" is two claims). A claim's source is found from its cues
//! (`data/cues.tsv`), read in text order:
//! - a verb with its subject after it ("قال الرئيس …") or before it ("الاستخبارات الأوكرانية
//!   أكدت", "زاخاروفا، المتحدثة باسم الخارجية، قالت", "وكان بايدن قد توعد"); a title before a
//!   name makes the named person the speaker, with that role;
//! - an unnamed source ("مصدر عسكري", "شهود عيان") is kept as an `anonymous` source;
//! - a short back-reference ("المالكي", "الوزير", "المصدر", "الصحيفة") is the person or body
//!   named before whose name ends or starts with that word;
//! - a noun phrase headed by a speaker noun (`head` rows of the cue table: "المرصد", "الباحث",
//!   "لجنة أطباء …"), or any definite noun phrase that a complement (أن، إن، :) follows, is kept
//!   as an `unresolved` source when it names nothing of the lexicon, and so is a name the
//!   lexicon lacks between a verb and what was said ("وقال عمر باباكالي، أحد السكان، إن");
//! - a verb without a subject ("وأضافت أن …") continues the previous claim's source
//!   (`inherited: true`);
//! - a nominal cue ("بحسب X", "وفق تقديرات X", "نقلاً عن X", "بحسب ما أوردت X") names the
//!   source, or, when X is an outlet and another source is named, the outlet that relayed it
//!   (`via`), as do "قال لرويترز", "في تصريح لقناة …", "نقلت وكالة X عن …" and "في بيان بثه
//!   التلفزيون الرسمي";
//! - a headline "X: …" quotes X.

use super::entity::{EntityTable, derived_id};
use super::{Context, Mapper};
use crate::document::{self, Mode};
use crate::lexicon::Kind;
use crate::normalize::{fold_name, is_word_char};
use crate::rules::{ADJECTIVE_MARK, Found, Input, Rule, RuleSet, Vars, alternation, common_vars, squash};
use crate::table::Table;
use regex::Captures;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What kind of cue a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    Verb,
    Noun,
    Relay,
    Anonymous,
    /// A passive cue without a source: "وأفيد بأن".
    Impersonal,
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
    /// A verb of a relative clause ("… بومبيو، الذي قال إن"): its subject is the noun before.
    relative: bool,
    /// A verb that continues the previous source even with a noun after it ("ودعا الدول إلى").
    continues: bool,
}

/// The source of a claim.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SourceRef {
    /// An entity of the document's table.
    Entity(usize),
    /// An unnamed source: the phrase that describes it ("مصدر عسكري").
    Anonymous(Range<usize>),
    /// A source named by a phrase that the lexicon does not know ("المرصد", "الباحث").
    Phrase(Range<usize>),
}

/// The person who voiced a claim, and the role phrase the text gives them.
type SpeakerRef = (usize, Option<Range<usize>>);

/// Who made a claim.
#[derive(Debug, Clone)]
pub(crate) struct AttributionFound {
    source: SourceRef,
    /// The person and the role phrase the text gives them.
    speaker: Option<SpeakerRef>,
    via: Vec<SourceRef>,
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
    fn new(source: SourceRef, speaker: Option<SpeakerRef>, cue: Range<usize>, mode: Mode) -> AttributionFound {
        AttributionFound { source, speaker, via: Vec::new(), cue, mode, inherited: false }
    }

    /// The output form; entities carry only their mentions inside `claim`.
    pub(crate) fn to_output(&self, claim: &Range<usize>, map: &Mapper<'_>, entities: &EntityTable) -> document::Attribution {
        let speaker = self
            .speaker
            .as_ref()
            .map(|(i, role)| document::Speaker { name: entities.items[*i].name.clone(), role: role.as_ref().map(|r| map.text_span(r).0) });
        document::Attribution {
            source: source_output(&self.source, claim, map, entities),
            speaker,
            via: self.via.iter().map(|v| source_output(v, claim, map, entities)).collect(),
            cue: map.text_span(&self.cue).0,
            mode: self.mode,
            inherited: self.inherited,
        }
    }
}

fn source_output(source: &SourceRef, claim: &Range<usize>, map: &Mapper<'_>, entities: &EntityTable) -> document::Entity {
    let (r, kind) = match source {
        SourceRef::Entity(i) => return entities.output_within(*i, claim, map),
        SourceRef::Anonymous(r) => (r, "anonymous"),
        SourceRef::Phrase(r) => (r, "unresolved"),
    };
    let (text, span) = map.text_span(r);
    let folded = fold_name(&text);
    document::Entity {
        id: derived_id(kind, &folded),
        name: text.clone(),
        kind: kind.to_string(),
        country: None,
        name_en: None,
        lat: None,
        lon: None,
        geonames_id: None,
        mentions: vec![document::Mention { text, span }],
    }
}

/// The cue table: the kind of every cue, and the nouns that head a speaker's phrase.
struct Lookup {
    kinds: HashMap<String, CueKind>,
    heads: HashSet<String>,
    /// Verb forms that continue the previous source whatever follows them ("وأضاف", "ودعا").
    continues: HashSet<String>,
}

/// The compiled attribution rules.
pub(crate) struct AttributionRules {
    lookup: Lookup,
    rules: RuleSet<Lookup, Cue>,
}

static RULES: &[Rule<Lookup, Cue>] = &[
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

fn cue(c: &Captures<'_>, i: &Input<'_, Lookup>) -> Option<Cue> {
    let word = c.name("cue")?;
    let kind = *i.data.kinds.get(&squash(&i.text[word.range()]))?;
    let whole = c.name("m")?.range();
    let continues = i.data.continues.contains(&i.text[word.range()]);
    Some(Cue { kind, word: word.range(), whole, conjoined: c.name("conj").is_some(), relative: false, continues })
}

impl AttributionRules {
    pub(crate) fn new() -> AttributionRules {
        let table = Table::parse("cues.tsv", include_str!("../../data/cues.tsv")).expect("cues.tsv is checked by tests");
        let mut kinds = HashMap::new();
        let mut heads = HashSet::new();
        let mut continues = HashSet::new();
        let mut words: HashMap<&str, Vec<String>> = HashMap::new();
        for row in table.rows() {
            let folded = fold_name(row.get("cue"));
            if row.get("continues") == "yes" {
                continues.insert(folded.clone());
            }
            let kind = match row.get("kind") {
                "verb" => CueKind::Verb,
                "noun" => CueKind::Noun,
                "relay" => CueKind::Relay,
                "head" => {
                    heads.insert(folded);
                    continue;
                }
                "impersonal" => CueKind::Impersonal,
                _ => {
                    heads.insert(folded.clone());
                    CueKind::Anonymous
                }
            };
            words.entry(row.get("kind")).or_default().push(folded.clone());
            kinds.insert(folded, kind);
        }
        let mut vars: Vars = common_vars();
        for kind in ["verb", "noun", "relay", "anonymous"] {
            vars.insert(kind, alternation(words.get(kind).map(|w| w.iter().map(String::as_str).collect::<Vec<_>>()).unwrap_or_default()));
        }
        // A passive cue is matched like a verb, and gives no source.
        let mut verbs = words.get("verb").cloned().unwrap_or_default();
        verbs.extend(words.get("impersonal").cloned().unwrap_or_default());
        vars.insert("verb", alternation(verbs.iter().map(String::as_str)));
        AttributionRules { rules: RuleSet::new(RULES, &vars), lookup: Lookup { kinds, heads, continues } }
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
    "قاله",
    "قالته",
    "عنه",
    "عنها",
    "عنهم",
    "ذكره",
    "ذكرته",
    "اكده",
    "اكدته",
    "اعلنه",
    "اورده",
    "نقله",
    "كشفه",
    "كشفته",
    "اوضحه",
    "اوضحته",
];

/// Nouns that, with a pronoun suffix after a nominal cue, point back to the speaker of the
/// claim: "وفق تقديره" (by his estimate), "على حد تعبيرها".
const OWN_WORDS: &[&str] = &["تقدير", "تعبير", "راي", "وصف", "قول", "كلام", "حد تعبير", "زعم", "رواي"];

/// Conjunctions that may open a clause before its cue ("، بينما دعت").
const CLAUSE_OPENERS: &[&str] = &["بينما", "فيما", "في حين", "كما", "ثم", "لكن", "غير ان", "اما"];

/// Words that may open a claim before its subject or cue: "غير أن القيادة … قالت", "من
/// جهته، أعلن", "وكان بايدن قد توعد".
const OPENERS: &[&str] = &[
    "و",
    "ف",
    "كما",
    "ثم",
    "لكن",
    "ولكن",
    "غير",
    "ان",
    "الا",
    "بينما",
    "فيما",
    "في",
    "المقابل",
    "من",
    "جهته",
    "جهتها",
    "جهتهم",
    "بدوره",
    "بدورها",
    "بدورهم",
    "وكان",
    "كان",
    "وكانت",
    "كانت",
    "قد",
    "اما",
    "حين",
    "ناحيته",
    "ناحيتها",
    "اخري",
    "جانبه",
    "جانبها",
    "جهه",
];

/// Time words that may stand between a verb and its subject ("قال، أمس الثلاثاء، الوزير").
const ADVERBIALS: &[&str] = &[
    "امس",
    "اليوم",
    "مساء",
    "صباح",
    "ليل",
    "ليله",
    "فجر",
    "ظهر",
    "عصر",
    "السبت",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "الماضي",
    "ايضا",
    "بدوره",
    "بدورها",
    "اول",
    "الجاري",
    "انذاك",
    "حينها",
    "لاحقا",
    "مجددا",
    "كذلك",
];

/// Words that end a noun phrase: complements, prepositions, relatives, negations.
const STOPS: &[&str] = &[
    "ان",
    "انه",
    "انها",
    "انهم",
    "انهما",
    "اننا",
    "اننا",
    "بان",
    "بانه",
    "بانها",
    "بانهم",
    "لان",
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "هو",
    "هي",
    "هم",
    "الا",
    "او",
    "ثم",
    "كما",
    "حيث",
    "بعد",
    "قبل",
    "خلال",
    "منذ",
    "امام",
    "بين",
    "حول",
    "عبر",
    "لدي",
    "عند",
    "ضد",
    "نحو",
    "بشان",
    "ازاء",
    "وان",
    "فان",
    "اليوم",
    "امس",
    "مساء",
    "صباح",
    "ايضا",
    "كل",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "قوله",
    "قولها",
    "قائلا",
    "قايلا",
    "مضيفا",
    "مشيرا",
    "موكدا",
    "موضحا",
    "بدوره",
    "بدورها",
    "الان",
    "به",
    "بها",
    "له",
    "لها",
    "عنه",
    "عنها",
    "بل",
    "فيه",
    "فيها",
    "فيهم",
    "عليه",
    "عليها",
    "منه",
    "منها",
    "اليه",
    "اليها",
    "لهم",
    "معه",
    "معها",
    "عبر",
];

/// Words after which a noun phrase is a speaker: a complement or the opening of a quote.
const COMPLEMENTS: &[&str] = &["ان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "بان", "بانه", "بانها", "بانهم", "قوله", "قولها"];

/// Definite words that name a source by themselves after an ambiguous nominal cue: none yet
/// beyond the speaker nouns; kept for words like "المصادر" that are heads in the plural.
const OWN_HEADLESS: &[&str] = &["المصادر", "الشهود", "السكان", "الناشطين", "المراقبين"];

/// Nouns of time that end a noun phrase: "الحكومة الشهر الماضي".
const TIME_NOUNS: &[&str] = &["الشهر", "الاسبوع", "العام", "السنه", "الليله", "اليوم", "الساعات", "الايام"];

/// Verbs that put a statement on the air or in print: "في بيان بثه التلفزيون الرسمي".
const BROADCAST: &[&str] =
    &["بثه", "بثته", "بثها", "نشره", "نشرته", "نشرها", "اوردته", "اوردها", "نقلته", "نقلها", "اذاعه", "اذاعته", "اذاعها", "تناقلته"];

/// Nouns that head the name of an outlet: "التلفزيون الرسمي", "وكالة الأنباء الرسمية".
const OUTLET_HEADS: &[&str] =
    &["تلفزيون", "التلفزيون", "قناه", "القناه", "اذاعه", "الاذاعه", "وكاله", "الوكاله", "صحيفه", "الصحيفه", "موقع", "الموقع"];

/// Every claim of the text, with its attribution.
pub(crate) fn find(ctx: &Context<'_>, rules: &AttributionRules, entities: &mut EntityTable) -> Vec<ClaimFound> {
    let cues = merge_cues(ctx, rules.rules.find(&ctx.tagged, &Input { text: ctx.folded, data: &rules.lookup }));
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
            let history: Vec<&AttributionFound> = claims.iter().rev().take(12).filter_map(|c| c.attribution.as_ref()).collect();
            let previous = claims.iter().rev().take(3).find_map(|c| c.attribution.as_ref());
            let s = Scope { ctx, heads: &rules.lookup.heads, starts: &starts, claim: range.clone(), cues: &cues, history: &history };
            let attribution = attribute(&s, entities, previous);
            claims.push(ClaimFound { range, attribution });
        }
    }
    claims
}

/// Joins a verb to the nominal cue ending in ما before it ("بحسب ما أوردت", "على ما قال"),
/// drops "على ما" that no verb follows ("على ما يبدو"), and marks verbs of relative clauses.
fn merge_cues(ctx: &Context<'_>, found: Vec<Found<Cue>>) -> Vec<Found<Cue>> {
    let mut out: Vec<Found<Cue>> = Vec::with_capacity(found.len());
    for mut f in found {
        if f.value.kind == CueKind::Verb {
            if let Some(last) = out.last_mut() {
                let text = &ctx.folded[last.value.word.clone()];
                if last.value.kind == CueKind::Noun && text.ends_with("ما") && skip_spaces(ctx, last.value.word.end) == f.value.whole.start
                {
                    last.value.word.end = f.value.word.end;
                    last.value.whole.end = f.value.whole.end;
                    last.range.end = f.range.end;
                    continue;
                }
            }
            let before = ctx.folded[..f.value.whole.start].trim_end();
            let last_word = before.rsplit([' ', ',']).next().unwrap_or("");
            f.value.relative = matches!(last_word, "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان");
        }
        out.push(f);
    }
    out.retain(|f| ctx.folded[f.value.word.clone()] != *"علي ما");
    out
}

/// What finding one claim's source needs to read.
struct Scope<'a, 'c> {
    ctx: &'a Context<'a>,
    heads: &'a HashSet<String>,
    starts: &'a Starts,
    claim: Range<usize>,
    cues: &'a [&'c Cue],
    /// The attributions of the claims before, nearest first.
    history: &'a [&'a AttributionFound],
}

/// Actor mentions by start and by end, for finding a subject next to a cue.
pub(crate) struct Starts {
    /// start → (end, entity), longest first.
    by_start: HashMap<usize, Vec<(usize, usize)>>,
    /// (start, end, entity) of every actor mention, sorted by end.
    by_end: Vec<(usize, usize, usize)>,
}

impl Starts {
    fn get(&self, at: &usize) -> Option<&Vec<(usize, usize)>> {
        self.by_start.get(at)
    }
}

fn mention_starts(ctx: &Context<'_>, entities: &EntityTable) -> Starts {
    let mut by_start: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    let mut by_end: Vec<(usize, usize, usize)> = Vec::new();
    for (i, item) in entities.items.iter().enumerate() {
        // A capital may speak for its country ("قالت موسكو"): see `metonymy`.
        let capital = item.kind == "city" && ctx.lexicon.country_of_capital(&item.id).is_some();
        for m in item.mentions.iter().filter(|m| m.actor || capital) {
            by_start.entry(m.range.start).or_default().push((m.range.end, i));
            by_end.push((m.range.start, m.range.end, i));
        }
    }
    for (role, person) in &entities.roles {
        by_end.push((role.start, role.end, *person));
    }
    for v in by_start.values_mut() {
        v.sort_by_key(|&(end, i)| (std::cmp::Reverse(end), i));
    }
    by_end.sort_by_key(|&(s, e, i)| (e, std::cmp::Reverse(s), i));
    by_end.dedup();
    Starts { by_start, by_end }
}

/// Splits a sentence where a verb cue opens a new clause after a comma.
fn split_claims<'c>(ctx: &Context<'_>, starts: &Starts, sentence: &Range<usize>, cues: &[&'c Cue]) -> Vec<(Range<usize>, Vec<&'c Cue>)> {
    let mut out: Vec<(Range<usize>, Vec<&'c Cue>)> = vec![(sentence.clone(), Vec::new())];
    for &cue in cues {
        // A cue inside a relative clause already split off belongs to that clause.
        if let Some(k) = out.iter().position(|(r, _)| r.contains(&cue.whole.start)).filter(|&k| k + 1 < out.len()) {
            out[k].1.push(cue);
            continue;
        }
        let (current, current_cues) = out.last_mut().expect("one claim at least");
        if cue.whole.start < current.start {
            continue;
        }
        if cue.relative {
            if let Some((clause, rest)) = relative_clause(ctx, current, cue) {
                let end = current.end;
                current.end = ctx.folded[..clause.start].trim_end().trim_end_matches(',').trim_end().len().max(current.start);
                out.push((clause, vec![cue]));
                if let Some(rest) = rest {
                    out.push((rest.start..end, Vec::new()));
                }
                continue;
            }
        }
        let verb = cue.kind == CueKind::Verb && !cue.relative;
        let opens_clause = verb && current_cues.iter().any(|c| c.kind == CueKind::Verb);
        let opens_after_narrative = verb && cue.conjoined && current_cues.is_empty();
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

/// The relative clause of a verb ("، الذي قال الأسبوع الماضي إن …،"): from the relative pronoun
/// after a comma to the next comma outside quotes, and what follows it.
fn relative_clause(ctx: &Context<'_>, current: &Range<usize>, cue: &Cue) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let before = ctx.folded[current.start..cue.whole.start].trim_end();
    let pronoun_start = current.start + before.rfind(' ').map_or(0, |i| i + 1);
    if !ctx.folded[current.start..pronoun_start].trim_end().ends_with(',') {
        return None;
    }
    let mut at = cue.word.end;
    while let Some(i) = ctx.folded[at..current.end].find(',') {
        let comma = at + i;
        if !inside_quote(ctx, cue.word.end, comma) {
            let rest = skip_spaces(ctx, comma + 1);
            return Some((pronoun_start..comma, (rest < current.end).then_some(rest..current.end)));
        }
        at = comma + 1;
    }
    Some((pronoun_start..current.end, None))
}

/// True when `at` lies inside a quotation opened after `from`.
fn inside_quote(ctx: &Context<'_>, from: usize, at: usize) -> bool {
    let s = &ctx.folded[from..at];
    let opened = s.matches(['«', '“']).count();
    let closed = s.matches(['»', '”']).count();
    opened > closed || s.matches('"').count() % 2 == 1
}

/// A source found for one cue: who, the person who voiced it, and where its phrase ends.
type Subject = (SourceRef, Option<SpeakerRef>, usize);

/// The attribution of one claim: the first cue (in text order) that names a source other than
/// an outlet gives it; outlets named by the other cues relay it; a cue without a subject of its
/// own continues the previous claim's source.
fn attribute(s: &Scope<'_, '_>, entities: &mut EntityTable, previous: Option<&AttributionFound>) -> Option<AttributionFound> {
    let ctx = s.ctx;
    let mut found: Option<AttributionFound> = None;
    let mut outlets: Vec<(SourceRef, Range<usize>, Mode)> = Vec::new();
    let mut via: Vec<SourceRef> = Vec::new();
    let mut continuing: Option<&Cue> = None;
    let mut impersonal = false;

    for &cue in s.cues {
        if found.is_some() && cue.kind == CueKind::Verb {
            continue;
        }
        let (subject, mode) = match cue.kind {
            CueKind::Verb => match verb_subject(s, entities, cue) {
                Some(sub) => (sub, Mode::Indirect),
                None => {
                    // "يذكر أن …" (it is mentioned that) at the start of a claim is impersonal.
                    let passive = !cue.conjoined && ctx.folded[cue.word.clone()].starts_with('ي');
                    // Other verbs continue only when no noun follows them ("ونقلت محطات التلفزة
                    // …" has a subject of its own, unknown as it is).
                    let subjectless = cue.continues || subjectless(ctx, skip_spaces(ctx, cue.word.end));
                    if continuing.is_none()
                        && !passive
                        && subjectless
                        && (cue.conjoined || at_claim_start(s, cue.whole.start))
                        && !cue.relative
                    {
                        continuing = Some(cue);
                    }
                    continue;
                }
            },
            CueKind::Noun | CueKind::Relay => match noun_subject(s, entities, cue) {
                // "وأضاف … بناء على التقارير": what a continued speaker bases a claim on is
                // not its source; only an outlet named there relays it.
                Some(sub) if continuing.is_some() && found.is_none() && !is_media(entities, &sub.0) => continue,
                Some(sub) => (sub, Mode::AccordingTo),
                None => {
                    if continuing.is_none() && own_words(ctx, cue) {
                        continuing = Some(cue);
                    }
                    continue;
                }
            },
            CueKind::Impersonal => {
                impersonal = true;
                continue;
            }
            CueKind::Anonymous => continue,
        };
        let (source, speaker, end) = subject;
        if cue.kind != CueKind::Relay {
            via.extend(relay_near(s, entities, end));
            via.extend(relay_after(s, entities, skip_spaces(ctx, cue.word.end)));
        }
        if cue.kind == CueKind::Relay {
            if is_media(entities, &source) {
                via.push(source);
            }
            continue;
        }
        if is_media(entities, &source) {
            // "نقلت وكالة الأنباء السعودية عن مصدر …": the outlet relays the source after عن.
            if cue.kind == CueKind::Verb {
                if let Some((inner, inner_speaker, _)) = source_after_an(s, entities, end) {
                    via.push(source);
                    if found.is_none() {
                        found = Some(AttributionFound::new(inner, inner_speaker, cue.whole.clone(), mode));
                    }
                    continue;
                }
            }
            // "بحسب فرانس برس": the outlet relays, and is the source when no other is named.
            if cue.kind == CueKind::Noun {
                via.push(source.clone());
            }
            // "أعلنت وكالة الأناضول أن …" is the agency's own report, unless the source it
            // relays follows at once ("ذكرت صحيفة …، نقلاً عن مسؤولين، أن").
            let relays = s.cues.iter().any(|c| {
                c.kind == CueKind::Noun && c.whole.start >= end && ctx.folded[end..c.whole.start].trim_matches([' ', ',']).is_empty()
            });
            if cue.kind == CueKind::Verb && !relays && found.is_none() {
                found = Some(AttributionFound::new(source, speaker, cue.whole.clone(), mode));
                continue;
            }
            outlets.push((source, cue.whole.clone(), mode));
            continue;
        }
        if found.is_none() {
            found = Some(AttributionFound::new(
                source,
                speaker,
                if cue.kind == CueKind::Verb { cue.whole.clone() } else { cue.word.clone() },
                mode,
            ));
        }
    }

    // Anonymous sources as the subject of a verb after them: "مصادر محلية قالت".
    if found.is_none() {
        found = anonymous_subject_first(s);
    }

    let mut a = match found {
        Some(a) => {
            via.extend(outlets.into_iter().map(|(o, _, _)| o));
            a
        }
        None => match (outlets.is_empty(), continuing, previous) {
            // An outlet and nothing else: the outlet is the source.
            (false, _, _) => {
                let mut outlets = outlets.into_iter();
                let (o, cue, mode) = outlets.next()?;
                via.extend(outlets.map(|(o, _, _)| o));
                AttributionFound::new(o, None, cue, mode)
            }
            // No subject of its own: "وأضاف أن …", "وقال: …" continue the previous source.
            (true, Some(cue), Some(prev)) if !impersonal => {
                via.extend(relay_after(s, entities, skip_spaces(ctx, cue.word.end)));
                AttributionFound { cue: cue.whole.clone(), inherited: true, mode: Mode::Indirect, via: prev.via.clone(), ..prev.clone() }
            }
            _ => headline(s, entities)?,
        },
    };
    via.extend(broadcast_via(s, entities));
    // The same source as the claim before, by name: "وأضاف المسؤول" keeps its outlet.
    if !a.inherited && a.via.is_empty() && via.is_empty() {
        if let Some(prev) = s.history.first().filter(|p| p.source == a.source) {
            a.via = prev.via.clone();
        }
    }
    for v in via {
        if !a.via.contains(&v) && (v != a.source || a.mode == Mode::AccordingTo) {
            a.via.push(v);
        }
    }
    if a.mode == Mode::Indirect && has_quote_after(ctx, a.cue.end, s.claim.end) {
        a.mode = Mode::DirectQuote;
    }
    Some(a)
}

fn is_media(entities: &EntityTable, source: &SourceRef) -> bool {
    matches!(source, SourceRef::Entity(i) if entities.items[*i].kind == Kind::Media.as_str())
}

/// True when nothing after a verb can be its subject: a complement, a preposition, a quote,
/// punctuation or the end.
fn subjectless(ctx: &Context<'_>, at: usize) -> bool {
    let rest = ctx.folded[at..].trim_start();
    let first: &str = &rest[..rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())];
    first.is_empty()
        || COMPLEMENTS.contains(&first)
        || ["ان", "في", "خلال", "ايضا", "علي", "الي", "من", "عن", "امام", "لدي", "عقب", "بعد", "اثناء", "كذلك", "بدوره", "بدورها", "عبر"]
            .contains(&first)
        || ADVERBIALS.contains(&first)
        || (first.starts_with('ل') && !first.starts_with("ال"))
        || (first.starts_with('ب') && !first.starts_with("ال"))
}

/// True when only opening words ("و", "كما", "من جهته،") stand between the claim's start and
/// `at`.
fn at_claim_start(s: &Scope<'_, '_>, at: usize) -> bool {
    s.ctx.folded[s.claim.start..at.max(s.claim.start)]
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .all(|w| OPENERS.contains(&w))
}

/// The subject of a verb cue: after it (verb-first), or before it (subject-first).
fn verb_subject(s: &Scope<'_, '_>, entities: &mut EntityTable, cue: &Cue) -> Option<Subject> {
    let ctx = s.ctx;
    if cue.relative {
        // Only a relative clause set off by a comma describes a speaker ("بومبيو، الذي قال");
        // "وفاة الملا عمر التي أعلنت" is a passive about the noun.
        let pronoun = ctx.folded[..cue.whole.start].trim_end();
        let before_pronoun = pronoun[..pronoun.rfind(' ').unwrap_or(0)].trim_end();
        if !before_pronoun.ends_with(',') {
            return None;
        }
        return subject_before(s, entities, cue.whole.start, true);
    }
    let first = at_claim_start(s, cue.whole.start);
    if !first && !cue.conjoined {
        if let Some(sub) = subject_before(s, entities, cue.whole.start, false) {
            return Some(sub);
        }
    }
    let after = skip_adverbials(ctx, skip_spaces(ctx, cue.word.end), s.claim.end);
    if let Some(sub) = subject_at(s, entities, after, Strictness::Verb) {
        return Some(sub);
    }
    if first && !cue.conjoined {
        return subject_before(s, entities, cue.whole.start, false);
    }
    None
}

/// The source a nominal cue names: "بحسب الباحث"، "وفقاً لوزارة الصحة"، "بحسب ما أوردت وكالة …".
fn noun_subject(s: &Scope<'_, '_>, entities: &mut EntityTable, cue: &Cue) -> Option<Subject> {
    let ctx = s.ctx;
    let mut at = skip_spaces(ctx, cue.word.end);
    // "وفق تقديرات أجهزة الاستخبارات": skip the filler nouns.
    let cue_text = &ctx.folded[cue.word.clone()];
    for _ in 0..4 {
        let word_end = word_end(ctx, at);
        let word = &ctx.folded[at..word_end];
        if FILLERS.contains(&word) {
            at = skip_spaces(ctx, word_end);
        } else if !cue_text.ends_with('ل') && word.starts_with('ل') && word.chars().count() > 3 && !word.starts_with("لل") {
            // "وفقاً لما نقلته …", "وفقا لمكتب المحافظ": the ل of the cue is written on the noun.
            at += 'ل'.len_utf8();
        } else {
            break;
        }
    }
    if cue.kind == CueKind::Relay {
        return media_at(s, entities, at).map(|(i, end)| (SourceRef::Entity(i), None, end));
    }
    if own_words(ctx, cue) {
        return None;
    }
    // وفق، حسب، طبقاً لـ also mean "in accordance with" ("وفق الخطة"): after them, a phrase the
    // lexicon does not know names a source only when a speaker noun heads it.
    let bare = cue_text.trim_end_matches([' ', 'ل']);
    let accordance = ["وفق", "وفقا", "طبقا", "حسب", "استنادا الي", "بناء علي"].contains(&bare);
    subject_at(s, entities, at, if accordance { Strictness::Head } else { Strictness::Loose })
}

/// What a phrase the lexicon does not know must look like to be taken as a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    /// After a nominal cue (بحسب، نقلاً عن): any noun phrase.
    Loose,
    /// After an ambiguous nominal cue (وفق): headed by a speaker noun.
    Head,
    /// After a verb, whose object may follow it too: headed by a speaker noun, or definite
    /// with a complement (أن، إن، :) after it.
    Verb,
}

/// True when a nominal cue is followed by the speaker's own words: "وفق تقديره", "حسب قولها".
fn own_words(ctx: &Context<'_>, cue: &Cue) -> bool {
    let at = skip_spaces(ctx, cue.word.end);
    let rest = &ctx.folded[at..];
    let end = rest.find([',', '.', ':', ';']).unwrap_or(rest.len()).min(40);
    let end = (0..=end).rev().find(|&i| rest.is_char_boundary(i)).unwrap_or(0);
    let phrase = rest[..end].split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    OWN_WORDS.iter().any(|w| {
        phrase.strip_prefix(w).is_some_and(|suffix| {
            let suffix = suffix.split(' ').next().unwrap_or("");
            matches!(suffix, "ه" | "ها" | "هم" | "هما")
        })
    })
}

/// The source named at `at`: a role and the person it introduces, an actor mention, an unnamed
/// source, a back-reference, or a noun phrase (with `strict`, only one headed by a speaker noun
/// or followed by a complement, as after a verb, whose object may follow it too).
fn subject_at(s: &Scope<'_, '_>, entities: &mut EntityTable, at: usize, strict: Strictness) -> Option<Subject> {
    let ctx = s.ctx;
    // Quotation marks around a name: بحسب “جان شارل بريزار” (after a verb, a quote is what
    // was said).
    let at = if strict == Strictness::Verb && !short_quote(ctx, at) {
        at
    } else {
        skip_spaces(ctx, at + ctx.folded[at..].len() - ctx.folded[at..].trim_start_matches(['“', '"', '«']).len())
    };
    if at >= s.claim.end {
        return None;
    }
    if let Some(&(ref role, person)) = entities.roles.iter().find(|(r, _)| r.start == at) {
        let role = role.clone();
        let end =
            entities.items[person].mentions.iter().filter(|m| m.range.start >= role.end).map(|m| m.range.end).min().unwrap_or(role.end);
        return Some((SourceRef::Entity(person), Some((person, Some(role))), end));
    }
    if let Some(&(end, i)) = s.starts.get(&at).and_then(|v| v.first()) {
        if end <= s.claim.end {
            let i = metonymy(ctx, entities, i, at..end);
            let speaker = (entities.items[i].kind == "person").then(|| (i, role_after(ctx, entities, i, end)));
            return Some((SourceRef::Entity(i), speaker, end));
        }
    }
    if let Some(cue) = s.cues.iter().find(|c| c.kind == CueKind::Anonymous && c.whole.start == at) {
        let phrase = anonymous_phrase(ctx, cue.word.clone(), s.claim.end);
        return Some((SourceRef::Anonymous(phrase.clone()), None, phrase.end));
    }
    if let Some(sub) = back_reference(s, entities, at) {
        return Some(sub);
    }
    if let Some((i, end)) = media_at(s, entities, at) {
        return Some((SourceRef::Entity(i), None, end));
    }
    let phrase = noun_phrase(s, at, s.claim.end)?;
    let head = &ctx.folded[phrase.start..word_end(ctx, phrase.start)];
    let head_bare = head.strip_prefix("ال").unwrap_or(head);
    let speaker_head = s.heads.contains(head_bare);
    let definite = head.starts_with("ال");
    let ok = speaker_head
        || (strict == Strictness::Head && definite && OWN_HEADLESS.contains(&head))
        || match strict {
            Strictness::Loose => true,
            Strictness::Head => false,
            Strictness::Verb => definite && complement_follows(ctx, phrase.end, s.claim.end),
        };
    if !ok {
        return if strict == Strictness::Verb { unknown_name(s, at).map(|r| (SourceRef::Phrase(r.clone()), None, r.end)) } else { None };
    }
    // A rank or title alone ("العميد الركن صالح علي حسن", "السيد …") introduces the name after it.
    let phrase = name_after_titles(s, phrase);
    // The person the phrase introduces, after a comma and a rank: "المتحدث باسم قوات
    // التحالف، العميد الركن تركي المالكي".
    if let Some((person, end)) = person_in_apposition(s, entities, phrase.end) {
        return Some((SourceRef::Entity(person), Some((person, Some(phrase))), end));
    }
    Some((SourceRef::Phrase(phrase.clone()), None, phrase.end))
}

/// Nouns that a verb of saying takes as its object before a complement ("وأكد ضرورة أن"): not
/// names.
const NOT_NAMES: &[&str] = &[
    "ضروره",
    "اهميه",
    "استعداد",
    "رفض",
    "دعم",
    "وجود",
    "حرص",
    "عزم",
    "امل",
    "ثقه",
    "قناعه",
    "استغراب",
    "ترحيب",
    "تمسك",
    "عضو",
    "وكيل",
    "مساعد",
    "احد",
    "بكل",
    "نحن",
    "انا",
];

/// A name the lexicon does not know right after a verb, up to three words, then a complement,
/// a colon, a comma, an outlet or a place of speaking: "وقال عمر باباكالي، أحد السكان، إن",
/// "قالت شبكة شام: إن", "وقال كاجمان لصحيفة … إن".
fn unknown_name(s: &Scope<'_, '_>, at: usize) -> Option<Range<usize>> {
    let ctx = s.ctx;
    let mut end = at;
    let mut pos = at;
    for n in 0..3 {
        let we = word_end(ctx, pos);
        if we == pos || we > s.claim.end {
            break;
        }
        let w = &ctx.folded[pos..we];
        let previous = ctx.folded[..pos].trim_end().rsplit(' ').next().unwrap_or("");
        let compound = n > 0 && ["عبد", "ابو", "ابي", "بن", "بنت", "ال"].contains(&previous);
        // Not a name: an adverb in the accusative (رسمياً), a noun with a pronoun (ولاءها), a
        // preposition with the article (بالقول).
        let between_commas = ctx.folded[..pos].trim_end().ends_with(',') && ctx.folded[we..].starts_with(',');
        let inflected = (w.ends_with('ا') && between_commas) || w.ends_with("ها") || w.ends_with("هم") || w.starts_with("بال");
        if STOPS.contains(&w)
            || inflected
            || COMPLEMENTS.contains(&w)
            || NOT_NAMES.contains(&w)
            || ADVERBIALS.contains(&w)
            || s.heads.contains(w)
            || (w.starts_with("ال") && !compound)
            || (n > 0 && w.starts_with('ل'))
            || w.chars().any(|c| c.is_ascii_digit())
            || w.chars().count() < 3
        {
            break;
        }
        end = we;
        if !ctx.folded[we..].starts_with(' ') || ctx.folded[we + 1..].starts_with(' ') {
            break;
        }
        pos = we + 1;
    }
    if end == at {
        return None;
    }
    let next = skip_spaces(ctx, end);
    let rest = &ctx.folded[next..s.claim.end.max(next)];
    let first = &rest[..rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())];
    let ok = COMPLEMENTS.contains(&first)
        || rest.starts_with([':', ','])
        || ((first.starts_with('ل') || ["في", "خلال", "عبر"].contains(&first) || s.heads.contains(first))
            && complement_follows(ctx, next, s.claim.end));
    ok.then_some(at..end)
}

/// Ranks and honorifics that stand before a name.
const TITLES: &[&str] = &[
    "العميد",
    "اللواء",
    "العقيد",
    "المقدم",
    "الرايد",
    "النقيب",
    "الملازم",
    "الركن",
    "الجنرال",
    "الفريق",
    "المشير",
    "الشيخ",
    "السيد",
    "السيده",
    "الدكتور",
    "الدكتوره",
    "الامير",
    "الاميره",
    "الملا",
    "القاضي",
    "المهندس",
    "الاستاذ",
    "الحاج",
];

/// The name after a phrase made only of titles: "العميد الركن صالح علي حسن" → "صالح علي حسن".
fn name_after_titles(s: &Scope<'_, '_>, phrase: Range<usize>) -> Range<usize> {
    let ctx = s.ctx;
    if !ctx.folded[phrase.clone()].split(' ').all(|w| TITLES.contains(&w)) {
        return phrase;
    }
    let start = skip_spaces(ctx, phrase.end);
    let mut end = start;
    let mut pos = start;
    for _ in 0..3 {
        let we = word_end(ctx, pos);
        let w = &ctx.folded[pos..we];
        // A definite word ends the name, but for the second part of a compound ("عبد الله").
        let previous = ctx.folded[..pos].trim_end().rsplit(' ').next().unwrap_or("");
        let compound = ["عبد", "ابو", "ابي", "بن", "بنت", "ال"].contains(&previous);
        if we == pos
            || we > s.claim.end
            || STOPS.contains(&w)
            || COMPLEMENTS.contains(&w)
            || w.starts_with("ال") && end > start && !compound
        {
            break;
        }
        end = we;
        if !ctx.folded[we..].starts_with(' ') {
            break;
        }
        pos = we + 1;
    }
    if end > start { start..end } else { phrase }
}

/// A person named after a comma and up to three words of rank at `at`.
fn person_in_apposition(s: &Scope<'_, '_>, entities: &EntityTable, at: usize) -> Option<(usize, usize)> {
    let ctx = s.ctx;
    let at = skip_spaces(ctx, at);
    if !ctx.folded[at..].starts_with(',') {
        return None;
    }
    let mut pos = skip_spaces(ctx, at + 1);
    for _ in 0..4 {
        if let Some(&(end, i)) = s.starts.get(&pos).and_then(|v| v.iter().find(|&&(_, i)| entities.items[i].kind == "person")) {
            return Some((i, end));
        }
        let we = word_end(ctx, pos);
        if we == pos || !ctx.folded[we..].starts_with(' ') {
            return None;
        }
        pos = we + 1;
    }
    None
}

/// True when a quotation opening at `at` is a short name ("أعلن «جيش الإسلام» …"): closed
/// within five words, with no punctuation inside and the sentence going on after it.
fn short_quote(ctx: &Context<'_>, at: usize) -> bool {
    let rest = &ctx.folded[at..];
    let Some(open) = rest.chars().next().filter(|c| matches!(c, '«' | '“' | '"')) else { return false };
    let inner = &rest[open.len_utf8()..];
    let Some(close) = inner.find(['»', '”', '"']) else { return false };
    let name = &inner[..close];
    let after_close = inner[close..].char_indices().nth(1).map_or("", |(i, _)| &inner[close + i..]);
    !name.trim().is_empty()
        && name.split_whitespace().count() <= 5
        && !name.contains([',', '.', ':', '!', '?'])
        && after_close.starts_with([' ', ','])
        && !after_close.trim_start().starts_with(['.', '!', '?'])
}

/// The role given in apposition after a person's name: "ماريا زاخاروفا، المتحدثة باسم …".
fn role_after(ctx: &Context<'_>, entities: &EntityTable, person: usize, end: usize) -> Option<Range<usize>> {
    let at = skip_spaces(ctx, end);
    let at = if ctx.folded[at..].starts_with(',') { skip_spaces(ctx, at + 1) } else { at };
    entities.roles.iter().find(|(r, p)| *p == person && r.start == at).map(|(r, _)| r.clone())
}

/// The source before a cue, in subject-first order: "الاستخبارات الأوكرانية أكدت", "زاخاروفا،
/// المتحدثة باسم الخارجية، قالت", "وكان بايدن قد توعد", "بومبيو، الذي قال".
fn subject_before(s: &Scope<'_, '_>, entities: &mut EntityTable, cue_start: usize, relative: bool) -> Option<Subject> {
    let ctx = s.ctx;
    let upto = s.starts.by_end.partition_point(|&(_, e, _)| e <= cue_start);
    // A relative clause is a claim of its own, its subject just before it.
    let from = if relative { ctx.folded[..s.claim.start].trim_end().trim_end_matches(',').trim_end().len() } else { s.claim.start };
    for &(start, end, i) in s.starts.by_end[..upto].iter().rev() {
        if relative && end < from {
            break;
        }
        if start < s.claim.start && !relative {
            break;
        }
        if !gap_ok(&ctx.folded[end..cue_start], relative) {
            continue;
        }
        // A title before the name belongs to it: "الرئيس الأوكراني فولوديمير زيلينسكي قال".
        let start = entities
            .roles
            .iter()
            .find(|(r, p)| {
                *p == i && r.end <= start && r.start >= s.claim.start && ctx.folded[r.end..start].trim_matches([' ', ',']).is_empty()
            })
            .map_or(start, |(r, _)| r.start);
        // The mention opens the claim (after its opening words) or follows a comma.
        if !relative && !at_claim_start(s, start) && !ctx.folded[s.claim.start..start].trim_end().ends_with(',') {
            continue;
        }
        let i = metonymy(ctx, entities, i, start..end);
        let speaker = (entities.items[i].kind == "person").then(|| {
            let role = entities.roles.iter().find(|(r, p)| *p == i && r.start >= start && r.end <= cue_start).map(|(r, _)| r.clone());
            (i, role)
        });
        return Some((SourceRef::Entity(i), speaker, end));
    }
    if relative {
        return None;
    }
    // A noun phrase opening the claim: "غير أن القيادة المركزية الأميركية (سنتكوم) قالت".
    let words: Vec<(usize, &str)> = word_starts(&ctx.folded[s.claim.start..cue_start]);
    let first = words.iter().find(|(_, w)| !OPENERS.contains(w))?.0 + s.claim.start;
    if let Some(sub) = back_reference(s, entities, first) {
        if sub.2 <= cue_start && gap_ok(&ctx.folded[sub.2..cue_start], false) {
            return Some(sub);
        }
    }
    let phrase = noun_phrase(s, first, cue_start)?;
    let head = &ctx.folded[phrase.start..word_end(ctx, phrase.start)];
    if !s.heads.contains(head.strip_prefix("ال").unwrap_or(head)) && !head.starts_with("ال") {
        return None;
    }
    gap_ok(&ctx.folded[phrase.end..cue_start], false).then(|| (SourceRef::Phrase(phrase.clone()), None, phrase.end))
}

/// True when what stands between a subject and its verb lets them belong together: nothing,
/// commas, an apposition between commas, a parenthesis, "قد", a time.
fn gap_ok(gap: &str, relative: bool) -> bool {
    let mut text = String::with_capacity(gap.len());
    let mut depth = 0usize;
    for c in gap.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let mut t = text.trim();
    if relative {
        let Some(rest) = ["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"].iter().find_map(|r| t.strip_suffix(r))
        else {
            return false;
        };
        t = rest.trim_end();
        return t.is_empty() || t == ",";
    }
    if let Some(rest) = t.strip_suffix("قد") {
        if rest.is_empty() || rest.ends_with([' ', ',']) {
            t = rest.trim_end();
        }
    }
    if t.chars().all(|c| c == ',' || c.is_whitespace()) {
        return true;
    }
    // An apposition or a time between commas: "، المتحدثة باسم الخارجية،", "، أمس،".
    if t.starts_with(',') && t.ends_with(',') && t.split_whitespace().count() <= 12 {
        return !t[1..t.len() - 1].contains([',', '.', ':']);
    }
    t.split_whitespace().all(|w| ADVERBIALS.contains(&w))
}

/// "مصادر محلية قالت …": an unnamed source right before a verb cue.
fn anonymous_subject_first(s: &Scope<'_, '_>) -> Option<AttributionFound> {
    let ctx = s.ctx;
    for cue in s.cues.iter().filter(|c| c.kind == CueKind::Anonymous) {
        let phrase = anonymous_phrase(ctx, cue.word.clone(), s.claim.end);
        let verb = s.cues.iter().find(|v| v.kind == CueKind::Verb && !v.conjoined && v.word.start >= phrase.end)?;
        if gap_ok(&ctx.folded[phrase.end..verb.word.start], false) && at_claim_start(s, cue.whole.start) {
            return Some(AttributionFound::new(SourceRef::Anonymous(phrase), None, verb.whole.clone(), Mode::Indirect));
        }
    }
    None
}

/// The source after "عن" or "على لسان" following an outlet: "نقلت واس عن مصدر مسؤول".
fn source_after_an(s: &Scope<'_, '_>, entities: &mut EntityTable, end: usize) -> Option<Subject> {
    let ctx = s.ctx;
    let mut at = skip_spaces(ctx, end);
    // An abbreviation in parentheses: "وكالة الأنباء السعودية (واس)".
    if ctx.folded[at..].starts_with('(') {
        at = skip_spaces(ctx, at + ctx.folded[at..].find(')')? + 1);
    }
    let rest = &ctx.folded[at..s.claim.end.max(at)];
    let skip = if rest.starts_with("عن ") {
        "عن ".len()
    } else if rest.starts_with("علي لسان ") {
        "علي لسان ".len()
    } else {
        return None;
    };
    subject_at(s, entities, at + skip, Strictness::Loose).filter(|sub| !is_media(entities, &sub.0))
}

/// A short reference to a source named before: a person's surname or full name ("المالكي",
/// "كنعاني"), or the head noun of a body or phrase named before, made definite ("الوزير",
/// "المصدر", "الصحيفة", "الجبهة").
fn back_reference(s: &Scope<'_, '_>, entities: &mut EntityTable, at: usize) -> Option<Subject> {
    let ctx = s.ctx;
    let end = word_end(ctx, at);
    let word = &ctx.folded[at..end];
    if word.chars().count() < 3 {
        return None;
    }
    // People by name: "وقال المالكي", "أوضح خميس الجهيناوي".
    for (i, item) in entities.items.iter().enumerate().filter(|(_, it)| it.kind == "person") {
        let name = fold_name(&item.name);
        if ctx.folded[at..].starts_with(&name) && !ctx.folded[at + name.len()..].starts_with(is_word_char) {
            return Some((SourceRef::Entity(i), Some((i, None)), at + name.len()));
        }
        let surname = name.rsplit(' ').next().filter(|_| name.contains(' '));
        if surname.is_some_and(|w| w == word && w.chars().count() >= 3) {
            return Some((SourceRef::Entity(i), Some((i, None)), end));
        }
    }
    let bare = word.strip_prefix("ال").filter(|b| b.chars().count() >= 3)?;
    let first_word = |r: &Range<usize>| {
        let t = &ctx.folded[r.clone()];
        let w = t.split(|c: char| !is_word_char(c)).next().unwrap_or("");
        w.strip_prefix("ال").unwrap_or(w) == bare
    };
    // The sources of the claims before, nearest first.
    for a in s.history {
        let hit = match &a.source {
            SourceRef::Anonymous(r) | SourceRef::Phrase(r) => first_word(r),
            SourceRef::Entity(i) => entities.items[*i].mentions.iter().any(|m| m.range.end <= at && first_word(&m.range)),
        };
        if hit {
            return Some((a.source.clone(), a.speaker.clone(), end));
        }
    }
    // Any actor named before, nearest first.
    let upto = s.starts.by_end.partition_point(|&(_, e, _)| e <= at);
    let &(_, _, i) = s.starts.by_end[..upto].iter().rev().find(|&&(st, e, _)| first_word(&(st..e)))?;
    let speaker = (entities.items[i].kind == "person").then_some((i, None));
    Some((SourceRef::Entity(i), speaker, end))
}

/// A noun phrase starting at `at`: its head, the nouns of a construct chain after an indefinite
/// head ("لجنة أطباء السودان"), then definite words and adjectives ("المركزية"), up to six
/// words; it ends before a preposition, a complement, a relative or punctuation.
fn noun_phrase(s: &Scope<'_, '_>, at: usize, limit: usize) -> Option<Range<usize>> {
    let ctx = s.ctx;
    let mut end = at;
    let mut construct = false;
    let mut words = 0;
    let mut pos = at;
    while words < 6 && pos < limit {
        let we = word_end(ctx, pos);
        if we == pos || we > limit {
            break;
        }
        let w = &ctx.folded[pos..we];
        let bare = w.strip_prefix('و').filter(|b| b.starts_with("ال")).unwrap_or(w);
        if STOPS.contains(&w) || w.chars().any(|c| c.is_ascii_digit()) || w.chars().count() < 2 {
            break;
        }
        // A time ("الحكومة الشهر الماضي") or an outlet ("أحدهم لوكالة …") ends the phrase.
        if words > 0
            && (ADVERBIALS.contains(&w) || TIME_NOUNS.contains(&w) || w.strip_prefix('ل').is_some_and(|r| OUTLET_HEADS.contains(&r)))
        {
            break;
        }
        let adjective = ctx.tagged[pos..we].starts_with(ADJECTIVE_MARK);
        // "المتحدث باسم قوات التحالف": a spokesman's body follows باسم.
        if words > 0 && w == "باسم" {
            construct = true;
            words += 1;
            if !ctx.folded[we..].starts_with(' ') {
                break;
            }
            pos = we + 1;
            continue;
        }
        let ok = words == 0 || construct || bare.starts_with("ال") || adjective;
        if !ok {
            break;
        }
        if words == 0 && s.heads.contains(w) {
            construct = true;
        } else if words == 0 {
            construct = !w.starts_with("ال") && !adjective;
        } else {
            construct = construct && !bare.starts_with("ال") && !adjective;
        }
        words += 1;
        end = we;
        // The phrase goes on only across one space.
        if !ctx.folded[we..].starts_with(' ') || ctx.folded[we + 1..].starts_with(' ') {
            break;
        }
        pos = we + 1;
    }
    (words > 0).then_some(at..end)
}

/// True when a complement ("أن", "إن", ":", a quotation) follows within a few words.
fn complement_follows(ctx: &Context<'_>, from: usize, to: usize) -> bool {
    let rest = &ctx.folded[from..to.max(from)];
    for (n, w) in rest.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if n >= 12 || w.starts_with('.') {
            return false;
        }
        let bare = w.trim_matches(|c: char| !is_word_char(c));
        if COMPLEMENTS.contains(&bare) || w.starts_with([':', '«', '“', '"']) {
            return true;
        }
    }
    false
}

/// A claim that no cue attributes, in the form of a headline "X: …" or "X : …".
fn headline(s: &Scope<'_, '_>, entities: &mut EntityTable) -> Option<AttributionFound> {
    let ctx = s.ctx;
    let text = &ctx.folded[s.claim.clone()];
    let colon = text.find(':')?;
    let before = text[..colon].trim_end();
    if before.is_empty() || before.split_whitespace().count() > 5 || inside_quote(ctx, s.claim.start, s.claim.start + colon) {
        return None;
    }
    let (source, speaker, end) = subject_at(s, entities, s.claim.start, Strictness::Head)?;
    if end != s.claim.start + before.len() {
        return None;
    }
    if let SourceRef::Phrase(r) = &source {
        let head = &ctx.folded[r.start..word_end(ctx, r.start)];
        if !s.heads.contains(head.strip_prefix("ال").unwrap_or(head)) {
            return None;
        }
    }
    let colon_at = s.claim.start + colon;
    Some(AttributionFound::new(source, speaker, colon_at..colon_at + 1, Mode::DirectQuote))
}

/// "في بيان بثه التلفزيون الرسمي": the outlet that broadcast a statement.
fn broadcast_via(s: &Scope<'_, '_>, entities: &mut EntityTable) -> Option<SourceRef> {
    let ctx = s.ctx;
    for (off, w) in word_starts(&ctx.folded[s.claim.clone()]) {
        if !BROADCAST.contains(&w) {
            continue;
        }
        let at = skip_spaces(ctx, s.claim.start + off + w.len());
        if let Some((i, _)) = media_at(s, entities, at) {
            return Some(SourceRef::Entity(i));
        }
        let head_end = word_end(ctx, at);
        if OUTLET_HEADS.contains(&&ctx.folded[at..head_end]) {
            return noun_phrase(s, at, s.claim.end).map(SourceRef::Phrase);
        }
    }
    None
}

/// The words of `text` with their byte offsets.
fn word_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &text[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &text[st..]));
    }
    out
}

fn word_end(ctx: &Context<'_>, at: usize) -> usize {
    ctx.folded[at..].find(|c: char| !is_word_char(c)).map_or(ctx.folded.len(), |i| at + i)
}

/// Skips the time words and commas between a verb and its subject.
fn skip_adverbials(ctx: &Context<'_>, mut at: usize, limit: usize) -> usize {
    let start = at;
    for _ in 0..6 {
        if at >= limit {
            break;
        }
        if ctx.folded[at..].starts_with(',') {
            at = skip_spaces(ctx, at + 1);
            continue;
        }
        let we = word_end(ctx, at);
        if we > at && ADVERBIALS.contains(&&ctx.folded[at..we]) {
            at = skip_spaces(ctx, we);
            continue;
        }
        break;
    }
    // Only a time between commas is skipped: "قال، أمس، الوزير"; not a bare comma ("قال، إن").
    if at > start && !ctx.folded[start..at].trim_end().ends_with(',') && ctx.folded[start..at].contains(',') {
        return start;
    }
    at
}

fn skip_spaces(ctx: &Context<'_>, at: usize) -> usize {
    at + ctx.folded[at..].len() - ctx.folded[at..].trim_start_matches([' ', '\u{a0}']).len()
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

/// An outlet right after `at` with a ل clitic: "قال لرويترز", "لوكالة فرانس برس", "في حديث
/// للأناضول".
fn relay_after(s: &Scope<'_, '_>, entities: &mut EntityTable, at: usize) -> Option<SourceRef> {
    let ctx = s.ctx;
    let at = skip_spaces(ctx, at);
    let rest = &ctx.folded[at..];
    if !rest.starts_with('ل') {
        return None;
    }
    if let Some((i, _)) = media_at(s, entities, at) {
        return Some(SourceRef::Entity(i));
    }
    // "لـ«الشرق الأوسط»": the outlet's name in quotes after the clitic.
    let quoted = rest['ل'.len_utf8()..].trim_start_matches([' ', '«', '“', '"']);
    if quoted.len() + 'ل'.len_utf8() < rest.len() {
        let inner = at + rest.len() - quoted.len();
        if let Some((i, _)) = media_at(s, entities, inner) {
            return Some(SourceRef::Entity(i));
        }
    }
    let skip = if rest.starts_with("لوكاله ") || rest.starts_with("لقناه ") || rest.starts_with("لصحيفه ") {
        rest.find(' ').map(|i| i + 1)?
    } else {
        return None;
    };
    media_at(s, entities, at + skip).map(|(i, _)| SourceRef::Entity(i))
}

/// An outlet with a ل clitic among the few words after a source, before what it said: "قال
/// مصدر عسكري موال لهادي لوكالة فرانس برس إن …".
fn relay_near(s: &Scope<'_, '_>, entities: &mut EntityTable, from: usize) -> Option<SourceRef> {
    let ctx = s.ctx;
    let rest = &ctx.folded[from.min(s.claim.end)..s.claim.end];
    for (n, (off, w)) in word_starts(rest).into_iter().enumerate() {
        if n >= 8 || COMPLEMENTS.contains(&w) || rest[..off].contains(['.', ':', '«', '“', '"']) {
            break;
        }
        if w.starts_with('ل') {
            if let Some(v) = relay_after(s, entities, from + off) {
                return Some(v);
            }
        }
    }
    None
}

/// An outlet named at `at` (after its clitics), known as an actor or only to the lexicon (a
/// name that is also a word, "الأناضول", is an outlet here): its entity and end.
fn media_at(s: &Scope<'_, '_>, entities: &mut EntityTable, at: usize) -> Option<(usize, usize)> {
    let ctx = s.ctx;
    let word = word_end(ctx, at);
    if let Some(&(end, i)) = (at..word.min(at + 8))
        .filter(|p| ctx.folded.is_char_boundary(*p))
        .filter_map(|p| s.starts.get(&p))
        .flat_map(|v| v.iter())
        .find(|&&(_, i)| entities.items[i].kind == Kind::Media.as_str())
    {
        return Some((i, end));
    }
    let k = ctx.lex.partition_point(|m| m.range.end <= at);
    let m = ctx.lex.get(k).filter(|m| m.range.start < word && m.range.start >= at)?;
    let e = m.targets.iter().map(|t| ctx.lexicon.entry(t.entry)).find(|e| e.kind == Kind::Media)?;
    let range = m.range.clone();
    Some((entities.add_entry(e, range.clone(), false, false), range.end))
}

/// "مصدر عسكري", "مسؤول أمريكي كبير", "مسؤولون عرب", "وسائل إعلام لبنانية": the head and up
/// to two adjectives after it.
fn anonymous_phrase(ctx: &Context<'_>, head: Range<usize>, limit: usize) -> Range<usize> {
    let mut end = head.end;
    for _ in 0..2 {
        let rest = &ctx.folded[end..limit.max(end)];
        let Some(word) = rest.strip_prefix(' ').and_then(|r| r.split([' ', ',', '.', ':', ';']).next()) else { break };
        let nationality = ctx.tagged[end + 1..end + 1 + word.len()].starts_with(ADJECTIVE_MARK);
        let adjective = nationality
            || word.chars().count() > 3
                && (word.ends_with('ي')
                    || word.ends_with("يه")
                    || word.ends_with("يون")
                    || word.ends_with("يين")
                    || word.ends_with("ون")
                    || word.ends_with("ين")
                    || word == "مطلع"
                    || word == "مطلعه"
                    || word == "عيان"
                    || word == "كبير")
            || ["مسوول", "مسووله", "رفيع", "رفيعه", "بارز", "موثوق", "موثوقه", "عرب", "غربي", "اجانب"].contains(&word);
        if !adjective || STOPS.contains(&word) {
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
