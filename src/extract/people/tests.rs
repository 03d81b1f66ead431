//! People cases: each pattern of SPEC §4 and each exclusion, on sentences of their own.

fn people(text: &str) -> Vec<(String, Vec<String>, Option<String>)> {
    crate::Extractor::new()
        .extract("t", text)
        .people
        .into_iter()
        .map(|p| (p.name, p.titles, p.org))
        .collect()
}

fn names(text: &str) -> Vec<String> {
    people(text).into_iter().map(|p| p.0).collect()
}

fn p(name: &str, titles: &[&str], org: Option<&str>) -> (String, Vec<String>, Option<String>) {
    (
        name.into(),
        titles.iter().map(|t| t.to_string()).collect(),
        org.map(str::to_string),
    )
}

#[test]
fn org_title_name() {
    assert_eq!(
        people("四川大学华西医院党委书记李正赤出席会议。"),
        [p("李正赤", &["党委书记"], Some("四川大学华西医院"))]
    );
    assert_eq!(
        people("喀什地区卫生健康委员会副主任马建新表示欢迎。"),
        [p("马建新", &["副主任"], Some("喀什地区卫生健康委员会"))]
    );
}

#[test]
fn shared_title_lists() {
    assert_eq!(names("副院长刘伟、陈红、赵刚等一行到访。"), ["刘伟", "陈红", "赵刚"]);
    let ps = people("援藏专家孙立平、周文博开展手术。");
    assert!(ps.iter().all(|x| x.1 == ["援藏专家"]), "{ps:?}");
}

#[test]
fn title_chains() {
    let ps = people("市人民医院党委书记、院长黄志明主持会议。");
    assert_eq!(ps[0].0, "黄志明");
    assert_eq!(ps[0].1, ["党委书记", "院长"]);
    let ps = people("党委副书记兼工会主席韩雪梅发言。");
    assert_eq!(ps[0].1, ["党委副书记", "工会主席"]);
}

#[test]
fn name_before_a_rank() {
    assert_eq!(people("心内科郑海涛主任医师团队完成手术。")[0].0, "郑海涛");
    assert_eq!(people("神经外科冯晓东教授指导。")[0].1, ["教授"]);
}

#[test]
fn minority_names_keep_the_dot() {
    assert_eq!(names("县卫健委主任买买提·艾力表示感谢。"), ["买买提·艾力"]);
}

#[test]
fn bylines() {
    let text = "医院开展义诊活动\n来源:健康报 作者:李明 王芳\n正文第一段,医院开展了义诊活动,服务群众。\n(编辑:张伟)";
    let ps = people(text);
    assert_eq!(
        ps,
        [
            p("李明", &["作者"], None),
            p("王芳", &["作者"], None),
            p("张伟", &["编辑"], None)
        ]
    );
}

#[test]
fn later_mentions_are_found() {
    let r = crate::Extractor::new().extract("t", "院长陈建国主持会议。陈建国表示,将继续帮扶。");
    assert_eq!(r.people[0].mentions.len(), 2);
}

#[test]
fn exclusions() {
    assert!(names("71岁的朱大爷(化名)说,李女士和唐医生都很好。").is_empty());
    assert!(names("张玉柱名老中医药传承工作室挂牌。").is_empty());
    assert!(names("湘雅医院专家高水平、高质量的服务。").is_empty());
    assert!(names("采写:某报记者 张伟 通讯员 川卫信").iter().all(|n| n != "川卫信"));
    assert!(names("骨干专家来喀什地区第一人民医院进行帮扶。").is_empty());
}

#[test]
fn names_without_a_han_surname_after_a_title() {
    assert_eq!(
        people("山南市副市长格桑次仁表示感谢。"),
        [p("格桑次仁", &["副市长"], Some("山南市"))]
    );
    // a word after a title is no name
    assert!(names("专家累计参与诊疗患者,医院长期以来坚持帮扶。").is_empty());
}

#[test]
fn a_department_before_a_rank_is_no_title() {
    let ps = people("瑞金医院援滇专家、泌尿外科主任医师李伟带领团队。");
    assert_eq!(ps[0].1, ["援滇专家", "主任医师"]);
    assert_eq!(ps[0].2.as_deref(), Some("瑞金医院"));
}

#[test]
fn list_members_share_the_hospital_over_a_department() {
    let ps = people("总医院医务处处长赵敏、护理部主任孙丽参加调研。(记者 何涛 实习生 马莉)");
    let orgs: Vec<_> = ps.iter().map(|p| (p.0.as_str(), p.2.as_deref())).collect();
    assert_eq!(
        orgs[..2],
        [("赵敏", Some("总医院医务处")), ("孙丽", Some("总医院医务处"))]
    );
    assert!(ps.iter().all(|p| p.0 != "实习生"));
}

#[test]
fn tibetan_names_and_generic_organisations() {
    assert_eq!(names("会上,县委副书记、县长扎西多吉讲话。"), ["扎西多吉"]);
    assert!(names("在专家帮扶下,医院专家驻点帮扶。").is_empty());
    assert_eq!(people("医院党委书记、院长王建国主持。")[0].2, None);
}

#[test]
fn occurrences_of_many_names_in_one_pass() {
    use super::occurrences;
    use crate::text::Span;
    let text = "王王王,李四见李四和张三。";
    let all = Span::new(0, text.len());
    let b = |s: &str| text.find(s).unwrap();
    // non-overlapping per name, like match_indices; 67 of the names share a first character
    let mut names: Vec<String> = (0..70).map(|k| format!("无{k}")).collect();
    names[3] = "王王".into();
    names[67] = "李四".into();
    names[5] = "张三".into();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut got = occurrences(text, all, &refs);
    got.sort_by_key(|(_, s)| s.start);
    let li2 = b("见") + "见".len();
    assert_eq!(
        got,
        [
            (3, Span::new(0, 6)),
            (67, Span::new(b("李四"), b("李四") + 6)),
            (67, Span::new(li2, li2 + 6)),
            (5, Span::new(b("张三"), b("张三") + 6)),
        ]
    );
    // only inside the span asked for
    assert_eq!(occurrences(text, Span::new(b("见"), text.len()), &refs).len(), 2);
}

