use super::sources::{decode, read_line_for_test};
use super::*;

#[test]
fn binary_and_utf8_checks() {
    assert!(matches!(decode("a", vec![0, 1, 2, 3]), Err(InputError::Binary { .. })));
    assert!(matches!(
        decode("a", vec![0xE5, 0x8C]),
        Err(InputError::InvalidUtf8 { .. })
    ));
    assert_eq!(decode("a", "\u{FEFF}医院".as_bytes().to_vec()).unwrap(), "医院");
    assert_eq!(decode("a", Vec::new()).unwrap(), "");
}

#[test]
fn jsonl_lines_keep_their_numbers() {
    let mut data = b"{\"id\":\"a\",\"text\":\"x\"}\n\n".to_vec();
    data.extend_from_slice(&[0xFF, b'b', b'\n']);
    data.extend_from_slice(b"{\"text\":\"y\"}\n");
    data.extend_from_slice("\u{FEFF}{\"id\":7,\"text\":\"z\"}".as_bytes());
    let jobs: Vec<Job> = read_jsonl(std::io::Cursor::new(data)).collect();
    assert_eq!(jobs.len(), 5);
    assert!(matches!(jobs[0], Job::JsonLine { line: 1, .. }));
    assert!(matches!(jobs[1], Job::Failed(InputError::Json { line: 2, .. })));
    assert!(matches!(jobs[2], Job::Failed(InputError::InvalidUtf8 { .. })));
    assert!(matches!(jobs[3], Job::JsonLine { line: 4, .. }));
    assert!(matches!(&jobs[4], Job::JsonLine { line: 5, json } if json.starts_with('{')));
}

#[test]
fn long_lines_are_skipped_without_being_kept() {
    let got = read_line_for_test(b"abc\nabcdefgh\nxy", 5);
    let got: Vec<(&[u8], &str)> = got.iter().map(|(b, l)| (b.as_slice(), l.as_str())).collect();
    assert_eq!(
        got,
        [(&b"abc\n"[..], "Read"), (&b""[..], "TooLong(9)"), (&b"xy"[..], "Read")]
    );
    // a line exactly at the cap is kept, newline included
    assert_eq!(read_line_for_test(b"abcd\n", 5)[0].1, "Read");
    assert_eq!(read_line_for_test(b"abcde\n", 5)[0].1, "TooLong(6)");
}

/// A reader that fails: the stream must end with one error, not repeat it forever.
struct Failing;
impl std::io::Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("Is a directory"))
    }
}

#[test]
fn a_read_error_ends_the_stream() {
    let jobs: Vec<Job> = read_jsonl(std::io::BufReader::new(Failing)).take(10).collect();
    assert_eq!(jobs.len(), 1);
    assert!(matches!(jobs[0], Job::Failed(InputError::Io { .. })));
}

fn text_job(id: &str, text: &str) -> Job {
    Job::Text(Input::new(id, text))
}

#[test]
fn results_come_in_order_whatever_finishes_first() {
    let ex = Extractor::new();
    // a long first input and many short ones: the short ones finish first
    let long = "县人民医院派出5名专家。".repeat(20_000);
    let jobs = std::iter::once(text_job("0", &long)).chain((1..300).map(|i| text_job(&i.to_string(), "3名专家。")));
    let ids: Vec<String> = ex.extract_batch(jobs).map(|r| r.unwrap().id).collect();
    let want: Vec<String> = (0..300).map(|i| i.to_string()).collect();
    assert_eq!(ids, want);
}

#[test]
fn an_invalid_published_date_is_an_error_of_that_input() {
    let ex = Extractor::new();
    let jobs = vec![
        Job::JsonLine {
            line: 1,
            json: r#"{"id":"a","text":"3名专家。","published":"2022-13-01"}"#.into(),
        },
        Job::JsonLine {
            line: 2,
            json: r#"{"id":"b","text":"3名专家。","published":"2022-12-01"}"#.into(),
        },
    ];
    let r: Vec<_> = ex.extract_batch(jobs).collect();
    assert!(matches!(&r[0], Err(InputError::Published { input, value }) if input == "a" && value == "2022-13-01"));
    assert_eq!(r[1].as_ref().unwrap().meta.published.as_deref(), Some("2022-12-01"));
}

#[test]
fn a_panicking_input_is_its_own_error() {
    let ex = Extractor::new();
    let jobs = vec![
        text_job("a", "3名专家。"),
        text_job(PANIC_ID, "x"),
        text_job("c", "5名专家。"),
    ];
    let r: Vec<_> = ex.extract_batch(jobs).collect();
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].as_ref().unwrap().counts[0].value, 3.0);
    assert!(
        matches!(&r[1], Err(InputError::Panicked { input, message }) if input == PANIC_ID && message.contains("deliberate"))
    );
    assert_eq!(r[2].as_ref().unwrap().counts[0].value, 5.0);
}

#[cfg(unix)]
#[test]
fn walks_survive_link_loops_and_fifos() {
    let dir = std::env::temp_dir().join(format!("zhnews-walk-{}", std::process::id()));
    let _ = fs_remove(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/a.txt"), "3名专家。").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("self")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(dir.join("pipe.txt")).status();
    let jobs: Vec<Job> = read_paths(std::slice::from_ref(&dir)).collect();
    let files = jobs.iter().filter(|j| j.path().is_some()).count();
    assert_eq!(files, 1, "{jobs:?}");
    if fifo.is_ok_and(|s| s.success()) {
        assert!(
            jobs.iter()
                .any(|j| matches!(j, Job::Failed(InputError::NotAFile { .. })))
        );
    }
    let _ = fs_remove(&dir);
}

fn fs_remove(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::remove_dir_all(dir)
}

#[test]
fn every_line_gives_one_record_in_order() {
    let mut data = Vec::new();
    data.extend_from_slice(b"{\"id\":\"a\",\"text\":\"3\xe5\x90\x8d\",\"url\":\"u1\"}\n");
    data.extend_from_slice(b"\n");
    data.extend_from_slice(b"{broken\n");
    data.extend_from_slice(&[0x00, 0xFF, 0xFE, b'\n']);
    data.extend_from_slice(b"{\"id\":12,\"text\":\"x\"}\n");
    data.extend_from_slice(b"{\"text\":\"y\"}\n");
    let ex = Extractor::new();
    data.extend_from_slice(b"{\"id\":\"p\",\"text\":\"y\",\"published\":\"2024-02-30\"}\n");
    let recs: Vec<Record> = ex.records(read_jsonl(std::io::Cursor::new(data))).collect();
    let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "2", "3", "4", "12", "6", "p"]);
    let failed: Vec<bool> = recs.iter().map(|r| r.error.is_some()).collect();
    assert_eq!(failed, [false, true, true, true, false, false, true]);
    assert_eq!(recs[0].extra.get("url").and_then(|v| v.as_str()), Some("u1"));
}

#[test]
fn walked_files_are_named_by_their_path_below_the_root() {
    let dir = std::env::temp_dir().join(format!("zhnews-ids-{}", std::process::id()));
    let _ = fs_remove(&dir);
    for month in ["2021-01", "2021-02"] {
        std::fs::create_dir_all(dir.join(month)).unwrap();
        std::fs::write(dir.join(month).join("001.txt"), "3名专家。").unwrap();
    }
    let ex = Extractor::new();
    let recs: Vec<Record> = ex.records(read_paths(std::slice::from_ref(&dir))).collect();
    let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["2021-01/001", "2021-02/001"]);
    assert!(recs[1].path.as_deref().is_some_and(|p| p.ends_with("001.txt")));
    let _ = fs_remove(&dir);
}
