//! Normalisation with an offset map.
//!
//! Scraped pages mix scripts and widths and carry pinyin noise (`網(wǎng)`). Extractors want
//! one clean form: simplified, half-width, noise-free, with whitespace folded. Every character
//! of that form remembers which input character it came from, so a span found in the clean
//! text maps back to the input exactly (`input[start:end] == text` in code points).
//!
//! The edits are 1:1 replacements (traditional→simplified, full-width→half-width) or
//! deletions (noise, `\r`, zero-width and folded whitespace). No character is ever inserted,
//! so mapping needs no interpolation: a span's start is the source of its first character,
//! its end is one past the source of its last, and deleted characters inside the span (noise
//! between `醫` and `院`) are covered while deleted characters at its edges are not.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Span;

/// Normalised text and the map back to the input.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    /// The normalised text.
    pub text: String,
    /// Byte offset in `text` of each normalised character (plus `text.len()` at the end).
    byte_of: Vec<u32>,
    /// Code-point index and byte offset in the input of each normalised character.
    source: Vec<(u32, u32)>,
}

/// The table, dense over the CJK blocks where nearly all entries live (a direct index per
/// character is several times faster than hashing), with a map for the rest.
struct T2s {
    dense: Vec<char>,
    sparse: HashMap<char, char>,
}

const DENSE_FROM: u32 = 0x3400;
const DENSE_TO: u32 = 0xA000;

static T2S: LazyLock<T2s> = LazyLock::new(|| {
    let mut t = T2s {
        dense: (DENSE_FROM..DENSE_TO)
            .map(|u| char::from_u32(u).unwrap_or(' '))
            .collect(),
        sparse: HashMap::new(),
    };
    for l in crate::data::lines(include_str!("../data/t2s.txt")) {
        let mut it = l.chars().filter(|c| !c.is_whitespace());
        if let (Some(a), Some(b)) = (it.next(), it.next()) {
            if (DENSE_FROM..DENSE_TO).contains(&(a as u32)) {
                t.dense[(a as u32 - DENSE_FROM) as usize] = b;
            } else {
                t.sparse.insert(a, b);
            }
        }
    }
    t
});

/// Traditional → simplified for one character (identity when it has no mapping).
#[inline]
pub fn simplify_char(c: char) -> char {
    let u = c as u32;
    if u < DENSE_FROM {
        return c;
    }
    if u < DENSE_TO {
        return T2S.dense[(u - DENSE_FROM) as usize];
    }
    T2S.sparse.get(&c).copied().unwrap_or(c)
}

/// Traditional → simplified, full-width → half-width for a short string (names, lexicons).
pub fn simplify(s: &str) -> String {
    s.chars().map(|c| simplify_char(half_width(c))).collect()
}

/// Full-width ASCII (`U+FF01..=U+FF5E`) and the ideographic space to half-width. The
/// full-width question mark stays: an ASCII `?` in scraped text marks a lost character, and
/// the two must stay apart.
#[inline]
pub fn half_width(c: char) -> char {
    match c {
        '？' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || c == 'ü' || is_tone_mark(c)
}

fn is_tone_mark(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

/// Length of a pinyin gloss such as `(wǎng)` at the start of `s`, in characters and bytes,
/// if any. A gloss is 1–6 pinyin letters with at least one tone mark, in ASCII or
/// full-width brackets.
fn pinyin_gloss_len(s: &str) -> Option<(usize, usize)> {
    if !s.starts_with(['(', '（']) {
        return None;
    }
    let mut tone = false;
    for (i, (b, c)) in s.char_indices().enumerate().skip(1).take(7) {
        if matches!(c, ')' | '）') {
            return (tone && i > 1).then_some((i + 1, b + c.len_utf8()));
        }
        if !is_pinyin_letter(c) {
            return None;
        }
        tone |= is_tone_mark(c);
    }
    None
}

#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn is_folded_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{3000}' | '\u{2002}'..='\u{200A}' | '\u{0B}' | '\u{0C}'
    )
}

fn is_dropped(c: char) -> bool {
    matches!(c, '\r' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}')
}

