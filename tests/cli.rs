//! The `zhnews` binary: files, directories and JSONL in, JSONL out, in input order; errors
//! on stderr naming the input; one record per input, a failed one with an `error` field.

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
fn jsonl_on_stdin_gives_one_line_per_line() {
    let run = |strict: bool| {
        let mut cmd = zhnews();
        cmd.arg("extract");
        if strict {
            cmd.arg("--strict");
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let input = "{\"id\":\"x\",\"text\":\"7月14日,19名专家抵达。\",\"published\":\"2022-07-18\",\"url\":\"http://a\"}\n{broken\n\n{\"id\":9,\"text\":\"首例手术\"}\n";
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(false);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "2", "3", "9"]);
    assert_eq!(recs[0]["dates"][0]["value"], "2022-07-14");
    assert_eq!(recs[0]["url"], "http://a");
    assert!(recs[1]["error"].as_str().unwrap().contains("line 2"));
    assert!(recs[2]["error"].is_string() && recs[3]["error"].is_null());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2"), "{stderr}");
    assert_eq!(run(true).status.code(), Some(1));
}

#[test]
fn a_missing_path_gives_an_error_record() {
    let out = zhnews()
        .args([
            "extract",
            "fixtures/articles/000_a2bef2bef0f7d944.txt",
            "no/such/file.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(
        (recs[1]["id"].as_str(), recs[1]["path"].as_str()),
        (Some("file"), Some("no/such/file.txt"))
    );
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

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let mut child = zhnews()
        .args(["extract", "fixtures/articles"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // read one byte, then close our end, as `| head -c 1` does
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Broken pipe"));
}

#[test]
fn an_empty_directory_and_a_zero_job_count_are_errors() {
    let d = std::env::temp_dir().join(format!("zhnews-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let out = zhnews().arg("extract").arg(&d).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no files matching **/*.txt"));
    let out = zhnews()
        .args(["extract", "--jobs", "0", "fixtures/articles"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_directory_on_stdin_ends_with_one_error() {
    let dir = std::fs::File::open("fixtures").unwrap();
    let out = zhnews().arg("extract").stdin(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("cannot read").count(), 1, "{stderr}");
}
