//! The `khabar` command: parse arguments, run a subcommand, map the outcome to an exit code.
//!
//! `extract` and `check` share one runner ([`run_articles`]): inputs are read and extracted in
//! batches on a thread pool, each batch formatted in parallel and written in input order, so
//! memory stays flat and the output is the same whatever `--jobs` is.

mod args;
mod check;
mod config;
mod geojson;
mod input;
mod output;
mod progress;
mod text;

use anyhow::Context as _;
use args::{CheckArgs, CheckFormat, Cli, Command, ExtractArgs, InputArgs, InputFormat, ManArgs, NormalizeArgs, OutputFormat};
use clap::{CommandFactory as _, Parser};
use input::{Job, Jobs};
use khabar::{Document, Extractor, Options, Source};
use progress::Progress;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code when `check` found a failing problem.
const EXIT_FINDINGS: u8 = 1;
/// Exit code for usage errors and inputs that could not be read.
const EXIT_INPUT: u8 = 2;

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_INPUT } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("khabar: {e:#}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Check(args) => check(args),
        Command::Normalize(args) => normalize(args),
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&khabar::document::json_schema())?;
            writeln!(std::io::stdout().lock(), "{schema}")?;
            Ok(0)
        }
        Command::Completions(args) => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(args.shell, &mut Cli::command(), "khabar", &mut out);
            out.flush()?;
            Ok(0)
        }
        Command::Man(args) => man(args),
    }
}

/// An article read and extracted, handed to a command's formatter.
struct Extracted<'a> {
    /// The input as given (`-` for standard input).
    label: &'a str,
    /// The line of a JSON Lines input.
    line: Option<usize>,
    text: &'a str,
    doc: &'a Document,
}

impl Extracted<'_> {
    /// The input for a person: the path, with `:line` for a JSON Lines article.
    fn name(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.label),
            None => self.label.to_string(),
        }
    }
}

/// Reads, extracts and formats every input in order: `format` runs on the worker threads, `write`
/// on this one, in input order. Unreadable inputs are reported on stderr and skipped.
///
/// Returns whether some input could not be read.
fn run_articles<T: Send, W: Write>(
    input: &InputArgs,
    quiet: bool,
    extractor: &Extractor,
    out: &mut W,
    format: impl Fn(&Extracted<'_>) -> T + Sync,
    mut write: impl FnMut(&mut W, T) -> std::io::Result<()>,
) -> anyhow::Result<bool> {
    let published = input.published.as_deref().map(khabar::parse_date).transpose().context("--published")?;
    let threads = input.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("cannot start worker threads")?;
    let jsonl = input.input == InputFormat::Jsonl;
    let mut jobs = Jobs::new(&input.paths, &input.glob, jsonl);
    let progress = Progress::new(!quiet);
    let mut failed = false;
    // Work in batches: memory stays flat, and each batch is written in input order.
    let batch_size = threads * 16;
    let mut first = true;
    loop {
        let batch: Vec<Job> = jobs.by_ref().take(batch_size).collect();
        if batch.is_empty() {
            break;
        }
        if !first {
            // A long batch: show progress, with a total when counting is cheap (no JSON Lines).
            progress.show(|| if jsonl { None } else { Some(Jobs::new(&input.paths, &input.glob, false).count() as u64) });
        }
        first = false;
        let done: Vec<Result<T, String>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|job| {
                    let r = process(job, extractor, published, &format);
                    progress.inc();
                    r
                })
                .collect()
        });
        for d in done {
            match d {
                Ok(t) => write(out, t)?,
                Err(e) => {
                    out.flush()?;
                    progress.suspend(|| eprintln!("khabar: {e}"));
                    failed = true;
                }
            }
        }
        out.flush()?;
    }
    progress.finish();
    Ok(failed)
}

