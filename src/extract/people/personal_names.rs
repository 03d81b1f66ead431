//! Personal names next to titles: Han names read from a surname (张三, 欧阳明), minority
//! names with `·` (阿卜杜拉·买买提), bare Tibetan or Uyghur names right after a title, and the
//! checks that tell a name from a word, a place or an organisation.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::data;
use crate::lang::{names, places};
use crate::text::normalize::is_cjk;
use crate::text::segment::Segmenter;
use crate::text::{Document, Span};

/// Titles, for "does one start here?": the sentence scan for titles is the shared cue scan,
/// so this automaton needs only an anchored start.
static TITLES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    data::dfa(
        data::lines(include_str!("../../data/titles.txt")),
        MatchKind::LeftmostLongest,
        StartKind::Anchored,
    )
});

/// Words that end a name (`ends:` in `person_contexts.txt`: 表示, 和, 一行…) as an anchored
/// automaton: "does one start here?" in one pass.
static AFTER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    data::dfa(
        super::context::words("ends"),
        MatchKind::LeftmostLongest,
        StartKind::Anchored,
    )
});
/// Characters that show a "name" is an organisation or a place (`org_char:`), and the more
/// that count for a name without a surname (`bare_org_char:`).
static ORG_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| super::context::chars("org_char"));
static BARE_ORG_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| super::context::chars("bare_org_char"));
static COUNTERS: LazyLock<Vec<char>> = LazyLock::new(|| super::context::chars("counter"));
static PSEUDONYM: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::context::words("pseudonym"));

/// The length in characters of the name-ending word that starts `s`, if any.
pub(super) fn after_name_at(s: &str) -> Option<usize> {
    AFTER
        .find(Input::new(s).anchored(Anchored::Yes))
        .map(|m| s[..m.end()].chars().count())
}

/// Whether a character shows a "name" is an organisation (卫健委, 宣传部) or a place (苗栗县).
fn is_org_char(c: char) -> bool {
    ORG_CHARS.contains(&c)
}
/// Whether a title starts right at the beginning of `s`.
pub(super) fn title_starts(s: &str) -> bool {
    TITLES.find(Input::new(s).anchored(Anchored::Yes)).is_some()
}

/// A personal name starting at `at`.
pub(super) fn name_at(doc: &Document, seg: &Segmenter, sent: Span, at: usize) -> Option<Span> {
    let text = doc.text();
    let rest = &text[at..sent.end];
    // the Han (and `·`) characters that follow, at most 12, on the stack
    let mut buf = [(0usize, '\0'); 12];
    let mut n = 0;
    for (i, c) in rest.char_indices().take(12) {
        if !(is_cjk(c) || c == '·') {
            break;
        }
        buf[n] = (i, c);
        n += 1;
    }
    let run = &buf[..n];
    if run.iter().any(|(_, c)| *c == '·') {
        return minority_name(text, at, run);
    }
    let Some(sl) = names::surname_len(rest) else {
        return bare_name_at(doc, seg, at, rest, run);
    };
    let len_at = |n: usize| {
        run.get(n).map_or(
            rest.len().min(run.last().map_or(0, |(i, c)| i + c.len_utf8())),
            |(i, _)| *i,
        )
    };
    if run.len() < sl + 1 {
        return None;
    }
    let stops_at =
        |n: usize| n >= run.len() || after_name_at(&rest[len_at(n)..]).is_some() || title_starts(&rest[len_at(n)..]);
    // a doubled given character (丽丽) belongs to the name
    let doubled = run.get(sl).zip(run.get(sl + 1)).is_some_and(|(a, b)| a.1 == b.1);
    let n = if stops_at(sl + 1) && !doubled {
        sl + 1
    } else if doubled || (sl + 2 <= run.len() && (stops_at(sl + 2) || doc.is_token_boundary(at + len_at(sl + 2)))) {
        sl + 2
    } else {
        sl + 1
    };
    let span = Span::new(at, at + len_at(n));
    is_name(doc, seg, span).then_some(span)
}

