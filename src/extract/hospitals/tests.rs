//! Hospital cases: names, boundaries, aliases and exclusions, on sentences of their own.

fn hospitals(text: &str) -> Vec<(String, Vec<String>)> {
    let r = crate::Extractor::new().extract("t", text);
    let chars: Vec<char> = text.chars().collect();
    r.hospitals
        .into_iter()
        .map(|h| {
            (
                h.name,
                h.mentions.iter().map(|m| chars[m[0]..m[1]].iter().collect()).collect(),
            )
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    hospitals(text).into_iter().map(|h| h.0).collect()
}

#[test]
fn left_boundaries_stop_at_verbs_and_prepositions() {
    assert_eq!(
        names("专家组来到喀什地区第一人民医院开展义诊。"),
        ["喀什地区第一人民医院"]
    );
    assert_eq!(names("感谢四川大学华西医院的支持。"), ["四川大学华西医院"]);
    assert_eq!(names("患者被转往昌吉州人民医院救治。"), ["昌吉州人民医院"]);
    assert_eq!(names("会议在北京协和医院召开。"), ["北京协和医院"]);
    assert_eq!(names("由复旦大学附属中山医院牵头。"), ["复旦大学附属中山医院"]);
}

#[test]
fn suffix_grammar() {
    assert_eq!(
        names("拉萨市人民医院与日喀则市妇幼保健院签约。"),
        ["拉萨市人民医院", "日喀则市妇幼保健院"]
    );
    assert_eq!(
        names("专家到塔城市中医医院和额敏县杰勒阿尕什镇卫生院坐诊。"),
        ["塔城市中医医院", "额敏县杰勒阿尕什镇卫生院"]
    );
    assert_eq!(names("林芝市第二人民医院的医生前来学习。"), ["林芝市第二人民医院"]);
    assert_eq!(names("和田地区中西医结合医院开诊。"), ["和田地区中西医结合医院"]);
    assert_eq!(
        names("朝阳区双井社区卫生服务中心开展随访。"),
        ["朝阳区双井社区卫生服务中心"]
    );
}

#[test]
fn aliases_join_their_full_name() {
    let h = hospitals("中南大学湘雅二医院派出专家。湘雅二医院副院长表示,将继续支持。");
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0].0, "中南大学湘雅二医院");
    assert_eq!(h[0].1, ["中南大学湘雅二医院", "湘雅二医院"]);
    // word order and abbreviations
    let h = hospitals("四川大学附属第二医院专家到访。四川大学第二附属医院将派驻团队,川大二附院表示欢迎。");
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0].0, "四川大学第二附属医院");
    // context-completed form
    let h = hospitals("阿勒泰市人民医院召开会议,市人民医院院长出席。");
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0].1, ["阿勒泰市人民医院", "市人民医院"]);
}

#[test]
fn ordinals_keep_hospitals_apart() {
    assert_eq!(
        names("常州市人民医院和常州市第二人民医院联合义诊。"),
        ["常州市人民医院", "常州市第二人民医院"]
    );
    assert_eq!(
        names("宁波市第一人民医院、宁波市第三人民医院专家参加。"),
        ["宁波市第一人民医院", "宁波市第三人民医院"]
    );
}

#[test]
fn locating_places_are_dropped_from_the_name() {
    let h = hospitals("广西壮族自治区百色市田林县人民医院开展手术。");
    assert_eq!(h[0].0, "田林县人民医院");
    assert_eq!(h[0].1, ["广西壮族自治区百色市田林县人民医院"]);
}

#[test]
fn named_branch_is_its_own_hospital() {
    assert_eq!(
        names("四川省人民医院成都温江分院挂牌,四川省人民医院表示祝贺。"),
        ["四川省人民医院成都温江分院", "四川省人民医院"]
    );
}

#[test]
fn generic_references_and_non_hospitals() {
    assert!(names("受援医院、该院、后方医院与县级医院开展合作,乡镇卫生院也参与。").is_empty());
    assert!(names("市卫健委、县疾控中心、省医学会与胸痛中心参加。").is_empty());
    assert!(names("建设区域医疗中心和远程病理区域中心。").is_empty());
    assert!(names("连云港医院机构结对帮扶。").is_empty());
    assert!(names("中南大学与新疆医科大学签约。").is_empty());
}

#[test]
fn a_name_written_one_way_stays_as_written() {
    assert_eq!(
        names("浙江大学医学院附属第一医院派出专家。"),
        ["浙江大学医学院附属第一医院"]
    );
}

#[test]
fn university_hospitals_and_bare_institution_words() {
    assert_eq!(
        names("专家来自首都医科大学附属北京天坛医院和解放军总医院。"),
        ["首都医科大学附属北京天坛医院", "解放军总医院"]
    );
    // 人民医院 after a word that is no place names no hospital; a bare 县医院 has no antecedent
    assert!(names("自治区人民医院与县医院负责人参加。").is_empty());
}

/// The start-keyed candidate map keeps exactly what the list scan kept: spans pushed in
/// every order of a few nested, crossing and disjoint ranges.
#[test]
fn candidate_map_agrees_with_list() {
    use super::{Candidate, Found, push};
    use crate::text::{Document, Span, segment::Segmenter};
    let seg = Segmenter::new();
    let doc = Document::new("北京协和医院和县人民医院的二院", &seg);
    // in characters (the text has 15)
    let spans = [
        (0, 6),
        (3, 9),
        (6, 12),
        (0, 12),
        (9, 15),
        (12, 15),
        (2, 4),
        (13, 15),
        (0, 15),
    ];
    for seed in 0..200u64 {
        let mut order: Vec<(usize, usize)> = spans.to_vec();
        let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        for i in (1..order.len()).rev() {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (x >> 33) as usize % (i + 1));
        }
        let mut list: Vec<Span> = Vec::new();
        let mut map = Found::default();
        for &(a, b) in order.iter().take(3 + seed as usize % 7) {
            let span = Span::new(a * 3, b * 3);
            if !list.iter().any(|c| c.overlaps(&span) && !span.contains(c)) {
                list.retain(|c| !span.contains(c));
                list.push(span);
            }
            push(&mut map, &doc, span, false);
        }
        list.sort_by_key(|s| s.start);
        let kept: Vec<Span> = map.by_start.values().map(|c: &Candidate| c.span).collect();
        assert_eq!(kept, list, "seed {seed}");
    }
}
