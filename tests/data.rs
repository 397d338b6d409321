//! The data files of `data/` are reviewed like code: sorted, without duplicates, and every
//! name survives folding.

use std::collections::{HashMap, HashSet};
use std::path::Path;

fn data_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

/// The rows of a TSV file (after comments and the header), split into cells.
fn rows(text: &str) -> (Vec<String>, Vec<(usize, Vec<String>)>) {
    let mut header = None;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        if header.is_none() {
            header = Some(cells);
        } else {
            out.push((i + 1, cells));
        }
    }
    (header.expect("a header line"), out)
}

#[test]
fn every_table_is_sorted_by_its_first_column_without_duplicate_rows() {
    for (name, text) in data_files() {
        let (header, rows) = rows(&text);
        let mut seen = HashSet::new();
        for w in rows.windows(2) {
            assert!(w[0].1[0] <= w[1].1[0], "{name}:{}: {:?} sorts before {:?}", w[1].0, w[1].1[0], w[0].1[0]);
        }
        for (line, cells) in &rows {
            assert!(cells.len() <= header.len(), "{name}:{line}: more cells than columns");
            assert!(seen.insert(cells.join("\t")), "{name}:{line}: duplicate row");
        }
    }
}

const LEXICONS: &[&str] = &["countries.tsv", "media.tsv", "organizations.tsv", "people.tsv", "places.tsv"];

#[test]
fn lexicon_ids_are_unique_across_files() {
    let mut ids: HashMap<String, String> = HashMap::new();
    for (name, text) in data_files().into_iter().filter(|(n, _)| LEXICONS.contains(&n.as_str())) {
        let (header, rows) = rows(&text);
        assert_eq!(header[0], "id", "{name}: the first column is the id");
        for (line, cells) in rows {
            if let Some(first) = ids.insert(cells[0].clone(), format!("{name}:{line}")) {
                panic!("{name}:{line}: id {} already used at {first}", cells[0]);
            }
        }
    }
}

#[test]
fn lexicon_names_fold_and_are_unambiguous_unless_marked() {
    let lexicon = khabar::Lexicon::builtin();
    let mut owner: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in lexicon.entries().iter().enumerate() {
        let mut own = HashSet::new();
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            let folded = khabar::fold_name(name);
            assert!(!folded.is_empty(), "{}: alias {name:?} folds to nothing", e.id);
            if own.insert(folded.clone()) {
                owner.entry(folded).or_default().push(i);
            }
        }
    }
    let mut clashes = Vec::new();
    for (name, entries) in &owner {
        if entries.len() > 1 && entries.iter().filter(|&&i| !lexicon.entries()[i].ambiguous).count() > 1 {
            let ids: Vec<&str> = entries.iter().map(|&i| lexicon.entries()[i].id.as_str()).collect();
            clashes.push(format!("{name}: {}", ids.join(", ")));
        }
    }
    clashes.sort();
    assert!(clashes.is_empty(), "{} names shared by entries not marked ambiguous:\n{}", clashes.len(), clashes.join("\n"));
}

#[test]
fn a_user_lexicon_is_checked_and_named_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.tsv"), "id\tkind\tname\nx:1\tplanet\tزحل\n").unwrap();
    let err = khabar::Extractor::with_lexicon_dirs(&[dir.path()]).unwrap_err();
    assert!(err.is_data());
    assert!(err.to_string().contains("bad.tsv:2: unknown kind \"planet\""), "{err}");
}
