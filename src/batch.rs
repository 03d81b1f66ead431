//! Batches: inputs from files, directories and JSONL streams, extracted in parallel with
//! rayon and yielded in input order, with memory bounded by the bytes in flight.
//!
//! Reading and decoding happen in the workers, so one slow or bad input never holds up the
//! others' work, and a bad one becomes its own `Err` instead of stopping the batch. There is
//! no chunk barrier: a result is yielded as soon as it and every result before it are done,
//! and new inputs are started while the bytes of the inputs not yet yielded stay under a
//! window. A panic inside one input's extraction is caught and becomes that input's error.

mod sources;

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

pub use sources::{DEFAULT_GLOB, read_jsonl, read_paths, read_paths_matching};

use crate::error::{InputError, path_name};
use crate::{Extractor, Input, Record};

/// Input bytes started but not yet yielded. Large enough to keep every thread busy behind
/// one slow article; small enough that memory does not grow with the batch.
const WINDOW_BYTES: usize = 64 << 20;
/// The weight of the smallest input, so that a stream of tiny inputs is bounded in count too.
const MIN_WEIGHT: usize = 4 << 10;

/// One unit of batch work.
#[derive(Debug)]
#[non_exhaustive]
pub enum Job {
    /// Text already in memory.
    Text(Input),
    /// A file to read; the record's id is the file name without extension.
    File(PathBuf),
    /// A file found in a directory walk; the record's id is its path relative to the walk's
    /// root, without extension and with `/` separators (`2021-01/001`), so that files of the
    /// same name in different folders keep distinct ids.
    Found {
        /// The file.
        path: PathBuf,
        /// The id written into the record.
        id: String,
    },
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

impl Job {
    /// The file this job reads, if it reads one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Job::File(path) | Job::Found { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The name errors use for this job.
    fn name(&self) -> String {
        match self {
            Job::Text(input) => input.id.clone(),
            Job::File(path) | Job::Found { path, .. } => path_name(path),
            Job::JsonLine { line, .. } => format!("line {line}"),
            Job::Failed(e) => e.input(),
        }
    }

    /// The id and source path a record of this job gets, known before the job runs (a JSONL
    /// line's id is known only once parsed: its line number stands in).
    fn label(&self) -> (String, Option<String>) {
        match self {
            Job::Text(input) => (input.id.clone(), None),
            Job::File(path) => (sources::file_id(path), Some(path_name(path))),
            Job::Found { path, id } => (id.clone(), Some(path_name(path))),
            Job::JsonLine { line, .. } => (line.to_string(), None),
            Job::Failed(e) => {
                let name = e.input();
                let line = name.strip_prefix("line ").filter(|n| n.parse::<usize>().is_ok());
                (line.map_or_else(|| name.clone(), str::to_string), None)
            }
        }
    }

    /// Bytes this job holds or will read, for the window.
    fn weight(&self) -> usize {
        let bytes = match self {
            Job::Text(input) => input.text.len(),
            Job::File(path) | Job::Found { path, .. } => {
                std::fs::metadata(path).map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX))
            }
            Job::JsonLine { json, .. } => json.len(),
            Job::Failed(_) => 0,
        };
        bytes.max(MIN_WEIGHT)
    }
}

type Outcome = Result<Record, Failure>;

/// A started job: its weight, and its result once a worker sent it.
struct Slot {
    weight: usize,
    result: Option<Outcome>,
}

/// The ordered, windowed stream of results (see the module docs).
struct Ordered<I> {
    ex: Extractor,
    jobs: I,
    exhausted: bool,
    /// Sequence number of the front slot.
    head: u64,
    slots: VecDeque<Slot>,
    in_flight: usize,
    tx: mpsc::Sender<(u64, Outcome)>,
    rx: mpsc::Receiver<(u64, Outcome)>,
}

pub(crate) fn ordered<I>(ex: &Extractor, jobs: I) -> impl Iterator<Item = Outcome> + use<I>
where
    I: Iterator<Item = Job>,
{
    let (tx, rx) = mpsc::channel();
    Ordered {
        ex: ex.clone(),
        jobs,
        exhausted: false,
        head: 0,
        slots: VecDeque::new(),
        in_flight: 0,
        tx,
        rx,
    }
}

impl<I: Iterator<Item = Job>> Iterator for Ordered<I> {
    type Item = Outcome;

