//! Relative calendar words (SPEC §5): years, months, weeks, weekdays and days counted from
//! the publication date, and 同年/当天/次日 counted from the last date written before them.
//! Digits nobody can know are `X`: a guess would be a wrong date.

use std::sync::LazyLock;

use super::{Point, Prec, Resolver, Value};
use crate::lang::calendar::{self, Day};

/// The relative tables of `date_words.txt`: word and offset.
type Table = LazyLock<Vec<(&'static str, i32)>>;

static YEARS: Table = LazyLock::new(|| super::valued("year"));
static YEARS_LAST: Table = LazyLock::new(|| super::valued("year_last"));
static MONTHS: Table = LazyLock::new(|| super::valued("month"));
static MONTHS_LAST: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words("month_last"));
static DAYS: Table = LazyLock::new(|| super::valued("day"));
static DAYS_LAST: Table = LazyLock::new(|| super::valued("day_last"));
static WEEKS: Table = LazyLock::new(|| super::valued("week"));
static WEEKDAYS: LazyLock<Vec<(char, i32)>> = LazyLock::new(|| {
    super::valued("weekday")
        .into_iter()
        .filter_map(|(w, i)| Some((w.chars().next()?, i)))
        .collect()
});
static BEFORE_WEEKDAY_NO: LazyLock<Vec<char>> = LazyLock::new(|| super::chars("before_weekday_no"));
static AFTER_WEEKDAY_NO: LazyLock<Vec<char>> = LazyLock::new(|| super::chars("after_weekday_no"));
static AFTER_LONE_YESTERDAY_NO: LazyLock<Vec<char>> = LazyLock::new(|| super::chars("after_lone_yesterday_no"));
static MEDIA: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words("medium"));
static MEDIA_START: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words("medium_start"));

