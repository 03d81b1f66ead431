//! First-case cases: each trigger and pattern of SPEC §7, and each negative.

fn claims(text: &str) -> Vec<(String, Option<String>, Option<u64>)> {
    crate::Extractor::new()
        .extract("t", text)
        .first_cases
        .into_iter()
        .map(|f| (f.text, f.scope, f.count))
        .collect()
}

fn c(text: &str, scope: Option<&str>, count: Option<u64>) -> (String, Option<String>, Option<u64>) {
    (text.into(), scope.map(str::to_string), count)
}

#[test]
fn leading_triggers_with_scope_and_what() {
    assert_eq!(
        claims("这是全省首例经导管主动脉瓣置换术。"),
        [c("全省首例经导管主动脉瓣置换术", Some("全省"), None)]
    );
    let r = crate::Extractor::new().extract("t", "喀什地区第一人民医院成功完成南疆首台机器人辅助手术。");
    assert_eq!(r.first_cases[0].scope.as_deref(), Some("南疆"));
    assert_eq!(r.first_cases[0].what.as_deref(), Some("机器人辅助手术"));
    assert_eq!(r.first_cases[0].hospital.as_deref(), Some("喀什地区第一人民医院"));
    assert_eq!(
        claims("医院获批全市首家胸痛中心。"),
        [c("全市首家胸痛中心", Some("全市"), None)]
    );
}

#[test]
fn trailing_triggers() {
    assert_eq!(
        claims("该手术在林芝市人民医院尚属首例。"),
        [c("在林芝市人民医院尚属首例", Some("林芝市人民医院"), None)]
    );
    assert_eq!(
        claims("专家完成多项高难度手术首例。"),
        [c("多项高难度手术首例", None, None)]
    );
}

#[test]
fn counted_firsts() {
    assert_eq!(
        claims("县级以上首例手术累计达46例。"),
        [c("县级以上首例手术累计达46例", Some("县级以上"), Some(46))]
    );
    assert_eq!(
        claims("其中12项填补了昌吉州技术空白。"),
        [c("填补了昌吉州技术空白", Some("昌吉州"), Some(12))]
    );
}

#[test]
fn patterns() {
    assert_eq!(claims("新技术填补国内空白。"), [c("填补国内空白", Some("国内"), None)]);
    assert_eq!(
        claims("实现了医院国家自然科学基金零的突破。"),
        [c("医院国家自然科学基金零的突破", None, None)]
    );
    assert_eq!(claims("该院首次成功开展心脏搭桥手术。").len(), 1);
}

#[test]
fn negatives() {
    assert!(claims("首届学术大赛举办,首批专家抵达。").is_empty());
    assert!(claims("首考通过率提升,首席专家出席。").is_empty());
    assert!(claims("首先,专家们来到首都。").is_empty());
    assert!(claims("代表团首次访问医院,首次会议召开。").is_empty());
    assert!(claims("致力将该市打造成为全国首个智慧医疗城市。").is_empty());
    assert!(claims("首个工作日,医生们早早到岗。").is_empty());
    assert!(claims("返回首页,查看首都新闻。").is_empty());
}

#[test]
fn a_count_before_a_trailing_first() {
    assert_eq!(
        claims("开展新技术150余项,其中40项为地区首例。"),
        [c("40项为地区首例", Some("地区"), Some(40))]
    );
}

#[test]
fn what_runs_through_words_that_stop_only_before_numbers() {
    let r = crate::Extractor::new().extract("t", "完成红河州首例达芬奇机器人手术,首例手术达12例。");
    assert_eq!(r.first_cases[0].what.as_deref(), Some("达芬奇机器人手术"));
    assert_eq!(
        claims("新技术填补了滇南地区空白。"),
        [c("填补了滇南地区空白", Some("滇南地区"), None)]
    );
}
