//! People (SPEC §4): names found next to titles (ORG + TITLE + NAME, NAME + TITLE), lists
//! sharing a title (副院长A、B、C), bylines, and every later mention of a name found.
//!
//! A name is a surname from the lexicon and one or two more characters (or a minority name
//! with `·`); jieba's dictionary is one signal among several (a common word is no name).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::cues::{Cue, Cues};
use super::hospitals::HospitalFound;
use super::{names, places};
use crate::data;
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
}

static TITLES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    data::dfa(
        data::lines(include_str!("../data/titles.txt")),
        MatchKind::LeftmostLongest,
        StartKind::Both,
    )
});

/// Words that end a name: speech and action verbs, conjunctions, plural and group words.
const AFTER_NAME: &[&str] = &[
    "表示", "指出", "强调", "介绍", "认为", "主持", "带领", "率队", "率领", "一行", "出席", "参加", "参与", "说", "等",
    "和", "与", "及", "在", "为", "是", "也", "对", "向", "从", "到", "赴", "将", "有", "的", "同志", "指导", "团队",
    "作", "做", "讲", "称", "说道", "告诉", "坦言", "感慨", "则", "就", "都", "又", "还", "曾", "已", "正", "均", "被",
    "把", "给", "让", "以", "于", "代表", "致辞", "发言", "讲话", "宣布", "提出", "要求", "透露", "回忆", "感叹",
    "说明",
];
/// Titles that follow a name (professional ranks and degrees); positions precede it.
const POSTPOSED: &[&str] = &[
    "主任医师",
    "副主任医师",
    "主治医师",
    "住院医师",
    "医师",
    "教授",
    "副教授",
    "研究员",
    "副研究员",
    "博士",
    "博士后",
    "院士",
    "护士长",
    "主任",
    "副主任",
    "院长",
    "书记",
    "专家",
];
/// The words of [`AFTER_NAME`] as an anchored automaton: "does one start here?" in one pass.
static AFTER: LazyLock<AhoCorasick> =
    LazyLock::new(|| data::dfa(AFTER_NAME, MatchKind::LeftmostLongest, StartKind::Anchored));

/// The length in characters of the name-ending word that starts `s`, if any.
fn after_name_at(s: &str) -> Option<usize> {
    AFTER
        .find(Input::new(s).anchored(Anchored::Yes))
        .map(|m| s[..m.end()].chars().count())
}

/// Characters that show a "name" is an organisation (卫健委, 宣传部).
fn is_org_char(c: char) -> bool {
    matches!(
        c,
        '部' | '委'
            | '局'
            | '院'
            | '科'
            | '处'
            | '办'
            | '厅'
            | '会'
            | '队'
            | '室'
            | '站'
            | '所'
            | '校'
            | '司'
            | '组'
            | '团'
            | '社'
            | '网'
            | '报'
            | '台'
    )
}
/// Words that end an organisation when reading it leftwards from a title.
const ORG_STOPS: &[&str] = &[
    "兼", "是", "由", "在", "和", "与", "及", "对", "向", "为", "有", "请", "邀请", "一边", "感谢", "其中", "包括",
    "以及",
];

#[derive(Debug)]
struct Hit {
    name: Span,
    titles: Vec<String>,
    org: Option<String>,
}

