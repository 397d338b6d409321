//! `--format text`: a document for a person at a terminal.
//!
//! Each claim with its source and its facts, the document's actors and places, its warnings and a
//! summary line. Colour comes as ANSI styles that the output stream strips when it is not a
//! terminal or `NO_COLOR` is set (`anstream`).
//!
//! Arabic stays in logical order: khabar never reorders text for display, a terminal with bidi
//! support does. To help it, every Arabic value inside an English line is wrapped in a first-strong
//! isolate (U+2068 FSI … U+2069 PDI), and inside Arabic text every run of Latin letters with its
//! digits ("F-16", "Le Monde", "10 Downing Street") is isolated too, so that the run keeps its own
//! direction and does not drag neighbouring numbers or punctuation to the wrong side. Terminals
//! without bidi support show the text in logical order and ignore the invisible isolates. JSON
//! output never carries them: its text fields are exact slices of the input.

use khabar::{Attribution, CasualtyGroup, CasualtyStatus, Document, Entity, Qualifier};
use std::borrow::Cow;
use std::fmt::Write as _;

/// First strong isolate: the enclosed text takes the direction of its first strong letter.
const FSI: char = '\u{2068}';
/// Pop directional isolate: ends an isolate.
const PDI: char = '\u{2069}';

mod style {
    use anstyle::{AnsiColor, Style};
    pub const HEADER: Style = Style::new().bold();
    pub const ID: Style = Style::new().dimmed();
    pub const SOURCE: Style = AnsiColor::Green.on_default().bold();
    pub const ANONYMOUS: Style = AnsiColor::Magenta.on_default().bold();
    pub const NO_SOURCE: Style = AnsiColor::Yellow.on_default();
    pub const LABEL: Style = AnsiColor::Cyan.on_default();
    pub const VALUE: Style = Style::new().bold();
    pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
    pub const SUMMARY: Style = Style::new().bold();
}

/// A readable summary of one document; `label` names the input.
pub fn render(doc: &Document, label: &str) -> String {
    use style::*;
    let mut out = String::new();
    let published = doc.published.as_deref().unwrap_or("no publication date");
    let _ = writeln!(out, "{HEADER}{label}{HEADER:#} ({published})");
    for c in &doc.claims {
        let _ = writeln!(out, "  {ID}[{}] {}:{}{ID:#}  {}", c.id, c.span.line, c.span.column, who(c.attribution.as_ref()));
        let _ = writeln!(out, "      {}", ar(&shorten(&c.text, 160)));
        for d in &c.dates {
            let value = d.value.as_deref().unwrap_or("?");
            let _ = writeln!(out, "      {LABEL}date:{LABEL:#} {} = {VALUE}{value}{VALUE:#}", ar(&d.text));
        }
        for t in &c.troops {
            let count = t.count.map_or_else(|| "?".to_string(), |n| n.to_string());
            let side = t.actor.as_ref().map_or(String::new(), |a| format!(" of {}", ar(&a.name)));
            let _ = writeln!(out, "      {LABEL}troops:{LABEL:#} {} = {VALUE}{}{count}{VALUE:#}{side}", ar(&t.text), hedge(t.qualifier));
        }
        for k in &c.casualties {
            let count = k.count.map_or_else(|| "?".to_string(), |n| n.to_string());
            let side = k.actor.as_ref().map_or(String::new(), |a| format!(" of {}", ar(&a.name)));
            let what = format!("{} {}", status(k.status), group(k.group));
            let _ = writeln!(
                out,
                "      {LABEL}casualties:{LABEL:#} {} = {VALUE}{}{count}{VALUE:#} {}{side}",
                ar(&k.text),
                hedge(k.qualifier),
                what.trim_end()
            );
        }
        if !c.locations.is_empty() {
            let _ = writeln!(out, "      {LABEL}places:{LABEL:#} {}", names(&c.locations));
        }
    }
    let _ = writeln!(out, "  {LABEL}actors:{LABEL:#} {}", names(&doc.actors));
    let _ = writeln!(out, "  {LABEL}places:{LABEL:#} {}", names(&doc.locations));
    for w in &doc.warnings {
        let _ = writeln!(out, "  {WARNING}warning{WARNING:#} {}:{}: {}: {}", w.span.line, w.span.column, w.code, ar(&w.message));
    }
    let unattributed = doc.claims.iter().filter(|c| c.attribution.is_none()).count();
    let _ = write!(
        out,
        "  {SUMMARY}{} ({unattributed} without a source), {}, {}, {}, {}, {}{SUMMARY:#}",
        count(doc.claims.len(), "claim", "claims"),
        count(doc.actors.len(), "actor", "actors"),
        count(doc.locations.len(), "place", "places"),
        count(doc.dates.len(), "date", "dates"),
        count(doc.troops.len(), "troop figure", "troop figures"),
        count(doc.casualties.len(), "casualty figure", "casualty figures"),
    );
    out
}