impl NormText {
    /// Normalise `input`: see the module docs for what changes and why.
    pub fn new(input: &str) -> NormText {
        let mut out = NormText {
            text: String::with_capacity(input.len()),
            byte_of: Vec::with_capacity(input.len() / 2 + 1),
            source: Vec::with_capacity(input.len() / 2),
        };
        let table = &*T2S;
        let bytes = input.as_bytes();
        let mut prev_cjk = false;
        let (mut b, mut i) = (0usize, 0usize);
        while b < bytes.len() {
            let lead = bytes[b];
            // the common case: a three-byte character in the main CJK block, read straight
            // from the bytes (the input is a `str`, so the sequence is well formed)
            if (0xE4..=0xE9).contains(&lead) && b + 2 < bytes.len() {
                let u = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(bytes[b + 1] & 0x3F) << 6)
                    | u32::from(bytes[b + 2] & 0x3F);
                if (0x4E00..DENSE_TO).contains(&u) {
                    let m = table.dense[(u - DENSE_FROM) as usize];
                    out.byte_of.push(out.text.len() as u32);
                    out.source.push((i as u32, b as u32));
                    if m as u32 == u {
                        out.text.push_str(&input[b..b + 3]);
                    } else {
                        out.text.push(m);
                    }
                    prev_cjk = true;
                    b += 3;
                    i += 1;
                    continue;
                }
            }
            let Some(c) = input[b..].chars().next() else { break };
            let len = c.len_utf8();
            if prev_cjk && matches!(c, '(' | '（') {
                if let Some((chars, glen)) = pinyin_gloss_len(&input[b..]) {
                    b += glen;
                    i += chars;
                    continue;
                }
            }
            prev_cjk = is_cjk(c);
            match c {
                '\n' => {
                    if out.text.ends_with(' ') {
                        out.pop();
                    }
                    out.push('\n', i, b);
                }
                _ if is_dropped(c) => {}
                _ if is_folded_space(c) => {
                    if !matches!(out.text.as_bytes().last(), None | Some(b' ' | b'\n')) {
                        out.push(' ', i, b);
                    }
                }
                _ if c.is_ascii() => out.push(c, i, b),
                _ => out.push(simplify_char(half_width(c)), i, b),
            }
            b += len;
            i += 1;
        }
        out.byte_of.push(out.text.len() as u32);
        out
    }

    #[inline(always)]
    fn push(&mut self, c: char, src: usize, src_byte: usize) {
        self.byte_of.push(self.text.len() as u32);
        self.source.push((src as u32, src_byte as u32));
        self.text.push(c);
    }

    fn pop(&mut self) {
        self.text.pop();
        self.byte_of.pop();
        self.source.pop();
    }

    /// Map a byte span of the normalised text to a code-point span of the input. A start
    /// inside a character snaps forward, an end inside one snaps back; `None` for an empty
    /// result.
    pub fn to_source(&self, span: Span) -> Option<(usize, usize)> {
        self.to_source_bytes(span).map(|(a, b, _, _)| (a, b))
    }

    /// Like [`NormText::to_source`], with the input byte range too:
    /// `(char start, char end, byte start, byte of the last character)`.
    pub fn to_source_bytes(&self, span: Span) -> Option<(usize, usize, usize, usize)> {
        let n = self.source.len();
        let first = self.byte_of[..n].partition_point(|&b| (b as usize) < span.start);
        let past = self.byte_of[..n].partition_point(|&b| (b as usize) < span.end);
        // `past` counts chars starting before span.end; the last of them must end by span.end.
        let last_end = if past > 0 && (self.byte_of[past] as usize) > span.end {
            past - 1
        } else {
            past
        };
        if first >= last_end {
            return None;
        }
        let (a, ab) = self.source[first];
        let (z, zb) = self.source[last_end - 1];
        Some((a as usize, z as usize + 1, ab as usize, zb as usize))
    }

    /// Number of normalised characters.
    pub fn char_len(&self) -> usize {
        self.source.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(input: &str, n: &NormText, s: usize, e: usize) -> String {
        let (a, b) = n.to_source(Span::new(s, e)).unwrap();
        input.chars().skip(a).take(b - a).collect()
    }

    #[test]
    fn traditional_noise_and_width() {
        let input = "河南省人民醫(yī)院２０２２年，網(wǎng)";
        let n = NormText::new(input);
        assert_eq!(n.text, "河南省人民医院2022年,网");
        let s = n.text.find("人民医院").unwrap();
        assert_eq!(src(input, &n, s, s + "人民医院".len()), "人民醫(yī)院");
        let s = n.text.find("网").unwrap();
        // trailing noise is not part of the span
        assert_eq!(src(input, &n, s, s + 3), "網");
    }

    #[test]
    fn t2s_maps_one_character_to_one() {
        for line in crate::data::lines(include_str!("../data/t2s.txt")) {
            let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(chars.len(), 2, "{line:?}");
        }
        assert_eq!(simplify("醫院網頁"), "医院网页");
    }

    #[test]
    fn whitespace_folds_and_lines_stay() {
        let n = NormText::new("  标题\u{3000}\u{3000}文字  \r\n\n正文");
        assert_eq!(n.text, "标题 文字\n\n正文");
    }

    #[test]
    fn question_marks_stay_apart() {
        assert_eq!(NormText::new("高?好？").text, "高?好？");
    }

    #[test]
    fn gloss_needs_a_tone_and_a_cjk_host() {
        assert_eq!(NormText::new("CT(ct)检查").text, "CT(ct)检查");
        assert_eq!(NormText::new("字(abc)").text, "字(abc)");
        assert_eq!(NormText::new("字(lǐ)").text, "字");
    }
}
