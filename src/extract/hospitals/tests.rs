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
    assert_eq!(names("由东湖大学附属青山医院牵头。"), ["东湖大学附属青山医院"]);
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
        names("嘉兴市第一人民医院、嘉兴市第三人民医院专家参加。"),
        ["嘉兴市第一人民医院", "嘉兴市第三人民医院"]
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
    assert!(names("两市医院机构结对帮扶。").is_empty());
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
    // 人民医院 after a word that is no place names no hospital; a bare 县医院 names none
    assert!(names("自治区人民医院与县医院负责人参加。").is_empty());
}

#[test]
fn village_clinics_and_town_health_centres() {
    assert_eq!(names("柏溪镇白沙村卫生室是一间平房。"), ["柏溪镇白沙村卫生室"]);
    assert_eq!(names("村民来到青石乡卫生所看病。"), ["青石乡卫生所"]);
    // a division name the segmenter splits, after a verb or a preposition
    assert_eq!(names("今年建成投用珂川镇卫生院。"), ["珂川镇卫生院"]);
    assert_eq!(names("讲座在长和街道卫生服务中心举办。"), ["长和街道卫生服务中心"]);
    // no division: a common word (城市), a generic word (基层), a verb (成立)
    assert!(names("他说,城市医院条件更好。").is_empty());
    assert!(names("偏远地区基层村卫生室缺少医生。").is_empty());
}

#[test]
fn named_branches_and_campuses_follow_their_parent() {
    assert_eq!(
        names("东湖市人民医院青山校区在青山县揭牌。"),
        ["东湖市人民医院青山校区"]
    );
    assert_eq!(
        names("建成白沙镇卫生院大坪院区、柏溪镇卫生院松林院区等院区。"),
        ["白沙镇卫生院大坪院区", "柏溪镇卫生院松林院区"]
    );
    // a campus of a school, a new campus, a branch with no parent: no entry
    assert!(names("东湖大学青山校区启用。").is_empty());
    assert!(names("东湖市妇幼保健院新院区正式运行。") == ["东湖市妇幼保健院"]);
    assert!(names("由青山分院负责巡回医疗。").is_empty());
    // a hospital named after the one that runs it, written on
    assert_eq!(
        names("东湖大学附属第一医院青山医院正式开诊。"),
        ["东湖大学附属第一医院青山医院"]
    );
}

#[test]
fn institution_words_of_more_kinds() {
    assert_eq!(names("辽宁省林业总医院举行仪式。"), ["辽宁省林业总医院"]);
    assert_eq!(names("患者选择了云南西部中心医院。"), ["云南西部中心医院"]);
    assert_eq!(
        names("他曾任第三军医大学东湖肝胆外科医院院长。"),
        ["第三军医大学东湖肝胆外科医院"]
    );
    assert_eq!(names("他历任第三军医大学长青医院院长。"), ["第三军医大学长青医院"]);
    assert_eq!(names("由东湖医药大学附设青山医院进驻。"), ["东湖医药大学附设青山医院"]);
    // a common noun right after a place names the hospital of a company or a trade
    assert_eq!(names("辽宁省电厂医院开展体检。"), ["辽宁省电厂医院"]);
}

#[test]
fn taiwanese_short_heads_are_written_out() {
    let h = hospitals("高雄荣总派出医师。高雄荣民总医院表示欢迎。");
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0].0, "高雄荣民总医院");
    assert_eq!(names("臺北榮總派出醫師。"), ["台北荣民总医院"]);
}

#[test]
fn generic_and_honorific_phrases_are_no_hospitals() {
    assert!(names("该院升级为二级口腔专科医院。").is_empty());
    assert!(names("入选全国百佳医院和优质医院名单。").is_empty());
    assert!(names("对合作医院进行帮扶。").is_empty());
    assert!(names("专家来自30家上海医院和两所北京医院。").is_empty());
    // a parenthesised alias with a bare level word is no division (自治区妇女儿童医院)
    assert_eq!(
        names("宁夏回族自治区妇幼保健院(自治区妇女儿童医院)院长主持。"),
        ["宁夏回族自治区妇幼保健院"]
    );
}

#[test]
fn context_forms_without_antecedent_are_completed() {
    // the only county of the story completes 县人民医院
    assert_eq!(
        names("洛南县地处山区。县人民医院和东湖医院开展合作。"),
        ["洛南县人民医院", "东湖医院"]
    );
    // institution words are needed: 县医院 alone names no hospital
    assert_eq!(
        names("洛南网讯 县中医院与县妇幼保健院签约。"),
        ["洛南县中医院", "洛南县妇幼保健院"]
    );
    // a short place of a site name; no place at all keeps the form as written
    assert_eq!(names("东莞新闻网讯 市人民医院开展义诊活动。"), ["东莞市人民医院"]);
    assert_eq!(names("10月8日,市人民医院举行义诊。"), ["市人民医院"]);
    // a branch of a context form, and its parent, are two entries
    assert_eq!(
        names("洛南网讯 县人民医院东山分院揭牌,县人民医院院长出席。"),
        ["洛南县人民医院东山分院", "洛南县人民医院"]
    );
    // a municipal hospital (市立医院) is no context form
    assert!(names("这是本市第一家市立医院。").is_empty());
}

#[test]
fn canonical_names_keep_districts_and_drop_locators() {
    let h = hospitals("四川省甘孜藏族自治州人民医院与四川省人民医院合作。");
    assert_eq!(
        h.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
        ["四川省甘孜藏族自治州人民医院", "四川省人民医院"]
    );
    assert_eq!(names("广州市白云区人民医院派出专家。"), ["广州市白云区人民医院"]);
    assert_eq!(names("长沙市东湖大学附属第一医院派出专家。"), ["东湖大学附属第一医院"]);
    // a numeral of a place (七台河) is no ordinal: the short form joins
    let h = hospitals("在黑龙江省七台河市勃利县人民医院揭牌。勃利县人民医院能力提高。");
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0].0, "勃利县人民医院");
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
            push(
                &mut map,
                &doc,
                span,
                super::Form::Full,
                crate::extract::Rule::HospitalName,
            );
        }
        list.sort_by_key(|s| s.start);
        let kept: Vec<Span> = map.by_start.values().map(|c: &Candidate| c.span).collect();
        assert_eq!(kept, list, "seed {seed}");
    }
}
