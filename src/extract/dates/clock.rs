//! Times of day after a date (SPEC §5 clarifications): kept at the precision written, with the
//! part of the day (下午, 晚) turning a 12-hour clock into a 24-hour one. A part of the day
//! without a clock joins the span but not the value.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::CONNECT;

/// A clock time; seconds only when they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    pub h: u32,
    pub m: u32,
    pub s: Option<u32>,
}

impl Clock {
    pub(crate) fn format(self) -> String {
        match self.s {
            Some(s) => format!("T{:02}:{:02}:{s:02}", self.h, self.m),
            None => format!("T{:02}:{:02}", self.h, self.m),
        }
    }
}

/// The part of the day a 12-hour clock is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// Before noon, or no part written: the hour as written.
    Morning,
    /// Around noon: 1–3 o'clock are afternoon hours.
    Noon,
    /// Afternoon and evening: hours below 12 move by 12.
    Evening,
}

const NUM: &str = "(?:[0-9]{1,2}|[零〇两一二三四五六七八九十]{1,3})";

/// The parts of the day (`part:` in `date_words.txt`), longest first.
static PARTS: LazyLock<Vec<(&'static str, Part)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, Part)> = super::words("part")
        .into_iter()
        .filter_map(|w| {
            let (w, p) = w.split_once('=')?;
            let part = match p {
                "noon" => Part::Noon,
                "evening" => Part::Evening,
                _ => Part::Morning,
            };
            Some((w, part))
        })
        .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    v
});

/// Characters after a one-character part of the day (早, 晚) that make it part of a word.
static AFTER_LONE_PART_NO: LazyLock<Vec<char>> = LazyLock::new(|| super::chars("after_lone_part_no"));

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    let parts = PARTS
        .iter()
        .map(|(w, _)| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    let re = format!(
        r"(?x)^\ ?(?:T|\ ?GMT[+-][0-9]{{1,2}})?\ ?
        (?P<part>{parts})?\ ?
        (?:(?P<ampm>AM|PM|am|pm)\ ?)?
        (?:(?P<h>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?::(?P<s>[0-9]{{2}}))?
          |(?P<hc>{NUM})\ ?[时点](?:(?P<half>半)|(?P<mc>{NUM})\ ?分(?:(?P<sc>{NUM})\ ?秒)?)?)?"
    );
    Regex::new(&re).unwrap_or_else(|e| panic!("clock pattern: {e}"))
});

static CONNECTOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{CONNECT}")).unwrap_or_else(|e| panic!("connector: {e}")));

/// What was read after a date: its length in bytes and the clock, if one was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Read {
    pub len: usize,
    pub clock: Option<Clock>,
    /// The end of a time range (上午9点至11点).
    pub until: Option<Clock>,
}

fn number(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let s = s.replace('两', "二");
    let n = crate::lang::numeral::parse(&s)?;
    (n.len == s.len() && n.value >= 0.0).then_some(n.value as u32)
}

/// A clock-shaped reading: a time, or digits no clock shows (25:05).
pub(crate) enum Reading {
    Time(Read),
    Impossible,
}

/// What one part of the day and clock gave.
type One = Result<(usize, Option<Clock>, Part), ()>;

