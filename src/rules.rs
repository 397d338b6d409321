//! Named rules: a regex over folded text and a function that turns its match into a value.
//!
//! In the manner of Duckling, an extractor is a table of [`Rule`]s. A pattern is written in
//! ordinary Arabic spelling (it is folded like the text, so "أمس" matches "امس" and "أمس"
//! alike) and may use `{{name}}` placeholders that expand to alternations built from data tables
//! (`{{month}}` → every month name). The match's value is the named group `m` if the pattern has
//! one (so a pattern can require context without reporting it), else the whole match.
//!
//! Every rule runs over the whole text; where findings overlap, the longest wins, then the
//! earlier rule.

use crate::normalize::fold_pattern;
use regex::{Captures, Regex, RegexBuilder};
use std::collections::HashMap;
use std::ops::Range;

/// One named rule of an extractor.
pub(crate) struct Rule<D, T> {
    /// What the rule matches, in a few words (shown in test failures).
    pub name: &'static str,
    /// A regex over folded text, in ordinary Arabic spelling, with `{{placeholders}}`.
    pub pattern: &'static str,
    /// Builds the value from the match, or gives up (then the match is not a finding).
    pub prod: fn(&Captures<'_>, &Input<'_, D>) -> Option<T>,
}

/// What a rule's `prod` sees besides its match: the folded text and the extractor's tables.
pub(crate) struct Input<'a, D> {
    /// The folded text. Rules may run over a tagged copy of it (see [`tag_adjectives`]), so a
    /// group's words are read here, by range: [`Input::group`].
    pub text: &'a str,
    /// The extractor's tables.
    pub data: &'a D,
}

impl<'a, D> Input<'a, D> {
    /// The folded text of group `name`, if it matched.
    pub(crate) fn group(&self, c: &Captures<'_>, name: &str) -> Option<&'a str> {
        c.name(name).map(|m| &self.text[m.range()])
    }
}

/// The marker that stands for every letter of a nationality adjective in tagged text.
pub(crate) const ADJECTIVE_MARK: char = 'ʘ';

/// A copy of `folded` in which every letter of the given ranges (the nationality adjectives the
/// lexicon found) is replaced by [`ADJECTIVE_MARK`], byte offsets unchanged.
///
/// The lexicon holds thousands of adjective forms; spelled out in every rule that needs "a
/// nationality here" they would make each regex too large for the fast DFA engine. In tagged
/// text that placeholder is just `ʘ+(?:\s+ʘ+)*`.
pub(crate) fn tag_adjectives(folded: &str, ranges: impl Iterator<Item = Range<usize>>) -> String {
    let mut tagged = folded.to_string();
    for r in ranges {
        let piece: String =
            folded[r.clone()].chars().map(|c| if c.len_utf8() == ADJECTIVE_MARK.len_utf8() { ADJECTIVE_MARK } else { c }).collect();
        tagged.replace_range(r, &piece);
    }
    tagged
}

/// A finding of a rule.
#[derive(Debug, Clone)]
pub(crate) struct Found<T> {
    /// The name of the rule that found it.
    #[allow(dead_code)]
    pub rule: &'static str,
    /// Where it is in folded text.
    pub range: Range<usize>,
    /// What it means.
    pub value: T,
}

/// A rule table compiled once.
pub(crate) struct RuleSet<D: 'static, T: 'static> {
    rules: &'static [Rule<D, T>],
    compiled: Vec<Regex>,
}

/// The expansions of `{{name}}` placeholders.
pub(crate) type Vars = HashMap<&'static str, String>;

/// Placeholders every rule table may use.
pub(crate) fn common_vars() -> Vars {
    let mut vars = Vars::new();
    // Clitics glued to the front of a word: a conjunction then a preposition (وب، فل، ك).
    vars.insert("clitic", "(?:[وف]?[بلك]?)".to_string());
    // Word boundaries. Not `\b`: a Unicode word boundary keeps the regex engine off its fast
    // DFA on Arabic text. These consume the neighbouring character instead, outside the
    // reported group `m`, and the search resumes at the end of `m`.
    vars.insert("<", r"(?:^|[^\p{L}\p{N}_])".to_string());
    vars.insert(">", r"(?:[^\p{L}\p{N}_]|$)".to_string());
    // A nationality adjective, in text tagged by `tag_adjectives`.
    vars.insert("adjective", format!(r"(?:{ADJECTIVE_MARK}+(?:\s+{ADJECTIVE_MARK}+)*)"));
    vars
}

/// An alternation matching any of `words` (folded, longest first so that the regex prefers the
/// longer of two words sharing a prefix), as a non-capturing group.
pub(crate) fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut folded: Vec<String> = words.into_iter().map(|w| regex::escape(&fold_pattern(w.trim()))).collect();
    folded.retain(|w| !w.is_empty());
    folded.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    folded.dedup();
    // Internal spaces match any run of spaces.
    let folded: Vec<String> = folded.iter().map(|w| w.replace(' ', r"\s+")).collect();
    format!("(?:{})", folded.join("|"))
}

