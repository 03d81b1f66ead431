//! The words around an expression that belong to its mention: a clock time and a weekday
//! after a day, a range's second half, and the open-range words (自, 以来, 至今, 截至).

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::{CONNECT, RANGE_END, WEEKDAY_AFTER};
use super::read::{self, num};
use super::{DateFound, Point, Prec, Resolver, Value, clock};
use crate::extract::Rule;
use crate::text::Span;

static CONNECTOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^ ?{CONNECT} ?")).unwrap_or_else(|e| panic!("connector: {e}")));

/// After 起 or 以来: 至今, or 直至今天, which only restate the open end.
static TO_NOW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,?(?:直|一直)?(?:至|到)今(?:天|日)?").unwrap_or_else(|e| panic!("to now: {e}")));

/// How the mention bounds time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// As read.
    Plain,
    /// From it on (`/..`).
    Since,
    /// Up to it (`../`).
    Until,
    /// A closed range: never opened again by 自/从.
    Closed,
}

/// A festival's or other finished value as a point, when it is one.
pub(super) fn parse_value(v: &str) -> Option<Point> {
    let mut it = v.split('-');
    let y = it.next()?;
    let y = if y == "XXXX" { None } else { Some(y.parse().ok()?) };
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some(Point::day(y, Some(m), Some(d)))
}

fn all_valid(v: &Value) -> bool {
    match v {
        Value::Point(p) => p.valid(),
        Value::Interval(a, b) => a.valid() && b.valid(),
        Value::Code(..) => true,
    }
}

/// What reading at a head gave.
pub(super) enum Outcome {
    Found(DateFound),
    /// A date-shaped expression that names no real day (2022年2月30日), up to this end: none
    /// of its pieces is a date either.
    Impossible(usize),
    Nothing,
}

/// The date whose head starts at `start`, with every word of its mention.
pub(super) fn date_at(text: &str, sent: Span, head: regex::Match, r: &mut Resolver) -> Outcome {
    let start = head.start();
    let Some((end, value)) = read::head(text, sent, head, r) else {
        return Outcome::Nothing;
    };
    if !all_valid(&value) {
        return Outcome::Impossible(end);
    }
    match widen(text, sent, start, end, value, r) {
        Some(found) => Outcome::Found(DateFound {
            rule: rule_of(head.as_str()),
            ..found
        }),
        None => Outcome::Impossible(end),
    }
}

/// The words of `date_words.txt` that tell a date's rule by its head, and the open-range words.
struct Words {
    decade_end: Vec<&'static str>,
    period_end: Vec<&'static str>,
    period: Vec<&'static str>,
    time_end: Vec<&'static str>,
    lunar_start: Vec<&'static str>,
    lunar_month: Vec<&'static str>,
    relative_start: Vec<&'static str>,
    since_before: Vec<&'static str>,
    until_before: Vec<&'static str>,
    until_last_day: Vec<char>,
    since_after: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words {
    decade_end: super::words("decade_end"),
    period_end: super::words("period_end"),
    period: super::words("period"),
    time_end: super::words("time_end"),
    lunar_start: super::words("lunar_start"),
    lunar_month: super::valued::<u32>("lunar_month")
        .into_iter()
        .map(|(w, _)| w)
        .collect(),
    relative_start: super::words("relative_start"),
    since_before: super::words("since_before"),
    until_before: super::words("until_before"),
    until_last_day: super::chars("until_last_day"),
    since_after: super::words("since_after"),
});

/// The rule of a date by the head it starts with (the alternation of `patterns::HEAD`).
fn rule_of(head: &str) -> Rule {
    let w = &*WORDS;
    let ends = |list: &[&str]| list.iter().any(|e| head.ends_with(e));
    let starts = |list: &[&str]| list.iter().any(|s| head.starts_with(s));
    let first = head.chars().next();
    if first.is_some_and(|c| c.is_ascii_digit()) && head.ends_with(|c: char| c.is_ascii_digit()) {
        Rule::NumericDate
    } else if ends(&w.decade_end) {
        Rule::Decade
    } else if ends(&w.period_end) || w.period.contains(&head) {
        Rule::PeriodPart
    } else if ends(&w.time_end) {
        Rule::TimeOfDay
    } else if super::festivals::get(head).is_some() {
        Rule::Festival
    } else if starts(&w.lunar_start) || head.contains(['初', '廿']) || starts(&w.lunar_month) {
        Rule::LunarDate
    } else if starts(&w.relative_start) {
        Rule::RelativeDate
    } else {
        Rule::CalendarDate
    }
}

