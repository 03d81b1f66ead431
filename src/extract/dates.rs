//! Dates (SPEC §5): absolute, partial, ranges, open ranges and relative calendar words,
//! resolved against the publication date (or the caller's reference date) and written as
//! ISO 8601 / EDTF.

use std::sync::LazyLock;

use regex::Regex;

use super::calendar::{self, Day};
use super::cues::{Cue, Cues};
use super::numeral;
use crate::text::{Document, Span};

/// A date found in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFound {
    /// Where it is.
    pub span: Span,
    /// ISO 8601 / EDTF value.
    pub value: String,
}

const MONTH: &str = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])";

static ATOM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<iso>[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}(?:[\sT]+[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?)
        |(?P<dot>[0-9]{{4}}[./][0-9]{{1,2}}[./][0-9]{{1,2}})
        |(?P<y>[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})年
            (?:(?P<season>春|夏|秋|冬)(?:季|天)?|第(?P<q>[一二三四1-4])季度|(?P<half>上|下)半年
              |(?P<ym>{MONTH})月份?(?:(?P<ymd>{DAY})[日号])?)?
        |(?P<rel>今年|去年|前年|明年|同年|当年|次年|今天|昨天|前天|明天|今日|昨日|本月|上月|下月|本周|上周|下周|当天|当日|次日|第二天|翌日)
            (?:(?P<rm>{MONTH})月份?(?:(?P<rmd>{DAY})[日号])?|第(?P<rq>[一二三四1-4])季度|(?P<rhalf>上|下)半年)?
        |(?P<m>{MONTH})月份?(?:(?P<md>{DAY})[日号])?
        |(?P<d>[0-9]{{1,2}})[日号]
        "
    ))
    .unwrap()
});

/// The end of a range after a connector: any of year, month, day.
static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?P<y>[0-9]{{4}})年)?(?:(?P<m>{MONTH})月份?)?(?:(?P<d>{DAY})[日号])?"
    ))
    .unwrap()
});

/// What an expression pins down before resolution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Partial {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    time: Option<(u32, u32, u32)>,
}

/// A resolved point, possibly with unknown digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    time: Option<(u32, u32, u32)>,
}

impl Point {
    fn format(&self) -> String {
        let y = self.y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        let mut s = y;
        if let Some(m) = self.m {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = self.d {
                s.push_str(&format!("-{d:02}"));
                if let Some((h, mi, se)) = self.time {
                    s.push_str(&format!("T{h:02}:{mi:02}:{se:02}"));
                }
            }
        }
        s
    }
}

fn num(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let n = numeral::parse(s)?;
    (n.len == s.len()).then_some(n.value as u32)
}

fn year(s: &str) -> Option<i32> {
    let y = num(s)? as i32;
    (1000..=2200).contains(&y).then_some(y)
}

/// Resolution context: the publication (or reference) day and the last date seen.
struct Resolver {
    anchor: Option<Day>,
    last: Option<Point>,
}

impl Resolver {
    /// Fill a missing year from the anchor; a month after the anchor's month is last year's.
    fn resolve(&self, p: Partial) -> Point {
        let y = p.y.or_else(|| {
            let a = self.anchor?;
            Some(if p.m.is_some_and(|m| m > a.m) { a.y - 1 } else { a.y })
        });
        Point {
            y,
            m: p.m,
            d: p.d,
            time: p.time,
        }
    }

    fn valid(p: &Point) -> bool {
        match (p.m, p.d) {
            (Some(m), Some(d)) => calendar::is_valid(p.y.unwrap_or(2000), m, d),
            (Some(m), None) => (1..=12).contains(&m),
            (None, Some(_)) => false,
            (None, None) => true,
        }
    }

