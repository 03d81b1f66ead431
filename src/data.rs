//! Embedded lexicons: plain text files under `src/data/`, one entry per line, `#` comments.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};

use crate::lang::Span;

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
///
/// Words are looked up by their last two characters (the last one alone for a one-character
/// word): a common last character (长, 员, 人) ends dozens of words, but a pair ends few, so a
/// look-up compares almost only words that match.
pub(crate) struct Lexicon {
    /// Bit `u` is set when some word ends with the character `U+u` (BMP only; a word ending
    /// outside it is always looked up).
    ends: Box<[u64; 1024]>,
    /// The same for one-character words, and for the last characters of longer ones: a
    /// character of only one kind (年, 长) is looked up once.
    singles: Box<[u64; 1024]>,
    pairs: Box<[u64; 1024]>,
    /// Open-addressed table from a [`pair_key`] to its words: (key, first word, number of
    /// words) with `u64::MAX` for an empty slot.
    slots: Vec<(u64, u32, u32)>,
    /// The words, grouped by their last two characters, longest first in each.
    words: Vec<Word>,
    groups: usize,
}

/// A word of a [`Lexicon`]: its group, and the character before its last one (`u32::MAX`
/// for a one-character word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Word {
    text: &'static str,
    group: u8,
    before_last: u32,
}

/// The look-up key of the words ending with `before` then `last` (`before` is `u32::MAX`
/// for one-character words). Code points stay below `2^21`, so no key is `u64::MAX`.
#[inline]
fn pair_key(before: u32, last: u32) -> u64 {
    (u64::from(before) << 32) | u64::from(last)
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
        let key = |w: &Word| pair_key(w.before_last, last(w.text));
        words.sort_by(|a, b| (key(a), b.text.len(), a).cmp(&(key(b), a.text.len(), b)));
        words.dedup();
        let mut runs: Vec<(u64, usize, usize)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            match runs.last_mut() {
                Some(r) if r.0 == key(w) => r.2 += 1,
                _ => runs.push((key(w), i, 1)),
            }
        }
        let size = (runs.len() * 2).next_power_of_two().max(2);
        let mut lex = Lexicon {
            ends: Box::new([0; 1024]),
            singles: Box::new([0; 1024]),
            pairs: Box::new([0; 1024]),
            slots: vec![(u64::MAX, 0, 0); size],
            words,
            groups: n,
        };
        for (k, first, count) in runs {
            let u = k as u32;
            if u < 0x10000 {
                let kind = if k >> 32 == u64::from(u32::MAX) {
                    &mut lex.singles
                } else {
                    &mut lex.pairs
                };
                kind[u as usize / 64] |= 1 << (u % 64);
                lex.ends[u as usize / 64] |= 1 << (u % 64);
            }
            let mut at = lex.slot_of(k);
            while lex.slots[at].0 != u64::MAX {
                at = (at + 1) & (size - 1);
            }
            lex.slots[at] = (k, first as u32, count as u32);
        }
        lex
    }

    #[inline]
    fn slot_of(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (self.slots.len() - 1)
    }

    /// The words ending with the characters `before` and `last`, longest first.
    #[inline]
    fn ending_with(&self, before: u32, last: u32) -> &[Word] {
        let key = pair_key(before, last);
        let mut k = self.slot_of(key);
        loop {
            let (c, first, n) = self.slots[k];
            if c == key {
                return self
                    .words
                    .get(first as usize..first as usize + n as usize)
                    .unwrap_or_default();
            }
            if c == u64::MAX {
                return &[];
            }
            k = (k + 1) & (self.slots.len() - 1);
        }
    }

    /// Leftmost-longest, non-overlapping matches in `s` of a one-list lexicon, as byte ranges.
    #[cfg(test)]
    pub(crate) fn find_all(&self, s: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = vec![Vec::new()];
        self.find_groups(s, 0, &mut out);
        out.pop()
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.start..r.end)
            .collect()
    }

    /// Leftmost-longest, non-overlapping matches in `s` of each group, appended to `out[g]`
    /// for group `g`, in order, as spans offset by `base` (`s` is `text[base..]`; `out` needs
    /// one vector per group, and what it holds already must start before `base`).
    pub(crate) fn find_groups(&self, s: &str, base: usize, out: &mut [Vec<Span>]) {
        debug_assert!(out.len() >= self.groups);
        // every word ending at each position, then the leftmost-longest choice among them
        let b = s.as_bytes();
        let (mut i, mut prev, mut prev_len) = (0, u32::MAX, 0);
        while i < b.len() {
            let (u, len) = crate::lang::scan::decode_at(s, i);
            i += len;
            let (before, before_len) = (std::mem::replace(&mut prev, u), std::mem::replace(&mut prev_len, len));
            if u < 0x10000 && self.ends[u as usize / 64] & (1 << (u % 64)) == 0 {
                continue;
            }
            if u >= 0x10000 || self.singles[u as usize / 64] & (1 << (u % 64)) != 0 {
                for w in self.ending_with(u32::MAX, u) {
                    push(out, w, base + i);
                }
            }
            if before == u32::MAX || (u < 0x10000 && self.pairs[u as usize / 64] & (1 << (u % 64)) == 0) {
                continue;
            }
            // a two-character word is the pair itself; a longer one must have the rest too
            let pair = before_len + len;
            for w in self.ending_with(before, u) {
                if w.text.len() == pair || s[..i].ends_with(w.text) {
                    push(out, w, base + i);
                }
            }
        }
        for all in out.iter_mut() {
            leftmost_longest(all, base);
        }
    }
}

