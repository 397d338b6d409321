//! `khabar check`: findings about an article, for CI and pre-commit hooks.
//!
//! Each check is one module with its documentation (what it finds, why, an example) and one
//! function from an extracted article to hits; [`CHECKS`] is the table of them all. Adding a
//! check means: a module here, a line in [`CHECKS`], a test in `tests/check.rs`, a line in the
//! README's table.
//!
//! A check's level is `error` (reported, fails the run: exit 1), `warning` (reported, does not
//! fail) or off. The defaults: every check is an error except `anonymous-source`, a warning,
//! because anonymous sourcing is a judgement call that a desk reviews rather than a mistake
//! (`--deny anonymous-source` makes it fail). `khabar.toml` and then `--deny`, `--warn` and
//! `--allow` change them ([`Levels`]).

mod anonymous_source;
mod unattributed_figure;
mod unbalanced_quote;
mod unresolved_date;
mod weekday_mismatch;

use khabar::{Document, Span};
use serde::Serialize;
use std::fmt::Write as _;

/// Every check, in the order `--list` shows them.
pub const CHECKS: &[Check] =
    &[unattributed_figure::CHECK, unresolved_date::CHECK, weekday_mismatch::CHECK, anonymous_source::CHECK, unbalanced_quote::CHECK];

/// The word that names every check in `--deny`, `--warn`, `--allow` and khabar.toml.
pub const ALL: &str = "all";

/// One check: a code, a default level, and the function that finds its hits.
pub struct Check {
    /// The kebab-case code shown in findings and named by `--deny`/`--allow`.
    pub code: &'static str,
    /// The level when nothing says otherwise.
    pub level: Level,
    /// One line for `--list`.
    pub summary: &'static str,
    /// Finds the hits in one article.
    pub run: fn(&Article<'_>) -> Vec<Hit>,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Reported; does not fail the run.
    Warning,
    /// Reported; fails the run (exit 1).
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// What a check looks at: the text and its extracted document.
pub struct Article<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
}

/// One thing a check found, before it is given a level and a path.
pub struct Hit {
    pub span: Span,
    pub message: String,
}

impl Hit {
    pub fn new(span: Span, message: String) -> Hit {
        Hit { span, message }
    }
}

/// The codes and `all`, for clap's value parser and the completions.
pub fn selectors() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = CHECKS.iter().map(|c| c.code).collect();
    v.push(ALL);
    v
}

/// A piece of the text for a message: in «», on one line, at most 60 characters.
pub fn excerpt(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 60 {
        return format!("«{one_line}»");
    }
    let cut: String = one_line.chars().take(59).collect();
    format!("«{cut}…»")
}

/// One layer of level settings: khabar.toml's [check] or the command line.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    pub deny: Vec<String>,
    pub warn: Vec<String>,
    pub allow: Vec<String>,
}

/// The level of every check: `None` is off.
#[derive(Debug, Clone)]
pub struct Levels(Vec<Option<Level>>);

impl Levels {
    /// The defaults, then each layer in turn (khabar.toml, then the command line). Inside a
    /// layer, a named code beats `all`.
    ///
    /// # Errors
    ///
    /// An unknown code, or a code named in two lists of one layer (`where_` names the layer).
    pub fn resolve(layers: &[(&str, &Selection)]) -> anyhow::Result<Levels> {
        let mut levels: Vec<Option<Level>> = CHECKS.iter().map(|c| Some(c.level)).collect();
        for (where_, sel) in layers {
            let lists = [(&sel.deny, Some(Level::Error), "deny"), (&sel.warn, Some(Level::Warning), "warn"), (&sel.allow, None, "allow")];
            for code in lists.iter().flat_map(|(codes, _, _)| codes.iter()) {
                if code != ALL && !CHECKS.iter().any(|c| c.code == code) {
                    let known: Vec<&str> = selectors();
                    anyhow::bail!("{where_}: unknown check {code:?} (known: {})", known.join(", "));
                }
            }
            // `all` first, then the named codes on top of it.
            let mut named: Vec<Option<&str>> = vec![None; CHECKS.len()];
            for (codes, level, list) in &lists {
                if codes.iter().any(|c| c == ALL) {
                    levels.iter_mut().for_each(|l| *l = *level);
                }
                for (i, check) in CHECKS.iter().enumerate() {
                    if codes.iter().any(|c| c == check.code) {
                        if let Some(other) = named[i].filter(|o| o != list) {
                            anyhow::bail!("{where_}: {} is in both {other} and {list}", check.code);
                        }
                        named[i] = Some(list);
                    }
                }
            }
            if lists.iter().filter(|(codes, _, _)| codes.iter().any(|c| c == ALL)).count() > 1 {
                anyhow::bail!("{where_}: \"all\" is in more than one of deny, warn, allow");
            }
            for (codes, level, _) in &lists {
                for (i, check) in CHECKS.iter().enumerate() {
                    if codes.iter().any(|c| c == check.code) {
                        levels[i] = *level;
                    }
                }
            }
        }
        Ok(Levels(levels))
    }

