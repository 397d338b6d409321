//! The gazetteers of `data/`: countries, places, organizations, outlets and people, matched
//! all at once by one Aho–Corasick automaton over folded text.
//!
//! Arabic attaches the clitics و ف ب ل ك to the next word, and ل swallows the alef of the article
//! (ل + الجيش = للجيش). A match is accepted when it ends at a word end and what precedes it in its
//! word is such a clitic prefix: "وبوتين" and "للجيش" match بوتين and الجيش, "كورسكي" does not
//! match كورسك.
//!
//! ```
//! let lex = khabar::Lexicon::builtin();
//! let text = khabar::Normalized::new("وقال بوتين للجيش الروسي");
//! let found: Vec<&str> = lex.find(text.as_str()).iter().map(|m| &text.as_str()[m.range.clone()]).collect();
//! assert!(found.contains(&"بوتين"));
//! ```

use crate::error::Error;
use crate::normalize::{fold_name, is_word_char, word_start};
use crate::table::Table;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

/// The lexicon files built into the binary: (file name, contents).
pub(crate) const BUILTIN_FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("media.tsv", include_str!("../data/media.tsv")),
    ("organizations.tsv", include_str!("../data/organizations.tsv")),
    ("people.tsv", include_str!("../data/people.tsv")),
    ("places.tsv", include_str!("../data/places.tsv")),
];

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A state.
    Country,
    /// A province, governorate, oblast or other area.
    Region,
    /// A city, town or village.
    City,
    /// A sea, strait, crossing, base, camp or other named site.
    Site,
    /// An international body, ministry, agency, parliament, party, company.
    Organization,
    /// A state's armed forces.
    ArmedForce,
    /// A non-state armed group.
    ArmedGroup,
    /// A news agency, channel or newspaper.
    Media,
    /// A person.
    Person,
}

impl Kind {
    /// The name used in data files and in the output (`armed_force`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Region => "region",
            Kind::City => "city",
            Kind::Site => "site",
            Kind::Organization => "organization",
            Kind::ArmedForce => "armed_force",
            Kind::ArmedGroup => "armed_group",
            Kind::Media => "media",
            Kind::Person => "person",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "country" => Kind::Country,
            "region" => Kind::Region,
            "city" => Kind::City,
            "site" => Kind::Site,
            "organization" => Kind::Organization,
            "armed_force" => Kind::ArmedForce,
            "armed_group" => Kind::ArmedGroup,
            "media" => Kind::Media,
            "person" => Kind::Person,
            _ => return None,
        })
    }

    /// True for places (countries count as both places and actors).
    pub fn is_place(self) -> bool {
        matches!(self, Kind::Country | Kind::Region | Kind::City | Kind::Site)
    }

    /// True for actors: everything that can act or speak.
    pub fn is_actor(self) -> bool {
        !matches!(self, Kind::Region | Kind::City | Kind::Site)
    }
}

/// A title a person held, with the years they held it ("الرئيس الروسي" 2012–).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The title as written in the data file.
    pub title: String,
    /// First year held.
    pub from: Option<i16>,
    /// Last year held; `None` while still held.
    pub to: Option<i16>,
}

impl Role {
    /// True when the role was held in `year` (or when its years are not given).
    pub fn held_in(&self, year: i16) -> bool {
        self.from.is_none_or(|f| f <= year) && self.to.is_none_or(|t| year <= t)
    }
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable id: ISO code, `gn:<geonames id>`, or `<prefix>:<slug>`.
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 of its country.
    pub country: Option<String>,
    /// Canonical Arabic name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Other names (the canonical name excluded).
    pub aliases: Vec<String>,
    /// Countries: nationality adjectives.
    pub adjectives: Vec<String>,
    /// Countries: the id of the capital.
    pub capital: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// Population (places), to rank ambiguous names.
    pub population: Option<u64>,
    /// People: the titles they are introduced with.
    pub roles: Vec<Role>,
    /// The name is also an everyday word: take it only with a cue.
    pub common_word: bool,
    /// An alias is deliberately shared with another entry.
    pub ambiguous: bool,
}

impl Entry {
    /// Countries, actors, regions, and cities of a million people or more: names safe to find
    /// even when short and glued to a clitic.
    pub fn is_major(&self) -> bool {
        !matches!(self.kind, Kind::City | Kind::Site) || self.population.unwrap_or(0) >= 1_000_000
    }
}