    fn relative(&self, word: &str) -> Option<String> {
        let a = self.anchor;
        let year_of = |k: i32| a.map_or("XXXX".to_string(), |a| format!("{:04}", a.y + k));
        let day_of = |k: i32| a.map_or("XXXX-XX-XX".to_string(), |a| a.add_days(k).iso());
        let month_of = |k: i32| {
            a.map_or("XXXX-XX".to_string(), |a| {
                let idx = a.y * 12 + a.m as i32 - 1 + k;
                format!("{:04}-{:02}", idx.div_euclid(12), idx.rem_euclid(12) + 1)
            })
        };
        let week_of = |k: i32| {
            a.map_or("XXXX-XX-XX/XXXX-XX-XX".to_string(), |a| {
                let monday = a.add_days(-(calendar::weekday(a.y, a.m, a.d) as i32) + 7 * k);
                format!("{}/{}", monday.iso(), monday.add_days(6).iso())
            })
        };
        let last = self.last;
        Some(match word {
            "今年" => year_of(0),
            "去年" => year_of(-1),
            "前年" => year_of(-2),
            "明年" => year_of(1),
            "今天" | "今日" => day_of(0),
            "昨天" | "昨日" => day_of(-1),
            "前天" => day_of(-2),
            "明天" => day_of(1),
            "本月" => month_of(0),
            "上月" => month_of(-1),
            "下月" => month_of(1),
            "本周" => week_of(0),
            "上周" => week_of(-1),
            "下周" => week_of(1),
            "同年" | "当年" => last.and_then(|p| p.y).map_or("XXXX".into(), |y| format!("{y:04}")),
            "次年" => last
                .and_then(|p| p.y)
                .map_or("XXXX".into(), |y| format!("{:04}", y + 1)),
            "当天" | "当日" | "次日" | "第二天" | "翌日" => {
                let p = last?;
                let (y, m, d) = (p.y?, p.m?, p.d?);
                let k = if matches!(word, "当天" | "当日") { 0 } else { 1 };
                Day { y, m, d }.add_days(k).iso()
            }
            _ => return None,
        })
    }
}

