//! Invariants, as properties over random mixes of simplified and traditional text, pinyin
//! noise, lost characters, full-width forms, ASCII and page furniture:
//! every span of every record satisfies `input[start:end] == text` in code points, and
//! extraction never panics.

use proptest::prelude::*;

use crate::Extractor;
use crate::text::{NormText, Span};

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("河南省人民醫(yī)院".to_string()),
        Just("副院長張加強(qiáng)、倉順東".to_string()),
        Just("青山医院党委书记王立新".to_string()),
        Just("選派37批次、211名專家".to_string()),
        Just("近６萬人次".to_string()),
        Just("２０２２年７月１４日至１７日".to_string()),
        Just("自2010年以來".to_string()),
        Just("全疆首例神經(jīng)外科UBE手術(shù)".to_string()),
        Just("填補(bǔ)了哈密地區(qū)技術(shù)空白".to_string()),
        Just("高學(xué)忠?guī)ьI(lǐng)".to_string()),
        Just("??坡?lián)盟".to_string()),
        Just("，。、：；！？“”（）".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("  \u{3000}\t".to_string()),
        Just("首页|新闻|图片".to_string()),
        Just("https://www.example.cn/a.html".to_string()),
        Just("百余項(xiàng)新技術(shù)".to_string()),
        Just("(編輯:阿麗婭)".to_string()),
        Just("<p align=\"center\">".to_string()),
        Just("</span>&nbsp;".to_string()),
        Just("<!--正文-->".to_string()),
        "[a-zA-Z0-9 ]{0,6}",
        "[一-龥]{0,6}",
        "[零〇一二两三四五六七八九十百千万亿几数余多年月日名例个%]{0,6}",
        any::<String>(),
    ]
}

fn doc() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

/// A character of a pinyin gloss: its brackets, lowercase letters, `ü` and tone marks.
fn is_gloss_char(c: char) -> bool {
    c.is_ascii_lowercase() || "()（）üāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(c)
}

/// The code-point ranges of HTML markup in `input` (tags, comments, space entities), which
/// normalisation drops.
fn markup(input: &str) -> Vec<std::ops::Range<usize>> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"<!--(?s:.){0,1017}?-->|<[A-Za-z/!][^<>]{0,1020}>|&(?:nbsp|ensp|emsp|thinsp);").unwrap()
    });
    let char_at = |b: usize| input[..b].chars().count();
    RE.find_iter(input)
        .map(|m| char_at(m.start())..char_at(m.end()))
        .collect()
}

fn slice(text: &[char], s: usize, e: usize) -> Option<String> {
    (s <= e && e <= text.len()).then(|| text[s..e].iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_span_points_into_the_input(input in doc()) {
        let r = Extractor::new().extract("p", &input);
        let chars: Vec<char> = input.chars().collect();
        for d in &r.dates {
            prop_assert_eq!(slice(&chars, d.start, d.end), Some(d.text.clone()));
        }
        for c in &r.counts {
            prop_assert_eq!(slice(&chars, c.start, c.end), Some(c.text.clone()));
        }
        for f in &r.first_cases {
            prop_assert_eq!(slice(&chars, f.start, f.end), Some(f.text.clone()));
        }
        for m in r.hospitals.iter().flat_map(|h| &h.mentions).chain(r.people.iter().flat_map(|p| &p.mentions)) {
            prop_assert!(m[0] < m[1] && m[1] <= chars.len());
        }
        for p in &r.people {
            prop_assert!(!p.name.contains('?') && !p.name.contains('('));
        }
    }

    /// Mapping a span of the normalised text gives a span of the input whose first and last
    /// characters are the sources of the span's first and last characters, and spans never
    /// cross: a later span never maps before an earlier one.
    #[test]
    fn offset_map_is_monotonic(input in doc()) {
        let n = NormText::new(&input);
        let bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).chain([n.text.len()]).collect();
        let mut last = 0;
        for w in bounds.windows(2) {
            let (a, b) = n.to_source(Span::new(w[0], w[1])).unwrap();
            prop_assert!(a < b && a >= last);
            last = a;
        }
    }

    /// Each normalised character maps to exactly one input character, at increasing
    /// positions, and is that character normalised: the same character, its simplified or
    /// half-width form, or a space for folded whitespace. The input byte offset agrees with the
    /// code-point offset. An input character no normalised character comes from is whitespace,
    /// an invisible format character or part of a pinyin gloss.
    #[test]
    fn each_character_maps_to_its_own_source(input in doc()) {
        let n = NormText::new(&input);
        let src: Vec<(usize, char)> = input.char_indices().collect();
        let mut prev: Option<usize> = None;
        let mut hit = vec![false; src.len()];
        for (i, c) in n.text.char_indices() {
            let (a, b, ab, zb) = n.to_source_bytes(Span::new(i, i + c.len_utf8())).unwrap();
            prop_assert_eq!(b, a + 1);
            prop_assert_eq!((ab, zb), (src[a].0, src[a].0));
            prop_assert!(prev.is_none_or(|p| p < a));
            prev = Some(a);
            hit[a] = true;
            let s = src[a].1;
            let ok = if c == ' ' {
                s.is_whitespace() && s != '\n'
            } else {
                crate::text::normalize::simplify(&s.to_string()) == c.to_string()
            };
            prop_assert!(ok, "{:?} from {:?}", c, s);
        }
        // What normalisation leaves out of the input: only whitespace (folded runs, a space
        // before a line break, `\r`), invisible format characters, and pinyin glosses such as
        // `(yī)`. Every other input character is the source of a normalised character.
        let tags = markup(&input);
        let mut dropped = 0;
        for (k, &(_, s)) in src.iter().enumerate() {
            if !hit[k] {
                dropped += 1;
                prop_assert!(
                    s.is_whitespace()
                        || matches!(s, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{AD}')
                        || is_gloss_char(s)
                        || tags.iter().any(|t| t.contains(&k)),
                    "{:?} at {} dropped", s, k
                );
            }
        }
        prop_assert_eq!(n.char_len() + dropped, src.len());
    }
}

#[test]
fn concatenated_tokens_cover_each_sentence() {
    let seg = crate::text::segment::Segmenter::new();
    let input = "2022年07月18日,中南大學(xué)湘雅醫院援疆專家開展手術。";
    let d = crate::text::Document::new(input, &seg);
    // one sentence, normalised (the loop below must have something to check)
    let sentences: Vec<&str> = d.sentences.iter().map(|s| d.slice(*s)).collect();
    assert_eq!(sentences, ["2022年07月18日,中南大学湘雅医院援疆专家开展手术。"]);
    for s in &d.sentences {
        let joined: String = d.tokens_in(*s).iter().map(|t| d.slice(t.span)).collect();
        assert!(d.tokens_in(*s).len() > 1);
        assert_eq!(joined, d.slice(*s));
    }
}