/// How a lexicon match names its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// The canonical name or an alias: "روسيا", "روسيا الاتحادية".
    Name,
    /// A nationality adjective: "الروسية", "كوريين شماليين".
    Adjective,
    /// A person's title: "الرئيس الروسي".
    Role,
}

/// One (entry, form) that a matched string stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Index of the entry in [`Lexicon::entries`].
    pub entry: u32,
    /// How the string names it.
    pub form: Form,
}

/// A lexicon match in folded text.
#[derive(Debug, Clone)]
pub struct LexMatch {
    /// The matched name, clitics excluded, in folded-text bytes.
    pub range: Range<usize>,
    /// Every entry the string stands for (more than one when the name is shared).
    pub targets: Vec<Target>,
}

/// The loaded gazetteers and their automaton.
pub struct Lexicon {
    entries: Vec<Entry>,
    by_id: HashMap<String, u32>,
    /// Capital's id → its country's index.
    capitals: HashMap<String, u32>,
    /// Folded string → index into `targets`.
    by_name: HashMap<String, u32>,
    /// For each automaton pattern: the targets, and whether it is the contracted form of an
    /// article-initial name (الجيش → لجيش, valid only after ل).
    patterns: Vec<(Vec<Target>, bool)>,
    automaton: AhoCorasick,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("entries", &self.entries.len()).finish()
    }
}

/// Words that read as a clitic and a place name but are other words (ولاية is not و + the town
/// لائه): folded word → the clitic prefix that must not be split off it. From
/// `data/clitic_words.tsv`, generated with the places.
static CLITIC_WORDS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let table = Table::parse("clitic_words.tsv", include_str!("../data/clitic_words.tsv")).expect("clitic_words.tsv is checked by tests");
    table
        .rows()
        .filter_map(|r| {
            let (clitic, _) = r.get("split").split_once('+')?;
            Some((fold_name(r.get("word")), clitic.to_string()))
        })
        .collect()
});

/// True when `word` (folded) is another word, not `prefix` and a name ("ولاية", "و").
pub(crate) fn is_clitic_word(word: &str, prefix: &str) -> bool {
    !prefix.is_empty() && CLITIC_WORDS.get(word).is_some_and(|c| c == prefix)
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    let tables = BUILTIN_FILES.iter().map(|(name, text)| Table::parse(name, text).expect("built-in lexicons are checked by tests"));
    Lexicon::from_tables(tables, Vec::new()).expect("built-in lexicons are checked by tests")
});