/// Find every date in the article's sentences.
pub fn extract(doc: &Document, cues: &Cues, anchor: Option<Day>, out: &mut Vec<DateFound>) {
    let text = doc.text();
    let mut r = Resolver { anchor, last: None };
    for &sent in &doc.sentences {
        if cues.within(Cue::DateMark, sent).is_empty() {
            continue;
        }
        let mut pos = sent.start;
        // find with the fast engine, then read groups over the match alone
        while let Some(found) = ATOM.find_at(&text[..sent.end], pos) {
            let Some(c) = ATOM.captures_at(&text[..found.end()], found.start()) else {
                break;
            };
            let m = c.get(0).unwrap();
            pos = m.end().max(pos + 1);
            if let Some(found) = date_at(text, sent, &c, &mut r) {
                pos = pos.max(found.span.end);
                out.push(found);
            }
        }
    }
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn date_at(text: &str, sent: Span, c: &regex::Captures, r: &mut Resolver) -> Option<DateFound> {
    let m = c.get(0)?;
    let (mut start, mut end) = (m.start(), m.end());
    if prev_char(text, start).is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '第') {
        return None;
    }
    if let Some(w) = c.name("rel") {
        if let Some(v) = relative_part(w.as_str(), c, r) {
            return relative_found(text, sent, start, end, v, r);
        }
        if c.name("rm").is_none() {
            let value = r.relative(w.as_str())?;
            return relative_found(text, sent, start, end, value, r);
        }
    }
    let (partial, special) = read_atom(c, r.anchor)?;
    if let Some(v) = special {
        return Some(DateFound {
            span: Span::new(start, end),
            value: v,
        });
    }
    if c.name("d").is_some() && !day_alone_ok(text, start, end) {
        return None;
    }
    if (c.name("m").is_some()) && !month_alone_ok(text, start, end) {
        return None;
    }
    let point = r.resolve(partial);
    if !Resolver::valid(&point) {
        return None;
    }
    let rest = &text[end..sent.end];
    let mut value = point.format();
    let mut closed_end: Option<Point> = None;
    // a range: 至/到/—/-/~ and a (possibly partial) end point
    let conn = ["至", "到", "—", "–", "-", "~", "～"]
        .into_iter()
        .find(|w| rest.starts_with(w));
    if let Some(w) = conn {
        let after = &rest[w.len()..];
        if let Some(e) = RANGE_END.captures(after).filter(|e| !e[0].is_empty()) {
            let ep = Partial {
                y: e.name("y").and_then(|x| year(x.as_str())).or(point.y),
                m: e.name("m")
                    .and_then(|x| num(x.as_str()))
                    .or(if e.name("y").is_none() { point.m } else { None }),
                d: e.name("d").and_then(|x| num(x.as_str())),
                time: None,
            };
            let ep = Point {
                y: ep.y,
                m: ep.m,
                d: ep.d,
                time: None,
            };
            let same_shape = ep.d.is_some() == point.d.is_some() || e.name("d").is_some();
            if Resolver::valid(&ep) && same_shape && ep.m.is_some() == point.m.is_some() {
                end += w.len() + e[0].len();
                closed_end = Some(ep);
            }
        } else if after.starts_with("今") {
            end += w.len() + "今".len();
            value = format!("{value}/..");
        }
    }
    let before = &text[sent.start..start];
    let mut open = false;
    if closed_end.is_none() && !value.ends_with("/..") {
        for w in ["以来", "至今", "起"] {
            if text[end..sent.end].starts_with(w) {
                end += w.len();
                open = true;
                break;
            }
        }
    }
    for w in ["自", "从"] {
        if before.ends_with(w) {
            start -= w.len();
            if closed_end.is_none() {
                open = true;
            }
            break;
        }
    }
    for w in ["截至", "截止到", "截止"] {
        if before.ends_with(w) && closed_end.is_none() && !open {
            start -= w.len();
            value = format!("../{value}");
            break;
        }
    }
    if let Some(ep) = closed_end {
        value = format!("{value}/{}", ep.format());
        r.last = Some(ep);
    } else {
        if open && !value.ends_with("/..") {
            value = format!("{value}/..");
        }
        r.last = Some(point);
    }
    Some(DateFound {
        span: Span::new(start, end),
        value,
    })
}

/// 今年第一季度, 去年上半年: a relative year with a quarter or a half.
fn relative_part(word: &str, c: &regex::Captures, r: &Resolver) -> Option<String> {
    let k = match word {
        "今年" => 0,
        "去年" => -1,
        "前年" => -2,
        "明年" => 1,
        "同年" | "当年" => return None,
        _ => return None,
    };
    let y = r.anchor.map_or("XXXX".to_string(), |a| format!("{:04}", a.y + k));
    if let Some(q) = c.name("rq") {
        let q = num(q.as_str())?;
        return Some(format!("{y}-{:02}/{y}-{:02}", 3 * q - 2, 3 * q));
    }
    c.name("rhalf").map(|h| {
        if h.as_str() == "上" {
            format!("{y}-01/{y}-06")
        } else {
            format!("{y}-07/{y}-12")
        }
    })
}

fn relative_found(
    text: &str,
    sent: Span,
    start: usize,
    mut end: usize,
    mut value: String,
    r: &mut Resolver,
) -> Option<DateFound> {
    for w in ["以来", "至今", "起"] {
        if text[end..sent.end].starts_with(w) {
            end += w.len();
            value = format!("{value}/..");
            break;
        }
    }
    if let Ok(y) = value[..4.min(value.len())].parse::<i32>() {
        let mut it = value.split(['-', '/']).skip(1);
        let m = it.next().and_then(|s| s.parse().ok());
        let d = it.next().and_then(|s| s.parse().ok());
        r.last = Some(Point {
            y: Some(y),
            m,
            d,
            time: None,
        });
    }
    Some(DateFound {
        span: Span::new(start, end),
        value,
    })
}

