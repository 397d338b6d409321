//! `unbalanced-quote`: a quotation mark without its partner in the same paragraph (line).
//!
//! **What it finds.** In each paragraph, that is each line (news text puts a paragraph on a line,
//! and a quotation that runs across two lines is rarer than a lost mark), every « must be closed by a »,
//! nested or not: a » with nothing open is reported where it stands, a « left open where it
//! stands. Double quotes, straight (") or curly (“ ”), pair up left to right whatever their
//! direction, because Arabic copy often writes ” at both ends or a reversed pair (a right-to-left
//! keyboard and mirrored glyphs make the two look alike); so an odd one out is the last.
//!
//! **Why.** A lost quotation mark changes who is speaking: the reader, and khabar's attribution,
//! can no longer tell the quoted words from the outlet's own. The commonest slip in Arabic copy
//! is a « typed as » ("لـ»المدينة»"): this reports the first » once, and takes it for the « it
//! should have been, so that the second » is not reported too.
//!
//! **Example.** "وقال: «لن ننسحب." and "في تصريح لـ»المدينة»" are flagged; "وقال: «لن ننسحب».",
//! and "بـ ”لن ننسحب”" are not. Single quotes are left alone: ' is also an apostrophe and a
//! transliteration mark.
//!
//! **Level.** Error.

use super::{Article, Check, Hit, Level};
use khabar::Span;

pub const CHECK: Check = Check {
    code: "unbalanced-quote",
    level: Level::Error,
    summary: "a quotation mark (« » “ ” \") without its partner on its line (paragraph)",
    run,
};

fn run(article: &Article<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut para = Paragraph::default();
    let mut offset = 0;
    for (i, line) in article.text.split_inclusive('\n').enumerate() {
        for (column, (at, c)) in line.char_indices().enumerate() {
            let span = Span { start: offset + at, end: offset + at + c.len_utf8(), line: i + 1, column: column + 1 };
            para.mark(c, span, &mut hits);
        }
        para.close(&mut hits);
        offset += line.len();
    }
    hits.sort_by_key(|h| h.span.start);
    hits
}

/// The quotation marks still open in the current paragraph.
#[derive(Default)]
struct Paragraph {
    /// Open « (or a stray » taken for one, already reported: `true`).
    guillemets: Vec<(Span, bool)>,
    /// The open curly double quote, with its character.
    curly: Option<(Span, char)>,
    straight: Option<Span>,
}

impl Paragraph {
    fn mark(&mut self, c: char, span: Span, hits: &mut Vec<Hit>) {
        match c {
            '«' => self.guillemets.push((span, false)),
            // The guard closes the innermost open «; only a » with nothing to close gets here.
            '»' if self.guillemets.pop().is_none() => {
                hits.push(Hit::new(span, "» closes a quotation that was never opened (a « typed as »?)".to_string()));
                self.guillemets.push((span, true));
            }
            '“' | '”' => self.curly = if self.curly.is_some() { None } else { Some((span, c)) },
            '"' => self.straight = if self.straight.is_some() { None } else { Some(span) },
            _ => {}
        }
    }

    /// Ends the paragraph: whatever is still open is reported.
    fn close(&mut self, hits: &mut Vec<Hit>) {
        for (span, _) in self.guillemets.drain(..).filter(|(_, reported)| !reported) {
            hits.push(Hit::new(span, "« opens a quotation that is not closed on its line".to_string()));
        }
        if let Some((span, c)) = self.curly.take() {
            hits.push(Hit::new(span, format!("{c} has no partner on its line (an odd number of “ ” quotes)")));
        }
        if let Some(span) = self.straight.take() {
            hits.push(Hit::new(span, "\" has no partner on its line (an odd number of \" quotes)".to_string()));
        }
    }
}