/// The words of the head pattern's relative years, months and days (`ry`, `rm`, `rd`), longest
/// first, as a regex alternation.
pub(super) fn alternation(kind: &str) -> String {
    let mut words: Vec<&str> = match kind {
        "year" => YEARS.iter().chain(YEARS_LAST.iter()).map(|(w, _)| *w).collect(),
        "month" => MONTHS
            .iter()
            .map(|(w, _)| *w)
            .chain(MONTHS_LAST.iter().copied())
            .collect(),
        _ => DAYS.iter().chain(DAYS_LAST.iter()).map(|(w, _)| *w).collect(),
    };
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// 今年, 去年, 同年…: the year, or `None` for a word this module does not know.
pub(super) fn year(word: &str, r: &Resolver) -> Option<Point> {
    if let Some(k) = super::value_of(&YEARS, word) {
        return Some(Point::year(r.anchor.map(|a| a.y + k)));
    }
    let k = super::value_of(&YEARS_LAST, word)?;
    Some(Point::year(r.last.and_then(|p| p.y).map(|y| y + k)))
}

fn month_from(a: Day, k: i32) -> Point {
    let idx = a.y * 12 + a.m as i32 - 1 + k;
    Point::month(Some(idx.div_euclid(12)), (idx.rem_euclid(12) + 1) as u32)
}

/// 本月, 上个月, 下月…: the month, with unknown digits when there is no anchor.
pub(super) fn month(word: &str, r: &Resolver) -> Point {
    if MONTHS_LAST.contains(&word) {
        if let Some(p) = r.last.filter(|p| p.prec >= Prec::Month) {
            return Point {
                d: None,
                prec: Prec::Month,
                time: None,
                ..p
            };
        }
    }
    month_by(super::value_of(&MONTHS, word).unwrap_or(0), r)
}

/// The month `k` months from the publication month, with unknown digits when there is none.
pub(super) fn month_by(k: i32, r: &Resolver) -> Point {
    r.anchor.map_or(
        Point {
            m: None,
            ..Point::month(None, 1)
        },
        |a| month_from(a, k),
    )
}

/// The Monday of the anchor's week moved by `k` weeks.
fn monday(a: Day, k: i32) -> Day {
    a.add_days(-(calendar::weekday(a.y, a.m, a.d) as i32) + 7 * k)
}

/// The weekday named by its last character, 0 = Monday.
fn weekday_index(c: char) -> Option<i32> {
    WEEKDAYS.iter().find(|(x, _)| *x == c).map(|&(_, i)| i)
}

fn unknown_day() -> Point {
    Point::day(None, None, None)
}

/// 本周, 上周, 下下周…: the week as a day interval; a weekday right after it (上周三) is that day.
pub(super) fn week(word: &str, rest: &str, end: usize, r: &Resolver) -> Option<(usize, Value)> {
    let k = WEEKS.iter().find(|(w, _)| word.starts_with(w)).map_or(0, |&(_, k)| k);
    let day = rest.chars().next().and_then(weekday_index);
    let Some(a) = r.anchor else {
        return Some(match day {
            Some(_) => (end + rest.chars().next()?.len_utf8(), Value::Point(unknown_day())),
            None => (end, Value::Interval(unknown_day(), unknown_day())),
        });
    };
    let mon = monday(a, k);
    Some(match day {
        Some(i) => (
            end + rest.chars().next()?.len_utf8(),
            Value::Point(Point::of(mon.add_days(i))),
        ),
        None => (end, Value::Interval(Point::of(mon), Point::of(mon.add_days(6)))),
    })
}

/// 周三, 星期三: that day of the publication date's week; never a frequency (一周三次).
pub(super) fn weekday(word: &str, prev: Option<char>, rest: &str, end: usize, r: &Resolver) -> Option<(usize, Value)> {
    if prev.is_some_and(|p| BEFORE_WEEKDAY_NO.contains(&p) || p.is_ascii_digit())
        || rest.starts_with(|c: char| AFTER_WEEKDAY_NO.contains(&c))
    {
        return None;
    }
    let i = weekday_index(word.chars().last()?)?;
    let p = r.anchor.map_or(unknown_day(), |a| Point::of(monday(a, 0).add_days(i)));
    Some((end, Value::Point(p)))
}

/// The day a word names: from the anchor (今天, 昨天…) or from the last date (当天, 次日…).
pub(super) fn day(word: &str, rest: &str, end: usize, r: &Resolver) -> Option<(usize, Value)> {
    if let Some(n) = word.strip_prefix("今(").and_then(|w| w.strip_suffix(")日")) {
        return today_numbered(n.parse().ok()?, end, r);
    }
    // 今日头条, 今日XX客户端: a medium's name, not a day
    let near = rest.char_indices().nth(8).map_or(rest, |(i, _)| &rest[..i]);
    if word.starts_with('今') && MEDIA.iter().any(|m| near.contains(m))
        || MEDIA_START.iter().any(|m| rest.starts_with(m))
    {
        return None;
    }
    let from_anchor = |k: i32| r.anchor.map_or(unknown_day(), |a| Point::of(a.add_days(k)));
    let p = if let Some(k) = super::value_of(&DAYS, word) {
        from_anchor(k)
    } else if let Some(k) = super::value_of(&DAYS_LAST, word) {
        from_last(r, k)
    } else {
        // a bare 昨 is yesterday only before a verb-like character, not inside a word
        if !rest.starts_with(|c: char| c > '\u{2E80}') || rest.starts_with(AFTER_LONE_YESTERDAY_NO.as_slice()) {
            return None;
        }
        from_anchor(-1)
    };
    Some((end, Value::Point(p)))
}

/// 今(1)日: day N of the publication month (of the month before when N is still to come).
fn today_numbered(d: u32, end: usize, r: &Resolver) -> Option<(usize, Value)> {
    let Some(a) = r.anchor else {
        return Some((end, Value::Point(Point::day(None, None, Some(d)))));
    };
    let base = if d <= a.d {
        a
    } else {
        Day { y: a.y, m: a.m, d: 1 }.add_days(-1)
    };
    calendar::is_valid(base.y, base.m, d).then(|| (end, Value::Point(Point::day(Some(base.y), Some(base.m), Some(d)))))
}

/// The last date's day moved by `k`; a year nobody knows stays unknown (a day after 2月28日
/// with no year cannot be told).
fn from_last(r: &Resolver, k: i32) -> Point {
    let Some(p) = r.last.filter(|p| p.prec == Prec::Day) else {
        return unknown_day();
    };
    match (p.y, p.m, p.d) {
        (Some(y), Some(m), Some(d)) if calendar::is_valid(y, m, d) => Point::of(Day { y, m, d }.add_days(k)),
        (None, Some(m), Some(d)) if k == 0 => Point::day(None, Some(m), Some(d)),
        (None, Some(m), Some(d)) if k == 1 && d < calendar::days_in_month(2001, m) => {
            Point::day(None, Some(m), Some(d + 1))
        }
        _ => unknown_day(),
    }
}
