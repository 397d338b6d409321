//! The extractors and the pipeline that runs them over one text.
//!
//! Order matters: names first (the lexicon automaton and the actor and location rules), then
//! numbers, dates, troop and casualty figures (which look for the names around them), and last
//! attribution, which carves sentences into claims and finds who made each. Everything works on
//! the folded text; positions are mapped back to the input only when the document is assembled.

pub(crate) mod actor;
pub mod attribution;
pub(crate) mod casualty;
pub(crate) mod date;
pub(crate) mod entity;
pub(crate) mod location;
pub(crate) mod troop;
pub(crate) mod words;

use crate::document::{self, Document};
use crate::lexicon::{LexMatch, Lexicon};
use crate::normalize::Normalized;
use crate::span::LineIndex;
use jiff::civil::Date;
use std::ops::Range;

/// The extractors, by the name their corpus file and JSON field use. The corpus test fails when
/// one of them has no `tests/corpus/<name>.txt`.
pub const EXTRACTORS: &[&str] = &["actor", "attribution", "casualty", "date", "location", "troop"];

/// What every extractor may read about the text being processed.
pub(crate) struct Context<'a> {
    /// The input as given.
    pub input: &'a str,
    /// The folded text and its map back to the input.
    pub norm: &'a Normalized,
    /// The folded text.
    pub folded: &'a str,
    /// The folded text with nationality adjectives tagged (see [`crate::rules::tag_adjectives`]):
    /// what the rules run over.
    pub tagged: String,
    pub lexicon: &'a Lexicon,
    /// The date relative expressions resolve against.
    pub anchor: Option<Date>,
    /// Lexicon names, in text order, not overlapping.
    pub lex: Vec<LexMatch>,
    /// Sentences, in text order.
    pub sentences: Vec<Range<usize>>,
}

impl Context<'_> {
    /// The folded text of `r`.
    pub(crate) fn text(&self, r: &Range<usize>) -> &str {
        &self.folded[r.clone()]
    }

    /// The input text a folded range came from, outer spaces trimmed.
    pub(crate) fn original(&self, r: &Range<usize>) -> &str {
        self.input[self.norm.source_range(r.clone())].trim()
    }

    /// True when a lexicon name overlaps `r`.
    pub(crate) fn lex_overlaps(&self, r: &Range<usize>) -> bool {
        // Lexicon matches do not overlap each other, so their ends are sorted too.
        let i = self.lex.partition_point(|m| m.range.end <= r.start);
        self.lex.get(i).is_some_and(|m| m.range.start < r.end)
    }

    /// The sentence holding byte `at`.
    pub(crate) fn sentence_of(&self, at: usize) -> Option<Range<usize>> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.start <= at).cloned()
    }
}

/// Maps folded ranges to input spans and texts.
pub(crate) struct Mapper<'a> {
    pub input: &'a str,
    pub norm: &'a Normalized,
    pub lines: LineIndex<'a>,
}

impl<'a> Mapper<'a> {
    pub(crate) fn new(input: &'a str, norm: &'a Normalized) -> Self {
        Mapper { input, norm, lines: LineIndex::new(input) }
    }

    /// The input span of a folded range.
    pub(crate) fn span(&self, r: &Range<usize>) -> crate::span::Span {
        self.lines.span(self.norm.source_range(r.clone()))
    }

    /// The input text and span of a folded range.
    pub(crate) fn text_span(&self, r: &Range<usize>) -> (String, crate::span::Span) {
        let span = self.span(r);
        (self.input[span.range()].to_string(), span)
    }
}

/// Runs every extractor over `input`.
pub(crate) fn run(input: &str, lexicon: &Lexicon, rules: &crate::Rules, published: Option<Date>) -> Document {
    let norm = Normalized::new(input);
    let folded = norm.as_str();
    let map = Mapper::new(input, &norm);
    let (lex, adjectives) = lexicon.find_with_adjectives(folded);
    let tagged = crate::rules::tag_adjectives(folded, adjectives.into_iter());
    let mut ctx =
        Context { input, norm: &norm, folded, tagged, lexicon, anchor: published, lex, sentences: crate::segment::sentences(folded) };
    let mut warnings = Vec::new();
    if ctx.anchor.is_none() {
        ctx.anchor = date::find_dateline(&ctx, &rules.date);
    }

    let mut entities = entity::EntityTable::default();
    actor::find(&ctx, &rules.actor, &mut entities);
    location::find(&ctx, &rules.location, &mut entities);
    let dates = date::find(&ctx, &rules.date, &map, &mut warnings);
    let named = entities.positions();
    let troops = troop::find(&ctx, &rules.troop, &entities, &named);
    let casualties = casualty::find(&ctx, &rules.casualty, &entities, &named);
    let claims = attribution::find(&ctx, &rules.attribution, &mut entities);

    let doc_dates: Vec<document::DateMention> = dates.iter().map(|d| d.to_output(&map)).collect();
    let doc_troops: Vec<document::TroopCount> = troops.iter().map(|t| t.to_output(&map, &entities)).collect();
    let doc_casualties: Vec<document::Casualty> = casualties.iter().map(|c| c.to_output(&map, &entities)).collect();

    let within = |outer: &Range<usize>, inner: &Range<usize>| outer.start <= inner.start && inner.end <= outer.end;
    let positions = entities.positions();
    let date_ranges: Vec<Range<usize>> = dates.iter().map(|d| d.range.clone()).collect();
    let troop_ranges: Vec<Range<usize>> = troops.iter().map(|t| t.range.clone()).collect();
    let casualty_ranges: Vec<Range<usize>> = casualties.iter().map(|t| t.range.clone()).collect();
    // Findings are in text order: a binary search finds those of each claim.
    let inside = |items: &[Range<usize>], claim: &Range<usize>| -> Vec<usize> {
        let from = items.partition_point(|r| r.start < claim.start);
        (from..items.len()).take_while(|&k| items[k].start < claim.end).filter(|&k| within(claim, &items[k])).collect()
    };
    let claims_out = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (text, span) = map.text_span(&c.range);
            let (actors, locations) = entities.inside(&positions, &c.range, &map);
            document::Claim {
                id: format!("c{}", i + 1),
                text,
                span,
                attribution: c.attribution.as_ref().map(|a| a.to_output(&c.range, &map, &entities)),
                actors,
                locations,
                dates: inside(&date_ranges, &c.range).into_iter().map(|k| doc_dates[k].clone()).collect(),
                troops: inside(&troop_ranges, &c.range).into_iter().map(|k| doc_troops[k].clone()).collect(),
                casualties: inside(&casualty_ranges, &c.range).into_iter().map(|k| doc_casualties[k].clone()).collect(),
            }
        })
        .collect();

    Document {
        schema: document::SCHEMA.to_string(),
        id: None,
        source: None,
        published: ctx.anchor.map(|d| d.to_string()),
        claims: claims_out,
        actors: entities.actors(&map),
        locations: entities.locations(&map),
        dates: doc_dates,
        troops: doc_troops,
        casualties: doc_casualties,
        warnings,
    }
}
