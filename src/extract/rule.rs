//! The rule that produced a mention: one short, stable name per pattern, so a researcher can
//! see why a mention is there and filter by it. This enum is the one table of them; each name
//! is written in records as its snake_case form (`title_before_name`).

use serde::{Deserialize, Serialize};

/// Why a mention is in the record: the rule that found it.
///
/// ```
/// let r = zhnews::Extractor::new().extract("a", "县人民医院院长张明华带领5名专家义诊。");
/// assert_eq!(r.people[0].surfaces[0].rule, zhnews::Rule::TitleBeforeName);
/// assert_eq!(r.counts[0].rule, zhnews::Rule::NumeralUnit);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// Hospitals: a name read leftwards from its head (医院, 卫生院…) over institution words,
    /// ordinals and places (青山县人民医院).
    HospitalName,
    /// Hospitals: a branch after its parent hospital (某某医院东院区, 某卫生院分院).
    HospitalBranch,
    /// Hospitals: an abbreviation (二院, 省医) joined to the hospital it stands for.
    HospitalAbbreviation,
    /// Hospitals: a form that needs the article's context (市人民医院), completed from the
    /// article's places or joined to the hospital named before.
    HospitalContextForm,
    /// People: a name after a title (院长张三), with the organisation before the title.
    TitleBeforeName,
    /// People: a further name of a list that shares one title (副院长张三、李四).
    TitleShared,
    /// People: a name before a title written after it (张三教授, 李四主任医师).
    NameBeforeTitle,
    /// People: a name in a byline (记者 张三, (通讯员 李四), 责任编辑:王五).
    Byline,
    /// People: a name after a word that introduces one (村民张三, 患者李四, 摄影:王五).
    IntroducedBy,
    /// People: a name that opens its clause before a speech or action verb (张三表示, 李四说).
    FollowedBy,
    /// People: a name before a word that marks one anywhere (张三同志, 李四先生, 王五 摄).
    MarkedBy,
    /// People: two names joined by 和/与/及/、 that open their clause together (张三和李四表示).
    JoinedPair,
    /// People: a name listed with a name found (张三、李四和王五).
    ListMember,
    /// People: a word the dictionary knows as a person's full name.
    DictionaryName,
    /// People: an unknown word shaped like a name, before a word that follows names (张三在).
    UnknownWordName,
    /// Hospitals and people: a later mention of a name found by another rule.
    #[default]
    Repeat,
    /// Dates: a calendar date in Chinese form (2022年7月18日, 3月, 15日, 二〇一六年).
    CalendarDate,
    /// Dates: a numeric date (2022-07-18, 2022.7.18, a page's timestamp).
    NumericDate,
    /// Dates: a date relative to the publication date or to the date before (今年, 昨天,
    /// 下周三, 上个月20号, 同年).
    RelativeDate,
    /// Dates: a festival (国庆节, 春节), lunar ones converted with the lunar table.
    Festival,
    /// Dates: a lunar date (正月十五, 农历八月初三).
    LunarDate,
    /// Dates: a time of day with no date before it (上午9点, 凌晨4时).
    TimeOfDay,
    /// Dates: a decade (80年代, 二十世纪九十年代).
    Decade,
    /// Dates: a part of a period (年初, 月底, 一季度).
    PeriodPart,
    /// Counts: a numeral with its unit or counted noun (19名专家, 近6万人次, 3个多小时).
    NumeralUnit,
    /// Counts: a percentage (百分之二点五, 85%).
    Percent,
    /// Counts: a share written as a fraction or in tenths (一半, 三分之一, 六成).
    Share,
    /// First cases: a trigger word (首例, 首家, 第一台, 首次 with an achievement verb).
    FirstTrigger,
    /// First cases: 填补…空白.
    FilledGap,
    /// First cases: 开创…先河.
    Pioneered,
    /// First cases: …零的突破, “零突破”.
    ZeroBreakthrough,
    /// First cases: 从无到有.
    FromNothing,
}
