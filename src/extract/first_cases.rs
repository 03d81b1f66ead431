//! First-case claims (SPEC §7): 首例, 首个, 首家, 首篇, 首次 (an achievement), 填补…空白,
//! 零的突破, 开创…先河 — with the scope (全疆, a place, a hospital), what was done, the
//! hospital that achieved it, and the number of firsts when the claim counts them.

use std::sync::LazyLock;

use regex::Regex;

use super::counts::CountMention;
use super::cues::{Cue, Cues};
use super::hospitals::HospitalFound;
use crate::data;
use crate::lang::places;
use crate::text::normalize::is_cjk;
use crate::text::{Document, Span};

mod index;
use index::{Clauses, Counts, Mentions};

/// One claim.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstFound {
    /// Where the claim phrase is.
    pub span: Span,
    /// Where it is a first.
    pub scope: Option<String>,
    /// What was done for the first time.
    pub what: Option<String>,
    /// The hospital that achieved it.
    pub hospital: Option<String>,
    /// How many firsts the claim counts.
    pub count: Option<u64>,
    /// The rule that found it.
    pub rule: super::Rule,
}

static SCOPES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = data::lines(include_str!("../data/first_scopes.txt")).collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
});
static VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data::lines(include_str!("../data/first_verbs.txt")).collect());
static ASPIRATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data::lines(include_str!("../data/first_aspirations.txt")).collect());
/// 填补…空白, 开创…先河, …零的突破: the middle names the scope and field.
static PATTERNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"填补了?([^,。;!？、]{0,16}?)空白|开创了?([^,。;!？、]{0,16}?)先河|([^,。;!？、]{0,16}?)[“\x22]?零的?突破|(从无到有)")
        .unwrap()
});

/// The entries of one kind of `first_words.txt` (`kind:word`), in the file's order.
fn words(kind: &str) -> Vec<&'static str> {
    data::kind_entries(include_str!("../data/first_words.txt"), kind).collect()
}

/// A list of `first_words.txt`.
type Words = LazyLock<Vec<&'static str>>;

/// Triggers that claim a first only with an achievement verb after them (首次开展, not
/// 首次来到).
static FIRST_TIMES: Words = LazyLock::new(|| words("first_time"));
/// Triggers that are ordinals unless framed (第一个).
static ORDINALS: Words = LazyLock::new(|| words("ordinal"));
/// Words between 首次 and its verb (首次成功开展).
static ADVERBS: Words = LazyLock::new(|| words("adverb"));
/// Words after a trigger that make it a first of time, not of achievement (首个工作日).
static NOT_AFTER: Words = LazyLock::new(|| words("not_after"));
/// Words between a scope and a trailing trigger (在X更是首例, X的一项首例).
static LINKS: Words = LazyLock::new(|| words("link"));
/// Words that end the noun phrase of what was done.
static WHAT_STOPS: Words = LazyLock::new(|| words("what_stop"));
/// Words that end the noun phrase only before a number (手术达358例, not 达芬奇).
static WHAT_STOPS_BEFORE_NUMBER: Words = LazyLock::new(|| words("what_stop_before_number"));
/// Words before a trailing claim whose phrase after them is what was done (多项…首例).
static MANY: Words = LazyLock::new(|| words("many"));
/// Verbs that begin a clause with no subject (…,发表了首篇SCI论文).
static SUBJECT_VERBS: Words = LazyLock::new(|| words("subject_verb"));
/// Verbs before 零的突破, in the order the rule prefers them.
static ACHIEVE: Words = LazyLock::new(|| words("achieve"));
/// What ends a region's name (哈密地区, 滇南地区): a suffix the rules read, not a word list.
const REGION: &str = "地区";

/// Find first-case claims.
pub fn extract(
    doc: &Document,
    cues: &Cues,
    hospitals: &[HospitalFound],
    counts: &[CountMention],
    out: &mut Vec<FirstFound>,
) {
    let text = doc.text();
    let ix = Index {
        mentions: Mentions::new(hospitals),
        counts: Counts::new(counts),
    };
    for &sent in &doc.sentences {
        // most sentences claim nothing: their clause index is never built
        if cues.within(Cue::FirstTrigger, sent).is_empty() && cues.within(Cue::FirstPhrase, sent).is_empty() {
            continue;
        }
        let piece = &text[sent.start..sent.end];
        let mut clauses = Clauses::new(text, sent);
        let first_of_sentence = out.len();
        for &t in cues.within(Cue::FirstTrigger, sent) {
            if glosses_previous(text, out, t) {
                continue;
            }
            if let Some(f) = trigger_claim(doc, &ix, &mut clauses, t) {
                out.push(f);
            }
        }
        if cues.within(Cue::FirstPhrase, sent).is_empty() {
            continue;
        }
        let taken = Taken::new(out.get(first_of_sentence..).unwrap_or_default());
        for found in PATTERNS.find_iter(piece) {
            let Some(c) = PATTERNS.captures_at(&piece[..found.end()], found.start()) else {
                continue;
            };
            let Some(m) = c.get(0) else { continue };
            let span = Span::new(sent.start + m.start(), sent.start + m.end());
            if taken.overlaps(span) {
                continue;
            }
            if let Some(f) = pattern_claim(doc, &ix, &mut clauses, span, &c) {
                out.push(f);
            }
        }
    }
    out.sort_by_key(|f| f.span.start);
}

