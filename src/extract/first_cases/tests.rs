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
        claims("专家完成多项微创手术首例。"),
        [c("多项微创手术首例", None, None)]
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

/// The indexes answer like the scans they replaced, on sentences of my own and on
/// hand-made mention and count lists (overlapping ones included), at every position.
mod indexes {
    use super::super::index::{Clauses, Counts, Mentions};
    use super::super::{ACHIEVE, ASPIRATIONS, FirstFound, Taken};
    use crate::extract::counts::CountMention;
    use crate::extract::hospitals::HospitalFound;
    use crate::text::Span;

    const SENTENCES: &[&str] = &[
        "我们力争,在年底前实现了零的突破;取得了新进展(见附表)!实现技术突破？",
        "致力打造区域中心,争取首例手术成功,计划实现零的突破。",
        "没有标点的一句话取得取得了实现",
        ",,;;",
    ];

    fn naive_clause(text: &str, sent: Span, at: usize) -> Span {
        let is_stop = |c: char| matches!(c, ',' | ';' | ':' | '。' | '!' | '？' | '(' | ')');
        let start = text[sent.start..at]
            .char_indices()
            .rev()
            .find(|(_, c)| is_stop(*c))
            .map_or(sent.start, |(i, c)| sent.start + i + c.len_utf8());
        let end = text[at..sent.end]
            .char_indices()
            .find(|(_, c)| is_stop(*c))
            .map_or(sent.end, |(i, _)| at + i);
        Span::new(start, end)
    }

    #[test]
    fn clauses_agree_with_scans() {
        for text in SENTENCES {
            let sent = Span::new(0, text.len());
            let mut ix = Clauses::new(text, sent);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let clause = naive_clause(text, sent, at);
                assert_eq!(ix.clause_of(at), clause, "{text:?} at {at}");
                let before = &text[clause.start..at];
                assert_eq!(
                    ix.aspirational(clause, at),
                    ASPIRATIONS.iter().any(|w| before.contains(w))
                );
                for (v, w) in ACHIEVE.iter().enumerate() {
                    let naive = text[clause.start..at].rfind(w).map(|i| clause.start + i);
                    assert_eq!(ix.last_achieve(v, clause.start, at), naive, "{w} in {clause:?} to {at}");
                }
                if clause.start > 0 && text.is_char_boundary(clause.start - 1) {
                    assert_eq!(ix.clause_before(clause), naive_clause(text, sent, clause.start - 1));
                }
            }
        }
    }

    fn hospital(name: &str, mentions: &[(usize, usize)]) -> HospitalFound {
        HospitalFound {
            name: name.into(),
            mentions: mentions.iter().map(|&(a, b)| Span::new(a, b)).collect(),
            rules: vec![crate::extract::Rule::HospitalName; mentions.len()],
        }
    }

    #[test]
    fn mentions_agree_with_scans() {
        let lists = [
            vec![
                hospital("a", &[(3, 9), (20, 26)]),
                hospital("b", &[(10, 14), (30, 31)]),
                hospital("c", &[(14, 20)]),
            ],
            vec![hospital("a", &[(3, 9), (5, 12)]), hospital("b", &[(0, 4), (9, 9)])],
            vec![],
        ];
        for hs in &lists {
            let ix = Mentions::new(hs);
            for a in 0..34 {
                for b in a..34 {
                    let span = Span::new(a, b);
                    let naive = hs.iter().find_map(|h| {
                        h.mentions
                            .iter()
                            .find(|m| span.contains(m))
                            .map(|m| (h.name.clone(), *m))
                    });
                    assert_eq!(ix.at(span).map(|(h, m)| (h.name.clone(), m)), naive, "{span:?}");
                    let ending = hs
                        .iter()
                        .flat_map(|h| h.mentions.iter())
                        .find(|m| m.end == b && m.start >= a);
                    assert_eq!(ix.ending_at(a, b), ending.copied());
                }
                let latest = hs
                    .iter()
                    .flat_map(|h| h.mentions.iter().map(move |m| (m, h)))
                    .filter(|(m, _)| m.end <= a)
                    .max_by_key(|(m, _)| m.start)
                    .map(|(_, h)| h.name.clone());
                assert_eq!(ix.latest_before(a).map(|h| h.name.clone()), latest);
            }
        }
    }

    fn count(a: usize, b: usize, value: f64) -> CountMention {
        CountMention {
            span: Span::new(a, b),
            value,
            unit: None,
            object: None,
            approx: Default::default(),
            number: Span::new(a, b),
            rule: crate::extract::Rule::NumeralUnit,
        }
    }

    #[test]
    fn counts_and_taken_agree_with_scans() {
        let cs = [
            count(5, 9, 3.0),
            count(2, 6, 0.5),
            count(5, 7, 1.0),
            count(20, 24, 2.0),
            count(14, 18, 9.0),
        ];
        let ix = Counts::new(&cs);
        let limit = 19;
        for at in 0..30 {
            let naive = cs
                .iter()
                .find(|c| c.span.start >= at && c.span.end <= limit && c.span.start - at <= 12 && c.value >= 1.0);
            let fast = ix.first_starting(at, 12, |c| c.span.end <= limit && c.value >= 1.0);
            assert_eq!(fast.map(|c| c.span), naive.map(|c| c.span), "after {at}");
            let naive = cs
                .iter()
                .rfind(|k| k.span.end <= at && k.span.start >= 3 && at - k.span.end <= 3);
            let fast = ix.last_ending(at, 3, |k| k.span.start >= 3);
            assert_eq!(fast.map(|c| c.span), naive.map(|c| c.span), "before {at}");
        }
        let claim = |a, b| FirstFound {
            span: Span::new(a, b),
            scope: None,
            what: None,
            hospital: None,
            count: None,
            rule: crate::extract::Rule::FirstTrigger,
        };
        let claims = [claim(10, 30), claim(2, 5), claim(12, 14), claim(40, 41)];
        let taken = Taken::new(&claims);
        for a in 0..45 {
            for b in a..45 {
                let span = Span::new(a, b);
                assert_eq!(
                    taken.overlaps(span),
                    claims.iter().any(|f| f.span.overlaps(&span)),
                    "{span:?}"
                );
            }
        }
    }
}

#[test]
fn firsts_with_di_yi_and_measure_words() {
    assert_eq!(
        claims("这是我国向南美洲派出的第一支眼科医疗队。"),
        [c("第一支眼科医疗队", None, None)]
    );
    assert_eq!(
        claims("医院成为全市首座启用该设备的县级医院。"),
        [c("全市首座启用该设备", Some("全市"), None)]
    );
    assert_eq!(claims("专家团队第一次成功开展心脏搭桥手术。").len(), 1);
    // ordinals and first times with no achievement are no claims
    assert!(claims("第一个问题是交通。他第一次来到青山县。").is_empty());
    assert_eq!(claims("该院成为全省第一个开展此项技术的医院。").len(), 1);
}

#[test]
fn from_nothing_and_zero_breakthroughs() {
    assert_eq!(
        claims("帮扶团队组建了青山县人民医院麻醉科,让这一学科从无到有,并完成手术30例。")
            .into_iter()
            .map(|x| x.0)
            .collect::<Vec<_>>(),
        ["从无到有"]
    );
    // one stage of a told growth is no first
    assert!(claims("几年来,医院技术从无到有、从弱到强。").is_empty());
    assert_eq!(
        claims("医院实现了省级科研项目“零突破”。")
            .into_iter()
            .map(|x| x.0)
            .collect::<Vec<_>>(),
        ["省级科研项目“零突破"]
    );
}
