//! Reading one date expression from its head: the head's own pieces and what it governs (a
//! month after a year, a day or a part of the month after a month).

use std::sync::LazyLock;

use super::groups::{H, Mt, Parts, Yt, month_tail, year_tail};
use super::patterns::{MONTH_TAIL, QUARTER, YEAR_TAIL};
use super::{Point, Prec, Resolver, Value, festivals, lunar, relative};
use crate::lang::calendar::{self, Day};
use crate::lang::numeral;
use crate::text::Span;

/// A list of characters of `date_words.txt`.
type Chars = LazyLock<Vec<char>>;

static YEAR_DIGITS: LazyLock<Vec<(char, u32)>> = LazyLock::new(|| {
    super::valued("year_digit")
        .into_iter()
        .filter_map(|(w, d)| Some((w.chars().next()?, d)))
        .collect()
});
static NUMERAL: Chars = LazyLock::new(|| super::chars("numeral"));
static CHU_WORD: Chars = LazyLock::new(|| super::chars("chu_word"));
static AFTER_DIGIT_YEAR_NO: Chars = LazyLock::new(|| super::chars("after_digit_year_no"));
static BEFORE_EDGE_NO: Chars = LazyLock::new(|| super::chars("before_edge_no"));
static BEFORE_MONTH_NO: Chars = LazyLock::new(|| super::chars("before_month_no"));
static BEFORE_DAY_NO: Chars = LazyLock::new(|| super::chars("before_day_no"));
static DAY_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words("day_cue"));
static LUNAR_MONTHS: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(|| super::valued("lunar_month"));
static XUN: LazyLock<Vec<(&'static str, (u32, u32))>> = LazyLock::new(|| {
    super::words("xun")
        .into_iter()
        .filter_map(|w| {
            let (w, days) = w.split_once('=')?;
            let (a, b) = days.split_once('-')?;
            Some((w, (a.parse().ok()?, b.parse().ok()?)))
        })
        .collect()
});
static SEASONS: Chars = LazyLock::new(|| super::chars("season"));
static AFTER_SHORT_FESTIVAL_NO: Chars = LazyLock::new(|| super::chars("after_short_festival_no"));
static GIVEN_NAME_FESTIVALS: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words("given_name_festival"));
static HOLIDAY_AFTER: Chars = LazyLock::new(|| super::chars("holiday_after"));

/// A number written in Arabic or Chinese digits, whole.
pub(super) fn num(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let n = numeral::parse(s)?;
    (n.len == s.len() && n.value >= 0.0).then_some(n.value as u32)
}

/// A year written out digit by digit in Chinese (二〇一六, 九九).
fn chinese_digits(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |acc, c| {
        let &(_, d) = YEAR_DIGITS.iter().find(|(x, _)| *x == c)?;
        Some(acc * 10 + d)
    })
}

/// A written year; two digits are the nearest century's (16年 → 2016, 98年 → 1998), and two
/// adjacent Chinese digits in rising order (三四年) are an approximate count, not a year.
fn year_of(s: &str, anchor: Option<Day>) -> Option<i32> {
    let n = if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()?
    } else {
        chinese_digits(s)?
    };
    let digits = s.chars().count();
    if digits == 4 {
        let y = n as i32;
        return (1000..=2200).contains(&y).then_some(y);
    }
    if digits != 2 {
        return None;
    }
    let cs: Vec<u32> = s.chars().filter_map(|c| chinese_digits(&c.to_string())).collect();
    if digits == 2 && cs.len() == 2 && cs[1] == cs[0] + 1 {
        return None;
    }
    let pivot = anchor.map_or(2030, |a| a.y + 5);
    let y = 2000 + n as i32;
    Some(if y > pivot { y - 100 } else { y })
}

