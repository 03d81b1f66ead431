//! What stands around a count's numeral: approximation markers before it (近, 超过, 不少于),
//! ranges (3至5天), signs (负5, -5), halves (两个半小时) and the checks that a unit counts.

use crate::lang::numeral::{self, Numeral, Script};
use super::{next_char, prev_char};
use crate::lang::numeral::Approx;
use crate::text::Span;

/// Markers before a number, with what they say. A marker that ends another one comes first
/// (不少于 before 少于, 年逾 before 逾).
const PREFIXES: &[(&str, Approx)] = &[
    ("不到", Approx::Under),
    ("不足", Approx::Under),
    ("接近", Approx::Under),
    ("将近", Approx::Under),
    ("不少于", Approx::Over),
    ("不低于", Approx::Over),
    ("少于", Approx::Under),
    ("低于", Approx::Under),
    ("近", Approx::Under),
    ("大约", Approx::About),
    ("约", Approx::About),
    ("超过", Approx::Over),
    ("超出", Approx::Over),
    ("多于", Approx::Over),
    ("高于", Approx::Over),
    ("至少", Approx::Over),
    ("突破", Approx::Over),
    ("年过", Approx::Over),
    ("年逾", Approx::Over),
    ("逾", Approx::Over),
    ("超", Approx::Over),
    ("上", Approx::About),
    ("连续", Approx::Exact),
];

/// The marker ending just before `p`, as (where it starts, what it says).
pub(super) fn prefix_before(text: &str, sent: Span, p: usize, num: &Numeral, s: &str) -> (usize, Option<Approx>) {
    let before = &text[sent.start..p];
    // most numerals have no marker: comparing the last byte first skips nearly every entry
    // without a string comparison
    let Some(&last) = before.as_bytes().last() else {
        return (p, None);
    };
    for &(w, a) in PREFIXES {
        if w.as_bytes().last() == Some(&last) && before.ends_with(w) {
            let at = p - w.len();
            let pre = prev_char(text, at);
            if w == "近" && pre.is_some_and(|c| "最附临靠将接".contains(c)) {
                continue;
            }
            if w == "上" && !(num.bare_scale || s.starts_with(['百', '千', '万'])) {
                continue;
            }
            if w == "超" && pre == Some('高') {
                continue;
            }
            return (at, Some(a));
        }
    }
    (p, None)
}

/// Characters joining the two ends of a range (3-5天, 3至5天, 三到五天).
const RANGE_JOINS: &[char] = &['-', '~', '～', '—', '–', '至', '到'];

/// A range's upper end right after a numeral ending at `q` (`至5` in 3至5天): the end of the
/// second numeral, when it is written as the first and is larger. A date's years (2019-2021年)
/// are left to the year check.
pub(super) fn range_end(text: &str, q: usize, limit: usize, num: &Numeral) -> Option<usize> {
    let rest = text.get(q..limit)?;
    let join = rest.chars().next().filter(|c| RANGE_JOINS.contains(c))?;
    let at = q + join.len_utf8();
    let second = numeral::parse(text.get(at..limit)?)?;
    let arabic = |n: &Numeral| n.script != Script::Chinese;
    if arabic(&second) != arabic(num) || second.value <= num.value || second.digit_string {
        return None;
    }
    Some(at + second.len)
}

/// Units a sign may stand before: measures that go below zero.
const SIGNED: &[&str] = &["度", "℃", "%", "个百分点", "百分点", "米"];

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

/// `两个半小时`, `一年半`: a unit with a half, as (bytes, unit).
pub(super) fn half_unit(s: &str) -> Option<(usize, &'static str)> {
    const HALVES: &[(&str, &str)] = &[
        ("个半小时", "小时"),
        ("个半月", "月"),
        ("年半", "年"),
        ("天半", "天"),
        ("岁半", "岁"),
        ("小时半", "小时"),
    ];
    HALVES
        .iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|(w, u)| (w.len(), *u))
}

