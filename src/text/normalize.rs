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
    /// Where runs of characters copied one for one start: see [`Anchor`].
    anchors: Vec<Anchor>,
}

/// A normalised byte offset and the input position of the character there. Every character
/// from one anchor up to the next has the same width as its input character and follows the
/// previous one's input without a gap, so an offset maps back by counting from its anchor.
#[derive(Debug, Clone, Copy, Default)]
struct Anchor {
    norm: u32,
    src_byte: u32,
    src_char: u32,
}

/// The table, dense over the CJK blocks where nearly all entries live (a direct index per
/// character is several times faster than hashing), with a map for the rest.
struct T2s {
    /// Bit per character of the dense range: set when it has a simplified form. Simplified
    /// text, the common case, only ever reads this 3 KB bitmap, which stays in cache.
    changes: Vec<u64>,
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
        changes: vec![0; (DENSE_TO - DENSE_FROM).div_ceil(64) as usize],
        sparse: HashMap::new(),
    };
    for l in crate::data::lines(include_str!("../data/t2s.txt")) {
        let mut it = l.chars().filter(|c| !c.is_whitespace());
        if let (Some(a), Some(b)) = (it.next(), it.next()) {
            if (DENSE_FROM..DENSE_TO).contains(&(a as u32)) {
                let k = (a as u32 - DENSE_FROM) as usize;
                t.dense[k] = b;
                if a != b {
                    t.changes[k / 64] |= 1 << (k % 64);
                }
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
#[cfg(test)]
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

/// The longest HTML tag or comment read: a `<` with no `>` within it is text.
const MARKUP_MAX: usize = 1024;

/// The length, in code points and bytes, of HTML markup that starts `s`: a tag (`<p>`,
/// `</span>`, `<img src=…>`), a comment (`<!--…-->`) or a space entity (`&nbsp;`). Scraped
/// pages keep some of their markup; dropped like noise, it leaves the text and its offsets
/// into the page. A `<` followed by anything but a letter, `/` or `!` is text (`<5岁`), and
/// each look-ahead is bounded, so the scan stays linear.
fn markup_len(s: &str) -> Option<(usize, usize)> {
    const SPACES: &[&str] = &["&nbsp;", "&ensp;", "&emsp;", "&thinsp;"];
    if let Some(e) = SPACES.iter().find(|e| s.starts_with(*e)) {
        return Some((e.len(), e.len()));
    }
    if !s.starts_with('<') {
        return None;
    }
    let head = &s.as_bytes()[..s.len().min(MARKUP_MAX)];
    let end = if s.starts_with("<!--") {
        memchr::memmem::find(head, b"-->").map(|e| e + 3)?
    } else {
        let second = *head.get(1)?;
        if !(second.is_ascii_alphabetic() || matches!(second, b'/' | b'!')) {
            return None;
        }
        let close = head.iter().skip(1).position(|&b| matches!(b, b'<' | b'>'))? + 1;
        (head[close] == b'>').then_some(close + 1)?
    };
    let tag = s.get(..end)?;
    Some((tag.chars().count(), end))
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
    ///
    /// Unchanged characters (nearly all of them) are copied in runs; only edits and
    /// checkpoints leave an `Anchor`, so the map costs a few bytes per edit, not per character.
    pub fn new(input: &str) -> NormText {
        let mut w = Writer::new(input);
        let table = &*T2S;
        let bytes = input.as_bytes();
        let mut prev_cjk = false;
        let (mut b, mut i) = (0usize, 0usize);
        while b < bytes.len() {
            if b - w.copy >= CHECKPOINT {
                w.flush(b, i);
            }
            let lead = bytes[b];
            // the common case: a three-byte character in the main CJK block, read straight
            // from the bytes (the input is a `str`, so the sequence is well formed); the
            // general `scan::decode_at` here costs 3 % more instructions in this loop
            if (0xE4..=0xE9).contains(&lead) && b + 2 < bytes.len() {
                let u = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(bytes[b + 1] & 0x3F) << 6)
                    | u32::from(bytes[b + 2] & 0x3F);
                if u >= 0x4E00 {
                    let k = (u - DENSE_FROM) as usize;
                    if table.changes[k / 64] & (1 << (k % 64)) != 0 {
                        w.replace(b, i, 3, table.dense[k]);
                    }
                    prev_cjk = true;
                    b += 3;
                    i += 1;
                    continue;
                }
            }
            if lead.is_ascii() && !matches!(lead, b'\n' | b'\r' | b'\t' | b' ' | b'(' | b'<' | b'&' | 0x0B | 0x0C) {
                prev_cjk = false;
                b += 1;
                i += 1;
                continue;
            }
            let Some(c) = input[b..].chars().next() else { break };
            let len = c.len_utf8();
            if prev_cjk && matches!(c, '(' | '（') {
                if let Some((chars, glen)) = pinyin_gloss_len(&input[b..]) {
                    w.delete(b, glen, i, chars);
                    b += glen;
                    i += chars;
                    continue;
                }
            }
            if matches!(c, '<' | '&') {
                if let Some((chars, mlen)) = markup_len(&input[b..]) {
                    w.delete(b, mlen, i, chars);
                    b += mlen;
                    i += chars;
                    continue;
                }
            }
            prev_cjk = is_cjk(c);
            match c {
                '\n' => {
                    w.flush(b, i);
                    w.pop_space();
                }
                _ if is_dropped(c) => w.delete(b, len, i, 1),
                _ if is_folded_space(c) => {
                    w.flush(b, i);
                    if matches!(w.out.text.as_bytes().last(), None | Some(b' ' | b'\n')) {
                        w.delete(b, len, i, 1);
                    } else if c != ' ' {
                        w.replace(b, i, len, ' ');
                    }
                }
                _ if c.is_ascii() => {}
                _ => {
                    let m = simplify_char(half_width(c));
                    if m != c {
                        w.replace(b, i, len, m);
                    }
                }
            }
            b += len;
            i += 1;
        }
        w.flush(b, i);
        w.out
    }

    /// Map a byte span of the normalised text to a code-point span of the input. A start
    /// inside a character snaps forward, an end inside one snaps back; `None` for an empty
    /// result.
    #[cfg(test)]
    pub fn to_source(&self, span: Span) -> Option<(usize, usize)> {
        self.to_source_bytes(span).map(|(a, b, _, _)| (a, b))
    }

    /// Like [`NormText::to_source`], with the input byte range too:
    /// `(char start, char end, byte start, byte of the last character)`.
    pub fn to_source_bytes(&self, span: Span) -> Option<(usize, usize, usize, usize)> {
        let text = &self.text;
        let mut s = span.start.min(text.len());
        while !text.is_char_boundary(s) {
            s += 1;
        }
        let mut e = span.end.min(text.len());
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        if s >= e {
            return None;
        }
        let last = e - text[s..e].chars().next_back().map_or(0, char::len_utf8);
        let (a, ab) = self.source_of(s);
        let (z, zb) = self.source_of(last);
        Some((a, z + 1, ab, zb))
    }

    /// Input code point and byte of the normalised character that starts at byte `at`.
    fn source_of(&self, at: usize) -> (usize, usize) {
        let k = self.anchors.partition_point(|a| a.norm as usize <= at);
        let a = self.anchors[k.saturating_sub(1)];
        let run = &self.text[a.norm as usize..at];
        (
            a.src_char as usize + run.chars().count(),
            a.src_byte as usize + run.len(),
        )
    }

    /// Number of normalised characters.
    #[cfg(test)]
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }
}

/// The greatest distance in bytes between anchors, so that mapping an offset counts at most
/// this many bytes of characters.
const CHECKPOINT: usize = 128;

/// Builds a [`NormText`]: input characters from `copy` on are unchanged and wait to be
/// copied in one piece; edits flush them first.
struct Writer<'a> {
    input: &'a str,
    out: NormText,
    /// Input byte and code point where the pending unchanged run starts.
    copy: usize,
    copy_char: usize,
    /// Whether the next character continues the last anchor's run: false at the start, after
    /// a deletion or a replacement of another width.
    in_step: bool,
    /// Normalised byte offset of the last anchor.
    last_anchor: usize,
}