/// The article-wide indexes the claim rules query.
struct Index<'a> {
    mentions: Mentions<'a>,
    counts: Counts<'a>,
}

/// The trigger claims of one sentence, for the phrase claims to avoid: sorted by start with
/// the furthest end so far, so an overlap is one binary search. Only these can meet a phrase
/// match: claims stay inside their own sentence, and a phrase claim ends where its match ends,
/// before the next match starts.
struct Taken {
    /// (start, furthest end of this and every earlier-starting claim).
    spans: Vec<(usize, usize)>,
}

impl Taken {
    fn new(claims: &[FirstFound]) -> Taken {
        let mut spans: Vec<(usize, usize)> = claims.iter().map(|f| (f.span.start, f.span.end)).collect();
        spans.sort_unstable();
        let mut furthest = 0;
        for s in &mut spans {
            furthest = furthest.max(s.1);
            s.1 = furthest;
        }
        Taken { spans }
    }

    fn overlaps(&self, span: Span) -> bool {
        let k = self.spans.partition_point(|s| s.0 < span.end);
        k.checked_sub(1)
            .and_then(|k| self.spans.get(k))
            .is_some_and(|s| s.1 > span.start)
    }
}

/// A trigger in parentheses right after a claim glosses that claim's scope
/// (全省首例手术20例(本院、本市第一例)); it is no claim of its own.
fn glosses_previous(text: &str, found: &[FirstFound], t: Span) -> bool {
    found.last().is_some_and(|f| {
        f.span.end <= t.start && {
            let between = &text[f.span.end..t.start];
            // the length first: it bounds the search for `)` on a long line
            between.starts_with('(') && between.chars().nth(20).is_none() && !between.contains(')')
        }
    })
}

/// The scope written right before `at` (after skipping linking words), as (start, name).
fn scope_before(doc: &Document, mentions: &Mentions, floor: usize, at: usize) -> Option<(usize, String)> {
    let text = doc.text();
    let mut end = at;
    loop {
        let before = &text[floor..end];
        match LINKS.iter().find(|w| before.ends_with(*w)) {
            Some(w) => end -= w.len(),
            None => break,
        }
    }
    let before = &text[floor..end];
    // a hospital ending here
    if let Some(m) = mentions.ending_at(floor, end) {
        return Some((m.start, super::clean_name(doc.slice(m))));
    }
    // places ending here (黔东南剑河县, 哈密, 哈密地区)
    let mut s = end;
    let strip = if before.ends_with(REGION) { REGION.len() } else { 0 };
    while let Some(p) = places::place_ending_at(text, s - if s == end { strip } else { 0 }).filter(|&p| p >= floor) {
        s = p;
    }
    if s < end {
        return Some((s, super::clean_name(&text[s..end])));
    }
    // scope words: 全疆, 国内, 院级以上, 地区
    SCOPES
        .iter()
        .find(|w| before.ends_with(*w))
        .map(|w| (end - w.len(), w.to_string()))
}

/// The noun phrase after a leading trigger (首例神经外科UBE手术 → 神经外科UBE手术).
fn what_after(text: &str, clause: Span, at: usize) -> Option<(String, usize)> {
    let mut end = at;
    for (i, c) in text[at..clause.end].char_indices() {
        let pos = at + i;
        if !(is_cjk(c) || c.is_ascii_alphanumeric() || c == '-') || c.is_ascii_digit() && pos > at {
            break;
        }
        if WHAT_STOPS.iter().any(|w| text[pos..].starts_with(w)) || text[pos..].starts_with("“") {
            break;
        }
        if WHAT_STOPS_BEFORE_NUMBER.iter().any(|w| text[pos..].starts_with(w))
            && text[pos + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_digit() || crate::lang::numeral::is_chinese_numeral_char(n))
        {
            break;
        }
        end = pos + c.len_utf8();
        if text[at..end].chars().count() >= 20 {
            break;
        }
    }
    (end > at).then(|| (super::clean_name(&text[at..end]), end))
}