/// A name without a Han surname right after a title (Tibetan 格桑次仁, Uyghur 阿依古丽): 2–4
/// characters that end exactly where a speech verb, a conjunction, a title or punctuation
/// begins, and that are no dictionary word, place or organisation.
fn bare_name_at(doc: &Document, seg: &Segmenter, at: usize, rest: &str, run: &[(usize, char)]) -> Option<Span> {
    for n in (2..=4usize).rev() {
        if n > run.len() {
            continue;
        }
        let end = run
            .get(n)
            .map_or_else(|| run[n - 1].0 + run[n - 1].1.len_utf8(), |(i, _)| *i);
        let after = &rest[end..];
        let boundary = n == run.len() || after_name_at(after).is_some_and(|k| k > 1) || title_starts(after);
        if !boundary {
            continue;
        }
        let cand = &rest[..end];
        // people counted or pointed at (多人, 数人, 本人) are no name
        if n == 2 && cand.ends_with('人') {
            return None;
        }
        // a verb of two characters inside swallowed the words after a shorter name (多人出席)
        if cand
            .char_indices()
            .skip(1)
            .any(|(i, _)| after_name_at(&cand[i..]).is_some_and(|k| k > 1))
        {
            continue;
        }
        if cand.chars().any(|c| is_org_char(c) || BARE_ORG_CHARS.contains(&c)) {
            return None;
        }
        let word_like = seg.has_word(cand) && !seg.dict_tag(cand).is_some_and(|t| t.starts_with("nr"));
        // its first two characters, when they are a word, must be a name or a place
        // (扎西/ns, 尼玛/nrt), not a verb or common noun (帮扶/v, 驻点/n)
        let head_end = cand.char_indices().nth(2).map_or(cand.len(), |(i, _)| i);
        let head_is_word = seg
            .dict_tag(&cand[..head_end])
            .is_some_and(|t| !(t.starts_with("nr") || t == "ns" || t == "nz"));
        if word_like || head_is_word || after_name_at(cand).is_some() {
            return None;
        }
        let span = Span::new(at, at + end);
        return is_name(doc, seg, span).then_some(span);
    }
    None
}

fn minority_name(text: &str, at: usize, run: &[(usize, char)]) -> Option<Span> {
    let dot = run.iter().position(|(_, c)| *c == '·')?;
    if !(1..=5).contains(&dot) {
        return None;
    }
    let rest = &text[at..];
    let mut end = run[dot].0 + '·'.len_utf8();
    for &(i, c) in &run[dot + 1..] {
        if after_name_at(&rest[i..]).is_some_and(|k| k > 1) || c == '·' {
            break;
        }
        end = i + c.len_utf8();
    }
    let after = &rest[run[dot].0 + '·'.len_utf8()..end];
    (after.chars().count() >= 2).then_some(Span::new(at, at + end))
}

/// A personal name ending at `end` (before a title): the longest of 3 or 2 characters that
/// starts with a surname at a word boundary.
pub(super) fn name_before(doc: &Document, seg: &Segmenter, sent: Span, end: usize) -> Option<Span> {
    let text = doc.text();
    let before: Vec<(usize, char)> = text[sent.start..end].char_indices().rev().take(3).collect();
    for n in [3usize, 2] {
        let Some(&(i, _)) = before.get(n - 1) else { continue };
        let start = sent.start + i;
        let cand = &text[start..end];
        if !cand.chars().all(is_cjk) || names::surname_len(cand).is_none_or(|sl| sl >= n) {
            continue;
        }
        if !doc.is_token_boundary(start) {
            continue;
        }
        let span = Span::new(start, end);
        if is_name(doc, seg, span) {
            return Some(span);
        }
    }
    None
}

/// Given names that only address a surname (李女士, 王医生, 张某), and surnames that are
/// mostly function words (和, 由): from `person_contexts.txt`.
static ADDRESS: LazyLock<data::WordSet> = LazyLock::new(|| super::context::word_set("address"));
static WEAK: LazyLock<data::WordSet> = LazyLock::new(|| super::context::word_set("weak"));

