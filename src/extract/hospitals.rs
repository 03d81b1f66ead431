//! Hospitals (SPEC §3): a suffix grammar for names, a left boundary found from places,
//! institution words and segmentation, and alias resolution within the article.
//!
//! A name is read right to left from its head (医院, 卫生院, 附院…): institution words
//! (人民, 中医, 附属, 大学…), ordinals (第二, 二), places from the gazetteer (吐鲁番市, 新疆),
//! divisions the gazetteer lacks (第十三师, 新安镇) and at most two proper-noun tokens
//! (湘雅, 红星). A verb, a preposition or a generic word (受援, 县级, 该) ends it.

use std::sync::LazyLock;

use super::cues::{Cue, Cues};
use crate::data;
use crate::lang::places;
use crate::text::normalize::is_cjk;
use crate::text::segment::Segmenter;
use crate::text::{Document, Span};

/// One hospital and its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct HospitalFound {
    /// Canonical (fullest) name, simplified.
    pub name: String,
    /// Every mention, in order.
    pub mentions: Vec<Span>,
    /// The rule of each mention, in the same order.
    pub rules: Vec<super::Rule>,
}

static PARTS: LazyLock<std::collections::HashMap<char, Vec<&'static str>, data::Fnv>> = LazyLock::new(|| {
    let mut m: std::collections::HashMap<char, Vec<&str>, data::Fnv> = std::collections::HashMap::default();
    for w in data::lines(include_str!("../data/hospital_parts.txt")) {
        if let Some(c) = w.chars().next_back() {
            m.entry(c).or_default().push(w);
        }
    }
    for v in m.values_mut() {
        v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    m
});

fn part_ending(head: &str) -> Option<&'static str> {
    let c = head.chars().next_back()?;
    PARTS.get(&c)?.iter().find(|p| head.ends_with(*p)).copied()
}
static GENERIC: LazyLock<data::WordSet> =
    LazyLock::new(|| data::lines(include_str!("../data/hospital_generic.txt")).collect());

/// The words of one kind of `hospital_words.txt`.
pub(super) fn words(kind: &str) -> Vec<&'static str> {
    data::kind_entries(include_str!("../data/hospital_words.txt"), kind).collect()
}

/// Words after a head that show "医院" is a common noun here (`not_after:`: 医院管理).
static NOT_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("not_after"));
/// Heads of branches (`branch:` 分院, 院区, 校区) and of the hospitals they follow
/// (`parent_head:`).
static BRANCHES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("branch"));
static PARENT_HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("parent_head"));
/// Characters that end no proper noun before a place or institution word (`boundary:`).
static BOUNDARY: LazyLock<Vec<char>> =
    LazyLock::new(|| words("boundary").into_iter().filter_map(|w| w.chars().next()).collect());
/// jieba tags of tokens that can be the proper-noun part of a name.
const PROPER_TAGS: &[&str] = &["ns", "nr", "nrt", "nz", "nt", "j", "nrfg", "nw"];

/// Characters that end no proper noun when they stand before a place or institution word.
fn is_function_char(c: char) -> bool {
    BOUNDARY.contains(&c)
}

fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Whether a candidate names its hospital in full or needs the article's context (市人民医院,
/// 二院, 省医): an antecedent, or the article's places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Form {
    Full,
    Context,
}

#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    /// Simplified surface.
    surface: String,
    /// Whether it names its hospital or needs an antecedent (市人民医院, 二院, 省医).
    form: Form,
    /// The rule that read it.
    rule: super::Rule,
}

mod aliases;
mod context;
mod divisions;

use divisions::division_ending_at;

/// Find hospitals and their aliases.
pub fn extract(doc: &Document, seg: &Segmenter, cues: &Cues, out: &mut Vec<HospitalFound>) {
    let mut cands = Vec::new();
    let mut found = Found::default();
    for &sent in &doc.sentences {
        find_in_sentence(doc, seg, cues, sent, &mut found);
        cands.extend(std::mem::take(&mut found.by_start).into_values());
    }
    cands.sort_by_key(|c| c.span.start);
    let mut found = Vec::new();
    let unresolved = aliases::cluster(cands, &mut found);
    context::resolve(doc, unresolved, &mut found);
    out.extend(found);
}

