//! Relative calendar words (SPEC §5): years, months, weeks, weekdays and days counted from
//! the publication date, and 同年/当天/次日 counted from the last date written before them.
//! Digits nobody can know are `X`: a guess would be a wrong date.

use crate::lang::calendar::{self, Day};
use super::{Point, Prec, Resolver, Value};

/// 今年, 去年, 同年…: the year, or `None` for a word this module does not know.
pub(super) fn year(word: &str, r: &Resolver) -> Option<Point> {
    let from_anchor = |k: i32| Point::year(r.anchor.map(|a| a.y + k));
    let from_last = |k: i32| Point::year(r.last.and_then(|p| p.y).map(|y| y + k));
    Some(match word {
        "今年" | "本年" => from_anchor(0),
        "去年" => from_anchor(-1),
        "前年" => from_anchor(-2),
        "大前年" => from_anchor(-3),
        "明年" => from_anchor(1),
        "后年" => from_anchor(2),
        "大后年" => from_anchor(3),
        "同年" | "当年" | "那年" | "那一年" => from_last(0),
        "次年" | "翌年" => from_last(1),
        _ => return None,
    })
}

fn month_from(a: Day, k: i32) -> Point {
    let idx = a.y * 12 + a.m as i32 - 1 + k;
    Point::month(Some(idx.div_euclid(12)), (idx.rem_euclid(12) + 1) as u32)
}

/// 本月, 上个月, 下月…: the month, with unknown digits when there is no anchor.
pub(super) fn month(word: &str, r: &Resolver) -> Point {
    let k = match word {
        "上上个月" => -2,
        "上个月" | "上月" => -1,
        "下个月" | "下月" => 1,
        _ => 0,
    };
    if word == "当月" {
        if let Some(p) = r.last.filter(|p| p.prec >= Prec::Month) {
            return Point {
                d: None,
                prec: Prec::Month,
                time: None,
                ..p
            };
        }
    }
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
    "一二三四五六日"
        .chars()
        .position(|x| x == c)
        .or((c == '天').then_some(6))
        .map(|i| i as i32)
}

fn unknown_day() -> Point {
    Point::day(None, None, None)
}

/// 本周, 上周, 下下周…: the week as a day interval; a weekday right after it (上周三) is that day.
pub(super) fn week(word: &str, rest: &str, end: usize, r: &Resolver) -> Option<(usize, Value)> {
    let k = if word.starts_with("上上") {
        -2
    } else if word.starts_with("下下") {
        2
    } else if word.starts_with('上') {
        -1
    } else if word.starts_with('下') {
        1
    } else {
        0
    };
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
    if prev.is_some_and(|p| "每逢个一二两三四五六七八九十几数上下本这".contains(p) || p.is_ascii_digit())
        || rest.starts_with(|c: char| "次天个年内末至到".contains(c))
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
    if word.starts_with('今') && rest.chars().take(8).collect::<String>().contains("客户端") || rest.starts_with("头条")
    {
        return None;
    }
    let from_anchor = |k: i32| r.anchor.map_or(unknown_day(), |a| Point::of(a.add_days(k)));
    let p = match word {
        "大前天" => from_anchor(-3),
        "前天" => from_anchor(-2),
        "昨天" | "昨日" | "昨晚" => from_anchor(-1),
        "今天" | "今日" | "今晚" | "今早" => from_anchor(0),
        "明天" | "明日" | "明晚" => from_anchor(1),
        "后天" => from_anchor(2),
        "大后天" => from_anchor(3),
        "昨" => {
            // a bare 昨 is yesterday only before a verb-like character, not inside a word
            if !rest.starts_with(|c: char| c > '\u{2E80}') || rest.starts_with(['夜', '年', '是']) {
                return None;
            }
            from_anchor(-1)
        }
        "当天" | "当日" | "当晚" => from_last(r, 0),
        _ => from_last(r, 1),
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