fn trigger_claim(doc: &Document, ix: &Index, clauses: &mut Clauses, t: Span) -> Option<FirstFound> {
    let text = doc.text();
    let word = doc.slice(t);
    let clause = clauses.clause_of(t.start);
    let after = &text[t.end..clause.end];
    // the verb may follow one character later (首次成功开展); a slice, not a copy of the clause
    let after_one = after.chars().next().map_or("", |c| &after[c.len_utf8()..]);
    let verb_after = VERBS.iter().any(|v| after.starts_with(v) || after_one.starts_with(v));
    if FIRST_TIMES.contains(&word) && !verb_after {
        return None;
    }
    if NOT_AFTER.iter().any(|w| after.starts_with(w)) || clauses.aspirational(clause, t.start) {
        return None;
    }
    let scope = scope_before(doc, &ix.mentions, clause.start, t.start);
    // 第一个 is an ordinal (第一个问题) unless a scope or an achievement frames it
    if ORDINALS.contains(&word) && scope.is_none() && !verb_after {
        return None;
    }
    let mut start = scope.as_ref().map_or(t.start, |s| s.0);
    if text[clause.start..start].ends_with('在') {
        start -= '在'.len_utf8();
    }
    let mut end = t.end;
    if text[end..clause.end].starts_with('”') {
        end += '”'.len_utf8();
    }
    // a leading trigger governs the noun phrase after it
    let mut what = None;
    let mut count = None;
    // 首次开展 with nothing after the verb is a trailing claim too (3台为当地首次开展)
    let bare_verb = FIRST_TIMES.contains(&word)
        && VERBS
            .iter()
            .any(|v| *after == **v || ADVERBS.iter().any(|a| after.strip_prefix(a) == Some(*v)));
    let trailing = bare_verb
        || after.is_empty()
        || after.starts_with('”')
        || !after.starts_with(|c: char| is_cjk(c) || c.is_ascii_alphanumeric());
    if bare_verb {
        end = clause.end;
    }
    if !trailing {
        if let Some((w, e)) = what_after(text, clause, end) {
            what = Some(w);
            end = e;
        }
        // a count right after the claim (首例手术累计已达120例) counts the firsts
        if let Some(c) = ix
            .counts
            .first_starting(end, 12, |c| c.span.end <= clause.end && c.value >= 1.0)
        {
            count = Some(c.value as u64);
            end = c.span.end;
        }
    } else {
        (start, what, count) = trailing_phrase(text, &ix.counts, clause, start);
    }
    let scope_name = scope.map(|s| s.1);
    let span = Span::new(start, end);
    let hospital = hospital_for(&ix.mentions, clause, span);
    let scope_name = scope_name.or_else(|| {
        if trailing {
            None
        } else {
            subject_place(doc, clauses, clause)
        }
    });
    Some(FirstFound {
        span,
        scope: scope_name,
        what,
        hospital,
        count,
        rule: super::Rule::FirstTrigger,
    })
}

/// What a trailing claim (one the trigger ends) reads before its start: the phrase after
/// 多项/多个… (多项微创手术首例) and a count just before (其中40项为地区首例), as the new
/// start, what was done and the count.
fn trailing_phrase(text: &str, counts: &Counts, clause: Span, start: usize) -> (usize, Option<String>, Option<u64>) {
    let (mut what, mut count) = (None, None);
    let mut s = start;
    let head = &text[clause.start..s];
    for q in MANY.iter().copied() {
        // only an occurrence at most 30 bytes before `s` counts, and the last one is taken:
        // searching from there on (not the whole clause) finds it whenever it counts
        let mut from = (s.saturating_sub(30).max(clause.start) - clause.start).min(head.len());
        while !head.is_char_boundary(from) {
            from += 1;
        }
        if let Some(i) = head.get(from..).and_then(|h| h.rfind(q)).map(|i| from + i) {
            // (an occurrence after `s`, left by an earlier word, is too far too)
            if s.checked_sub(clause.start + i).is_some_and(|d| d <= 30) {
                what = Some(super::clean_name(&head[i + q.len()..]));
                s = clause.start + i;
            }
        }
    }
    let mut start = start.min(s);
    if let Some(k) = counts.last_ending(start, 12, |k| k.span.start >= clause.start) {
        count = Some(k.value as u64);
        start = k.span.start;
        if what.is_none() {
            what = k.object.clone();
        }
    }
    (start, what, count)
}