/// `YYYY-MM-DD` or `YYYY.M.D` / `YYYY/M/D` as a day.
pub(super) fn iso_day(s: &str) -> Option<Day> {
    let mut it = s.split(['-', '.', '/']);
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    calendar::is_valid(y, m, d).then_some(Day { y, m, d })
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// Words that 初 begins (初步, 初级…): after a year or month they are not its start.
fn begins_word_with_chu(after: &str) -> bool {
    after.starts_with(|c: char| CHU_WORD.contains(&c) || numeral_char(c))
}

fn numeral_char(c: char) -> bool {
    c.is_ascii_digit() || NUMERAL.contains(&c)
}

/// Read the expression whose head starts at `start`: its end and value.
/// `found` is the head pattern's match; its groups are read over the match alone.
pub(super) fn head(text: &str, sent: Span, found: regex::Match, r: &Resolver) -> Option<(usize, Value)> {
    let start = found.start();
    let c = Parts::of(text, found)?;
    let prev = prev_char(text, start);
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '第' || p == '每') {
        return None;
    }
    let end = found.end();
    let rest = &text[end..sent.end];
    if let Some(g) = c.get(H::Iso).or(c.get(H::Dot)) {
        return Some((end, Value::Point(Point::of(iso_day(g.as_str())?))));
    }
    if c.get(H::Dec).is_some() {
        return decade(&c).map(|v| (end, v));
    }
    if let Some(y) = c.get(H::Y) {
        let y = year_of(y.as_str(), r.anchor)?;
        let written = c.get(H::Y).map_or("", |g| g.as_str());
        let short = written.len() == 2;
        if written.chars().count() == 2 && !short && rest.starts_with(AFTER_DIGIT_YEAR_NO.as_slice()) {
            return None;
        }
        return after_year(text, end, sent.end, Some(y), short, r);
    }
    if let Some(found) = relative_head(text, &c, prev, end, sent.end, r) {
        return found;
    }
    if let Some(f) = c.get(H::Fest) {
        return festival(text, f.start(), end, sent.end, r.anchor.map(|a| a.y));
    }
    if let Some((lm, ld)) = lunar_groups(&c) {
        let v = lunar_value(lm, ld, r.anchor.map(|a| a.y))?;
        return Some((end, v));
    }
    if c.get(H::Tod).is_some() {
        return time_alone(text, start, sent.end, r);
    }
    if c.get(H::Yp0).is_some() || c.get(H::Mp0).is_some() {
        return period_edge(&c, prev, rest, end, r);
    }
    if c.get(H::Qt).is_some() {
        return quarter(&text[start..sent.end], r.anchor.map(|a| a.y)).map(|(l, v)| (start + l, v));
    }
    if let Some(mg) = c.get(H::M) {
        return bare_month(text, &c, mg.start(), end, sent.end, r);
    }
    if let Some(d) = c.get(H::D) {
        return bare_day(text, start, end, num(d.as_str())?, r);
    }
    None
}

/// The relative heads (今年, 上个月, 本周, 周三, 昨天): `None` when the head is of another
/// kind, `Some(None)` when it is one but names no date here.
fn relative_head(
    text: &str,
    c: &Parts,
    prev: Option<char>,
    end: usize,
    limit: usize,
    r: &Resolver,
) -> Option<Option<(usize, Value)>> {
    let rest = &text[end..limit];
    if let Some(w) = c.get(H::Ry) {
        let Some(y) = relative::year(w.as_str(), r) else {
            return Some(None);
        };
        return Some(after_year(text, end, limit, y.y, false, r).or(Some((end, Value::Point(y)))));
    }
    if let Some(w) = c.get(H::Rm) {
        let p = relative::month(w.as_str(), r);
        return Some(Some(after_month(rest, end, p, r).unwrap_or((end, Value::Point(p)))));
    }
    if let Some(w) = c.get(H::Rw) {
        return Some(relative::week(w.as_str(), rest, end, r));
    }
    if let Some(w) = c.get(H::Wk) {
        return Some(relative::weekday(w.as_str(), prev, rest, end, r));
    }
    c.get(H::Rd).map(|w| relative::day(w.as_str(), rest, end, r))
}

/// A bare 年初/年底 (this year's first or last month) or 月初/月底 (this month); after 今年,
/// 去年 or a number they were read with those.
fn period_edge(c: &Parts, prev: Option<char>, rest: &str, end: usize, r: &Resolver) -> Option<(usize, Value)> {
    if prev.is_some_and(|p| numeral_char(p) || BEFORE_EDGE_NO.contains(&p)) {
        return None;
    }
    let g = c.get(H::Yp0).or(c.get(H::Mp0))?;
    let first = g.as_str().ends_with('初');
    if first && begins_word_with_chu(rest) {
        return None;
    }
    let p = if c.get(H::Yp0).is_some() {
        Point::month(r.anchor.map(|a| a.y), if first { 1 } else { 12 })
    } else {
        relative::month_by(0, r)
    };
    Some((end, Value::Point(p)))
}

