//! Numeral cases: (input, value, bytes consumed as chars, vagueness). Regenerate nothing: each
//! line is a fact about Chinese numerals.

use super::*;

/// `(text, expected value, characters consumed, vagueness)`; `None` means "not a numeral".
const CASES: &[(&str, Option<f64>, usize, Vague)] = &[
    // Arabic
    ("0", Some(0.0), 1, Vague::None),
    ("7", Some(7.0), 1, Vague::None),
    ("42名", Some(42.0), 2, Vague::None),
    ("211名专家", Some(211.0), 3, Vague::None),
    ("3000余次", Some(3000.0), 4, Vague::None),
    ("3,000余", Some(3000.0), 5, Vague::None),
    ("1,234,567元", Some(1234567.0), 9, Vague::None),
    ("12,34", Some(12.0), 2, Vague::None),
    ("1,2345", Some(1.0), 1, Vague::None),
    ("1.5%", Some(1.5), 3, Vague::None),
    ("0.31天", Some(0.31), 4, Vague::None),
    ("6.11%", Some(6.11), 4, Vague::None),
    ("3.", Some(3.0), 1, Vague::None),
    ("2400公里", Some(2400.0), 4, Vague::None),
    ("100%", Some(100.0), 3, Vague::None),
    ("007", Some(7.0), 3, Vague::None),
    // mixed scale words
    ("6万", Some(60000.0), 2, Vague::None),
    ("1.5万", Some(15000.0), 4, Vague::None),
    ("840万", Some(8_400_000.0), 4, Vague::None),
    ("3千余", Some(3000.0), 2, Vague::None),
    ("1.2亿", Some(120_000_000.0), 4, Vague::None),
    ("2百万", Some(2_000_000.0), 3, Vague::None),
    ("5千万", Some(50_000_000.0), 3, Vague::None),
    ("3万亿", Some(3e12), 3, Vague::None),
    ("10万人次", Some(100_000.0), 3, Vague::None),
    ("2.5万元", Some(25000.0), 4, Vague::None),
    // Chinese units
    ("一", Some(1.0), 1, Vague::None),
    ("二", Some(2.0), 1, Vague::None),
    ("两", Some(2.0), 1, Vague::None),
    ("三", Some(3.0), 1, Vague::None),
    ("四", Some(4.0), 1, Vague::None),
    ("五", Some(5.0), 1, Vague::None),
    ("六", Some(6.0), 1, Vague::None),
    ("七", Some(7.0), 1, Vague::None),
    ("八", Some(8.0), 1, Vague::None),
    ("九", Some(9.0), 1, Vague::None),
    ("零", Some(0.0), 1, Vague::None),
    ("〇", Some(0.0), 1, Vague::None),
    ("十", Some(10.0), 1, Vague::None),
    ("十一", Some(11.0), 2, Vague::None),
    ("十三", Some(13.0), 2, Vague::None),
    ("十九", Some(19.0), 2, Vague::None),
    ("二十", Some(20.0), 2, Vague::None),
    ("二十一", Some(21.0), 3, Vague::None),
    ("三十五", Some(35.0), 3, Vague::None),
    ("九十九", Some(99.0), 3, Vague::None),
    ("一百", Some(100.0), 2, Vague::None),
    ("一百零五", Some(105.0), 4, Vague::None),
    ("一百一十", Some(110.0), 4, Vague::None),
    ("一百二十三", Some(123.0), 5, Vague::None),
    ("两百", Some(200.0), 2, Vague::None),
    ("三百", Some(300.0), 2, Vague::None),
    ("九百九十九", Some(999.0), 5, Vague::None),
    ("一千", Some(1000.0), 2, Vague::None),
    ("一千零一", Some(1001.0), 4, Vague::None),
    ("一千零十", Some(1010.0), 4, Vague::None),
    ("两千", Some(2000.0), 2, Vague::None),
    ("两千三百", Some(2300.0), 4, Vague::None),
    ("三千五百六十", Some(3560.0), 6, Vague::None),
    ("一万", Some(10000.0), 2, Vague::None),
    ("两万", Some(20000.0), 2, Vague::None),
    ("十万", Some(100_000.0), 2, Vague::None),
    ("十二万", Some(120_000.0), 3, Vague::None),
    ("一百万", Some(1_000_000.0), 3, Vague::None),
    ("两千三百万", Some(23_000_000.0), 5, Vague::None),
    ("三万五千", Some(35000.0), 4, Vague::None),
    ("五万零三百", Some(50300.0), 5, Vague::None),
    ("一亿", Some(100_000_000.0), 2, Vague::None),
    ("三亿五千万", Some(350_000_000.0), 5, Vague::None),
    ("十亿", Some(1_000_000_000.0), 2, Vague::None),
    ("廿", Some(20.0), 1, Vague::None),
    ("廿三", Some(23.0), 2, Vague::None),
    ("卅", Some(30.0), 1, Vague::None),
    // bare scale words
    ("百", Some(100.0), 1, Vague::None),
    ("百余项", Some(100.0), 1, Vague::None),
    ("千余人", Some(1000.0), 1, Vague::None),
    ("万余人", Some(10000.0), 1, Vague::None),
    ("百万", Some(1_000_000.0), 2, Vague::None),
    ("千万", Some(10_000_000.0), 2, Vague::None),
    ("十余年", Some(10.0), 1, Vague::None),
    // vague numerals
    ("十几年", Some(10.0), 2, Vague::Over),
    ("十几场", Some(10.0), 2, Vague::Over),
    ("二十几", Some(20.0), 3, Vague::Over),
    ("几十", Some(10.0), 2, Vague::About),
    ("几百", Some(100.0), 2, Vague::About),
    ("几千", Some(1000.0), 2, Vague::About),
    ("数十位", Some(10.0), 2, Vague::About),
    ("数百", Some(100.0), 2, Vague::About),
    ("数千", Some(1000.0), 2, Vague::About),
    ("数万人", Some(10000.0), 2, Vague::About),
    ("数十万", Some(100_000.0), 3, Vague::About),
    ("四五位", Some(4.0), 2, Vague::About),
    ("三四天", Some(3.0), 2, Vague::About),
    ("七八个", Some(7.0), 2, Vague::About),
    ("一二", Some(1.0), 2, Vague::About),
    // halves
    ("半", Some(0.5), 1, Vague::None),
    ("半个小时", Some(0.5), 1, Vague::None),
    ("半年", Some(0.5), 1, Vague::None),
    // digit strings (years)
    ("二〇二二", Some(2022.0), 4, Vague::None),
    ("二零一九", Some(2019.0), 4, Vague::None),
    ("一九四九", Some(1949.0), 4, Vague::None),
    ("二〇〇八", Some(2008.0), 4, Vague::None),
    ("九九", Some(99.0), 2, Vague::None),
    // where a numeral stops
    ("十三师", Some(13.0), 2, Vague::None),
    ("三甲", Some(3.0), 1, Vague::None),
    ("两地", Some(2.0), 1, Vague::None),
    ("五大中心", Some(5.0), 1, Vague::None),
    ("六成", Some(6.0), 1, Vague::None),
    ("九个科室", Some(9.0), 1, Vague::None),
    ("三十余", Some(30.0), 2, Vague::None),
    ("七百多场", Some(700.0), 2, Vague::None),
    // not numerals
    ("几", None, 0, Vague::None),
    ("几个", None, 0, Vague::None),
    ("数位", None, 0, Vague::None),
    ("数据", None, 0, Vague::None),
    ("医院", None, 0, Vague::None),
    ("", None, 0, Vague::None),
    ("abc", None, 0, Vague::None),
    ("一半", None, 0, Vague::None),
    ("两两", None, 0, Vague::None),
    // repeated scales multiply (四万万同胞: 400 million)
    ("四万万", Some(400_000_000.0), 3, Vague::None),
    ("一万万万名", Some(1e12), 4, Vague::None),
    ("万万", Some(100_000_000.0), 2, Vague::None),
    // alternatives: the first reading, about
    ("三四十名", Some(30.0), 3, Vague::About),
    ("五六千", Some(5000.0), 3, Vague::About),
    ("二十三四岁", Some(23.0), 4, Vague::About),
    // the numeral ends before what its value would not read
    ("十五三", Some(15.0), 2, Vague::None),
    ("一百零名", Some(100.0), 2, Vague::None),
    ("三五百", Some(3.0), 1, Vague::None),
    // too large: no numeral, never infinity
    ("一亿亿", None, 0, Vague::None),
    ("一亿亿亿", None, 0, Vague::None),
    ("一万万万万", None, 0, Vague::None),
    ("99999999999999999", None, 0, Vague::None),
    ("1000000000000000", Some(1e15), 16, Vague::None),
    ("999999999999万", None, 0, Vague::None),
    ("一卅", Some(1.0), 1, Vague::None),
    // spoken abbreviations: a last digit right after a unit is the next place down
    ("四万二", Some(42000.0), 3, Vague::None),
    ("三千八", Some(3800.0), 3, Vague::None),
    ("一百五", Some(150.0), 3, Vague::None),
    ("三百五名", Some(350.0), 3, Vague::None),
    ("十二万六", Some(126_000.0), 4, Vague::None),
    ("三亿五", Some(350_000_000.0), 3, Vague::None),
    ("一千二百五", Some(1250.0), 5, Vague::None),
    ("一百零五", Some(105.0), 4, Vague::None),
    ("三百五六", Some(350.0), 4, Vague::About),
    // mixed: digits below the scale word
    ("2万300", Some(20300.0), 5, Vague::None),
    ("2万3000人", Some(23000.0), 6, Vague::None),
    ("1万2", Some(12000.0), 3, Vague::None),
    ("3亿2000万", Some(320_000_000.0), 7, Vague::None),
    ("12.5万", Some(125_000.0), 5, Vague::None),
    ("2万1,000", Some(20000.0), 2, Vague::None),
    // Chinese decimals
    ("二点五", Some(2.5), 3, Vague::None),
    ("零点二", Some(0.2), 3, Vague::None),
    ("零点零五", Some(0.05), 4, Vague::None),
    ("十四.七人", Some(14.7), 4, Vague::None),
    ("三十八点六度", Some(38.6), 5, Vague::None),
    ("二点五万", Some(25000.0), 4, Vague::None),
    ("三点五十分", Some(3.0), 1, Vague::None),
    ("三点五分", Some(3.0), 1, Vague::None),
    ("三点半", Some(3.0), 1, Vague::None),
    ("一点两", Some(1.0), 1, Vague::None),
    // a lone 十 is ten, not a bare scale
    ("十名", Some(10.0), 1, Vague::None),
    // financial capitals (traditional forms are simplified before this runs)
    ("壹佰贰拾", Some(120.0), 4, Vague::None),
    ("叁佰肆拾伍元", Some(345.0), 5, Vague::None),
    ("伍万", Some(50000.0), 2, Vague::None),
    ("玖仟零柒", Some(9007.0), 4, Vague::None),
    ("拾", Some(10.0), 1, Vague::None),
];

