//! People (SPEC §4): names found next to titles (ORG + TITLE + NAME, NAME + TITLE), lists
//! sharing a title (副院长A、B、C), bylines, and every later mention of a name found.
//!
//! A name is a surname from the lexicon and one or two more characters (or a minority name
//! with `·`); jieba's dictionary is one signal among several (a common word is no name).

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::cues::{Cue, Cues};
use super::hospitals::HospitalFound;
use crate::text::normalize::is_cjk;
use crate::text::segment::Segmenter;
use crate::text::{Document, Span};

/// One person and their mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFound {
    /// The name, simplified.
    pub name: String,
    /// Titles.
    pub titles: Vec<String>,
    /// Organisation of the main title.
    pub org: Option<String>,
    /// Every mention, in order.
    pub mentions: Vec<Span>,
    /// The rule of each mention, in the same order.
    pub rules: Vec<super::Rule>,
}

/// Titles that follow a name (张三教授, 李四副院长): `postposed:` in `person_contexts.txt`;
/// positions precede it.
static POSTPOSED: LazyLock<crate::data::WordSet> = LazyLock::new(|| context::word_set("postposed"));
/// Words that end an organisation when reading it leftwards from a title (`org_stop:`), and
/// words before a title that name no organisation (`org_generic:`), in `person_contexts.txt`.
static ORG_STOPS: LazyLock<crate::data::WordSet> = LazyLock::new(|| context::word_set("org_stop"));
static ORG_GENERIC: LazyLock<crate::data::WordSet> = LazyLock::new(|| context::word_set("org_generic"));
/// What joins two titles of one person (`title_joiner:` 、 兼).
static TITLE_JOINERS: LazyLock<crate::data::WordSet> = LazyLock::new(|| context::word_set("title_joiner"));

mod context;
pub(crate) use context::words as context_words;
mod index;
mod personal_names;

use index::{Mentions, Taken, overlaps_sorted};
use personal_names::{name_at, name_before};

/// The longest organisation read leftwards from a title, in characters: a longer run of
/// words is a sentence, and reading it would make each title cost the whole sentence.
const ORG_MAX_CHARS: usize = 40;

#[derive(Debug)]
struct Hit {
    name: Span,
    titles: Vec<String>,
    org: Option<String>,
    rule: super::Rule,
}

/// Find people.
pub fn extract(doc: &Document, seg: &Segmenter, cues: &Cues, hospitals: &[HospitalFound], out: &mut Vec<PersonFound>) {
    let text = doc.text();
    let orgs = Mentions::new(hospitals);
    let mut found = Found::default();
    for b in &doc.layout.bylines {
        found.push(Hit {
            name: b.name,
            titles: vec![b.role.title().to_string()],
            org: b.org.clone(),
            rule: super::Rule::Byline,
        });
    }
    let mut titles: Vec<Span> = Vec::new();
    for &sent in &doc.sentences {
        // a title inside a longer dictionary word (委员 in 委员会) is no title
        titles.clear();
        titles.extend(
            cues.within(Cue::Title, sent)
                .iter()
                .copied()
                .filter(|t| !inside_word(doc, seg, *t, sent)),
        );
        let mut prev_org: Option<String> = None;
        for (k, t) in titles.iter().enumerate() {
            // TITLE NAME(、NAME)*
            let mut at = t.end;
            if text[at..sent.end].starts_with(' ') {
                at += 1;
            }
            let mut first = true;
            while let Some(name) = name_at(doc, seg, sent, at) {
                if overlaps_sorted(&titles, name) {
                    break;
                }
                let (ts, org) = if first {
                    title_chain(doc, &orgs, sent, &titles[..=k])
                } else {
                    (vec![doc.slice(titles[k]).to_string()], None)
                };
                // a list member without an organisation of its own shares the previous one's
                let org = org.or_else(|| prev_org.clone());
                found.push(Hit {
                    name,
                    titles: ts,
                    org: org.clone(),
                    rule: if first {
                        super::Rule::TitleBeforeName
                    } else {
                        super::Rule::TitleShared
                    },
                });
                prev_org = org.or(prev_org);
                first = false;
                at = name.end;
                if !text[at..sent.end].starts_with('、') {
                    break;
                }
                at += '、'.len_utf8();
            }
            name_title(doc, seg, &orgs, sent, &titles, *t, &mut found);
        }
        context::scan(doc, seg, cues, sent, &mut found);
    }
    merge(doc, seg, &orgs, found, out);
}

