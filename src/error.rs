//! Errors, one type per failure domain. Extraction itself cannot fail: any `&str` gives a
//! record. What can fail is building an [`Extractor`](crate::Extractor) from user data, and
//! turning bytes from files or JSONL into text.

use std::fmt;
use std::path::Path;

/// Building an [`Extractor`](crate::Extractor) failed: a user dictionary or option is invalid.
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// A user dictionary line is malformed.
    Dictionary {
        /// 1-based line number in the dictionary.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A user dictionary could not be read.
    Io(std::io::Error),
    /// The reference date is not `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) with a real calendar day.
    ReferenceDate(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Dictionary { line, message } => write!(
                f,
                "user dictionary line {line}: {message} (expected `word [freq] [tag]`)"
            ),
            BuildError::Io(e) => write!(f, "cannot read user dictionary: {e}"),
            BuildError::ReferenceDate(s) => {
                write!(f, "reference date {s:?} is not a calendar date; write it as YYYY-MM-DD")
            }
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// One input of a batch could not be turned into text. The batch goes on without it.
#[derive(Debug)]
#[non_exhaustive]
pub enum InputError {
    /// The file or stream could not be read.
    Io {
        /// The input's name (a path, or `stdin`).
        input: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    InvalidUtf8 {
        /// The input's name.
        input: String,
        /// Bytes before the first invalid sequence.
        valid_up_to: usize,
    },
    /// The bytes look like a binary file (NUL bytes or mostly control characters).
    Binary {
        /// The input's name.
        input: String,
    },
    /// The input is larger than the extractor's limit.
    TooLarge {
        /// The input's name.
        input: String,
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A JSONL line is not a JSON object with a string `text`.
    Json {
        /// 1-based line number in the stream.
        line: usize,
        /// What serde_json said.
        message: String,
    },
    /// The input's `published` field is not a calendar date.
    Published {
        /// The input's name.
        input: String,
        /// The value given.
        value: String,
    },
    /// A path found in a directory walk is not a regular file (a FIFO, a socket, a device):
    /// reading it could block forever, so it is skipped.
    NotAFile {
        /// The path.
        input: String,
    },
    /// Extraction panicked on this input: a bug in zhnews, confined to this input. Please
    /// report it with the input.
    Panicked {
        /// The input's name.
        input: String,
        /// The panic message.
        message: String,
    },
}

impl InputError {
    /// The name of the input that failed (a path, `stdin`, or `line N`).
    pub fn input(&self) -> String {
        match self {
            InputError::Io { input, .. }
            | InputError::InvalidUtf8 { input, .. }
            | InputError::Binary { input }
            | InputError::TooLarge { input, .. }
            | InputError::Published { input, .. }
            | InputError::NotAFile { input }
            | InputError::Panicked { input, .. } => input.clone(),
            InputError::Json { line, .. } => format!("line {line}"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { input, source } => write!(f, "{input}: cannot read: {source}"),
            InputError::InvalidUtf8 { input, valid_up_to } => write!(
                f,
                "{input}: not valid UTF-8 after byte {valid_up_to}; convert it first \
                 (e.g. `iconv -f GB18030 -t UTF-8`)"
            ),
            InputError::Binary { input } => {
                write!(f, "{input}: looks like a binary file, not article text; skipped")
            }
            InputError::TooLarge { input, bytes, limit } => write!(
                f,
                "{input}: {bytes} bytes is over the limit of {limit} bytes; split it, or raise \
                 the limit (`--max-input-mb` on the command line, \
                 `ExtractorBuilder::max_input_bytes` in Rust)"
            ),
            InputError::Published { input, value } => write!(
                f,
                "{input}: published {value:?} is not a calendar date; write YYYY-MM-DD or drop \
                 the field"
            ),
            InputError::NotAFile { input } => {
                write!(f, "{input}: not a regular file (a FIFO, socket or device); skipped")
            }
            InputError::Panicked { input, message } => write!(
                f,
                "{input}: extraction failed with an internal error ({message}); this is a bug \
                 in zhnews, please report it with this input; the other inputs are not affected"
            ),
            InputError::Json { line, message } => write!(
                f,
                "line {line}: {message}; each line must be {{\"id\": …, \"text\": …}}"
            ),
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Where an input came from, for error messages.
pub(crate) fn path_name(p: &Path) -> String {
    p.display().to_string()
}
