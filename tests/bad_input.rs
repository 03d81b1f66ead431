//! Bad input never panics and never loses a batch: empty text, no article, binary data,
//! invalid UTF-8, a 10 MB line, an unreadable path.

use std::fs;
use std::path::PathBuf;

use zhnews::{Extractor, Input, InputError, Job};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("zhnews-bad-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn empty_and_blank_text_give_empty_records() {
    let ex = Extractor::new();
    for t in ["", " ", "\n\n\n", "\u{FEFF}", "??????", "|||"] {
        let r = ex.extract("e", t);
        assert!(
            r.hospitals.is_empty()
                && r.people.is_empty()
                && r.dates.is_empty()
                && r.counts.is_empty()
                && r.first_cases.is_empty(),
            "{t:?}"
        );
        assert_eq!(r.id, "e");
    }
}

#[test]
fn control_characters_and_odd_scripts_do_not_panic() {
    let ex = Extractor::new();
    let t = "\u{0}\u{1}医院\u{7F}\u{202E}𠀀𪚥 🏥 12名 ١٢٣ (ā) （） 網(";
    let _ = ex.extract("odd", t);
}

#[test]
fn a_ten_megabyte_line_is_processed() {
    let line = "医院专家开展义诊,服务群众300余人次,".repeat(10_000_000 / 50 + 1);
    assert!(line.len() >= 10_000_000);
    let r = Extractor::new().extract("big", &line);
    assert!(r.counts.len() > 1000);
    let chars: Vec<char> = line.chars().collect();
    let c = r.counts.last().unwrap();
    assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.text);
}

#[test]
fn a_batch_survives_bad_files() {
    let d = tmp("files");
    fs::write(d.join("a.txt"), "医院选派5名专家。").unwrap();
    fs::write(d.join("b.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    fs::write(d.join("c.txt"), [0xE5, 0x8C, b'a', b'b', b'c', b'd']).unwrap();
    fs::write(d.join("d.txt"), "").unwrap();
    fs::write(d.join("e.txt"), "医院选派7名专家。").unwrap();
    let mut jobs: Vec<Job> = zhnews::read_paths(std::slice::from_ref(&d)).collect();
    jobs.push(Job::File(d.join("missing.txt")));
    let ex = Extractor::new();
    let results: Vec<Result<zhnews::Record, InputError>> = ex.extract_batch(jobs).collect();
    assert_eq!(results.len(), 6);
    assert_eq!(results[0].as_ref().unwrap().counts[0].value, 5.0);
    assert!(matches!(results[1], Err(InputError::Binary { .. })));
    assert!(matches!(
        results[2],
        Err(InputError::InvalidUtf8 { valid_up_to: 0, .. })
    ));
    assert!(results[3].as_ref().unwrap().counts.is_empty());
    assert_eq!(results[4].as_ref().unwrap().counts[0].value, 7.0);
    assert!(matches!(results[5], Err(InputError::Io { .. })));
    let msg = results[2].as_ref().unwrap_err().to_string();
    assert!(msg.contains("c.txt") && msg.contains("UTF-8"), "{msg}");
}

#[test]
fn oversized_inputs_are_refused_with_a_clear_error() {
    let ex = Extractor::builder().max_input_bytes(100).build().unwrap();
    let jobs = vec![
        Job::Text(Input::new("big", "医".repeat(100))),
        Job::Text(Input::new("ok", "3名专家")),
    ];
    let r: Vec<_> = ex.extract_batch(jobs).collect();
    let e = r[0].as_ref().unwrap_err();
    assert!(matches!(
        e,
        InputError::TooLarge {
            bytes: 300,
            limit: 100,
            ..
        }
    ));
    assert!(e.to_string().contains("max_input_bytes"));
    assert_eq!(r[1].as_ref().unwrap().id, "ok");
}

#[test]
fn bad_jsonl_lines_are_reported_by_line() {
    let data = "{\"id\":\"a\",\"text\":\"5名专家\"}\nnot json\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"6名专家\",\"published\":\"2024-01-02\"}\n".as_bytes().to_vec();
    let ex = Extractor::new();
    let r: Vec<_> = ex
        .extract_batch(zhnews::read_jsonl(std::io::Cursor::new(data)))
        .collect();
    assert_eq!(r.len(), 4);
    assert!(r[0].is_ok());
    assert!(matches!(r[1], Err(InputError::Json { line: 2, .. })));
    assert!(matches!(r[2], Err(InputError::Json { line: 3, .. })));
    assert_eq!(r[3].as_ref().unwrap().meta.published.as_deref(), Some("2024-01-02"));
}

/// A byline line above the headline put the meta zone before the title zone, and look-ups by
/// position then crossed sentences and panicked (issue 10).
#[test]
fn a_byline_above_the_headline_gives_a_record() {
    let ex = Extractor::new();
    let page = "本报讯 记者 赵六\n市中心医院专家团队完成首例手术\n5月8日,市中心医院院长周强带领8名专家开展义诊。\n";
    let r = ex.extract("byline", page);
    assert_eq!(r.error, None);
    assert_eq!(r.meta.title.as_deref(), Some("市中心医院专家团队完成首例手术"));
    assert_eq!(r.meta.authors, ["赵六"]);
    let names: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["赵六", "周强"]);
    assert_eq!(r.counts[0].text, "8名专家");
    // the fuzzer's 12-byte minimum of the same fault
    let r = ex.extract("min", "记者\n\0\0\0\0t");
    assert_eq!(r.error, None);
}

#[test]
fn a_spent_time_budget_says_what_was_skipped() {
    let ex = Extractor::builder()
        .time_budget(Some(std::time::Duration::ZERO))
        .build()
        .unwrap();
    let r = ex.extract("t", "5月8日,8名专家抵达县人民医院。");
    assert!(r.dates.is_empty() && r.counts.is_empty() && r.hospitals.is_empty());
    let e = r.error.expect("an error that names the skipped stage");
    assert!(e.contains("`dates`"), "{e}");
    let r = Extractor::new().extract("t", "5月8日,8名专家抵达。");
    assert_eq!((r.error, r.counts.len()), (None, 1));
}

#[test]
fn a_file_past_the_limit_is_refused_even_when_its_size_is_unknown() {
    // a pipe reports size 0; the limit applies to what is read
    let d = tmp("fifo");
    let p = d.join("big.txt");
    fs::write(&p, "医".repeat(100)).unwrap();
    let ex = Extractor::builder().max_input_bytes(100).build().unwrap();
    let r: Vec<_> = ex.extract_batch(vec![Job::File(p)]).collect();
    assert!(matches!(r[0], Err(InputError::TooLarge { bytes: 300, .. })));
}