/// The hits so far, with their names indexed: "is this name found already?" is a look-up,
/// not a pass over every hit of the document.
#[derive(Default)]
struct Found {
    hits: Vec<Hit>,
    taken: Taken,
}

impl Found {
    fn push(&mut self, hit: Hit) {
        self.taken.insert(hit.name);
        self.hits.push(hit);
    }
}

/// NAME TITLE, for titles written after the name (张三主任医师, 李四教授), unless the name is
/// found already.
fn name_title(
    doc: &Document,
    seg: &Segmenter,
    orgs: &Mentions,
    sent: Span,
    titles: &[Span],
    t: Span,
    found: &mut Found,
) {
    let Some(name) = POSTPOSED
        .contains(doc.slice(t))
        .then(|| name_before(doc, seg, sent, t.start))
        .flatten()
    else {
        return;
    };
    if !found.taken.overlaps(name) && !overlaps_sorted(titles, name) {
        let org = org_before(doc, orgs, sent, name.start);
        found.push(Hit {
            name,
            titles: vec![doc.slice(t).to_string()],
            org,
            rule: super::Rule::NameBeforeTitle,
        });
    }
}

/// Whether the title is part of longer words: a dictionary word extends it by one or two
/// characters (委员 in 委员会), or it straddles two words (院长 in 医院长期).
fn inside_word(doc: &Document, seg: &Segmenter, t: Span, sent: Span) -> bool {
    let text = doc.text();
    let title = &text[t.start..t.end];
    // a two-character title whose halves end and start the words around it: 医|院长|期
    if let (Some(p), Some(first), Some(n)) = (
        text[sent.start..t.start].chars().next_back(),
        title.chars().next(),
        text[t.end..sent.end].chars().next(),
    ) {
        let second = &title[first.len_utf8()..];
        if second.chars().count() == 1 && is_cjk(p) && is_cjk(n) {
            // both pairs are slices of the text itself: no allocation
            let before = &text[t.start - p.len_utf8()..t.start + first.len_utf8()];
            let after = &text[t.start + first.len_utf8()..t.end + n.len_utf8()];
            if seg.has_word(before) && seg.has_word(after) {
                return true;
            }
        }
    }
    text[t.end..sent.end]
        .char_indices()
        .take(2)
        .take_while(|(_, c)| is_cjk(*c))
        .any(|(i, c)| seg.has_word(&text[t.start..t.end + i + c.len_utf8()]))
}

/// The titles of a 、/兼-chain ending at the last title, and the organisation of the chain.
///
/// The walk back stops at the first gap that is not 、 or 兼, and a title followed by a name
/// leaves such a gap, so the chains walked for a sentence's names never share a title: the
/// walks of a sentence cost its titles once in all.
fn title_chain(doc: &Document, hospitals: &Mentions, sent: Span, titles: &[Span]) -> (Vec<String>, Option<String>) {
    let text = doc.text();
    let Some(&last) = titles.last() else {
        return (Vec::new(), None);
    };
    let mut chain = vec![last];
    let mut orgs: Vec<Option<String>> = Vec::new();
    let mut i = titles.len() - 1;
    loop {
        let t = titles[i];
        let org_start = org_start(doc, sent, t.start, titles[..i].last().map(|p| p.end));
        let org = (org_start < t.start).then(|| resolve_org(doc, hospitals, Span::new(org_start, t.start)));
        orgs.push(org.flatten());
        let gap_start = org_start;
        if i == 0 {
            break;
        }
        let p = titles[i - 1];
        let gap = &text[p.end..gap_start];
        if TITLE_JOINERS.contains(gap) {
            chain.push(p);
            i -= 1;
        } else {
            break;
        }
    }
    chain.reverse();
    let titles: Vec<String> = chain.iter().map(|t| doc.slice(*t).to_string()).collect();
    let org = orgs.into_iter().flatten().next();
    (titles, org)
}

