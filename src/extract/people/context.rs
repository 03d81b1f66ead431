//! Names found without a title next to them: words that introduce a person (村民张三, 摄影：
//! 李四), words that follow one (。张三说, 李四先生, 王五摄), names the dictionary knows as
//! names, and lists that continue a name found (张三、李四和王五).
//!
//! The word lists live in `src/data/person_contexts.txt`, one `kind:word` a line.

use std::sync::LazyLock;

use std::collections::HashMap;

use super::index::Taken;
use super::personal_names::{after_name_at, is_name, name_at, name_before, title_starts};
use super::{Cue, Cues, Found, Hit};
use crate::data;
use crate::extract::Rule;
use crate::lang::names;
use crate::text::normalize::is_cjk;
use crate::text::segment::Segmenter;
use crate::text::{Document, Span};

/// The entries of one kind of `person_contexts.txt`, with the title after `=` if any.
fn entries(kind: &str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> + '_ {
    data::kind_pairs(include_str!("../../data/person_contexts.txt"), kind)
}

/// The entries of one kind that are single characters, as characters.
pub(super) fn chars(kind: &str) -> Vec<char> {
    entries(kind).filter_map(|(w, _)| w.chars().next()).collect()
}

/// The words of one kind, for the cue scan (`cues.rs`), which finds them in every sentence.
pub(crate) fn words(kind: &str) -> Vec<&'static str> {
    entries(kind).map(|(w, _)| w).collect()
}

/// The title a context word gives the person (摄影: → 摄影), by kind and word.
static TITLES: LazyLock<HashMap<(Cue, &'static str), &'static str, data::Fnv>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (kind, cue) in [
        ("before", Cue::PersonBefore),
        ("after", Cue::PersonAfter),
        ("mark", Cue::PersonMark),
    ] {
        for (w, t) in entries(kind) {
            if let Some(t) = t {
                m.insert((cue, w), t);
            }
        }
    }
    m
});

fn title_of(doc: &Document, cue: Cue, word: Span) -> Option<&'static str> {
    TITLES.get(&(cue, doc.slice(word))).copied()
}

/// Words of one kind of the file, as a set.
pub(super) fn word_set(name: &str) -> data::WordSet {
    entries(name).map(|(w, _)| w).collect()
}

fn hit(name: Span, title: Option<&str>, rule: Rule) -> Hit {
    Hit {
        name,
        titles: title.map(|t| vec![t.to_string()]).unwrap_or_default(),
        org: None,
        rule,
    }
}

/// Names introduced or followed by a context word, and names the dictionary knows, in one
/// sentence. The context words come from the shared cue scan; each is first checked for a
/// surname where the name would be (one look-up), so segmentation, which costs most, is only
/// asked for at the few words that can introduce a name.
pub(super) fn scan(doc: &Document, seg: &Segmenter, cues: &Cues, sent: Span, found: &mut Found) {
    let text = doc.text();
    for &w in cues.within(Cue::PersonBefore, sent) {
        let at = w.end;
        // the word must end there, not run on (科 of 科普)
        if names::surname_len(&text[at..sent.end]).is_none() || !doc.is_token_boundary(at) {
            continue;
        }
        let name = name_at(doc, seg, sent, at).filter(|n| !found.taken.overlaps(*n) && plausible(doc, seg, sent, *n));
        if let Some(name) = name {
            found.push(hit(name, title_of(doc, Cue::PersonBefore, w), Rule::IntroducedBy));
        }
    }
    for (cue, clause_start) in [(Cue::PersonAfter, true), (Cue::PersonMark, false)] {
        for &w in cues.within(cue, sent) {
            // a credit may keep the name apart: 张三 摄, 张三/摄
            let end = sent.start + text[sent.start..w.start].trim_end_matches([' ', '/']).len();
            if clause_start && !may_open_clause(text, sent, end) {
                // the last of two names that open the clause together (张三和李四表示)
                pair_opening_clause(doc, seg, sent, end, found);
                continue;
            }
            if glued(seg, text, sent, w.start, w.len()) {
                continue;
            }
            let Some(name) = name_before(doc, seg, sent, end) else {
                continue;
            };
            if found.taken.overlaps(name)
                || (clause_start && !opens_clause(text, sent, name.start))
                || !plausible(doc, seg, sent, name)
            {
                continue;
            }
            let rule = if clause_start { Rule::FollowedBy } else { Rule::MarkedBy };
            found.push(hit(name, title_of(doc, cue, w), rule));
        }
    }
    // these two read words wherever other rules already had them cut: cutting every clause
    // for them alone would more than double the pipeline's cost
    for t in doc.tokens_cut_in(sent) {
        if t.span.end <= sent.end && !found.taken.overlaps(t.span) {
            let by_dictionary = dictionary_name(doc, seg, t.span).map(|n| (n, Rule::DictionaryName));
            let by_shape = || segmented_name(doc, seg, sent, t.span).map(|n| (n, Rule::UnknownWordName));
            if let Some((name, rule)) = by_dictionary.or_else(by_shape) {
                found.push(hit(name, None, rule));
            }
        }
    }
}