/// Who a claim comes from: source, speaker and role, relaying outlets.
fn who(a: Option<&Attribution>) -> String {
    use style::*;
    let Some(a) = a else {
        return format!("{NO_SOURCE}no source{NO_SOURCE:#}");
    };
    let anonymous = a.source.kind == "anonymous";
    let s = if anonymous { ANONYMOUS } else { SOURCE };
    let mut who = format!("{s}{}{s:#}", ar(&a.source.name));
    if let Some(speaker) = &a.speaker {
        if speaker.name != a.source.name {
            who = format!("{s}{}{s:#} ({})", ar(&speaker.name), ar(&a.source.name));
        }
        if let Some(role) = &speaker.role {
            let _ = write!(who, ", {}", ar(role));
        }
    }
    if anonymous {
        who.push_str(" (anonymous)");
    }
    if !a.via.is_empty() {
        let _ = write!(who, " via {}", names(&a.via));
    }
    if a.inherited {
        who.push_str(" (continued)");
    }
    who
}

fn names(v: &[Entity]) -> String {
    if v.is_empty() {
        return "—".to_string();
    }
    ar(&v.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join("، ")).into_owned()
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn hedge(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact | Qualifier::Vague | Qualifier::Range => "",
        Qualifier::About => "~",
        Qualifier::MoreThan => ">",
        Qualifier::AtLeast => ">=",
        Qualifier::UpTo => "<=",
        Qualifier::LessThan => "<",
    }
}

fn status(s: CasualtyStatus) -> &'static str {
    match s {
        CasualtyStatus::Killed => "killed",
        CasualtyStatus::Wounded => "wounded",
        CasualtyStatus::Captured => "captured",
        CasualtyStatus::Missing => "missing",
    }
}

fn group(g: CasualtyGroup) -> &'static str {
    match g {
        CasualtyGroup::Soldiers => "soldiers",
        CasualtyGroup::Militants => "militants",
        CasualtyGroup::Civilians => "civilians",
        CasualtyGroup::Mixed => "mixed",
        CasualtyGroup::Unknown => "",
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

/// A right-to-left letter: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A letter of a left-to-right script, or an ASCII digit.
fn is_ltr(c: char) -> bool {
    c.is_ascii_digit() || (c.is_alphabetic() && !is_rtl(c))
}

/// Characters that continue a Latin run between two of its letters or digits ("F-16", "U.S.",
/// "Le Monde", "10 Downing Street").
fn joins_ltr(c: char) -> bool {
    matches!(c, ' ' | '.' | ',' | '-' | '/' | ':' | '%' | '+' | '\'' | '&' | '_')
}

/// An Arabic value for an English line: the whole value isolated, and its Latin runs isolated
/// inside it. Text without a right-to-left letter is returned as it is.
pub fn ar(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_rtl) {
        return Cow::Borrowed(s);
    }
    let inner = isolate_ltr_runs(s);
    Cow::Owned(format!("{FSI}{inner}{PDI}"))
}

/// Wraps every run of left-to-right letters (with the digits and joining punctuation between
/// them) in FSI … PDI. Runs of digits alone are left as they are: the bidi algorithm already
/// shows numbers in Arabic text correctly.
pub fn isolate_ltr_runs(s: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_ltr(c) {
            continue;
        }
        // Extend the run over LTR characters and joiners; it ends at its last LTR character.
        let mut end = start + c.len_utf8();
        let mut has_letter = c.is_alphabetic();
        while let Some(&(i, d)) = chars.peek() {
            if is_ltr(d) {
                end = i + d.len_utf8();
                has_letter |= d.is_alphabetic();
            } else if !joins_ltr(d) {
                break;
            }
            chars.next();
        }
        if has_letter {
            out.push_str(&s[copied..start]);
            out.push(FSI);
            out.push_str(&s[start..end]);
            out.push(PDI);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_runs_inside_arabic_are_isolated() {
        assert_eq!(isolate_ltr_runs("أرسلت مقاتلات F-16 إلى الجبهة"), "أرسلت مقاتلات \u{2068}F-16\u{2069} إلى الجبهة");
        assert_eq!(isolate_ltr_runs("قالت صحيفة Le Monde، أمس"), "قالت صحيفة \u{2068}Le Monde\u{2069}، أمس");
        // Digits alone, and punctuation after a run, stay outside.
        assert_eq!(isolate_ltr_runs("وصل 10,000 جندي"), "وصل 10,000 جندي");
        assert_eq!(isolate_ltr_runs("(AFP). ثم"), "(\u{2068}AFP\u{2069}). ثم");
    }

    #[test]
    fn arabic_values_are_isolated_and_latin_text_is_left_alone() {
        assert_eq!(ar("كورسك"), "\u{2068}كورسك\u{2069}");
        assert_eq!(ar("Kursk 2024"), "Kursk 2024");
        assert_eq!(ar(""), "");
    }
}
