//! Articles written for these tests in the genre's style (not from the fixtures): page
//! chrome, bylines, traditional script with full-width digits. Each test pins the facts a
//! reader would take from the page.

use zhnews::Extractor;

fn record(name: &str) -> zhnews::Record {
    let text = std::fs::read_to_string(format!("tests/data/{name}.txt")).unwrap();
    Extractor::new().extract(name, &text)
}

#[test]
fn simplified_page_with_chrome_and_bylines() {
    let r = record("unseen_zheyi");
    assert_eq!(r.meta.published.as_deref(), Some("2023-09-15T10:32"));
    assert_eq!(r.meta.authors, ["陈晓", "刘芳", "周倩"]);
    assert_eq!(r.meta.editors, ["李静"]);
    let hospitals: Vec<&str> = r.hospitals.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(hospitals, ["浙江大学医学院附属第一医院", "阿克苏地区第一人民医院"]);
    let p = r.people.iter().find(|p| p.name == "吴建军").unwrap();
    assert_eq!(p.titles, ["援疆专家", "副主任医师"]);
    assert!(r.people.iter().any(|p| p.name == "艾尔肯·吐尔逊"));
    let dates: Vec<&str> = r.dates.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(
        dates,
        ["2023-09-15T10:32", "2023-09-12", "2016/..", "2023/..", "2022-12"]
    );
    let c = r.counts.iter().find(|c| c.text == "2.3万人次").unwrap();
    assert_eq!(c.value, 23000.0);
    assert!(r.first_cases.iter().any(|f| f.scope.as_deref() == Some("阿克苏地区")));
    // nothing from the related-news list or the footer
    assert!(r.dates.iter().all(|d| d.value != "2023-08-01"));
}

#[test]
fn traditional_page_with_full_width_digits() {
    let r = record("unseen_ruijin_trad");
    assert_eq!(
        r.meta.title.as_deref(),
        Some("上海援滇医疗队完成红河州首例达芬奇机器人手术")
    );
    assert_eq!(r.meta.published.as_deref(), Some("2024-10-12T21:05"));
    let p = r.people.iter().find(|p| p.name == "李伟").unwrap();
    assert_eq!(p.titles, ["援滇专家", "主任医师"]);
    assert_eq!(r.dates[0].text, "２０２４年１０月１２日 ２１：０５");
    assert_eq!(r.dates[0].value, "2024-10-12T21:05");
    let c = r.counts.iter().find(|c| c.unit.as_deref() == Some("小时")).unwrap();
    assert_eq!((c.text.as_str(), c.value), ("約３小時", 3.0));
    assert!(
        r.first_cases
            .iter()
            .any(|f| f.what.as_deref() == Some("达芬奇机器人辅助前列腺癌根治术"))
    );
}
