//! Raw bytes through the batch path, so reading, decoding, UTF-8 and JSON errors are exercised:
//!
//! - the bytes as a JSONL stream (`zhnews::read_jsonl`), every line a job;
//! - the bytes as a file (`Job::File`, decoded by the batch reader: BOM, binary, UTF-8 checks);
//! - the bytes, when UTF-8, as one in-memory `Job::Text`;
//!
//! all extracted with `Extractor::extract_batch`. Every job gives exactly one result, in input
//! order; a line gives a record exactly when it parses as an `Input` (with a calendar date for
//! `published`, when it has one); and every record holds the
//! invariants of `zhnews_fuzz::check` against the text it came from.
#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zhnews::{Input, InputError, Job};
use zhnews_fuzz::{EXTRACTOR, check};

/// One scratch file per fuzzing process for the `Job::File` path.
static SCRATCH: LazyLock<PathBuf> =
    LazyLock::new(|| std::env::temp_dir().join(format!("zhnews-fuzz-{}.txt", std::process::id())));

/// What a job must give: a record of this input, or an error.
enum Expect {
    Record(Input),
    Error,
}

fuzz_target!(|data: &[u8]| {
    let mut jobs = Vec::new();
    let mut expect = Vec::new();

    for job in zhnews::read_jsonl(std::io::Cursor::new(data.to_vec())) {
        expect.push(match &job {
            Job::JsonLine { line, json } => match serde_json::from_str::<Input>(json) {
                Ok(mut input) => {
                    if input.id.is_empty() {
                        input.id = line.to_string();
                    }
                    Expect::Record(input)
                }
                Err(_) => Expect::Error,
            },
            Job::Failed(_) => Expect::Error,
            other => panic!("read_jsonl made an unexpected job {other:?}"),
        });
        jobs.push(job);
    }

    std::fs::write(&*SCRATCH, data).expect("write the scratch file");
    jobs.push(Job::File(SCRATCH.clone()));
    expect.push(match std::str::from_utf8(data) {
        // The reader may still refuse it as binary; when it accepts it, this is the text.
        Ok(text) => Expect::Record(Input::new(
            SCRATCH.file_stem().unwrap().to_string_lossy().into_owned(),
            text.strip_prefix('\u{FEFF}').unwrap_or(text),
        )),
        Err(_) => Expect::Error,
    });
    let file_job = jobs.len() - 1;

    if let Ok(text) = std::str::from_utf8(data) {
        let input = Input::new("whole", text);
        jobs.push(Job::Text(input.clone()));
        expect.push(Expect::Record(input));
    }

    let results: Vec<_> = EXTRACTOR.extract_batch(jobs).collect();
    assert_eq!(results.len(), expect.len(), "one result per job");
    for (i, (result, expect)) in results.iter().zip(&expect).enumerate() {
        match (result, expect) {
            (Ok(record), Expect::Record(input)) => {
                assert_eq!(record.id, input.id, "job {i}: the record's id");
                check(&input.text, record);
            }
            (Err(InputError::Binary { .. }), Expect::Record(_)) if i == file_job => {}
            // a `published` that is not a calendar date is that line's error
            (Err(InputError::Published { .. }), Expect::Record(input)) if input.published.is_some() => {}
            (Err(_), Expect::Error) => {}
            (Ok(record), Expect::Error) => panic!("job {i}: a record {record:?} from a bad input"),
            (Err(e), Expect::Record(_)) => panic!("job {i}: an error {e} from a good input"),
        }
    }
});
