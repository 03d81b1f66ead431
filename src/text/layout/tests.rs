//! Layout cases: title, meta line, body and bylines on small pages.

use super::*;

fn names(text: &str, l: &Layout) -> Vec<(String, Role)> {
    l.bylines
        .iter()
        .map(|b| (text[b.name.start..b.name.end].to_string(), b.role))
        .collect()
}

#[test]
fn title_meta_and_body() {
    let text = "首页|新闻|图片\n医院专家赴边疆开展义诊活动\n来源:健康报 发布时间:2023年05月06日 作者:李明 王芳\n字号:\n 近日,某某医院组织专家赴边疆开展义诊,服务群众300余人次,受到当地欢迎和好评。\n图片\n专家们表示将继续努力。\n版权所有 健康网\n相关文章";
    let l = Layout::new(text);
    assert_eq!(
        &text[l.title.unwrap().start..l.title.unwrap().end],
        "医院专家赴边疆开展义诊活动"
    );
    assert_eq!(l.published.as_deref(), Some("2023-05-06"));
    assert_eq!(l.source.as_deref(), Some("健康报"));
    assert_eq!(
        names(text, &l),
        vec![("李明".into(), Role::Author), ("王芳".into(), Role::Author)]
    );
    let body: Vec<&str> = l.body.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(body[0].starts_with("近日"));
}

#[test]
fn dateline_reporter_and_closing_editor() {
    let text = "标题一二三四五六\n2021-03-04 10:20 来源:某网\n某网新疆新闻3月4日电(李强)今天,医院开展了义诊活动,很受欢迎。\n(编辑:阿依古丽)";
    let l = Layout::new(text);
    assert_eq!(l.published.as_deref(), Some("2021-03-04T10:20"));
    assert_eq!(
        names(text, &l),
        vec![("李强".into(), Role::Reporter), ("阿依古丽".into(), Role::Editor)]
    );
    assert_eq!(l.bylines[0].org.as_deref(), Some("某网新疆"));
}

#[test]
fn a_byline_above_the_headline() {
    let text =
        "某某日报讯 记者 扎西\n山南市人民医院迎来援藏医疗队\n7月8日,医疗队一行25人抵达山南市,开展为期一年的帮扶工作。";
    let l = Layout::new(text);
    assert_eq!(
        &text[l.title.unwrap().start..l.title.unwrap().end],
        "山南市人民医院迎来援藏医疗队"
    );
    assert_eq!(names(text, &l), vec![("扎西".into(), Role::Reporter)]);
    assert_eq!(l.source.as_deref(), Some("某某日报"));
}

#[test]
fn closing_parenthesised_author_and_pen_names() {
    let text = "医院开展义诊活动很受欢迎呢\n今天医院开展了义诊活动,很受欢迎,群众纷纷点赞,表示感谢。(王小明)\n采写:南都记者 张伟 通讯员 粤卫信";
    let l = Layout::new(text);
    assert_eq!(
        names(text, &l),
        vec![("王小明".into(), Role::Author), ("张伟".into(), Role::Reporter)]
    );
    assert_eq!(l.bylines[1].org.as_deref(), Some("南都"));
    assert!(l.published.is_none());
}

#[test]
fn one_scan_reads_the_facts_of_a_line() {
    let (f, chars) = lines::Facts::of("首页 | 新闻 | 图片 » 正文");
    assert_eq!(
        (f.pipes, f.arrows, f.guillemet, f.sentence_end, f.word_char),
        (2, 0, true, false, true)
    );
    assert_eq!(chars, "首页 | 新闻 | 图片 » 正文".chars().count());
    let (f, _) = lines::Facts::of("他说:好。Visit www.a.cn?");
    assert!(f.full_stop && f.sentence_end && f.ascii_letter);
    let (f, _) = lines::Facts::of("— ? —");
    assert!(!f.word_char && !f.sentence_end);
    let (f, _) = lines::Facts::of("完了？");
    assert!(f.sentence_end && !f.full_stop);
}

