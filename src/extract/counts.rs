//! Counts (SPEC §6): a numeral with its classifier or measure, its approximation marker and,
//! where the text gives it, the noun counted.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::cues::{Cue, Cues};
use crate::data;
use crate::lang::numeral::Approx;
use crate::lang::numeral::{self, Numeral, Script, Vague};
use crate::text::{Document, Span};

/// A count found in the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct CountMention {
    /// Where it is.
    pub span: Span,
    /// The value.
    pub value: f64,
    /// The unit, if any.
    pub unit: Option<String>,
    /// The counted noun.
    pub object: Option<String>,
    /// Approximation.
    pub approx: Approx,
    /// Where the numeral itself is (without markers, unit or object).
    pub number: Span,
    /// The rule that found it.
    pub rule: super::Rule,
}

struct Units {
    ac: AhoCorasick,
    canonical: Vec<&'static str>,
}

static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let entries: Vec<(&str, &str)> = data::lines(include_str!("../data/units.txt"))
        .map(|l| l.split_once('=').unwrap_or((l, l)))
        .collect();
    let ac = data::dfa(
        entries.iter().map(|e| e.0),
        MatchKind::LeftmostLongest,
        StartKind::Anchored,
    );
    Units {
        ac,
        canonical: entries.iter().map(|e| e.1).collect(),
    }
});

/// The entries of one kind of `count_words.txt` (`kind:entry`), in file order.
fn words(kind: &str) -> impl Iterator<Item = &'static str> + '_ {
    data::kind_entries(include_str!("../data/count_words.txt"), kind)
}

/// The entries of one kind written `word=value` (a word alone is its own value).
fn pairs(kind: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    words(kind).map(|w| w.split_once('=').unwrap_or((w, w)))
}

/// The entries of one kind (one character each) as one string, a set to test characters
/// against.
fn chars(kind: &str) -> String {
    words(kind).collect()
}

/// The end of the run of numeral characters starting at `start`: the characters of
/// [`NUMERAL_STARTS`](super::cues::NUMERAL_STARTS), and `.`/`,` inside the run (1,200, 3.5).
fn run_end(text: &str, start: usize, limit: usize) -> usize {
    let run = &text[start..limit];
    let mut chars = run.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // `.` and `,` join digits (1,200, 3.5), not numerals (十二万,三千)
        let joins = matches!(c, '.' | ',') && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
        if !(joins || is_numeral_start(c)) {
            return start + i;
        }
    }
    limit
}

fn is_numeral_start(c: char) -> bool {
    c.is_ascii_digit() || numeral::is_chinese_numeral_char(c)
}

static IDIOMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    data::dfa(
        data::lines(include_str!("../data/count_idioms.txt")),
        MatchKind::LeftmostLongest,
        StartKind::Anchored,
    )
});

mod markers;
mod objects;

use markers::{
    cheng, decades, half_unit, minutes_after, prefix_before, range_end, sign_before, unit_after_ge_more, unit_allowed,
};
use objects::{NO_OBJECT, object_after, object_before};

/// Whether the numeral lies inside a fixed expression (千家万户, 几十年如一日): an idiom starting
/// at most three characters before it or inside it, read by an anchored automaton, not a scan
/// of the sentence.
fn in_idiom(text: &str, sent: Span, number: Span) -> bool {
    let starts = text[sent.start..number.start]
        .char_indices()
        .rev()
        .take(3)
        .map(|(i, _)| sent.start + i);
    let inside = text[number.start..number.end]
        .char_indices()
        .map(|(i, _)| number.start + i);
    inside.chain(starts).any(|s| {
        let rest = &text[s..sent.end];
        rest.chars().next().is_some_and(|c| IDIOM_FIRSTS.contains(&c))
            && IDIOMS
                .find(Input::new(rest).anchored(Anchored::Yes))
                .is_some_and(|m| s + m.end() > number.start)
    })
}

/// The first characters of the idioms: most positions start none, and testing the character
/// costs less than entering the automaton.
static IDIOM_FIRSTS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut v: Vec<char> = data::lines(include_str!("../data/count_idioms.txt"))
        .filter_map(|l| l.chars().next())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});

