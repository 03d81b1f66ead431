//! The `zhnews` binary: files, directories and JSONL in, JSONL out, in input order; errors
//! on stderr naming the input; exit status 1 only when an input failed.

use std::io::Write;
use std::process::{Command, Stdio};

fn zhnews() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhnews"))
}

#[test]
fn extracts_a_directory_in_sorted_order() {
    let out = zhnews()
        .args(["extract", "fixtures/articles", "--jobs", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids.len(), 5);
    assert_eq!(ids, sorted);
}

#[test]
fn jsonl_on_stdin_with_a_bad_line() {
    let mut child = zhnews()
        .arg("extract")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = "{\"id\":\"x\",\"text\":\"7月14日,19名专家抵达。\",\"published\":\"2022-07-18\"}\n{broken\n{\"id\":\"y\",\"text\":\"首例手术\"}\n";
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "x");
    assert_eq!(recs[0]["dates"][0]["value"], "2022-07-14");
    assert_eq!(recs[1]["id"], "y");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2"), "{stderr}");
}

#[test]
fn a_missing_path_fails_alone() {
    let out = zhnews()
        .args([
            "extract",
            "fixtures/articles/000_a2bef2bef0f7d944.txt",
            "no/such/file.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    assert!(String::from_utf8(out.stderr).unwrap().contains("no/such/file.txt"));
}

#[test]
fn eval_prints_the_table() {
    let out = zhnews()
        .args(["eval", "--articles", "fixtures/articles", "--gold", "fixtures/gold"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("hospitals") && s.lines().last().unwrap().starts_with("macro-F1"),
        "{s}"
    );
}