/// Where the organisation before a title starts: back over whole words to punctuation, a
/// stop word (是, 由, 在…), the previous title, or [`ORG_MAX_CHARS`].
fn org_start(doc: &Document, sent: Span, title_start: usize, prev_title_end: Option<usize>) -> usize {
    let text = doc.text();
    let floor = prev_title_end.unwrap_or(sent.start).max(sent.start);
    let mut s = title_start;
    let mut chars = 0;
    while s > floor {
        let Some(t) = doc.token_before(s) else { break };
        let w = &text[t.span.start.max(floor)..s];
        if w.is_empty() || !w.chars().all(|c| is_cjk(c) || c == '“' || c == '”' || c == '·') || ORG_STOPS.contains(w)
        {
            break;
        }
        chars += w.chars().count();
        if chars > ORG_MAX_CHARS {
            break;
        }
        s = t.span.start.max(floor);
    }
    s
}

/// An organisation span as a name: the hospital it mentions, or its text without quotes.
fn resolve_org(doc: &Document, hospitals: &Mentions, span: Span) -> Option<String> {
    if let Some(name) = hospitals.around_or_inside(span) {
        return Some(name.to_string());
    }
    let t = super::clean_name(doc.slice(span));
    let t: String = t.trim_start_matches(|c: char| !is_cjk(c)).to_string();
    // a department alone (神经外科, 护理部, 医务处) or a generic word (医院, 该院) is no
    // organisation of its own
    let n = t.chars().count();
    if n < 2
        || t.ends_with('科')
        || (n <= 4 && t.ends_with(['部', '处', '室', '办']))
        || ORG_GENERIC.contains(t.as_str())
    {
        return None;
    }
    Some(t)
}

fn org_before(doc: &Document, hospitals: &Mentions, sent: Span, at: usize) -> Option<String> {
    let s = org_start(doc, sent, at, None);
    (s < at)
        .then(|| resolve_org(doc, hospitals, Span::new(s, at)))
        .flatten()
}

/// Up to this many people an article's names are looked for by first character (cheap to
/// set up); more go through one automaton.
const FEW_NAMES: usize = 64;

/// Every occurrence of each name inside `within`, as (name index, span), in position order
/// per name. Names that share a first character (a surname) are looked for together: one
/// SIMD search for that character, then a comparison of each name at each hit, so the cost
/// grows with the number of distinct first characters, not of people.
///
/// Each hit is compared with every name of its group, so past [`FEW_NAMES`] the names are
/// looked for by [`occurrences_many`] instead.
fn occurrences(text: &str, within: Span, names: &[&str]) -> Vec<(usize, Span)> {
    if names.len() > FEW_NAMES {
        return occurrences_many(text, within, names);
    }
    let hay = &text[within.start..within.end];
    let mut by_first: Vec<(char, Vec<usize>)> = Vec::new();
    for (k, n) in names.iter().enumerate() {
        let Some(c) = n.chars().next() else { continue };
        match by_first.iter_mut().find(|(f, _)| *f == c) {
            Some((_, v)) => v.push(k),
            None => by_first.push((c, vec![k])),
        }
    }
    let mut out = Vec::new();
    for (c, group) in by_first {
        let mut buf = [0; 4];
        // like `match_indices`, a name's occurrences do not overlap each other
        let mut next_free = vec![0usize; group.len()];
        // a whole UTF-8 character found in UTF-8 text always starts on a boundary
        for i in memchr::memmem::find_iter(hay.as_bytes(), c.encode_utf8(&mut buf).as_bytes()) {
            for (free, &k) in next_free.iter_mut().zip(&group) {
                if i >= *free && hay[i..].starts_with(names[k]) {
                    *free = i + names[k].len();
                    out.push((k, Span::new(within.start + i, within.start + *free)));
                }
            }
        }
    }
    out
}

/// [`occurrences`] of many names: one automaton of all the names reads the text once,
/// reporting overlapping matches, so the cost grows with the text and the matches, not with
/// text × people (a thousand names sharing the surname 王 would each be tried at every 王).
/// Built as an NFA: a DFA costs more to build than a short article costs to read.
fn occurrences_many(text: &str, within: Span, names: &[&str]) -> Vec<(usize, Span)> {
    let hay = &text[within.start..within.end];
    // an empty name would match everywhere: it has no occurrence
    let keep: Vec<usize> = (0..names.len()).filter(|&k| !names[k].is_empty()).collect();
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(keep.iter().map(|&k| names[k]))
    else {
        return Vec::new();
    };
    // like `match_indices`, a name's occurrences do not overlap each other; overlapping
    // matches come by end, which for one name is also by start
    let mut next_free = vec![0usize; keep.len()];
    let mut out = Vec::new();
    let Ok(matches) = ac.try_find_overlapping_iter(hay) else {
        return out;
    };
    for m in matches {
        let j = m.pattern().as_usize();
        if m.start() >= next_free[j] {
            next_free[j] = m.end();
            out.push((keep[j], Span::new(within.start + m.start(), within.start + m.end())));
        }
    }
    out
}

