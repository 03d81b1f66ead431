//! The pipeline room: the order of the stages and what flows between them, in one place.
//!
//! ```text
//! input ─ Document::new (normalise, layout, sentences, clauses) ─ Cues::new (one lexicon scan)
//!   ├─ dates ──────────────┐ date spans
//!   ├─ counts (not in a date span)
//!   ├─ hospitals ──────────┬─ people (a name inside a hospital name is none; organisations)
//!   └─ first cases (hospitals, counts) ┘
//!   → Record: every span mapped back to code points of the input, in one place
//! ```
//!
//! Each stage reads the document, the cues and the results named above; none reads a later
//! one. The per-input time budget is checked as each stage starts, and the same checkpoints
//! time the stages for [`Extractor::stage_times`](crate::Extractor::stage_times).

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use crate::extract::cues::Cues;
use crate::extract::{Rule, clean_name, counts, dates, first_cases, hospitals, people};
use crate::lang::calendar::Day;
use crate::record::{Count, DateMention, FirstCase, Hospital, Meta, Person, Record, Surface};
use crate::text::segment::Segmenter;
use crate::text::{Document, Role, Span};

/// When an input's extraction started and how long it may take.
pub(crate) type Deadline = Option<(Instant, Duration)>;

/// Whether the stages' times are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Timing {
    Off,
    On,
}

