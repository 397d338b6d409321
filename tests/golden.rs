//! Whole documents of the fixture articles against committed JSON (`fixtures/*.expected.json`).
//!
//! A change in the output fails with a readable line diff. To accept a change on purpose, run
//! `KHABAR_BLESS=1 cargo test golden` and review the diff of the expected files.

use std::path::Path;

/// Fixture articles and their publication dates.
const FIXTURES: &[(&str, &str)] = &[("seed", "2024-11-13"), ("yemen", "2021-02-10")];

fn diff(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(g.len()) {
        let (a, b) = (e.get(i).copied().unwrap_or(""), g.get(i).copied().unwrap_or(""));
        if a != b {
            out.push_str(&format!("line {}:\n  - {a}\n  + {b}\n", i + 1));
            shown += 1;
            if shown == 20 {
                out.push_str("  …\n");
                break;
            }
        }
    }
    out
}

#[test]
fn fixtures_match_their_expected_documents() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let bless = std::env::var_os("KHABAR_BLESS").is_some();
    let mut failures = Vec::new();
    for (name, published) in FIXTURES {
        let text = std::fs::read_to_string(root.join(format!("{name}.txt"))).unwrap();
        let doc = khabar::extract(&text, &khabar::Options::new().published(published).unwrap());
        crate::robustness::check_document(&text, &doc);
        let got = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let path = root.join(format!("{name}.expected.json"));
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != got {
            failures.push(format!("{} differs (KHABAR_BLESS=1 to accept):\n{}", path.display(), diff(&expected, &got)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