/// The people of the hits: one per name (by a map, not a search of those so far), with the
/// titles of all its hits and the first organisation.
fn people_of(doc: &Document, hits: Vec<Hit>) -> Vec<PersonFound> {
    let mut people: Vec<PersonFound> = Vec::new();
    let mut by_name: HashMap<String, usize, crate::data::Fnv> = HashMap::default();
    for h in hits {
        let name = super::clean_name(doc.slice(h.name));
        let i = *by_name.entry(name.clone()).or_insert_with(|| {
            people.push(PersonFound {
                name,
                titles: Vec::new(),
                org: None,
                mentions: Vec::new(),
                rules: Vec::new(),
            });
            people.len() - 1
        });
        let p = &mut people[i];
        for t in h.titles {
            let t = super::clean_name(&t);
            // a person's titles come from the title lexicon: a short list
            if !p.titles.contains(&t) {
                p.titles.push(t);
            }
        }
        if p.org.is_none() {
            p.org = h.org;
        }
    }
    people
}

/// The people of the hits, each with every mention of its name in the article's sentences,
/// and the names listed with those mentions (张三、李四).
fn merge(doc: &Document, seg: &Segmenter, hospitals: &Mentions, found: Found, out: &mut Vec<PersonFound>) {
    let Found { mut hits, mut taken } = found;
    // a "name" inside a hospital name is part of that name (来浏阳市人民医院 → not 来浏)
    hits.retain(|h| !hospitals.overlaps(h.name));
    hits.sort_by_key(|h| h.name.start);
    // the rule of each mention a rule found (the first rule to find it); the other mentions
    // of a name are repeats
    let mut rule_at: HashMap<Span, super::Rule, crate::data::Fnv> = HashMap::default();
    for h in &hits {
        rule_at.entry(h.name).or_insert(h.rule);
    }
    let mut people = people_of(doc, hits);
    add_mentions(doc, &mut people, 0);
    // a byline may stand on a line of its own above the body, outside every sentence
    for b in &doc.layout.bylines {
        let name = super::clean_name(doc.slice(b.name));
        if let Some(p) = people.iter_mut().find(|p| p.name == name) {
            p.mentions.push(b.name);
        }
    }
    let seeds = people.iter().flat_map(|p| p.mentions.iter().copied()).collect();
    let mut added = context::lists(doc, seg, &mut taken, seeds);
    added.retain(|h| !hospitals.overlaps(h.name));
    added.sort_by_key(|h| h.name.start);
    for h in &added {
        rule_at.entry(h.name).or_insert(h.rule);
    }
    let known: std::collections::HashSet<&str, crate::data::Fnv> = people.iter().map(|p| p.name.as_str()).collect();
    let first_new = people.len();
    let new: Vec<PersonFound> = people_of(doc, added)
        .into_iter()
        .filter(|p| !known.contains(p.name.as_str()))
        .collect();
    people.extend(new);
    add_mentions(doc, &mut people, first_new);
    for p in &mut people {
        p.mentions.sort();
        p.mentions.dedup();
        p.rules = p
            .mentions
            .iter()
            .map(|m| rule_at.get(m).copied().unwrap_or(super::Rule::Repeat))
            .collect();
    }
    people.retain(|p| !p.mentions.is_empty());
    people.sort_by_key(|p| p.mentions[0].start);
    out.extend(people);
}

/// Every mention of the names of `people[from..]`, inside the article's sentences.
fn add_mentions(doc: &Document, people: &mut [PersonFound], from: usize) {
    let Some(people) = people.get_mut(from..).filter(|p| !p.is_empty()) else {
        return;
    };
    let text = doc.text();
    let article = match (doc.sentences.first(), doc.sentences.last()) {
        (Some(a), Some(z)) => Span::new(a.start, z.end),
        _ => Span::default(),
    };
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    let found = occurrences(text, article, &names);
    for (k, span) in found {
        if doc
            .sentence_at(span.start)
            .is_some_and(|s| doc.sentences[s].contains(&span))
        {
            people[k].mentions.push(span);
        }
    }
}

#[cfg(test)]
mod tests;