fn find_in_sentence(doc: &Document, seg: &Segmenter, cues: &Cues, sent: Span, out: &mut Found) {
    let text = doc.text();
    for m in cues.within(Cue::HospitalHead, sent) {
        let (hs, he) = (m.start, m.end);
        if NOT_AFTER.iter().any(|w| text[he..sent.end].starts_with(w)) {
            continue;
        }
        let head = &text[hs..he];
        // a named branch (四川省人民医院温江分院, 某卫生院某某院区) starts at its parent
        // hospital; without one (青山分院 alone) it is no entry
        let is_branch = BRANCHES.contains(&head);
        let (mut start, context) = if is_branch {
            match branch_start(doc, seg, sent, hs) {
                Some(b) => b,
                None => continue,
            }
        } else {
            extend_left(doc, seg, sent, hs)
        };
        if start == hs {
            continue;
        }
        // a hospital named after the one that runs it, written on (某大学附属医院|某地医院)
        if let Some(h) = PARENT_HEADS.iter().find(|h| text[sent.start..start].ends_with(*h)) {
            let (parent, _) = extend_left(doc, seg, sent, start - h.len());
            if parent < start - h.len() {
                start = parent;
            }
        }
        let rule = match (is_branch, context) {
            (true, _) => super::Rule::HospitalBranch,
            (false, Form::Context) => super::Rule::HospitalContextForm,
            (false, Form::Full) => super::Rule::HospitalName,
        };
        push(out, doc, Span::new(start, he), context, rule);
    }
    // abbreviations: 无锡二院 / 二院, 省医
    for m in cues.within(Cue::HospitalAbbreviation, sent) {
        let (at, he) = (m.start, m.end);
        if text[at..he].ends_with('医') {
            let after = text[he..sent.end].chars().next();
            let before = text[..at].chars().next_back();
            if !after.is_some_and(|a| "学保疗药师生务护科大院卫改".contains(a)) && !before.is_some_and(is_cjk)
            {
                push(
                    out,
                    doc,
                    Span::new(at, he),
                    Form::Context,
                    super::Rule::HospitalAbbreviation,
                );
            }
            continue;
        }
        let after = text[he..sent.end].chars().next();
        let before = text[..at].chars().next_back();
        if after.is_some_and(|a| "长士区系校内外级".contains(a))
            || before.is_some_and(|b| b == '第' || b == '医' || is_numeral(b))
        {
            continue;
        }
        let (start, _) = extend_left(doc, seg, sent, at);
        let form = if start == at { Form::Context } else { Form::Full };
        push(out, doc, Span::new(start, he), form, super::Rule::HospitalAbbreviation);
    }
}

/// The start of a branch whose head begins at `hs` and whose short name (one to six
/// characters, no verb or function word first) follows a parent hospital's head, and whether
/// the parent needs an antecedent (县人民医院|东山|分院).
fn branch_start(doc: &Document, seg: &Segmenter, sent: Span, hs: usize) -> Option<(usize, Form)> {
    let text = doc.text();
    let mut p = hs;
    for (n, c) in text[sent.start..hs].chars().rev().enumerate() {
        if n >= 6 || !is_cjk(c) || matches!(c, '的' | '在' | '了' | '是' | '等' | '院') {
            return None;
        }
        p -= c.len_utf8();
        let before = &text[sent.start..p];
        let Some(h) = PARENT_HEADS.iter().find(|h| before.ends_with(*h)) else {
            continue;
        };
        let name = &text[p..hs];
        let first = doc.tokens_in(Span::new(p, hs)).first().map(|t| doc.slice(t.span));
        let verb_first = first
            .and_then(|w| seg.dict_tag(w))
            .is_some_and(|t| matches!(t, "v" | "vn" | "a" | "p" | "c" | "d" | "r" | "m" | "q" | "u" | "uj"));
        if GENERIC.contains(name) || verb_first || first.is_some_and(|w| GENERIC.contains(w)) {
            return None;
        }
        let parent_head = p - h.len();
        let (start, context) = extend_left(doc, seg, sent, parent_head);
        return (start < parent_head).then_some((start, context));
    }
    None
}

