//! Lunar (农历) dates to Gregorian days, from the table in `src/data/lunar.txt` (1900–2100).
//! A table rather than an astronomical computation: the official calendar is itself a table,
//! and its borderline new moons are settled there once.

use std::sync::LazyLock;

use crate::lang::calendar::Day;

/// One lunar year: its first day, its leap month (0 = none) and its months' lengths in order.
struct LunarYear {
    first: Day,
    leap: u32,
    lengths: Vec<u32>,
}

const FIRST_YEAR: i32 = 1900;

static TABLE: LazyLock<Vec<LunarYear>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/lunar.txt"))
        .filter_map(parse_line)
        .collect()
});

fn parse_line(line: &str) -> Option<LunarYear> {
    let mut f = line.split_whitespace();
    let y: i32 = f.next()?.parse().ok()?;
    let (m, d) = f.next()?.split_once('-')?;
    let first = Day {
        y,
        m: m.parse().ok()?,
        d: d.parse().ok()?,
    };
    let leap = f.next()?.parse().ok()?;
    let lengths = f.map(|x| x.parse().ok()).collect::<Option<Vec<u32>>>()?;
    Some(LunarYear { first, leap, lengths })
}

/// A lunar month: its number and whether it is the leap month of that number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Month {
    /// The ordinary month.
    Plain(u32),
    /// The leap month following it (闰).
    Leap(u32),
}

/// Which day of the month: a number, or the month's last day (除夕 is the last of 腊月,
/// whether that month has 29 days or 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LunarDay {
    /// 初一 … 三十.
    Nth(u32),
    /// 月末.
    Last,
}

/// The Gregorian day of a lunar date of lunar year `year`, when the table covers it and the
/// month has that day.
pub(crate) fn to_gregorian(year: i32, month: Month, day: LunarDay) -> Option<Day> {
    let idx = usize::try_from(year.checked_sub(FIRST_YEAR)?).ok()?;
    let ly = TABLE.get(idx)?;
    let (m, leap) = match month {
        Month::Plain(m) => (m, false),
        Month::Leap(m) => (m, true),
    };
    if !(1..=12).contains(&m) || (leap && ly.leap != m) {
        return None;
    }
    // months before this one, the leap month counting once it has passed
    let pos = (m - 1) as usize + usize::from(ly.leap != 0 && (m > ly.leap || leap));
    let len = *ly.lengths.get(pos)?;
    let d = match day {
        LunarDay::Nth(d) if (1..=len).contains(&d) => d,
        LunarDay::Nth(_) => return None,
        LunarDay::Last => len,
    };
    let before: u32 = ly.lengths[..pos].iter().sum();
    Some(ly.first.add_days((before + d - 1) as i32))
}

/// The lunar date that falls in Gregorian year `year`: a festival "of 2024" is the one
/// celebrated during 2024, so 腊八 or 除夕 of 2024 belong to the lunar year before.
pub(crate) fn in_gregorian_year(year: i32, month: Month, day: LunarDay) -> Option<Day> {
    [year, year - 1]
        .into_iter()
        .filter_map(|ly| to_gregorian(ly, month, day))
        .find(|d| d.y == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> String {
        in_gregorian_year(y, Month::Plain(m), LunarDay::Nth(d)).map_or("-".into(), Day::iso)
    }

    #[test]
    fn known_festivals() {
        assert_eq!(TABLE.len(), 201);
        assert_eq!(g(2024, 1, 1), "2024-02-10");
        assert_eq!(g(2023, 8, 15), "2023-09-29");
        assert_eq!(g(2020, 1, 1), "2020-01-25");
        assert_eq!(g(2000, 1, 1), "2000-02-05");
        assert_eq!(g(2033, 1, 1), "2033-01-31");
        assert_eq!(g(2025, 5, 5), "2025-05-31");
        assert_eq!(g(2024, 12, 8), "2024-01-18");
        let eve = in_gregorian_year(2024, Month::Plain(12), LunarDay::Last).map(Day::iso);
        assert_eq!(eve.as_deref(), Some("2024-02-09"));
        // 2023 has a leap second month: 闰二月初一 is 2023-03-22, 三月初一 2023-04-20
        assert_eq!(
            to_gregorian(2023, Month::Leap(2), LunarDay::Nth(1))
                .map(Day::iso)
                .as_deref(),
            Some("2023-03-22")
        );
        assert_eq!(g(2023, 3, 1), "2023-04-20");
        assert_eq!(to_gregorian(2024, Month::Leap(2), LunarDay::Nth(1)), None);
        assert_eq!(g(1899, 1, 1), "-");
        assert_eq!(g(2024, 1, 31), "-");
    }

    #[test]
    fn every_year_is_consecutive() {
        for w in TABLE.windows(2) {
            let days: u32 = w[0].lengths.iter().sum();
            assert_eq!(w[0].first.add_days(days as i32), w[1].first);
            assert_eq!(w[0].lengths.len(), 12 + usize::from(w[0].leap != 0));
        }
    }
}
