//! Conformance of every extractor kind to the record's contract, kind by kind (hospitals,
//! people, dates, counts, first cases):
//!
//! - every mention has offsets with `input[start:end] == text` in code points (for hospitals
//!   and people: each surface, and the surfaces are exactly the mentions);
//! - extraction is deterministic: two runs, and a second extractor, give identical JSON;
//! - nothing panics (a caught panic would show as the record's `error`).
//!
//! On sentences written for this test in the genre (every kind must be found in them, so no
//! check runs over nothing) and on random strings mixing Han, digits, punctuation, newlines
//! and pieces of those sentences. `tests/random_input.rs` covers list order and finite
//! values; `tests/properties.rs` the offset map of normalisation.

use std::sync::LazyLock;

use proptest::prelude::*;
use zhnews::{Extractor, Record};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static SECOND: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// The five kinds, in record order.
const KINDS: [&str; 5] = ["hospitals", "people", "dates", "counts", "first_cases"];

/// Sentences in the style of hospital aid news, written for this test (invented places,
/// hospitals and people): simplified, traditional, full-width, with pinyin noise.
const SENTENCES: &[&str] = &[
    "2023年3月15日,青山县人民医院党委书记张明华带领12名专家赴白水镇卫生院开展义诊。",
    "青山县人民医院心内科主任医师王建国完成该院首例经皮冠状动脉介入手术,填补了县域技术空白。",
    "帮扶以来,专家团队累计接诊患者3000余人次,开展手术近200台,培训基层医务人员150名。",
    "今年5月,青州市第二人民医院副院长李秀英带队赴林溪县人民医院,双方签订对口帮扶协议。",
    "2022年10月至12月,专家组在红河州中医医院完成全州首例腹腔镜胆囊切除术。",
    "青山縣人民醫院張明華主任醫師表示,醫院將繼續派駐5名醫生,為期一年。",
    "２０２４年１月８日，青山县人民醫(yī)院选派８名骨干赴林溪县人民医院。",
];

/// Page furniture around an article: a menu line, a headline, an editor line.
const MENU: &str = "首页|新闻|图片";
const HEADLINE: &str = "青山县人民医院专家赴林溪县开展帮扶";
const FOOTER: &str = "编辑:周文";

/// The sentences as one scraped page: menu, headline, one paragraph per sentence, footer.
fn page() -> String {
    format!("{MENU}\n{HEADLINE}\n{}\n{FOOTER}", SENTENCES.join("\n"))
}

/// Every mention of one kind as `(start, end, text)`, after checking that hospital and person
/// surfaces are exactly their mentions.
fn mentions(r: &Record, kind: &str) -> Result<Vec<(usize, usize, String)>, TestCaseError> {
    let entities: Vec<(&String, &Vec<[usize; 2]>, &Vec<zhnews::Surface>)> = match kind {
        "hospitals" => r
            .hospitals
            .iter()
            .map(|h| (&h.name, &h.mentions, &h.surfaces))
            .collect(),
        "people" => r.people.iter().map(|p| (&p.name, &p.mentions, &p.surfaces)).collect(),
        "dates" => return Ok(r.dates.iter().map(|d| (d.start, d.end, d.text.clone())).collect()),
        "counts" => return Ok(r.counts.iter().map(|c| (c.start, c.end, c.text.clone())).collect()),
        "first_cases" => return Ok(r.first_cases.iter().map(|f| (f.start, f.end, f.text.clone())).collect()),
        _ => unreachable!("{kind}"),
    };
    let mut out = Vec::new();
    for (name, spans, surfaces) in entities {
        prop_assert!(!spans.is_empty(), "{}: {} has no mention", kind, name);
        let of_surfaces: Vec<[usize; 2]> = surfaces.iter().map(|s| [s.start, s.end]).collect();
        prop_assert_eq!(
            &of_surfaces,
            spans,
            "{}: {} surfaces differ from its mentions",
            kind,
            name
        );
        out.extend(surfaces.iter().map(|s| (s.start, s.end, s.text.clone())));
    }
    Ok(out)
}

/// The contract for one input: every mention of every kind is its slice of the input in code
/// points, the record is complete, and two runs and a second extractor agree. Returns the
/// number of mentions checked per kind.
fn conform(input: &str) -> Result<[usize; 5], TestCaseError> {
    let r = EXTRACTOR.extract("c", input);
    prop_assert_eq!(&r.error, &None, "{:?}", input);
    let chars: Vec<char> = input.chars().collect();
    let mut checked = [0; 5];
    for (k, kind) in KINDS.iter().enumerate() {
        for (start, end, text) in mentions(&r, kind)? {
            prop_assert!(
                start < end && end <= chars.len(),
                "{} [{}, {}) in {} chars",
                kind,
                start,
                end,
                chars.len()
            );
            let slice: String = chars[start..end].iter().collect();
            prop_assert_eq!(&slice, &text, "{} [{}, {}) of {:?}", kind, start, end, input);
            checked[k] += 1;
        }
    }
    let json = serde_json::to_string(&r).unwrap();
    let again = serde_json::to_string(&EXTRACTOR.extract("c", input)).unwrap();
    prop_assert_eq!(&json, &again, "two runs differ on {:?}", input);
    let other = serde_json::to_string(&SECOND.extract("c", input)).unwrap();
    prop_assert_eq!(&json, &other, "two extractors differ on {:?}", input);
    Ok(checked)
}

