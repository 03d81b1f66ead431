//! From input text to a [`Document`]: normalise with an offset map, find the article inside
//! the page, split sentences and segment words. Extractors read the document; they never
//! normalise again.

pub mod layout;
pub mod normalize;
pub mod segment;
pub mod sentence;

pub use layout::{Byline, Layout, Role};
pub use normalize::NormText;
pub use segment::Token;

/// A half-open byte range `[start, end)` into the **normalised** text. Users never see one:
/// [`Document::source_span`] turns it into code points of the input, in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether it covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// Whether the two spans share a byte.
    pub fn overlaps(&self, o: &Span) -> bool {
        self.start < o.end && o.start < self.end
    }
    /// Whether `o` lies inside `self`.
    pub fn contains(&self, o: &Span) -> bool {
        self.start <= o.start && o.end <= self.end
    }
}

/// One article, ready for the extractors.
#[derive(Debug)]
pub struct Document<'a> {
    /// The input exactly as given.
    pub input: &'a str,
    /// Normalised text and offset map.
    pub norm: NormText,
    /// Title, meta line, body lines and bylines.
    pub layout: Layout,
    /// Sentences of the article (title, meta line and body; never chrome), in order.
    pub sentences: Vec<Span>,
    /// Words of the sentences, in order.
    pub tokens: Vec<Token>,
    /// Byte offset of each input character, for slicing the input by code points.
    input_bytes: Vec<u32>,
}

impl<'a> Document<'a> {
    /// Normalise, lay out, split and segment `input`.
    pub fn new(input: &'a str, segmenter: &segment::Segmenter) -> Document<'a> {
        let norm = NormText::new(input);
        let layout = Layout::new(&norm.text);
        let sentences = sentence::split(&norm.text, &layout.zones());
        let mut tokens = Vec::new();
        for s in &sentences {
            segmenter.cut_into(&norm.text, *s, &mut tokens);
        }
        let mut input_bytes: Vec<u32> = input.char_indices().map(|(b, _)| b as u32).collect();
        input_bytes.push(input.len() as u32);
        Document { input, norm, layout, sentences, tokens, input_bytes }
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
        let (a, b) = self.norm.to_source(s)?;
        let text = &self.input[self.input_bytes[a] as usize..self.input_bytes[b] as usize];
        Some((a, b, text))
    }

    /// Index of the sentence that contains byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// Tokens inside span `s`.
    pub fn tokens_in(&self, s: Span) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.span.start < s.start);
        let b = self.tokens.partition_point(|t| t.span.start < s.end);
        &self.tokens[a..b.max(a)]
    }

    /// Whether byte `pos` lies on a token boundary.
    pub fn is_token_boundary(&self, pos: usize) -> bool {
        let i = self.tokens.partition_point(|t| t.span.end < pos);
        match self.tokens.get(i) {
            Some(t) => t.span.end == pos || t.span.start == pos,
            None => true,
        }
    }
}
