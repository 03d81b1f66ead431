//! zhnews turns Chinese news articles on hospital aid programmes into structured records:
//! hospitals, people (with titles and organisations), dates, counts and first-case claims,
//! each with exact code-point offsets into the input.
//!
//! ```
//! use zhnews::Extractor;
//!
//! let extractor = Extractor::new(); // build once, share across threads
//! let record = extractor.extract(
//!     "a1",
//!     "7月14日,华西医院党委书记李明带领19名专家赴浏阳市第一人民医院开展义诊。",
//! );
//! assert_eq!(record.counts[0].text, "19名专家");
//! assert_eq!(record.counts[0].value, 19.0);
//! assert!(record.hospitals.iter().any(|h| h.name == "浏阳市第一人民医院"));
//! assert_eq!(record.people[0].name, "李明");
//! ```
//!
//! The pipeline flows one way: input → normalised document (simplified, half-width, noise
//! removed, with an offset map) → tokens and lexicon cues → extractors → [`Record`]. Offsets in records
//! always point into the input exactly as given, so `input[start:end] == text` in code points.

#![warn(missing_docs)]

mod batch;
mod data;
mod error;
mod extract;
mod lang;
mod offsets;
mod pipeline;
mod record;
mod table;
mod text;
mod view;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Deserialize;

pub use batch::{DEFAULT_GLOB, Job, read_jsonl, read_paths, read_paths_matching};
pub use error::{BuildError, InputError};
pub use offsets::Offsets;
pub use record::{Approx, Count, DateMention, FirstCase, Hospital, Mention, Meta, Person, Record, Rule, Surface};
pub use table::MentionRow;

use lang::calendar::Day;
use pipeline::{Stages, Timing};
use text::segment::Segmenter;

/// The text of a panic payload (`panic!` with a literal or a formatted message).
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// The JSON Schema (draft 2020-12) of a [`Record`], generated from the record types.
///
/// ```
/// let schema = zhnews::record_schema();
/// assert!(schema["properties"]["counts"].is_object());
/// ```
#[cfg(feature = "schema")]
pub fn record_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Record)).unwrap_or_default()
}

/// The default per-input [time budget](ExtractorBuilder::time_budget).
const DEFAULT_TIME_BUDGET: Duration = Duration::from_secs(60);

/// One article to extract from.
///
/// ```
/// let input = zhnews::Input::new("a1", "3名专家抵达。").published("2024-05-06");
/// let r = zhnews::Extractor::new().extract_input(&input);
/// assert_eq!(r.meta.published.as_deref(), Some("2024-05-06"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Input {
    /// The id written into the record. In JSONL a number is accepted and written as text.
    #[serde(default, deserialize_with = "id_text")]
    pub id: String,
    /// The article text (a whole scraped page is fine).
    pub text: String,
    /// Publication date (`YYYY-MM-DD`), when the caller knows it better than the page.
    #[serde(default)]
    pub published: Option<String>,
    /// Any other fields of a JSONL line (`url`, `site`, …), carried into the record unchanged.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Input {
    /// An input with an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Input {
        Input {
            id: id.into(),
            text: text.into(),
            ..Input::default()
        }
    }

    /// The publication date (`YYYY-MM-DD`), which wins over the page's own.
    pub fn published(mut self, date: impl Into<String>) -> Input {
        self.published = Some(date.into());
        self
    }
}

/// An id written as a JSON string or number.
fn id_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Null => Ok(String::new()),
        other => Err(serde::de::Error::custom(format!(
            "`id` must be a string or a number, not {other}"
        ))),
    }
}

/// The extraction pipeline: build once, then call [`Extractor::extract`] from any thread.
///
/// Building loads the segmenter's dictionary (≈ 200 ms the first time in a process; later
/// extractors share it). Extraction takes `&self`, never fails, and never panics: empty or
/// odd text gives a record with empty lists.
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    segmenter: Segmenter,
    reference: Option<Day>,
    max_input_bytes: usize,
    time_budget: Option<Duration>,
}

/// Options for an [`Extractor`].
///
/// ```
/// let ex = zhnews::Extractor::builder()
///     .reference_date("2024-12-10")
///     .user_dict("红石榴计划 1000 n")
///     .build()?;
/// let r = ex.extract("x", "11月,专家赴当地义诊。");
/// assert_eq!(r.dates[0].value, "2024-11");
/// # Ok::<(), zhnews::BuildError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    reference: Option<String>,
    user_dicts: Vec<String>,
    max_input_bytes: usize,
    time_budget: Option<Duration>,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            reference: None,
            user_dicts: Vec::new(),
            max_input_bytes: 64 << 20,
            time_budget: Some(DEFAULT_TIME_BUDGET),
        }
    }
}

