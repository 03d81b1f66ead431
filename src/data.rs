//! Embedded lexicons: plain text files under `src/data/`, one entry per line, `#` comments.

/// The entries of a lexicon file: trimmed, non-empty, comments dropped.
pub(crate) fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lexicon files, for the validation test.
#[cfg(test)]
pub(crate) const FILES: &[(&str, &str)] = &[
    ("t2s.txt", include_str!("data/t2s.txt")),
    ("places.txt", include_str!("data/places.txt")),
    ("nations.txt", include_str!("data/nations.txt")),
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
