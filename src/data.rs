//! Embedded lexicons: plain text files under `src/data/`, one entry per line, `#` comments.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};

/// FNV-1a, for lexicon sets: they hash many short strings per article, where SipHash's
/// protection against adversarial keys buys nothing.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv;

/// The hasher state of [`Fnv`].
pub(crate) struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// A lexicon as a set.
pub(crate) type WordSet = std::collections::HashSet<&'static str, Fnv>;

/// A DFA over lexicon words. Every automaton here is built once per process and then
/// searched over every sentence, so the DFA's larger construction cost is the right trade.
/// The patterns are embedded data validated by tests; a build failure is a programming error.
pub(crate) fn dfa<I, P>(patterns: I, match_kind: MatchKind, start: StartKind) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(match_kind)
        .start_kind(start)
        .build(patterns)
        .expect("embedded lexicons build an automaton")
}

/// The entries of a lexicon file: trimmed, non-empty, comments dropped.
pub(crate) fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lexicon files, for the validation test.
#[cfg(test)]
pub(crate) const FILES: &[(&str, &str)] = &[
    ("chrome_words.txt", include_str!("data/chrome_words.txt")),
    ("count_idioms.txt", include_str!("data/count_idioms.txt")),
    ("count_objects.txt", include_str!("data/count_objects.txt")),
    ("first_aspirations.txt", include_str!("data/first_aspirations.txt")),
    ("first_scopes.txt", include_str!("data/first_scopes.txt")),
    ("first_triggers.txt", include_str!("data/first_triggers.txt")),
    ("first_verbs.txt", include_str!("data/first_verbs.txt")),
    ("footer_cues.txt", include_str!("data/footer_cues.txt")),
    ("hospital_generic.txt", include_str!("data/hospital_generic.txt")),
    ("hospital_parts.txt", include_str!("data/hospital_parts.txt")),
    ("hospital_suffixes.txt", include_str!("data/hospital_suffixes.txt")),
    ("image_lines.txt", include_str!("data/image_lines.txt")),
    ("nations.txt", include_str!("data/nations.txt")),
    ("places.txt", include_str!("data/places.txt")),
    ("segment_dict.txt", include_str!("data/segment_dict.txt")),
    ("surnames.txt", include_str!("data/surnames.txt")),
    ("t2s.txt", include_str!("data/t2s.txt")),
    ("titles.txt", include_str!("data/titles.txt")),
    ("units.txt", include_str!("data/units.txt")),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn lexicons_parse_without_duplicates_or_stray_whitespace() {
        for (name, file) in FILES {
            let mut seen = HashSet::new();
            for (i, raw) in file.lines().enumerate() {
                if raw.trim().is_empty() || raw.starts_with('#') {
                    continue;
                }
                assert_eq!(raw, raw.trim(), "{name}:{}: stray whitespace", i + 1);
                assert!(seen.insert(raw), "{name}:{}: duplicate entry {raw:?}", i + 1);
            }
            assert!(!seen.is_empty(), "{name} is empty");
        }
    }
}
