//! The extractors. Each reads a [`Document`] and pushes what it finds
//! into a caller-owned buffer, with spans in the normalised text; `run` turns them into a
//! [`Record`] with code-point offsets into the input, in one place.

pub mod calendar;
pub mod counts;
pub mod cues;
pub mod dates;
pub mod first_cases;
pub mod hospitals;
pub mod names;
pub mod numeral;
pub mod people;
pub mod places;

use std::cell::Cell;
use std::time::{Duration, Instant};

use calendar::Day;

use crate::record::{Count, DateMention, FirstCase, Hospital, Meta, Person, Record, Surface};
use crate::text::segment::Segmenter;
use crate::text::{Document, Role, Span};

/// When an input's extraction started and how long it may take.
pub(crate) type Deadline = Option<(Instant, Duration)>;

/// The per-input time budget, checked between stages: the first stage reached after the
/// budget ran out, and every stage after it, is skipped.
struct Budget {
    deadline: Deadline,
    stopped_at: Cell<Option<&'static str>>,
}

impl Budget {
    /// Whether `stage` may run.
    fn allows(&self, stage: &'static str) -> bool {
        if self.stopped_at.get().is_some() {
            return false;
        }
        let over = self.deadline.is_some_and(|(start, budget)| start.elapsed() > budget);
        if over {
            self.stopped_at.set(Some(stage));
        }
        !over
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

/// Run the whole pipeline on one text.
pub(crate) fn run(
    seg: &Segmenter,
    reference: Option<Day>,
    id: &str,
    input: &str,
    published: Option<Day>,
    deadline: Deadline,
) -> Record {
    // the offset map keeps positions in 32 bits; a text past 4 GiB is no article
    if u32::try_from(input.len()).is_err() {
        return Record {
            id: id.to_string(),
            ..Record::default()
        };
    }
    let doc = Document::new(input, seg);
    let page_published = doc.layout.published.clone();
    let published_str = match published {
        Some(d) => Some(d.iso()),
        None => page_published.clone(),
    };
    let anchor = published
        .or_else(|| page_published.as_deref().and_then(Day::parse))
        .or(reference);

    let budget = Budget {
        deadline,
        stopped_at: Cell::new(None),
    };
    let cues = cues::Cues::new(&doc);
    let mut dates = Vec::new();
    if budget.allows("dates") {
        dates::extract(&doc, &cues, anchor, &mut dates);
    }
    let date_spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
    let mut counts = Vec::new();
    if budget.allows("counts") {
        counts::extract(&doc, &cues, &date_spans, &mut counts);
    }
    let mut hospitals = Vec::new();
    if budget.allows("hospitals") {
        hospitals::extract(&doc, seg, &cues, &mut hospitals);
    }
    let mut people = Vec::new();
    if budget.allows("people") {
        people::extract(&doc, seg, &cues, &hospitals, &mut people);
    }
    let mut firsts = Vec::new();
    if budget.allows("first_cases") {
        first_cases::extract(&doc, &cues, &hospitals, &counts, &mut firsts);
    }

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
    let meta = Meta {
        title: layout.title.map(|t| doc.slice(t).to_string()),
        published: published_str,
        source: layout.source.clone(),
        authors: names_with(&[Role::Author, Role::Reporter]),
        editors: names_with(&[Role::Editor]),
    };
    Record {
        id: id.to_string(),
        meta,
        hospitals: hospitals.into_iter().filter_map(|h| to_hospital(&doc, h)).collect(),
        people: people.into_iter().filter_map(|p| to_person(&doc, p)).collect(),
        dates: dates
            .into_iter()
            .filter_map(|d| {
                let (start, end, text) = doc.source_span(d.span)?;
                Some(DateMention {
                    text: text.to_string(),
                    start,
                    end,
                    value: d.value,
                })
            })
            .collect(),
        counts: counts
            .into_iter()
            .filter_map(|c| {
                let (start, end, text) = doc.source_span(c.span)?;
                Some(Count {
                    text: text.to_string(),
                    start,
                    end,
                    value: c.value,
                    unit: c.unit,
                    object: c.object,
                    approx: c.approx,
                })
            })
            .collect(),
        first_cases: firsts
            .into_iter()
            .filter_map(|f| {
                let (start, end, text) = doc.source_span(f.span)?;
                Some(FirstCase {
                    text: text.to_string(),
                    start,
                    end,
                    scope: f.scope,
                    what: f.what,
                    hospital: f.hospital,
                    count: f.count,
                })
            })
            .collect(),
        error: budget.error(),
        ..Record::default()
    }
}

/// Code-point mentions and their surfaces, for the spans that map into the input.
fn mentions(doc: &Document, spans: &[Span]) -> (Vec<[usize; 2]>, Vec<Surface>) {
    spans
        .iter()
        .filter_map(|s| doc.source_span(*s))
        .map(|(start, end, text)| {
            (
                [start, end],
                Surface {
                    text: text.to_string(),
                    start,
                    end,
                },
            )
        })
        .unzip()
}

fn to_hospital(doc: &Document, h: hospitals::HospitalFound) -> Option<Hospital> {
    let (mentions, surfaces) = mentions(doc, &h.mentions);
    (!mentions.is_empty()).then_some(Hospital {
        name: h.name,
        mentions,
        surfaces,
    })
}

fn to_person(doc: &Document, p: people::PersonFound) -> Option<Person> {
    let (mentions, surfaces) = mentions(doc, &p.mentions);
    (!mentions.is_empty()).then_some(Person {
        name: p.name,
        titles: p.titles,
        org: p.org,
        mentions,
        surfaces,
    })
}

/// A name as records write it, from normalised text (already simplified and half-width):
/// without lost-character marks, spaces or quotes.
pub(crate) fn clean_name(s: &str) -> String {
    if !s.contains(['?', ' ', '"', '“', '”']) {
        return s.to_string();
    }
    s.chars()
        .filter(|c| !matches!(c, '?' | ' ' | '"' | '“' | '”'))
        .collect()
}

/// Compare a table of test cases and report every mismatch at once.
#[cfg(test)]
pub(crate) fn assert_table<T: PartialEq + std::fmt::Debug>(rows: impl IntoIterator<Item = (String, T, T)>) {
    let failures: Vec<String> = rows
        .into_iter()
        .filter(|(_, want, got)| want != got)
        .map(|(text, want, got)| format!("{text}\n   want {want:?}\n    got {got:?}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