    fn next(&mut self) -> Option<Outcome> {
        loop {
            while let Ok(done) = self.rx.try_recv() {
                self.store(done);
            }
            if let Some(result) = self.pop_ready() {
                return Some(result);
            }
            if !self.exhausted && (self.slots.is_empty() || self.in_flight + MIN_WEIGHT <= WINDOW_BYTES) {
                match self.jobs.next() {
                    Some(job) => self.start(job),
                    None => self.exhausted = true,
                }
                continue;
            }
            if self.slots.is_empty() {
                return None;
            }
            let done = self.wait()?;
            self.store(done);
        }
    }
}

impl<I> Ordered<I> {
    fn start(&mut self, job: Job) {
        let weight = job.weight();
        let seq = self.head + self.slots.len() as u64;
        self.slots.push_back(Slot { weight, result: None });
        self.in_flight += weight;
        let ex = self.ex.clone();
        let tx = self.tx.clone();
        rayon::spawn(move || {
            // the receiver may be gone when the caller stopped early; nothing to do then
            let _ = tx.send((seq, run_guarded(&ex, job)));
        });
    }

    fn store(&mut self, (seq, result): (u64, Outcome)) {
        let Some(i) = seq.checked_sub(self.head).and_then(|i| usize::try_from(i).ok()) else {
            return;
        };
        if let Some(slot) = self.slots.get_mut(i) {
            slot.result = Some(result);
        }
    }

    fn pop_ready(&mut self) -> Option<Outcome> {
        if self.slots.front()?.result.is_none() {
            return None;
        }
        let slot = self.slots.pop_front()?;
        self.head += 1;
        self.in_flight -= slot.weight;
        slot.result
    }

    /// Block until a worker finishes. Inside a rayon worker (a batch run from parallel code),
    /// help the pool instead of blocking it, so a one-thread pool cannot deadlock.
    fn wait(&self) -> Option<(u64, Outcome)> {
        if rayon::current_thread_index().is_none() {
            return self.rx.recv().ok();
        }
        loop {
            match self.rx.try_recv() {
                Ok(done) => return Some(done),
                Err(mpsc::TryRecvError::Disconnected) => return None,
                Err(mpsc::TryRecvError::Empty) => {
                    if rayon::yield_now() != Some(rayon::Yield::Executed) {
                        std::thread::yield_now();
                    }
                }
            }
        }
    }
}

/// Run one job; a panic anywhere in it becomes this job's error.
fn run_guarded(ex: &Extractor, job: Job) -> Outcome {
    let name = job.name();
    let (id, path) = job.label();
    let result = catch_unwind(AssertUnwindSafe(|| run_job(ex, job))).unwrap_or_else(|payload| {
        Err(InputError::Panicked {
            input: name,
            message: crate::panic_message(payload.as_ref()),
        })
    });
    match result {
        Ok(mut record) => {
            record.path = path;
            Ok(record)
        }
        Err(error) => {
            // a line that parsed but failed later (a bad `published`, too large) has an id
            let id = match &error {
                InputError::Published { input, .. } | InputError::TooLarge { input, .. } if !input.is_empty() => {
                    input.clone()
                }
                _ => id,
            };
            Err(Failure { id, path, error })
        }
    }
}

/// A job that gave no record: its error, with the id and path a record of it would carry.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) id: String,
    pub(crate) path: Option<String>,
    pub(crate) error: InputError,
}

impl Failure {
    /// The record that stands for this job in a line-for-line stream: id, path and error.
    pub(crate) fn into_record(self) -> Record {
        Record {
            id: self.id,
            path: self.path,
            error: Some(self.error.to_string()),
            ..Record::default()
        }
    }
}

/// An id that makes a test job panic inside the worker, to test that the batch survives it.
#[cfg(test)]
const PANIC_ID: &str = "__zhnews_test_panic__";

fn run_job(ex: &Extractor, job: Job) -> Result<Record, InputError> {
    #[cfg(test)]
    if matches!(&job, Job::Text(i) if i.id == PANIC_ID) {
        panic!("deliberate test panic");
    }
    let input = match job {
        Job::Text(input) => check_size(input, ex.max_input_bytes())?,
        Job::File(path) => sources::read_file(&path, None, ex.max_input_bytes())?,
        Job::Found { path, id } => sources::read_file(&path, Some(id), ex.max_input_bytes())?,
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
    if let Some(value) = input
        .published
        .as_ref()
        .filter(|p| crate::lang::calendar::Day::parse(p).is_none())
    {
        return Err(InputError::Published {
            input: input.id.clone(),
            value: value.clone(),
        });
    }
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

#[cfg(test)]
mod tests;