#[test]
fn written_sentences_conform_in_every_kind() {
    let mut total = [0; 5];
    let mut run = |input: &str| {
        let checked = conform(input).unwrap_or_else(|e| panic!("{e}"));
        for (t, c) in total.iter_mut().zip(checked) {
            *t += c;
        }
    };
    for s in SENTENCES {
        run(s);
    }
    // all of them as one page, and as one text with CRLF and a blank line between them
    run(&page());
    run(&SENTENCES.join("\r\n\r\n"));
    for (kind, n) in KINDS.iter().zip(total) {
        assert!(
            n > 0,
            "no {kind} found in the written sentences: the checks ran over nothing"
        );
    }
}

/// What the page gives in each kind, pinned, so that the checks above run over real mentions
/// of every kind (including the traditional, full-width and pinyin-noise forms).
#[test]
fn written_sentences_give_each_kind() {
    let r = EXTRACTOR.extract("c", &page());
    assert_eq!(r.error, None);
    assert_eq!(r.meta.title.as_deref(), Some(HEADLINE));
    let hospitals: Vec<&str> = r.hospitals.iter().map(|h| h.name.as_str()).collect();
    let people: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
    let dates: Vec<&str> = r.dates.iter().map(|d| d.text.as_str()).collect();
    let counts: Vec<&str> = r.counts.iter().map(|c| c.text.as_str()).collect();
    let firsts: Vec<&str> = r.first_cases.iter().map(|f| f.text.as_str()).collect();
    for h in [
        "青山县人民医院",
        "青州市第二人民医院",
        "林溪县人民医院",
        "红河州中医医院",
    ] {
        assert!(hospitals.contains(&h), "{h} not in {hospitals:?}");
    }
    for p in ["张明华", "王建国", "李秀英"] {
        assert!(people.contains(&p), "{p} not in {people:?}");
    }
    for d in ["2023年3月15日", "2022年10月至12月", "２０２４年１月８日"] {
        assert!(dates.contains(&d), "{d} not in {dates:?}");
    }
    for c in ["12名专家", "3000余人次", "5名醫生", "８名骨干"] {
        assert!(counts.contains(&c), "{c} not in {counts:?}");
    }
    assert!(firsts.contains(&"全州首例腹腔镜胆囊切除术"), "{firsts:?}");
    // the traditional mentions of 青山县人民医院 and 张明华 are surfaces of the same entities
    let surfaces = |name: &str| -> Vec<String> {
        let h = r.hospitals.iter().find(|h| h.name == name).map(|h| &h.surfaces);
        let p = r.people.iter().find(|p| p.name == name).map(|p| &p.surfaces);
        h.or(p).into_iter().flatten().map(|s| s.text.clone()).collect()
    };
    assert!(
        surfaces("青山县人民医院").iter().any(|s| s == "青山縣人民醫院"),
        "{:?}",
        surfaces("青山县人民医院")
    );
    assert!(
        surfaces("张明华").iter().any(|s| s == "張明華"),
        "{:?}",
        surfaces("张明华")
    );
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(SENTENCES).prop_map(str::to_string),
        1 => proptest::sample::select(&[MENU, HEADLINE, FOOTER][..]).prop_map(str::to_string),
        // a piece of a written sentence, cut anywhere
        3 => (proptest::sample::select(SENTENCES), 0..60usize, 0..60usize)
            .prop_map(|(s, a, b)| s.chars().skip(a.min(b)).take(a.max(b) - a.min(b)).collect()),
        2 => "[一-龥]{1,6}",
        2 => "[0-9０-９零一二两三四五六七八九十百千万余近约多年月日名例台人次]{1,5}",
        2 => "[,，。、:：;；!！?？()（）“”《》|\\- ·…]{1,3}",
        2 => prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just(" "), Just("\u{3000}")].prop_map(str::to_string),
        1 => "[a-z0-9(ǐīú)]{1,4}",
    ]
}

/// Up to 32 pieces: at most a few hundred characters, so 128 cases run in well under a second
/// (release) or a few seconds (debug).
fn doc() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..32).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_mixes_conform_in_every_kind(input in doc()) {
        conform(&input)?;
    }
}
