//! The output: one [`Document`] per input, serialized as the JSON contract `khabar/1`.
//!
//! Field names and meanings are the contract of SPEC.md §2 that tests, the evaluation script and
//! users' `jq` filters rely on: add fields freely, change or remove them only with a new schema
//! version. `khabar schema` prints the JSON Schema generated from these types.

use crate::span::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The schema identifier every document carries.
pub const SCHEMA: &str = "khabar/1";

/// Everything khabar found in one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Always `"khabar/1"`.
    pub schema: String,
    /// The `id` of the input line (with `--input jsonl`), as given: a string or a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// Where the text came from; absent for text given to the library directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The date relative expressions were resolved against (`YYYY-MM-DD`): `--published`, else a
    /// dateline found in the text, else null.
    pub published: Option<String>,
    /// Statements, each with who made it (or null when the outlet itself asserts it).
    pub claims: Vec<Claim>,
    /// People, bodies, countries and outlets, one entry per distinct entity.
    pub actors: Vec<Entity>,
    /// Named places, one entry per distinct place.
    pub locations: Vec<Entity>,
    /// Every date expression, in text order.
    pub dates: Vec<DateMention>,
    /// Every troop figure, in text order.
    pub troops: Vec<TroopCount>,
    /// Every casualty figure, in text order.
    pub casualties: Vec<Casualty>,
    /// Things a reader should know: unresolvable dates, contradictions.
    pub warnings: Vec<Warning>,
}

/// The input a document was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line (`-` for standard input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// For `--input jsonl`: the 1-based line of the input file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Size of the text in bytes.
    pub bytes: usize,
    /// SHA-256 of the text, lowercase hex.
    pub sha256: String,
}

/// One statement: a sentence, or the part of one that a single attribution cue governs.
///
/// Its facts are repeated inline so that a claim stands alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    /// `c1`, `c2`, … in text order.
    pub id: String,
    /// The exact input text of the claim.
    pub text: String,
    /// Where the claim is.
    pub span: Span,
    /// Who the claim is attributed to; null when the outlet itself asserts it.
    pub attribution: Option<Attribution>,
    /// Actors mentioned inside the claim (mentions limited to the claim).
    pub actors: Vec<Entity>,
    /// Places mentioned inside the claim.
    pub locations: Vec<Entity>,
    /// Dates inside the claim.
    pub dates: Vec<DateMention>,
    /// Troop figures inside the claim.
    pub troops: Vec<TroopCount>,
    /// Casualty figures inside the claim.
    pub casualties: Vec<Casualty>,
}

/// Who a claim comes from and how it reached the outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attribution {
    /// Who the claim is attributed to: a person, a body, a country, an anonymous source
    /// (`kind: "anonymous"`, as in "مصدر عسكري"), or a named source no lexicon knows, kept as
    /// the phrase the text gives (`kind: "unresolved"`, as in "مدير مستشفى الشفاء").
    pub source: Entity,
    /// The person who voiced it, when one is named, with the role the text gives.
    pub speaker: Option<Speaker>,
    /// Outlets that relayed it ("بحسب فرانس برس", "قال لرويترز").
    pub via: Vec<Entity>,
    /// The cue as written ("قال", "وأضافت", "بحسب").
    pub cue: String,
    /// How the claim is reported.
    pub mode: Mode,
    /// True when the cue has no subject of its own ("وأضافت أن …") and continues the previous
    /// claim's source.
    pub inherited: bool,
}

/// The person behind an attributed claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// The name as the text gives it ("فيدانت باتيل").
    pub name: String,
    /// The role the text gives ("المتحدث باسم وزارة الخارجية"), if any.
    pub role: Option<String>,
}

/// How a claim is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Quoted words: «…», “…”, "…".
    DirectQuote,
    /// Reported speech: "قال إن …", "أكدت أن …".
    Indirect,
    /// A nominal cue: "بحسب …", "وفقاً لـ …", "نقلاً عن …".
    AccordingTo,
}