fn unit_at(s: &str) -> Option<(usize, &'static str)> {
    let m = UNITS.ac.find(Input::new(s).anchored(Anchored::Yes))?;
    Some((m.end(), UNITS.canonical[m.pattern().as_usize()]))
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn next_char(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Find every count in the article's sentences, skipping those inside `dates`.
pub fn extract(doc: &Document, cues: &Cues, dates: &[Span], out: &mut Vec<CountMention>) {
    let text = doc.text();
    let dates = DateSpans::new(dates);
    for &sent in &doc.sentences {
        // runs of numeral characters (financial ones too), from the numeral starts of the
        // shared cue scan
        let mut from = sent.start;
        for start in cues.within(Cue::NumeralStart, sent).iter().map(|s| s.start) {
            if start < from {
                continue;
            }
            let end = run_end(text, start, sent.end);
            let (found, next) = count_at(doc, sent, start);
            from = end.max(next);
            if let Some(m) = found {
                let clash = dates.overlaps(m.number) || in_idiom(text, sent, m.number);
                if !clash {
                    out.push(m);
                }
            }
        }
    }
}

/// The dates of a document, asked whether a numeral lies in one: sorted by start, with the
/// furthest end reached so far, so each question is a binary search, not a pass over every
/// date (an article of many dates and many numbers would otherwise cost their product).
struct DateSpans {
    spans: Vec<Span>,
    /// `reach[i]`: the furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl DateSpans {
    fn new(dates: &[Span]) -> DateSpans {
        let mut spans = dates.to_vec();
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |r, d| {
                *r = d.end.max(*r);
                Some(*r)
            })
            .collect();
        DateSpans { spans, reach }
    }

    /// Whether a date shares a byte with `s`: those starting before its end reach past its
    /// start.
    fn overlaps(&self, s: Span) -> bool {
        let j = self.spans.partition_point(|d| d.start < s.end);
        !s.is_empty() && j > 0 && self.reach[j - 1] > s.start
    }
}

/// What is read of a count so far.
struct Reading {
    value: f64,
    approx: Approx,
    unit: Option<String>,
    /// Where reading stands.
    q: usize,
    /// A scale word after 余/多 (280余万人) was read into the value.
    scaled: bool,
}

/// Whether what stands before the numeral at `p` makes it no count: identifiers (URLs,
/// phones, codes), ordinals (第3, 第 8), short slogans in quotes (“5+1”), weekdays.
fn excluded_before(text: &str, sent: Span, p: usize) -> bool {
    let head = &text[sent.start..p];
    let mut back = head.chars().rev();
    let (prev, before) = (back.next(), back.next());
    match prev {
        // (matches, not `str::contains`: this runs for every numeral)
        Some('-') => before.is_some_and(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-' | '_' | ':' | '@' | '#' | '+' | '~')
        }),
        Some('“') => text[p..sent.end].chars().take(12).any(|c| c == '”'),
        Some(' ') => before == Some('第'),
        Some(c) => {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '.' | '/' | '_' | ':' | '@' | '#' | '+' | '第' | '《' | '「' | '"' | '周' | '初'
                )
        }
        None => false,
    }
}

/// Shares written before their numeral (百分之三十), with the per cent one counts for
/// (`per:`).
static PER: LazyLock<Vec<(&'static str, f64)>> = LazyLock::new(|| {
    pairs("per")
        .map(|(w, v)| (w, v.parse().expect("count_words.txt: per: takes a number")))
        .collect()
});

/// Markers after the unit (`over_after:`, `about_after:`, `over_after_unit:`), and whether
/// they also follow a share (一半以上).
static AFTER_MARKERS: LazyLock<Vec<(&'static str, Approx, bool)>> = LazyLock::new(|| {
    let kinds = [
        ("over_after", Approx::Over, true),
        ("about_after", Approx::About, true),
        ("over_after_unit", Approx::Over, false),
    ];
    kinds
        .into_iter()
        .flat_map(|(kind, a, share)| words(kind).map(move |w| (w, a, share)))
        .collect()
});