/// `3个多小时`, `两个多月`: 个, a marker of more, and a unit of time, as (bytes, unit).
pub(super) fn unit_after_ge_more(s: &str) -> Option<(usize, &'static str)> {
    const AFTER: &[(&str, &str)] = &[
        ("小时", "小时"),
        ("钟头", "小时"),
        ("月", "月"),
        ("星期", "周"),
        ("百分点", "个百分点"),
    ];
    let rest = s.strip_prefix("个多").or_else(|| s.strip_prefix("个余"))?;
    AFTER
        .iter()
        .find(|(w, _)| rest.starts_with(w))
        .map(|(w, u)| (s.len() - rest.len() + w.len(), *u))
}

/// Administrative units (五省, 十三乡镇): counts unless in a slogan (两县一区, 三区三州), where
/// another numeral follows or comes before.
const PLACES: &[&str] = &["省", "市", "县", "乡", "镇", "乡镇", "村"];

/// Whether the unit at `at..end` counts the numeral at `p` (名 in 3名, not in 3名称).
pub(super) fn unit_allowed(text: &str, p: usize, at: usize, end: usize, unit: &str, num: &Numeral) -> bool {
    let after = next_char(text, end);
    let after_is = |set: &str| after.is_some_and(|c| set.contains(c));
    if unit.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return !after.is_some_and(|c| c.is_ascii_alphanumeric());
    }
    if PLACES.contains(&unit) {
        let numeral_next = after.is_some_and(|c| c.is_ascii_digit() || numeral::is_chinese_numeral_char(c));
        let place_before = prev_char(text, p).is_some_and(|c| "省市县乡镇村区州地".contains(c));
        // 两市 is 两地's kind (SPEC §6); 八省市, 五省区 name a group
        let pair = matches!(&text[p..p + num.len], "两" | "二");
        return !numeral_next && !place_before && !pair && !after_is("级长委民场区省市县乡镇村州");
    }
    match unit {
        "人" => !after_is("民"),
        "所" => !after_is("有以谓在属得述说"),
        "年" => !after_is("级代度"),
        "名" => !text[at..].starts_with("名称"),
        // before the unit may stand 余 or 多: the numeral's own start says where 零下 would end
        "度" => {
            // a temperature takes a sign or a decimal; 两度获评, 三度进藏 count times (not 三度烧伤)
            let times = num.script == Script::Chinese && (2.0..=9.0).contains(&num.value);
            text[..p].ends_with(['下', '负', '-'])
                || text[p..p + num.len].contains(['.', '点'])
                || (times && after_is("获荣入赴进援当被出登夺问携来前走回参蝉连创踏重深再"))
        }
        "期" => !after_is("间望待限刊"),
        "周" => !after_is("边围末期"),
        "门" => !after_is("诊口户峡"),
        "部" => !after_is("门署分位长"),
        "处" => !after_is("理于在长"),
        "间" => !after_is("隔断歇距接或"),
        "本" => !after_is("地土院市县届次"),
        "支" => !after_is("持援部付出撑"),
        "条" => !after_is("件例"),
        "种" => !after_is("植子"),
        "床" => !after_is("边旁上"),
        "次" => !after_is("日"),
        // 十九届五中全会: a session of a congress, named
        "届" => !after.is_some_and(numeral::is_chinese_numeral_char),
        "台" => !after_is("河"),
        "米" => num.script != Script::Chinese || !after_is("饭粒"),
        _ => true,
    }
}

/// `六成` → 60 (%): one digit before 成, when 成 is not part of a word like 成为.
pub(super) fn cheng(text: &str, q: usize, num: &Numeral) -> Option<f64> {
    if !text[q..].starts_with('成') || num.value < 1.0 || num.value > 10.0 || num.value.fract() != 0.0 {
        return None;
    }
    let after = next_char(text, q + '成'.len_utf8());
    if after.is_some_and(|c| "功立果员本就长绩熟交效都年型份品人".contains(c)) {
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
