//! Names found without a title next to them: words that introduce a person (村民张三, 摄影：
//! 李四), words that follow one (。张三说, 李四先生, 王五摄), names the dictionary knows as
//! names, and lists that continue a name found (张三、李四和王五).
//!
//! The word lists live in `src/data/person_contexts.txt`, one `kind:word` a line.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind, StartKind};

use super::personal_names::{after_name_at, is_name, name_at, name_before, title_starts};
use super::{Found, Hit};
use crate::data;
use crate::extract::names;
use crate::text::normalize::is_cjk;
use crate::text::segment::Segmenter;
use crate::text::{Document, Span};

/// One context word and the title it gives the person, if any.
struct Word {
    title: Option<&'static str>,
}

/// The words of one kind, as an automaton over a sentence.
struct Kind {
    ac: AhoCorasick,
    words: Vec<Word>,
}

fn entries(kind: &str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> + '_ {
    data::lines(include_str!("../../data/person_contexts.txt")).filter_map(move |l| {
        let (k, rest) = l.split_once(':')?;
        (k == kind).then(|| match rest.split_once('=') {
            Some((w, t)) => (w, Some(t)),
            None => (rest, None),
        })
    })
}

fn kind(name: &str) -> Kind {
    let (ws, ts): (Vec<&str>, Vec<Option<&str>>) = entries(name).unzip();
    Kind {
        ac: data::dfa(ws, MatchKind::LeftmostLongest, StartKind::Unanchored),
        words: ts.into_iter().map(|title| Word { title }).collect(),
    }
}

static BEFORE: LazyLock<Kind> = LazyLock::new(|| kind("before"));
static AFTER: LazyLock<Kind> = LazyLock::new(|| kind("after"));
static MARK: LazyLock<Kind> = LazyLock::new(|| kind("mark"));

/// Words of one kind of the file, as a set.
pub(super) fn word_set(name: &str) -> data::WordSet {
    entries(name).map(|(w, _)| w).collect()
}

fn hit(name: Span, title: Option<&str>) -> Hit {
    Hit {
        name,
        titles: title.map(|t| vec![t.to_string()]).unwrap_or_default(),
        org: None,
    }
}

/// Names introduced or followed by a context word, and names the dictionary knows, in one
/// sentence.
pub(super) fn scan(doc: &Document, seg: &Segmenter, sent: Span, found: &mut Found) {
    let text = doc.text();
    let hay = &text[sent.start..sent.end];
    for m in BEFORE.ac.find_iter(hay) {
        let at = sent.start + m.end();
        // the word must end there, not run on (科 of 科普)
        if !doc.is_token_boundary(at) {
            continue;
        }
        let name = name_at(doc, seg, sent, at).filter(|n| !found.taken.overlaps(*n) && plausible(doc, seg, sent, *n));
        if let Some(name) = name {
            let title = BEFORE.words.get(m.pattern().as_usize()).and_then(|w| w.title);
            found.push(hit(name, title));
        }
    }
    for (kind, clause_start) in [(&*AFTER, true), (&*MARK, false)] {
        for m in kind.ac.find_iter(hay) {
            // a credit may keep the name apart: 张三 摄, 张三/摄
            let end = sent.start + hay[..m.start()].trim_end_matches([' ', '/']).len();
            if glued(seg, text, sent, sent.start + m.start(), m.end() - m.start()) {
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
            let title = kind.words.get(m.pattern().as_usize()).and_then(|w| w.title);
            found.push(hit(name, title));
        }
    }
    // these two read words wherever other rules already had them cut: cutting every clause
    // for them alone would more than double the pipeline's cost
    dictionary_names(doc, seg, sent, found);
    segmented_names(doc, seg, sent, found);
}

/// Words the segmenter made of characters its dictionary lacks (its HMM joins an unknown
/// name into one word), that start with a surname and end where a word that follows names
/// begins (张三在, 李四和, 王五表示): a name by its shape and the word after it.
fn segmented_names(doc: &Document, seg: &Segmenter, sent: Span, found: &mut Found) {
    let text = doc.text();
    for t in doc.tokens_cut_in(sent) {
        if t.span.end > sent.end {
            continue;
        }
        let w = doc.slice(t.span);
        let n = w.chars().count();
        if !(2..=3).contains(&n) || names::surname_len(w).is_none_or(|sl| sl >= n) || seg.has_word(w) {
            continue;
        }
        let rest = &text[t.span.end..sent.end];
        // a title after it is the title pass's to read (全媒记者 is a medium, not a name)
        if after_name_at(rest).is_none() {
            continue;
        }
        if !found.taken.overlaps(t.span) && is_name(doc, seg, t.span) && plausible(doc, seg, sent, t.span) {
            found.push(hit(t.span, None));
        }
    }
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
    text[sent.start..at].chars().next_back().is_none_or(|c| !is_cjk(c))
}

/// Words of three characters that the dictionary tags as a person's full name (nrfg; its
/// `nr` holds many common words) and that read as one: well-known people need no context.
fn dictionary_names(doc: &Document, seg: &Segmenter, sent: Span, found: &mut Found) {
    for t in doc.tokens_cut_in(sent) {
        let w = doc.slice(t.span);
        if t.span.end > sent.end || w.chars().count() != 3 || names::surname_len(w) != Some(1) {
            continue;
        }
        if seg.dict_tag(w) == Some("nrfg") && !found.taken.overlaps(t.span) && is_name(doc, seg, t.span) {
            found.push(hit(t.span, None));
        }
    }
}

/// Joiners of a list of names.
const JOINERS: &[char] = &['、', '和', '与', '及'];

/// Names listed with a name found (张三、李四和王五): each mention of a found name reaches
/// one joiner to its right and one to its left, and each name added does the same, so the
/// walk costs the mentions (found by one pass over the article).
pub(super) fn lists(doc: &Document, seg: &Segmenter, found: &mut Found) {
    let text = doc.text();
    // every mention of a name found is a seed: the list may hold any of them
    let mut names: Vec<&str> = found.hits.iter().map(|h| doc.slice(h.name)).collect();
    names.sort_unstable();
    names.dedup();
    let article = match (doc.sentences.first(), doc.sentences.last()) {
        (Some(a), Some(z)) => Span::new(a.start, z.end),
        _ => return,
    };
    let mut work: Vec<Span> = super::occurrences(text, article, &names)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
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
            if !found.taken.overlaps(n) && plausible(doc, seg, sent, n) {
                found.push(hit(n, None));
                work.push(n);
            }
        }
    }
}