impl ExtractorBuilder {
    /// The date that partial dates (`7月14日`, `今年`) resolve against when the article has no
    /// publication date of its own. Without either, unknown digits are `X` (`XXXX-07-14`).
    pub fn reference_date(mut self, date: &str) -> Self {
        self.reference = Some(date.to_string());
        self
    }

    /// Extra segmentation vocabulary, in jieba's `word [freq] [tag]` format, one per line.
    pub fn user_dict(mut self, dict: &str) -> Self {
        self.user_dicts.push(dict.to_string());
        self
    }

    /// Inputs larger than this many bytes are refused by the batch readers (default 64 MiB).
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// The longest one input may take (default 60 s; `None` for no limit). Every path of the
    /// pipeline is linear in the input, so this is a last guard, not a tuning knob: an input
    /// past it gets a record with the kinds found so far and an [`error`](Record::error)
    /// that says which stages were skipped.
    pub fn time_budget(mut self, budget: Option<Duration>) -> Self {
        self.time_budget = budget;
        self
    }

    /// Build the extractor.
    ///
    /// # Errors
    /// A malformed user dictionary line, or a reference date that is not a calendar date:
    ///
    /// ```
    /// assert!(zhnews::Extractor::builder().reference_date("2022-02-30").build().is_err());
    /// ```
    pub fn build(self) -> Result<Extractor, BuildError> {
        let reference = match &self.reference {
            Some(s) => Some(Day::parse(s).ok_or_else(|| BuildError::ReferenceDate(s.clone()))?),
            None => None,
        };
        let segmenter = Segmenter::with_user_dicts(&self.user_dicts)?;
        Ok(Extractor {
            inner: Arc::new(Inner {
                segmenter,
                reference,
                max_input_bytes: self.max_input_bytes,
                time_budget: self.time_budget,
            }),
        })
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// The default extractor: embedded dictionaries, no reference date.
    pub fn new() -> Extractor {
        Extractor {
            inner: Arc::new(Inner {
                segmenter: Segmenter::new(),
                reference: None,
                max_input_bytes: ExtractorBuilder::default().max_input_bytes,
                time_budget: ExtractorBuilder::default().time_budget,
            }),
        }
    }

    /// Options for an extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extract one article. A text of 4 GiB or more gives an empty record.
    pub fn extract(&self, id: &str, text: &str) -> Record {
        self.guarded(id, text, None)
    }

    /// Extract one [`Input`]; its `published` date, when given, wins over the page's.
    pub fn extract_input(&self, input: &Input) -> Record {
        let published = input.published.as_deref().and_then(Day::parse);
        let mut record = self.guarded(&input.id, &input.text, published);
        record.extra = input
            .extra
            .iter()
            .filter(|(k, _)| !record::RECORD_KEYS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        record
    }

    /// The pipeline, with a panic (a bug) confined to this input: the record comes back empty
    /// with an [`error`](Record::error) instead of unwinding into the caller's batch.
    fn guarded(&self, id: &str, text: &str, published: Option<Day>) -> Record {
        let inner = &self.inner;
        let stages = Stages::new(inner.time_budget.map(|b| (Instant::now(), b)), Timing::Off);
        self.guarded_with(id, text, published, &stages)
    }

    fn guarded_with(&self, id: &str, text: &str, published: Option<Day>, stages: &Stages) -> Record {
        let inner = &self.inner;
        let run = || pipeline::run(&inner.segmenter, inner.reference, id, text, published, stages);
        catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|payload| Record {
            id: id.to_string(),
            error: Some(format!(
                "internal error ({}); this is a bug in zhnews, please report it with this input",
                panic_message(payload.as_ref())
            )),
            ..Record::default()
        })
    }

    /// Extract many inputs in parallel (rayon), yielding results **in input order** as they
    /// are ready. Memory stays flat: at most a few hundred inputs are in flight. A job that
    /// cannot be read yields its own `Err` and the batch goes on.
    ///
    /// ```
    /// use zhnews::{Extractor, Input, Job};
    /// let ex = Extractor::new();
    /// let jobs = (0..3).map(|i| Job::Text(Input::new(i.to_string(), "5名专家")));
    /// let ids: Vec<String> = ex.extract_batch(jobs).map(|r| r.unwrap().id).collect();
    /// assert_eq!(ids, ["0", "1", "2"]);
    /// ```
    pub fn extract_batch<I>(&self, jobs: I) -> impl Iterator<Item = Result<Record, InputError>> + use<I>
    where
        I: IntoIterator<Item = Job>,
    {
        batch::ordered(self, jobs.into_iter()).map(|r| r.map_err(|f| f.error))
    }

    /// Extract one article and draw the record over it: a self-contained HTML page with every
    /// mention highlighted by kind, values on hover, and the page chrome greyed out.
    ///
    /// ```
    /// let html = zhnews::Extractor::new().html("a", "县人民医院派出5名专家。");
    /// assert!(html.contains("<span class=\"count\" title=\"count: 5 名 专家 (Exact)\">5名专家</span>"));
    /// ```
    pub fn html(&self, id: &str, text: &str) -> String {
        let record = self.extract(id, text);
        view::render(&self.inner.segmenter, text, &record)
    }

    /// Extract borrowed inputs in parallel (rayon); the records come back in input order.
    ///
    /// ```
    /// use zhnews::{Extractor, Input};
    /// let inputs = [Input::new("a", "5名专家"), Input::new("b", "3例手术")];
    /// let records = Extractor::new().extract_all(&inputs);
    /// assert_eq!(records[1].counts[0].value, 3.0);
    /// ```
    pub fn extract_all(&self, inputs: &[Input]) -> Vec<Record> {
        use rayon::prelude::*;
        inputs.par_iter().map(|input| self.extract_input(input)).collect()
    }

    /// Like [`extract_batch`](Self::extract_batch), but exactly one record per job, in order:
    /// a job that fails gives a record with its id (a JSONL line's number when the line
    /// cannot be read), its path, empty lists and an [`error`](Record::error). This is the
    /// line-for-line contract of a Spark `pipe()` stage or a Hadoop Streaming mapper.
    ///
    /// ```
    /// use zhnews::{Extractor, Job};
    /// let jobs = vec![
    ///     Job::JsonLine { line: 1, json: r#"{"id":"a","text":"5名专家"}"#.into() },
    ///     Job::JsonLine { line: 2, json: "{broken".into() },
    /// ];
    /// let records: Vec<_> = Extractor::new().records(jobs).collect();
    /// assert_eq!((records[0].id.as_str(), records[0].error.is_none()), ("a", true));
    /// assert_eq!((records[1].id.as_str(), records[1].error.is_some()), ("2", true));
    /// ```
    pub fn records<I>(&self, jobs: I) -> impl Iterator<Item = Record> + use<I>
    where
        I: IntoIterator<Item = Job>,
    {
        batch::ordered(self, jobs.into_iter()).map(|r| r.unwrap_or_else(batch::Failure::into_record))
    }

    /// Extract one text and time each stage of the pipeline (`document`: normalise, layout,
    /// sentences; `cues`; `dates`; `counts`; `hospitals`; `people`; `first_cases`; `record`:
    /// offsets mapped back to the input), in the order they ran. For profiling and benches;
    /// segmentation is lazy, so each extractor's time includes the words it had cut.
    ///
    /// ```
    /// let ex = zhnews::Extractor::new();
    /// let (record, times) = ex.stage_times("a", "县人民医院派出5名专家。");
    /// assert_eq!(record.counts.len(), 1);
    /// assert_eq!(times.first().map(|t| t.0), Some("document"));
    /// assert_eq!(times.len(), 8);
    /// ```
    pub fn stage_times(&self, id: &str, text: &str) -> (Record, Vec<(&'static str, Duration)>) {
        let stages = Stages::new(None, Timing::On);
        let record = self.guarded_with(id, text, None, &stages);
        (record, stages.times())
    }

    /// The largest input the batch readers accept, in bytes.
    pub fn max_input_bytes(&self) -> usize {
        self.inner.max_input_bytes
    }
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod testoibits {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn extractor_is_send_sync() {
        assert_send_sync::<Extractor>();
        assert_send_sync::<Record>();
        assert_send_sync::<BuildError>();
        assert_send_sync::<InputError>();
    }
}
