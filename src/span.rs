//! Positions in the input: byte offsets plus the line and column a person looks for.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where a piece of text sits in the input.
///
/// `start..end` are byte offsets into the original input (UTF-8, half-open, always on character
/// boundaries), so `&input[start..end]` is exactly the `text` reported beside the span. `line`
/// and `column` are 1-based; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
}

impl Span {
    /// The byte range of this span.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Turns byte offsets into line and column numbers in time independent of the line's length.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
    /// Character count before every `CHECKPOINT`-th byte (rounded down to a char boundary), so
    /// that a column inside a very long line costs at most one checkpoint's scan.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 1024;

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let (mut chars, mut at) = (0usize, 0usize);
        for k in 0..=text.len() / CHECKPOINT {
            let mut target = (k * CHECKPOINT).min(text.len());
            while !text.is_char_boundary(target) {
                target -= 1;
            }
            chars += text[at..target].chars().count();
            at = target;
            checkpoints.push((at, chars));
        }
        LineIndex { text, line_starts, checkpoints }
    }

    /// Number of characters in `text[..at]`.
    fn chars_before(&self, at: usize) -> usize {
        let (from, count) = self.checkpoints[(at / CHECKPOINT).min(self.checkpoints.len() - 1)];
        let (from, count) = if from <= at { (from, count) } else { (0, 0) };
        count + self.text[from..at].chars().count()
    }

    /// The span of the byte range `r`, which must lie on character boundaries.
    pub(crate) fn span(&self, r: Range<usize>) -> Span {
        let line = self.line_starts.partition_point(|&s| s <= r.start);
        let line_start = self.line_starts[line - 1];
        let column = self.chars_before(r.start) - self.chars_before(line_start) + 1;
        Span { start: r.start, end: r.end, line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "سطر أول\nقال بوتين";
        let idx = LineIndex::new(text);
        let at = text.find("بوتين").unwrap();
        let span = idx.span(at..text.len());
        assert_eq!((span.line, span.column), (2, 5));
        assert_eq!(idx.span(0..2).column, 1);
    }

    #[test]
    fn columns_in_a_long_line_use_checkpoints() {
        let text = "ب".repeat(5000) + "x";
        let idx = LineIndex::new(&text);
        assert_eq!(idx.span(10000..10001).column, 5001);
    }
}