/// Find people.
pub fn extract(doc: &Document, seg: &Segmenter, cues: &Cues, hospitals: &[HospitalFound], out: &mut Vec<PersonFound>) {
    let text = doc.text();
    let mut hits: Vec<Hit> = Vec::new();
    for b in &doc.layout.bylines {
        hits.push(Hit {
            name: b.name,
            titles: vec![b.role.title().to_string()],
            org: b.org.clone(),
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
                if titles.iter().any(|o| o.overlaps(&name)) {
                    break;
                }
                let (ts, org) = if first {
                    title_chain(doc, hospitals, sent, &titles[..=k])
                } else {
                    (vec![doc.slice(titles[k]).to_string()], None)
                };
                // a list member without an organisation of its own shares the previous one's
                let org = org.or_else(|| prev_org.clone());
                hits.push(Hit {
                    name,
                    titles: ts,
                    org: org.clone(),
                });
                prev_org = org.or(prev_org);
                first = false;
                at = name.end;
                if !text[at..sent.end].starts_with('、') {
                    break;
                }
                at += '、'.len_utf8();
            }
            // NAME TITLE, for titles written after the name (张三主任医师, 李四教授)
            if let Some(name) = POSTPOSED
                .contains(&doc.slice(*t))
                .then(|| name_before(doc, seg, sent, t.start))
                .flatten()
            {
                if !hits.iter().any(|h| h.name.overlaps(&name)) && !titles.iter().any(|o| o.overlaps(&name)) {
                    let org = org_before(doc, hospitals, sent, name.start);
                    hits.push(Hit {
                        name,
                        titles: vec![doc.slice(*t).to_string()],
                        org,
                    });
                }
            }
        }
    }
    merge(doc, hospitals, hits, out);
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
fn title_chain(
    doc: &Document,
    hospitals: &[HospitalFound],
    sent: Span,
    titles: &[Span],
) -> (Vec<String>, Option<String>) {
    let text = doc.text();
    let mut chain = vec![*titles.last().unwrap()];
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
        if gap == "、" || gap == "兼" {
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
/// stop word (是, 由, 在…), or the previous title.
fn org_start(doc: &Document, sent: Span, title_start: usize, prev_title_end: Option<usize>) -> usize {
    let text = doc.text();
    let floor = prev_title_end.unwrap_or(sent.start).max(sent.start);
    let mut s = title_start;
    while s > floor {
        let Some(t) = doc.token_before(s) else { break };
        let w = &text[t.span.start.max(floor)..s];
        if w.is_empty() || !w.chars().all(|c| is_cjk(c) || c == '“' || c == '”' || c == '·') || ORG_STOPS.contains(&w)
        {
            break;
        }
        s = t.span.start.max(floor);
    }
    s
}

/// An organisation span as a name: the hospital it mentions, or its text without quotes.
fn resolve_org(doc: &Document, hospitals: &[HospitalFound], span: Span) -> Option<String> {
    for h in hospitals {
        if h.mentions.iter().any(|m| span.contains(m) || m.contains(&span)) {
            return Some(h.name.clone());
        }
    }
    let t = super::clean_name(doc.slice(span));
    let t: String = t.trim_start_matches(|c: char| !is_cjk(c)).to_string();
    // a department alone (神经外科, 护理部, 医务处) or a generic word (医院, 该院) is no
    // organisation of its own
    let n = t.chars().count();
    if n < 2
        || t.ends_with('科')
        || (n <= 4 && t.ends_with(['部', '处', '室', '办']))
        || matches!(t.as_str(), "医院" | "该院" | "本院" | "我院" | "全院" | "各院" | "双方")
    {
        return None;
    }
    Some(t)
}

fn org_before(doc: &Document, hospitals: &[HospitalFound], sent: Span, at: usize) -> Option<String> {
    let s = org_start(doc, sent, at, None);
    (s < at)
        .then(|| resolve_org(doc, hospitals, Span::new(s, at)))
        .flatten()
}

/// Whether a title starts right at the beginning of `s`.
fn title_starts(s: &str) -> bool {
    TITLES.find(Input::new(s).anchored(Anchored::Yes)).is_some()
}

/// A personal name starting at `at`.
fn name_at(doc: &Document, seg: &Segmenter, sent: Span, at: usize) -> Option<Span> {
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
    let n = if stops_at(sl + 1) {
        sl + 1
    } else if sl + 2 <= run.len() && (stops_at(sl + 2) || doc.is_token_boundary(at + len_at(sl + 2))) {
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
        if cand
            .chars()
            .any(|c| "卫委办网报社宣信院局部厅处科室站台刊会".contains(c))
        {
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
fn name_before(doc: &Document, seg: &Segmenter, sent: Span, end: usize) -> Option<Span> {
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

/// Whether a span reads as a personal name rather than a word or an organisation.
fn is_name(doc: &Document, seg: &Segmenter, span: Span) -> bool {
    let s = doc.slice(span);
    let n = s.chars().count();
    if !(2..=4).contains(&n) || s.chars().any(is_org_char) || s.contains("中心") || places::is_place(s) {
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
    if doc.text()[span.end..].starts_with("(化名)") {
        return false;
    }
    // a given name holds no function word (都很好: 很/d)
    let sl = names::surname_len(s).unwrap_or(0);
    let given_at = span.start + s.char_indices().nth(sl).map_or(s.len(), |(i, _)| i);
    let function_char = doc.tokens_in(Span::new(given_at, span.end)).iter().any(|t| {
        let w = doc.slice(t.span);
        t.span.end <= span.end
            && w.chars().count() == 1
            && matches!(
                seg.dict_tag(w),
                Some("d" | "p" | "c" | "u" | "uj" | "ul" | "r" | "y" | "e" | "zg")
            )
    });
    if function_char {
        return false;
    }
    match seg.dict_tag(s) {
        Some(t) => t.starts_with("nr"),
        None => true,
    }
}

/// Every occurrence of each name inside `within`, as (name index, span), in position order
/// per name. Names that share a first character (a surname) are looked for together: one
/// SIMD search for that character, then a comparison of each name at each hit, so the cost
/// grows with the number of distinct first characters, not of people.
fn occurrences(text: &str, within: Span, names: &[&str]) -> Vec<(usize, Span)> {
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

fn merge(doc: &Document, hospitals: &[HospitalFound], mut hits: Vec<Hit>, out: &mut Vec<PersonFound>) {
    // a "name" inside a hospital name is part of that name (来喀什地区第一人民医院 → not 来喀)
    hits.retain(|h| !hospitals.iter().any(|x| x.mentions.iter().any(|m| m.overlaps(&h.name))));
    hits.sort_by_key(|h| h.name.start);
    let mut people: Vec<PersonFound> = Vec::new();
    for h in hits {
        let name = super::clean_name(doc.slice(h.name));
        let p = match people.iter_mut().position(|p| p.name == name) {
            Some(i) => &mut people[i],
            None => {
                people.push(PersonFound {
                    name,
                    titles: Vec::new(),
                    org: None,
                    mentions: Vec::new(),
                });
                people.last_mut().unwrap()
            }
        };
        for t in h.titles {
            let t = super::clean_name(&t);
            if !p.titles.contains(&t) {
                p.titles.push(t);
            }
        }
        if p.org.is_none() {
            p.org = h.org;
        }
    }
    // every later mention of a found name, inside the article's sentences
    let text = doc.text();
    let article = match (doc.sentences.first(), doc.sentences.last()) {
        (Some(a), Some(z)) => Span::new(a.start, z.end),
        _ => Span::default(),
    };
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    for (k, span) in occurrences(text, article, &names) {
        if doc
            .sentence_at(span.start)
            .is_some_and(|s| doc.sentences[s].contains(&span))
        {
            people[k].mentions.push(span);
        }
    }
    for p in &mut people {
        p.mentions.sort();
        p.mentions.dedup();
    }
    people.retain(|p| !p.mentions.is_empty());
    people.sort_by_key(|p| p.mentions[0].start);
    out.extend(people);
}

#[cfg(test)]
mod tests;
