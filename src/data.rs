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

/// Word lists ("groups") searched together for leftmost-longest, non-overlapping matches of
/// each group, found from their last character: a bitmap over the Basic Multilingual Plane
/// says which characters end a word, so one scan tests one bit per character for all groups
/// and compares words only where one may end. A byte automaton takes three transitions per
/// Chinese character and one pass per word list; this takes one pass for all of them. The
/// matches of each group are those of an Aho-Corasick automaton with
/// `MatchKind::LeftmostLongest` over that group alone.
pub(crate) struct Lexicon {
    /// Bit `u` is set when some word ends with the character `U+u` (BMP only; a word ending
    /// outside it is always looked up).
    ends: Box<[u64; 1024]>,
    /// Open-addressed table from a last character to its words: (character, first word,
    /// number of words) with `u32::MAX` for an empty slot.
    slots: Vec<(u32, u32, u32)>,
    /// The words, grouped by last character, longest first in each.
    words: Vec<Word>,
    groups: usize,
}

/// A word of a [`Lexicon`]: its group, and the character before its last one (`u32::MAX`
/// for a one-character word), compared before the whole word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Word {
    text: &'static str,
    group: u8,
    before_last: u32,
}

impl Lexicon {
    /// A lexicon of one word list (empty entries are ignored).
    #[cfg(test)]
    pub(crate) fn new<I: IntoIterator<Item = &'static str>>(words: I) -> Lexicon {
        Lexicon::grouped([words.into_iter().collect::<Vec<_>>()])
    }

    /// A lexicon of several word lists, searched in one pass by [`Lexicon::find_groups`].
    pub(crate) fn grouped<G: IntoIterator<Item = Vec<&'static str>>>(groups: G) -> Lexicon {
        let mut words: Vec<Word> = Vec::new();
        let mut n = 0;
        for (g, list) in groups.into_iter().enumerate() {
            words.extend(list.into_iter().filter(|w| !w.is_empty()).map(|w| Word {
                text: w,
                group: g as u8,
                before_last: w.chars().rev().nth(1).map_or(u32::MAX, u32::from),
            }));
            n = g + 1;
        }
        let last = |w: &str| w.chars().next_back().map_or(0, u32::from);
        words.sort_by(|a, b| (last(a.text), b.text.len(), a).cmp(&(last(b.text), a.text.len(), b)));
        words.dedup();
        let mut runs: Vec<(u32, usize, usize)> = Vec::new();
        for (i, Word { text: w, .. }) in words.iter().enumerate() {
            match runs.last_mut() {
                Some(r) if r.0 == last(w) => r.2 += 1,
                _ => runs.push((last(w), i, 1)),
            }
        }
        let size = (runs.len() * 2).next_power_of_two().max(2);
        let mut lex = Lexicon {
            ends: Box::new([0; 1024]),
            slots: vec![(u32::MAX, 0, 0); size],
            words,
            groups: n,
        };
        for (u, first, count) in runs {
            if u < 0x10000 {
                lex.ends[u as usize / 64] |= 1 << (u % 64);
            }
            let mut k = lex.slot_of(u);
            while lex.slots[k].0 != u32::MAX {
                k = (k + 1) & (size - 1);
            }
            lex.slots[k] = (u, first as u32, count as u32);
        }
        lex
    }

    #[inline]
    fn slot_of(&self, u: u32) -> usize {
        (u.wrapping_mul(0x9E37_79B9) >> 8) as usize & (self.slots.len() - 1)
    }

    /// The words ending with the character `u`, longest first.
    #[inline]
    fn ending_with(&self, u: u32) -> &[Word] {
        let mut k = self.slot_of(u);
        loop {
            let (c, first, n) = self.slots[k];
            if c == u {
                return &self.words[first as usize..first as usize + n as usize];
            }
            if c == u32::MAX {
                return &[];
            }
            k = (k + 1) & (self.slots.len() - 1);
        }
    }

    /// Leftmost-longest, non-overlapping matches in `s` of a one-list lexicon, as byte ranges.
    #[cfg(test)]
    pub(crate) fn find_all(&self, s: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = vec![Vec::new()];
        self.find_groups(s, &mut out);
        out.pop().unwrap_or_default()
    }

    /// Leftmost-longest, non-overlapping matches in `s` of each group: `out[g]` receives
    /// group `g`'s byte ranges, in order (`out` needs one vector per group).
    pub(crate) fn find_groups(&self, s: &str, out: &mut [Vec<std::ops::Range<usize>>]) {
        debug_assert!(out.len() >= self.groups);
        // every word ending at each position, then the leftmost-longest choice among them
        let b = s.as_bytes();
        let (mut i, mut prev) = (0, u32::MAX);
        while i < b.len() {
            let (u, len) = crate::text::scan::decode_at(s, i);
            i += len;
            let before = std::mem::replace(&mut prev, u);
            if u < 0x10000 && self.ends[u as usize / 64] & (1 << (u % 64)) == 0 {
                continue;
            }
            let head = &s[..i];
            for w in self.ending_with(u) {
                // a one-character word is the character itself; a longer one must have the
                // character before it too, and then the rest
                let found = if w.before_last == u32::MAX {
                    w.text.len() == len
                } else {
                    w.before_last == before && head.ends_with(w.text)
                };
                if found {
                    if let Some(v) = out.get_mut(usize::from(w.group)) {
                        v.push(i - w.text.len()..i);
                    }
                }
            }
        }
        for all in out.iter_mut().filter(|v| v.len() > 1) {
            all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
            let mut next = 0;
            all.retain(|r| {
                let keep = r.start >= next;
                if keep {
                    next = r.end;
                }
                keep
            });
        }
    }
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
    ("bylines.txt", include_str!("data/bylines.txt")),
    ("chrome_words.txt", include_str!("data/chrome_words.txt")),
    ("count_idioms.txt", include_str!("data/count_idioms.txt")),
    ("count_objects.txt", include_str!("data/count_objects.txt")),
    ("first_aspirations.txt", include_str!("data/first_aspirations.txt")),
    ("first_scopes.txt", include_str!("data/first_scopes.txt")),
    ("first_triggers.txt", include_str!("data/first_triggers.txt")),
    ("first_verbs.txt", include_str!("data/first_verbs.txt")),
    ("festivals.txt", include_str!("data/festivals.txt")),
    ("footer_cues.txt", include_str!("data/footer_cues.txt")),
    ("hospital_generic.txt", include_str!("data/hospital_generic.txt")),
    ("hospital_parts.txt", include_str!("data/hospital_parts.txt")),
    ("hospital_short_heads.txt", include_str!("data/hospital_short_heads.txt")),
    ("hospital_suffixes.txt", include_str!("data/hospital_suffixes.txt")),
    ("hospital_words.txt", include_str!("data/hospital_words.txt")),
    ("image_lines.txt", include_str!("data/image_lines.txt")),
    ("lunar.txt", include_str!("data/lunar.txt")),
    ("nations.txt", include_str!("data/nations.txt")),
    ("person_contexts.txt", include_str!("data/person_contexts.txt")),
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

    /// The lexicon scan finds exactly what a leftmost-longest automaton finds, on text made of
    /// the words' own characters (where overlaps and shared endings are dense) and others.
    #[test]
    fn lexicon_matches_a_leftmost_longest_automaton() {
        use proptest::prelude::*;
        let files = [
            include_str!("data/titles.txt"),
            include_str!("data/hospital_suffixes.txt"),
            include_str!("data/first_triggers.txt"),
        ];
        for file in files {
            let words: Vec<&'static str> = lines(file).collect();
            let lex = Lexicon::new(words.iter().copied());
            let ac = dfa(&words, MatchKind::LeftmostLongest, StartKind::Unanchored);
            let mut alphabet: Vec<char> = words.iter().flat_map(|w| w.chars()).collect();
            alphabet.extend(['的', ',', 'a', '𠀀']);
            alphabet.sort_unstable();
            alphabet.dedup();
            let text = proptest::collection::vec(proptest::sample::select(alphabet), 0..40)
                .prop_map(|v| v.into_iter().collect::<String>());
            proptest!(ProptestConfig::with_cases(400), |(s in text)| {
                let want: Vec<_> = ac.find_iter(&s).map(|m| m.start()..m.end()).collect();
                prop_assert_eq!(lex.find_all(&s), want);
            });
        }
    }

    /// Lists searched together find what each finds alone, even where their words overlap.
    #[test]
    fn grouped_lexicons_match_each_list_alone() {
        let lists = [vec!["医院", "院长", "分院"], vec!["院长", "副院长"], vec!["长", "一院"]];
        let together = Lexicon::grouped(lists.clone());
        for s in ["分院长", "医院副院长一院长", "", "长长", "第一院长"] {
            let mut got = vec![Vec::new(); 3];
            together.find_groups(s, &mut got);
            for (g, list) in lists.iter().enumerate() {
                assert_eq!(got[g], Lexicon::new(list.iter().copied()).find_all(s), "{s} group {g}");
                let ac = dfa(list, MatchKind::LeftmostLongest, StartKind::Unanchored);
                let want: Vec<_> = ac.find_iter(s).map(|m| m.start()..m.end()).collect();
                assert_eq!(got[g], want, "{s} group {g}");
            }
        }
    }
}
