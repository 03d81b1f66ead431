//! Batches: inputs from files, directories and JSONL streams, extracted in parallel with
//! rayon and yielded in input order, with flat memory.
//!
//! Reading and decoding happen inside the parallel stage, so one slow or bad input never
//! holds up the others, and a bad one becomes its own `Err` instead of stopping the batch.

use std::fs;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{InputError, path_name};
use crate::{Extractor, Input, Record};

/// How many inputs are in flight at once. Large enough to keep every thread busy, small
/// enough that memory does not grow with the batch.
const CHUNK: usize = 256;

/// One unit of batch work.
#[derive(Debug)]
#[non_exhaustive]
pub enum Job {
    /// Text already in memory.
    Text(Input),
    /// A file to read; the record's id is the file name without extension.
    File(PathBuf),
    /// One JSONL line (`{"id": …, "text": …, "published"?: …}`), parsed in the worker.
    JsonLine {
        /// 1-based line number, for errors and for records without an id.
        line: usize,
        /// The raw line.
        json: String,
    },
    /// An input that already failed upstream (unreadable line); passed through in order.
    Failed(InputError),
}

pub(crate) fn ordered<'a, I>(ex: &'a Extractor, mut jobs: I) -> impl Iterator<Item = Result<Record, InputError>> + 'a
where
    I: Iterator<Item = Job> + 'a,
{
    let mut ready = std::collections::VecDeque::new();
    std::iter::from_fn(move || {
        if ready.is_empty() {
            let chunk: Vec<Job> = jobs.by_ref().take(CHUNK).collect();
            if chunk.is_empty() {
                return None;
            }
            let done: Vec<Result<Record, InputError>> = chunk.into_par_iter().map(|job| run_job(ex, job)).collect();
            ready.extend(done);
        }
        ready.pop_front()
    })
}

fn run_job(ex: &Extractor, job: Job) -> Result<Record, InputError> {
    let input = match job {
        Job::Text(input) => check_size(input, ex.max_input_bytes())?,
        Job::File(path) => read_file(&path, ex.max_input_bytes())?,
        Job::JsonLine { line, json } => {
            let mut input: Input = serde_json::from_str(&json).map_err(|e| InputError::Json {
                line,
                message: e.to_string(),
            })?;
            if input.id.is_empty() {
                input.id = line.to_string();
            }
            check_size(input, ex.max_input_bytes())?
        }
        Job::Failed(e) => return Err(e),
    };
    Ok(ex.extract_input(&input))
}

fn check_size(input: Input, limit: usize) -> Result<Input, InputError> {
    if input.text.len() > limit {
        return Err(InputError::TooLarge {
            input: input.id,
            bytes: input.text.len(),
            limit,
        });
    }
    Ok(input)
}

/// Whether bytes look like a binary file: a NUL, or many control characters, near the start.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b) || b == 0x7F)
        .count();
    head.contains(&0) || control * 20 > head.len().max(1)
}

/// Decode bytes into text: UTF-8 (a BOM is dropped), or a clear error.
pub(crate) fn decode(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if looks_binary(&bytes) {
        return Err(InputError::Binary {
            input: name.to_string(),
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        input: name.to_string(),
        valid_up_to: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    Ok(text)
}

fn read_file(path: &Path, limit: usize) -> Result<Input, InputError> {
    let name = path_name(path);
    let io = |source| InputError::Io {
        input: name.clone(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len() as usize;
    if len > limit {
        return Err(InputError::TooLarge {
            input: name,
            bytes: len,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(len);
    file.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(io)?;
    let text = decode(&name, bytes)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Input {
        id,
        text,
        published: None,
    })
}

/// Jobs for paths: a file is one job; a directory gives every `*.txt` below it, recursively,
/// in sorted order. A path that cannot be listed yields a [`Job::Failed`].
pub fn read_paths(paths: &[PathBuf]) -> impl Iterator<Item = Job> + 'static {
    let mut jobs = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut jobs);
        } else {
            jobs.push(Job::File(p.clone()));
        }
    }
    jobs.into_iter()
}

fn walk(dir: &Path, out: &mut Vec<Job>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(source) => {
            out.push(Job::Failed(InputError::Io {
                input: path_name(dir),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(Job::File(p));
        }
    }
}

/// Jobs for a JSONL stream, one per non-empty line, read lazily (memory stays flat).
pub fn read_jsonl<R: BufRead + 'static>(mut reader: R) -> impl Iterator<Item = Job> + 'static {
    let mut line = 0usize;
    let mut buf = Vec::new();
    std::iter::from_fn(move || {
        loop {
            buf.clear();
            line += 1;
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(source) => {
                    return Some(Job::Failed(InputError::Io {
                        input: format!("stdin line {line}"),
                        source,
                    }));
                }
            }
            while buf.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(match String::from_utf8(std::mem::take(&mut buf)) {
                Ok(json) => Job::JsonLine { line, json },
                Err(e) => Job::Failed(InputError::InvalidUtf8 {
                    input: format!("line {line}"),
                    valid_up_to: e.utf8_error().valid_up_to(),
                }),
            });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_utf8_checks() {
        assert!(matches!(decode("a", vec![0, 1, 2, 3]), Err(InputError::Binary { .. })));
        assert!(matches!(
            decode("a", vec![0xE5, 0x8C]),
            Err(InputError::InvalidUtf8 { .. })
        ));
        assert_eq!(decode("a", "\u{FEFF}医院".as_bytes().to_vec()).unwrap(), "医院");
        assert_eq!(decode("a", Vec::new()).unwrap(), "");
    }

    #[test]
    fn jsonl_lines_keep_their_numbers() {
        let mut data = b"{\"id\":\"a\",\"text\":\"x\"}\n\n".to_vec();
        data.extend_from_slice(&[0xFF, b'b', b'\n']);
        data.extend_from_slice(b"{\"text\":\"y\"}\n");
        let jobs: Vec<Job> = read_jsonl(std::io::Cursor::new(data)).collect();
        assert_eq!(jobs.len(), 3);
        assert!(matches!(jobs[0], Job::JsonLine { line: 1, .. }));
        assert!(matches!(jobs[1], Job::Failed(InputError::InvalidUtf8 { .. })));
        assert!(matches!(jobs[2], Job::JsonLine { line: 4, .. }));
    }
}