/// Reads and extracts one job, then formats it.
fn process<T>(
    job: Job,
    extractor: &Extractor,
    published: Option<khabar::Date>,
    format: &impl Fn(&Extracted<'_>) -> T,
) -> Result<T, String> {
    let (label, line, article) = match job {
        Job::Failed(e) => return Err(format!("{e:#}")),
        Job::File { label, path } => match input::read_text(&label, path.as_deref()) {
            Ok(text) => (label, None, input::Article { text, id: None, published: None }),
            Err(e) => return Err(format!("{e:#}")),
        },
        Job::Line { label, line, article } => (label, Some(line), article),
    };
    let published = match article.published.as_deref().map(khabar::parse_date).transpose() {
        Ok(own) => own.or(published),
        Err(e) => return Err(format!("{label}:{}: \"published\": {e}", line.unwrap_or(0))),
    };
    let mut doc: Document = extractor.extract(&article.text, &Options { published });
    doc.id = article.id;
    doc.source =
        Some(Source { path: Some(label.clone()), line, bytes: article.text.len(), sha256: hex(&Sha256::digest(article.text.as_bytes())) });
    Ok(format(&Extracted { label: &label, line, text: &article.text, doc: &doc }))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Standard output, buffered; with `color`, ANSI styles pass or are stripped as `anstream`
/// decides (terminal, NO_COLOR, CLICOLOR_FORCE, --color).
fn stdout(color: Option<anstream::ColorChoice>) -> std::io::BufWriter<Box<dyn Write>> {
    let lock = std::io::stdout().lock();
    let raw: Box<dyn Write> = match color {
        Some(choice) => Box::new(anstream::AutoStream::new(lock, choice)),
        None => Box::new(lock),
    };
    std::io::BufWriter::new(raw)
}

fn extract(args: ExtractArgs) -> anyhow::Result<u8> {
    let extractor = Extractor::with_lexicon_dirs(&args.input.lexicon).context("--lexicon")?;
    let format = args.format;
    let mut out = stdout((format == OutputFormat::Text).then(|| args.display.color.choice()));
    let failed = match format {
        OutputFormat::Json | OutputFormat::Pretty | OutputFormat::Text => {
            let mut first = true;
            run_articles(
                &args.input,
                args.display.quiet,
                &extractor,
                &mut out,
                |a| match format {
                    OutputFormat::Pretty => output::pretty(a.doc),
                    OutputFormat::Text => text::render(a.doc, &a.name()),
                    _ => output::json_line(a.doc),
                },
                |out, s| {
                    // Documents for a person are separated by a blank line.
                    if format == OutputFormat::Text && !first {
                        out.write_all(b"\n")?;
                    }
                    first = false;
                    out.write_all(s.as_bytes())?;
                    out.write_all(b"\n")
                },
            )?
        }
        OutputFormat::Geojson => {
            out.write_all(geojson::HEADER.as_bytes())?;
            let mut first = true;
            let failed = run_articles(
                &args.input,
                args.display.quiet,
                &extractor,
                &mut out,
                |a| geojson::features(a.doc, &a.name()),
                |out, features| {
                    for f in features {
                        out.write_all(if first { b"\n" } else { b",\n" })?;
                        first = false;
                        out.write_all(f.as_bytes())?;
                    }
                    Ok(())
                },
            )?;
            out.write_all(geojson::FOOTER.as_bytes())?;
            out.write_all(b"\n")?;
            failed
        }
    };
    out.flush()?;
    Ok(if failed { EXIT_INPUT } else { 0 })
}

/// One article's findings, ready to write.
struct Checked {
    lines: String,
    errors: usize,
    warnings: usize,
}

fn check(args: CheckArgs) -> anyhow::Result<u8> {
    let config = if args.no_config {
        None
    } else if let Some(path) = &args.config {
        Some(config::load(path)?)
    } else {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        config::find(&cwd).map(|p| config::load(&p)).transpose()?
    };
    let cli = check::Selection { deny: args.deny, warn: args.warn, allow: args.allow };
    let config_label = config.as_ref().map(|c| c.path.display().to_string());
    let mut layers: Vec<(&str, &check::Selection)> = Vec::new();
    if let (Some(c), Some(label)) = (&config, &config_label) {
        layers.push((label, &c.selection));
    }
    layers.push(("command line", &cli));
    let levels = check::Levels::resolve(&layers)?;
    if args.list {
        let mut out = std::io::stdout().lock();
        out.write_all(check::list(&levels).as_bytes())?;
        out.flush()?;
        return Ok(0);
    }

    let mut lexicon: Vec<PathBuf> = config.map(|c| c.lexicon).unwrap_or_default();
    lexicon.extend(args.input.lexicon.iter().cloned());
    let extractor = Extractor::with_lexicon_dirs(&lexicon).context("lexicon")?;
    let format = args.format;
    let mut out = stdout((format == CheckFormat::Text).then(|| args.display.color.choice()));
    let (mut errors, mut warnings, mut articles, mut flagged) = (0, 0, 0, 0);
    let failed = run_articles(
        &args.input,
        args.display.quiet,
        &extractor,
        &mut out,
        |a| {
            let origin = check::Origin { path: a.label, line: a.line, id: a.doc.id.as_ref() };
            let findings = check::findings(&check::Article { text: a.text, doc: a.doc }, &origin, &levels);
            let mut lines = String::new();
            for f in &findings {
                lines.push_str(&match format {
                    CheckFormat::Text => check::text_line(f),
                    CheckFormat::Json => check::json_line(f),
                    CheckFormat::Github => check::github_line(f),
                });
                lines.push('\n');
            }
            let errors = findings.iter().filter(|f| f.level == check::Level::Error).count();
            Checked { lines, errors, warnings: findings.len() - errors }
        },
        |out, c| {
            articles += 1;
            errors += c.errors;
            warnings += c.warnings;
            if c.errors + c.warnings > 0 {
                flagged += 1;
            }
            out.write_all(c.lines.as_bytes())
        },
    )?;
    out.flush()?;
    if !args.display.quiet {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let checked = plural(articles, "article", "articles");
        if errors + warnings == 0 {
            eprintln!("khabar: no findings in {checked}");
        } else {
            eprintln!(
                "khabar: {}, {} in {flagged} of {checked}",
                plural(errors, "error", "errors"),
                plural(warnings, "warning", "warnings")
            );
        }
    }
    Ok(if failed {
        EXIT_INPUT
    } else if errors > 0 {
        EXIT_FINDINGS
    } else {
        0
    })
}

fn man(args: ManArgs) -> anyhow::Result<u8> {
    match args.dir {
        Some(dir) => {
            let label = dir.display().to_string();
            clap_mangen::generate_to(Cli::command(), &dir).with_context(|| label)?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            out.flush()?;
        }
    }
    Ok(0)
}

fn normalize(args: NormalizeArgs) -> anyhow::Result<u8> {
    let paths = if args.paths.is_empty() { vec![std::path::PathBuf::from("-")] } else { args.paths };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for path in &paths {
        let label = path.display().to_string();
        let source = if label == "-" { None } else { Some(path.as_path()) };
        match input::read_text(&label, source) {
            Ok(text) => {
                out.write_all(khabar::Normalized::new(&text).as_str().as_bytes())?;
                out.write_all(b"\n")?;
            }
            Err(e) => {
                out.flush()?;
                eprintln!("khabar: {e:#}");
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed { EXIT_INPUT } else { 0 })
}
