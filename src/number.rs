//! One Arabic number parser for every extractor: digits in any script, number words, and the two
//! mixed ("12 ألف", "1.5 مليون", "ألف و500", "240 ألفاً و381").
//!
//! Words: units, teens and tens in every gender and case, compounds joined by و ("إحدى
//! وعشرون", "ثلاثمائة وخمسة وستون"), hundreds fused or not ("ثلاثمائة", "ثلاث مئة"), the dual
//! ("ألفي", "مئتا", "مليونين"), plural multipliers ("ثلاثة آلاف", "خمسة ملايين"), fractions
//! ("نصف مليون", "مليون ونصف المليون") and vague quantities ("عشرات الآلاف", "بضعة آلاف").
//!
//! Works on folded text (see [`crate::Normalized`]), so Arabic-Indic and Persian digits are
//! already Western and hamza spellings already one. The words and their roles come from
//! `data/numbers.tsv`.
//!
//! ```
//! use khabar::number::parse_numbers;
//! let text = khabar::Normalized::new("أرسلت ثلاثة آلاف وخمسمائة جندي و١٠٬٠٠٠ آخرين");
//! let values: Vec<f64> = parse_numbers(text.as_str()).iter().map(|n| n.value).collect();
//! assert_eq!(values, [3500.0, 10000.0]);
//! ```

use crate::normalize::{fold_name, is_word_char};
use crate::table::Table;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A number found in folded text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Where it is in the folded text (a leading clitic such as و or ب excluded).
    pub range: Range<usize>,
    /// Its value; for a vague quantity ("عشرات", "آلاف"), the lower bound.
    pub value: f64,
    /// "عشرات", "مئات الآلاف", "آلاف": a quantity without a number.
    pub vague: bool,
    /// Written at least partly in words.
    pub words: bool,
}

impl NumberMention {
    /// The value as a whole number, when it is one (and not vague).
    pub fn integer(&self) -> Option<u64> {
        (!self.vague && self.value.fract().abs() < 1e-9 && self.value >= 0.0 && self.value < 1e18).then_some(self.value.round() as u64)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Unit,
    TeenUnit,
    Ten,
    Hundred,
    Multiplier,
    Dual,
    Plural,
    Vague,
    Fraction,
}

static WORDS: LazyLock<HashMap<String, (f64, Role)>> = LazyLock::new(|| {
    let table = Table::parse("numbers.tsv", include_str!("../data/numbers.tsv")).expect("numbers.tsv is checked by tests");
    table
        .rows()
        .map(|row| {
            let role = match row.get("role") {
                "unit" => Role::Unit,
                "teen_unit" => Role::TeenUnit,
                "ten" => Role::Ten,
                "hundred" => Role::Hundred,
                "multiplier" => Role::Multiplier,
                "dual" => Role::Dual,
                "plural" => Role::Plural,
                "vague" => Role::Vague,
                "fraction" => Role::Fraction,
                other => panic!("numbers.tsv:{}: unknown role {other}", row.line),
            };
            let value: f64 = row.get("value").parse().expect("numbers.tsv values are numbers");
            (fold_name(row.get("word")), (value, role))
        })
        .collect()
});

/// A word of the folded text with its byte range.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    range: (usize, usize),
    text: &'a str,
}

/// What one token is, as far as numbers go.
#[derive(Debug, Clone, Copy)]
enum Piece {
    Digits(f64),
    Word(f64, Role),
}