fn lunar_groups<'a>(c: &Parts<'a>) -> Option<(&'a str, &'a str)> {
    [(H::Lm, H::Ld), (H::Lm2, H::Ld2), (H::Lm3, H::Ld3)]
        .into_iter()
        .find_map(|(a, b)| Some((c.get(a)?.as_str(), c.get(b)?.as_str())))
}

/// A lunar month and day in the year given (or implied); `XXXX` with no year.
fn lunar_value(lm: &str, ld: &str, year: Option<i32>) -> Option<Value> {
    let (leap, name) = match lm.strip_prefix('闰') {
        Some(n) => (true, n),
        None => (false, lm),
    };
    let m = match super::value_of(&LUNAR_MONTHS, name) {
        Some(m) => m,
        None => num(name)?,
    };
    let d = num(ld.trim_start_matches('初').replace('廿', "二十").as_str())?;
    if !(1..=30).contains(&d) || !(1..=12).contains(&m) {
        return None;
    }
    let Some(y) = year else {
        return Some(Value::Code("XXXX".into(), None));
    };
    let month = if leap {
        lunar::Month::Leap(m)
    } else {
        lunar::Month::Plain(m)
    };
    let day = if leap {
        lunar::to_gregorian(y, month, lunar::LunarDay::Nth(d))
    } else {
        lunar::in_gregorian_year(y, month, lunar::LunarDay::Nth(d))
    }?;
    Some(Value::Point(Point::of(day)))
}

/// 20世纪50年代 → `195X`; a decade with no century is the 1900s' from 30 up (80年代).
fn decade(c: &Parts) -> Option<Value> {
    let n = num(c.get(H::Decn)?.as_str())?;
    let century = match c.get(H::Cent).map(|g| g.as_str()) {
        Some(c) if num(c) == Some(20) => 19,
        Some(_) => 18,
        None if (30..=90).contains(&n) => 19,
        None => return None,
    };
    Some(Value::Code(format!("{century:02}{}X", n / 10), None))
}

/// A festival: `short` names only away from name-like neighbours (八一路, 王国庆).
fn festival(text: &str, start: usize, end: usize, limit: usize, year: Option<i32>) -> Option<(usize, Value)> {
    let name = &text[start..end];
    let f = festivals::get(name)?;
    let prev = prev_char(text, start);
    let next = text[end..limit].chars().next();
    if prev.is_some_and(numeral_char) || next.is_some_and(numeral_char) {
        return None;
    }
    if f.form == festivals::Form::Short && next.is_some_and(|c| AFTER_SHORT_FESTIVAL_NO.contains(&c)) {
        return None;
    }
    // 王国庆 is a name: a bare 国庆 after a surname needs a holiday word after it
    let surname = prev.is_some_and(|p| crate::lang::names::surname_len(p.encode_utf8(&mut [0; 4])) == Some(1));
    if GIVEN_NAME_FESTIVALS.contains(&name) && surname && !next.is_some_and(|c| HOLIDAY_AFTER.contains(&c)) {
        return None;
    }
    let v = festivals::value(f, year)?;
    let point = super::span::parse_value(&v);
    Some((end, point.map_or(Value::Code(v, None), Value::Point)))
}

