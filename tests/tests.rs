//! khabar's integration tests: one test binary, one module per concern.
//!
//! - `cli`: the `khabar` binary end to end (formats, stdin, folders, errors, exit codes);
//! - `check`: `khabar check`, every finding, format, level option and exit code, khabar.toml;
//! - `formats`: text for people (colour, bidi), GeoJSON, progress bar, completions, man page;
//! - `corpus`: every extractor's examples, positive and negative (`tests/corpus/*.txt`);
//! - `golden`: whole documents of the fixture articles against committed JSON;
//! - `data`: the lexicons and tables of `data/` are sorted, unique and fold cleanly;
//! - `robustness`: arbitrary input never panics and every span is valid.

mod check;
mod cli;
mod corpus;
mod data;
mod formats;
mod golden;
mod robustness;
