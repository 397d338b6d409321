//! The command line, as clap definitions: every flag has a short help (`-h`) and a long one
//! (`--help`).

use clap::builder::PossibleValuesParser;
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
cat article.txt | khabar extract -\n  khabar extract --jobs 8 articles/ > claims.jsonl\n  khabar extract --input jsonl corpus.jsonl | jq '.claims[].attribution.source.name'\n  \
khabar extract --format geojson articles/ > claims.geojson\n  khabar check --published 2024-11-13 articles/\n\n\
Exit codes: 0 success; 1 `check` found a failing problem; 2 usage error or an input that could not be read (the other \
inputs are still processed)."
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
    /// Check articles before publication: unsourced figures, unresolvable dates, wrong weekdays…
    #[command(
        long_about = "Check articles before publication, for CI and pre-commit hooks.\n\n\
Runs the extraction and reports findings as `path:line:col: level: code: message`, one per line, in input \
order. Errors fail the check (exit 1); warnings are reported but do not. `--deny`, `--warn` and `--allow` \
change a code's level (`all` names every code; a named code beats `all`); a khabar.toml in the current \
folder or a parent sets the same under [check]. `khabar check --list` shows every check.",
        after_help = "Examples:\n  khabar check --published 2024-11-13 article.txt\n  khabar check --format github articles/\n  \
khabar check --deny anonymous-source --allow unresolved-date articles/\n  khabar check --list\n\n\
Exit codes: 0 no failing finding; 1 at least one error-level finding; 2 usage error or an input that could not \
be read (this wins over 1: a check that could not read everything did not pass)."
    )]
    Check(CheckArgs),
    /// Print the folded text that the extractors match against.
    #[command(long_about = "Print the folded text that the extractors match against: no diacritics or tatweel, one \
alef, ي for ى, ه for ة, Western digits, Latin punctuation, no invisible controls. Useful to debug a \
rule or to feed another pipeline.")]
    Normalize(NormalizeArgs),
    /// Print the JSON Schema of the output.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        long_about = "Print a completion script for SHELL on standard output, generated from the same \
definitions as --help.",
        after_help = "Examples:\n  khabar completions bash > ~/.local/share/bash-completion/completions/khabar\n  \
khabar completions zsh > ~/.zfunc/_khabar\n  khabar completions fish > ~/.config/fish/completions/khabar.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command with --dir.
    #[command(
        long_about = "Print the khabar(1) man page in roff on standard output, generated from the same \
definitions as --help. With --dir, write khabar.1 and one page per command (khabar-extract.1, \
khabar-check.1, …) into that folder.",
        after_help = "Examples:\n  khabar man | man -l -\n  khabar man --dir /usr/local/share/man/man1"
    )]
    Man(ManArgs),
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

/// Options for what a person sees: colour and progress.
#[derive(Debug, Args)]
pub struct DisplayArgs {
    /// Do not show a progress bar (or check's summary line) on stderr.
    #[arg(
        short,
        long,
        long_help = "Do not show the progress bar that long batches draw on standard error when it is a \
terminal, nor the summary line of `check`. Errors are still reported."
    )]
    pub quiet: bool,

    /// When to colour the output: auto, always, never.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN", long_help = "When to colour text \
output. `auto` (default): when standard output is a terminal, unless NO_COLOR is set (CLICOLOR_FORCE forces \
it). `always`, `never`: regardless. JSON output is never coloured.")]
    pub color: ColorWhen,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub display: DisplayArgs,

    /// Output format: json (one line per document), pretty, text, geojson.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Json, value_name = "FORMAT", long_help = "Output format. \
`json` (default): each document on one line (JSON Lines; one input gives one line, which is also plain JSON). \
`pretty`: indented JSON. `text`: a readable summary for a person at a terminal (colour, bidi isolates). \
`geojson`: one GeoJSON FeatureCollection for the whole run, with a Point Feature for every claim and place \
the lexicon has coordinates for (properties: claim text, source, date, figures), one Feature per line.")]
    pub format: OutputFormat,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub display: DisplayArgs,

    /// Output format: text (path:line:col: level: code: message), json, github.
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Text, value_name = "FORMAT", long_help = "Output format. \
`text` (default): `path:line:col: level: code: message`, one finding per line, the form editors and CI log \
parsers read. `json`: one JSON object per finding per line (path, line, column, level, code, message, the \
flagged text and its span). `github`: GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`), \
which the Actions runner turns into annotations on the pull request.")]
    pub format: CheckFormat,

    /// Make these codes failures (errors), comma-separated or repeated; `all` for every code.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = PossibleValuesParser::new(super::check::selectors()),
        long_help = "Make these finding codes errors: reported and failing (exit 1). Comma-separated or repeated; \
`all` names every code, and a named code beats `all` (`--deny all --warn anonymous-source`). Naming one code in \
two of --deny/--warn/--allow is a usage error.")]
    pub deny: Vec<String>,

    /// Report these codes as warnings, which do not fail.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = PossibleValuesParser::new(super::check::selectors()),
        long_help = "Make these finding codes warnings: reported, but not failing. Comma-separated or repeated; `all` \
names every code.")]
    pub warn: Vec<String>,

    /// Do not report these codes at all.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = PossibleValuesParser::new(super::check::selectors()),
        long_help = "Turn these checks off: not reported, not failing. Comma-separated or repeated; `all` names every \
code (`--allow all --deny weekday-mismatch` runs one check).")]
    pub allow: Vec<String>,

    /// Read this configuration file instead of looking for khabar.toml.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "no_config",
        long_help = "Read this configuration file instead of looking for khabar.toml in the \
current folder and its parents. Its [check] table may hold deny, warn, allow (lists of codes) and lexicon \
(lexicon folders, relative to the file). The command line's --deny/--warn/--allow/--lexicon come on top."
    )]
    pub config: Option<PathBuf>,

    /// Ignore any khabar.toml.
    #[arg(long)]
    pub no_config: bool,

    /// List every check with its default level, and exit.
    #[arg(long)]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write khabar.1 and one page per command into this folder instead of printing khabar.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
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
    /// One GeoJSON FeatureCollection: a Point per claim and located place.
    Geojson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// path:line:col: level: code: message
    Text,
    /// One JSON object per finding per line.
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorWhen {
    /// The matching `anstream` choice.
    pub fn choice(self) -> anstream::ColorChoice {
        match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}