/// After a year: a season, quarter, half, part of the year, month, festival or lunar date.
fn after_year(
    text: &str,
    end: usize,
    limit: usize,
    y: Option<i32>,
    short: bool,
    r: &Resolver,
) -> Option<(usize, Value)> {
    let year = Point::year(y);
    let rest = &text[end..limit];
    let Some(t) = YEAR_TAIL.captures(rest) else {
        return (!short).then_some((end, Value::Point(year)));
    };
    let tend = end + t.get(0)?.end();
    let after = &text[tend..limit];
    let yv = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    let got = if let Some(s) = year_tail(&t, Yt::Season) {
        let code = 21 + SEASONS.iter().position(|&c| s.as_str().starts_with(c))?;
        let bare = t.get(0)?.as_str().ends_with(s.as_str());
        (!bare || !after.starts_with(|c: char| c > '\u{2E80}'))
            .then(|| (tend, Value::Code(format!("{yv}-{code}"), Some(year))))
    } else if let Some(q) = year_tail(&t, Yt::Q) {
        let q = num(q.as_str())?;
        Some((
            tend,
            Value::Interval(Point::month(y, 3 * q - 2), Point::month(y, 3 * q)),
        ))
    } else if let Some(h) = year_tail(&t, Yt::Half) {
        let a = if h.as_str() == "上" { 1 } else { 7 };
        Some((tend, Value::Interval(Point::month(y, a), Point::month(y, a + 5))))
    } else if let Some(n) = year_tail(&t, Yt::Lastn) {
        let n = num(n.as_str()).or((n.as_str() == "两").then_some(2))?;
        (1..=31).contains(&n).then(|| {
            (
                tend,
                Value::Interval(Point::day(y, Some(12), Some(32 - n)), Point::day(y, Some(12), Some(31))),
            )
        })
    } else if let Some(p) = year_tail(&t, Yt::Yp) {
        let first = p.as_str().ends_with('初');
        (!(first && begins_word_with_chu(after)))
            .then(|| (tend, Value::Point(Point::month(y, if first { 1 } else { 12 }))))
    } else if let Some(m) = year_tail(&t, Yt::M) {
        let m1 = num(m.as_str())?;
        if let Some(m2) = year_tail(&t, Yt::M2).and_then(|x| num(x.as_str())) {
            (m2 > m1 && m2 <= 12).then(|| (tend, Value::Interval(Point::month(y, m1), Point::month(y, m2))))
        } else {
            let p = Point::month(y, m1);
            Some(after_month(after, tend, p, r).unwrap_or((tend, Value::Point(p))))
        }
    } else if let Some(f) = year_tail(&t, Yt::Fest) {
        festival(text, end + f.start(), tend, limit, y)
    } else {
        lunar_value(year_tail(&t, Yt::Lm)?.as_str(), year_tail(&t, Yt::Ld)?.as_str(), y).map(|v| (tend, v))
    };
    match got {
        // a month or day that cannot exist sinks the whole date (2022年2月30日): the caller
        // sees it is impossible
        Some(g) => Some(g),
        None if short => None,
        None => Some((end, Value::Point(year))),
    }
}

/// After a month: a day or day range, a third of the month, its start or end.
pub(super) fn after_month(rest: &str, end: usize, month: Point, r: &Resolver) -> Option<(usize, Value)> {
    let month = r.fill_year(month);
    let t = MONTH_TAIL.captures(rest)?;
    let tend = end + t.get(0)?.end();
    let after = &rest[t.get(0)?.end()..];
    let (y, m) = (month.y, month.m?);
    if let Some(d) = month_tail(&t, Mt::D) {
        let d1 = num(d.as_str())?;
        let p = Point::day(y, Some(m), Some(d1));
        if let Some(d2) = month_tail(&t, Mt::D2).and_then(|x| num(x.as_str())) {
            let q = Point::day(y, Some(m), Some(d2));
            return (d2 > d1).then_some((tend, Value::Interval(p, q)));
        }
        // returned even when impossible, so that the caller drops the whole date
        return Some((tend, Value::Point(p)));
    }
    if let Some(x) = month_tail(&t, Mt::Xun) {
        let last = y.map_or(31, |y| calendar::days_in_month(y, m));
        let (a, b) = super::value_of(&XUN, x.as_str())?;
        let b = if b == 31 { last } else { b };
        let b = if y.is_none() && b == 31 { None } else { Some(b) };
        return Some((
            tend,
            Value::Interval(Point::day(y, Some(m), Some(a)), Point::day(y, Some(m), b)),
        ));
    }
    let part = month_tail(&t, Mt::Mp)?.as_str();
    (part != "初" || !begins_word_with_chu(after)).then_some((tend, Value::Point(month)))
}