/// The count whose numeral starts at `p`, if any, and where to go on scanning.
fn count_at(doc: &Document, sent: Span, p: usize) -> (Option<CountMention>, usize) {
    let text = doc.text();
    let s = &text[p..sent.end];
    if s.starts_with("一半") {
        return found_or(half_of_one(text, p, sent), p);
    }
    for &(per, scale) in PER.iter() {
        if let Some(rest) = s.strip_prefix(per) {
            return found_or(per_cent(text, sent, p, per, rest, scale), p);
        }
    }
    let Some(num) = numeral::parse(s) else { return (None, p) };
    let skip = p + num.len;
    if excluded_before(text, sent, p) {
        return (None, skip);
    }
    let (mut prefix_at, prefix) = prefix_before(text, sent, p, &num, s);
    let range = range_end(text, skip, sent.end, &num);
    if range.is_none() && num.is_lone_one(s) && half_unit(&s[num.len..]).is_none() {
        return (None, skip);
    }
    if num.bare_scale && prefix.is_none() && !s[num.len..].starts_with(['余', '多']) {
        return (None, skip);
    }
    let mut r = Reading {
        value: num.value,
        approx: match (num.vague, range) {
            (_, Some(_)) | (Vague::About, _) => Approx::About,
            (Vague::None, _) => Approx::Exact,
            (Vague::Over, _) => Approx::Over,
        },
        unit: None,
        q: range.unwrap_or(skip),
        scaled: false,
    };
    // 大半天, 大半年: more than half
    if prefix.is_none() && &s[..num.len] == "半" && text[sent.start..p].ends_with('大') {
        prefix_at = p - '大'.len_utf8();
        r.approx = Approx::Over;
    }
    more_and_scale(text, sent, &num, &mut r);
    if !read_unit(text, sent, p, &num, &mut r) {
        return (None, skip);
    }
    let unit = r.unit.as_deref();
    if unit == Some("年") && num.script == Script::Arabic && (1000.0..=2100.0).contains(&num.value) {
        return (None, r.q);
    }
    if let Some(at) = unit
        .filter(|_| prefix_at == p)
        .and_then(|u| sign_before(text, sent, p, u))
    {
        r.value = -r.value;
        prefix_at = at;
    }
    if let Some(a) = prefix.filter(|&a| a != Approx::Exact) {
        r.approx = a;
    }
    let m = finish(doc, sent, r, prefix_at, Span::new(p, skip));
    let end = m.span.end;
    (Some(m), end)
}

/// What follows the numeral before its unit: a space after Arabic digits (8 个区), 余/多
/// (with a scale word after them: 280余万人), or 来 after a round number (二十来位).
fn more_and_scale(text: &str, sent: Span, num: &Numeral, r: &mut Reading) {
    let rest = &text[r.q..sent.end];
    if num.script != Script::Chinese {
        if let Some(after) = rest.strip_prefix(' ') {
            if after.starts_with(['余', '多']) || unit_at(after).is_some() {
                r.q += 1;
            }
        }
    }
    let rest = &text[r.q..sent.end];
    if rest.starts_with(['余', '多']) && !rest.starts_with("多元") {
        r.approx = Approx::Over;
        r.q += '余'.len_utf8();
        let rest = &text[r.q..sent.end];
        for (w, f) in [('万', 1e4), ('亿', 1e8)] {
            if rest.starts_with(w) && !rest[w.len_utf8()..].starts_with('元') {
                r.value *= f;
                r.q += w.len_utf8();
                r.scaled = true;
            }
        }
    } else if let Some(after) = rest.strip_prefix('来') {
        let round = r.value >= 10.0 && r.value % 10.0 == 0.0;
        if round && unit_at(after).is_some() {
            r.approx = Approx::About;
            r.q += '来'.len_utf8();
        }
    }
}

/// The unit after the numeral (and its markers), with what it does to the value; false
/// when there is none and the number alone is no count.
fn read_unit(text: &str, sent: Span, p: usize, num: &Numeral, r: &mut Reading) -> bool {
    let rest = &text[r.q..sent.end];
    let written = &text[p..p + num.len];
    let scale = ['万', '亿'].into_iter().find(|&w| written.ends_with(w));
    let (len, unit): (usize, &str) = if let Some((share, len)) = fraction(rest, r.value) {
        // 三分之一: a fraction, as a percentage
        r.value = share;
        (len, "%")
    } else if let Some(w) = scale.filter(|_| rest.starts_with('元') && !r.scaled) {
        r.value /= if w == '万' { 1e4 } else { 1e8 };
        ('元'.len_utf8(), if w == '万' { "万元" } else { "亿元" })
    } else if let Some((len, u)) = half_unit(rest) {
        r.value += 0.5;
        (len, u)
    } else if let Some((len, u)) = unit_after_ge_more(rest) {
        r.approx = Approx::Over;
        (len, u)
    } else if let Some((len, u)) = unit_at(rest).filter(|&(len, u)| unit_allowed(text, p, r.q + len, u, num)) {
        (len, u)
    } else if unit_at(rest).is_some() {
        // a unit that does not count here (3名称), or a scale alone (数十万志愿者)
        return r.value >= 10_000.0 && (scale.is_some() || r.scaled);
    } else if let Some(v) = cheng(text, r.q, num) {
        r.value = v;
        ('成'.len_utf8(), "%")
    } else if let Some(v) = decades(text, r.q, num) {
        r.value = v;
        ('旬'.len_utf8(), "岁")
    } else if rest.starts_with("出头") && (20.0..=90.0).contains(&r.value) && r.value % 10.0 == 0.0 {
        // 四十出头: an age just past a round number
        r.approx = Approx::Over;
        ("出头".len(), "岁")
    } else {
        return r.value >= 10_000.0 && (scale.is_some() || r.scaled);
    };
    r.unit = Some(unit.to_string());
    r.q += len;
    if unit == "小时" {
        if let Some((extra, len)) = minutes_after(&text[r.q..sent.end]) {
            r.value += extra;
            r.q += len;
        }
    }
    true
}

