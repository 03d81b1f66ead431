//! The invariants both fuzz targets check on every record (the contract of `src/record.rs`):
//!
//! - every `text`/`start`/`end` span (dates, counts, first cases) is exactly
//!   `input[start..end]` in code points;
//! - every hospital and person mention `[s, e]` is a non-empty span inside the input
//!   (`s < e <= chars`);
//! - dates, counts and first cases are in document order (sorted by `start`);
//! - each hospital's and person's mentions are in document order, and the lists themselves
//!   are ordered by first mention;
//! - count values are finite.
//!
//! Extraction must also never panic; libFuzzer catches that on its own.

use std::sync::LazyLock;

use zhnews::{Extractor, Record};

/// Built once per fuzzing process (loading the segmenter's dictionary takes ~200 ms).
pub static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn slice(chars: &[char], start: usize, end: usize) -> Option<String> {
    (start <= end && end <= chars.len()).then(|| chars[start..end].iter().collect())
}

fn check_span(kind: &str, chars: &[char], text: &str, start: usize, end: usize) {
    assert_eq!(
        slice(chars, start, end).as_deref(),
        Some(text),
        "{kind} span [{start}, {end}) of a {}-char input does not hold its text {text:?}",
        chars.len()
    );
}

fn check_sorted(kind: &str, starts: impl Iterator<Item = usize>) {
    let starts: Vec<usize> = starts.collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "{kind} are not in document order: starts {starts:?}"
    );
}

fn check_mentions(kind: &str, name: &str, chars: &[char], mentions: &[[usize; 2]]) {
    assert!(!mentions.is_empty(), "{kind} {name:?} has no mention");
    for &[s, e] in mentions {
        assert!(
            s < e && e <= chars.len(),
            "{kind} {name:?} mention [{s}, {e}] is not a non-empty span of a {}-char input",
            chars.len()
        );
    }
    check_sorted(&format!("{kind} {name:?} mentions"), mentions.iter().map(|m| m[0]));
}

/// Assert every promise of `record` about `input`.
pub fn check(input: &str, record: &Record) {
    let chars: Vec<char> = input.chars().collect();
    for d in &record.dates {
        check_span("date", &chars, &d.text, d.start, d.end);
    }
    for c in &record.counts {
        check_span("count", &chars, &c.text, c.start, c.end);
        assert!(c.value.is_finite(), "count {:?} has value {}", c.text, c.value);
    }
    for f in &record.first_cases {
        check_span("first case", &chars, &f.text, f.start, f.end);
    }
    check_sorted("dates", record.dates.iter().map(|d| d.start));
    check_sorted("counts", record.counts.iter().map(|c| c.start));
    check_sorted("first cases", record.first_cases.iter().map(|f| f.start));

    for h in &record.hospitals {
        check_mentions("hospital", &h.name, &chars, &h.mentions);
    }
    for p in &record.people {
        check_mentions("person", &p.name, &chars, &p.mentions);
    }
    check_sorted("hospitals", record.hospitals.iter().map(|h| h.mentions[0][0]));
    check_sorted("people", record.people.iter().map(|p| p.mentions[0][0]));
}

/// Extract `input` with the shared extractor and check the record.
pub fn extract_and_check(input: &str) -> Record {
    let record = EXTRACTOR.extract("fuzz", input);
    check(input, &record);
    record
}
