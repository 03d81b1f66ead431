//! The bundled fixtures: complete records with exact offsets, the article meta, exact scores
//! per kind against the gold, and agreement of `zhnews eval` with the reference scorer.

use std::fs;
use std::path::Path;

// the scorer lives in the binary (`zhnews eval`); the test reads the same module
#[allow(dead_code)]
#[path = "../src/bin/zhnews/eval/mod.rs"]
mod eval;
use eval::score_dirs;
use zhnews::{Extractor, Record};

const ARTICLES: &str = "fixtures/articles";
const GOLD: &str = "fixtures/gold";

fn records() -> Vec<(String, Record)> {
    let ex = Extractor::new();
    let mut paths: Vec<_> = fs::read_dir(ARTICLES).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).unwrap();
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            let r = ex.extract(&id, &text);
            (text, r)
        })
        .collect()
}

fn slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn records_are_schema_valid_with_exact_offsets() {
    for (text, r) in records() {
        // A record that failed (a panic turned into `error`, or a spent time budget) has the
        // same keys and empty lists, so every loop below would pass on it: rule that out, and
        // pin the exact key set (no `error`, no `path`, nothing extra).
        assert_eq!(r.error, None, "{}", r.id);
        assert_eq!(r.schema_version, Record::SCHEMA_VERSION, "{}", r.id);
        let json = serde_json::to_value(&r).unwrap();
        let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut want = [
            "schema_version",
            "id",
            "meta",
            "hospitals",
            "people",
            "dates",
            "counts",
            "first_cases",
        ];
        want.sort_unstable();
        assert_eq!(keys, want, "{}", r.id);
        // Every fixture has gold hospitals, people, dates and counts: the offset checks below
        // must have something to check in each.
        for (kind, n) in [
            ("hospitals", r.hospitals.len()),
            ("people", r.people.len()),
            ("dates", r.dates.len()),
            ("counts", r.counts.len()),
        ] {
            assert!(n > 0, "{}: no {kind}", r.id);
        }
        let back: Record = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
        let n = text.chars().count();
        for d in &r.dates {
            assert_eq!(slice(&text, d.start, d.end), d.text, "{}", r.id);
        }
        for c in &r.counts {
            assert_eq!(slice(&text, c.start, c.end), c.text, "{}", r.id);
        }
        for f in &r.first_cases {
            assert_eq!(slice(&text, f.start, f.end), f.text, "{}", r.id);
        }
        for m in r
            .hospitals
            .iter()
            .flat_map(|h| &h.mentions)
            .chain(r.people.iter().flat_map(|p| &p.mentions))
        {
            assert!(m[0] < m[1] && m[1] <= n, "{}: {m:?}", r.id);
        }
        // hospital and person surfaces: the same spans as the mentions, with their exact text
        for (mentions, surfaces) in r
            .hospitals
            .iter()
            .map(|h| (&h.mentions, &h.surfaces))
            .chain(r.people.iter().map(|p| (&p.mentions, &p.surfaces)))
        {
            let spans: Vec<[usize; 2]> = surfaces.iter().map(|s| [s.start, s.end]).collect();
            assert_eq!(&spans, mentions, "{}", r.id);
            for s in surfaces {
                assert_eq!(slice(&text, s.start, s.end), s.text, "{}", r.id);
            }
        }
        // lists in document order
        assert!(r.dates.windows(2).all(|w| w[0].start <= w[1].start));
        assert!(r.counts.windows(2).all(|w| w[0].start <= w[1].start));
        assert!(r.hospitals.windows(2).all(|w| w[0].mentions[0] <= w[1].mentions[0]));
        assert!(r.people.windows(2).all(|w| w[0].mentions[0] <= w[1].mentions[0]));
    }
}

#[test]
fn meta_of_each_fixture() {
    type Meta = (Option<String>, Option<String>, Option<String>, Vec<String>);
    let got: Vec<Meta> = records()
        .into_iter()
        .map(|(_, r)| (r.meta.title, r.meta.published, r.meta.source, r.meta.authors))
        .collect();
    let s = |x: &str| Some(x.to_string());
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got[0],
        (
            s("湘雅医院:“组团式”精准援疆 “零距离”远程帮扶"),
            s("2022-07-18"),
            s("湘雅医院"),
            v(&["严丽", "王洁"])
        )
    );
    assert_eq!(
        got[1],
        (
            s("锡连协作“医”路情深 群众“近”享高水平医疗服务"),
            s("2024-12-10"),
            None,
            v(&["张安宇"])
        )
    );
    // a re-post: the re-posting site's date line is chrome, not the article's date
    assert_eq!(
        got[2],
        (s("广东医疗援贵州:创34个省级重点专科"), None, s("南都"), v(&["王道斌"]))
    );
    assert_eq!(
        got[3],
        (
            s("深化“组团式”医疗援疆 阿克苏市人民医院赴杭州多家医院交流学习"),
            s("2022-06-20T19:05:44"),
            s("中新网新疆"),
            v(&["冯勇"])
        )
    );
    assert_eq!(got[4], (None, None, None, v(&[])));
}

