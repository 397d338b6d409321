//! Splitting folded text into sentences.
//!
//! A sentence ends at a line break, or after `.` `!` `?` `;` `…` (the Arabic ؟ and ؛ are folded
//! to their Latin forms) that is followed by a space or the end. It does not end:
//! - inside quotation marks «…» “…” "…", which may hold whole sentences of a quote;
//! - inside a number: 10.5, 10,000 and ١٠٬٠٠٠ stay whole;
//! - after a one-letter abbreviation ("د." for doctor, "م." for the Gregorian era).
//!
//! A list marker opening a line (`-`, `•`, `*`, `1.`, `2)`) is not part of its sentence.
//! Claims, the finer unit that attribution cues carve out of sentences, are made in
//! [`crate::extract::attribution`].

use std::ops::Range;

/// The sentences of `folded` text, as trimmed byte ranges, in order.
///
/// ```
/// let t = khabar::Normalized::new("- قال: «لن نتراجع. أبداً». وأضاف أن 10.5% فقط؟ نعم\nسطر");
/// let s: Vec<&str> = khabar::segment::sentences(t.as_str()).into_iter().map(|r| &t.as_str()[r]).collect();
/// assert_eq!(s, ["قال: «لن نتراجع. ابدا».", "واضاف ان 10.5% فقط?", "نعم", "سطر"]);
/// ```
pub fn sentences(folded: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in folded.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let skip = list_marker_len(body);
        split_line(&body[skip..], line_start + skip, &mut out);
        line_start += line.len();
    }
    out
}

/// Length of a list marker (and the spaces after it) at the start of a line.
fn list_marker_len(line: &str) -> usize {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut chars = trimmed.char_indices();
    let marker_end = match chars.next() {
        Some((_, c @ ('-' | '•' | '*' | '·' | '▪' | '●' | '◦' | '■' | '►'))) => {
            let after = &trimmed[c.len_utf8()..];
            c.len_utf8() + after.len() - after.trim_start_matches(['-', '•', '*']).len()
        }
        Some((_, c)) if c.is_ascii_digit() => {
            let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
            match trimmed.as_bytes().get(digits) {
                Some(b'.' | b')' | b'-') if digits <= 3 => digits + 1,
                _ => return 0,
            }
        }
        _ => return 0,
    };
    let rest = &trimmed[marker_end..];
    // A marker is followed by a space; "-5" or "1.5" is not a marker.
    if !rest.starts_with(' ') {
        return 0;
    }
    lead + marker_end + (rest.len() - rest.trim_start().len())
}

fn split_line(line: &str, offset: usize, out: &mut Vec<Range<usize>>) {
    let mut start = 0;
    let mut guillemets = 0usize; // « »
    let mut curly = 0usize; // “ ”
    let mut straight = false; // " … "
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        match c {
            '«' => guillemets += 1,
            '»' => guillemets = guillemets.saturating_sub(1),
            '“' | '„' => curly += 1,
            '”' | '‟' => curly = curly.saturating_sub(1),
            '"' => straight = !straight,
            '.' | '!' | '?' | ';' | '…' => {
                if guillemets > 0 || curly > 0 || straight {
                    continue;
                }
                let next = chars.get(k + 1).map(|&(_, n)| n);
                let prev = k.checked_sub(1).map(|p| chars[p].1);
                let at_end_or_space = next.is_none_or(|n| n == ' ' || matches!(n, '»' | '”' | '"' | ')' | ']'));
                // A period between two Arabic words with its space lost ("المحافظ.ولاحقا"), as
                // text pasted from the web often has it.
                let glued = c == '.' && prev.is_some_and(is_arabic_letter) && next.is_some_and(is_arabic_letter);
                if !at_end_or_space && !glued {
                    continue;
                }
                if c == '.' && is_abbreviation(&chars[..k]) {
                    continue;
                }
                if c == '.' && prev.is_some_and(|p| p == '.') && next.is_some_and(|n| n == '.') {
                    continue;
                }
                let end = at + c.len_utf8();
                push_trimmed(line, start, end, offset, out);
                start = end;
            }
            _ => {}
        }
    }
    push_trimmed(line, start, line.len(), offset, out);
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// A period after a one-letter word ("د.", "م.") marks an abbreviation, not a sentence end.
fn is_abbreviation(before: &[(usize, char)]) -> bool {
    let mut letters = before.iter().rev().take_while(|(_, c)| c.is_alphabetic());
    let first = letters.next();
    let second = letters.next();
    first.is_some() && second.is_none()
}

fn push_trimmed(line: &str, start: usize, end: usize, offset: usize, out: &mut Vec<Range<usize>>) {
    let piece = &line[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(|c| c.is_alphanumeric()) {
        let s = offset + start + lead;
        out.push(s..s + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let t = crate::Normalized::new(s);
        sentences(t.as_str()).into_iter().map(|r| t.as_str()[r].to_string()).collect()
    }

    #[test]
    fn numbers_never_split() {
        assert_eq!(split("ارسلت 10.5 الف و10,000 و١٠٬٠٠٠ جندي. ثم عادت"), ["ارسلت 10.5 الف و10,000 و10,000 جندي.", "ثم عادت"]);
    }

    #[test]
    fn quotes_hold_sentence_ends() {
        assert_eq!(split("قال “لن نتراجع! ابدا” ثم غادر. وانتهى"), ["قال “لن نتراجع! ابدا” ثم غادر.", "وانتهي"]);
        assert_eq!(split("قال \"نعم. لا\" ثم"), ["قال \"نعم. لا\" ثم"]);
    }

    #[test]
    fn a_period_glued_between_arabic_words_ends_a_sentence() {
        assert_eq!(split("قال المكتب.ولاحقا وقعت مواجهات"), ["قال المكتب.", "ولاحقا وقعت مواجهات"]);
        assert_eq!(split("بلغت النسبه 10.5 بالميه"), ["بلغت النسبه 10.5 بالميه"]);
    }

    #[test]
    fn list_markers_and_lines() {
        assert_eq!(split("- اول\n• ثان\n1. ثالث\n2) رابع\n-5 درجات"), ["اول", "ثان", "ثالث", "رابع", "-5 درجات"]);
    }

    #[test]
    fn arabic_punctuation_and_abbreviations() {
        assert_eq!(split("هل انتهى؟ نعم؛ ربما! قال د. احمد"), ["هل انتهي?", "نعم;", "ربما!", "قال د. احمد"]);
    }

    #[test]
    fn nothing_but_punctuation_is_no_sentence() {
        assert!(split(" . ؟ \n\n").is_empty());
    }
}