/// A person, body, country, outlet or place, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// Stable across articles: the ISO 3166-1 code for a country ("KP"), the lexicon id for a
    /// lexicon entry ("org:nato", "gn:524901"), else one derived from the normalized name.
    pub id: String,
    /// Canonical Arabic name.
    pub name: String,
    /// `country`, `person`, `organization`, `armed_force`, `armed_group`, `media`,
    /// `anonymous`, `unresolved` (actors and sources); `country`, `region`, `city`, `site`
    /// (places).
    pub kind: String,
    /// ISO 3166-1 alpha-2 of the country the entity belongs to, if known.
    pub country: Option<String>,
    /// English name, for lexicon entries that have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Latitude (WGS84), for places with coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (WGS84), for places with coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// GeoNames id, for places taken from GeoNames.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    /// Every place the entity is named, in text order.
    pub mentions: Vec<Mention>,
}

/// One place an entity is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    /// The exact input text.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A date expression and the date it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// The exact input text ("مساء أمس الثلاثاء").
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// ISO 8601, always Gregorian: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an interval `A/B`; null
    /// when a relative date has no anchor.
    pub value: Option<String>,
    /// `day`, `month`, `year`, `week` or `range`.
    pub grain: Grain,
    /// True for expressions resolved against the publication date ("أمس", "الشهر الماضي").
    pub relative: bool,
    /// The calendar the text used.
    pub calendar: Calendar,
}

/// The size of the period a date names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// One day.
    Day,
    /// An ISO week (`YYYY-Www`).
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
    /// An interval `A/B`.
    Range,
}

/// The calendar a date was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    /// Gregorian months, in any of their regional names.
    Gregorian,
    /// Hijri (Umm al-Qura); `value` is converted to Gregorian.
    Hijri,
}

/// How exact a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "1500 جندي".
    Exact,
    /// "نحو", "حوالي", "قرابة".
    About,
    /// "أكثر من", "ما يزيد على".
    MoreThan,
    /// "ما لا يقل عن", "على الأقل".
    AtLeast,
    /// "ما يصل إلى", "حتى".
    UpTo,
    /// "أقل من".
    LessThan,
    /// "بين … و …": `count` is the lower bound, `count_max` the upper.
    Range,
    /// "عشرات الآلاف من الجنود": no number.
    Vague,
}

/// A number of military or armed personnel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TroopCount {
    /// The exact input text ("أكثر من 10 آلاف جندي").
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The number (the lower bound of a range); null when vague.
    pub count: Option<u64>,
    /// The upper bound of a range.
    pub count_max: Option<u64>,
    /// How exact the number is.
    pub qualifier: Qualifier,
    /// The personnel noun as written, singular or plural ("جندي", "عناصر").
    pub unit: String,
    /// The force the troops belong to.
    pub actor: Option<Entity>,
}

/// What happened to the people a casualty figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyStatus {
    /// Killed.
    Killed,
    /// Wounded.
    Wounded,
    /// Captured, arrested, detained, kidnapped.
    Captured,
    /// Missing.
    Missing,
}

/// Who the people a casualty figure counts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyGroup {
    /// Soldiers, police, security forces.
    Soldiers,
    /// Fighters of armed groups.
    Militants,
    /// Civilians.
    Civilians,
    /// More than one of the above.
    Mixed,
    /// The text does not say.
    Unknown,
}

/// People killed, wounded, captured or missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Casualty {
    /// The exact input text ("مقتل 7 جنود ليبيين").
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The number (the lower bound of a range); null when vague.
    pub count: Option<u64>,
    /// The upper bound of a range.
    pub count_max: Option<u64>,
    /// How exact the number is.
    pub qualifier: Qualifier,
    /// Killed, wounded, captured or missing.
    pub status: CasualtyStatus,
    /// Soldiers, militants, civilians, mixed or unknown.
    pub group: CasualtyGroup,
    /// Whose people they are.
    pub actor: Option<Entity>,
}

/// Something a reader of the output should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// A stable code (`unanchored_relative_date`, `weekday_mismatch`, …).
    pub code: String,
    /// A sentence for a person.
    pub message: String,
    /// Where it is.
    pub span: Span,
}

/// The JSON Schema of [`Document`], as `khabar schema` prints it.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Document);
    serde_json::to_value(schema).expect("a JSON Schema is valid JSON")
}
