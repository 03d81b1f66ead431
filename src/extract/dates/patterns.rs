//! The date patterns. One alternation finds where an expression starts (its head); short
//! patterns anchored at the head's end read what may follow (a month after a year, a day or a
//! part of a month after a month, a clock time, a range's second half). Each piece is read once
//! where it stands, so a sentence is scanned in one pass.

use std::sync::LazyLock;

use regex::Regex;

use super::{festivals, relative};

/// A Gregorian month number, Arabic or Chinese.
pub(super) const MONTH: &str = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
/// A day of the month, Arabic or Chinese.
pub(super) const DAY: &str =
    r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
/// Range connectors between two dates or times.
pub(super) const CONNECT: &str = r"(?:至|到|——|—|–|-|~|－)";
/// A lunar month number (闰 marks the leap month).
const LMONTH: &str = "闰?(?:正|腊|冬|十[一二]|[一二三四五六七八九十])";
/// A lunar day: 初一 … 初十, 十一 … 二十九, 廿一 …, 三十.
const LDAY: &str =
    "(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|十[一二三四五六七八九]|三十)";
/// Chinese digits written one by one, as years are.
const DIGIT: &str = "[〇零○一二三四五六七八九]";

fn build(re: &str) -> Regex {
    // the patterns are constants: a failure is caught by the first test that runs them
    Regex::new(re).unwrap_or_else(|e| panic!("date pattern: {e}"))
}

/// Where an expression starts.
pub(super) static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let fest = festivals::names().join("|");
    let (ry, rm) = (relative::alternation("year"), relative::alternation("month"));
    let rd = relative::alternation("day");
    build(&format!(
        r"(?x)
        (?P<iso>[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}})
        |(?P<dot>[0-9]{{4}}[./][0-9]{{1,2}}[./][0-9]{{1,2}})
        |(?P<dec>(?:(?P<cent>19|20|二十|十九)\ ?世纪)?(?P<decn>[1-9]0|[一二三四五六七八九]十)\ ?年代)
        |(?P<y>[0-9]{{4}}|[0-9]{{2}}|{DIGIT}{{2,4}})\ ?年
        |(?P<ry>{ry})
        |(?P<rm>{rm})
        |(?P<rw>上上周|上上个?星期|上个?星期|上周|下下周|下下个?星期|下个?星期|下周|本周|这周|本星期|这个?星期)
        |(?P<wk>(?:星期|礼拜|周)[一二三四五六日天])
        |(?P<rd>{rd}|今\([0-9]{{1,2}}\)日|昨)
        |(?P<fest>{fest})
        |(?P<tod>(?:凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|晚间|夜间|夜里|深夜|早|晚)\ ?(?:[0-9]{{1,2}}|[零〇两一二三四五六七八九十]{{1,3}})\ ?[时点:])
        |(?P<yp0>年初|年底|年末)
        |(?P<mp0>月初|月底|月末)
        |(?P<qt>第?[一二三四1-4]季度)
        |(?:农历|阴历)(?P<lm>{LMONTH})月(?P<ld>{LDAY})日?
        |(?P<lm2>正|腊|冬)月(?P<ld2>{LDAY})
        |(?P<lm3>闰?(?:十[一二]|[一二三四五六七八九十]))月(?P<ld3>(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]))
        |(?P<m>{MONTH})(?:{CONNECT}(?P<m2>{MONTH}))?\ ?月(?:份)?
        |(?P<d>[0-9]{{1,2}}|二?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])\ ?[日号]
        "
    ))
});

/// What may follow a year: a season, a quarter, a half, a part of the year, a month, or a
/// festival (2024年春节).
pub(super) static YEAR_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    let fest = festivals::names().join("|");
    build(&format!(
        r"(?x)^(?:的|/)?\ ?(?:
        (?P<fest>{fest})
        |(?P<season>春|夏|秋|冬)(?:季|天)?
        |第?(?P<q>[一二三四1-4])季度
        |(?P<half>上|下)半年
        |(?P<yp>年初|年底|年末|初|底|末)
        |最后(?P<lastn>一|两|二|三|[1-9])天
        |(?P<m>{MONTH})(?:{CONNECT}(?P<m2>{MONTH}))?\ ?月(?:份)?
        |(?:农历|阴历)?(?P<lm>{LMONTH})月(?P<ld>{LDAY})日?
        )"
    ))
});

/// A quarter with no year before it (一季度, 第三季度), read against the publication year.
pub(super) static QUARTER: LazyLock<Regex> = LazyLock::new(|| build(r"^第?([一二三四1-4])季度"));

/// What may follow a month: a day or day range, a third of the month, or its start or end.
pub(super) static MONTH_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?x)^份?\ ?/?\ ?(?:
        (?P<d>{DAY})(?:{CONNECT}(?P<d2>{DAY}))?\ ?[日号]
        |(?P<xun>上旬|中旬|下旬)
        |(?P<mp>初|底|末)
        )"
    ))
});

/// The second half of a range after its connector: any of year, month, day.
pub(super) static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"^\ ?(?:(?P<y>[0-9]{{4}}|{DIGIT}{{4}})\ ?年)?(?:(?P<m>{MONTH})\ ?月份?)?(?:(?P<d>{DAY})\ ?[日号])?(?P<part>底|末)?"
    ))
});

/// A weekday written after a full date (9月6日周二, 9月6日(星期二)): part of that mention.
pub(super) static WEEKDAY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| build(r"^\ ?(?:\((?:星期|礼拜|周)[一二三四五六日天]\)|(?:星期|礼拜|周)[一二三四五六日天])"));
