//! Actors: people, bodies, countries and outlets that act or speak.
//!
//! Three sources, in this order:
//! 1. the lexicon (countries by name or nationality adjective, organizations, armed forces and
//!    groups, outlets, people by name or by a title they held in the publication year);
//! 2. the `body` rules: a noun of `data/bodies.tsv` and a nationality adjective make a body
//!    ("وزارة الدفاع الروسية" → `defence-ministry:RU`), and the bare noun later refers back to
//!    it ("وكالة الاستخبارات");
//! 3. the `person` rules: a title of `data/titles.tsv` introduces a name
//!    ("الرئيس الأوكراني فولوديمير زيلينسكي", "المتحدث باسم وزارة الخارجية، فيدانت باتيل"); the
//!    surname alone later refers to the same person ("باتيل").

use super::Context;
use super::entity::{EntityTable, Item, derived_id};
use super::words::{can_be_name, is_name_joiner};
use crate::lexicon::{Form, Kind, Lexicon};
use crate::normalize::fold_name;
use crate::rules::{Input, Rule, RuleSet, Vars, alternation, common_vars, squash};
use crate::table::Table;
use regex::Captures;
use std::collections::HashMap;
use std::ops::Range;

/// A body noun of `data/bodies.tsv`.
#[derive(Debug)]
struct Body {
    id: String,
    kind: &'static str,
}

/// What the rules look things up in.
pub(crate) struct Lookup {
    bodies: Vec<Body>,
    /// Folded body noun (and its ل-contracted form) → index into `bodies`.
    body_by_name: HashMap<String, usize>,
    /// Folded nationality adjective → country id.
    adjective: HashMap<String, String>,
    /// Folded title → takes a body before the name.
    title_takes_body: HashMap<String, bool>,
}

/// A body named by a noun and (maybe) a nationality.
#[derive(Debug, Clone)]
pub(crate) struct BodyFound {
    body: usize,
    country: Option<String>,
}

/// A person introduced by a title.
#[derive(Debug, Clone)]
pub(crate) struct PersonFound {
    /// The title phrase ("المتحدث باسم وزارة الخارجية").
    role: Range<usize>,
    /// The name ("فيدانت باتيل"), if one follows.
    name: Option<Range<usize>>,
    country: Option<String>,
    /// Where the words read after the title end: a title inside them is not read again.
    rest_end: usize,
}

/// The compiled actor rules.
pub(crate) struct ActorRules {
    lookup: Lookup,
    bodies: RuleSet<Lookup, BodyFound>,
    people: RuleSet<Lookup, PersonFound>,
}

static BODY_RULES: &[Rule<Lookup, BodyFound>] = &[
    Rule {
        name: "body + nationality (وزارة الدفاع الروسية)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<body>{{body}})\s+(?P<adj>{{adjective}})){{>}}",
        prod: body_with_nationality,
    },
    Rule {
        name: "bare body referring back (وكالة الاستخبارات)",
        pattern: r"{{<}}{{clitic}}(?P<m>(?P<body>{{body}})){{>}}",
        prod: bare_body,
    },
];

static PERSON_RULES: &[Rule<Lookup, PersonFound>] = &[Rule {
    name: "title + name (الرئيس الأوكراني فولوديمير زيلينسكي)",
    // Only the title (and its nationality): the words after it are read by `title_and_name`,
    // a bounded repetition of a large class here would make the regex slow.
    pattern: r#"{{<}}{{clitic}}(?P<m>(?P<title>{{title}})(?:\s+(?P<adj>{{adjective}}))?){{>}}"#,
    prod: title_and_name,
}];

fn body_with_nationality(c: &Captures<'_>, i: &Input<'_, Lookup>) -> Option<BodyFound> {
    let body = *i.data.body_by_name.get(&squash(i.group(c, "body")?))?;
    let country = i.data.adjective.get(&squash(i.group(c, "adj")?))?.clone();
    Some(BodyFound { body, country: Some(country) })
}

fn bare_body(c: &Captures<'_>, i: &Input<'_, Lookup>) -> Option<BodyFound> {
    let body = *i.data.body_by_name.get(&squash(i.group(c, "body")?))?;
    Some(BodyFound { body, country: None })
}