/// Expands the placeholders of `pattern` and folds its Arabic.
pub(crate) fn expand(pattern: &str, vars: &Vars) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let close = after.find("}}").unwrap_or_else(|| panic!("unclosed placeholder in {pattern:?}"));
        let name = &after[..close];
        let value = vars.get(name).unwrap_or_else(|| panic!("unknown placeholder {{{{{name}}}}} in {pattern:?}"));
        out.push_str(value);
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    fold_pattern(&out)
}

/// A matched phrase as a table key: words joined by single spaces ("حوالي   ثلاثة" → "حوالي ثلاثة").
pub(crate) fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl<D, T> RuleSet<D, T> {
    /// Compiles every rule. Panics on a bad pattern: rule tables are code, and the corpus test
    /// compiles every one of them.
    pub(crate) fn new(rules: &'static [Rule<D, T>], vars: &Vars) -> Self {
        let compiled = rules
            .iter()
            .map(|r| {
                let p = expand(r.pattern, vars);
                // Our patterns hold large alternations (every number word, every cue): with the
                // default 2 MiB the lazy DFA's cache fills and is rebuilt again and again.
                RegexBuilder::new(&p).dfa_size_limit(32 << 20).build().unwrap_or_else(|e| panic!("rule {:?}: bad pattern: {e}", r.name))
            })
            .collect();
        RuleSet { rules, compiled }
    }

    /// Every finding in `text` (the folded text, or a tagged copy of it with the same offsets),
    /// overlaps resolved (longest, then earliest rule), in text order.
    pub(crate) fn find(&self, text: &str, input: &Input<'_, D>) -> Vec<Found<T>> {
        let mut all: Vec<(usize, Found<T>)> = Vec::new();
        for (i, (rule, re)) in self.rules.iter().zip(&self.compiled).enumerate() {
            let mut at = 0;
            while at <= text.len() {
                let Some(caps) = re.captures_at(text, at) else { break };
                let m = caps.name("m").or_else(|| caps.get(0)).expect("group 0 always matches");
                // Resume at the end of `m`: a boundary character consumed after it may open
                // the next match.
                at = if m.end() > at { m.end() } else { next_char(text, at) };
                if m.range().is_empty() {
                    continue;
                }
                if let Some(value) = (rule.prod)(&caps, input) {
                    all.push((i, Found { rule: rule.name, range: m.range(), value }));
                }
            }
        }
        resolve_overlaps(all)
    }
}

/// The offset of the character after the one at `at`.
fn next_char(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(text.len() + 1, |c| at + c.len_utf8())
}

/// Keeps the longest of overlapping findings (ties: the earlier rule, then the leftmost) and
/// returns them in text order.
pub(crate) fn resolve_overlaps<T>(mut all: Vec<(usize, Found<T>)>) -> Vec<Found<T>> {
    all.sort_by_key(|(rule, f)| (std::cmp::Reverse(f.range.len()), *rule, f.range.start));
    let mut kept: Vec<Found<T>> = Vec::new();
    // start → end of every kept range; only the neighbours of a new range can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for (_, f) in all {
        let before = taken.range(..=f.range.start).next_back().is_some_and(|(_, &e)| e > f.range.start);
        let after = taken.range(f.range.start..).next().is_some_and(|(&s, _)| s < f.range.end);
        if !before && !after {
            taken.insert(f.range.start, f.range.end);
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.range.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_expand_and_arabic_folds() {
        let mut vars = common_vars();
        vars.insert("day", alternation(["أمس", "اليوم", "أول أمس"]));
        assert_eq!(expand(r"{{clitic}}{{day}}", &vars), r"(?:[وف]?[بلك]?)(?:اول\s+امس|اليوم|امس)");
    }

    #[test]
    fn longest_finding_wins() {
        let found = vec![
            (0, Found { rule: "a", range: 0..4, value: 1 }),
            (1, Found { rule: "b", range: 2..10, value: 2 }),
            (0, Found { rule: "a", range: 10..12, value: 3 }),
        ];
        let kept: Vec<i32> = resolve_overlaps(found).into_iter().map(|f| f.value).collect();
        assert_eq!(kept, [2, 3]);
    }
}
