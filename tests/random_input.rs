//! Random input never panics and never gives a wrong offset: strings built from cue words,
//! Han characters, punctuation, newlines, digits, ASCII and NULs (including page layouts with a
//! byline line above the headline), plus arbitrary strings. For every record: every
//! `text`/`start`/`end` span is exactly `input[start..end]` in code points, every hospital and
//! person mention is a non-empty span inside the input, the lists are in the order
//! `src/record.rs` promises, and count values are finite. The fuzz targets in `fuzz/` check
//! the same on longer runs.

use std::sync::LazyLock;

use proptest::prelude::*;
use zhnews::{Extractor, Record};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

#[rustfmt::skip]
const CUES: &[&str] = &[
    "医院", "县人民医院", "第一附属医院", "中医院", "卫生院", "醫院", "首例", "全省首例", "首次",
    "填补空白", "记者", "本报讯", "本报讯 记者 ", "通讯员", "编辑:", "来源:", "年", "月", "日",
    "至", "今年", "以来", "名", "例", "人次", "万元", "余", "近", "约", "多", "以上", "院长",
    "副院长", "党委书记", "主任", "专家", "带领", "赴", "(yī)", "(wǎng)", "?", "？", "·",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(CUES).prop_map(str::to_string),
        2 => "[一-龥]{1,4}",
        1 => "[张王李赵周吴][三四五六七八九明强]{1,2}",
        2 => "[0-9０-９零一二两三四五六七八九十百千万]{1,4}",
        2 => "[,，。、:：;；!！?？()（）《》|\\- \u{3000}]{1,3}",
        2 => prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just("\0"), Just("\t")].prop_map(str::to_string),
        1 => "[a-zA-Z0-9 .:/]{1,6}",
        1 => "\\PC{0,4}",
    ]
}

fn body() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..48).prop_map(|v| v.concat())
}

/// A document of pieces, or a page with a byline line above a headline and a body.
fn doc() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => body(),
        1 => (body(), body(), body())
            .prop_map(|(a, b, c)| format!("本报讯 记者 {a}\n{b}\n{c}")),
        1 => any::<String>(),
    ]
    .prop_map(|mut s| {
        // Inputs stay at most 2 KB, so the suite stays fast.
        let mut end = s.len().min(2048);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s
    })
}

fn slice(chars: &[char], start: usize, end: usize) -> Option<String> {
    (start <= end && end <= chars.len()).then(|| chars[start..end].iter().collect())
}

fn sorted(starts: impl Iterator<Item = usize>) -> bool {
    let v: Vec<usize> = starts.collect();
    v.windows(2).all(|w| w[0] <= w[1])
}

fn check(input: &str, r: &Record) -> Result<(), TestCaseError> {
    let chars: Vec<char> = input.chars().collect();
    for d in &r.dates {
        prop_assert_eq!(slice(&chars, d.start, d.end), Some(d.text.clone()), "date {:?}", d);
    }
    for c in &r.counts {
        prop_assert_eq!(slice(&chars, c.start, c.end), Some(c.text.clone()), "count {:?}", c);
        prop_assert!(c.value.is_finite(), "count {:?}", c);
    }
    for f in &r.first_cases {
        prop_assert_eq!(
            slice(&chars, f.start, f.end),
            Some(f.text.clone()),
            "first case {:?}",
            f
        );
    }
    // Dates, counts and first cases are promised in document order.
    prop_assert!(
        sorted(r.dates.iter().map(|d| d.start)),
        "dates out of order: {:?}",
        r.dates
    );
    prop_assert!(
        sorted(r.counts.iter().map(|c| c.start)),
        "counts out of order: {:?}",
        r.counts
    );
    prop_assert!(
        sorted(r.first_cases.iter().map(|f| f.start)),
        "first cases out of order: {:?}",
        r.first_cases
    );
    // Hospitals and people: mentions in document order, the lists ordered by first mention.
    let entities = r
        .hospitals
        .iter()
        .map(|h| (&h.name, &h.mentions))
        .chain(r.people.iter().map(|p| (&p.name, &p.mentions)));
    for (name, mentions) in entities {
        prop_assert!(!mentions.is_empty(), "{} has no mention", name);
        for m in mentions {
            prop_assert!(
                m[0] < m[1] && m[1] <= chars.len(),
                "{} mention {:?} of {} chars",
                name,
                m,
                chars.len()
            );
        }
        prop_assert!(
            sorted(mentions.iter().map(|m| m[0])),
            "{} mentions out of order: {:?}",
            name,
            mentions
        );
    }
    prop_assert!(
        sorted(r.hospitals.iter().map(|h| h.mentions[0][0])),
        "hospitals out of order"
    );
    prop_assert!(sorted(r.people.iter().map(|p| p.mentions[0][0])), "people out of order");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_and_keeps_offsets(input in doc()) {
        let r = EXTRACTOR.extract("r", &input);
        check(&input, &r)?;
    }
}

/// The smallest known page shapes with a byline line above the headline (found by fuzzing;
/// each panicked at a different place: people.rs:252, people.rs:146, counts.rs:54).
#[test]
fn byline_above_headline_does_not_panic() {
    for input in ["记者\n\0\0\0\0t", "记者\n党委书记8", "记者 五十三\n三七一医院"] {
        let r = EXTRACTOR.extract("b", input);
        check(input, &r).unwrap();
    }
}