#[test]
fn people_introduced_without_a_title() {
    assert_eq!(people("当地村民郝建国高兴不已。"), [p("郝建国", &[], None)]);
    assert_eq!(names("术后第三天,患者蒋丽华已能下床。"), ["蒋丽华"]);
    assert_eq!(names("远程会诊时,医院的麻醉科钮小燕也在线。"), ["钮小燕"]);
    assert_eq!(names("谈到今后,祁海峰表示,还要继续努力。"), ["祁海峰"]);
    assert_eq!(names("邬春生说,这样的帮扶很及时。"), ["邬春生"]);
    assert_eq!(names("我们请教了研究者邹文涛先生。"), ["邹文涛"]);
    assert_eq!(names("昨天,翟晓东在会上作了报告。"), ["翟晓东"]);
    assert_eq!(names("文件送到后,柏大明和郜小红已经到达会场。"), ["柏大明", "郜小红"]);
    assert_eq!(people("图为义诊现场。严晓东 摄"), [p("严晓东", &["摄影"], None)]);
    assert_eq!(people("义诊现场。摄影:荀立伟"), [p("荀立伟", &["摄影"], None)]);
}

#[test]
fn lists_continue_a_found_name() {
    let got = names("专家组成员有:苗志远、荆晓兰和鲍国庆。鲍国庆介绍,今年已义诊三次。");
    assert_eq!(got, ["苗志远", "荆晓兰", "鲍国庆"]);
    let got = names("记者见到了柯文博、冉思远、管倩3位医生。冉思远笑着说:“很忙。”");
    assert_eq!(got, ["柯文博", "冉思远", "管倩"]);
}

#[test]
fn titles_of_other_sectors_and_after_the_name() {
    assert_eq!(people("公司副总经理芮志刚出席。")[0].1, ["副总经理"]);
    assert_eq!(people("该行副行长岑立新致辞。")[0].1, ["副行长"]);
    assert_eq!(people("会上,滕书平副院长指出,要抓好落实。")[0].0, "滕书平");
    assert_eq!(names("副县长邝丽丽颁发奖牌。"), ["邝丽丽"]);
    assert_eq!(people("昨天,葛文海总理会见了代表团。")[0].1, ["总理"]);
    assert_eq!(names("患病多年,寇建业今年六十五岁。"), ["寇建业"]);
}

#[test]
fn references_and_words_are_no_names() {
    assert!(names("李女士说,服务很好。王医生表示,会继续随访。").is_empty());
    assert!(names("张某告诉记者,他很满意。").is_empty());
    assert!(names("来自多家医院的14位权威专家参加。").is_empty());
    assert!(names("医院为患者暖心服务。患者左冠状动脉狭窄。").is_empty());
    assert!(names("专家和检查车都到了村口。科长、主任多人出席。").is_empty());
    assert!(names("同时指出,要做好防护。文章认为,这很重要。").is_empty());
    assert!(names("他读过很多小说,也拍摄了照片。").is_empty());
    assert!(names("群众的安全感和幸福感不断提升。").is_empty());
    assert!(names("该科学术氛围浓厚,外科手术量上升。开展科普宣讲。").is_empty());
}

/// Every mention of every person is the name's own surface, whatever pattern found it.
#[test]
fn mentions_are_the_name() {
    let texts = [
        "当地村民郝建国高兴不已。郝建国说,医生很好。",
        "专家组成员有苗志远、荆晓兰和鲍国庆。鲍国庆介绍,今年已义诊三次。",
        "副县长邝丽丽颁发奖牌。图为现场。严晓东 摄",
        "县卫健委主任买买提·艾力表示感谢。买买提·艾力说,欢迎。",
        "院长陈建国主持会议。陈建国表示,将继续帮扶。",
    ];
    for text in texts {
        let r = crate::Extractor::new().extract("t", text);
        assert!(!r.people.is_empty(), "{text}");
        for person in &r.people {
            for s in &person.surfaces {
                assert_eq!(s.text, person.name, "{text}");
                let chars: String = text.chars().skip(s.start).take(s.end - s.start).collect();
                assert_eq!(chars, person.name, "{text}");
            }
        }
    }
}

#[test]
fn people_of_other_sectors_and_pairs_in_general_news() {
    assert_eq!(people("演员钟晓燕出席了发布会。")[0].1, ["演员"]);
    assert_eq!(people("教练员谭志远表示球队状态良好。")[0].1, ["教练员"]);
    // two names that open a clause before 一起 or 等人
    assert_eq!(names("昨天,卢文斌和晏小雨一起去了省城。"), ["卢文斌", "晏小雨"]);
    assert_eq!(names("房志刚、舒小娟等人参加了会议。"), ["房志刚", "舒小娟"]);
}

#[test]
fn openers_responses_and_family_words() {
    assert_eq!(names("据樊立群介绍,该项目已经完工。"), ["樊立群"]);
    assert_eq!(names("对此,宁志国回应说,他会继续努力。"), ["宁志国"]);
    assert_eq!(names("在老伴严秀兰的陪同下,他来到医院。"), ["严秀兰"]);
    // 据 before a word that is no name
    assert!(names("据统计,全年接诊患者三千人次。").is_empty());
}