/// Reads the role words after a title, then the name.
fn title_and_name(c: &Captures<'_>, input: &Input<'_, Lookup>) -> Option<PersonFound> {
    let l = input.data;
    let title = c.name("title")?;
    let takes_body = *l.title_takes_body.get(&squash(input.group(c, "title")?))?;
    let country = input.group(c, "adj").and_then(|a| l.adjective.get(&squash(a)).cloned());
    let role_end = c.name("adj").map_or(title.end(), |a| a.end());
    let rest = rest_after(input.text, role_end)?;
    // Found even without a name: the words read after the title are not read again.
    let (role_end, name) = match read_role_and_name(input.text, takes_body, role_end, &rest) {
        Some((role_end, name)) => (role_end, Some(name)),
        None => (role_end, None),
    };
    Some(PersonFound { role: title.start()..role_end, name, country, rest_end: rest.end })
}

/// The role words after a title that takes a body, then the name; the end of the role and the
/// name's range.
fn read_role_and_name(text: &str, takes_body: bool, mut role_end: usize, rest: &Range<usize>) -> Option<(usize, Range<usize>)> {
    let rest_text = &text[rest.clone()];
    // Words of `rest` with their absolute ranges, and whether a comma precedes each.
    let mut words: Vec<(Range<usize>, &str, bool)> = Vec::new();
    let mut comma = false;
    let mut at = rest.start;
    for piece in rest_text.split_inclusive([' ', ',']) {
        let word = piece.trim_end_matches([' ', ',']);
        if !word.is_empty() {
            words.push((at..at + word.len(), word, comma));
            comma = false;
        }
        if piece.ends_with(',') {
            comma = true;
        }
        at += piece.len();
    }
    let mut i = 0;
    if takes_body {
        // The role runs over the body it names: definite nouns and adjectives, "باسم", and
        // the nouns that head bodies, up to a comma.
        while i < words.len() && !words[i].2 && is_role_word(words[i].1) {
            role_end = words[i].0.end;
            i += 1;
        }
        if i == 0 {
            return None;
        }
    }
    // The name: up to three parts, a part being a word or a joiner and a word.
    let first = i;
    let mut parts = 0;
    while i < words.len() && parts < 3 {
        let (_, w, comma_before) = words[i];
        if (comma_before && i > first) || !can_be_name(w) {
            break;
        }
        if i == first && w.starts_with("ال") {
            return None; // "الرئيس الروسي الأسبق": no name here
        }
        if is_name_joiner(w) && i + 1 < words.len() && !words[i + 1].2 {
            i += 1;
        }
        i += 1;
        parts += 1;
    }
    if parts == 0 {
        return None;
    }
    Some((role_end, words[first].0.start..words[i - 1].0.end))
}

/// The words a title may introduce: from `from` up to 120 characters, not past a sentence or
/// quotation mark, ending at a word's end (None when there is no word).
fn rest_after(text: &str, from: usize) -> Option<Range<usize>> {
    const STOP: &[char] = &['.', '!', '?', ';', ':', '«', '»', '"', '“', '”', '(', ')', '\n'];
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut best = None;
    for (n, (i, ch)) in text[from..].char_indices().enumerate() {
        if n == 120 || STOP.contains(&ch) {
            break;
        }
        let end = from + i + ch.len_utf8();
        // The rest may end here when what follows is no letter, digit or _.
        if !text[end..].chars().next().is_some_and(is_word) {
            best = Some(end);
        }
    }
    best.map(|e| from..e)
}

/// Words that continue a role before the name: "باسم", definite words, nouns heading bodies.
fn is_role_word(w: &str) -> bool {
    const HEADS: &[&str] = &[
        "باسم",
        "وزاره",
        "جهاز",
        "هييه",
        "مجلس",
        "وكاله",
        "حركه",
        "حزب",
        "جماعه",
        "منظمه",
        "لجنه",
        "مكتب",
        "لشوون",
        "شوون",
        "قوات",
        "اركان",
        "دايره",
    ];
    HEADS.contains(&w) || ((w.starts_with("ال") || w.starts_with("لل")) && can_be_name(w))
}