/// The candidates of one sentence, keyed by start. A new candidate replaces those it
/// contains and is dropped when it crosses one; so the kept candidates never overlap, their
/// ends are sorted like their starts, and only the neighbours at the two edges of a new
/// span can cross it. A map keeps each push logarithmic where a list scan made a sentence of
/// many heads quadratic. (Spans of different sentences never meet, so one sentence at a
/// time suffices.)
#[derive(Default)]
struct Found {
    by_start: std::collections::BTreeMap<usize, Candidate>,
}

fn push(out: &mut Found, doc: &Document, span: Span, form: Form, rule: super::Rule) {
    let map = &mut out.by_start;
    let crosses = |c: &Candidate| c.span.overlaps(&span) && !span.contains(&c.span);
    // the one kept candidate that may start before `span` and reach into it
    if map.range(..span.start).next_back().is_some_and(|(_, c)| crosses(c)) {
        return;
    }
    // the last one starting inside `span` (all before it end before it starts)
    if map
        .range(span.start..span.end)
        .next_back()
        .is_some_and(|(_, c)| crosses(c))
    {
        return;
    }
    let inside: Vec<usize> = map.range(span.start..span.end).map(|(&k, _)| k).collect();
    for k in inside {
        map.remove(&k);
    }
    map.insert(
        span.start,
        Candidate {
            span,
            surface: super::clean_name(doc.slice(span)),
            form,
            rule,
        },
    );
}

fn ordinal_ending_at(text: &str, floor: usize, l: usize) -> Option<usize> {
    let mut s = l;
    for c in text[floor..l].chars().rev() {
        if is_numeral(c) || c.is_ascii_digit() {
            s -= c.len_utf8();
        } else {
            break;
        }
    }
    if s == l {
        return None;
    }
    if text[floor..s].ends_with('第') {
        s -= '第'.len_utf8();
    }
    Some(s)
}

/// The start of the name whose head begins at `hs`, and whether it needs an antecedent.
fn extend_left(doc: &Document, seg: &Segmenter, sent: Span, hs: usize) -> (usize, Form) {
    let text = doc.text();
    let floor = sent.start;
    let mut walk = Walk {
        l: hs,
        proper: 0,
        after_university: false,
        division: false,
    };
    while walk.l > floor {
        let l = walk.l;
        let head = &text[floor..l];
        if let Some(s) = ordinal_ending_at(text, floor, l) {
            walk.l = s;
            walk.after_university = false;
        } else if let Some(p) = part_ending(head) {
            walk.after_university = p.ends_with("大学") || p.ends_with("学院");
            walk.l -= p.len();
        } else if let Some(s) =
            places::place_ending_at(text, l).filter(|&s| s >= floor && place_reads(text, floor, s, l))
        {
            walk.l = s;
            walk.after_university = false;
        } else if let Some(s) = division_ending_at(doc, seg, floor, l) {
            walk.division |= s < l - "街".len();
            walk.l = s;
        } else if !token_step(doc, seg, floor, hs, &mut walk) {
            break;
        }
    }
    let l = walk.l;
    if l == hs || counted_before(&text[floor..l]) {
        // a bare level word: 市人民医院 → needs an antecedent; 三家上海医院 names none
        return (hs, Form::Full);
    }
    let name = &text[l..hs];
    let bare_level = name.chars().next().is_some_and(places::is_level_char)
        && !places::is_place(&name.chars().take(2).collect::<String>());
    // institution words alone (人民医院, 第一人民医院) name no hospital: no antecedent either
    if walk.proper == 0 && !walk.division && !has_place(name) && !bare_level {
        return (hs, Form::Full);
    }
    (l, if bare_level { Form::Context } else { Form::Full })
}