/// For a claim whose clause has no subject (…,发表了首篇SCI论文), the place that is the
/// subject of the clause before it.
fn subject_place(doc: &Document, clauses: &Clauses, clause: Span) -> Option<String> {
    let text = doc.text();
    let own = &text[clause.start..clause.end];
    let starts_with_verb = SUBJECT_VERBS.iter().any(|v| own.starts_with(v));
    if !starts_with_verb || clause.start <= clauses.sentence().start {
        return None;
    }
    let prev = clauses.clause_before(clause);
    let p = &text[prev.start..prev.end];
    let end = p
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|&e| e <= 24)
        .filter(|&e| places::is_levelled_place(&p[..e]))
        .last()?;
    Some(super::clean_name(&p[..end]))
}

fn hospital_for(mentions: &Mentions, clause: Span, span: Span) -> Option<String> {
    if let Some((h, _)) = mentions.at(span) {
        return Some(h.name.clone());
    }
    if let Some((h, _)) = mentions.at(clause) {
        return Some(h.name.clone());
    }
    mentions.latest_before(span.start).map(|h| h.name.clone())
}

fn pattern_claim(
    doc: &Document,
    ix: &Index,
    clauses: &mut Clauses,
    span: Span,
    c: &regex::Captures,
) -> Option<FirstFound> {
    let text = doc.text();
    let sent = clauses.sentence();
    let clause = clauses.clause_of(span.start);
    if clauses.aspirational(clause, span.start) {
        return None;
    }
    let middle = c.get(1).or(c.get(2)).or(c.get(3)).or(c.get(4))?;
    let (ms, me) = (sent.start + middle.start(), sent.start + middle.end());
    let mut span = span;
    let mut scope = None;
    let mut what = None;
    if c.get(3).is_some() {
        // 零的突破: the phrase before it, back to the verb 实现 (实现了红星医院SCI论文零的突破)
        // the first verb of the list that the clause holds before here, at its last place
        let from = (0..ACHIEVE.len())
            .find_map(|v| Some(clauses.last_achieve(v, clause.start, me)? + ACHIEVE.get(v)?.len()))?;
        span.start = from;
        let inner = Span::new(from, me);
        if let Some((_, m)) = ix.mentions.at(inner).filter(|(_, m)| m.start == from) {
            scope = Some(super::clean_name(doc.slice(m)));
            let rest = super::clean_name(&text[m.end..me]);
            what = (!rest.is_empty()).then_some(rest);
        } else {
            let w = super::clean_name(&text[from..me]);
            what = (!w.is_empty()).then_some(w);
        }
    } else if c.get(4).is_some() {
        // 从无到有 names no scope or field inside it; followed by more stages of growth
        // (从无到有、从弱到强) it tells a development, not a first
        let next = text[me..sent.end].trim_start_matches([',', '、', ' ']);
        if next.starts_with('从') && next.chars().take(5).any(|c| c == '到') {
            return None;
        }
    } else {
        let mid = &text[ms..me];
        if let Some(w) = SCOPES.iter().find(|w| mid.starts_with(*w)) {
            scope = Some(w.to_string());
        } else {
            let mut e = ms;
            while let Some(next) = (e + 3..=me)
                .rev()
                .find(|&x| text.is_char_boundary(x) && places::is_place(&text[e..x]))
            {
                e = next;
            }
            if e > ms {
                if text[e..me].starts_with(REGION) {
                    e += REGION.len();
                }
                scope = Some(super::clean_name(&text[ms..e]));
            } else if let Some(i) = mid.find(REGION).filter(|&i| i > 0 && mid[..i].chars().all(is_cjk)) {
                // a region the gazetteer does not list: 滇南地区
                scope = Some(super::clean_name(&mid[..i + REGION.len()]));
            }
        }
    }
    // 30项填补了…空白, 百余项新技术填补空白: the count just before counts the firsts
    let count = ix.counts.last_ending(span.start, 3, |k| k.span.start >= clause.start);
    if let Some(k) = count {
        if what.is_none() {
            what = k.object.clone();
        }
    }
    let hospital = hospital_for(&ix.mentions, clause, span);
    Some(FirstFound {
        span,
        scope,
        what,
        hospital,
        count: count.map(|k| k.value as u64),
        rule: match (c.get(1), c.get(2), c.get(3)) {
            (Some(_), _, _) => super::Rule::FilledGap,
            (_, Some(_), _) => super::Rule::Pioneered,
            (_, _, Some(_)) => super::Rule::ZeroBreakthrough,
            _ => super::Rule::FromNothing,
        },
    })
}

#[cfg(test)]
mod tests;