impl ActorRules {
    pub(crate) fn new(lexicon: &Lexicon) -> ActorRules {
        let bodies_table = Table::parse("bodies.tsv", include_str!("../../data/bodies.tsv")).expect("bodies.tsv is checked by tests");
        let titles_table = Table::parse("titles.tsv", include_str!("../../data/titles.tsv")).expect("titles.tsv is checked by tests");

        let mut bodies = Vec::new();
        let mut body_by_name = HashMap::new();
        for row in bodies_table.rows() {
            let kind = if row.get("kind") == "armed_force" { "armed_force" } else { "organization" };
            let index = bodies.len();
            bodies.push(Body { id: row.get("id").to_string(), kind });
            for name in std::iter::once(row.get("name")).chain(row.list("aliases")) {
                let folded = fold_name(name);
                if let Some(rest) = folded.strip_prefix("ال") {
                    body_by_name.entry(format!("ل{rest}")).or_insert(index);
                }
                body_by_name.entry(folded).or_insert(index);
            }
        }
        let title_takes_body: HashMap<String, bool> =
            titles_table.rows().map(|r| (fold_name(r.get("title")), r.get("takes") == "body")).collect();

        let mut adjective = HashMap::new();
        for e in lexicon.entries().iter().filter(|e| e.kind == Kind::Country) {
            for a in &e.adjectives {
                adjective.entry(fold_name(a)).or_insert_with(|| e.id.clone());
            }
        }

        let mut vars: Vars = common_vars();
        vars.insert("body", alternation(body_by_name.keys().map(String::as_str)));
        vars.insert("title", alternation(title_takes_body.keys().map(String::as_str)));
        // The contracted body forms (لقوات) follow a ل clitic.
        vars.insert("clitic", "(?:[وف]?[بلك]?)".to_string());
        let lookup = Lookup { bodies, body_by_name, adjective, title_takes_body };
        ActorRules { bodies: RuleSet::new(BODY_RULES, &vars), people: RuleSet::new(PERSON_RULES, &vars), lookup }
    }

    /// Folded nationality adjective → country id.
    pub(crate) fn adjectives(&self) -> &HashMap<String, String> {
        &self.lookup.adjective
    }
}

/// Finds every actor of the text and records it in `table`.
pub(crate) fn find(ctx: &Context<'_>, rules: &ActorRules, table: &mut EntityTable) {
    let year = ctx.anchor.map(|d| d.year());
    // Countries the document names: a name two bodies share goes to the one of these.
    let named: std::collections::HashSet<&str> = ctx
        .lex
        .iter()
        .flat_map(|m| m.targets.iter().map(|t| ctx.lexicon.entry(t.entry)))
        .filter(|e| e.kind == Kind::Country)
        .map(|e| e.id.as_str())
        .collect();
    let mut lexicon_people: Vec<(Range<usize>, usize)> = Vec::new();
    for m in &ctx.lex {
        let entries: Vec<_> = m.targets.iter().map(|t| (ctx.lexicon.entry(t.entry), t.form)).collect();
        let mut picked = pick_actor_targets(&entries, ctx.text(&m.range), year);
        if picked.is_empty() {
            // "حزب العدالة والتنمية" in an article about Turkey is the AKP.
            let of_named: Vec<_> = entries
                .iter()
                .copied()
                .filter(|(e, f)| e.kind.is_actor() && *f == Form::Name && e.country.as_deref().is_some_and(|c| named.contains(c)))
                .collect();
            if of_named.len() == 1 {
                picked = of_named;
            }
        }
        for (e, form) in picked {
            if e.common_word && !has_cue(ctx, &m.range, e.kind) {
                continue;
            }
            if matches!(e.kind, Kind::Organization) && after_minister(ctx, &m.range) {
                continue;
            }
            // Countries by name are places too where the text puts something in them ("في سوريا",
            // "إلى العراق"); cities and regions are handled by `location`.
            let place = e.kind == Kind::Country && form == Form::Name && is_locative(ctx, &m.range);
            let i = table.add_entry(e, m.range.clone(), true, place);
            if e.kind == Kind::Person {
                lexicon_people.push((m.range.clone(), i));
            }
        }
    }

    // Bodies: in text order, so that a bare noun refers back to the last full form before it.
    let mut last_of_body: HashMap<usize, usize> = HashMap::new();
    let input = Input { text: ctx.folded, data: &rules.lookup };
    for f in rules.bodies.find(&ctx.tagged, &input) {
        let body = &rules.lookup.bodies[f.value.body];
        let covered = table.at(&f.range).iter().any(|&i| table.items[i].kind != "country");
        if after_minister(ctx, &f.range) {
            continue; // "وزير الخارجية التركي" names the minister, not the ministry
        }
        match &f.value.country {
            Some(country) if !covered => {
                let id = format!("{}:{country}", body.id);
                let name = ctx.original(&f.range).to_string();
                let i = table.get_or_insert(&id, || Item::found(id.clone(), name, body.kind, Some(country.clone())));
                table.add_mention(i, f.range.clone(), true, false);
                last_of_body.insert(f.value.body, i);
            }
            Some(_) => {}
            None => {
                if let Some(&i) = last_of_body.get(&f.value.body) {
                    table.add_mention(i, f.range.clone(), true, false);
                }
            }
        }
    }

    // People introduced by a title.
    let mut read_to = 0;
    for f in rules.people.find(&ctx.tagged, &input) {
        let p = &f.value;
        if f.range.start < read_to {
            continue; // a title among the words read after another
        }
        read_to = p.rest_end;
        let Some(name_range) = &p.name else { continue };
        // A known person named after the title, or named by the title itself ("الرئيس الروسي"
        // in 2024: then what follows is not a name, as in "الرئيس الروسي لتدخل حيز التنفيذ").
        if let Some(i) = person_overlapping(&lexicon_people, name_range).or_else(|| person_overlapping(&lexicon_people, &p.role)) {
            table.roles.push((p.role.clone(), i));
            continue;
        }
        // A name that is a known non-person ("الرئيس الأمريكي جو بايدن" is a person, "وزير
        // الخارجية الأمريكي" + "الولايات المتحدة" is not).
        if ctx.lex_overlaps(name_range) {
            continue;
        }
        let folded_name = ctx.text(name_range).to_string();
        let id = derived_id("person", &folded_name);
        let name = ctx.original(name_range).to_string();
        let new = table.find(&id).is_none();
        let i = table.get_or_insert(&id, || Item::found(id.clone(), name, "person", p.country.clone()));
        table.add_mention(i, name_range.clone(), true, false);
        table.roles.push((p.role.clone(), i));
        if new {
            add_surname_mentions(ctx, table, i, name_range);
        }
    }
}

