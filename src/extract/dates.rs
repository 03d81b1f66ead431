//! Dates (SPEC §5): absolute, partial, ranges, open ranges, relative calendar words, parts of
//! periods, festivals and lunar dates, times of day, resolved against the publication date (or
//! the caller's reference date) and written as ISO 8601 / EDTF.
//!
//! A sentence is scanned once: [`patterns::HEAD`] finds where an expression starts, [`read`]
//! reads it and what it governs (a month after a year, a day after a month), and [`span`]
//! widens it by the words around it (a clock time, a weekday, a range's second half, 自/以来).

use super::cues::{Cue, Cues};
use crate::lang::calendar::{self, Day};
use crate::text::{Document, Span};

mod clock;
mod festivals;
mod groups;
mod lunar;
mod patterns;
mod read;
mod relative;
mod span;

use clock::Clock;

/// A date found in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFound {
    /// Where it is.
    pub span: Span,
    /// ISO 8601 / EDTF value.
    pub value: String,
    /// The rule that found it.
    pub rule: super::Rule,
}

/// How much of a calendar point is written: the value shows exactly that much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    Year,
    Month,
    Day,
}

/// A calendar point at a precision; a field it covers but nobody knows is written `X`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    prec: Prec,
    time: Option<Clock>,
}

impl Point {
    fn year(y: Option<i32>) -> Point {
        Point {
            y,
            m: None,
            d: None,
            prec: Prec::Year,
            time: None,
        }
    }

    fn month(y: Option<i32>, m: u32) -> Point {
        Point {
            y,
            m: Some(m),
            d: None,
            prec: Prec::Month,
            time: None,
        }
    }

    fn day(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Point {
        Point {
            y,
            m,
            d,
            prec: Prec::Day,
            time: None,
        }
    }

    fn of(day: Day) -> Point {
        Point::day(Some(day.y), Some(day.m), Some(day.d))
    }

    fn format(&self) -> String {
        let mut s = String::with_capacity(16);
        self.write(&mut s);
        s
    }

    /// Append the value to `s`: one string for the whole value, where a `format!` per field
    /// would allocate each.
    fn write(&self, s: &mut String) {
        match self.y {
            Some(y) => pad(s, i64::from(y), 4),
            None => s.push_str("XXXX"),
        }
        let mut field = |v: Option<u32>| match v {
            Some(v) => {
                s.push('-');
                pad(s, i64::from(v), 2);
            }
            None => s.push_str("-XX"),
        };
        if self.prec >= Prec::Month {
            field(self.m);
        }
        if self.prec == Prec::Day {
            field(self.d);
            if let Some(t) = self.time {
                s.push_str(&t.format());
            }
        }
    }

    /// Whether the known fields make a real date (a day needs its month to be checked).
    fn valid(&self) -> bool {
        let year_ok = self.y.is_none_or(|y| (1000..=2200).contains(&y));
        let month_ok = self.m.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (self.m, self.d) {
            (Some(m), Some(d)) => calendar::is_valid(self.y.unwrap_or(2000), m, d),
            (None, Some(d)) => (1..=31).contains(&d),
            _ => true,
        };
        year_ok && month_ok && day_ok && (self.prec != Prec::Day || self.m.is_some() || self.y.is_none())
    }

    /// The last day of the period (截至9月底 is the month's last day).
    fn last_day(self) -> Point {
        match (self.prec, self.y, self.m) {
            (Prec::Year, Some(y), _) => Point::day(Some(y), Some(12), Some(31)),
            (Prec::Month, Some(y), Some(m)) => Point::day(Some(y), Some(m), Some(calendar::days_in_month(y, m))),
            _ => self,
        }
    }
}

/// What an expression means.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Point(Point),
    /// A closed interval (a range, a week, a quarter, a third of a month).
    Interval(Point, Point),
    /// An EDTF value with no point form (a season, a decade), and the point it leaves for
    /// 同年 and the like.
    Code(String, Option<Point>),
}

impl Value {
    fn format(&self) -> String {
        match self {
            Value::Point(p) => p.format(),
            Value::Interval(a, b) => {
                let mut s = String::with_capacity(32);
                a.write(&mut s);
                s.push('/');
                b.write(&mut s);
                s
            }
            Value::Code(s, _) => s.clone(),
        }
    }

    /// The point later anaphora (同年, 次日) refer to.
    fn last(&self) -> Option<Point> {
        match self {
            Value::Point(p) | Value::Interval(_, p) => Some(*p),
            Value::Code(_, p) => *p,
        }
    }
}

