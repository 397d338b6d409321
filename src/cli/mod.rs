//! The `khabar` command: parse arguments, run a subcommand, map the outcome to an exit code.

mod args;
mod input;
mod output;

use anyhow::Context as _;
use args::{Cli, Command, ExtractArgs, InputFormat, NormalizeArgs, OutputFormat};
use clap::Parser;
use input::{Job, Jobs};
use khabar::{Document, Extractor, Options, Source};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::process::ExitCode;

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
        Command::Normalize(args) => normalize(args),
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&khabar::document::json_schema())?;
            writeln!(std::io::stdout().lock(), "{schema}")?;
            Ok(0)
        }
    }
}

/// The result of one job, ready to print in order.
struct Done {
    output: Option<String>,
    error: Option<String>,
}

fn extract(args: ExtractArgs) -> anyhow::Result<u8> {
    let published = args.input.published.as_deref().map(khabar::parse_date).transpose().context("--published")?;
    let extractor = Extractor::with_lexicon_dirs(&args.input.lexicon).context("--lexicon")?;
    let threads = args.input.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("cannot start worker threads")?;
    let format = args.format;

    let mut jobs = Jobs::new(&args.input.paths, &args.input.glob, args.input.input == InputFormat::Jsonl);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    // Work in batches: memory stays flat, and each batch prints in input order.
    let batch_size = threads * 16;
    loop {
        let batch: Vec<Job> = jobs.by_ref().take(batch_size).collect();
        if batch.is_empty() {
            break;
        }
        let done: Vec<Done> = pool.install(|| batch.into_par_iter().map(|job| process(job, &extractor, published, format)).collect());
        for d in done {
            if let Some(e) = d.error {
                out.flush()?;
                eprintln!("khabar: {e}");
                failed = true;
            }
            if let Some(text) = d.output {
                out.write_all(text.as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
    }
    Ok(if failed { EXIT_INPUT } else { 0 })
}

/// Reads and extracts one job.
fn process(job: Job, extractor: &Extractor, published: Option<khabar::Date>, format: OutputFormat) -> Done {
    let (label, line, article) = match job {
        Job::Failed(e) => return Done { output: None, error: Some(format!("{e:#}")) },
        Job::File { label, path } => match input::read_text(&label, path.as_deref()) {
            Ok(text) => (label, None, input::Article { text, id: None, published: None }),
            Err(e) => return Done { output: None, error: Some(format!("{e:#}")) },
        },
        Job::Line { label, line, article } => (label, Some(line), article),
    };
    let published = match article.published.as_deref().map(khabar::parse_date).transpose() {
        Ok(own) => own.or(published),
        Err(e) => {
            return Done { output: None, error: Some(format!("{label}:{}: \"published\": {e}", line.unwrap_or(0))) };
        }
    };
    let mut doc: Document = extractor.extract(&article.text, &Options { published });
    doc.id = article.id;
    doc.source =
        Some(Source { path: Some(label.clone()), line, bytes: article.text.len(), sha256: hex(&Sha256::digest(article.text.as_bytes())) });
    let output = match format {
        OutputFormat::Json => output::json_line(&doc),
        OutputFormat::Pretty => output::pretty(&doc),
        OutputFormat::Text => output::text(&doc, &line.map_or(label.clone(), |l| format!("{label}:{l}"))),
    };
    Done { output: Some(output), error: None }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