/// Two names joined by 和/与/及/、 that open their clause, the second ending at `end` before
/// a word that follows names (张三和李四表示): both are names. Checked only where a joiner
/// stands right before a surname a few characters back.
fn pair_opening_clause(doc: &Document, seg: &Segmenter, sent: Span, end: usize, found: &mut Found) {
    let text = doc.text();
    let before = &text[sent.start..end];
    let joined = before.char_indices().rev().take(4).skip(1).any(|(i, _)| {
        before[..i].chars().next_back().is_some_and(|c| JOINERS.contains(&c))
            && names::surname_len(&before[i..]).is_some()
    });
    if !joined {
        return;
    }
    let Some(second) = name_before(doc, seg, sent, end) else {
        return;
    };
    let Some(joiner) = text[sent.start..second.start]
        .chars()
        .next_back()
        .filter(|c| JOINERS.contains(c))
    else {
        return;
    };
    let Some(first) = name_before(doc, seg, sent, second.start - joiner.len_utf8()) else {
        return;
    };
    let ok = |n: Span| !found.taken.overlaps(n) && plausible(doc, seg, sent, n);
    if opens_clause(text, sent, first.start) && ok(first) && ok(second) {
        found.push(hit(first, None, Rule::JoinedPair));
        found.push(hit(second, None, Rule::JoinedPair));
    }
}

/// Whether a name of two to four characters ending at `end` could open its clause: one of
/// those lengths starts right after a non-Han character (or the sentence start) with a
/// surname. A check of a few characters, before any segmentation.
fn may_open_clause(text: &str, sent: Span, end: usize) -> bool {
    let before = &text[sent.start..end];
    // a transliterated name (买买提·艾力) is longer: left to the full check
    before
        .char_indices()
        .rev()
        .take(4)
        .skip(1)
        .any(|(i, _)| opens_clause(text, sent, sent.start + i) && names::surname_len(&before[i..]).is_some())
        || before.chars().rev().take(12).any(|c| c == '·')
}

/// A word the segmenter made of characters its dictionary lacks (its HMM joins an unknown
/// name into one word), that starts with a surname and ends where a word that follows names
/// begins (张三在, 李四和, 王五表示): a name by its shape and the word after it.
fn segmented_name(doc: &Document, seg: &Segmenter, sent: Span, word: Span) -> Option<Span> {
    let w = doc.slice(word);
    let n = w.chars().count();
    if !(2..=3).contains(&n) || names::surname_len(w).is_none_or(|sl| sl >= n) || seg.has_word(w) {
        return None;
    }
    // a title after it is the title pass's to read (全媒记者 is a medium, not a name)
    after_name_at(&doc.text()[word.end..sent.end])?;
    (is_name(doc, seg, word) && plausible(doc, seg, sent, word)).then_some(word)
}

/// Whether a one-character word after a name is the end of a longer word with the character
/// before it (小说, 拍摄): then no name ends there.
fn glued(seg: &Segmenter, text: &str, sent: Span, at: usize, word_len: usize) -> bool {
    let Some(prev) = text.get(sent.start..at).and_then(|t| t.chars().next_back()) else {
        return false;
    };
    let Some(word) = text.get(at..sent.end.min(at + word_len)) else {
        return false;
    };
    let Some(pair) = text.get(at - prev.len_utf8()..at + word.len()) else {
        return false;
    };
    word.chars().count() == 1 && seg.has_word(pair)
}

