//! Position indexes for the claim rules, built once per document or sentence: the rules ask
//! the same questions (which clause, which hospital mention, which count) for every trigger,
//! and answering them by scanning the clause or the whole article made long inputs
//! quadratic.

use std::collections::HashMap;

use super::{ACHIEVE, ASPIRATIONS};
use crate::data::Fnv;
use crate::extract::counts::CountMention;
use crate::extract::hospitals::HospitalFound;
use crate::text::Span;

/// Characters that end a clause for the claim rules (finer than the document's clauses).
fn is_stop(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '。' | '!' | '？' | '(' | ')')
}

/// One sentence: where its clauses end, and what the rules ask about each clause.
pub(super) struct Clauses<'t> {
    text: &'t str,
    sent: Span,
    /// Stop characters of the sentence, as byte spans, in order.
    stops: Vec<Span>,
    /// Per clause start: where the first aspiration word of the clause ends.
    aspiration_end: HashMap<usize, Option<usize>, Fnv>,
    /// Starts of each [`ACHIEVE`] verb in the sentence, cut on first use.
    achieve: Option<Vec<Vec<usize>>>,
}

impl<'t> Clauses<'t> {
    /// Find the stops of `sent` (one pass).
    pub(super) fn new(text: &'t str, sent: Span) -> Clauses<'t> {
        let stops = text
            .get(sent.start..sent.end)
            .unwrap_or_default()
            .char_indices()
            .filter(|&(_, c)| is_stop(c))
            .map(|(i, c)| Span::new(sent.start + i, sent.start + i + c.len_utf8()))
            .collect();
        Clauses {
            text,
            sent,
            stops,
            aspiration_end: HashMap::default(),
            achieve: None,
        }
    }

    /// The sentence.
    pub(super) fn sentence(&self) -> Span {
        self.sent
    }

    /// The clause around byte `at`: from after the last stop before it to the first stop at
    /// or after it (the sentence edges otherwise).
    pub(super) fn clause_of(&self, at: usize) -> Span {
        let k = self.stops.partition_point(|s| s.start < at);
        let start = k
            .checked_sub(1)
            .and_then(|k| self.stops.get(k))
            .map_or(self.sent.start, |s| s.end);
        let end = self.stops.get(k).map_or(self.sent.end, |s| s.start);
        Span::new(start, end)
    }

    /// The clause before `clause` (which must not start the sentence): the one that ends
    /// at the stop just before it.
    pub(super) fn clause_before(&self, clause: Span) -> Span {
        let k = self.stops.partition_point(|s| s.end < clause.start);
        let at = self
            .stops
            .get(k)
            .filter(|s| s.end == clause.start)
            .map_or(clause.start.saturating_sub(1), |s| s.start);
        self.clause_of(at)
    }

    /// Whether an aspiration word (致力, 力争…) stands in `clause` before `at`. The words
    /// hold no stop, so the first one to end in the clause decides for every position: it is
    /// found once per clause.
    pub(super) fn aspirational(&mut self, clause: Span, at: usize) -> bool {
        let text = self.text;
        let first_end = *self.aspiration_end.entry(clause.start).or_insert_with(|| {
            let own = text.get(clause.start..clause.end).unwrap_or_default();
            ASPIRATIONS
                .iter()
                .filter_map(|w| own.find(w).map(|i| clause.start + i + w.len()))
                .min()
        });
        first_end.is_some_and(|e| e <= at)
    }

    /// Where the last `ACHIEVE[v]` inside `[from, to)` starts.
    pub(super) fn last_achieve(&mut self, v: usize, from: usize, to: usize) -> Option<usize> {
        let (text, sent) = (self.text, self.sent);
        let all = self.achieve.get_or_insert_with(|| {
            let own = text.get(sent.start..sent.end).unwrap_or_default();
            ACHIEVE
                .iter()
                .map(|w| own.match_indices(w).map(|(i, _)| sent.start + i).collect())
                .collect()
        });
        let (starts, len) = (all.get(v)?, ACHIEVE.get(v)?.len());
        let k = starts.partition_point(|&s| s + len <= to);
        k.checked_sub(1)
            .and_then(|k| starts.get(k))
            .copied()
            .filter(|&s| s >= from)
    }
}

/// The hospitals' mentions sorted by position. The pipeline's mentions never overlap (they
/// are the kept candidates), so starts and ends are both sorted and each question is a binary
/// search; mentions given otherwise are answered by the plain scans.
pub(super) struct Mentions<'h> {
    hospitals: &'h [HospitalFound],
    /// (span, hospital, mention) by start; empty when the mentions overlap.
    sorted: Vec<(Span, usize, usize)>,
    /// Minimum (hospital, mention) over ranges of `sorted`: a segment tree, leaves at `len..`.
    tree: Vec<(usize, usize)>,
    disjoint: bool,
}