/// Record the match of `w` ending at `end`.
#[inline]
fn push(out: &mut [Vec<Span>], w: &Word, end: usize) {
    if let Some(v) = out.get_mut(usize::from(w.group)) {
        v.push(Span::new(end - w.text.len(), end));
    }
}

/// Keep the leftmost-longest, non-overlapping matches among those of `all` that start at or
/// after `base` (the ones just found; those before are from earlier scans and stay).
fn leftmost_longest(all: &mut Vec<Span>, base: usize) {
    let from = all.iter().rposition(|r| r.start < base).map_or(0, |k| k + 1);
    if all.len() - from < 2 {
        return;
    }
    all[from..].sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let (mut kept, mut next) = (from, base);
    for k in from..all.len() {
        let r = all[k];
        if r.start >= next {
            all[kept] = r;
            kept += 1;
            next = r.end;
        }
    }
    all.truncate(kept);
}

/// The entries of a lexicon file: trimmed, non-empty, comments dropped.
pub(crate) fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of one kind of a file that holds several lists, one `kind:entry` a line
/// (`person_contexts.txt`, `count_words.txt`…), in file order.
pub(crate) fn kind_entries<'k>(file: &'static str, kind: &'k str) -> impl Iterator<Item = &'static str> + 'k {
    lines(file).filter_map(move |l| l.split_once(':').filter(|(k, _)| *k == kind).map(|(_, w)| w))
}

/// [`kind_entries`] written `word=value`, split at the first `=` (`None` for a word alone).
pub(crate) fn kind_pairs<'k>(
    file: &'static str,
    kind: &'k str,
) -> impl Iterator<Item = (&'static str, Option<&'static str>)> + 'k {
    kind_entries(file, kind).map(|e| match e.split_once('=') {
        Some((w, v)) => (w, Some(v)),
        None => (e, None),
    })
}

/// Lexicon files, for the validation test.
#[cfg(test)]
pub(crate) const FILES: &[(&str, &str)] = &[
    ("bylines.txt", include_str!("data/bylines.txt")),
    ("chrome_words.txt", include_str!("data/chrome_words.txt")),
    ("count_idioms.txt", include_str!("data/count_idioms.txt")),
    ("count_objects.txt", include_str!("data/count_objects.txt")),
    ("count_words.txt", include_str!("data/count_words.txt")),
    ("date_marks.txt", include_str!("data/date_marks.txt")),
    ("date_words.txt", include_str!("data/date_words.txt")),
    ("festivals.txt", include_str!("data/festivals.txt")),
    ("first_aspirations.txt", include_str!("data/first_aspirations.txt")),
    ("first_phrases.txt", include_str!("data/first_phrases.txt")),
    ("first_scopes.txt", include_str!("data/first_scopes.txt")),
    ("first_triggers.txt", include_str!("data/first_triggers.txt")),
    ("first_verbs.txt", include_str!("data/first_verbs.txt")),
    ("first_words.txt", include_str!("data/first_words.txt")),
    ("footer_cues.txt", include_str!("data/footer_cues.txt")),
    ("hospital_generic.txt", include_str!("data/hospital_generic.txt")),
    ("hospital_parts.txt", include_str!("data/hospital_parts.txt")),
    (
        "hospital_short_heads.txt",
        include_str!("data/hospital_short_heads.txt"),
    ),
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
            together.find_groups(s, 0, &mut got);
            let got: Vec<Vec<std::ops::Range<usize>>> = got
                .into_iter()
                .map(|v| v.into_iter().map(|r| r.start..r.end).collect())
                .collect();
            for (g, list) in lists.iter().enumerate() {
                assert_eq!(got[g], Lexicon::new(list.iter().copied()).find_all(s), "{s} group {g}");
                let ac = dfa(list, MatchKind::LeftmostLongest, StartKind::Unanchored);
                let want: Vec<_> = ac.find_iter(s).map(|m| m.start()..m.end()).collect();
                assert_eq!(got[g], want, "{s} group {g}");
            }
        }
    }
}