proptest::proptest! {
    /// The one-pass facts agree with the plain definitions, on any text.
    #[test]
    fn facts_agree_with_their_definitions(s in "[|>»。!？;… ,䷀㐀a0一医𠀀-]{0,12}|\\PC{0,40}") {
        let (f, chars) = lines::Facts::of(&s);
        proptest::prop_assert_eq!(chars, s.chars().count());
        proptest::prop_assert_eq!(usize::from(f.pipes), s.matches('|').count());
        proptest::prop_assert_eq!(usize::from(f.arrows), s.matches('>').count());
        proptest::prop_assert_eq!(f.guillemet, s.contains('»'));
        proptest::prop_assert_eq!(f.full_stop, s.contains('。'));
        proptest::prop_assert_eq!(f.sentence_end, has_sentence_end(&s));
        proptest::prop_assert_eq!(f.ascii_letter, s.bytes().any(|b| b.is_ascii_alphabetic()));
        proptest::prop_assert_eq!(f.word_char, s.chars().any(|c| is_cjk(c) || c.is_ascii_alphanumeric()));
    }
}

#[test]
fn a_snippet_without_a_page_is_read_as_text() {
    for snippet in ["5名专家", "今天", "2024年3月", "县人民医院\n3例手术"] {
        let layout = Layout::new(snippet);
        let covered: usize = layout.zones().iter().map(|z| z.len()).sum();
        let text_bytes: usize = snippet.lines().map(str::len).sum();
        assert_eq!(covered, text_bytes, "{snippet:?}: {:?}", layout.zones());
    }
    // chrome under a headline stays out
    let layout = Layout::new("县人民医院完成首例手术\n返回首页");
    assert!(layout.body.is_empty(), "{:?}", layout.body);
}

#[test]
fn bylines_on_header_lines_and_in_parentheses() {
    let body = "近日,东湖市第二人民医院派出专家团队,赴青山县开展义诊活动,服务群众三百余人次。";
    // a line of its own between the headline and the body, two names after one label
    let text = format!("专家团队赴青山县义诊\n□东湖日报记者 张明华 李芳\n{body}");
    let l = Layout::new(&text);
    assert_eq!(
        names(&text, &l),
        vec![("张明华".into(), Role::Reporter), ("李芳".into(), Role::Reporter)]
    );
    // in parentheses near the start of the first body line, with a longer label
    let text = format!("专家团队赴青山县义诊\n东湖健康网(特约通讯员 王建新 赵小红)3月2日,{body}");
    let l = Layout::new(&text);
    assert_eq!(
        names(&text, &l),
        vec![
            ("王建新".into(), Role::Correspondent),
            ("赵小红".into(), Role::Correspondent)
        ]
    );
}

#[test]
fn glued_bylines_split_at_outlets_and_surnames() {
    let body = "近日,东湖市第二人民医院派出专家团队,赴青山县开展义诊活动,服务群众三百余人次。";
    // name, then an outlet starting with a place, then the next label; two names glued at
    // the end, split where the second surname starts
    let text = format!("专家团队赴青山县义诊\n东湖日报记者周建国湖北广电记者吴明通讯员孙立新郑丽\n{body}");
    let l = Layout::new(&text);
    let got: Vec<String> = names(&text, &l).into_iter().map(|(n, _)| n).collect();
    assert_eq!(got, ["周建国", "吴明", "孙立新", "郑丽"]);
    // `采写:` then an outlet right before the next label: the outlet is no name
    let text = format!("专家团队赴青山县义诊\n{body}\n采写:南方记者 钱大伟 通讯员 冯小燕");
    let l = Layout::new(&text);
    let got: Vec<String> = names(&text, &l).into_iter().map(|(n, _)| n).collect();
    assert_eq!(got, ["钱大伟", "冯小燕"]);
    // a photo credit after the name is no part of it
    let text = format!("专家团队赴青山县义诊\n{body}(记者韩立伟摄)");
    let l = Layout::new(&text);
    let got: Vec<String> = names(&text, &l).into_iter().map(|(n, _)| n).collect();
    assert_eq!(got, ["韩立伟"]);
}

#[test]
fn a_meta_line_that_closes_the_page() {
    // a repost: headline, the text, then the source's meta line; nothing after it
    let text = "专家团队赴青山县义诊\n\n近日,东湖市第二人民医院派出专家团队,赴青山县开展义诊活动,服务群众三百余人次。\n专家们表示,将继续开展帮扶。\n作者:东湖日报\n日期:2023-05-06 08:30:00";
    let l = Layout::new(text);
    assert_eq!(
        &text[l.title.unwrap().start..l.title.unwrap().end],
        "专家团队赴青山县义诊"
    );
    let body: Vec<&str> = l.body.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(body[0].starts_with("近日"));
    assert_eq!(l.published.as_deref(), Some("2023-05-06T08:30:00"));
}
