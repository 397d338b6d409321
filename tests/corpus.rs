//! Runs every extractor's example corpus (`tests/corpus/<extractor>.txt`).
//!
//! A corpus file holds one example per line: `input => expected`. `expected` lists what the
//! extractor must find in `input`, in text order, separated by ` | `, or `-` for nothing (a
//! negative example). What is compared for each extractor:
//! - `date`: the ISO value (`null` when unresolved);
//! - `troop`: `count qualifier actor` (`10000 more_than KP`; `null` for no count, `-` for no actor);
//! - `casualty`: `count status group actor` (`7 killed soldiers LY`);
//! - `actor`, `location`: the entity's canonical name;
//! - `attribution`: for each attributed claim, the source's name, then ` via X` for relaying
//!   outlets and ` (inherited)` for continued sources;
//! - `number` (not an extractor, the shared parser): each number's value (`vague:N` for vague).
//!
//! A line `@published YYYY-MM-DD` sets the reference date for the lines after it (default
//! 2024-11-13, a Wednesday). Lines starting with `#` are comments.

use khabar::{Document, Options};
use std::path::Path;

const DEFAULT_REFERENCE: &str = "2024-11-13";

fn render(extractor: &str, doc: &Document) -> Vec<String> {
    // A country side by its ISO code, any other side by its name.
    let actor = |a: &Option<khabar::Entity>| {
        a.as_ref().map_or("-".to_string(), |e| if e.kind == "country" { e.id.clone() } else { e.name.clone() })
    };
    match extractor {
        "date" => doc.dates.iter().map(|d| d.value.clone().unwrap_or_else(|| "null".into())).collect(),
        "troop" => doc
            .troops
            .iter()
            .map(|t| {
                let count = t.count.map_or("null".to_string(), |c| c.to_string());
                let count = match t.count_max {
                    Some(max) => format!("{count}-{max}"),
                    None => count,
                };
                format!("{count} {} {}", json_name(&t.qualifier), actor(&t.actor))
            })
            .collect(),
        "casualty" => doc
            .casualties
            .iter()
            .map(|c| {
                let count = c.count.map_or("null".to_string(), |c| c.to_string());
                format!("{count} {} {} {}", json_name(&c.status), json_name(&c.group), actor(&c.actor))
            })
            .collect(),
        "actor" => doc.actors.iter().map(|e| e.name.clone()).collect(),
        "location" => doc.locations.iter().map(|e| e.name.clone()).collect(),
        "attribution" => doc
            .claims
            .iter()
            .filter_map(|c| c.attribution.as_ref())
            .map(|a| {
                let mut s = a.source.name.clone();
                if !a.via.is_empty() {
                    s.push_str(" via ");
                    s.push_str(&a.via.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(", "));
                }
                if a.inherited {
                    s.push_str(" (inherited)");
                }
                s
            })
            .collect(),
        other => panic!("no renderer for extractor {other:?}: add one to tests/corpus.rs"),
    }
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).unwrap().as_str().unwrap_or_default().to_string()
}

fn render_numbers(input: &str) -> Vec<String> {
    let folded = khabar::Normalized::new(input);
    khabar::number::parse_numbers(folded.as_str())
        .iter()
        .map(|n| {
            let v = if n.value.fract() == 0.0 { format!("{}", n.value as u64) } else { format!("{}", n.value) };
            if n.vague { format!("vague:{v}") } else { v }
        })
        .collect()
}

/// Runs one corpus file; returns the failures as readable lines.
fn run_corpus(name: &str, runner: &dyn Fn(&str, &Options) -> Vec<String>) -> (usize, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("extractor {name:?} has no corpus at {}: {e}", path.display()));
    let mut options = Options::new().published(DEFAULT_REFERENCE).unwrap();
    let (mut count, mut failures) = (0, Vec::new());
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(date) = line.strip_prefix("@published ") {
            options = Options::new().published(date.trim()).expect("a valid @published date");
            continue;
        }
        let (input, expected) =
            line.rsplit_once(" => ").unwrap_or_else(|| panic!("{}:{}: expected `input => expected`", path.display(), i + 1));
        let expected: Vec<String> =
            if expected.trim() == "-" { Vec::new() } else { expected.split(" | ").map(|s| s.trim().to_string()).collect() };
        let got = runner(input, &options);
        count += 1;
        if got != expected {
            failures.push(format!("{name}.txt:{}: {input}\n    expected: {}\n    got:      {}", i + 1, show(&expected), show(&got)));
        }
    }
    (count, failures)
}

fn show(v: &[String]) -> String {
    if v.is_empty() { "-".to_string() } else { v.join(" | ") }
}

#[test]
fn every_extractor_passes_its_corpus() {
    let mut all_failures = Vec::new();
    for &name in khabar::EXTRACTORS {
        let runner = move |input: &str, options: &Options| render(name, &khabar::extract(input, options));
        let (count, failures) = run_corpus(name, &runner);
        assert!(count >= 10, "the {name} corpus has only {count} examples");
        all_failures.extend(failures);
    }
    let (count, failures) = run_corpus("number", &|input, _| render_numbers(input));
    assert!(count >= 10, "the number corpus has only {count} examples");
    all_failures.extend(failures);
    assert!(all_failures.is_empty(), "{} corpus examples fail:\n{}", all_failures.len(), all_failures.join("\n"));
}
