//! The library's one error type.

use std::fmt;
use std::path::PathBuf;

/// Why khabar could not do what was asked.
///
/// Extraction itself never fails: any text gives a document. Errors come from reading inputs and
/// data files (a user's `--lexicon` folder, a bad `--published` date).
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Io { path: PathBuf, source: std::io::Error },
    Utf8 { path: PathBuf, offset: usize },
    Data { file: String, line: usize, message: String },
    Date { input: String, message: String },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error { kind: ErrorKind::Io { path: path.into(), source } }
    }

    pub(crate) fn utf8(path: impl Into<PathBuf>, offset: usize) -> Error {
        Error { kind: ErrorKind::Utf8 { path: path.into(), offset } }
    }

    pub(crate) fn data(file: &str, line: usize, message: String) -> Error {
        Error { kind: ErrorKind::Data { file: file.to_string(), line, message } }
    }

    pub(crate) fn date(input: &str, message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Date { input: input.to_string(), message: message.into() } }
    }

    /// True when a file could not be read (missing, unreadable).
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io { .. })
    }

    /// True when an input is not valid UTF-8.
    pub fn is_utf8(&self) -> bool {
        matches!(self.kind, ErrorKind::Utf8 { .. })
    }

    /// True when a data file (lexicon) is malformed.
    pub fn is_data(&self) -> bool {
        matches!(self.kind, ErrorKind::Data { .. })
    }

    /// The byte offset of the first invalid UTF-8 sequence, for UTF-8 errors.
    pub fn utf8_offset(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::Utf8 { offset, .. } => Some(offset),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            ErrorKind::Utf8 { path, offset } => {
                write!(f, "{}: invalid UTF-8 at byte {offset}", path.display())
            }
            ErrorKind::Data { file, line, message } => write!(f, "{file}:{line}: {message}"),
            ErrorKind::Date { input, message } => write!(f, "invalid date {input:?}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
