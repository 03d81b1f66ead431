//! Festivals (SPEC §5 clarifications): fixed Gregorian days, lunar days converted with the
//! lunar table, and "N-th weekday" days, read from `src/data/festivals.txt`.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lunar::{self, LunarDay, Month};
use crate::lang::calendar::{self, Day};

/// When a festival falls.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum When {
    /// The same Gregorian month and day every year.
    Solar(u32, u32),
    /// A lunar month and day.
    Lunar(u32, LunarDay),
    /// The n-th weekday (0 = Monday) of a month.
    Nth(u32, u32, u32),
    /// A solar term: its month and the rule's constants for the 1900s and the 2000s.
    Term(u32, f64, f64),
}

/// Whether a name may stand alone or needs a clean context (八一 in 八一路 is a street).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// An unambiguous name.
    Name,
    /// A numeric short name, found only away from name-like neighbours.
    Short,
}

/// A festival's day rule and how safe its name is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Festival {
    pub when: When,
    pub form: Form,
}

static FESTIVALS: LazyLock<HashMap<&'static str, Festival>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/festivals.txt"))
        .filter_map(parse_line)
        .collect()
});

fn parse_line(line: &'static str) -> Option<(&'static str, Festival)> {
    let mut f = line.split_whitespace();
    let name = f.next()?;
    let kind = f.next()?;
    let day = f.next()?;
    let form = if f.next() == Some("short") {
        Form::Short
    } else {
        Form::Name
    };
    let mut parts = day.split('-');
    let m: u32 = parts.next()?.parse().ok()?;
    let second = parts.next()?;
    let when = match kind {
        "solar" => When::Solar(m, second.parse().ok()?),
        "lunar" if second == "last" => When::Lunar(m, LunarDay::Last),
        "lunar" => When::Lunar(m, LunarDay::Nth(second.parse().ok()?)),
        "term" => When::Term(m, second.parse().ok()?, parts.next()?.parse().ok()?),
        "nth" => {
            let w: u32 = parts.next()?.parse().ok()?;
            When::Nth(m, second.parse().ok()?, w.checked_sub(1)?)
        }
        _ => return None,
    };
    Some((name, Festival { when, form }))
}

/// The festival names, longest first, for the date pattern's alternation.
pub(crate) fn names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = FESTIVALS.keys().copied().collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v
}

/// The festival called `name`.
pub(crate) fn get(name: &str) -> Option<Festival> {
    FESTIVALS.get(name).copied()
}

/// The festival's value in `year`; with no year, a fixed day keeps its month and day
/// (`XXXX-10-01`) and a movable one is `XXXX`.
pub(crate) fn value(f: Festival, year: Option<i32>) -> Option<String> {
    match (f.when, year) {
        (When::Solar(m, d), None) => Some(format!("XXXX-{m:02}-{d:02}")),
        (When::Solar(m, d), Some(y)) => calendar::is_valid(y, m, d).then(|| Day { y, m, d }.iso()),
        (_, None) => Some("XXXX".to_string()),
        (When::Lunar(m, d), Some(y)) => lunar::in_gregorian_year(y, Month::Plain(m), d).map(Day::iso),
        (When::Nth(m, n, w), Some(y)) => nth_weekday(y, m, n, w).map(Day::iso),
        (When::Term(m, c19, c20), Some(y)) => solar_term(y, m, c19, c20).map(Day::iso),
    }
}

/// A solar term's day by the usual rule (valid 1901–2099; none outside).
fn solar_term(y: i32, m: u32, c19: f64, c20: f64) -> Option<Day> {
    let c = match y {
        1901..=1999 => c19,
        2000..=2099 => c20,
        _ => return None,
    };
    let yy = y % 100;
    let leap_days = if m <= 2 { (yy - 1).div_euclid(4) } else { yy / 4 };
    let d = (f64::from(yy) * 0.2422 + c).floor() as i32 - leap_days;
    let d = u32::try_from(d).ok()?;
    calendar::is_valid(y, m, d).then_some(Day { y, m, d })
}

/// The n-th weekday `w` (0 = Monday) of month `m`.
fn nth_weekday(y: i32, m: u32, n: u32, w: u32) -> Option<Day> {
    if !(1..=12).contains(&m) || n == 0 {
        return None;
    }
    let first = calendar::weekday(y, m, 1);
    let d = 1 + (w + 7 - first) % 7 + 7 * (n - 1);
    calendar::is_valid(y, m, d).then_some(Day { y, m, d })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(name: &str, y: Option<i32>) -> String {
        get(name).and_then(|f| value(f, y)).unwrap_or_default()
    }

    #[test]
    fn festival_days() {
        assert_eq!(v("国庆", Some(2024)), "2024-10-01");
        assert_eq!(v("中国医师节", None), "XXXX-08-19");
        assert_eq!(v("春节", Some(2024)), "2024-02-10");
        assert_eq!(v("中秋节", Some(2023)), "2023-09-29");
        assert_eq!(v("端午", Some(2025)), "2025-05-31");
        assert_eq!(v("除夕", Some(2024)), "2024-02-09");
        assert_eq!(v("春节", None), "XXXX");
        assert_eq!(v("母亲节", Some(2024)), "2024-05-12");
        assert_eq!(v("清明节", Some(2024)), "2024-04-04");
        assert_eq!(v("清明", Some(2023)), "2023-04-05");
        assert_eq!(v("清明", Some(1990)), "1990-04-05");
        assert_eq!(v("清明", None), "XXXX");
        assert_eq!(v("感恩节", Some(2023)), "2023-11-23");
        assert!(get("八一").is_some_and(|f| f.form == Form::Short));
        assert!(names().first().is_some_and(|n| n.chars().count() >= 5));
    }
}
