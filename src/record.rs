//! The output contract: plain serde records, one per article (SPEC §1).
//!
//! Every offset here is a **Unicode code-point offset, half-open, into the input text exactly
//! as given**, so `input.chars().skip(start).take(end - start)` equals `text`. Names, titles,
//! units, objects and values are simplified Chinese, cleaned of pinyin noise.

use serde::{Deserialize, Serialize};

/// The record's own keys: an input field of the same name is not carried through.
pub(crate) const RECORD_KEYS: &[&str] = &[
    "schema_version",
    "id",
    "path",
    "meta",
    "hospitals",
    "people",
    "dates",
    "counts",
    "first_cases",
    "error",
];

/// The version of the record's shape written into every record.
pub(crate) const SCHEMA_VERSION: u32 = 3;

impl Record {
    /// The version of the record's shape written into every record: it changes when a field
    /// changes meaning or goes away.
    pub const SCHEMA_VERSION: u32 = SCHEMA_VERSION;
}

/// Everything zhnews found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Record {
    /// The version of this record's shape ([`Record::SCHEMA_VERSION`]); it changes when a field
    /// changes meaning or is removed.
    #[serde(default)]
    pub schema_version: u32,
    /// The input's id (for a file: its name without extension; for a file found in a
    /// directory: its path below the directory, without extension, such as `2021-01/001`).
    pub id: String,
    /// The file the input was read from, when it was read from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Title, publication date, source and bylines.
    pub meta: Meta,
    /// Distinct hospitals, ordered by first mention.
    pub hospitals: Vec<Hospital>,
    /// Distinct named people, ordered by first mention.
    pub people: Vec<Person>,
    /// Calendar expressions in document order.
    pub dates: Vec<DateMention>,
    /// Quantities in document order.
    pub counts: Vec<Count>,
    /// First-time achievement claims in document order.
    pub first_cases: Vec<FirstCase>,
    /// Why this record is incomplete, when it is: the per-input time budget ran out (the
    /// stages after it were skipped), or an internal error. Absent on a complete record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The input's other fields (a JSONL line's `url`, `site`, …), carried through unchanged.
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The article's own header: what a librarian would catalogue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meta {
    /// The headline, in simplified Chinese; `None` when the page shows none.
    pub title: Option<String>,
    /// ISO 8601 date or date-time of publication, from the article's meta line (never from
    /// page chrome) or from the caller.
    pub published: Option<String>,
    /// The publishing outlet (`来源:`), or the news agency of a dateline.
    pub source: Option<String>,
    /// Authors and reporters, in byline order.
    pub authors: Vec<String>,
    /// Editors (`编辑:`, `责任编辑:`), kept apart from authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<String>,
}

/// A `[start, end)` code-point span into the original input.
pub type Mention = [usize; 2];

/// One mention with its surface: the same span as a [`Mention`], with the text it covers, so
/// that every kind of mention reads alike (`text`, `start`, `end`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Surface {
    /// The original surface.
    pub text: String,
    /// Code-point start in the input.
    pub start: usize,
    /// Code-point end (exclusive) in the input.
    pub end: usize,
    /// The rule that found it ([`Rule`]: `title_before_name`, `calendar_date`…).
    #[serde(default)]
    pub rule: Rule,
}

/// One medical institution that treats patients (SPEC §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Hospital {
    /// The fullest official name the article states or implies.
    pub name: String,
    /// Every surface that refers to it, in document order (SPEC §1's `[start, end)` pairs).
    pub mentions: Vec<Mention>,
    /// The same mentions with their text.
    #[serde(default)]
    pub surfaces: Vec<Surface>,
}

/// One real, named person (SPEC §4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    /// The name, simplified; minority names keep their `·`.
    pub name: String,
    /// Every title or role attached to the person, without the organisation.
    pub titles: Vec<String>,
    /// The organisation of the main title.
    pub org: Option<String>,
    /// Every surface of the name, in document order (SPEC §1's `[start, end)` pairs).
    pub mentions: Vec<Mention>,
    /// The same mentions with their text.
    #[serde(default)]
    pub surfaces: Vec<Surface>,
}

/// A calendar expression (SPEC §5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateMention {
    /// The original surface.
    pub text: String,
    /// Code-point start in the input.
    pub start: usize,
    /// Code-point end (exclusive) in the input.
    pub end: usize,
    /// ISO 8601 / EDTF: `2022-07-18`, `2022-07-14/2022-07-17`, `2010/..`, `XXXX-03-04`.
    pub value: String,
    /// The rule that found it ([`Rule`]: `title_before_name`, `calendar_date`…).
    #[serde(default)]
    pub rule: Rule,
}

pub use crate::extract::Rule;
pub use crate::lang::numeral::Approx;

/// A quantity with its unit (SPEC §6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    /// The original surface.
    pub text: String,
    /// Code-point start in the input.
    pub start: usize,
    /// Code-point end (exclusive) in the input.
    pub end: usize,
    /// The number (`近6万` → 60000, `六成` → 60); written as an integer when it is one.
    #[serde(serialize_with = "number::serialize")]
    pub value: f64,
    /// Classifier or measure (`名`, `人次`, `万元`, `%`), or `None` for a bare large number.
    pub unit: Option<String>,
    /// The noun counted, where the text gives it.
    pub object: Option<String>,
    /// Approximation marker.
    pub approx: Approx,
    /// The rule that found it ([`Rule`]: `title_before_name`, `calendar_date`…).
    #[serde(default)]
    pub rule: Rule,
}

/// A claim that something was achieved for the first time (SPEC §7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FirstCase {
    /// The shortest phrase that states the claim, with its scope words.
    pub text: String,
    /// Code-point start in the input.
    pub start: usize,
    /// Code-point end (exclusive) in the input.
    pub end: usize,
    /// Where it is a first: `全疆`, `哈密地区`, a hospital.
    pub scope: Option<String>,
    /// What was done for the first time.
    pub what: Option<String>,
    /// The hospital that achieved it, where the text says.
    pub hospital: Option<String>,
    /// How many firsts the claim counts (`首例手术累计已达120例` → 120).
    pub count: Option<u64>,
    /// The rule that found it ([`Rule`]: `title_before_name`, `calendar_date`…).
    #[serde(default)]
    pub rule: Rule,
}

mod number {
    use serde::Serializer;

    /// Integers as JSON integers (`211`, not `211.0`), everything else as a float.
    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(*v as i64)
        } else {
            s.serialize_f64(*v)
        }
    }
}

impl Default for Record {
    fn default() -> Self {
        Record {
            schema_version: SCHEMA_VERSION,
            id: String::new(),
            path: None,
            meta: Meta::default(),
            hospitals: Vec::new(),
            people: Vec::new(),
            dates: Vec::new(),
            counts: Vec::new(),
            first_cases: Vec::new(),
            error: None,
            extra: serde_json::Map::new(),
        }
    }
}