/// Read the pieces of an atom; `special` is a finished value (season, quarter, half-year).
fn read_atom(c: &regex::Captures, anchor: Option<Day>) -> Option<(Partial, Option<String>)> {
    let mut p = Partial::default();
    if let Some(iso) = c.name("iso").or(c.name("dot")) {
        let s = iso.as_str();
        let mut parts = s.split(|ch: char| !ch.is_ascii_digit()).filter(|x| !x.is_empty());
        p.y = year(parts.next()?);
        p.m = parts.next()?.parse().ok();
        p.d = parts.next()?.parse().ok();
        if let (Some(h), Some(mi)) = (parts.next(), parts.next()) {
            let (h, mi): (u32, u32) = (h.parse().ok()?, mi.parse().ok()?);
            let se: u32 = parts.next().map_or(Some(0), |x| x.parse().ok())?;
            if h > 23 || mi > 59 || se > 59 {
                return None;
            }
            p.time = Some((h, mi, se));
        }
        p.y?;
        return Some((p, None));
    }
    if let Some(y) = c.name("y") {
        let y = year(y.as_str())?;
        p.y = Some(y);
        if let Some(s) = c.name("season") {
            let code = match s.as_str() {
                "春" => 21,
                "夏" => 22,
                "秋" => 23,
                _ => 24,
            };
            return Some((p, Some(format!("{y:04}-{code}"))));
        }
        if let Some(q) = c.name("q") {
            let q = num(q.as_str())?;
            let (a, b) = (3 * q - 2, 3 * q);
            return Some((p, Some(format!("{y:04}-{a:02}/{y:04}-{b:02}"))));
        }
        if let Some(h) = c.name("half") {
            let v = if h.as_str() == "上" { "01/{y}-06" } else { "07/{y}-12" };
            return Some((p, Some(format!("{y:04}-{}", v.replace("{y}", &format!("{y:04}"))))));
        }
        p.m = c.name("ym").and_then(|x| num(x.as_str()));
        p.d = c.name("ymd").and_then(|x| num(x.as_str()));
        return Some((p, None));
    }
    if let Some(w) = c.name("rel") {
        // a relative year with a month: 今年7月
        let y = match w.as_str() {
            "今年" => Some(0),
            "去年" => Some(-1),
            "前年" => Some(-2),
            "明年" => Some(1),
            _ => None,
        }?;
        p.m = c.name("rm").and_then(|x| num(x.as_str()));
        p.d = c.name("rmd").and_then(|x| num(x.as_str()));
        p.y = anchor.map(|a| a.y + y);
        return Some((p, None));
    }
    p.m = c.name("m").and_then(|x| num(x.as_str()));
    p.d = c.name("md").and_then(|x| num(x.as_str()));
    if let Some(d) = c.name("d") {
        p.d = num(d.as_str());
    }
    Some((p, None))
}

/// A bare `N日` is a date only in a dateline-like position: `18日上午`, `18日,`.
fn day_alone_ok(text: &str, start: usize, end: usize) -> bool {
    let before_ok =
        !prev_char(text, start).is_some_and(|c| "近数每当次翌前后昨今明期续个多余几".contains(c) || c.is_ascii_digit());
    let after = &text[end..];
    before_ok
        && [
            "上午", "下午", "晚", "早", "凌晨", "中午", ",", "电", "起", "至", "到", "召开", "举行", "在",
        ]
        .iter()
        .any(|w| after.starts_with(w))
}

/// A month without a year: not `个月`, not inside a number, and a Chinese month only when a
/// day follows or it is one of the unambiguous names.
fn month_alone_ok(text: &str, start: usize, end: usize) -> bool {
    let prev = prev_char(text, start);
    if prev.is_some_and(|c| c.is_ascii_digit() || "个第每数几多近".contains(c)) {
        return false;
    }
    let s = &text[start..end];
    s.starts_with(|c: char| c.is_ascii_digit()) || s.contains('日') || s.contains('号') || s.chars().count() >= 3
}

#[cfg(test)]
mod tests;
