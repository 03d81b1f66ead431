//! From the records' code-point offsets to byte ranges, for slicing in Rust.
//!
//! Records count offsets in Unicode code points (SPEC §1: `input[start:end]` in Python), but
//! `&str` is indexed by bytes, so `&text[start..end]` on Chinese text panics or cuts a
//! character. [`Offsets`] is built once per text and converts any number of spans.

use std::ops::Range;

/// Code points between two checkpoints: a look-up walks at most this many characters.
const STEP: usize = 64;

/// A code-point → byte index of one text.
///
/// ```
/// let text = "据报道,县医院派出5名专家。";
/// let r = zhnews::Extractor::new().extract("a", text);
/// let c = &r.counts[0];
/// let offsets = zhnews::Offsets::new(text);
/// assert_eq!(offsets.slice(c.start, c.end), Some("5名专家"));
/// assert_eq!(offsets.byte_range(c.start, c.end), Some(25..35));
/// assert_eq!(offsets.slice(3, 1000), None); // past the end
/// ```
#[derive(Debug, Clone)]
pub struct Offsets<'a> {
    text: &'a str,
    /// Byte offset of every `STEP`-th code point.
    checkpoints: Vec<usize>,
    chars: usize,
}

impl<'a> Offsets<'a> {
    /// Index `text` (one pass).
    pub fn new(text: &'a str) -> Offsets<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut chars = 0;
        for (i, (b, _)) in text.char_indices().enumerate() {
            if i % STEP == 0 {
                checkpoints.push(b);
            }
            chars = i + 1;
        }
        Offsets {
            text,
            checkpoints,
            chars,
        }
    }

    /// The byte offset of code point `cp` (`cp` may be the text's length).
    pub fn byte(&self, cp: usize) -> Option<usize> {
        if cp == self.chars {
            return Some(self.text.len());
        }
        let from = *self.checkpoints.get(cp / STEP)?;
        let (i, _) = self.text[from..].char_indices().nth(cp % STEP)?;
        Some(from + i)
    }

    /// The byte range of the code-point span `[start, end)`; `None` if it is reversed or past
    /// the end.
    pub fn byte_range(&self, start: usize, end: usize) -> Option<Range<usize>> {
        if start > end {
            return None;
        }
        Some(self.byte(start)?..self.byte(end)?)
    }

    /// The text of the code-point span `[start, end)`.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        self.byte_range(start, end).map(|r| &self.text[r])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_counting_chars() {
        let text: String = "a医院,b2名?網(wǎng)𠀀".repeat(40);
        let o = Offsets::new(&text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for s in 0..=chars.len() {
            let want = chars.get(s).map_or(text.len(), |c| c.0);
            assert_eq!(o.byte(s), Some(want), "{s}");
        }
        assert_eq!(o.byte(chars.len() + 1), None);
        assert_eq!(o.byte_range(5, 4), None);
        assert_eq!(Offsets::new("").slice(0, 0), Some(""));
    }
}
