//! No input may panic or hang the library, and every span it reports must be a valid slice of
//! the input whose text is what the document says.

use khabar::{Document, Options, Span};
use proptest::prelude::*;

/// Checks one (text, span) pair against the input.
fn check(input: &str, text: &str, span: &Span, what: &str) {
    assert!(span.start <= span.end && span.end <= input.len(), "{what}: span {span:?} out of the input ({} bytes)", input.len());
    assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end), "{what}: span {span:?} not on char boundaries");
    assert_eq!(&input[span.start..span.end], text, "{what}: text differs from the input slice");
    let line = input[..span.start].matches('\n').count() + 1;
    assert_eq!(span.line, line, "{what}: wrong line");
    let line_start = input[..span.start].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(span.column, input[line_start..span.start].chars().count() + 1, "{what}: wrong column");
}

fn check_entity(input: &str, e: &khabar::Entity, what: &str) {
    for m in &e.mentions {
        check(input, &m.text, &m.span, what);
    }
}

/// Every span of a document.
pub fn check_document(input: &str, doc: &Document) {
    for c in &doc.claims {
        check(input, &c.text, &c.span, "claim");
        if let Some(a) = &c.attribution {
            check_entity(input, &a.source, "source");
            for v in &a.via {
                check_entity(input, v, "via");
            }
        }
    }
    for e in doc.actors.iter().chain(&doc.locations) {
        check_entity(input, e, "entity");
    }
    for d in &doc.dates {
        check(input, &d.text, &d.span, "date");
    }
    for t in &doc.troops {
        check(input, &t.text, &t.span, "troop");
    }
    for k in &doc.casualties {
        check(input, &k.text, &k.span, "casualty");
    }
    for w in &doc.warnings {
        assert!(w.span.end <= input.len() && input.is_char_boundary(w.span.start) && input.is_char_boundary(w.span.end));
    }
}

fn run(input: &str) {
    let options = Options::new().published("2024-11-13").unwrap();
    let doc = khabar::extract(input, &options);
    check_document(input, &doc);
}

/// Arabic news-like material: letters, diacritics, digits of three scripts, punctuation,
/// quotes, bidi and zero-width controls, presentation forms, cue words.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال",
        "وأضاف",
        "بحسب",
        "فرانس برس",
        "بوتين",
        "وزارة الدفاع الروسية",
        "أمس",
        "الثلاثاء",
        "10",
        "آلاف",
        "جندي",
        "مقتل",
        "7",
        "جنود",
        "ليبيين",
        "١٠٬٠٠٠",
        "۱۲",
        "يونيو/حزيران",
        "الماضي",
        "2022",
        "،",
        ".",
        "؟",
        "«",
        "»",
        "\"",
        "“",
        "”",
        ":",
        "\n",
        " ",
        "  ",
        "\u{064E}",
        "\u{0651}",
        "\u{0640}",
        "\u{200F}",
        "\u{202B}",
        "\u{2066}",
        "\u{200B}",
        "\u{FEFF}",
        "\u{FEFB}",
        "أ",
        "إ",
        "آ",
        "ة",
        "ى",
        "ئ",
        "ؤ",
        "پ",
        "ک",
        "ی",
        "- ",
        "• ",
        "1. ",
        "منطقة",
        "مدينة",
        "كورسك",
        "27-28",
        "أكتوبر",
        "أكثر من",
        "ما يصل إلى",
        "بين",
        "و",
        "للجيش",
        "بالاستعانة",
        "الرئيس الأوكراني",
        "فولوديمير زيلينسكي",
        "\r\n",
        "\t",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        run(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_unicode_never_panics(s in "\\PC{0,200}") {
        run(&s);
    }

    #[test]
    fn news_like_text_keeps_valid_spans(s in arabicish()) {
        run(&s);
    }

    #[test]
    fn combining_marks_and_controls(s in "[\u{064B}-\u{065F}\u{0670}\u{0640}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}ا-ي ]{0,200}") {
        run(&s);
    }
}

#[test]
fn only_diacritics() {
    run(&"\u{064E}\u{0651}\u{0652}".repeat(10_000));
}

#[test]
fn a_one_megabyte_line() {
    let sentence = "قال الرئيس الروسي فلاديمير بوتين أمس إن 10 آلاف جندي كوري شمالي وصلوا إلى منطقة كورسك، بحسب فرانس برس، ";
    let mut s = String::new();
    while s.len() < 1_000_000 {
        s.push_str(sentence);
    }
    run(&s);
}

#[test]
fn empty_and_blank_inputs() {
    for s in ["", " ", "\n\n", ".", "«»", "\u{200F}"] {
        run(s);
    }
}
