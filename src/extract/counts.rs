//! Counts (SPEC §6): a numeral with its classifier or measure, its approximation marker and,
//! where the text gives it, the noun counted.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::cues::{Cue, Cues};
use super::numeral::{self, Numeral, Script, Vague};
use crate::data;
use crate::record::Approx;
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

/// The end of the run of numeral characters starting at `start`: the characters of
/// [`NUMERAL_STARTS`](super::cues::NUMERAL_STARTS), and `.`/`,` inside the run (1,200, 3.5).
fn run_end(text: &str, start: usize, limit: usize) -> usize {
    text[start..limit]
        .char_indices()
        .find(|&(_, c)| !(matches!(c, '.' | ',') || is_numeral_start(c)))
        .map_or(limit, |(i, _)| start + i)
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

mod objects;

use objects::{NO_OBJECT, object_after, object_before};

/// Markers before a number, longest first, with what they say.
const PREFIXES: &[(&str, Approx)] = &[
    ("不到", Approx::Under),
    ("不足", Approx::Under),
    ("接近", Approx::Under),
    ("将近", Approx::Under),
    ("少于", Approx::Under),
    ("近", Approx::Under),
    ("大约", Approx::About),
    ("约", Approx::About),
    ("超过", Approx::Over),
    ("超出", Approx::Over),
    ("多于", Approx::Over),
    ("逾", Approx::Over),
    ("超", Approx::Over),
    ("上", Approx::About),
    ("连续", Approx::Exact),
];

/// Whether the numeral lies inside a fixed expression (千家万户): an idiom starting at most
/// three characters before it, read by an anchored automaton, not a scan of the sentence.
fn in_idiom(text: &str, sent: Span, number: Span) -> bool {
    let starts = text[sent.start..number.start]
        .char_indices()
        .rev()
        .take(3)
        .map(|(i, _)| sent.start + i);
    std::iter::once(number.start).chain(starts).any(|s| {
        IDIOMS
            .find(Input::new(&text[s..sent.end]).anchored(Anchored::Yes))
            .is_some_and(|m| s + m.end() > number.start)
    })
}

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
        // runs of numeral characters, from the numeral starts of the shared cue scan
        let mut from = sent.start;
        for start in cues.within(Cue::NumeralStart, sent) {
            if start.start < from {
                continue;
            }
            let end = run_end(text, start.start, sent.end);
            let (found, next) = count_at(doc, sent, start.start);
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

/// The count whose numeral starts at `p`, if any, and where to go on scanning.
fn count_at(doc: &Document, sent: Span, p: usize) -> (Option<CountMention>, usize) {
    let text = doc.text();
    let s = &text[p..sent.end];
    if s.starts_with("一半") {
        return found_or(half_of_one(text, p, p, sent), p);
    }
    if let Some(rest) = s.strip_prefix("百分之") {
        return found_or(per_cent(p, rest), p);
    }
    let Some(num) = numeral::parse(s) else { return (None, p) };
    let skip = p + num.len;
    let prev = prev_char(text, p);
    // identifiers (URLs, phones, codes), ordinals, slogans in quotes, weekdays
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || "./-_:@#+第“《「\"周初".contains(c)) {
        return (None, skip);
    }
    let (prefix_at, prefix) = prefix_before(text, sent, p, &num, s);
    if num.is_lone_one(s) && half_unit(&s[num.len..]).is_none() {
        return found_or(half_of_one(text, p, prefix_at, sent), skip);
    }
    if num.bare_scale && prefix.is_none() && !s[num.len..].starts_with(['余', '多']) {
        return (None, skip);
    }
    let mut value = num.value;
    let mut approx = match num.vague {
        Vague::None => Approx::Exact,
        Vague::Over => Approx::Over,
        Vague::About => Approx::About,
    };
    let mut q = p + num.len;
    if text[q..sent.end].starts_with(['余', '多']) && !text[q..].starts_with("多元") {
        approx = Approx::Over;
        q += 3;
    }
    let unit: Option<String>;
    let ends_in_scale = |w: char| s[..num.len].ends_with(w);
    if let Some((share, len)) = fraction(&text[q..sent.end], value) {
        // 三分之一: a fraction, as a percentage
        value = share;
        unit = Some("%".into());
        q += len;
    } else if text[q..].starts_with('元') && (ends_in_scale('万') || ends_in_scale('亿')) {
        let scale = if ends_in_scale('万') { 1e4 } else { 1e8 };
        value /= scale;
        unit = Some(if scale == 1e4 { "万元" } else { "亿元" }.to_string());
        q += '元'.len_utf8();
    } else if let Some((len, u)) = half_unit(&text[q..sent.end]) {
        value += 0.5;
        unit = Some(u.to_string());
        q += len;
    } else if let Some((len, u)) = unit_at(&text[q..sent.end]) {
        if !unit_allowed(text, p, q, q + len, u, &num) {
            return (None, skip);
        }
        unit = Some(u.to_string());
        q += len;
    } else if let Some(v) = cheng(text, q, &num, s) {
        value = v;
        unit = Some("%".into());
        q += '成'.len_utf8();
    } else if num.value >= 10_000.0 && (ends_in_scale('万') || ends_in_scale('亿')) {
        unit = None;
    } else {
        return (None, skip);
    }
    if unit.as_deref() == Some("年") && num.script == Script::Arabic && (1000.0..=2100.0).contains(&num.value) {
        return (None, q);
    }
    if unit.as_deref() == Some("小时") {
        if let Some((extra, len)) = minutes_after(&text[q..sent.end]) {
            value += extra;
            q += len;
        }
    }
    let mut prefix_at = prefix_at;
    // 零下 is a sign for temperatures only: 零下1名专家 counts one expert
    if unit.as_deref() == Some("度") && text[sent.start..prefix_at].ends_with("零下") {
        value = -value;
        prefix_at -= "零下".len();
    }
    for (w, a) in [
        ("以上", Approx::Over),
        ("左右", Approx::About),
        ("余", Approx::Over),
        ("多", Approx::Over),
    ] {
        if text[q..sent.end].starts_with(w) && (w.len() > 3 || unit.is_some()) {
            if approx == Approx::Exact {
                approx = a;
            }
            q += w.len();
            break;
        }
    }
    if let Some(a) = prefix {
        if a != Approx::Exact {
            approx = a;
        }
    }
    let mut end = q;
    let mut object = None;
    if unit.as_deref().is_some_and(|u| !NO_OBJECT.contains(&u)) {
        if let Some((obj, obj_end)) = object_after(doc, q, sent) {
            object = Some(obj);
            end = obj_end;
            if text[end..sent.end].starts_with("以上") {
                approx = Approx::Over;
                end += "以上".len();
            }
        }
    }
    if object.is_none() {
        object = object_before(doc, prefix_at, sent);
    }
    let m = CountMention {
        span: Span::new(prefix_at, end),
        value,
        unit,
        object,
        approx,
        number: Span::new(p, p + num.len),
    };
    (Some(m), end)
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
    }
}