    /// The level of the check at `index` in [`CHECKS`].
    pub fn get(&self, index: usize) -> Option<Level> {
        self.0[index]
    }
}

/// A finding: a hit with its check's code and level, and where it is.
#[derive(Debug, Serialize)]
pub struct Finding<'a> {
    /// The input as given (the file of a JSON Lines input).
    pub path: &'a str,
    /// The line to point an editor at: the span's line, or for JSON Lines the input line.
    pub line: usize,
    /// The column (characters, 1-based) to point at: the span's column, or 1 for JSON Lines.
    pub column: usize,
    pub level: Level,
    pub code: &'static str,
    pub message: String,
    /// The exact text the finding is about.
    pub text: &'a str,
    /// Where that text is in the article.
    pub span: Span,
    /// The `id` of a JSON Lines article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
}

/// Where an article came from, for its findings.
pub struct Origin<'a> {
    pub path: &'a str,
    /// The line of a JSON Lines input.
    pub line: Option<usize>,
    pub id: Option<&'a serde_json::Value>,
}

/// Runs every check that is on, and returns the findings in text order.
pub fn findings<'a>(article: &Article<'a>, origin: &Origin<'a>, levels: &Levels) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for (i, check) in CHECKS.iter().enumerate() {
        let Some(level) = levels.get(i) else { continue };
        for hit in (check.run)(article) {
            let (line, column) = match origin.line {
                Some(l) => (l, 1),
                None => (hit.span.line, hit.span.column),
            };
            let mut message = hit.message;
            if origin.line.is_some() {
                let id = origin.id.map_or(String::new(), |id| format!("{id} "));
                let _ = write!(message, " (article {id}at {}:{})", hit.span.line, hit.span.column);
            }
            out.push(Finding {
                path: origin.path,
                line,
                column,
                level,
                code: check.code,
                message,
                text: &article.text[hit.span.range()],
                span: hit.span,
                id: origin.id,
            });
        }
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code)));
    out
}

/// Styles of the text format (stripped when the output is not coloured).
mod style {
    use anstyle::{AnsiColor, Style};
    pub const PATH: Style = Style::new().bold();
    pub const ERROR: Style = AnsiColor::Red.on_default().bold();
    pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
    pub const CODE: Style = AnsiColor::Cyan.on_default();
}

/// `path:line:col: level: code: message`, with ANSI styles for a terminal.
pub fn text_line(f: &Finding<'_>) -> String {
    let level = match f.level {
        Level::Error => style::ERROR,
        Level::Warning => style::WARNING,
    };
    let (p, c) = (style::PATH, style::CODE);
    format!(
        "{p}{}:{}:{}:{p:#} {level}{}:{level:#} {c}{}:{c:#} {}",
        f.path,
        f.line,
        f.column,
        f.level.as_str(),
        f.code,
        one_line(&f.message)
    )
}

/// One finding as one line of JSON.
pub fn json_line(f: &Finding<'_>) -> String {
    serde_json::to_string(f).expect("findings serialize")
}

/// A GitHub Actions workflow command: `::error file=…,line=…,col=…,title=…::message`.
pub fn github_line(f: &Finding<'_>) -> String {
    format!(
        "::{} file={},line={},col={},title={}::{}",
        f.level.as_str(),
        github_property(f.path),
        f.line,
        f.column,
        github_property(&format!("khabar {}", f.code)),
        github_data(&f.message)
    )
}

