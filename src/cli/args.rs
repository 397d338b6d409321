//! The command line, as clap definitions: every flag has a short help (`-h`) and a long one
//! (`--help`).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// khabar (خبر) reads Arabic news and prints who said what: source-attributed claims, actors,
/// places, dates and troop figures, as JSON.
#[derive(Debug, Parser)]
#[command(
    name = "khabar",
    version,
    about,
    long_about = "khabar (خبر) reads Arabic news articles and prints structured, source-attributed claims as \
JSON: who said what (speaker, role, organisation, relaying outlet), which actors are involved, how many \
troops and casualties, when (relative dates resolved to real dates) and where.",
    after_help = "Examples:\n  khabar extract --published 2024-11-13 article.txt\n  khabar extract --format text article.txt\n  \
cat article.txt | khabar extract -\n  khabar extract --jobs 8 articles/ > claims.jsonl\n  khabar extract --input jsonl corpus.jsonl | jq '.claims[].attribution.source.name'\n\n\
Exit codes: 0 success; 2 usage error or an input that could not be read (the other inputs are still processed)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract claims, actors, places, dates and figures from articles.
    #[command(
        long_about = "Extract claims, actors, places, dates and figures from articles.\n\n\
Each input gives one JSON document (schema khabar/1, see `khabar schema`) on one line of standard \
output, in input order; folders are walked recursively for *.txt files, in sorted order. The same \
input always gives byte-identical output, whatever --jobs is.",
        after_help = "Examples:\n  khabar extract --published 2024-11-13 fixtures/seed.txt\n  khabar extract --format pretty article.txt\n  \
khabar extract articles/ --jobs 4 > out.jsonl\n  khabar extract --input jsonl corpus.jsonl"
    )]
    Extract(ExtractArgs),
    /// Print the folded text that the extractors match against.
    #[command(long_about = "Print the folded text that the extractors match against: no diacritics or tatweel, one \
alef, ي for ى, ه for ة, Western digits, Latin punctuation, no invisible controls. Useful to debug a \
rule or to feed another pipeline.")]
    Normalize(NormalizeArgs),
    /// Print the JSON Schema of the output.
    Schema,
}

/// Options shared by every command that reads articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read; none or "-" reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How inputs are given.
    #[arg(long, value_enum, default_value_t = InputFormat::Text, value_name = "FORMAT", long_help = "How inputs are given. \
`text`: each file is one article. `jsonl`: every line of every input is one article as \
{\"id\": …, \"text\": …, \"published\": \"YYYY-MM-DD\"} (only `text` is required); each output document carries \
that `id`, and a line's `published` overrides --published. This is how pipelines and distributed engines \
(Spark `RDD.pipe`, Hadoop Streaming, `xargs -P`) feed khabar.")]
    pub input: InputFormat,

    /// Which files to read in folders (default: *.txt).
    #[arg(
        long,
        value_name = "GLOB",
        default_value = "*.txt",
        long_help = "Which files to read when walking a folder, as a \
pattern on the file name with * and ? (default: *.txt). Files named on the command line are always read."
    )]
    pub glob: String,

    /// Extra lexicon folders (TSV files like data/), repeatable.
    #[arg(
        long,
        value_name = "DIR",
        long_help = "A folder of extra lexicon files (*.tsv, same format as the built-in \
data/ files: id, kind, country, name, aliases, …) that extend the built-in gazetteers, so a newsroom can add its own \
names without recompiling. A user's entry replaces a built-in entry with the same id. Repeatable."
    )]
    pub lexicon: Vec<PathBuf>,

    /// The publication date (YYYY-MM-DD), the anchor for relative dates.
    #[arg(
        long,
        value_name = "YYYY-MM-DD",
        long_help = "The articles' publication date, the anchor for relative dates \
(أمس، الأحد الماضي، الشهر الجاري). Without it, khabar takes a dateline found in the text (\"الرياض - 13 نوفمبر \
2024\"); failing that, relative dates get \"value\": null and a warning."
    )]
    pub published: Option<String>,

    /// Worker threads (default: all cores).
    #[arg(
        short,
        long,
        value_name = "N",
        long_help = "Worker threads for many inputs (default: all cores). Output order is \
input order whatever N is."
    )]
    pub jobs: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: json (one line per document), pretty, text.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Json, value_name = "FORMAT", long_help = "Output format. \
`json` (default): each document on one line (JSON Lines; one input gives one line, which is also plain JSON). \
`pretty`: indented JSON. `text`: a readable summary for a person at a terminal.")]
    pub format: OutputFormat,
}

#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// Files to read; none or "-" reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file is one article.
    Text,
    /// Each line is {"id", "text", "published"}.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON document per line.
    Json,
    /// Indented JSON.
    Pretty,
    /// A readable summary.
    Text,
}