fn prefix_before(text: &str, sent: Span, p: usize, num: &Numeral, s: &str) -> (usize, Option<Approx>) {
    let before = &text[sent.start..p];
    for &(w, a) in PREFIXES {
        if before.ends_with(w) {
            let at = p - w.len();
            let pre = prev_char(text, at);
            if w == "近" && pre.is_some_and(|c| "最附临靠将接".contains(c)) {
                continue;
            }
            if w == "上" && !(num.bare_scale || s.starts_with(['百', '千', '万'])) {
                continue;
            }
            if w == "超" && pre == Some('高') {
                continue;
            }
            return (at, Some(a));
        }
    }
    (p, None)
}

/// `百分之三十` is 30 %.
fn per_cent(p: usize, rest: &str) -> Option<CountMention> {
    let n = numeral::parse(rest)?;
    Some(percent(Span::new(p, p + "百分之".len() + n.len), n.value))
}

/// `两个半小时`, `一年半`: a unit with a half, as (bytes, unit).
fn half_unit(s: &str) -> Option<(usize, &'static str)> {
    const HALVES: &[(&str, &str)] = &[
        ("个半小时", "小时"),
        ("个半月", "个月"),
        ("年半", "年"),
        ("天半", "天"),
        ("小时半", "小时"),
    ];
    HALVES
        .iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|(w, u)| (w.len(), *u))
}

/// `一半` is 50 %; any other lone `一` means "a/one" and is not a count.
fn half_of_one(text: &str, p: usize, prefix_at: usize, sent: Span) -> Option<CountMention> {
    if !text[p..sent.end].starts_with("一半") {
        return None;
    }
    let end = p + "一半".len();
    Some(CountMention {
        span: Span::new(prefix_at, end),
        number: Span::new(p, end),
        ..percent(Span::new(p, end), 50.0)
    })
}

/// Whether the unit at `at..end` counts the numeral at `p` (名 in 3名, not in 3名称).
fn unit_allowed(text: &str, p: usize, at: usize, end: usize, unit: &str, num: &Numeral) -> bool {
    let after = next_char(text, end);
    let after_is = |set: &str| after.is_some_and(|c| set.contains(c));
    match unit {
        "人" => !after_is("民"),
        "所" => !after_is("有以谓在属得述说"),
        "年" => !after_is("级代度"),
        "名" => !text[at..].starts_with("名称"),
        // before the unit may stand 余 or 多: the numeral's own start says where 零下 would end
        "度" => text[..p].ends_with("零下") || text[p..p + num.len].contains('.'),
        "期" => !after_is("间望待限刊"),
        "周" => !after_is("边围末期"),
        "门" => !after_is("诊口户"),
        "部" => !after_is("门署分位长"),
        "处" => !after_is("理于在长"),
        "间" => false,
        "本" => !after_is("地土院市县届次"),
        "支" => !after_is("持援部付出撑"),
        "条" => !after_is("件例"),
        "种" => !after_is("植子"),
        "床" => !after_is("边旁上"),
        "次" => !after_is("日"),
        "米" => num.script != Script::Chinese || !after_is("饭粒"),
        _ => true,
    }
}

/// `六成` → 60 (%): one digit before 成, when 成 is not part of a word like 成为.
fn cheng(text: &str, q: usize, num: &Numeral, s: &str) -> Option<f64> {
    if !text[q..].starts_with('成') || num.value < 1.0 || num.value > 10.0 || s[..num.len].contains('.') {
        return None;
    }
    let after = next_char(text, q + '成'.len_utf8());
    if after.is_some_and(|c| "功立果员本就长绩熟交效都年型份品人".contains(c)) {
        return None;
    }
    Some(num.value * 10.0)
}

/// `24分` after `2小时`: minutes as a fraction of the hour.
fn minutes_after(s: &str) -> Option<(f64, usize)> {
    let n = numeral::parse(s)?;
    let rest = &s[n.len..];
    if rest.starts_with('分') && !rest.starts_with("分钟") && n.value < 60.0 {
        return Some((n.value / 60.0, n.len + '分'.len_utf8()));
    }
    None
}

#[cfg(test)]
mod tests;