/// A month with no year: not `个月`, not inside a number; a Chinese month only with a day
/// after it, a long name (十一月) or 份 (三月份), since 一月 is also "one month".
fn bare_month(text: &str, c: &Parts, start: usize, end: usize, limit: usize, r: &Resolver) -> Option<(usize, Value)> {
    let prev = prev_char(text, start);
    if prev.is_some_and(|p| p.is_ascii_digit() || BEFORE_MONTH_NO.contains(&p)) {
        return None;
    }
    let m1 = num(c.get(H::M)?.as_str())?;
    let rest = &text[end..limit];
    if let Some(m2) = c.get(H::M2).and_then(|x| num(x.as_str())) {
        let (a, b) = (r.fill_year(Point::month(None, m1)), r.fill_year(Point::month(None, m2)));
        let same_year = Point { y: a.y, ..b };
        return (m2 > m1 && m2 <= 12).then_some((end, Value::Interval(a, same_year)));
    }
    let p = r.fill_year(Point::month(None, m1));
    let read = after_month(rest, end, p, r);
    let arabic = c.get(H::M)?.as_str().starts_with(|ch: char| ch.is_ascii_digit());
    // 三月份 is a month, never "three months"
    let long = c.get(H::M)?.as_str().chars().count() >= 2 || text[..end].ends_with("月份");
    match read {
        Some(found) => Some(found),
        None if arabic || long => p.valid().then_some((end, Value::Point(p))),
        None => None,
    }
}

/// A bare `N日` is a date only in a dateline-like position (18日上午, 18日,); its month is the
/// last date's, or the publication month's (the one before when the day is still to come).
fn bare_day(text: &str, start: usize, end: usize, d: u32, r: &Resolver) -> Option<(usize, Value)> {
    let before_ok = !prev_char(text, start).is_some_and(|c| BEFORE_DAY_NO.contains(&c) || numeral_char(c));
    let after = &text[end..];
    if !before_ok || !DAY_CUES.iter().any(|w| after.starts_with(w)) || !(1..=31).contains(&d) {
        return None;
    }
    let from_last = r.last.filter(|p| p.prec >= Prec::Month && p.m.is_some());
    let p = match (from_last, r.anchor) {
        (Some(l), _) => Point::day(l.y, l.m, Some(d)),
        (None, Some(a)) if d <= a.d => Point::day(Some(a.y), Some(a.m), Some(d)),
        (None, Some(a)) => {
            let prev = Day { y: a.y, m: a.m, d: 1 }.add_days(-1);
            Point::day(Some(prev.y), Some(prev.m), Some(d))
        }
        (None, None) => Point::day(None, None, Some(d)),
    };
    p.valid().then_some((end, Value::Point(p)))
}

/// A quarter with no year (一季度): the publication year's.
pub(super) fn quarter(rest: &str, y: Option<i32>) -> Option<(usize, Value)> {
    let c = QUARTER.captures(rest)?;
    let q = num(c.get(1)?.as_str())?;
    Some((
        c.get(0)?.end(),
        Value::Interval(Point::month(y, 3 * q - 2), Point::month(y, 3 * q)),
    ))
}

/// A clock time with its part of the day and no date (下午3点): the day of the last date
/// written when that is a day, else the publication day; never a routine (每天早上8时).
fn time_alone(text: &str, start: usize, limit: usize, r: &Resolver) -> Option<(usize, Value)> {
    // the clause so far: 每天从早上8时到晚上10时 is a routine in both halves
    let clause = text[..start]
        .chars()
        .rev()
        .take(16)
        .take_while(|c| !",。;!?:".contains(*c));
    if clause.into_iter().any(|c| c == '每') {
        return None;
    }
    let super::clock::Reading::Time(t) = super::clock::read(&text[start..limit])? else {
        return None;
    };
    let day = match r.last.filter(|p| p.prec == Prec::Day) {
        Some(p) => Point { time: None, ..p },
        None => r.anchor.map_or(Point::day(None, None, None), Point::of),
    };
    let at = |c| Point { time: Some(c), ..day };
    let v = match (t.clock, t.until) {
        (Some(a), Some(b)) => Value::Interval(at(a), at(b)),
        (Some(a), None) => Value::Point(at(a)),
        _ => return None,
    };
    Some((start + t.len, v))
}