/// Every number in `folded`, in text order.
pub fn parse_numbers(folded: &str) -> Vec<NumberMention> {
    let tokens = tokenize(folded);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match read_number(folded, &tokens, i) {
            Some((mention, next)) => {
                out.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Words and digit groups with their ranges. A digit group keeps its separators ("10,000",
/// "1.5") but not a trailing one.
/// The end of a run of digits starting at `end`, with inner separators: 10,000  10.000  1.5.
fn digits_end(bytes: &[u8], mut end: usize) -> usize {
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() || ((b == b',' || b == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)) {
            end += 1;
        } else {
            break;
        }
    }
    end
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_ascii_digit() {
            end = digits_end(bytes, end);
        } else {
            while let Some(&(at, c)) = iter.peek() {
                if is_word_char(c) && !c.is_ascii_digit() {
                    end = at + c.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            // "و500", "و 500": the conjunction joins the digits that follow to the number
            // before ("ألف و500"); keep them one token.
            if &text[start..end] == "و" {
                let spaces = text[end..].len() - text[end..].trim_start_matches(' ').len();
                if bytes.get(end + spaces).is_some_and(u8::is_ascii_digit) {
                    end = digits_end(bytes, end + spaces);
                }
            }
        }
        while let Some(&(at, _)) = iter.peek() {
            if at < end {
                iter.next();
            } else {
                break;
            }
        }
        tokens.push(Token { range: (start, end), text: &text[start..end] });
    }
    tokens
}

/// Reads a digit group: thousands separators (10,000  10.000  5.100) or a decimal point (1.5).
fn read_digits(s: &str, before_multiplier: bool) -> Option<f64> {
    if !s.bytes().next()?.is_ascii_digit() {
        return None;
    }
    let groups: Vec<&str> = s.split([',', '.']).collect();
    if groups.len() == 1 {
        return s.parse().ok();
    }
    let seps: Vec<char> = s.chars().filter(|c| *c == ',' || *c == '.').collect();
    let thousands = groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3;
    if thousands && !(before_multiplier && groups.len() == 2 && seps[0] == '.') {
        return groups.concat().parse().ok();
    }
    if groups.len() == 2 {
        // A decimal: 1.5, 10.5, 2,5
        return format!("{}.{}", groups[0], groups[1]).parse().ok();
    }
    None
}

/// Splits a leading clitic (و ف ب ل ك) from a word that is a number word.
fn classify(word: &str, allow_clitic: bool) -> Option<(usize, f64, Role)> {
    if let Some(&(v, r)) = WORDS.get(word) {
        return Some((0, v, r));
    }
    if allow_clitic {
        for prefix in ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك"] {
            if let Some(rest) = word.strip_prefix(prefix) {
                if let Some(&(v, r)) = WORDS.get(rest) {
                    return Some((prefix.len(), v, r));
                }
            }
        }
    }
    None
}

/// Tries to read a number starting at token `i`; returns it and the index of the next token.
fn read_number(text: &str, tokens: &[Token<'_>], i: usize) -> Option<(NumberMention, usize)> {
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut have_current = false;
    let mut words = false;
    let mut vague = false;
    let mut start = None;
    let mut end = 0;
    let mut j = i;
    let mut last_unit: Option<f64> = None; // a bare unit 1..9 just read, for teens and "ثلاث مئة"
    let mut pending_teen: Option<f64> = None; // أحد/اثنا waiting for عشر
    let mut pending_fraction: Option<f64> = None;
    let mut last_multiplier: Option<f64> = None; // the last ألف/مليون read, for "مليون ونصف"

    while j < tokens.len() {
        let tok = tokens[j];
        // Only a space may separate the parts of one number.
        if start.is_some() && text[end..tok.range.0].trim() != "" {
            break;
        }
        let is_first = start.is_none();
        let next_is_multiplier = tokens.get(j + 1).is_some_and(|n| {
            text[tok.range.1..n.range.0].trim().is_empty()
                && matches!(classify(n.text, false), Some((_, _, Role::Multiplier | Role::Plural | Role::Dual)))
        });
        let (skip, piece, joined) = if let Some(v) = read_digits(tok.text, next_is_multiplier) {
            (0, Piece::Digits(v), false)
        } else if let Some(rest) = tok.text.strip_prefix('و').filter(|_| !is_first) {
            // "وخمسون", "و500", "و 500": a continuation joined by و.
            let digits = rest.trim_start_matches(' ');
            if let Some(v) = read_digits(digits, next_is_multiplier) {
                (1, Piece::Digits(v), true)
            } else if let Some((0, v, r)) = classify(rest, false) {
                (1, Piece::Word(v, r), true)
            } else {
                break;
            }
        } else if let Some((skip, v, r)) = classify(tok.text, is_first) {
            (skip, Piece::Word(v, r), false)
        } else if is_first && tok.text.len() > 2 {
            // "بـ10" is split by the tokenizer; a clitic glued to digits ("و10") is handled here.
            match tok.text.char_indices().find(|(_, c)| c.is_ascii_digit()) {
                Some((at, _)) if crate::lexicon::is_clitic_prefix(tok.text[..at].trim_end()) => {
                    match read_digits(&tok.text[at..], next_is_multiplier) {
                        Some(v) => (at, Piece::Digits(v), false),
                        None => break,
                    }
                }
                _ => break,
            }
        } else {
            break;
        };

        // Does this piece continue the number?
        match piece {
            Piece::Digits(v) => {
                if (have_current || pending_teen.is_some() || pending_fraction.is_some()) && !joined {
                    break;
                }
                if !joined && total > 0.0 {
                    break;
                }
                // "ألف و500" is one number, "عام 2022 و10 جنود" two.
                if joined && (have_current || total == 0.0) {
                    break;
                }
                current += v;
                have_current = true;
                last_unit = None;
            }
            Piece::Word(v, role) => {
                words = true;
                match role {
                    Role::Unit | Role::Ten | Role::Hundred => {
                        if let Some(u) = pending_teen.take() {
                            if (v == 10.0 && !joined) || (joined && role == Role::Ten) {
                                // أحد عشر = 11; إحدى وعشرون = 21
                                current += u + v;
                                have_current = true;
                                last_unit = None;
                            } else {
                                break;
                            }
                        } else if let (Some(u), false) = (last_unit, joined) {
                            if v == 10.0 && role == Role::Unit && u < 10.0 {
                                current += 10.0; // ثلاثة عشر = 13
                            } else if v == 100.0 && (3.0..10.0).contains(&u) {
                                current = current - u + u * 100.0; // ثلاث مئة = 300
                            } else {
                                break;
                            }
                            last_unit = None;
                        } else if (have_current && !joined) || pending_fraction.is_some() {
                            break;
                        } else {
                            current += v;
                            have_current = true;
                            last_unit = (role == Role::Unit && v < 10.0).then_some(v);
                        }
                    }
                    Role::TeenUnit => {
                        if have_current && !joined {
                            break;
                        }
                        pending_teen = Some(v);
                        last_unit = None;
                    }
                    Role::Multiplier | Role::Plural | Role::Dual => {
                        if pending_teen.is_some() {
                            break;
                        }
                        let base = if let Some(f) = pending_fraction.take() {
                            f
                        } else if have_current {
                            current
                        } else if joined || is_first {
                            match role {
                                Role::Multiplier => 1.0,
                                Role::Dual => 2.0,
                                _ => {
                                    // "آلاف" alone, or "عشرات الآلاف" (folded: الالاف) handled below.
                                    vague = true;
                                    1.0
                                }
                            }
                        } else if vague {
                            // "عشرات آلاف": tens of thousands
                            total *= v;
                            last_multiplier = Some(v);
                            start.get_or_insert(tok.range.0 + skip);
                            end = tok.range.1;
                            j += 1;
                            continue;
                        } else {
                            break;
                        };
                        total += base * v;
                        current = 0.0;
                        have_current = false;
                        last_unit = None;
                        last_multiplier = Some(v);
                    }
                    Role::Vague => {
                        if !is_first {
                            break;
                        }
                        vague = true;
                        total += v;
                        // "عشرات الآلاف", "مئات الآلاف": the plural multiplier with the article.
                        if let Some(next) = tokens.get(j + 1) {
                            let gap = text[tok.range.1..next.range.0].trim().is_empty();
                            let multiplier = next.text.strip_prefix("ال").and_then(|w| classify(w, false));
                            if let (true, Some((_, m, Role::Plural))) = (gap, multiplier) {
                                total *= m;
                                start.get_or_insert(tok.range.0 + skip);
                                end = next.range.1;
                                j += 2;
                                break;
                            }
                        }
                    }
                    Role::Fraction => {
                        if let (true, false, Some(m)) = (joined, have_current, last_multiplier) {
                            // "مليون ونصف", "مليون ونصف المليون" = 1.5 million
                            total += v * m;
                            start.get_or_insert(tok.range.0 + skip);
                            end = tok.range.1;
                            j += 1;
                            if let Some(next) = tokens.get(j) {
                                let gap = text[end..next.range.0].trim().is_empty();
                                let again = next.text.strip_prefix("ال").and_then(|w| classify(w, false));
                                if gap && again.is_some_and(|(_, w, _)| w == m) {
                                    end = next.range.1;
                                    j += 1;
                                }
                            }
                            break;
                        }
                        if have_current || !is_first {
                            break;
                        }
                        pending_fraction = Some(v);
                    }
                }
            }
        }
        start.get_or_insert(tok.range.0 + skip);
        end = tok.range.1;
        j += 1;
    }

    if pending_teen.is_some() || pending_fraction.is_some() {
        // "أحد" or "نصف" alone is not a number; give up on the whole reading.
        if total == 0.0 && !have_current {
            return None;
        }
    }
    let start = start?;
    let value = total + current;
    if value == 0.0 && !have_current {
        return None;
    }
    Some((NumberMention { range: start..end, value, vague, words }, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<f64> {
        let n = crate::Normalized::new(s);
        parse_numbers(n.as_str()).iter().map(|m| m.value).collect()
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(values("10,000 و 10.000 و ١٠٬٠٠٠"), [10000.0, 10000.0, 10000.0]);
        assert_eq!(values("10.5"), [10.5]);
        assert_eq!(values("5.100 عسكري"), [5100.0]);
        assert_eq!(values("1.5 مليون"), [1500000.0]);
        assert_eq!(values("1.200 مليون"), [1200000.0]);
    }

    #[test]
    fn words_compose() {
        assert_eq!(values("خمسة وعشرون"), [25.0]);
        assert_eq!(values("ثلاثة عشر"), [13.0]);
        assert_eq!(values("اثنا عشر"), [12.0]);
        assert_eq!(values("عشرة آلاف"), [10000.0]);
        assert_eq!(values("12 ألف"), [12000.0]);
        assert_eq!(values("ألفي جندي"), [2000.0]);
        assert_eq!(values("عشرين ألفاً"), [20000.0]);
        assert_eq!(values("نصف مليون"), [500000.0]);
        assert_eq!(values("ثلاث مئة"), [300.0]);
        assert_eq!(values("مليون وخمسمائة ألف"), [1500000.0]);
    }

    #[test]
    fn vague_quantities() {
        let n = crate::Normalized::new("عشرات الآلاف من الجنود");
        let m = &parse_numbers(n.as_str())[0];
        assert!(m.vague);
        assert_eq!(m.value, 10000.0);
        assert_eq!(m.integer(), None);
    }

    #[test]
    fn adjacent_numbers_stay_apart() {
        assert_eq!(values("عام 2022 10 جنود"), [2022.0, 10.0]);
        assert!(values("أحد الجنود").is_empty());
    }
}
