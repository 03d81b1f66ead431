//! Golden records: the full JSON record of every bundled article (`fixtures/articles/<id>.txt`)
//! as the library writes it, pinned in `fixtures/expected/<id>.json` (pretty-printed, fields
//! in the record's declaration order, a final newline). Any change of any field of any
//! record, offsets and values included, fails this test with the first differing line.
//!
//! After a deliberate change of behaviour, rewrite the files and review the diff:
//!
//! ```sh
//! ZHNEWS_BLESS=1 cargo test --release --test golden
//! git diff fixtures/expected
//! ```
//!
//! Blessing writes every record afresh and removes expected files whose article is gone.

use std::fs;
use std::path::{Path, PathBuf};

use zhnews::{Extractor, Input, Record};

fn dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(sub)
}

/// `(id, text)` of every article, by file name.
fn articles() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir("fixtures/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, fs::read_to_string(p).unwrap())
        })
        .collect()
}

/// The golden form of a record.
fn golden(record: &Record) -> String {
    let mut s = serde_json::to_string_pretty(record).unwrap();
    s.push('\n');
    s
}

/// Where two texts first differ, with the lines around it, or `None` when they are equal.
fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let i = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(e.len().min(a.len()));
    let mut out = format!(
        "first difference at line {} ({} lines expected, {} actual)\n",
        i + 1,
        e.len(),
        a.len()
    );
    for (k, line) in e.iter().enumerate().take(i).skip(i.saturating_sub(3)) {
        out += &format!("   {:>5} | {line}\n", k + 1);
    }
    let show = |side: &[&str], mark: char, out: &mut String| {
        for (k, line) in side.iter().enumerate().skip(i).take(3) {
            out.push_str(&format!(" {mark} {:>5} | {line}\n", k + 1));
        }
        if side.len() <= i {
            out.push_str(&format!(" {mark}       | (end of file)\n"));
        }
    };
    show(&e, '-', &mut out);
    show(&a, '+', &mut out);
    Some(out)
}

#[test]
fn records_match_the_golden_files() {
    let articles = articles();
    assert!(!articles.is_empty(), "no articles in fixtures/articles");
    let ex = Extractor::new();
    let records: Vec<Record> = articles.iter().map(|(id, text)| ex.extract(id, text)).collect();

    // The same records from a second extractor, in parallel: the golden form is deterministic.
    let inputs: Vec<Input> = articles
        .iter()
        .map(|(id, text)| Input::new(id, text.as_str()))
        .collect();
    let again = Extractor::new().extract_all(&inputs);
    for (r, s) in records.iter().zip(&again) {
        assert_eq!(golden(r), golden(s), "{}: two runs differ", r.id);
    }

    let expected_dir = dir("fixtures/expected");
    let bless = std::env::var_os("ZHNEWS_BLESS").is_some_and(|v| v == "1");
    if bless {
        fs::create_dir_all(&expected_dir).unwrap();
    }
    let mut failures = Vec::new();
    for r in &records {
        let name = format!("fixtures/expected/{}.json", r.id);
        let path = expected_dir.join(format!("{}.json", r.id));
        let actual = golden(r);
        if bless {
            fs::write(&path, &actual).unwrap();
            continue;
        }
        match fs::read_to_string(&path) {
            Ok(expected) => {
                if let Some(diff) = first_difference(&expected, &actual) {
                    failures.push(format!("{name}: {diff}"));
                }
            }
            Err(e) => failures.push(format!("{name}: cannot read ({e})")),
        }
    }
    // an expected file whose article is gone
    let ids: Vec<String> = records.iter().map(|r| format!("{}.json", r.id)).collect();
    for entry in fs::read_dir(&expected_dir).into_iter().flatten() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(id) = name.strip_suffix(".json")
            && !ids.contains(&name)
        {
            if bless {
                fs::remove_file(&path).unwrap();
            } else {
                failures.push(format!(
                    "fixtures/expected/{name}: no article fixtures/articles/{id}.txt"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden record(s) differ; after a deliberate change, rewrite them with \
         `ZHNEWS_BLESS=1 cargo test --release --test golden` and review `git diff fixtures/expected`.\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn first_difference_names_the_line() {
    assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
    let d = first_difference("a\nb\nc\n", "a\nB\nc\n").unwrap();
    assert!(
        d.starts_with("first difference at line 2 (3 lines expected, 3 actual)"),
        "{d}"
    );
    assert!(d.contains(" -     2 | b\n") && d.contains(" +     2 | B\n"), "{d}");
    let d = first_difference("a\n", "a\nb\n").unwrap();
    assert!(d.starts_with("first difference at line 2"), "{d}");
    assert!(
        d.contains(" -       | (end of file)\n") && d.contains(" +     2 | b\n"),
        "{d}"
    );
}