/// Whether the given name after a surname of `sl` characters only addresses it (李女士,
/// 张某), or the surname is mostly a function word (和, 于) and the dictionary does not
/// know the whole as a person's full name (nrfg).
fn is_reference(seg: &Segmenter, s: &str, sl: usize) -> bool {
    let Some((gi, _)) = s.char_indices().nth(sl) else {
        return true;
    };
    let given = &s[gi..];
    if ADDRESS.contains(given) || given.starts_with('某') {
        return true;
    }
    WEAK.contains(&s[..gi]) && seg.dict_tag(s) != Some("nrfg")
}

/// Whether a span reads as a personal name rather than a word or an organisation.
pub(super) fn is_name(doc: &Document, seg: &Segmenter, span: Span) -> bool {
    let s = doc.slice(span);
    let n = s.chars().count();
    // a place name (龙海) is still a name when a word that follows names comes after it
    // (龙海表示, 龙海告诉记者)
    let place = || places::is_place(s) && after_name_at(&doc.text()[span.end..]).is_none_or(|k| k < 2);
    if !(2..=4).contains(&n) || s.chars().any(is_org_char) || s.contains("中心") || place() {
        return false;
    }
    // a surname followed by a common noun or adjective is a phrase (高水平), not a name
    if let Some(sl) = names::surname_len(s) {
        let given: String = s.chars().skip(sl).collect();
        if given.chars().count() == 2
            && seg.has_word(s)
            && matches!(
                seg.dict_tag(&given),
                Some("n" | "a" | "an" | "ad" | "v" | "vn" | "d" | "f" | "s" | "t" | "m" | "q" | "r")
            )
        {
            return false;
        }
    }
    if names::surname_len(s).is_some_and(|sl| is_reference(seg, s, sl)) {
        return false;
    }
    if counted(&doc.text()[..span.start]) {
        return false;
    }
    if PSEUDONYM.iter().any(|m| doc.text()[span.end..].starts_with(m)) {
        return false;
    }
    // a given name holds no function word (都很好: 很/d)
    let sl = names::surname_len(s).unwrap_or(0);
    let given_at = span.start + s.char_indices().nth(sl).map_or(s.len(), |(i, _)| i);
    let is_function = |w: &str| {
        matches!(
            seg.dict_tag(w),
            Some("d" | "p" | "c" | "u" | "uj" | "ul" | "r" | "y" | "e" | "zg")
        )
    };
    // a one-character word is its character: when no given character is a function word
    // by itself, no word of the given name is one, and the clause need not be cut to see it
    let given = &doc.text()[given_at..span.end];
    let may_hold_one = given
        .char_indices()
        .any(|(i, c)| is_function(&given[i..i + c.len_utf8()]));
    let function_char = may_hold_one
        && doc.tokens_in(Span::new(given_at, span.end)).iter().any(|t| {
            let w = doc.slice(t.span);
            t.span.end <= span.end && w.chars().count() == 1 && is_function(w)
        });
    if function_char {
        return false;
    }
    // a name the dictionary also knows as a place or a proper noun (a mountain, a brand)
    // is still a name once the surname starts it and the place list does not know it
    match seg.dict_tag(s) {
        Some(t) => t.starts_with("nr") || (matches!(t, "ns" | "nz") && reads_as_full_name(s)),
        None => true,
    }
}

/// A single surname and two given characters, not ending like a place (县, 市…): a word the
/// dictionary knows as a place or a proper noun (a mountain, a brand) that still reads as a
/// full name.
fn reads_as_full_name(s: &str) -> bool {
    s.chars().count() == 3
        && names::surname_len(s) == Some(1)
        && !s.chars().next_back().is_some_and(places::is_level_char)
}

/// Whether text ends with a numeral and a classifier of people (14位, 三名): what follows is
/// what is counted (14位权威专家), not a name.
fn counted(before: &str) -> bool {
    let mut rev = before.chars().rev();
    rev.next().is_some_and(|c| COUNTERS.contains(&c))
        && rev.next().is_some_and(|c| {
            c.is_ascii_digit() || crate::lang::numeral::is_chinese_numeral_char(c) || matches!(c, '几' | '多' | '数')
        })
}
