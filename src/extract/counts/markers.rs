//! What stands around a count's numeral: approximation markers before it (近, 超过, 不少于),
//! ranges (3至5天), signs (负5, -5), halves (两个半小时) and the checks that a unit counts.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{chars, next_char, pairs, prev_char, words};
use crate::data;
use crate::lang::numeral::Approx;
use crate::lang::numeral::{self, Numeral, Script};
use crate::text::Span;

/// A word before a number: a marker (`over:`, `under:`, `about:`, `scale:`, `exact:` in
/// `count_words.txt`) or a word that only ends like one (`not:` 最近, 高超).
struct Marker {
    word: &'static str,
    /// What it says; none for a `not:` word.
    approx: Option<Approx>,
    /// A marker only before a scale word (上百, 上千, 上万).
    scale_only: bool,
}

/// The words before a number, longest first: a marker that ends another one is read first
/// (不少于 before 少于, 年逾 before 逾, 附近 before 近).
static MARKERS: LazyLock<Vec<Marker>> = LazyLock::new(|| {
    let kinds = [
        ("over", Some(Approx::Over), false),
        ("under", Some(Approx::Under), false),
        ("about", Some(Approx::About), false),
        ("scale", Some(Approx::About), true),
        ("exact", Some(Approx::Exact), false),
        ("not", None, false),
    ];
    let mut v: Vec<Marker> = kinds
        .into_iter()
        .flat_map(|(kind, approx, scale_only)| {
            words(kind).map(move |word| Marker {
                word,
                approx,
                scale_only,
            })
        })
        .collect();
    v.sort_by_key(|m| std::cmp::Reverse(m.word.len()));
    v
});

/// The marker ending just before `p`, as (where it starts, what it says).
pub(super) fn prefix_before(text: &str, sent: Span, p: usize, num: &Numeral, s: &str) -> (usize, Option<Approx>) {
    let before = &text[sent.start..p];
    // most numerals have no marker: comparing the last byte first skips nearly every entry
    // without a string comparison
    let Some(&last) = before.as_bytes().last() else {
        return (p, None);
    };
    for m in MARKERS.iter() {
        let w = m.word;
        if w.as_bytes().last() != Some(&last) {
            continue;
        }
        match m.approx {
            // a word that only ends like a marker may start before the sentence
            None if text[..p].ends_with(w) => return (p, None),
            Some(a) if before.ends_with(w) => {
                // 上 marks a scale word: 上百, 上千, 上万
                if m.scale_only && !(num.bare_scale || s.starts_with(['百', '千', '万'])) {
                    continue;
                }
                return (p - w.len(), Some(a));
            }
            _ => {}
        }
    }
    (p, None)
}

/// Characters joining the two ends of a range (3-5天, 3至5天, 三到五天): `range:`.
static RANGE_JOINS: LazyLock<String> = LazyLock::new(|| chars("range"));

/// A range's upper end right after a numeral ending at `q` (`至5` in 3至5天): the end of the
/// second numeral, when it is written as the first and is larger. A date's years (2019-2021年)
/// are left to the year check.
pub(super) fn range_end(text: &str, q: usize, limit: usize, num: &Numeral) -> Option<usize> {
    let rest = text.get(q..limit)?;
    let join = rest.chars().next().filter(|&c| RANGE_JOINS.contains(c))?;
    let at = q + join.len_utf8();
    let second = numeral::parse(text.get(at..limit)?)?;
    let arabic = |n: &Numeral| n.script != Script::Chinese;
    if arabic(&second) != arabic(num) || second.value <= num.value || second.digit_string {
        return None;
    }
    Some(at + second.len)
}

/// Units a sign may stand before: measures that go below zero (`signed:`).
static SIGNED: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("signed").collect());

/// The start of a minus sign right before `p` (负5, -5 after no letter or digit), for a
/// signed unit.
pub(super) fn sign_before(text: &str, sent: Span, p: usize, unit: &str) -> Option<usize> {
    if !SIGNED.contains(&unit) {
        return None;
    }
    let head = text.get(sent.start..p)?;
    if let Some(h) = head.strip_suffix('-') {
        let before = h.chars().next_back();
        return (!before.is_some_and(|c| c.is_ascii_alphanumeric() || "./-_:@#+~".contains(c))).then(|| p - 1);
    }
    if head.ends_with("零下") && unit != "%" {
        return Some(p - "零下".len());
    }
    head.ends_with('负').then(|| p - '负'.len_utf8())
}

/// Units with a half (`half:`).
static HALVES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| pairs("half").collect());

/// `两个半小时`, `一年半`: a unit with a half, as (bytes, unit).
pub(super) fn half_unit(s: &str) -> Option<(usize, &'static str)> {
    HALVES
        .iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|(w, u)| (w.len(), *u))
}