impl<'a> Writer<'a> {
    fn new(input: &'a str) -> Writer<'a> {
        Writer {
            input,
            out: NormText {
                text: String::with_capacity(input.len()),
                anchors: Vec::with_capacity(input.len() / CHECKPOINT + 8),
            },
            copy: 0,
            copy_char: 0,
            in_step: false,
            last_anchor: 0,
        }
    }

    /// Anchor the character about to be written at the end of the text to its input
    /// position, unless the current run already maps it.
    #[inline(always)]
    fn anchor(&mut self, src_byte: usize, src_char: usize) {
        if !self.in_step || self.out.text.len() - self.last_anchor >= CHECKPOINT {
            self.push_anchor(src_byte, src_char);
        }
    }

    #[inline(never)]
    fn push_anchor(&mut self, src_byte: usize, src_char: usize) {
        let norm = self.out.text.len();
        let a = Anchor {
            norm: norm as u32,
            src_byte: src_byte as u32,
            src_char: src_char as u32,
        };
        match self.out.anchors.last_mut() {
            Some(l) if l.norm as usize == norm => *l = a,
            _ => self.out.anchors.push(a),
        }
        self.last_anchor = norm;
        self.in_step = true;
    }

    /// Write the pending unchanged characters, up to input byte `to` (code point `to_char`).
    #[inline(always)]
    fn flush(&mut self, to: usize, to_char: usize) {
        if self.copy < to {
            self.anchor(self.copy, self.copy_char);
            self.out.text.push_str(&self.input[self.copy..to]);
        }
        self.copy = to;
        self.copy_char = to_char;
    }

    /// Write `m` for the `len`-byte input character at byte `at`, code point `at_char`.
    #[inline(always)]
    fn replace(&mut self, at: usize, at_char: usize, len: usize, m: char) {
        self.flush(at, at_char);
        self.anchor(at, at_char);
        self.out.text.push(m);
        self.in_step &= m.len_utf8() == len;
        self.copy = at + len;
        self.copy_char = at_char + 1;
    }

    /// Drop `len` input bytes (`chars` code points) at byte `at`.
    fn delete(&mut self, at: usize, len: usize, at_char: usize, chars: usize) {
        self.flush(at, at_char);
        self.in_step = false;
        self.copy = at + len;
        self.copy_char = at_char + chars;
    }

    /// Drop a space that ends the written text (a line never ends in one).
    fn pop_space(&mut self) {
        if self.out.text.ends_with(' ') {
            self.out.text.pop();
            let norm = self.out.text.len();
            if self.out.anchors.last().is_some_and(|a| a.norm as usize == norm) {
                self.out.anchors.pop();
                self.last_anchor = self.out.anchors.last().map_or(0, |a| a.norm as usize);
            }
            self.in_step = false;
        }
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
        let input = "湖北省人民醫(yī)院２０２２年，網(wǎng)";
        let n = NormText::new(input);
        assert_eq!(n.text, "湖北省人民医院2022年,网");
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
    fn markup_is_dropped_and_offsets_keep_to_the_page() {
        let input =
            "<!--正文 开始-->\n<p align=\"center\"><span style=\"font-size:14px;\">医院&nbsp;专家</span></p>\n<5岁 a&b";
        let n = NormText::new(input);
        assert_eq!(n.text, "\n医院专家\n<5岁 a&b");
        let s = n.text.find("专家").unwrap();
        assert_eq!(src(input, &n, s, s + "专家".len()), "专家");
        // an unclosed tag is text, and so is an `&` that starts no space entity
        assert_eq!(NormText::new("<p 医院").text, "<p 医院");
        assert_eq!(NormText::new("&a> &nbsp").text, "&a> &nbsp");
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

    /// Long inputs cross many checkpoints: every character still maps to its own source,
    /// with runs of unchanged text between edits both shorter and longer than a checkpoint.
    #[test]
    fn long_inputs_map_every_character() {
        let mut input = String::new();
        for k in 0..400 {
            input.push_str(&"医院专家".repeat(k % 70));
            input.push_str(["醫院,", "網(wǎng)", "\r\n", "２０", "  \u{3000}", "a?b", "\n\n"][k % 7]);
        }
        let n = NormText::new(&input);
        let src: Vec<(usize, char)> = input.char_indices().collect();
        let mut prev = None;
        for (i, c) in n.text.char_indices() {
            let (a, b, ab, _) = n.to_source_bytes(Span::new(i, i + c.len_utf8())).unwrap();
            assert_eq!((b, ab), (a + 1, src[a].0), "at {i}");
            assert!(prev < Some(a));
            prev = Some(a);
            let s = src[a].1;
            assert!(
                c == ' ' && s.is_whitespace() || simplify(&s.to_string()) == c.to_string(),
                "{c:?} from {s:?}"
            );
        }
        assert!(n.anchors.len() > input.len() / CHECKPOINT / 2);
    }
}
