//! From input text to a [`Document`]: normalise with an offset map, find the article inside
//! the page, split sentences and segment words. Extractors read the document; they never
//! normalise again.

pub mod layout;
pub mod normalize;
pub mod segment;
pub mod sentence;

pub use layout::{Layout, Role};
pub use normalize::NormText;
pub use segment::Token;

use std::cell::OnceCell;

pub use crate::lang::Span;

/// One article, ready for the extractors.
///
/// Words are cut lazily, one clause at a time, when an extractor first asks about them:
/// jieba splits at punctuation anyway, so a clause cut alone gives the same words as the
/// whole text, and clauses that no rule looks at (most of them) are never cut.
pub struct Document<'a> {
    /// The input exactly as given.
    pub input: &'a str,
    /// Normalised text and offset map.
    pub norm: NormText,
    /// Title, meta line, body lines and bylines.
    pub layout: Layout,
    /// Sentences of the article (title, meta line and body; never chrome), in order.
    pub sentences: Vec<Span>,
    /// Clauses: the sentences split at punctuation, in order; the unit of segmentation.
    clauses: Vec<Span>,
    /// Words of each clause, cut on first use.
    words: Vec<OnceCell<Vec<Token>>>,
    segmenter: &'a segment::Segmenter,
}

impl std::fmt::Debug for Document<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("layout", &self.layout)
            .field("sentences", &self.sentences)
            .finish_non_exhaustive()
    }
}