/// True when `range` completes a minister's title: "وزير الخارجية التركي", "وزير الشؤون
/// الخارجية", "لوزيرة الدفاع". The ministry named there does not act.
fn after_minister(ctx: &Context<'_>, range: &Range<usize>) -> bool {
    let mut at = crate::normalize::word_start(ctx.folded, range.start);
    for _ in 0..2 {
        let before = ctx.folded[..at].trim_end();
        let start = crate::normalize::word_start(before, before.len());
        let word = &before[start..];
        let bare = word.trim_start_matches(['و', 'ف']);
        let bare = bare.strip_prefix('ل').or_else(|| bare.strip_prefix('ب')).unwrap_or(bare);
        if matches!(bare, "وزير" | "وزيره" | "زير" | "زيره") || matches!(word, "وزير" | "وزيره" | "لوزير" | "لوزيره" | "ووزير" | "بوزير")
        {
            return true;
        }
        if !matches!(bare, "الشوون" | "شوون" | "لشوون") {
            return false;
        }
        at = start;
    }
    false
}

/// The person of a lexicon match overlapping `r` (`people` is in text order, not overlapping).
fn person_overlapping(people: &[(Range<usize>, usize)], r: &Range<usize>) -> Option<usize> {
    let at = people.partition_point(|(p, _)| p.end <= r.start);
    people.get(at).filter(|(p, _)| p.start < r.end).map(|&(_, i)| i)
}

/// Later mentions of a person by surname alone ("فيدانت باتيل" … "باتيل").
fn add_surname_mentions(ctx: &Context<'_>, table: &mut EntityTable, person: usize, name: &Range<usize>) {
    let text = ctx.text(name);
    let Some(surname) = text.rsplit(' ').next().filter(|_| text.contains(' ')) else { return };
    if surname.chars().count() < 3 || !can_be_name(surname) {
        return;
    }
    let mut from = name.end;
    while let Some(at) = ctx.folded[from..].find(surname) {
        let start = from + at;
        let end = start + surname.len();
        from = end;
        let word_start = crate::normalize::word_start(ctx.folded, start);
        let after_ok = !ctx.folded[end..].chars().next().is_some_and(crate::normalize::is_word_char);
        if after_ok && crate::lexicon::is_clitic_prefix(&ctx.folded[word_start..start]) {
            table.add_mention(person, start..end, true, false);
        }
    }
}