/// The markers after the unit (以上, 左右, 有余, 出头) and the counted noun, as the mention.
fn finish(doc: &Document, sent: Span, mut r: Reading, prefix_at: usize, number: Span) -> CountMention {
    let text = doc.text();
    // no marker starts another: the first found is the one
    for &(w, a, _) in AFTER_MARKERS.iter() {
        if text[r.q..sent.end].starts_with(w) && (w.len() > 3 || r.unit.is_some()) {
            if r.approx == Approx::Exact {
                r.approx = a;
            }
            r.q += w.len();
            break;
        }
    }
    let mut end = r.q;
    let mut object = None;
    if r.unit.as_deref().is_some_and(|u| !NO_OBJECT.contains(&u)) {
        if let Some((obj, obj_end)) = object_after(doc, r.q, sent) {
            object = Some(obj);
            end = obj_end;
            if text[end..sent.end].starts_with("以上") {
                r.approx = Approx::Over;
                end += "以上".len();
            }
        }
    }
    if object.is_none() {
        object = object_before(doc, prefix_at, sent);
    }
    let rule = if r.unit.as_deref() == Some("%") {
        super::Rule::Percent
    } else {
        super::Rule::NumeralUnit
    };
    CountMention {
        span: Span::new(prefix_at, end),
        value: r.value,
        unit: r.unit,
        object,
        approx: r.approx,
        number,
        rule,
    }
}

/// A count found, scanning on after it; or none, scanning on from `otherwise`.
fn found_or(m: Option<CountMention>, otherwise: usize) -> (Option<CountMention>, usize) {
    let next = m.as_ref().map_or(otherwise, |m| m.span.end);
    (m, next)
}

/// `分之一` after a denominator: the share in per cent and the bytes read.
fn fraction(s: &str, denominator: f64) -> Option<(f64, usize)> {
    let rest = s.strip_prefix("分之")?;
    let n = numeral::parse(rest).filter(|n| denominator > 0.0 && n.value > 0.0)?;
    Some((n.value * 100.0 / denominator, "分之".len() + n.len))
}

/// A percentage with no object (一半, 百分之三十).
fn percent(span: Span, value: f64) -> CountMention {
    CountMention {
        span,
        value,
        unit: Some("%".into()),
        object: None,
        approx: Approx::Exact,
        number: span,
        rule: super::Rule::Percent,
    }
}

/// `百分之三十` is 30 %, `百分之二点五` 2.5 %, `千分之五` 0.5 %: `per` and its numeral, read
/// at `scale` per cent.
fn per_cent(text: &str, sent: Span, p: usize, per: &str, rest: &str, scale: f64) -> Option<CountMention> {
    let n = numeral::parse(rest)?;
    Some(share(text, sent, p, p + per.len() + n.len, n.value * scale))
}

/// `一半` is 50 %; any other lone `一` means "a/one" and is not a count.
fn half_of_one(text: &str, p: usize, sent: Span) -> Option<CountMention> {
    if !text[p..sent.end].starts_with("一半") {
        return None;
    }
    let mut m = share(text, sent, p, p + "一半".len(), 50.0);
    m.rule = super::Rule::Share;
    Some(m)
}

/// A percentage at `p..end` with its markers: 近一半, 一半以上, 百分之三十左右.
fn share(text: &str, sent: Span, p: usize, end: usize, value: f64) -> CountMention {
    let mut m = percent(Span::new(p, end), value);
    let one = numeral::parse("一");
    if let Some((at, a)) = one.and_then(|n| match prefix_before(text, sent, p, &n, "") {
        (at, Some(a)) => Some((at, a)),
        _ => None,
    }) {
        m.span.start = at;
        m.approx = a;
    }
    for &(w, a, _) in AFTER_MARKERS.iter().filter(|m| m.2) {
        if text[end..sent.end].starts_with(w) {
            m.span.end += w.len();
            if m.approx == Approx::Exact {
                m.approx = a;
            }
            break;
        }
    }
    m
}

#[cfg(test)]
mod tests;