impl<'h> Mentions<'h> {
    /// Sort the mentions of `hospitals`.
    pub(super) fn new(hospitals: &'h [HospitalFound]) -> Mentions<'h> {
        let mut sorted: Vec<(Span, usize, usize)> = hospitals
            .iter()
            .enumerate()
            .flat_map(|(h, f)| f.mentions.iter().enumerate().map(move |(m, s)| (*s, h, m)))
            .collect();
        sorted.sort_by_key(|e| (e.0.start, e.0.end));
        let disjoint =
            sorted.iter().all(|e| e.0.start < e.0.end) && sorted.windows(2).all(|w| w[0].0.end <= w[1].0.start);
        if !disjoint {
            sorted.clear();
        }
        let n = sorted.len();
        let mut tree = vec![(usize::MAX, usize::MAX); 2 * n];
        for (i, e) in sorted.iter().enumerate() {
            tree[n + i] = (e.1, e.2);
        }
        for i in (1..n).rev() {
            tree[i] = tree[2 * i].min(tree[2 * i + 1]);
        }
        Mentions {
            hospitals,
            sorted,
            tree,
            disjoint,
        }
    }

    fn found(&self, (h, m): (usize, usize)) -> Option<(&'h HospitalFound, Span)> {
        let f = self.hospitals.get(h)?;
        Some((f, *f.mentions.get(m)?))
    }

    /// The first hospital with a mention inside `span`, and its first such mention.
    pub(super) fn at(&self, span: Span) -> Option<(&'h HospitalFound, Span)> {
        if !self.disjoint {
            return self
                .hospitals
                .iter()
                .find_map(|h| h.mentions.iter().find(|m| span.contains(m)).map(|m| (h, *m)));
        }
        let n = self.sorted.len();
        let (mut a, mut b) = (
            self.sorted.partition_point(|e| e.0.start < span.start) + n,
            self.sorted.partition_point(|e| e.0.end <= span.end) + n,
        );
        let mut best = (usize::MAX, usize::MAX);
        while a < b {
            if a % 2 == 1 {
                best = best.min(self.tree.get(a).copied().unwrap_or(best));
                a += 1;
            }
            if b % 2 == 1 {
                b -= 1;
                best = best.min(self.tree.get(b).copied().unwrap_or(best));
            }
            a /= 2;
            b /= 2;
        }
        self.found(best)
    }

    /// The mention that ends at `end` and starts at or after `floor` (the first in the
    /// hospitals' order when several do).
    pub(super) fn ending_at(&self, floor: usize, end: usize) -> Option<Span> {
        if !self.disjoint {
            return self
                .hospitals
                .iter()
                .flat_map(|h| h.mentions.iter())
                .find(|m| m.end == end && m.start >= floor)
                .copied();
        }
        let k = self.sorted.partition_point(|e| e.0.end < end);
        self.sorted
            .get(k)
            .map(|e| e.0)
            .filter(|m| m.end == end && m.start >= floor)
    }

    /// The hospital of the last-starting mention that ends at or before `pos`.
    pub(super) fn latest_before(&self, pos: usize) -> Option<&'h HospitalFound> {
        if !self.disjoint {
            return self
                .hospitals
                .iter()
                .flat_map(|h| h.mentions.iter().map(move |m| (m, h)))
                .filter(|(m, _)| m.end <= pos)
                .max_by_key(|(m, _)| m.start)
                .map(|(_, h)| h);
        }
        let k = self.sorted.partition_point(|e| e.0.end <= pos);
        let e = k.checked_sub(1).and_then(|k| self.sorted.get(k))?;
        self.hospitals.get(e.1)
    }
}

/// The counts sorted by start and by end, for the counts right after or right before a
/// claim: each question looks at a window of a few bytes instead of every count.
pub(super) struct Counts<'c> {
    counts: &'c [CountMention],
    by_start: Vec<usize>,
    by_end: Vec<usize>,
}

impl<'c> Counts<'c> {
    /// Sort the counts of the article.
    pub(super) fn new(counts: &'c [CountMention]) -> Counts<'c> {
        let mut by_start: Vec<usize> = (0..counts.len()).collect();
        let mut by_end = by_start.clone();
        by_start.sort_by_key(|&i| (counts[i].span.start, i));
        by_end.sort_by_key(|&i| (counts[i].span.end, i));
        Counts {
            counts,
            by_start,
            by_end,
        }
    }

    /// The first count (in the article's order) starting in `[at, at + gap]` that `keep`s.
    pub(super) fn first_starting(
        &self,
        at: usize,
        gap: usize,
        keep: impl Fn(&CountMention) -> bool,
    ) -> Option<&'c CountMention> {
        let a = self.by_start.partition_point(|&i| self.counts[i].span.start < at);
        let b = self
            .by_start
            .partition_point(|&i| self.counts[i].span.start <= at.saturating_add(gap));
        let best = self
            .by_start
            .get(a..b.max(a))?
            .iter()
            .filter(|&&i| keep(&self.counts[i]))
            .min()?;
        self.counts.get(*best)
    }

    /// The last count (in the article's order) ending in `[at - gap, at]` that `keep`s.
    pub(super) fn last_ending(
        &self,
        at: usize,
        gap: usize,
        keep: impl Fn(&CountMention) -> bool,
    ) -> Option<&'c CountMention> {
        let a = self
            .by_end
            .partition_point(|&i| self.counts[i].span.end < at.saturating_sub(gap));
        let b = self.by_end.partition_point(|&i| self.counts[i].span.end <= at);
        let best = self
            .by_end
            .get(a..b.max(a))?
            .iter()
            .filter(|&&i| keep(&self.counts[i]))
            .max()?;
        self.counts.get(*best)
    }
}
