//! Where batch inputs come from: files, directory walks and JSONL streams, each bounded in
//! the bytes it reads, so that no input can block the batch or exhaust memory.

use std::collections::HashSet;
use std::fs;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use super::Job;
use crate::Input;
use crate::error::{InputError, path_name};

/// The longest JSONL line read. A JSON string may take up to six bytes per byte of text
/// (`\u0000`), so this leaves room for the default 64 MiB text limit with escapes; a longer
/// line is skipped up to its newline without being held in memory.
pub(crate) const MAX_LINE_BYTES: usize = 256 << 20;

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

/// Read a file of at most `limit` bytes. The size is checked on what is actually read, not
/// only on what the file system says: a pipe or `/dev/stdin` reports 0.
pub(crate) fn read_file(path: &Path, id: Option<String>, limit: usize) -> Result<Input, InputError> {
    let name = path_name(path);
    let io = |source| InputError::Io {
        input: name.clone(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let len = usize::try_from(file.metadata().map_err(io)?.len()).unwrap_or(usize::MAX);
    let too_large = |bytes| InputError::TooLarge {
        input: name.clone(),
        bytes,
        limit,
    };
    if len > limit {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len);
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    file.take(cap).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() > limit {
        return Err(too_large(bytes.len()));
    }
    let text = decode(&name, bytes)?;
    Ok(Input::new(id.unwrap_or_else(|| file_id(path)), text))
}

/// A file's id: its name without extension.
pub(crate) fn file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A walked file's id: its path below `root`, without extension, `/`-separated.
fn walked_id(root: &Path, path: &Path) -> String {
    relative(root, &path.with_extension(""))
}

/// A path below `root`, `/`-separated.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Jobs for paths: a file is one job; a directory gives every `*.txt` below it, recursively,
/// in sorted order. A directory reached twice (through a symbolic link, or a link loop) is
/// walked once; an entry that is not a regular file (a FIFO, a socket, a device) and a path
/// that cannot be listed each yield a [`Job::Failed`] in its place.
pub fn read_paths(paths: &[PathBuf]) -> impl Iterator<Item = Job> + 'static {
    read_paths_matching(paths, DEFAULT_GLOB)
}

/// What a directory walk selects by default: every `.txt` file at any depth.
pub const DEFAULT_GLOB: &str = "**/*.txt";

/// Like [`read_paths`], but a directory gives the files whose path below it matches `glob`:
/// `*` is any run of characters but `/`, `?` one character, `**/` any number of folders
/// (`2021-*/*.txt`, `**/00?.txt`). Files named directly are always read.
///
/// ```
/// use zhnews::read_paths_matching;
/// let jobs: Vec<_> = read_paths_matching(&["fixtures/articles".into()], "000_*.txt").collect();
/// assert_eq!(jobs.len(), 1);
/// ```
pub fn read_paths_matching(paths: &[PathBuf], glob: &str) -> impl Iterator<Item = Job> + 'static {
    let mut jobs = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        if p.is_dir() {
            walk(&Walk { root: p, glob }, p, &mut seen, &mut jobs);
        } else {
            jobs.push(Job::File(p.clone()));
        }
    }
    jobs.into_iter()
}

/// Whether `path` (`/`-separated) matches `glob` (see [`read_paths_matching`]).
fn glob_matches(glob: &[u8], path: &[u8]) -> bool {
    match glob {
        [] => path.is_empty(),
        [b'*', b'*', b'/', rest @ ..] => {
            // zero or more whole folders
            glob_matches(rest, path)
                || path
                    .iter()
                    .enumerate()
                    .any(|(i, &c)| c == b'/' && glob_matches(rest, &path[i + 1..]))
        }
        [b'*', rest @ ..] => (0..=path.len())
            .take_while(|&i| i == 0 || path[i - 1] != b'/')
            .any(|i| glob_matches(rest, &path[i..])),
        [b'?', rest @ ..] => {
            let n = path.first().map_or(0, |&b| utf8_len(b));
            n > 0 && path[0] != b'/' && glob_matches(rest, &path[n.min(path.len())..])
        }
        [g, rest @ ..] => path.first() == Some(g) && glob_matches(rest, &path[1..]),
    }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// One directory walk: its root and what it selects.
struct Walk<'a> {
    root: &'a Path,
    glob: &'a str,
}

fn walk(w: &Walk, dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<Job>) {
    let root = w.root;
    let failed = |source| {
        Job::Failed(InputError::Io {
            input: path_name(dir),
            source,
        })
    };
    match fs::canonicalize(dir) {
        Ok(real) => {
            if !seen.insert(real) {
                return;
            }
        }
        Err(e) => return out.push(failed(e)),
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => return out.push(failed(e)),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        // metadata follows links: a link to a directory is walked (once), a link to a file read
        let Ok(meta) = fs::metadata(&p) else {
            continue;
        };
        let rel = relative(root, &p);
        if meta.is_dir() {
            walk(w, &p, seen, out);
        } else if glob_matches(w.glob.as_bytes(), rel.as_bytes()) {
            out.push(if meta.is_file() {
                Job::Found {
                    id: walked_id(root, &p),
                    path: p,
                }
            } else {
                Job::Failed(InputError::NotAFile { input: path_name(&p) })
            });
        }
    }
}