/// One part of the day and clock at the start of `rest`; `inherit` is the part of the day of
/// a range's start, which its end keeps unless it names its own. `Err` is an impossible time.
fn one(rest: &str, inherit: Part) -> Option<One> {
    let c = CLOCK.captures(rest)?;
    let part = match c.name("part").map(|p| p.as_str()) {
        None => match c.name("ampm").map(|a| a.as_str()) {
            Some("PM" | "pm") => Part::Evening,
            Some(_) => Part::Morning,
            None => inherit,
        },
        Some(p) => PARTS
            .iter()
            .find(|(w, _)| *w == p)
            .map_or(Part::Morning, |&(_, part)| part),
    };
    let (h, m, s) = if let Some(h) = c.name("h") {
        (
            number(h.as_str())?,
            number(c.name("mi")?.as_str())?,
            c.name("s").and_then(|s| number(s.as_str())),
        )
    } else if let Some(h) = c.name("hc") {
        let m = if c.name("half").is_some() {
            Some(30)
        } else {
            c.name("mc").and_then(|m| number(m.as_str()))
        };
        (
            number(h.as_str())?,
            m.unwrap_or(0),
            c.name("sc").and_then(|s| number(s.as_str())),
        )
    } else {
        let end = c.get(0).map_or(0, |m| m.end());
        return part_alone(&c, &rest[end..]).then_some(Ok((end, None, part)));
    };
    let h = match part {
        Part::Evening if (1..12).contains(&h) => h + 12,
        Part::Noon if (1..=3).contains(&h) => h + 12,
        _ => h,
    };
    if h > 23 || m > 59 || s.is_some_and(|s| s > 59) {
        return Some(Err(()));
    }
    Some(Ok((c.get(0).map_or(0, |m| m.end()), Some(Clock { h, m, s }), part)))
}

/// A part of the day with no clock joins the date unless it begins another word (晚会, 早餐).
fn part_alone(c: &regex::Captures, after: &str) -> bool {
    match c.name("part").map(|p| p.as_str()) {
        None => false,
        Some(p) if p.chars().nth(1).is_none() => !after.starts_with(AFTER_LONE_PART_NO.as_slice()),
        Some(_) => true,
    }
}

/// The time of day at the start of `rest`, with the end of a time range when one follows.
pub(crate) fn read(rest: &str) -> Option<Reading> {
    read_in(rest, Part::Morning)
}

/// Like [`read`], for a day word that already names its part of the day (今晚 8点 is 20:00).
pub(crate) fn read_in(rest: &str, default: Part) -> Option<Reading> {
    let Ok((len, clock, part)) = one(rest, default)? else {
        return Some(Reading::Impossible);
    };
    let mut read = Read {
        len,
        clock,
        until: None,
    };
    if clock.is_some() {
        if let Some(conn) = CONNECTOR.find(&rest[len..]) {
            if let Some(Ok((l2, Some(end), _))) = one(&rest[len + conn.end()..], part) {
                read.len += conn.end() + l2;
                read.until = Some(end);
            }
        }
    }
    Some(Reading::Time(read))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> (usize, String, String) {
        let r = match read(s) {
            Some(Reading::Time(r)) => r,
            _ => Read {
                len: 0,
                clock: None,
                until: None,
            },
        };
        let f = |c: Option<Clock>| c.map_or(String::new(), Clock::format);
        (s[..r.len].chars().count(), f(r.clock), f(r.until))
    }

    #[test]
    fn clock_times() {
        assert_eq!(t("凌晨4时,"), (4, "T04:00".into(), String::new()));
        assert_eq!(t(" 10:54 来源"), (6, "T10:54".into(), String::new()));
        assert_eq!(t(" 19:05:44"), (9, "T19:05:44".into(), String::new()));
        assert_eq!(t("下午3点开会"), (4, "T15:00".into(), String::new()));
        assert_eq!(t("晚8时"), (3, "T20:00".into(), String::new()));
        assert_eq!(t("上午9点至11点"), (8, "T09:00".into(), "T11:00".into()));
        assert_eq!(t("上午八时至下午二时三十分"), (12, "T08:00".into(), "T14:30".into()));
        assert_eq!(t("下午2点半"), (5, "T14:30".into(), String::new()));
        assert_eq!(t("中午12时"), (5, "T12:00".into(), String::new()));
        assert_eq!(t(" GMT+8 AM 11:04"), (15, "T11:04".into(), String::new()));
        assert_eq!(t("上午,"), (2, String::new(), String::new()));
        assert_eq!(t("25点"), (0, String::new(), String::new()));
        let late = match read_in("8点", Part::Evening) {
            Some(Reading::Time(r)) => r.clock.map(Clock::format),
            _ => None,
        };
        assert_eq!(late.as_deref(), Some("T20:00"));
        assert_eq!(t("晚会上"), (0, String::new(), String::new()));
        assert_eq!(t("医院"), (0, String::new(), String::new()));
    }
}
