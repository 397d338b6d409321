//! Folding Arabic text for matching, with a map from every folded byte back to the input.
//!
//! Arabic news text spells one word many ways: with or without hamza on the alef (أمس / امس),
//! ta marbuta or ha (وزارة / وزاره), alef maksura or ya (على / علي), with diacritics (وُقِّعت),
//! tatweel (الـروسي), Persian letter forms (پ، ک، ی), Arabic-Indic or Persian digits (١٠ / ۱۰),
//! and invisible bidi controls pasted from the web. Every extractor matches against one folded
//! form, so spelling variants are handled once, here, and never inside individual regexes.
//!
//! Output never shows folded text: each folded byte remembers the byte range of the input
//! character it came from, so a match in folded text maps back to an exact input slice.
//!
//! ```
//! let n = khabar::Normalized::new("أكّدت الـوزارةُ ١٠ آلاف");
//! assert_eq!(n.as_str(), "اكدت الوزاره 10 الاف");
//! // "الوزاره" in the folded text is "الـوزارةُ" in the input, diacritic and tatweel included.
//! let at = n.as_str().find("الوزاره").unwrap();
//! let span = n.source_range(at..at + "الوزاره".len());
//! assert_eq!(&"أكّدت الـوزارةُ ١٠ آلاف"[span], "الـوزارةُ");
//! ```

use std::ops::Range;

/// Text folded for matching, with the map back to the input it came from.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`: the byte range in the input of the character that produced it,
    /// extended over the combining marks and tatweel that followed that character.
    source: Vec<(u32, u32)>,
    input_len: usize,
}

/// What one input character becomes in the folded text.
enum Fold {
    /// Removed without trace (bidi and zero-width controls, soft hyphen).
    Drop,
    /// Removed, but belongs to the previous character (diacritics, tatweel): a match ending on
    /// that character takes the mark with it.
    Attach,
    /// Horizontal whitespace: folded to one space, runs collapsed.
    Space,
    /// A line break.
    Newline,
    One(char),
    /// A compatibility character that expands (the ligature ﻻ is لا).
    Many(String),
}

impl Normalized {
    /// Folds `input` for matching.
    ///
    /// Inputs longer than `u32::MAX` bytes are truncated to that length (the command line
    /// refuses such inputs before they get here).
    pub fn new(input: &str) -> Normalized {
        let input = truncate_to_char_boundary(input, u32::MAX as usize);
        let mut text = String::with_capacity(input.len());
        let mut source: Vec<(u32, u32)> = Vec::with_capacity(input.len());
        // Where in `text` the output of the last kept input character starts.
        let mut last_out_start: Option<usize> = None;
        let mut chars = input.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let end = (at + c.len_utf8()) as u32;
            let at32 = at as u32;
            match fold(c) {
                Fold::Drop => {}
                Fold::Attach => {
                    if let Some(from) = last_out_start {
                        for s in &mut source[from..] {
                            s.1 = end;
                        }
                    }
                }
                Fold::Space => {
                    if !(text.is_empty() || text.ends_with(' ') || text.ends_with('\n')) {
                        last_out_start = Some(text.len());
                        text.push(' ');
                        source.push((at32, end));
                    }
                }
                Fold::Newline => {
                    if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
                        continue;
                    }
                    // A space before a line break carries nothing.
                    if text.ends_with(' ') {
                        text.pop();
                        source.pop();
                    }
                    last_out_start = Some(text.len());
                    text.push('\n');
                    source.push((at32, end));
                }
                Fold::One(f) => {
                    last_out_start = Some(text.len());
                    text.push(f);
                    source.extend(std::iter::repeat_n((at32, end), f.len_utf8()));
                }
                Fold::Many(s) => {
                    last_out_start = Some(text.len());
                    text.push_str(&s);
                    source.extend(std::iter::repeat_n((at32, end), s.len()));
                }
            }
        }
        Normalized { text, source, input_len: input.len() }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the input this text was folded from, in bytes.
    pub fn input_len(&self) -> usize {
        self.input_len
    }

    /// The input byte range that the folded range `r` came from. The result always lies on
    /// character boundaries of the input; an empty or out-of-range `r` gives an empty range.
    pub fn source_range(&self, r: Range<usize>) -> Range<usize> {
        let end = r.end.min(self.text.len());
        if r.start >= end {
            let at = self.source_offset(r.start);
            return at..at;
        }
        self.source[r.start].0 as usize..self.source[end - 1].1 as usize
    }

    /// The input byte offset corresponding to the folded offset `at` (a position between
    /// characters).
    pub fn source_offset(&self, at: usize) -> usize {
        if at >= self.text.len() { self.input_len } else { self.source[at].0 as usize }
    }
}