/// Jobs for a JSONL stream, one per line, read lazily (memory stays flat). A blank line is a
/// [`Job::Failed`], so that results stay line for line with the input. A line
/// longer than 256 MiB becomes a [`InputError::TooLarge`] job without being held in memory;
/// a read error ends the stream after one [`Job::Failed`] for it.
pub fn read_jsonl<R: BufRead + 'static>(mut reader: R) -> impl Iterator<Item = Job> + 'static {
    let mut line = 0usize;
    let mut buf = Vec::new();
    let mut ended = false;
    std::iter::from_fn(move || {
        while !ended {
            buf.clear();
            line += 1;
            let read = match read_line_bounded(&mut reader, &mut buf, MAX_LINE_BYTES) {
                Ok(read) => read,
                Err(source) => {
                    ended = true;
                    return Some(Job::Failed(InputError::Io {
                        input: format!("stdin line {line}"),
                        source,
                    }));
                }
            };
            match read {
                Line::End => ended = true,
                Line::TooLong(bytes) => {
                    return Some(Job::Failed(InputError::TooLarge {
                        input: format!("line {line}"),
                        bytes,
                        limit: MAX_LINE_BYTES,
                    }));
                }
                Line::Read => {
                    if let Some(job) = line_job(line, &mut buf) {
                        return Some(job);
                    }
                }
            }
        }
        None
    })
}

/// The job of one line. A blank line is a job too (it fails as "blank line"), so that a
/// stream gives one record per line, in line with its input.
fn line_job(line: usize, buf: &mut Vec<u8>) -> Option<Job> {
    while buf.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
        buf.pop();
    }
    // a byte-order mark, at the start of a file or of a concatenated one
    if buf.starts_with("\u{FEFF}".as_bytes()) {
        buf.drain(..3);
    }
    if buf.iter().all(u8::is_ascii_whitespace) {
        return Some(Job::Failed(InputError::Json {
            line,
            message: "blank line".to_string(),
        }));
    }
    Some(match String::from_utf8(std::mem::take(buf)) {
        Ok(json) => Job::JsonLine { line, json },
        Err(e) => Job::Failed(InputError::InvalidUtf8 {
            input: format!("line {line}"),
            valid_up_to: e.utf8_error().valid_up_to(),
        }),
    })
}

/// What one bounded line read gave.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// The end of the stream, nothing read.
    End,
    /// A line (with its newline, if any) is in the buffer.
    Read,
    /// The line had this many bytes, more than the cap; it was skipped.
    TooLong(usize),
}

/// `read_until(b'\n')` that keeps at most `cap` bytes: past it, the rest of the line is
/// consumed and dropped.
fn read_line_bounded<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<Line> {
    let mut total = 0usize;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(match total {
                0 => Line::End,
                n if n > cap => Line::TooLong(n),
                _ => Line::Read,
            });
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if total + take <= cap {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            buf.clear();
        }
        total += take;
        reader.consume(take);
        if done {
            return Ok(if total > cap { Line::TooLong(total) } else { Line::Read });
        }
    }
}

#[cfg(test)]
pub(crate) fn read_line_for_test(data: &[u8], cap: usize) -> Vec<(Vec<u8>, String)> {
    let mut r = std::io::Cursor::new(data);
    let mut out = Vec::new();
    loop {
        let mut buf = Vec::new();
        match read_line_bounded(&mut r, &mut buf, cap).unwrap() {
            Line::End => return out,
            l => out.push((buf, format!("{l:?}"))),
        }
    }
}

#[cfg(test)]
mod glob_tests {
    use super::glob_matches;

    #[test]
    fn globs_match_relative_paths() {
        let m = |g: &str, p: &str| glob_matches(g.as_bytes(), p.as_bytes());
        assert!(m("**/*.txt", "a.txt") && m("**/*.txt", "2021-01/001.txt") && m("**/*.txt", "a/b/c.txt"));
        assert!(!m("**/*.txt", "a.json") && !m("*.txt", "a/b.txt"));
        assert!(m("2021-*/*.txt", "2021-01/001.txt") && !m("2021-*/*.txt", "2022-01/001.txt"));
        assert!(m("**/00?.txt", "x/001.txt") && !m("**/00?.txt", "x/0011.txt"));
        assert!(m("?.txt", "医.txt") && m("医*", "医院.txt"));
    }
}