/// The stages of one run: the time budget, checked as each stage starts (the first stage
/// reached after the budget ran out, and every stage after it, is skipped), and the time
/// each stage took when [`Timing::On`].
pub(crate) struct Stages {
    deadline: Deadline,
    stopped_at: Cell<Option<&'static str>>,
    timing: Timing,
    current: Cell<Option<(&'static str, Instant)>>,
    times: RefCell<Vec<(&'static str, Duration)>>,
}

impl Stages {
    pub(crate) fn new(deadline: Deadline, timing: Timing) -> Stages {
        Stages {
            deadline,
            stopped_at: Cell::new(None),
            timing,
            current: Cell::new(None),
            times: RefCell::new(Vec::new()),
        }
    }

    /// Start `stage` (ending the one before), a stage that always runs: the document and the
    /// cues every record needs, and the record itself.
    pub(crate) fn always(&self, stage: &'static str) {
        self.close();
        if self.timing == Timing::On {
            self.current.set(Some((stage, Instant::now())));
        }
    }

    /// Start `stage` (ending the one before): whether the budget lets it run.
    pub(crate) fn enter(&self, stage: &'static str) -> bool {
        self.close();
        if self.stopped_at.get().is_some() {
            return false;
        }
        let over = self.deadline.is_some_and(|(start, budget)| start.elapsed() > budget);
        if over {
            self.stopped_at.set(Some(stage));
        } else if self.timing == Timing::On {
            self.current.set(Some((stage, Instant::now())));
        }
        !over
    }

    fn close(&self) {
        if let Some((stage, started)) = self.current.take() {
            self.times.borrow_mut().push((stage, started.elapsed()));
        }
    }

    /// The time of each stage that ran, in order.
    pub(crate) fn times(&self) -> Vec<(&'static str, Duration)> {
        self.close();
        self.times.borrow().clone()
    }

    /// The record's error when a stage was skipped.
    fn error(&self) -> Option<String> {
        let stage = self.stopped_at.get()?;
        let budget = self.deadline.map_or(Duration::ZERO, |(_, b)| b);
        Some(format!(
            "time budget of {budget:?} ran out: `{stage}` and the stages after it were skipped"
        ))
    }
}

/// What the extractors found in one document, in normalised-text spans.
#[derive(Default)]
struct Found {
    dates: Vec<dates::DateFound>,
    counts: Vec<counts::CountMention>,
    hospitals: Vec<hospitals::HospitalFound>,
    people: Vec<people::PersonFound>,
    firsts: Vec<first_cases::FirstFound>,
}

/// Run the whole pipeline on one text; `stages` keeps the time budget and, when asked, the
/// time of each stage.
pub(crate) fn run(
    seg: &Segmenter,
    reference: Option<Day>,
    id: &str,
    input: &str,
    published: Option<Day>,
    stages: &Stages,
) -> Record {
    // the offset map keeps positions in 32 bits; a text past 4 GiB is no article
    if u32::try_from(input.len()).is_err() {
        return Record {
            id: id.to_string(),
            ..Record::default()
        };
    }
    stages.always("document");
    let doc = Document::new(input, seg);
    let page_published = doc.layout.published.as_deref();
    // the caller's date wins over the page's; dates resolve against it, else the reference
    let published_str = published
        .map(|d| d.iso())
        .or_else(|| page_published.map(str::to_string));
    let anchor = published.or_else(|| page_published.and_then(Day::parse)).or(reference);
    stages.always("cues");
    let cues = Cues::new(&doc);
    let found = extract_kinds(&doc, seg, &cues, anchor, stages);
    stages.always("record");
    let mut record = to_record(&doc, found);
    record.id = id.to_string();
    record.meta = meta(&doc, published_str);
    record.error = stages.error();
    record
}

/// The extractors in their order: each reads the document and the cues, and the results
/// named in its call (counts skip date spans; people skip hospital names and take their
/// organisations from them; first cases read hospitals and counts).
fn extract_kinds(doc: &Document, seg: &Segmenter, cues: &Cues, anchor: Option<Day>, stages: &Stages) -> Found {
    let mut f = Found::default();
    if stages.enter("dates") {
        dates::extract(doc, cues, anchor, &mut f.dates);
    }
    if stages.enter("counts") {
        let date_spans: Vec<Span> = f.dates.iter().map(|d| d.span).collect();
        counts::extract(doc, cues, &date_spans, &mut f.counts);
    }
    if stages.enter("hospitals") {
        hospitals::extract(doc, seg, cues, &mut f.hospitals);
    }
    if stages.enter("people") {
        people::extract(doc, seg, cues, &f.hospitals, &mut f.people);
    }
    if stages.enter("first_cases") {
        first_cases::extract(doc, cues, &f.hospitals, &f.counts, &mut f.firsts);
    }
    f
}

/// The page's title, publication date, source, authors and editors.
fn meta(doc: &Document, published: Option<String>) -> Meta {
    let layout = &doc.layout;
    // authors and reporters sign the article; correspondents are people, not authors
    let names_with = |roles: &[Role]| -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for b in layout.bylines.iter().filter(|b| roles.contains(&b.role)) {
            let n = clean_name(doc.slice(b.name));
            if !v.contains(&n) {
                v.push(n);
            }
        }
        v
    };
    Meta {
        title: layout.title.map(|t| doc.slice(t).to_string()),
        published,
        source: layout.source.clone(),
        authors: names_with(&[Role::Author, Role::Reporter]),
        editors: names_with(&[Role::Editor]),
    }
}

/// The record of what was found: every span mapped to code points of the input, in one
/// place; a span that maps to nothing (inside dropped noise) is left out.
fn to_record(doc: &Document, f: Found) -> Record {
    Record {
        hospitals: f.hospitals.into_iter().filter_map(|h| to_hospital(doc, h)).collect(),
        people: f.people.into_iter().filter_map(|p| to_person(doc, p)).collect(),
        dates: f.dates.into_iter().filter_map(|d| to_date(doc, d)).collect(),
        counts: f.counts.into_iter().filter_map(|c| to_count(doc, c)).collect(),
        first_cases: f.firsts.into_iter().filter_map(|c| to_first_case(doc, c)).collect(),
        ..Record::default()
    }
}

fn to_date(doc: &Document, d: dates::DateFound) -> Option<DateMention> {
    let (start, end, text) = doc.source_span(d.span)?;
    Some(DateMention {
        text: text.to_string(),
        start,
        end,
        value: d.value,
        rule: d.rule,
    })
}

fn to_count(doc: &Document, c: counts::CountMention) -> Option<Count> {
    let (start, end, text) = doc.source_span(c.span)?;
    Some(Count {
        text: text.to_string(),
        start,
        end,
        value: c.value,
        unit: c.unit,
        object: c.object,
        approx: c.approx,
        rule: c.rule,
    })
}

fn to_first_case(doc: &Document, f: first_cases::FirstFound) -> Option<FirstCase> {
    let (start, end, text) = doc.source_span(f.span)?;
    Some(FirstCase {
        text: text.to_string(),
        start,
        end,
        scope: f.scope,
        what: f.what,
        hospital: f.hospital,
        count: f.count,
        rule: f.rule,
    })
}

/// Code-point mentions and their surfaces, for the spans that map into the input.
fn mentions(doc: &Document, spans: &[Span], rules: &[Rule]) -> (Vec<[usize; 2]>, Vec<Surface>) {
    spans
        .iter()
        .zip(rules.iter().copied().chain(std::iter::repeat(Rule::Repeat)))
        .filter_map(|(s, rule)| doc.source_span(*s).map(|m| (m, rule)))
        .map(|((start, end, text), rule)| {
            (
                [start, end],
                Surface {
                    text: text.to_string(),
                    start,
                    end,
                    rule,
                },
            )
        })
        .unzip()
}

fn to_hospital(doc: &Document, h: hospitals::HospitalFound) -> Option<Hospital> {
    let (mentions, surfaces) = mentions(doc, &h.mentions, &h.rules);
    (!mentions.is_empty()).then_some(Hospital {
        name: h.name,
        mentions,
        surfaces,
    })
}

fn to_person(doc: &Document, p: people::PersonFound) -> Option<Person> {
    let (mentions, surfaces) = mentions(doc, &p.mentions, &p.rules);
    (!mentions.is_empty()).then_some(Person {
        name: p.name,
        titles: p.titles,
        org: p.org,
        mentions,
        surfaces,
    })
}
