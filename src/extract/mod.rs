//! The extractors. Each reads a [`Document`](crate::text::Document) and pushes what it finds
//! into a caller-owned buffer, with spans in the normalised text; the pipeline
//! (`pipeline.rs`) runs them in order and turns their results into a record.

pub mod counts;
pub mod cues;
pub mod dates;
pub mod first_cases;
pub mod hospitals;
pub mod people;
pub mod rule;

pub use rule::Rule;

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