impl Lexicon {
    /// The lexicon built into the binary, loaded on first use.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// The built-in lexicon extended by every `*.tsv` file in `dirs` (same format as `data/`).
    /// A user's entry replaces a built-in entry with the same id.
    ///
    /// # Errors
    ///
    /// When a folder or file cannot be read, or a file is malformed (the error names the file
    /// and line).
    pub fn with_extra_dirs(dirs: &[impl AsRef<Path>]) -> Result<Lexicon, Error> {
        let mut user = Vec::new();
        for dir in dirs {
            let dir = dir.as_ref();
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .map_err(|e| Error::io(dir, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                .collect();
            files.sort();
            for path in files {
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                let text = String::from_utf8(bytes).map_err(|e| Error::utf8(&path, e.utf8_error().valid_up_to()))?;
                user.push(Table::parse(&path.display().to_string(), &text)?);
            }
        }
        let builtin = BUILTIN_FILES.iter().map(|(name, text)| Table::parse(name, text)).collect::<Result<Vec<_>, _>>()?;
        Lexicon::from_tables(builtin.into_iter(), user)
    }

    fn from_tables(builtin: impl Iterator<Item = Table>, user: Vec<Table>) -> Result<Lexicon, Error> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_id: HashMap<String, u32> = HashMap::new();
        for (table, is_user) in builtin.map(|t| (t, false)).chain(user.into_iter().map(|t| (t, true))) {
            table.require(&["id", "kind", "name"])?;
            for row in table.rows() {
                let entry = read_entry(&row)?;
                match by_id.get(&entry.id) {
                    Some(&i) if is_user => entries[i as usize] = entry,
                    Some(_) => return Err(row.error(format!("duplicate id `{}`", entry.id))),
                    None => {
                        by_id.insert(entry.id.clone(), entries.len() as u32);
                        entries.push(entry);
                    }
                }
            }
        }

        let mut by_name: HashMap<String, u32> = HashMap::new();
        let mut patterns: Vec<(Vec<Target>, bool)> = Vec::new();
        let mut strings: Vec<String> = Vec::new();
        let mut add = |s: String, target: Target, contracted: bool| {
            if s.is_empty() {
                return;
            }
            let idx = *by_name.entry(s.clone()).or_insert_with(|| {
                strings.push(s.clone());
                patterns.push((Vec::new(), contracted));
                (patterns.len() - 1) as u32
            });
            let targets = &mut patterns[idx as usize].0;
            if !targets.contains(&target) {
                targets.push(target);
            }
        };
        for (i, e) in entries.iter().enumerate() {
            let names = std::iter::once(&e.name).chain(&e.aliases).map(|n| (n.as_str(), Form::Name));
            let adjectives = e.adjectives.iter().map(|n| (n.as_str(), Form::Adjective));
            let roles = e.roles.iter().map(|r| (r.title.as_str(), Form::Role));
            for (name, form) in names.chain(adjectives).chain(roles) {
                let folded = fold_name(name);
                let target = Target { entry: i as u32, form };
                // ل before the article drops its alef: الجيش → للجيش.
                if let Some(rest) = folded.strip_prefix("ال") {
                    if rest.chars().count() >= 2 {
                        add(format!("ل{rest}"), target, true);
                    }
                }
                add(folded, target, false);
            }
        }
        let capitals = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Kind::Country)
            .filter_map(|(i, e)| Some((e.capital.clone()?, i as u32)))
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&strings)
            .map_err(|e| Error::data("lexicon", 0, format!("cannot build the automaton: {e}")))?;
        Ok(Lexicon { entries, by_id, capitals, by_name, patterns, automaton })
    }

    /// Every entry, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at `index` (from a [`Target`]).
    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i as usize])
    }

    /// The country whose capital is the place with this id ("gn:524901" → Russia).
    pub fn country_of_capital(&self, place_id: &str) -> Option<&Entry> {
        self.capitals.get(place_id).map(|&i| &self.entries[i as usize])
    }

    /// Index of the entry with this id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The targets of a folded name, if the lexicon holds exactly that string.
    pub fn lookup(&self, folded: &str) -> &[Target] {
        match self.by_name.get(folded) {
            Some(&i) if !self.patterns[i as usize].1 => &self.patterns[i as usize].0,
            _ => &[],
        }
    }

    /// Every name of the lexicon in `folded` (text from [`crate::Normalized`]), longest first
    /// where they overlap, returned in text order.
    pub fn find(&self, folded: &str) -> Vec<LexMatch> {
        self.find_with_adjectives(folded).0
    }

    /// [`Lexicon::find`], and also every nationality adjective, including those inside a longer
    /// name ("الأوكراني" in the title "الرئيس الأوكراني"), longest first, in text order.
    pub fn find_with_adjectives(&self, folded: &str) -> (Vec<LexMatch>, Vec<Range<usize>>) {
        let bytes = folded.as_bytes();
        let mut candidates: Vec<(usize, usize, u32)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(folded) {
            let (start, end) = (m.start(), m.end());
            if !folded.is_char_boundary(start) || !folded.is_char_boundary(end) {
                continue;
            }
            if folded[end..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            let word_start = word_start(folded, start);
            let prefix = &folded[word_start..start];
            let (targets, contracted) = &self.patterns[m.pattern().as_usize()];
            let ok = if *contracted { matches!(prefix, "ل" | "ول" | "فل") } else { is_clitic_prefix(prefix) };
            let ok = ok && !is_clitic_word(&folded[word_start..end], prefix);
            // A short name of a minor place after a clitic is more often a word: فوراً is ف + ورا
            // (a town in Argentina), not "immediately" with a place in it.
            let ok = ok && (prefix.is_empty() || end - start > 6 || targets.iter().any(|t| self.entries[t.entry as usize].is_major()));
            // Names never start right after a digit ("2022م" is not a place called م).
            if ok && !(prefix.is_empty() && start > 0 && bytes[start - 1].is_ascii_digit()) {
                candidates.push((start, end, m.pattern().as_u32()));
            }
        }
        // Longest first, then leftmost; keep what does not overlap a longer pick.
        candidates.sort_by_key(|&(s, e, p)| (std::cmp::Reverse(e - s), s, p));
        let is_adjective = |p: u32| self.patterns[p as usize].0.iter().any(|t| t.form == Form::Adjective);
        let mut taken = vec![false; folded.len()];
        let mut adjective_taken = vec![false; folded.len()];
        let mut picked: Vec<(usize, usize, u32)> = Vec::new();
        let mut adjectives: Vec<Range<usize>> = Vec::new();
        for c in candidates {
            if !taken[c.0..c.1].iter().any(|&t| t) {
                taken[c.0..c.1].iter_mut().for_each(|t| *t = true);
                picked.push(c);
            }
            if is_adjective(c.2) && !adjective_taken[c.0..c.1].iter().any(|&t| t) {
                adjective_taken[c.0..c.1].iter_mut().for_each(|t| *t = true);
                adjectives.push(c.0..c.1);
            }
        }
        picked.sort_by_key(|&(s, _, _)| s);
        adjectives.sort_by_key(|r| r.start);
        let names = picked.into_iter().map(|(s, e, p)| LexMatch { range: s..e, targets: self.patterns[p as usize].0.clone() }).collect();
        (names, adjectives)
    }
}