#[test]
fn numeral_table() {
    assert!(CASES.len() >= 120, "{} cases", CASES.len());
    for &(text, value, chars, vague) in CASES {
        let got = parse(text);
        match value {
            None => assert!(got.is_none(), "{text:?}: expected no numeral, got {got:?}"),
            Some(v) => {
                let n = got.unwrap_or_else(|| panic!("{text:?}: expected {v}"));
                assert!((n.value - v).abs() < 1e-9, "{text:?}: value {} != {v}", n.value);
                assert_eq!(
                    text[..n.len].chars().count(),
                    chars,
                    "{text:?}: consumed {:?}",
                    &text[..n.len]
                );
                assert_eq!(n.vague, vague, "{text:?}");
            }
        }
    }
}

#[test]
fn lone_one_and_bare_scale() {
    let s = "一名患者";
    assert!(parse(s).unwrap().is_lone_one(s));
    let s = "一百";
    assert!(!parse(s).unwrap().is_lone_one(s));
    assert!(parse("百余项").unwrap().bare_scale);
    assert!(!parse("一百").unwrap().bare_scale);
    assert!(!parse("数十").unwrap().bare_scale);
    assert!(!parse("十").unwrap().bare_scale);
    assert!(parse("千").unwrap().bare_scale);
    assert!(parse("二〇二二").unwrap().digit_string);
}