/// Whether the place found at `s..l` is one here: not a generic word that is also a place
/// (合作), nor a conjunction read into one after another hospital (某医院|和县…).
fn place_reads(text: &str, floor: usize, s: usize, l: usize) -> bool {
    let after_head = text[floor..s].ends_with('院');
    !GENERIC.contains(&text[s..l]) && !(after_head && text[s..l].chars().next().is_some_and(is_function_char))
}

/// The state of a right-to-left walk over a name.
struct Walk {
    l: usize,
    proper: usize,
    after_university: bool,
    /// A division with a name was read (长和街道).
    division: bool,
}

/// One segmenter word read into the name (a proper noun, the name slot of a university, a
/// common noun right after a place: 辽宁省|电厂|医院); false when the word ends the name.
fn token_step(doc: &Document, seg: &Segmenter, floor: usize, hs: usize, walk: &mut Walk) -> bool {
    let text = doc.text();
    let l = walk.l;
    // cheap stops before asking the segmenter: punctuation, or a function word right
    // before a place or institution word already read (来到|浏阳市第一人民医院)
    let prev = text[floor..l].chars().next_back();
    if !prev.is_some_and(is_cjk) || (l < hs && prev.is_some_and(is_function_char)) {
        return false;
    }
    let Some(tok) = doc.token_before(l).filter(|t| t.span.end > floor) else {
        return false;
    };
    let ts = tok.span.start.max(floor);
    let w = &text[ts..l];
    if !place_reads(text, floor, ts, l) || !w.chars().all(is_cjk) || walk.proper >= 2 {
        return false;
    }
    let tag = seg.dict_tag(w);
    // a word that runs on into the name already read is part of it when the dictionary
    // knows the whole as a name (首都|医科大学 inside 首都医科大学/nt)
    let straddles_name = tok.span.end > l
        && tok.span.start >= floor
        && seg
            .dict_tag(doc.slice(tok.span))
            .is_some_and(|t| PROPER_TAGS.contains(&t));
    let proper_like = straddles_name
        || match tag {
            None => w.chars().count() >= 2 && !seg.unknown_word_is_function(w),
            Some(t) => PROPER_TAGS.contains(&t),
        };
    let university_slot =
        walk.after_university && !matches!(tag, Some("v" | "p" | "c" | "u" | "uj" | "r" | "d" | "m" | "q"));
    let noun_after_place = tag == Some("n")
        && tok.span.end == l
        && w.chars().count() == 2
        && places::place_ending_at(text, ts).is_some_and(|s| s >= floor);
    if !(proper_like || university_slot || noun_after_place) {
        return false;
    }
    walk.proper += 1;
    walk.after_university = false;
    walk.l = ts;
    // an abbreviation (医大) may carry one more character of its name (新医大)
    if tag == Some("j") {
        if let Some(prev) = doc.token_before(ts).filter(|t| t.span.end > floor) {
            let pw = &text[prev.span.start.max(floor)..ts];
            if pw.chars().count() == 1
                && pw.chars().all(is_cjk)
                && matches!(seg.dict_tag(pw), Some("a" | "n" | "ns" | "j" | "b") | None)
            {
                walk.l = prev.span.start.max(floor);
            }
        }
    }
    true
}

/// Whether a count of institutions stands right before a name (三家|上海医院, 30所|县医院):
/// then the name is a class of hospitals, not one.
fn counted_before(before: &str) -> bool {
    let mut it = before.chars().rev();
    matches!(it.next(), Some('家' | '所'))
        && it
            .next()
            .is_some_and(|c| c.is_ascii_digit() || is_numeral(c) || matches!(c, '两' | '几' | '多' | '余' | '数'))
}

/// Whether a name part contains a place (so it names, not just describes, a hospital).
fn has_place(name: &str) -> bool {
    name.char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .any(|end| places::place_ending_at(name, end).is_some())
        || name.chars().any(places::is_level_char)
}

#[cfg(test)]
mod tests;