/// The clitics that may stand before a name inside its word: an optional conjunction (و ف)
/// then an optional preposition (ب ل ك).
pub(crate) fn is_clitic_prefix(prefix: &str) -> bool {
    let mut chars = prefix.chars().peekable();
    if matches!(chars.peek(), Some('و' | 'ف')) {
        chars.next();
    }
    if matches!(chars.peek(), Some('ب' | 'ل' | 'ك')) {
        chars.next();
    }
    chars.next().is_none()
}

fn read_entry(row: &crate::table::Row<'_>) -> Result<Entry, Error> {
    let id = row.get("id").to_string();
    if id.is_empty() {
        return Err(row.error("empty `id`".to_string()));
    }
    let kind = Kind::parse(row.get("kind")).ok_or_else(|| row.error(format!("unknown kind {:?}", row.get("kind"))))?;
    let name = row.get("name").to_string();
    if fold_name(&name).is_empty() {
        return Err(row.error(format!("`{id}` has no name")));
    }
    let roles =
        row.list("roles").map(|r| parse_role(r).ok_or_else(|| row.error(format!("cannot read role {r:?}")))).collect::<Result<_, _>>()?;
    let flags: Vec<&str> = row.list("flags").collect();
    for f in &flags {
        if !matches!(*f, "common_word" | "ambiguous") {
            return Err(row.error(format!("unknown flag {f:?}")));
        }
    }
    Ok(Entry {
        id,
        kind,
        country: row.opt("country").map(str::to_string),
        name,
        name_en: row.opt("name_en").map(str::to_string),
        aliases: row.list("aliases").map(str::to_string).collect(),
        adjectives: row.list("adjectives").map(str::to_string).collect(),
        capital: row.opt("capital").map(str::to_string),
        lat: row.parse("lat")?,
        lon: row.parse("lon")?,
        geonames_id: row.parse("geonames_id")?,
        population: row.parse("population")?,
        roles,
        common_word: flags.contains(&"common_word"),
        ambiguous: flags.contains(&"ambiguous"),
    })
}

/// Reads `title`, `title@2012-` or `title@2008-2012`.
fn parse_role(s: &str) -> Option<Role> {
    let Some((title, years)) = s.split_once('@') else {
        return Some(Role { title: s.to_string(), from: None, to: None });
    };
    let (from, to) = years.split_once('-')?;
    let year = |y: &str| if y.trim().is_empty() { Ok(None) } else { y.trim().parse().map(Some) };
    Some(Role { title: title.trim().to_string(), from: year(from).ok()?, to: year(to).ok()? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_prefixes() {
        for ok in ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فك"] {
            assert!(is_clitic_prefix(ok), "{ok}");
        }
        for bad in ["ال", "بو", "لل", "x", "وو"] {
            assert!(!is_clitic_prefix(bad), "{bad}");
        }
    }

    #[test]
    fn clitic_words_are_not_split() {
        assert!(is_clitic_word("ولايه", "و"));
        assert!(!is_clitic_word("ولايه", ""));
        assert!(!is_clitic_word("وبغداد", "و"));
        let lex = Lexicon::builtin();
        let text = crate::Normalized::new("في ولاية بورنو");
        let found: Vec<&str> = lex.find(text.as_str()).iter().map(|m| &text.as_str()[m.range.clone()]).collect();
        assert!(!found.contains(&"لايه"), "{found:?}");
    }

    #[test]
    fn roles_parse_with_and_without_years() {
        let r = parse_role("الرئيس الروسي@2012-").unwrap();
        assert_eq!((r.from, r.to), (Some(2012), None));
        assert!(r.held_in(2024) && !r.held_in(2010));
        assert_eq!(parse_role("وزير@2008-2012").unwrap().to, Some(2012));
        assert!(parse_role("وزير@x-").is_none());
    }
}
