//! Turning the command line's paths into a stream of articles: files, folders walked in sorted
//! order, standard input, and JSON Lines.
//!
//! Folders are walked lazily, one directory listing at a time, and JSON Lines files are read
//! line by line, so memory stays flat however many articles a batch holds.

use anyhow::{Context as _, anyhow};
use serde::Deserialize;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The largest input khabar reads (spans are 32-bit inside).
const MAX_BYTES: u64 = (u32::MAX as u64) / 2;

/// One unit of work: an article to read and extract, or an input that failed.
#[derive(Debug)]
pub enum Job {
    /// A text file (or standard input when `path` is None) holding one article.
    File { label: String, path: Option<PathBuf> },
    /// One article of a JSON Lines input, already read.
    Line { label: String, line: usize, article: Article },
    /// An input that could not be read; the message names it.
    Failed(anyhow::Error),
}

/// One article with what the input says about it.
#[derive(Debug, Clone)]
pub struct Article {
    pub text: String,
    pub id: Option<serde_json::Value>,
    pub published: Option<String>,
}

/// A line of `--input jsonl`.
#[derive(Debug, Deserialize)]
struct JsonlLine {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// Reads a whole text input (a file or standard input), checking size and UTF-8.
pub fn read_text(label: &str, path: Option<&Path>) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    match path {
        None => {
            std::io::stdin().lock().take(MAX_BYTES + 1).read_to_end(&mut bytes).context("<stdin>")?;
        }
        Some(p) => {
            let file = fs::File::open(p).with_context(|| label.to_string())?;
            file.take(MAX_BYTES + 1).read_to_end(&mut bytes).with_context(|| label.to_string())?;
        }
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(anyhow!("{label}: larger than {} bytes; split it", MAX_BYTES));
    }
    String::from_utf8(bytes).map_err(|e| anyhow!("{label}: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}

/// Yields the jobs of every path, in order.
pub struct Jobs {
    /// Paths still to expand, in reverse (a stack), with whether they came from a folder walk.
    pending: Vec<(PathBuf, bool)>,
    glob: String,
    jsonl: bool,
    /// The JSON Lines input being read.
    lines: Option<LineReader>,
    stdin_used: bool,
}

struct LineReader {
    label: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    offset: usize,
}

impl Jobs {
    pub fn new(paths: &[PathBuf], glob: &str, jsonl: bool) -> Jobs {
        let mut pending: Vec<(PathBuf, bool)> =
            if paths.is_empty() { vec![(PathBuf::from("-"), false)] } else { paths.iter().map(|p| (p.clone(), false)).collect() };
        pending.reverse();
        Jobs { pending, glob: glob.to_string(), jsonl, lines: None, stdin_used: false }
    }

    fn next_line(&mut self) -> Option<Job> {
        let r = self.lines.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let n = match r.reader.read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    let label = r.label.clone();
                    self.lines = None;
                    return Some(Job::Failed(anyhow!(e).context(label)));
                }
            };
            if n == 0 {
                self.lines = None;
                return None;
            }
            r.line += 1;
            let start = r.offset;
            r.offset += n;
            let line = match std::str::from_utf8(&buf) {
                Ok(s) => s,
                Err(e) => {
                    return Some(Job::Failed(anyhow!("{}:{}: invalid UTF-8 at byte {}", r.label, r.line, start + e.valid_up_to())));
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let label = r.label.clone();
            return Some(match serde_json::from_str::<JsonlLine>(line) {
                Ok(l) => Job::Line { label, line: r.line, article: Article { text: l.text, id: l.id, published: l.published } },
                Err(e) => Job::Failed(anyhow!("{label}:{}: not a JSON object with a \"text\" string: {e}", r.line)),
            });
        }
    }

    fn open_lines(&mut self, label: String, path: Option<&Path>) -> Option<Job> {
        let reader: Box<dyn BufRead + Send> = match path {
            None => Box::new(BufReader::new(std::io::stdin())),
            Some(p) => match fs::File::open(p) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => return Some(Job::Failed(anyhow!(e).context(label))),
            },
        };
        self.lines = Some(LineReader { label, reader, line: 0, offset: 0 });
        None
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if self.lines.is_some() {
                if let Some(job) = self.next_line() {
                    return Some(job);
                }
                continue;
            }
            let (path, walked) = self.pending.pop()?;
            let label = path.display().to_string();
            if path == Path::new("-") {
                if self.stdin_used {
                    continue;
                }
                self.stdin_used = true;
                if self.jsonl {
                    if let Some(job) = self.open_lines(label, None) {
                        return Some(job);
                    }
                    continue;
                }
                return Some(Job::File { label, path: None });
            }
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => return Some(Job::Failed(anyhow!(e).context(label))),
            };
            if meta.is_dir() {
                match list_dir(&path) {
                    Ok(entries) => {
                        for p in entries.into_iter().rev() {
                            self.pending.push((p, true));
                        }
                    }
                    Err(e) => return Some(Job::Failed(e)),
                }
                continue;
            }
            if walked && !glob_match(&self.glob, &path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()) {
                continue;
            }
            if self.jsonl {
                if let Some(job) = self.open_lines(label, Some(&path)) {
                    return Some(job);
                }
                continue;
            }
            return Some(Job::File { label, path: Some(path) });
        }
    }
}

/// The entries of a folder, sorted by name.
fn list_dir(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let label = dir.display().to_string();
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| label.clone())? {
        out.push(entry.with_context(|| label.clone())?.path());
    }
    out.sort();
    Ok(out)
}

/// Matches a file name against a pattern of literal characters, `*` (any run) and `?` (any one
/// character).
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ni;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "a.txt.bak"));
        assert!(glob_match("a?c*", "abcdef"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("?", ""));
    }
}