/// A name found by its context alone must look like one by itself: a surname starts it, the
/// dictionary does not know it as a word (unless as a person's full name), its surname and first
/// given character are no word of another kind (原本), and it ends where a word ends.
fn plausible(doc: &Document, seg: &Segmenter, sent: Span, name: Span) -> bool {
    let text = doc.text();
    let s = doc.slice(name);
    let Some(sl) = names::surname_len(s) else {
        return false;
    };
    // the dictionary's `nr` holds common words too (艾灸/nr): trusted for full names only
    let person_word = |t: &str| t == "nrfg" || (t.starts_with("nr") && s.chars().count() == 3);
    if seg.dict_tag(s).is_some_and(|t| !person_word(t)) || (seg.has_word(s) && seg.dict_tag(s).is_none()) {
        return false;
    }
    let head_end = s.char_indices().nth(sl + 1).map_or(s.len(), |(i, _)| i);
    if head_end < s.len()
        && seg
            .dict_tag(&s[..head_end])
            .is_some_and(|t| !(t.starts_with("nr") || t == "nz"))
    {
        return false;
    }
    let rest = &text[name.end.min(sent.end)..sent.end];
    rest.chars().next().is_none_or(|c| !is_cjk(c))
        || doc.is_token_boundary(name.end)
        || after_name_at(rest).is_some()
        || title_starts(rest)
}

/// Whether a name starting at `at` opens its clause: nothing Han comes before it.
fn opens_clause(text: &str, sent: Span, at: usize) -> bool {
    let before = &text[sent.start..at];
    // an opener (据) may stand between the clause's start and the name
    let before = OPENERS.iter().find_map(|w| before.strip_suffix(w)).unwrap_or(before);
    before.chars().next_back().is_none_or(|c| !is_cjk(c))
}

/// Words that open a clause before a name (`opener:` 据).
static OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("opener"));

/// A word of three characters that the dictionary tags as a person's full name (nrfg; its
/// `nr` holds many common words) and that reads as one: well-known people need no context.
fn dictionary_name(doc: &Document, seg: &Segmenter, word: Span) -> Option<Span> {
    let w = doc.slice(word);
    (w.chars().count() == 3
        && names::surname_len(w) == Some(1)
        && seg.dict_tag(w) == Some("nrfg")
        && is_name(doc, seg, word))
    .then_some(word)
}

/// Joiners of a list of names (`joiner:`).
static JOINERS: LazyLock<Vec<char>> = LazyLock::new(|| chars("joiner"));

/// Names listed with a name found (张三、李四和王五): each mention of a found name (`seeds`,
/// the occurrences the merge finds anyway) reaches one joiner to its right and one to its
/// left, and each name added does the same, so the walk costs the mentions. Returns the
/// names added.
pub(super) fn lists(doc: &Document, seg: &Segmenter, taken: &mut Taken, seeds: Vec<Span>) -> Vec<Hit> {
    let text = doc.text();
    let mut work = seeds;
    let mut added = Vec::new();
    while let Some(name) = work.pop() {
        let Some(sent) = doc.sentence_at(name.start).and_then(|i| doc.sentences.get(i).copied()) else {
            continue;
        };
        if name.end > sent.end {
            continue;
        }
        let next = text[name.end..sent.end]
            .chars()
            .next()
            .filter(|c| JOINERS.contains(c))
            .and_then(|c| name_at(doc, seg, sent, name.end + c.len_utf8()));
        let prev = text[sent.start..name.start]
            .chars()
            .next_back()
            .filter(|c| JOINERS.contains(c))
            .and_then(|c| name_before(doc, seg, sent, name.start - c.len_utf8()));
        for n in [next, prev].into_iter().flatten() {
            if !taken.overlaps(n) && plausible(doc, seg, sent, n) {
                taken.insert(n);
                added.push(hit(n, None, Rule::ListMember));
                work.push(n);
            }
        }
    }
    added
}