impl<'a> Document<'a> {
    /// Normalise, lay out, split and segment `input`.
    pub fn new(input: &'a str, segmenter: &'a segment::Segmenter) -> Document<'a> {
        let norm = NormText::new(input);
        let layout = Layout::new(&norm.text);
        let (sentences, clauses) = sentence::split_with_clauses(&norm.text, &layout.zones());
        let words = (0..clauses.len()).map(|_| OnceCell::new()).collect();
        Document {
            input,
            norm,
            layout,
            sentences,
            clauses,
            words,
            segmenter,
        }
    }

    fn clause_words(&self, i: usize) -> &[Token] {
        self.words[i].get_or_init(|| {
            let mut v = Vec::new();
            self.segmenter.cut_into(&self.norm.text, self.clauses[i], &mut v);
            v
        })
    }

    /// Clauses overlapping `s`, as an index range.
    fn clause_range(&self, s: Span) -> std::ops::Range<usize> {
        let a = self.clauses.partition_point(|c| c.end <= s.start);
        let b = self.clauses.partition_point(|c| c.start < s.end);
        a..b.max(a)
    }

    /// Every word of the article (cuts all clauses).
    #[cfg(test)]
    pub fn tokens(&self) -> Vec<Token> {
        (0..self.clauses.len())
            .flat_map(|i| self.clause_words(i).iter().copied())
            .collect()
    }

    /// The segmenter the document cuts its words with.
    pub fn segmenter(&self) -> &'a segment::Segmenter {
        self.segmenter
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// The normalised text of a span.
    pub fn slice(&self, s: Span) -> &str {
        &self.norm.text[s.start..s.end]
    }

    /// The code-point span in the input and the input's own surface for it.
    pub fn source_span(&self, s: Span) -> Option<(usize, usize, &'a str)> {
        let (a, b, ab, zb) = self.norm.to_source_bytes(s)?;
        let last = self.input[zb..].chars().next().map_or(0, char::len_utf8);
        Some((a, b, &self.input[ab..zb + last]))
    }

    /// Index of the sentence that contains byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// Words that start inside span `s` (cutting the clauses it touches). A clause's words
    /// are in order, so each clause is cut down by binary search, not filtered word by word:
    /// a rule asking about a short span of a long clause pays for the span, not the clause.
    pub fn tokens_in(&self, s: Span) -> Vec<Token> {
        let mut out = Vec::new();
        for i in self.clause_range(s) {
            let words = self.clause_words(i);
            let a = words.partition_point(|t| t.span.start < s.start);
            let b = words.partition_point(|t| t.span.start < s.end);
            out.extend_from_slice(words.get(a..b.max(a)).unwrap_or_default());
        }
        out
    }

    /// Like [`tokens_in`](Self::tokens_in), but only from clauses some rule already had cut,
    /// and without a vector: for rules that may read words wherever they are but must not
    /// make the whole article be segmented (segmentation is most of the pipeline's cost).
    pub fn tokens_cut_in(&self, s: Span) -> impl Iterator<Item = &Token> + '_ {
        self.clause_range(s).flat_map(move |i| {
            let words: &[Token] = self.words.get(i).and_then(OnceCell::get).map_or(&[], Vec::as_slice);
            let a = words.partition_point(|t| t.span.start < s.start);
            let b = words.partition_point(|t| t.span.start < s.end);
            words.get(a..b.max(a)).unwrap_or_default()
        })
    }

    /// The word that covers the byte just before `pos` (the last word starting before it).
    /// Found by binary search over the clause's word starts (rules call it once per step
    /// leftwards, so a scan of the clause would make them quadratic in its length).
    pub fn token_before(&self, pos: usize) -> Option<Token> {
        if pos == 0 {
            return None;
        }
        let i = self.clauses.partition_point(|c| c.end < pos);
        let c = *self.clauses.get(i)?;
        if c.start >= pos {
            return None;
        }
        let words = self.clause_words(i);
        let k = words.partition_point(|t| t.span.start < pos);
        k.checked_sub(1).and_then(|k| words.get(k)).copied()
    }

    /// Whether byte `pos` lies on a word boundary (clause edges always do). The words of a
    /// clause are in order and do not overlap, so their starts and their ends are both
    /// sorted: two binary searches answer it.
    pub fn is_token_boundary(&self, pos: usize) -> bool {
        let i = self.clauses.partition_point(|c| c.end < pos);
        match self.clauses.get(i) {
            Some(c) if c.start < pos && pos < c.end => {
                let words = self.clause_words(i);
                let a = words.partition_point(|t| t.span.start < pos);
                let b = words.partition_point(|t| t.span.end < pos);
                words.get(a).is_some_and(|t| t.span.start == pos) || words.get(b).is_some_and(|t| t.span.end == pos)
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences of my own: long clauses, punctuation runs, Latin and digits, no clause at all.
    const TEXTS: &[&str] = &[
        "北京协和医院的专家昨天来到县人民医院,开展义诊和手术示范。",
        "医院医院医院医院医院医院医院医院医院医院医院医院",
        "患者王某在2023年3月5日转往ABC-12病区;随后,,出院!",
        "",
        "。。,,",
        "他说:“我们第一次独立完成了这台手术”",
    ];

    /// Index searches agree with the old whole-clause scans at every byte position.
    #[test]
    fn word_lookups_agree_with_scans() {
        let seg = segment::Segmenter::new();
        for text in TEXTS {
            let doc = Document::new(text, &seg);
            let all = doc.tokens();
            for pos in 0..=doc.text().len() + 1 {
                let i = doc.clauses.partition_point(|c| c.end < pos);
                let clause = doc.clauses.get(i).copied().filter(|c| c.start < pos && pos > 0);
                let words = clause.map_or(&[][..], |_| doc.clause_words(i));
                let before = words.iter().rev().find(|t| t.span.start < pos).copied();
                assert_eq!(doc.token_before(pos), before, "{text:?} at {pos}");
                let inside = doc.clauses.get(i).filter(|c| c.start < pos && pos < c.end);
                let boundary = inside.is_none()
                    || doc
                        .clause_words(i)
                        .iter()
                        .any(|t| t.span.start == pos || t.span.end == pos);
                assert_eq!(doc.is_token_boundary(pos), boundary, "{text:?} at {pos}");
                for end in [pos, pos + 1, pos + 4, pos + 9, usize::MAX] {
                    let s = Span::new(pos, end);
                    let naive: Vec<Token> = all
                        .iter()
                        .filter(|t| t.span.start >= s.start && t.span.start < s.end)
                        .copied()
                        .collect();
                    assert_eq!(doc.tokens_in(s), naive, "{text:?} in {s:?}");
                }
            }
        }
    }
}

#[cfg(test)]
mod property_tests;