fn truncate_to_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Folds one character. The table mirrors the evaluation script's normalization and extends it
/// (Persian and Maghrebi letter forms, punctuation, presentation forms).
fn fold(c: char) -> Fold {
    match c {
        // Letters that differ only by hamza or by a dialect's letter form.
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => Fold::One('ا'),
        'ى' | 'ی' | 'ې' | 'ے' | 'ئ' => Fold::One('ي'),
        'ة' | 'ۀ' | 'ہ' | 'ھ' | 'ە' => Fold::One('ه'),
        'ؤ' => Fold::One('و'),
        'ک' | 'گ' | 'ڭ' => Fold::One('ك'),
        'پ' => Fold::One('ب'),
        'چ' => Fold::One('ج'),
        'ژ' => Fold::One('ز'),
        'ڤ' => Fold::One('ف'),
        'ڨ' => Fold::One('ق'),
        // Digits: Arabic-Indic and Persian.
        '\u{0660}'..='\u{0669}' => Fold::One(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Fold::One(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        // Arabic punctuation to its Latin counterpart.
        '،' => Fold::One(','),
        '؛' => Fold::One(';'),
        '؟' => Fold::One('?'),
        '٪' => Fold::One('%'),
        '\u{066B}' => Fold::One('.'), // Arabic decimal separator
        '\u{066C}' => Fold::One(','), // Arabic thousands separator
        '۔' => Fold::One('.'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::One('-'),
        '\u{2028}' | '\u{2029}' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' => Fold::Newline,
        // Invisible controls that web copy-paste leaves behind.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}' => Fold::Drop,
        'ـ' => Fold::Attach, // tatweel
        c if c.is_whitespace() || c.is_control() => Fold::Space,
        c if c.is_ascii_uppercase() => Fold::One(c.to_ascii_lowercase()),
        c if c.is_ascii() => Fold::One(c),
        c if unicode_normalization::char::is_combining_mark(c) => Fold::Attach,
        // Presentation forms and fullwidth characters: compatibility-decompose, then fold.
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{FF01}'..='\u{FF5E}' => {
            let mut out = String::new();
            for d in unicode_normalization::UnicodeNormalization::nfkc(std::iter::once(c)) {
                // Noncharacters (U+FDD0…) decompose to themselves: keep them, do not recurse.
                if d == c {
                    return Fold::One(c);
                }
                match fold(d) {
                    Fold::One(f) => out.push(f),
                    Fold::Many(s) => out.push_str(&s),
                    Fold::Space => out.push(' '),
                    _ => {}
                }
            }
            if out.is_empty() { Fold::Drop } else { Fold::Many(out) }
        }
        c => Fold::One(c),
    }
}

/// Folds a pattern written in ordinary Arabic spelling (a regex, a lexicon alias) into the
/// folded alphabet, leaving ASCII (regex syntax) untouched.
///
/// Rule authors write "أمس" or "رئيس" as a reader would; this turns them into "امس", "رييس".
pub fn fold_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match fold(c) {
            Fold::One(f) => out.push(f),
            Fold::Many(s) => out.push_str(&s),
            Fold::Space => out.push(' '),
            Fold::Newline => out.push('\n'),
            Fold::Drop | Fold::Attach => {}
        }
    }
    out
}

/// Folds a name for comparison: [`fold_pattern`], lowercase, single spaces, trimmed.
pub fn fold_name(name: &str) -> String {
    let n = Normalized::new(name);
    let mut out = String::with_capacity(n.as_str().len());
    for w in n.as_str().split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The byte offset where the word holding (or ending at) `at` starts: `at` itself when the
/// character before it is not a word character.
pub fn word_start(text: &str, at: usize) -> usize {
    text[..at].char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map_or(at, |(i, _)| i)
}

/// True for characters that make up words in folded text: letters and digits of any script.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice<'a>(input: &'a str, n: &Normalized, needle: &str) -> &'a str {
        let at = n.as_str().find(needle).expect("needle in folded text");
        &input[n.source_range(at..at + needle.len())]
    }

    #[test]
    fn folds_letters_digits_and_punctuation() {
        let n = Normalized::new("أعلنت إيران، في آذار ١٤٤٦هـ؟ گزارش ۱۲");
        assert_eq!(n.as_str(), "اعلنت ايران, في اذار 1446ه? كزارش 12");
    }

    #[test]
    fn diacritics_and_tatweel_stay_with_their_letter() {
        let input = "وُقِّعت المعاهـــدة";
        let n = Normalized::new(input);
        assert_eq!(n.as_str(), "وقعت المعاهده");
        assert_eq!(slice(input, &n, "وقعت"), "وُقِّعت");
        assert_eq!(slice(input, &n, "المعاهده"), "المعاهـــدة");
    }

    #[test]
    fn invisible_controls_vanish_and_spaces_collapse() {
        let input = "\u{200F}بوتين \u{00A0}\t وزيلينسكي\u{200E}";
        let n = Normalized::new(input);
        assert_eq!(n.as_str(), "بوتين وزيلينسكي");
        assert_eq!(slice(input, &n, "وزيلينسكي"), "وزيلينسكي");
    }

    #[test]
    fn presentation_forms_expand() {
        let input = "\u{FEFB}\u{FE8E}"; // ligature lam-alef, then a final alef
        let n = Normalized::new(input);
        assert_eq!(n.as_str(), "لاا");
        assert_eq!(&input[n.source_range(1..2)], "\u{FEFB}");
    }

    #[test]
    fn noncharacters_in_presentation_blocks_stay() {
        assert_eq!(Normalized::new("\u{FDD0}ب").as_str(), "\u{FDD0}ب");
    }

    #[test]
    fn crlf_is_one_line_break() {
        let n = Normalized::new("أ\r\nب \nج");
        assert_eq!(n.as_str(), "ا\nب\nج");
    }

    #[test]
    fn leading_marks_have_nothing_to_attach_to() {
        let n = Normalized::new("\u{064E}\u{0651}");
        assert_eq!(n.as_str(), "");
        assert_eq!(n.source_range(0..0), 4..4);
    }

    #[test]
    fn patterns_fold_only_arabic() {
        assert_eq!(fold_pattern(r"\bأمس\S+ة"), r"\bامس\S+ه");
        assert_eq!(fold_name("  الرئيسُ  الروسي "), "الرييس الروسي");
    }
}
