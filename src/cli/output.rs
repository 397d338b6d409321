//! Writing documents: JSON Lines, indented JSON, or a summary for a person.

use khabar::{Document, Qualifier};
use std::fmt::Write as _;

/// One document as one line of JSON (no trailing newline).
pub fn json_line(doc: &Document) -> String {
    serde_json::to_string(doc).expect("documents serialize")
}

/// One document as indented JSON (no trailing newline).
pub fn pretty(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).expect("documents serialize")
}

/// A readable summary of one document.
pub fn text(doc: &Document, label: &str) -> String {
    let mut out = String::new();
    let published = doc.published.as_deref().unwrap_or("unknown date");
    let _ = writeln!(out, "{label} ({published})");
    for c in &doc.claims {
        let who = match &c.attribution {
            None => "—".to_string(),
            Some(a) => {
                let mut who = a.source.name.clone();
                if let Some(s) = &a.speaker {
                    if s.name != who {
                        who = format!("{} ({who})", s.name);
                    }
                    if let Some(r) = &s.role {
                        who = format!("{who}, {r}");
                    }
                }
                if !a.via.is_empty() {
                    let via: Vec<&str> = a.via.iter().map(|v| v.name.as_str()).collect();
                    who = format!("{who} via {}", via.join(", "));
                }
                if a.inherited {
                    who.push_str(" (continued)");
                }
                who
            }
        };
        let _ = writeln!(out, "  [{}] {}:{}  {who}", c.id, c.span.line, c.span.column);
        let _ = writeln!(out, "      {}", shorten(&c.text, 160));
        for d in &c.dates {
            let _ = writeln!(out, "      date: {} = {}", d.text, d.value.as_deref().unwrap_or("?"));
        }
        for t in &c.troops {
            let count = t.count.map_or_else(|| "?".to_string(), |n| n.to_string());
            let side = t.actor.as_ref().map_or(String::new(), |a| format!(" of {}", a.name));
            let _ = writeln!(out, "      troops: {} = {}{}{side}", t.text, hedge(t.qualifier), count);
        }
        for k in &c.casualties {
            let count = k.count.map_or_else(|| "?".to_string(), |n| n.to_string());
            let _ = writeln!(out, "      casualties: {} = {count} {:?}", k.text, k.status);
        }
    }
    let names = |v: &[khabar::Entity]| v.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join("، ");
    let _ = writeln!(out, "  actors: {}", names(&doc.actors));
    let _ = writeln!(out, "  places: {}", names(&doc.locations));
    for w in &doc.warnings {
        let _ = writeln!(out, "  warning {}:{}: {}: {}", w.span.line, w.span.column, w.code, w.message);
    }
    let _ = write!(
        out,
        "  {} claims, {} actors, {} places, {} dates, {} troop figures, {} casualty figures",
        doc.claims.len(),
        doc.actors.len(),
        doc.locations.len(),
        doc.dates.len(),
        doc.troops.len(),
        doc.casualties.len()
    );
    out
}

fn hedge(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact | Qualifier::Vague => "",
        Qualifier::About => "~",
        Qualifier::MoreThan => ">",
        Qualifier::AtLeast => ">=",
        Qualifier::UpTo => "<=",
        Qualifier::LessThan => "<",
        Qualifier::Range => "",
    }
}

fn shorten(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max).collect();
    format!("{cut}…")
}
