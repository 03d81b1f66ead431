//! Time each pipeline stage over a directory of articles (one thread), with
//! [`Extractor::stage_times`](zhnews::Extractor::stage_times):
//! `cargo run --release --example stages -- target/corpus-2k`.
//!
//! Extractors cut words lazily, so their times include the segmentation they trigger.
use std::collections::BTreeMap;
use std::time::Duration;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "fixtures/articles".into());
    let ex = zhnews::Extractor::new();
    let mut texts = Vec::new();
    for job in zhnews::read_paths(&[dir.into()]) {
        if let Some(p) = job.path() {
            texts.push(std::fs::read_to_string(p).unwrap());
        }
    }
    // repeat small sets so that each figure covers at least ~4 MB
    let once: usize = texts.iter().map(String::len).sum();
    let reps = (4_000_000 / once.max(1)).max(1);
    let bytes = once * reps;
    let mut order: Vec<&'static str> = Vec::new();
    let mut total: BTreeMap<&'static str, Duration> = BTreeMap::new();
    for round in 0..2 {
        total.clear();
        for _ in 0..reps {
            for text in &texts {
                let (_, times) = ex.stage_times("t", text);
                for (stage, d) in times {
                    if round == 0 && !order.contains(&stage) {
                        order.push(stage);
                    }
                    *total.entry(stage).or_default() += d;
                }
            }
        }
    }
    let jieba = jieba_rs::Jieba::new();
    let start = std::time::Instant::now();
    for _ in 0..reps {
        for text in &texts {
            std::hint::black_box(jieba.cut(text, true));
        }
    }
    let cut = start.elapsed();
    let rows = order
        .iter()
        .map(|s| (*s, total[s]))
        .chain([("jieba-rs cut alone", cut)]);
    for (name, d) in rows {
        println!(
            "{name:<20} {:>8.1} ms  {:>7.1} MB/s",
            d.as_secs_f64() * 1e3,
            bytes as f64 / 1e6 / d.as_secs_f64()
        );
    }
}
