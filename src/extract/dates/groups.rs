//! The named groups of the date patterns, read by index. A look-up by name hashes the name
//! on every call (~140 instructions) and a head is asked about a dozen names; the indices are
//! found once. The commonest heads (2022年, 3月, 15日) are read without the capturing search
//! at all: their groups follow from the match alone.

use std::sync::LazyLock;

use regex::{Captures, Match, Regex};

use super::patterns::{HEAD, MONTH_TAIL, YEAR_TAIL};

/// A group's text and where it starts in the haystack.
#[derive(Debug, Clone, Copy)]
pub(super) struct Piece<'h> {
    start: usize,
    text: &'h str,
}

impl<'h> Piece<'h> {
    pub(super) fn start(&self) -> usize {
        self.start
    }
    pub(super) fn as_str(&self) -> &'h str {
        self.text
    }
}

impl<'h> From<Match<'h>> for Piece<'h> {
    fn from(m: Match<'h>) -> Piece<'h> {
        Piece {
            start: m.start(),
            text: m.as_str(),
        }
    }
}

/// The groups of [`HEAD`], in the order of [`H_NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum H {
    Iso,
    Dot,
    Dec,
    Cent,
    Decn,
    Y,
    Ry,
    Rm,
    Rw,
    Wk,
    Rd,
    Fest,
    Tod,
    Yp0,
    Mp0,
    Qt,
    Lm,
    Ld,
    Lm2,
    Ld2,
    Lm3,
    Ld3,
    M,
    M2,
    D,
}

const H_NAMES: [&str; 25] = [
    "iso", "dot", "dec", "cent", "decn", "y", "ry", "rm", "rw", "wk", "rd", "fest", "tod", "yp0", "mp0", "qt", "lm",
    "ld", "lm2", "ld2", "lm3", "ld3", "m", "m2", "d",
];

/// The groups of [`YEAR_TAIL`], in the order of [`YT_NAMES`].
#[derive(Debug, Clone, Copy)]
pub(super) enum Yt {
    Fest,
    Season,
    Q,
    Half,
    Yp,
    Lastn,
    M,
    M2,
    Lm,
    Ld,
}

const YT_NAMES: [&str; 10] = ["fest", "season", "q", "half", "yp", "lastn", "m", "m2", "lm", "ld"];

/// The groups of [`MONTH_TAIL`], in the order of [`MT_NAMES`].
#[derive(Debug, Clone, Copy)]
pub(super) enum Mt {
    D,
    D2,
    Xun,
    Mp,
}

const MT_NAMES: [&str; 4] = ["d", "d2", "xun", "mp"];

/// Each name's group index in `re` (`usize::MAX`, never a group, for a name it lacks).
fn indices<const N: usize>(re: &Regex, names: [&str; N]) -> [usize; N] {
    names.map(|n| re.capture_names().position(|g| g == Some(n)).unwrap_or(usize::MAX))
}

static H_IX: LazyLock<[usize; 25]> = LazyLock::new(|| indices(&HEAD, H_NAMES));
static YT_IX: LazyLock<[usize; 10]> = LazyLock::new(|| indices(&YEAR_TAIL, YT_NAMES));
static MT_IX: LazyLock<[usize; 4]> = LazyLock::new(|| indices(&MONTH_TAIL, MT_NAMES));

/// A group of a [`YEAR_TAIL`] match.
pub(super) fn year_tail<'h>(c: &Captures<'h>, g: Yt) -> Option<Match<'h>> {
    c.get(YT_IX[g as usize])
}

/// A group of a [`MONTH_TAIL`] match.
pub(super) fn month_tail<'h>(c: &Captures<'h>, g: Mt) -> Option<Match<'h>> {
    c.get(MT_IX[g as usize])
}

/// The groups of a head match: from the capturing search, or the one group of a plain head.
pub(super) enum Parts<'h> {
    Captured(Captures<'h>),
    Plain(H, Piece<'h>),
}

impl<'h> Parts<'h> {
    /// The groups of the head `found`, a match of [`HEAD`] in `text`; `None` when the
    /// capturing search finds it elsewhere.
    pub(super) fn of(text: &'h str, found: Match<'h>) -> Option<Parts<'h>> {
        if let Some((g, len)) = plain(found.as_str()) {
            let start = found.start();
            return Some(Parts::Plain(
                g,
                Piece {
                    start,
                    text: &text[start..start + len],
                },
            ));
        }
        let c = HEAD.captures_at(&text[..found.end()], found.start())?;
        (c.get(0)?.start() == found.start()).then_some(Parts::Captured(c))
    }

    pub(super) fn get(&self, g: H) -> Option<Piece<'h>> {
        match self {
            Parts::Captured(c) => c.get(H_IX[g as usize]).map(Piece::from),
            Parts::Plain(k, p) => (*k == g).then_some(*p),
        }
    }
}

/// A head of Arabic digits and one mark, as the group the alternation gives it and the
/// digits' length: `2022年`/`22年` (`y`), `3月`/`12 月` (`m`), `15日`/`5号` (`d`). No earlier
/// alternative matches the whole of such a head (those need `-`, `.`, `/`, 年代, 世纪 or 季度),
/// and the alternation takes the first that does, so its groups are known without the search.
fn plain(m: &str) -> Option<(H, usize)> {
    let digits = m.bytes().take_while(u8::is_ascii_digit).count();
    let mark = m[digits..].strip_prefix(' ').unwrap_or(&m[digits..]);
    let d = m.as_bytes();
    match (digits, mark) {
        (2 | 4, "年") => Some((H::Y, digits)),
        // MONTH: 1[0-2] | 0?[1-9]
        (1, "月") if d[0] != b'0' => Some((H::M, 1)),
        (2, "月") if (d[0] == b'1' && d[1] <= b'2') || (d[0] == b'0' && d[1] != b'0') => Some((H::M, 2)),
        (1 | 2, "日" | "号") => Some((H::D, digits)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain heads get the groups the capturing search gives them.
    #[test]
    fn plain_heads_read_as_captured() {
        for s in [
            "2022年", "22年", "2022 年", "3月", "12月", "09月", "1 月", "15日", "5号", "05 日", "00日",
        ] {
            let found = HEAD.find(s).unwrap();
            assert_eq!(found.as_str(), s, "{s}");
            let Some((g, len)) = plain(s) else {
                panic!("{s} is plain")
            };
            let c = HEAD.captures(s).unwrap();
            for (k, &ix) in H_IX.iter().enumerate() {
                let want = c.get(ix).map(|m| (m.start(), m.end()));
                let got = (H_NAMES[k] == H_NAMES[g as usize]).then_some((0, len));
                assert_eq!(got, want, "{s} group {}", H_NAMES[k]);
            }
        }
        for s in ["2022-3-5", "80年代", "13月", "00月", "3-5月", "三月", "1季度", "123日"] {
            assert!(plain(s).is_none(), "{s}");
        }
        assert!(
            H_IX.iter()
                .chain(YT_IX.iter())
                .chain(MT_IX.iter())
                .all(|&i| i != usize::MAX)
        );
    }
}