/// Units of time after 个多 and 个余 (`ge_more:`).
static GE_MORE: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| pairs("ge_more").collect());

/// `3个多小时`, `两个多月`: 个, a marker of more, and a unit of time, as (bytes, unit).
pub(super) fn unit_after_ge_more(s: &str) -> Option<(usize, &'static str)> {
    let rest = s.strip_prefix("个多").or_else(|| s.strip_prefix("个余"))?;
    GE_MORE
        .iter()
        .find(|(w, _)| rest.starts_with(w))
        .map(|(w, u)| (s.len() - rest.len() + w.len(), *u))
}

/// Administrative units (五省, 十三乡镇): counts unless in a slogan (两县一区, 三区三州), where
/// another numeral follows or comes before (`place:`), or a place character stands before
/// the numeral (`place_prev:`) or one making a word after the unit (`place_next:`).
static PLACES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("place").collect());
static PLACE_PREV: LazyLock<String> = LazyLock::new(|| chars("place_prev"));
static PLACE_NEXT: LazyLock<String> = LazyLock::new(|| chars("place_next"));

/// Characters after a unit that make it part of a word (所有, 名称), by unit, and whether only
/// after a numeral in Chinese characters (`after:` and `after_chinese:`).
static NOT_BEFORE: LazyLock<HashMap<&'static str, (&'static str, bool), data::Fnv>> = LazyLock::new(|| {
    let any = pairs("after").map(|(u, set)| (u, (set, false)));
    any.chain(pairs("after_chinese").map(|(u, set)| (u, (set, true))))
        .collect()
});

/// Characters after 两度 … 九度 that make it a count of times (`times:`).
static TIMES: LazyLock<String> = LazyLock::new(|| chars("times"));

/// Whether the unit at `at..end` counts the numeral at `p` (名 in 3名, not in 3名称).
pub(super) fn unit_allowed(text: &str, p: usize, end: usize, unit: &str, num: &Numeral) -> bool {
    let after = next_char(text, end);
    let after_is = |set: &str| after.is_some_and(|c| set.contains(c));
    if unit.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return !after.is_some_and(|c| c.is_ascii_alphanumeric());
    }
    if PLACES.contains(&unit) {
        let numeral_next = after.is_some_and(|c| c.is_ascii_digit() || numeral::is_chinese_numeral_char(c));
        let place_before = prev_char(text, p).is_some_and(|c| PLACE_PREV.contains(c));
        // 两市 is 两地's kind (SPEC §6); 八省市, 五省区 name a group
        let pair = matches!(&text[p..p + num.len], "两" | "二");
        return !numeral_next && !place_before && !pair && !after_is(&PLACE_NEXT);
    }
    match unit {
        // before the unit may stand 余 or 多: the numeral's own start says where 零下 would end
        "度" => {
            // a temperature takes a sign or a decimal; 两度获评, 三度进藏 count times (not 三度烧伤)
            let times = num.script == Script::Chinese && (2.0..=9.0).contains(&num.value);
            text[..p].ends_with(['下', '负', '-'])
                || text[p..p + num.len].contains(['.', '点'])
                || (times && after_is(&TIMES))
        }
        // 十九届五中全会: a session of a congress, named
        "届" => !after.is_some_and(numeral::is_chinese_numeral_char),
        _ => match NOT_BEFORE.get(unit) {
            Some(&(set, chinese_only)) => (chinese_only && num.script != Script::Chinese) || !after_is(set),
            None => true,
        },
    }
}

/// Words beginning with 成 (成功, 成立) after which 成 is no tenth (`cheng:`).
static CHENG_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("cheng").collect());

/// `六成` → 60 (%): one digit before 成, when 成 is not part of a word like 成为.
pub(super) fn cheng(text: &str, q: usize, num: &Numeral) -> Option<f64> {
    if !text[q..].starts_with('成') || num.value < 1.0 || num.value > 10.0 || num.value.fract() != 0.0 {
        return None;
    }
    if CHENG_WORDS.iter().any(|w| text[q..].starts_with(w)) {
        return None;
    }
    Some(num.value * 10.0)
}

/// `六旬` → 60 (岁): an age in decades.
pub(super) fn decades(text: &str, q: usize, num: &Numeral) -> Option<f64> {
    let ok = text[q..].starts_with('旬') && (1.0..=10.0).contains(&num.value) && num.value.fract() == 0.0;
    ok.then_some(num.value * 10.0)
}

/// `24分` after `2小时`: minutes as a fraction of the hour.
pub(super) fn minutes_after(s: &str) -> Option<(f64, usize)> {
    let n = numeral::parse(s)?;
    let rest = &s[n.len..];
    if rest.starts_with('分') && !rest.starts_with("分钟") && n.value < 60.0 {
        return Some((n.value / 60.0, n.len + '分'.len_utf8()));
    }
    None
}