proptest::proptest! {
    /// Every integer up to 10^12 written in Chinese reads back as itself, in common and in
    /// financial numerals.
    #[test]
    fn chinese_round_trip(n in 0u64..=1_000_000_000_000) {
        let s = to_chinese(n);
        for s in [s.clone(), to_capitals(&s)] {
            let got = parse(&s).unwrap();
            proptest::prop_assert_eq!(got.value, n as f64, "{}", s);
            proptest::prop_assert_eq!(got.len, s.len(), "{}", s);
        }
    }

    /// Small numbers too, where the zeros and the leading 十 are.
    #[test]
    fn chinese_round_trip_small(n in 0u64..100_000) {
        let s = to_chinese(n);
        proptest::prop_assert_eq!(parse(&s).map(|g| (g.value, g.len)), Some((n as f64, s.len())), "{}", s);
    }

    /// A spoken abbreviation (三千八, 十二万六, 四亿五) is the number with its last place filled.
    #[test]
    fn spoken_abbreviations(head in 1u64..10_000, last in 1u64..10, unit in 0usize..5) {
        let (scale, name) = [(100u64, "百"), (1000, "千"), (10_000, "万"), (100_000_000, "亿"), (10_000, "万")][unit];
        // the part before the unit stays below the next unit
        let head = if scale < 10_000 { head % 9 + 1 } else { head };
        let s = format!("{}{name}{}", to_chinese(head), to_chinese(last));
        let want = head * scale + last * scale / 10;
        proptest::prop_assert_eq!(parse(&s).map(|g| (g.value, g.len)), Some((want as f64, s.len())), "{}", s);
    }

    /// A decimal written in Chinese (十四点零七) is its whole part and its digits.
    #[test]
    fn chinese_decimals(whole in 0u64..1_000_000, frac in "[0-9]{1,4}") {
        const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        let digits: String = frac.bytes().map(|b| D[usize::from(b - b'0')]).collect();
        let s = format!("{}点{digits}", to_chinese(whole));
        let want: f64 = format!("{whole}.{frac}").parse().unwrap();
        let got = parse(&s).unwrap();
        proptest::prop_assert!((got.value - want).abs() <= 1e-9 * want.max(1.0), "{} {}", s, got.value);
        proptest::prop_assert_eq!(got.len, s.len(), "{}", s);
    }

    /// Arabic integers with thousands separators read back as themselves.
    #[test]
    fn arabic_round_trip(n in 0u64..10_000_000_000) {
        let plain = n.to_string();
        let mut sep = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                sep.push(',');
            }
            sep.push(c);
        }
        for s in [plain, sep] {
            let got = parse(&s).unwrap();
            proptest::prop_assert_eq!(got.value, n as f64, "{}", s);
            proptest::prop_assert_eq!(got.len, s.len());
        }
    }

    /// A numeral's value is finite and bounded, and its text alone reads as the same numeral:
    /// it never spans characters its value ignores.
    #[test]
    fn text_reads_back_as_the_value(s in "[0-9,.零〇一二两三四五六七八九十百千万亿廿卅半几数]{1,30}") {
        if let Some(n) = parse(&s) {
            proptest::prop_assert!(n.value.is_finite() && n.value <= MAX_VALUE, "{} {:?}", s, n);
            let again = parse(&s[..n.len]);
            proptest::prop_assert_eq!(again.map(|m| (m.value, m.len)), Some((n.value, n.len)), "{}", s);
        }
    }

    /// Parsing never panics, and never reads past the input.
    #[test]
    fn never_panics(s in "[0-9,.零〇一二两三四五六七八九十百千万亿廿半几数个名年]{0,12}") {
        if let Some(n) = parse(&s) {
            proptest::prop_assert!(n.len <= s.len() && s.is_char_boundary(n.len));
        }
    }
}