/// `v` zero-padded to `width` digits, as `format!("{v:0width$}")` writes it.
fn pad(s: &mut String, v: i64, width: usize) {
    use std::fmt::Write;
    if (0..100).contains(&v) && width == 2 || (0..10_000).contains(&v) && width == 4 {
        let digits = [v / 1000 % 10, v / 100 % 10, v / 10 % 10, v % 10];
        s.extend(digits[4 - width..].iter().map(|&d| char::from(b'0' + d as u8)));
    } else {
        // out of the usual ranges: the formatter's own padding (a sign, more digits)
        let _ = write!(s, "{v:0width$}");
    }
}

/// Resolution context: the publication (or reference) day and the last date seen.
struct Resolver {
    anchor: Option<Day>,
    last: Option<Point>,
}

impl Resolver {
    /// A partial date's year from the anchor: a month after the anchor's month is last year's.
    fn fill_year(&self, mut p: Point) -> Point {
        if p.y.is_none() {
            if let Some(a) = self.anchor {
                p.y = Some(if p.m.is_some_and(|m| m > a.m) { a.y - 1 } else { a.y });
            }
        }
        p
    }
}

/// The entries of one kind of `date_words.txt` (`kind:word`), in the file's order.
pub(super) fn words(kind: &str) -> Vec<&'static str> {
    crate::data::kind_entries(include_str!("../data/date_words.txt"), kind).collect()
}

/// A list of characters of `date_words.txt`: the first character of each entry.
pub(super) fn chars(kind: &str) -> Vec<char> {
    words(kind).iter().filter_map(|w| w.chars().next()).collect()
}

/// The `word=value` entries of one kind, with their values read.
pub(super) fn valued<T: std::str::FromStr>(kind: &str) -> Vec<(&'static str, T)> {
    words(kind)
        .into_iter()
        .filter_map(|w| w.split_once('=').and_then(|(w, v)| Some((w, v.parse().ok()?))))
        .collect()
}

/// The value of `word` in a table of [`valued`] entries.
pub(super) fn value_of<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// Characters besides the shared date marks that may make up a date with none of them: the
/// last character of each festival name except the common ones (`common_festival_end:` in
/// `date_words.txt`) and the `mark:` characters there.
pub(crate) fn own_marks() -> Vec<char> {
    let common = chars("common_festival_end");
    let mut v: Vec<char> = festivals::names()
        .iter()
        .filter_map(|n| n.chars().last())
        .filter(|c| !common.contains(c))
        .collect();
    v.extend(chars("mark"));
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether a sentence may hold a date: the cue scan found a date mark in it (the shared
/// marks and this module's own, see [`own_marks`]).
fn may_hold_date(cues: &Cues, sent: Span) -> bool {
    !cues.within(Cue::DateMark, sent).is_empty()
}

/// A page that opens with a full date carries its publication date there; it anchors
/// relative dates when the layout found no meta line.
fn leading_date(text: &str) -> Option<Day> {
    const LEAD: usize = 64;
    let mut cut = LEAD.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let found = patterns::HEAD.find(head)?;
    let m = groups::Parts::of(head, found)?;
    let g = m.get(groups::H::Iso).or(m.get(groups::H::Dot))?;
    let only_space_before = head[..g.start()]
        .trim()
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ':');
    only_space_before.then(|| read::iso_day(g.as_str())).flatten()
}

/// The sentences to read. A one-line input with no sentence left after the layout (a bare
/// `今天`: too short for a title, and a short last line without an end mark is dropped as page
/// furniture) is an expression on its own, read whole.
fn sentences(doc: &Document) -> (Vec<Span>, Source) {
    let text = doc.text();
    let t = text.trim();
    if doc.sentences.is_empty() && !t.is_empty() && !t.contains('\n') {
        let start = text.len() - text.trim_start().len();
        return (vec![Span::new(start, start + t.len())], Source::WholeLine);
    }
    (doc.sentences.clone(), Source::Layout)
}

/// Where the sentences came from: the cues cover the layout's sentences only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Layout,
    WholeLine,
}

/// Find every date in the article's sentences.
pub fn extract(doc: &Document, cues: &Cues, anchor: Option<Day>, out: &mut Vec<DateFound>) {
    let text = doc.text();
    let anchor = anchor.or_else(|| leading_date(text));
    let mut r = Resolver { anchor, last: None };
    let (sents, source) = sentences(doc);
    for sent in sents {
        if source == Source::Layout && !may_hold_date(cues, sent) {
            continue;
        }
        let mut pos = sent.start;
        while let Some(found) = patterns::HEAD.find_at(&text[..sent.end], pos) {
            pos = found.end().max(pos + 1);
            match span::date_at(text, sent, found, &mut r) {
                span::Outcome::Found(date) => {
                    pos = pos.max(date.span.end);
                    out.push(date);
                }
                span::Outcome::Impossible(end) => pos = pos.max(end),
                span::Outcome::Nothing => {}
            }
        }
    }
}

#[cfg(test)]
mod tests;
