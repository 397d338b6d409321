//! khabar (خبر, "news") reads Arabic news text and turns it into structured, source-attributed
//! claims: who said what, about which actors, how many troops, when and where.
//!
//! # Overview
//!
//! [`extract`] takes one text and returns a [`Document`]: the claims (each with its
//! [`Attribution`]: source, speaker and role, relaying outlets), the actors and locations
//! (deduplicated, with canonical ids: ISO codes for countries, lexicon ids, GeoNames ids), the
//! dates (resolved to ISO values against the publication date), and the troop and casualty
//! figures. Every finding carries a [`Span`] of byte offsets into the original text, so that
//! `&text[span.start..span.end]` is exactly what was found.
//!
//! Matching happens on a folded form of the text ([`Normalized`]): diacritics, tatweel, hamza
//! and letter variants, Arabic-Indic digits and invisible controls are folded once, so that
//! "أكّدت الـوزارةُ ١٠ آلاف" and "اكدت الوزارة 10 الاف" read alike.
//!
//! # Usage
//!
//! ```
//! use khabar::{extract, Options};
//!
//! let text = "قال الرئيس الأوكراني فولوديمير زيلينسكي أمس إن روسيا نشرت 10 آلاف جندي كوري شمالي.";
//! let options = Options::new().published("2024-11-13")?;
//! let doc = extract(text, &options);
//!
//! assert_eq!(doc.dates[0].value.as_deref(), Some("2024-11-12"));
//! assert_eq!(doc.troops[0].count, Some(10_000));
//! assert_eq!(doc.troops[0].actor.as_ref().map(|a| a.id.as_str()), Some("KP"));
//! let claim = &doc.claims[0];
//! assert_eq!(claim.attribution.as_ref().unwrap().source.name, "فولوديمير زيلينسكي");
//! # Ok::<(), khabar::Error>(())
//! ```
//!
//! To add names without recompiling, build an [`Extractor`] with extra lexicon folders
//! ([`Extractor::with_lexicon_dirs`]); the command line's `--lexicon DIR` does this.
//!
//! # Features of the text it understands
//!
//! See `SPEC.md` §3: clitics (وبوتين، للجيش), nationality adjectives in every form, titles and
//! roles, month names of every region (يونيو، حزيران، جوان), relative dates, number words
//! (عشرة آلاف، ألفي), hedges (أكثر من، ما يصل إلى), and attribution cues in every conjugation.

#![deny(missing_docs)]

pub mod document;
mod error;
pub mod extract;
mod lexicon;
mod normalize;
pub mod number;
mod rules;
pub mod segment;
mod span;
mod table;

pub use document::{
    Attribution, Calendar, Casualty, CasualtyGroup, CasualtyStatus, Claim, DateMention, Document, Entity, Grain, Mention, Mode, Qualifier,
    Source, Speaker, TroopCount, Warning,
};
pub use error::Error;
pub use extract::EXTRACTORS;
pub use jiff::civil::Date;
pub use lexicon::{Entry, Form, Kind, LexMatch, Lexicon, Role, Target};
pub use normalize::{Normalized, fold_name, fold_pattern};
pub use span::Span;

use std::path::Path;
use std::sync::LazyLock;

/// Settings for one extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The publication date: the anchor for relative dates ("أمس", "الشهر الماضي"). Without it,
    /// a dateline in the text is used; failing that, relative dates get no value and a warning.
    pub published: Option<Date>,
}

impl Options {
    /// Default options: no publication date.
    pub fn new() -> Options {
        Options::default()
    }

    /// Sets the publication date from `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// When `date` is not a valid `YYYY-MM-DD` date.
    pub fn published(mut self, date: &str) -> Result<Options, Error> {
        self.published = Some(parse_date(date)?);
        Ok(self)
    }
}

/// Parses `YYYY-MM-DD`.
///
/// # Errors
///
/// When `s` is not a valid date in that form.
pub fn parse_date(s: &str) -> Result<Date, Error> {
    let t = s.trim();
    let ok_shape = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
    if !ok_shape {
        return Err(Error::date(s, "expected YYYY-MM-DD"));
    }
    t.parse::<Date>().map_err(|e| Error::date(s, e.to_string()))
}

/// The compiled rules of every extractor (built once per lexicon).
pub(crate) struct Rules {
    pub(crate) actor: extract::actor::ActorRules,
    pub(crate) location: extract::location::LocationRules,
    pub(crate) date: extract::date::DateRules,
    pub(crate) troop: extract::troop::TroopRules,
    pub(crate) casualty: extract::casualty::CasualtyRules,
    pub(crate) attribution: extract::attribution::AttributionRules,
}

impl Rules {
    fn new(lexicon: &Lexicon) -> Rules {
        let actor = extract::actor::ActorRules::new(lexicon);
        let adjectives = actor.adjectives().clone();
        Rules {
            troop: extract::troop::TroopRules::new(adjectives.clone()),
            casualty: extract::casualty::CasualtyRules::new(adjectives),
            actor,
            location: extract::location::LocationRules::new(),
            date: extract::date::DateRules::new(),
            attribution: extract::attribution::AttributionRules::new(),
        }
    }
}

/// A lexicon with its compiled rules: build once, extract from many texts (it is `Sync`, so
/// threads may share it).
pub struct Extractor {
    lexicon: LexiconRef,
    rules: Rules,
}

enum LexiconRef {
    Builtin,
    Owned(Box<Lexicon>),
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor").field("lexicon", self.lexicon()).finish()
    }
}

static DEFAULT: LazyLock<Extractor> = LazyLock::new(Extractor::new);

impl Extractor {
    /// An extractor with the built-in lexicon.
    pub fn new() -> Extractor {
        Extractor { rules: Rules::new(Lexicon::builtin()), lexicon: LexiconRef::Builtin }
    }

    /// An extractor whose lexicon is the built-in one extended by the `*.tsv` files of `dirs`
    /// (same format as the built-in `data/` files; a user's entry replaces a built-in one with
    /// the same id).
    ///
    /// # Errors
    ///
    /// When a folder or file cannot be read or a file is malformed.
    pub fn with_lexicon_dirs(dirs: &[impl AsRef<Path>]) -> Result<Extractor, Error> {
        if dirs.is_empty() {
            return Ok(Extractor::new());
        }
        let lexicon = Lexicon::with_extra_dirs(dirs)?;
        Ok(Extractor { rules: Rules::new(&lexicon), lexicon: LexiconRef::Owned(Box::new(lexicon)) })
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        match &self.lexicon {
            LexiconRef::Builtin => Lexicon::builtin(),
            LexiconRef::Owned(l) => l,
        }
    }

    /// Extracts everything from `text`. Never fails and never panics: any text gives a document.
    pub fn extract(&self, text: &str, options: &Options) -> Document {
        extract::run(text, self.lexicon(), &self.rules, options.published)
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// Extracts everything from `text` with the built-in lexicon (compiled on first use).
pub fn extract(text: &str, options: &Options) -> Document {
    DEFAULT.extract(text, options)
}
