//! The objects of counts: the counted noun after a unit (3名|专家) or before the number
//! (门诊患者|3000人次), read from the counted-noun lexicon and the dictionary.

use std::sync::LazyLock;

use super::{chars, words};
use crate::data;
use crate::text::normalize::is_cjk;
use crate::text::{Document, Span};

static OBJECTS: LazyLock<data::WordSet> =
    LazyLock::new(|| data::lines(include_str!("../../data/count_objects.txt")).collect());

/// Units of time, age, proportion and distance: what follows them is never their object
/// (`no_object:` in `count_words.txt`).
pub(super) static NO_OBJECT: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("no_object").collect());

/// Function words that end the object read after a unit (`stop:`).
static STOPS: LazyLock<String> = LazyLock::new(|| chars("stop"));

/// Characters after a counted noun that show the word goes on (专家组, 医院院长): `continues:`.
static CONTINUES: LazyLock<String> = LazyLock::new(|| chars("continues"));

/// Words between an object and its number (共, 累计, 达): `lead_in:`.
static LEAD_IN: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("lead_in").collect());

/// Whether the last word of a noun phrase is a counted noun (`患者`, `当地患者`; not `授课`
/// for `课`).
fn word_is_object(word: &str) -> bool {
    OBJECTS.contains(word)
        || word
            .char_indices()
            .skip(1)
            .any(|(i, _)| word[i..].chars().count() >= 2 && OBJECTS.contains(&word[i..]))
}

/// The shortest noun phrase right after the unit (at most 10 Han characters, no function
/// word) that ends with a counted noun. Read from the lexicon alone: no segmentation needed.
pub(super) fn object_after(doc: &Document, q: usize, sent: Span) -> Option<(String, usize)> {
    let text = doc.text();
    let rest = &text[q..sent.end];
    for (k, (i, c)) in rest.char_indices().enumerate() {
        if k >= 10 || !is_cjk(c) || STOPS.contains(c) {
            break;
        }
        let end = i + c.len_utf8();
        let np = &rest[..end];
        let next = rest[end..].chars().next();
        // the noun must end a word: not 医院 in 医院院长, not 专家 in 专家组
        if word_is_object(np) && !next.is_some_and(|n| CONTINUES.contains(n)) {
            return Some((np.to_string(), q + end));
        }
    }
    None
}

/// The counted noun just before the number (`门诊患者约1000人次`), in the same clause,
/// skipping lead-in words (共, 累计, 达…).
pub(super) fn object_before(doc: &Document, at: usize, sent: Span) -> Option<String> {
    let text = doc.text();
    let mut end = at;
    loop {
        let head = &text[sent.start..end];
        // the last byte first: most heads end in no lead-in word
        let last = head.as_bytes().last();
        let lead_in = LEAD_IN
            .iter()
            .filter(|w| w.as_bytes().last() == last && head.ends_with(*w));
        match lead_in.max_by_key(|w| w.len()) {
            Some(w) => end -= w.len(),
            None => break,
        }
    }
    let head = &text[sent.start..end];
    // where the last 1..=8 Han characters start: `starts[r - 1]` begins the last r
    let mut starts = [0usize; 8];
    let mut n = 0;
    for (i, c) in head.char_indices().rev().take(8) {
        if !is_cjk(c) {
            break;
        }
        starts[n] = i;
        n += 1;
    }
    // which of those tails are counted nouns: each looked up once, then shared by the whole
    // phrases and the compounds that end in them
    let mut noun = [false; 9];
    for r in 2..=n {
        noun[r] = OBJECTS.contains(&head[starts[r - 1]..]);
    }
    // the longest run that is a counted noun phrase (门诊患者 before 患者)
    let seg = doc.segmenter();
    (1..=n)
        .rev()
        .find(|&r| noun[r] || is_compound_object(head, &starts, r, &noun, seg))
        .map(|r| head[starts[r - 1]..].to_string())
}

/// Whether the last `r` characters of `head` are a two-word object such as 门诊患者 or
/// 帮扶资金: a dictionary word of two or more characters, then a counted noun of two or more.
fn is_compound_object(
    head: &str,
    starts: &[usize],
    r: usize,
    noun: &[bool; 9],
    seg: &crate::text::segment::Segmenter,
) -> bool {
    (3..=6).contains(&r)
        && (2..=r - 2).any(|first| noun[r - first] && seg.has_word(&head[starts[r - 1]..starts[r - first - 1]]))
}