/// A common numeral in financial characters (一百二十 → 壹佰贰拾).
fn to_capitals(s: &str) -> String {
    s.chars()
        .map(|c| match "一二三四五六七八九十百千".chars().position(|x| x == c) {
            Some(i) => "壹贰叁肆伍陆柒捌玖拾佰仟".chars().nth(i).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// The standard Chinese reading of `n` up to 10^12: 亿 over 万 blocks, with 零 for each gap
/// (a test oracle written independently of the parser).
fn to_chinese(n: u64) -> String {
    let (yi, rest) = (n / 100_000_000, n % 100_000_000);
    if yi == 0 {
        return below_yi(rest);
    }
    let mut s = below_yi(yi) + "亿";
    if rest > 0 {
        if rest < 10_000_000 {
            s.push('零');
        }
        s += below_yi(rest).trim_start_matches('零');
    }
    s
}

/// The reading of `n` below 10^8.
fn below_yi(n: u64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    fn below_10k(n: u64, leading: bool) -> String {
        let units = [(1000, "千"), (100, "百"), (10, "十")];
        let mut s = String::new();
        let mut zero = false;
        let mut started = false;
        let mut rest = n;
        for (u, name) in units {
            let d = rest / u;
            rest %= u;
            if d == 0 {
                if started || !leading {
                    zero = true;
                }
                continue;
            }
            if zero && (started || !leading) {
                s.push('零');
            }
            zero = false;
            if !(u == 10 && d == 1 && !started && leading) {
                s.push_str(D[d as usize]);
            }
            s.push_str(name);
            started = true;
        }
        if rest > 0 {
            if zero && (started || !leading) {
                s.push('零');
            }
            s.push_str(D[rest as usize]);
        }
        s
    }
    if n == 0 {
        return "零".into();
    }
    let (hi, lo) = (n / 10_000, n % 10_000);
    if hi == 0 {
        return below_10k(lo, true);
    }
    let mut s = below_10k(hi, true) + "万";
    if lo > 0 {
        s += &below_10k(lo, false);
    }
    s
}
