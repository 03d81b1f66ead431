//! Calendar arithmetic: enough of it for validating and resolving dates, without a crate.

/// Whether `y` is a leap year in the Gregorian calendar.
pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1–12) of year `y`; 0 for an invalid month.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether `y-m-d` is a real calendar day.
pub fn is_valid(y: i32, m: u32, d: u32) -> bool {
    d >= 1 && d <= days_in_month(y, m)
}

/// Day of the week, 0 = Monday (Sakamoto's method).
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d as i32) % 7; // 0 = Sunday
    ((w + 6) % 7) as u32
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// Year.
    pub y: i32,
    /// Month, 1–12.
    pub m: u32,
    /// Day, 1–31.
    pub d: u32,
}

impl Day {
    /// `days` later (or earlier, when negative), in constant time.
    pub fn add_days(self, days: i32) -> Day {
        Day::from_days(self.to_days() + i64::from(days))
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Hinnant's `days_from_civil`), so that
    /// date arithmetic never walks day by day.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01 (Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Day { y, m, d }
    }

    /// ISO 8601 `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// Parse `YYYY-MM-DD` (a time part after `T` or a space is ignored).
    pub fn parse(s: &str) -> Option<Day> {
        let date = s.split(['T', ' ']).next()?;
        let mut it = date.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        is_valid(y, m, d).then_some(Day { y, m, d })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_days() {
        assert!(is_valid(2024, 2, 29));
        assert!(!is_valid(2023, 2, 29));
        assert!(!is_valid(1900, 2, 29));
        assert!(is_valid(2000, 2, 29));
        assert!(!is_valid(2022, 2, 30));
        assert!(!is_valid(2022, 4, 31));
        assert!(!is_valid(2022, 13, 1));
    }

    #[test]
    fn weekdays_and_arithmetic() {
        assert_eq!(weekday(2013, 10, 16), 2); // a Wednesday
        assert_eq!(weekday(2024, 12, 10), 1); // a Tuesday
        let d = Day { y: 2024, m: 2, d: 28 };
        assert_eq!(d.add_days(2).iso(), "2024-03-01");
        assert_eq!(Day { y: 2025, m: 1, d: 1 }.add_days(-1).iso(), "2024-12-31");
        assert_eq!(Day::parse("2022-06-20T19:05:44"), Some(Day { y: 2022, m: 6, d: 20 }));
        assert_eq!(Day::parse("2022-02-30"), None);
        assert_eq!(Day { y: 1970, m: 1, d: 1 }.to_days(), 0);
        assert_eq!(Day { y: 2000, m: 3, d: 1 }.add_days(-1).iso(), "2000-02-29");
        for n in [-800_000, -1, 0, 59, 10_957, 47_482, 100_000] {
            assert_eq!(Day::from_days(n).to_days(), n);
        }
    }
}