/// The mention around a valid expression.
fn widen(text: &str, sent: Span, start: usize, end: usize, value: Value, r: &mut Resolver) -> Option<DateFound> {
    let (mut end, mut value) = (end, value);
    let limit = sent.end;
    (end, value) = with_clock(text, end, limit, value)?;
    let mut bound = Bound::Plain;
    if let Some((e, v, b)) = range(text, end, limit, &value, r) {
        (end, value, bound) = (e, v, b);
    }
    if bound == Bound::Plain {
        if let Some(e) = since_words(text, end, limit) {
            (end, bound) = (e, Bound::Since);
        }
    }
    let mut start = start;
    // a space may stand between the word and the date (自 2012 年)
    let before = text[sent.start..start]
        .strip_suffix(' ')
        .unwrap_or(&text[sent.start..start]);
    if let Some(w) = WORDS.since_before.iter().find(|w| before.ends_with(*w)) {
        start = sent.start + before.len() - w.len();
        // a closed reading (a time range, a week) stays closed
        if bound == Bound::Plain && !matches!(value, Value::Interval(..)) {
            bound = Bound::Since;
        }
    } else if let Some(w) = WORDS.until_before.iter().find(|w| before.ends_with(*w)) {
        if bound == Bound::Plain {
            start = sent.start + before.len() - w.len();
            bound = Bound::Until;
            if let (Value::Point(p), true) = (&value, text[..end].ends_with(WORDS.until_last_day.as_slice())) {
                value = Value::Point(p.last_day());
            }
        }
    }
    if let Some(p) = value.last() {
        r.last = Some(p);
    }
    let value = match (bound, &value) {
        (Bound::Since, Value::Interval(a, _)) => format!("{}/..", a.format()),
        (Bound::Since, v) => format!("{}/..", v.format()),
        (Bound::Until, Value::Interval(_, b)) => format!("../{}", b.format()),
        (Bound::Until, v) => format!("../{}", v.format()),
        (Bound::Plain | Bound::Closed, v) => v.format(),
    };
    Some(DateFound {
        span: Span::new(start, end),
        value,
        rule: Rule::CalendarDate,
    })
}

/// A clock time (or a part of the day) after a day, and a weekday after a full date; `None`
/// when digits that no clock shows follow.
fn with_clock(text: &str, end: usize, limit: usize, value: Value) -> Option<(usize, Value)> {
    let Value::Point(p) = value else {
        return Some((end, value));
    };
    if p.prec != Prec::Day {
        return Some((end, value));
    }
    let mut end = end;
    let mut value = value;
    if let Some(w) = WEEKDAY_AFTER.find(&text[end..limit]) {
        end += w.end();
    }
    let default = if text[..end].ends_with('晚') {
        clock::Part::Evening
    } else {
        clock::Part::Morning
    };
    if let Some(c) = clock::read_in(&text[end..limit], default) {
        // 25:05 is no time: the whole date is suspect
        let clock::Reading::Time(c) = c else { return None };
        end += c.len;
        let at = |t: Option<clock::Clock>| Point { time: t, ..p };
        value = match (c.clock, c.until) {
            (Some(a), Some(b)) => Value::Interval(at(Some(a)), at(Some(b))),
            (Some(a), None) => Value::Point(at(Some(a))),
            _ => value,
        };
    }
    Some((end, value))
}

