//! Writing documents as JSON: one line each (JSON Lines), or indented. `text.rs` writes them for a
//! person, `geojson.rs` for a map.

use khabar::Document;

/// One document as one line of JSON (no trailing newline).
pub fn json_line(doc: &Document) -> String {
    serde_json::to_string(doc).expect("documents serialize")
}

/// One document as indented JSON (no trailing newline).
pub fn pretty(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).expect("documents serialize")
}
