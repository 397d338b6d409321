//! `khabar.toml`: a project's settings for `khabar check`, found in the current folder or the
//! nearest parent that has one (as `.editorconfig` or `ruff.toml` are).
//!
//! ```toml
//! [check]
//! deny = ["anonymous-source"]   # also fail on these
//! warn = []                     # report, do not fail
//! allow = ["unresolved-date"]   # do not report
//! lexicon = ["lexicon"]         # extra lexicon folders, relative to this file
//! ```
//!
//! Only `check` reads it: `extract`'s output depends on its arguments and input alone, so a
//! pipeline gives the same JSON wherever it runs. Unknown keys are errors, so that a typo does not
//! silently turn a check off.

use super::check::Selection;
use anyhow::Context as _;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "khabar.toml";

/// A parsed khabar.toml.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    check: CheckTable,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckTable {
    #[serde(default)]
    deny: Vec<String>,
    #[serde(default)]
    warn: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    lexicon: Vec<PathBuf>,
}

/// A configuration with where it came from.
#[derive(Debug)]
pub struct Loaded {
    /// The file, as found or given.
    pub path: PathBuf,
    /// The check levels it sets.
    pub selection: Selection,
    /// Its lexicon folders, resolved against the file's folder.
    pub lexicon: Vec<PathBuf>,
}

/// The nearest khabar.toml in `start` or its parents.
pub fn find(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join(FILE_NAME)).find(|p| p.is_file())
}

/// Reads and parses a configuration file.
///
/// # Errors
///
/// When the file cannot be read or is not valid (unknown keys, wrong types); the message names
/// the file and, for TOML errors, the line.
pub fn load(path: &Path) -> anyhow::Result<Loaded> {
    let label = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| label.clone())?;
    let config: Config = toml::from_str(&text).map_err(|e| anyhow::anyhow!("{label}: {}", e.to_string().trim_end()))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let lexicon = config.check.lexicon.iter().map(|p| dir.join(p)).collect();
    let c = config.check;
    Ok(Loaded { path: path.to_path_buf(), selection: Selection { deny: c.deny, warn: c.warn, allow: c.allow }, lexicon })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_resolves_lexicon_folders_against_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, "[check]\ndeny = [\"anonymous-source\"]\nlexicon = [\"names\"]\n").unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.selection.deny, ["anonymous-source"]);
        assert_eq!(loaded.lexicon, [dir.join("names")]);
        let nested = dir.join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert_eq!(find(&nested), Some(path.clone()));

        std::fs::write(&path, "[check]\ndenny = []\n").unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(e.contains("denny"), "{e}");
    }
}