/// Escapes a workflow command's message.
fn github_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// The table of checks for `--list`: code, level, summary.
pub fn list(levels: &Levels) -> String {
    let mut out = String::new();
    let width = CHECKS.iter().map(|c| c.code.len()).max().unwrap_or(0);
    for (i, c) in CHECKS.iter().enumerate() {
        let level = levels.get(i).map_or("off", Level::as_str);
        let _ = writeln!(out, "{:width$}  {:7}  {}", c.code, level, c.summary);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(deny: &[&str], warn: &[&str], allow: &[&str]) -> Selection {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect();
        Selection { deny: v(deny), warn: v(warn), allow: v(allow) }
    }

    fn level(levels: &Levels, code: &str) -> Option<Level> {
        levels.get(CHECKS.iter().position(|c| c.code == code).unwrap())
    }

    #[test]
    fn defaults_named_codes_and_all() {
        let l = Levels::resolve(&[]).unwrap();
        assert_eq!(level(&l, "anonymous-source"), Some(Level::Warning));
        assert_eq!(level(&l, "unattributed-figure"), Some(Level::Error));

        let l = Levels::resolve(&[("cli", &sel(&["all"], &["anonymous-source"], &[]))]).unwrap();
        assert_eq!(level(&l, "anonymous-source"), Some(Level::Warning));
        assert_eq!(level(&l, "unbalanced-quote"), Some(Level::Error));

        let l = Levels::resolve(&[("cli", &sel(&["weekday-mismatch"], &[], &["all"]))]).unwrap();
        assert_eq!(level(&l, "weekday-mismatch"), Some(Level::Error));
        assert_eq!(level(&l, "unresolved-date"), None);
    }

    #[test]
    fn later_layers_win_and_conflicts_are_errors() {
        let l = Levels::resolve(&[("khabar.toml", &sel(&["anonymous-source"], &[], &[])), ("cli", &sel(&[], &[], &["anonymous-source"]))])
            .unwrap();
        assert_eq!(level(&l, "anonymous-source"), None);
        let e = Levels::resolve(&[("cli", &sel(&["unbalanced-quote"], &[], &["unbalanced-quote"]))]).unwrap_err();
        assert!(e.to_string().contains("unbalanced-quote is in both deny and allow"), "{e}");
        let e = Levels::resolve(&[("khabar.toml", &sel(&["no-such-check"], &[], &[]))]).unwrap_err();
        assert!(e.to_string().starts_with("khabar.toml: unknown check \"no-such-check\""), "{e}");
        assert!(Levels::resolve(&[("cli", &sel(&["all"], &[], &["all"]))]).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any text: no check panics, and every finding's text is its span's slice with the
        /// span's line and column.
        #[test]
        fn findings_never_panic_and_point_into_the_text(
            text in "([«»“”\"\n ]|قال|مصدر|عسكري|إن|أمس|الثلاثاء|مقتل|7|جنود|آلاف|جندي|كورسك|F-16|\\PC){0,60}",
            published in proptest::option::of("2024-11-1[0-9]"),
        ) {
            let options = match published {
                Some(p) => khabar::Options::new().published(&p).unwrap(),
                None => khabar::Options::new(),
            };
            let doc = khabar::extract(&text, &options);
            let levels = Levels::resolve(&[]).unwrap();
            let origin = Origin { path: "-", line: None, id: None };
            for f in findings(&Article { text: &text, doc: &doc }, &origin, &levels) {
                proptest::prop_assert_eq!(f.text, &text[f.span.range()]);
                proptest::prop_assert_eq!(f.span.line, text[..f.span.start].matches('\n').count() + 1);
                let line_start = text[..f.span.start].rfind('\n').map_or(0, |i| i + 1);
                proptest::prop_assert_eq!(f.span.column, text[line_start..f.span.start].chars().count() + 1);
                for l in [text_line(&f), json_line(&f), github_line(&f)] {
                    proptest::prop_assert!(!l.contains('\n'));
                }
            }
        }
    }

    #[test]
    fn github_escapes() {
        assert_eq!(github_property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        assert_eq!(github_data("x: 50%, y"), "x: 50%25, y");
    }

    #[test]
    fn excerpts_are_short_and_on_one_line() {
        assert_eq!(excerpt("أمس\n الثلاثاء"), "«أمس الثلاثاء»");
        let long = "كلمة ".repeat(30);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), 62);
        assert!(e.ends_with("…»"));
    }
}
