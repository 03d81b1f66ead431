//! Indexes built once per document so that every question people asks of a document-wide
//! list ("does this name overlap one found before?", "which hospital does this span
//! mention?") costs a binary search, not a pass over the list: an article of ten thousand
//! titles must not do ten thousand passes over ten thousand hits.

use std::collections::BTreeMap;

use crate::extract::hospitals::HospitalFound;
use crate::text::Span;

/// Spans added one at a time, asked whether a new span overlaps any of them.
///
/// Keyed by start, with the longest length seen: a span overlapping `s` starts before
/// `s.end` and at most that length before `s.start`, so one range of the map holds them all.
#[derive(Debug, Default)]
pub(super) struct Taken {
    ends: BTreeMap<usize, usize>,
    longest: usize,
}

impl Taken {
    /// Remember `s`.
    pub(super) fn insert(&mut self, s: Span) {
        let end = self.ends.entry(s.start).or_insert(s.end);
        *end = (*end).max(s.end);
        self.longest = self.longest.max(s.len());
    }

    /// Whether `s` shares a byte with a span remembered.
    pub(super) fn overlaps(&self, s: Span) -> bool {
        if s.is_empty() {
            return false;
        }
        self.ends
            .range(s.start.saturating_sub(self.longest)..s.end)
            .any(|(_, &end)| end > s.start)
    }
}

/// Whether `s` overlaps one of `sorted`: spans in text order that do not overlap each other
/// (as the cues of one kind in a sentence are), so their ends are in order too.
pub(super) fn overlaps_sorted(sorted: &[Span], s: Span) -> bool {
    let i = sorted.partition_point(|t| t.end <= s.start);
    sorted.get(i).is_some_and(|t| t.overlaps(&s))
}

/// Every mention of every hospital, by start, with its hospital.
#[derive(Debug)]
pub(super) struct Mentions<'h> {
    hospitals: &'h [HospitalFound],
    /// (mention, index of its hospital), sorted.
    spans: Vec<(Span, usize)>,
    /// `reach[i]`: the furthest end among `spans[..=i]`.
    reach: Vec<usize>,
    longest: usize,
}

impl<'h> Mentions<'h> {
    pub(super) fn new(hospitals: &'h [HospitalFound]) -> Mentions<'h> {
        let mut spans: Vec<(Span, usize)> = hospitals
            .iter()
            .enumerate()
            .flat_map(|(k, h)| h.mentions.iter().map(move |m| (*m, k)))
            .collect();
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |r, (m, _)| {
                *r = m.end.max(*r);
                Some(*r)
            })
            .collect();
        let longest = spans.iter().map(|(m, _)| m.len()).max().unwrap_or(0);
        Mentions {
            hospitals,
            spans,
            reach,
            longest,
        }
    }

    /// Whether a mention shares a byte with `s`: the mentions starting before `s.end` reach
    /// past `s.start`.
    pub(super) fn overlaps(&self, s: Span) -> bool {
        let j = self.spans.partition_point(|(m, _)| m.start < s.end);
        !s.is_empty() && j > 0 && self.reach[j - 1] > s.start
    }

    /// The name of the first hospital (in the order found) with a mention inside `s` or
    /// around it.
    pub(super) fn around_or_inside(&self, s: Span) -> Option<&'h str> {
        // a mention around `s` starts at most `longest` before its end; one inside, at its start
        let from = s.start.min(s.end.saturating_sub(self.longest));
        let a = self.spans.partition_point(|(m, _)| m.start < from);
        let b = self.spans.partition_point(|(m, _)| m.start <= s.end);
        self.spans[a..b.max(a)]
            .iter()
            .filter(|(m, _)| s.contains(m) || m.contains(&s))
            .map(|(_, k)| *k)
            .min()
            .and_then(|k| self.hospitals.get(k))
            .map(|h| h.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_finds_overlaps_before_and_around() {
        let mut t = Taken::default();
        t.insert(Span::new(0, 30));
        t.insert(Span::new(40, 46));
        assert!(t.overlaps(Span::new(27, 33)));
        assert!(t.overlaps(Span::new(3, 6)));
        assert!(!t.overlaps(Span::new(30, 40)));
        assert!(t.overlaps(Span::new(45, 50)));
        assert!(!t.overlaps(Span::new(46, 50)));
    }

    #[test]
    fn sorted_overlaps() {
        let v = [Span::new(0, 6), Span::new(9, 15)];
        assert!(overlaps_sorted(&v, Span::new(3, 9)));
        assert!(!overlaps_sorted(&v, Span::new(6, 9)));
        assert!(overlaps_sorted(&v, Span::new(14, 20)));
        assert!(!overlaps_sorted(&v, Span::new(15, 20)));
    }
}