/// Of the entries a matched name stands for, the actors to record: a person's title resolves
/// to whoever held it in the publication year; a shared name prefers a country.
fn pick_actor_targets<'e>(
    entries: &[(&'e crate::lexicon::Entry, Form)],
    matched: &str,
    year: Option<i16>,
) -> Vec<(&'e crate::lexicon::Entry, Form)> {
    let actors: Vec<_> = entries.iter().copied().filter(|(e, _)| e.kind.is_actor()).collect();
    if actors.is_empty() {
        return actors;
    }
    if actors.iter().all(|(_, f)| *f == Form::Role) {
        let held: Vec<_> = actors
            .iter()
            .copied()
            .filter(|(e, _)| {
                // The title as matched ("الرئيس الروسي"; ل-contracted forms are rare for titles).
                let this_title = e.roles.iter().filter(|r| fold_name(&r.title) == matched);
                let mut held = this_title.clone().any(|r| year.map_or(r.to.is_none(), |y| r.held_in(y)));
                held &= this_title.count() > 0;
                held
            })
            .collect();
        return if held.len() == 1 { held } else { Vec::new() };
    }
    if let Some(&c) = actors.iter().find(|(e, _)| e.kind == Kind::Country) {
        return vec![c];
    }
    if actors.len() == 1 {
        return actors;
    }
    // Several entries share this name: take the one not marked ambiguous, if exactly one.
    let clear: Vec<_> = actors.iter().copied().filter(|(e, _)| !e.ambiguous).collect();
    if clear.len() == 1 { clear } else { Vec::new() }
}

/// Words before a name that put something in, into, out of or near a place (folded: إلى is
/// الي).
const LOCATIVES: &[&str] = &[
    "في",
    "الي",
    "من",
    "داخل",
    "خارج",
    "عبر",
    "نحو",
    "قرب",
    "بالقرب",
    "اراضي",
    "حدود",
    "انحاء",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "وسط",
    "اجواء",
    "مياه",
    "سواحل",
    "عمق",
    "باتجاه",
    "تجاه",
    "مدن",
    "محافظات",
    "مناطق",
];

/// True when the name at `range` is a place in its sentence: after a locative word (في،
/// إلى، داخل، شمال…) or glued to ب ("بسوريا").
pub(crate) fn is_locative(ctx: &Context<'_>, range: &Range<usize>) -> bool {
    let prefix = &ctx.folded[crate::normalize::word_start(ctx.folded, range.start)..range.start];
    if prefix.contains('ب') {
        return true;
    }
    let before = ctx.folded[..range.start - prefix.len()].trim_end();
    let word = &before[crate::normalize::word_start(before, before.len())..];
    let word = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')).filter(|w| w.len() > 2).unwrap_or(word);
    let word = word.strip_prefix('ب').filter(|w| w.len() > 4).unwrap_or(word);
    LOCATIVES.contains(&word)
}

/// Nouns that say an outlet's name follows ("قناة العربية").
const MEDIA_CUES: &[&str] = &["قناه", "صحيفه", "وكاله", "موقع", "جريده", "شبكه", "مجله", "اذاعه", "تلفزيون", "محطه", "فضاييه"];
/// Nouns that say a place's name follows ("مدينة سلام").
const PLACE_CUES: &[&str] = &[
    "مدينه",
    "مدينتي",
    "قريتي",
    "بلدتي",
    "محافظتي",
    "منطقتي",
    "سهل",
    "بلده",
    "قريه",
    "محافظه",
    "منطقه",
    "مخيم",
    "ولايه",
    "اقليم",
    "مقاطعه",
    "حي",
    "ريف",
    "ناحيه",
    "قضاء",
    "مركز",
    "جزيره",
    "ميناء",
    "مطار",
    "معبر",
    "جبل",
    "وادي",
    "نهر",
    "بحيره",
];

/// For names that are also everyday words: a cue noun before the name, or opening the matched
/// form itself ("قناة العربية", "صحيفة الحياة", "مدينة سلام").
pub(crate) fn has_cue(ctx: &Context<'_>, range: &Range<usize>, kind: Kind) -> bool {
    let cues = if kind == Kind::Media {
        MEDIA_CUES
    } else if kind.is_place() {
        PLACE_CUES
    } else {
        &[]
    };
    // A place's name follows its noun in construct state ("مدينة الخضراء"); after the noun with
    // the article comes an adjective ("المدينة الخضراء", "المحافظة الجديد").
    let article_ok = !kind.is_place();
    let is_cue = |word: &str| {
        let word = word.strip_prefix('و').filter(|w| w.len() > 2).unwrap_or(word);
        let word = word
            .strip_prefix("ال")
            .filter(|_| article_ok)
            .or_else(|| word.strip_prefix('ب'))
            .or_else(|| word.strip_prefix('ل'))
            .unwrap_or(word);
        cues.contains(&word)
    };
    let first = ctx.text(range).split(' ').next().unwrap_or("");
    let before = ctx.folded[..range.start].trim_end();
    is_cue(first) || is_cue(&before[crate::normalize::word_start(before, before.len())..])
}
