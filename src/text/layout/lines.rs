//! Lines of a page and what they look like: chrome (menus, widgets, URLs, image markers),
//! footers, titles, meta lines, bylines and paragraphs. Each line is scanned once; the rules
//! read the facts of that scan.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind, StartKind};
use regex::Regex;

use super::{DATELINE, META_DATE};
use crate::data;
use crate::text::Span;
use crate::text::normalize::is_cjk;

static CHROME_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    data::dfa(
        data::lines(include_str!("../../data/chrome_words.txt")),
        MatchKind::Standard,
        StartKind::Unanchored,
    )
});
static FOOTER_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    data::dfa(
        data::lines(include_str!("../../data/footer_cues.txt")),
        MatchKind::Standard,
        StartKind::Anchored,
    )
});
static IMAGE_LINES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data::lines(include_str!("../../data/image_lines.txt")).collect());
/// The longest image line, in characters: longer lines need no look-up.
static IMAGE_LINE_CHARS: LazyLock<usize> =
    LazyLock::new(|| IMAGE_LINES.iter().map(|l| l.chars().count()).max().unwrap_or(0));

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)https?://|www\.|[a-z0-9]\.(?:com|cn|net|org|gov)(?:[^a-z]|$)|ICP备|[a-z0-9._-]+@[a-z0-9-]+\.")
        .unwrap()
});
static META_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    data::dfa(
        [
            "来源", "发布", "时间", "日期", "作者", "编辑", "记者", "稿源", "浏览", "点击", "字号", "阅读", "A+",
            "出处", "发表", "供稿",
        ],
        MatchKind::Standard,
        StartKind::Unanchored,
    )
});
/// A line with its span, character length and the facts the rules ask about it, read in
/// one pass over its bytes (a line is classified several times; its text is scanned once).
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'t> {
    pub(super) span: Span,
    pub(super) text: &'t str,
    pub(super) chars: usize,
    pub(super) facts: Facts,
}

/// What one pass over a line finds.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Facts {
    /// `|` and `>` separators (menus, breadcrumbs).
    pub(super) pipes: u16,
    pub(super) arrows: u16,
    /// `»`, a breadcrumb arrow.
    pub(super) guillemet: bool,
    pub(super) ascii_letter: bool,
    /// `。`
    pub(super) full_stop: bool,
    /// Sentence-final punctuation: `。!？;…`.
    pub(super) sentence_end: bool,
    /// A Han character or an ASCII letter or digit.
    pub(super) word_char: bool,
}

impl Facts {
    pub(super) fn of(s: &str) -> (Facts, usize) {
        let mut f = Facts::default();
        let b = s.as_bytes();
        let (mut i, mut chars) = (0, 0);
        while i < b.len() {
            let lead = b[i];
            chars += 1;
            if lead < 0x80 {
                match lead {
                    b'|' => f.pipes = f.pipes.saturating_add(1),
                    b'>' => f.arrows = f.arrows.saturating_add(1),
                    b'!' | b';' => f.sentence_end = true,
                    b'0'..=b'9' => f.word_char = true,
                    b'A'..=b'Z' | b'a'..=b'z' => {
                        f.ascii_letter = true;
                        f.word_char = true;
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            // U+5000–U+9FFF, all Han: nothing more to learn from the character; nor from one
            // in U+4000–U+4FFF (Han or a symbol) once the line is known to have a word character
            if (0xE5..=0xE9).contains(&lead) || (lead == 0xE4 && f.word_char) {
                f.word_char = true;
                i += 3;
                continue;
            }
            let (u, len) = crate::lang::scan::decode_at(s, i);
            i += len;
            match u {
                0xBB => f.guillemet = true,
                0x3002 => {
                    f.full_stop = true;
                    f.sentence_end = true;
                }
                0xFF1F | 0x2026 => f.sentence_end = true,
                _ => f.word_char |= char::from_u32(u).is_some_and(is_cjk),
            }
        }
        (f, chars)
    }
}

pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        let rest = raw.trim_start();
        let lead = raw.len() - rest.len();
        let t = rest.trim_end();
        if !t.is_empty() {
            let start = pos + lead;
            let (facts, chars) = Facts::of(t);
            out.push(Line {
                span: Span::new(start, start + t.len()),
                text: t,
                chars,
                facts,
            });
        }
        pos += raw.len() + 1;
    }
    out
}

pub(super) fn has_sentence_end(s: &str) -> bool {
    s.contains(['。', '!', '？', ';', '…'])
}

fn is_nav_bar(l: &Line) -> bool {
    l.facts.pipes >= 2 || l.facts.arrows >= 2 || l.facts.guillemet
}

/// Image lines: markdown images, or a short caption word from the lexicon.
fn is_image_line(l: &Line) -> bool {
    l.text.starts_with("![") || (l.chars <= *IMAGE_LINE_CHARS && IMAGE_LINES.contains(&l.text))
}

pub(super) fn is_footer(l: &Line) -> bool {
    FOOTER_CUES.is_match(aho_corasick::Input::new(l.text).anchored(aho_corasick::Anchored::Yes))
        || (l.chars < 60 && (l.text.ends_with("相关文章") || l.text.contains("版权所有")))
}

/// Chrome anywhere: widgets, menus, URLs, image markers, short boilerplate lines.
pub(super) fn is_chrome(l: &Line) -> bool {
    is_image_line(l)
        || is_nav_bar(l)
        || (l.chars < 80 && has_url(l))
        || (l.chars < 40 && !l.facts.sentence_end && CHROME_WORDS.is_match(l.text))
        || !l.facts.word_char
}

/// URLs, e-mail addresses and ICP numbers all need ASCII letters: skip the regex without them.
fn has_url(l: &Line) -> bool {
    l.facts.ascii_letter && URL.is_match(l.text)
}

pub(super) fn is_title_like(l: &Line) -> bool {
    (5..=80).contains(&l.chars) && !l.facts.full_stop && !is_nav_bar(l) && !has_url(l) && !is_image_line(l)
}

pub(super) fn is_meta_line(l: &Line) -> bool {
    if l.chars > 120 || l.facts.full_stop {
        return false;
    }
    let Some(m) = META_DATE.find(l.text) else { return false };
    META_CUES.is_match(l.text) || m.as_str().chars().count() * 10 >= l.chars * 4
}

/// A short line that is only a byline: an outlet's `讯`/`电` and a reporter label.
pub(super) fn is_byline_above(l: &Line) -> bool {
    l.chars <= 40
        && !l.facts.sentence_end
        && !l.text.contains(',')
        && (l.text.contains("记者") || l.text.contains("通讯员"))
        && (l.text.contains('讯')
            || l.text.contains('电')
            || l.text.starts_with("记者")
            || l.text.starts_with("通讯员"))
}

pub(super) fn is_labelled_meta(l: &Line) -> bool {
    l.chars <= 80
        && !l.facts.full_stop
        && ["来源:", "作者:", "记者:", "编辑:", "发布时间", "稿源:"]
            .iter()
            .any(|c| l.text.contains(c))
}

/// Paragraph text rather than a slogan or widget: the body starts at the first one.
pub(super) fn is_paragraph(l: &Line) -> bool {
    l.chars >= 40 || l.facts.full_stop || DATELINE.is_match(l.text)
}