/// The measured level on the bundled fixtures is exact in every kind (see the README's
/// table): every gold item found, nothing spurious, every value, name, title, unit,
/// approximation and scope right. Any regression fails here; after a deliberate change of
/// the rules, fix the rule or the gold, not this test.
#[test]
fn fixture_scores_are_exact() {
    let s = score_dirs(Path::new(ARTICLES), Path::new(GOLD), None).unwrap();
    assert!(s.offset_errors.is_empty(), "{:?}", s.offset_errors);
    for kind in eval::KINDS {
        let k = &s.kinds[kind];
        let table = s.table();
        assert!(k.gold > 0, "{kind}: no gold\n{table}");
        assert!(
            k.missed.is_empty() && k.spurious.is_empty() && k.wrong.is_empty(),
            "{kind}: missed {:?}, spurious {:?}, wrong {:?}\n{table}",
            k.missed,
            k.spurious,
            k.wrong
        );
        assert_eq!((k.tp, k.pred), (k.gold, k.gold), "{kind}\n{table}");
        assert_eq!(k.prf().f1, 1.0, "{kind}\n{table}");
        assert_eq!(k.value_f1(kind), 1.0, "{kind}\n{table}");
    }
    let k = |name: &str| &s.kinds[name];
    let table = s.table();
    assert_eq!(k("hospitals").canonical, k("hospitals").tp, "{table}");
    assert_eq!(k("people").canonical, k("people").tp, "{table}");
    assert!(k("people").titled > 0, "{table}");
    assert_eq!(k("people").title_ok, k("people").titled, "{table}");
    assert_eq!(k("counts").unit_ok, k("counts").tp, "{table}");
    assert_eq!(k("counts").approx_ok, k("counts").tp, "{table}");
    assert_eq!(k("first_cases").scope_ok, k("first_cases").tp, "{table}");
    assert_eq!(s.macro_f1(), 1.0, "{table}");
}

/// `fixtures/eval/perturbed.jsonl` holds records with deliberate errors of every kind. The
/// reference scorer (`score.py --json`) gave these figures for it; `zhnews eval` must agree.
#[test]
fn eval_agrees_with_the_reference_scorer() {
    let s = score_dirs(
        Path::new(ARTICLES),
        Path::new(GOLD),
        Some(Path::new("fixtures/eval/perturbed.jsonl")),
    )
    .unwrap();
    // (kind, gold, pred, P, R, F1, value-F1) as printed by score.py
    let pinned = [
        ("hospitals", 29, 28, 1.000, 0.966, 0.982, 0.982),
        ("people", 56, 53, 1.000, 0.946, 0.972, 0.972),
        ("dates", 29, 30, 0.967, 1.000, 0.983, 0.949),
        ("counts", 109, 100, 1.000, 0.917, 0.957, 0.947),
        ("first_cases", 12, 9, 1.000, 0.750, 0.857, 0.857),
    ];
    for (kind, gold, pred, p, r, f1, vf1) in pinned {
        let k = &s.kinds[kind];
        let got = k.prf();
        assert_eq!((k.gold, k.pred), (gold, pred), "{kind}");
        for (a, b) in [(got.p, p), (got.r, r), (got.f1, f1), (k.value_f1(kind), vf1)] {
            assert!((a - b).abs() < 0.0005, "{kind}: {a:.3} != {b:.3}\n{}", s.table());
        }
    }
    assert_eq!(
        (
            s.kinds["hospitals"].canonical,
            s.kinds["people"].title_ok,
            s.kinds["people"].titled
        ),
        (27, 52, 53)
    );
    assert_eq!(
        (
            s.kinds["counts"].unit_ok,
            s.kinds["counts"].approx_ok,
            s.kinds["first_cases"].scope_ok
        ),
        (99, 99, 8)
    );
    assert_eq!(s.offset_errors.len(), 2);
    assert!((s.macro_f1() - 0.942).abs() < 0.0005);
}