/// 以来, 至今, 起 (and 起至今, 起,直至今天) after a date: from it on.
fn since_words(text: &str, end: usize, limit: usize) -> Option<usize> {
    let rest = &text[end..limit];
    let w = WORDS.since_after.iter().find(|w| rest.starts_with(*w))?;
    let after = end + w.len();
    let more = TO_NOW.find(&text[after..limit]).map_or(0, |m| m.end());
    Some(after + more)
}

/// A range's second half after a connector (至, 到, —, -), sharing what it leaves out with
/// the first (7月14日至17日, 2019年2-6月 is read earlier); 至今 opens the range instead.
fn range(text: &str, end: usize, limit: usize, value: &Value, r: &Resolver) -> Option<(usize, Value, Bound)> {
    let first = match value {
        Value::Point(p) => *p,
        Value::Interval(a, _) => *a,
        Value::Code(..) => return None,
    };
    let mut pos = end;
    if text[pos..limit].starts_with("起") {
        pos += "起".len();
    }
    let conn = CONNECTOR.find(&text[pos..limit])?;
    let after = pos + conn.end();
    if text[after..limit].starts_with('今') && !text[after..limit].starts_with("今年") {
        let now = TO_NOW
            .find(&text[pos..limit])
            .map_or(after + '今'.len_utf8(), |m| pos + m.end());
        return Some((now, value.clone(), Bound::Since));
    }
    let (e_end, last) = partial_end(text, after, limit, first).or_else(|| full_end(text, after, limit, r))?;
    let last = if last.prec == Prec::Month && last.y == first.y && last.m < first.m {
        Point {
            y: first.y.map(|y| y + 1),
            ..last
        }
    } else {
        last
    };
    if !last.valid() || !ordered(first, last) {
        return None;
    }
    let mut e_end = e_end;
    if text[e_end..limit].starts_with('止') {
        e_end += '止'.len_utf8();
    }
    Some((e_end, Value::Interval(first, last), Bound::Closed))
}

/// The second half written with digits, leaving out the year or month it shares.
fn partial_end(text: &str, after: usize, limit: usize, first: Point) -> Option<(usize, Point)> {
    let e = RANGE_END.captures(&text[after..limit])?;
    let len = e.get(0)?.end();
    if len == 0 || e.name("part").is_some() && e.name("m").is_none() {
        return None;
    }
    let y = match e.name("y") {
        Some(g) => Some(g.as_str().parse().ok().or_else(|| num(g.as_str()).map(|n| n as i32))?),
        None => first.y,
    };
    let m = e.name("m").and_then(|x| num(x.as_str()));
    let d = e.name("d").and_then(|x| num(x.as_str()));
    let m = m.or(if e.name("y").is_none() { first.m } else { None });
    let prec = match (m, d) {
        (_, Some(_)) => Prec::Day,
        (Some(_), None) => Prec::Month,
        _ => Prec::Year,
    };
    // the halves are alike: a day range needs a day, a month range a month
    if prec != first.prec && !(prec == Prec::Day && e.name("d").is_some() && first.prec == Prec::Day) {
        return None;
    }
    Some((
        after + len,
        Point {
            y,
            m,
            d,
            prec,
            time: None,
        },
    ))
}

/// The second half as a date of its own (2021-03-09, 2019年 after 今年起).
fn full_end(text: &str, after: usize, limit: usize, r: &Resolver) -> Option<(usize, Point)> {
    let head = super::patterns::HEAD
        .find_at(&text[..limit], after)
        .filter(|m| m.start() == after)?;
    let (e, v) = read::head(text, Span::new(after, limit), head, r)?;
    match v {
        Value::Point(p) => Some((e, p)),
        _ => None,
    }
}

/// Whether `a` is not after `b`, as far as both are known.
fn ordered(a: Point, b: Point) -> bool {
    let key = |p: Point| (p.y.unwrap_or(0), p.m.unwrap_or(0), p.d.unwrap_or(0));
    match (a.y, b.y) {
        (Some(_), Some(_)) => key(a) <= key(b),
        _ => (a.m, a.d) <= (b.m, b.d) || a.m != b.m,
    }
}
