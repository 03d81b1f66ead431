//! Time each pipeline stage over a directory of articles (one thread):
//! `cargo run --release --example stages -- target/corpus-2k [--precut]`.
//!
//! Extractors cut words lazily, so by default their times include the segmentation they
//! trigger; `--precut` segments every clause first (the document figure then includes it),
//! leaving the extractors' own work.
use std::time::{Duration, Instant};
use zhnews::extract::cues::Cues;
use zhnews::extract::{counts, dates, first_cases, hospitals, people};
use zhnews::text::{Document, Layout, NormText};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let precut = args.iter().any(|a| a == "--precut");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "fixtures/articles".into());
    let ex = zhnews::Extractor::new();
    let seg = ex.segmenter();
    let mut texts = Vec::new();
    for job in zhnews::read_paths(&[dir.into()]) {
        if let Some(p) = job.path() {
            texts.push(std::fs::read_to_string(p).unwrap());
        }
    }
    // repeat small sets so that each figure covers at least ~4 MB
    let once: usize = texts.iter().map(String::len).sum();
    let reps = (4_000_000 / once.max(1)).max(1);
    let texts: Vec<String> = (0..reps).flat_map(|_| texts.iter().cloned()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut t = [Duration::ZERO; 11];
    for _ in 0..2 {
        t = [Duration::ZERO; 11];
        for text in &texts {
            let a = Instant::now();
            let n = NormText::new(text);
            t[0] += a.elapsed();
            let a = Instant::now();
            std::hint::black_box(Layout::new(&n.text));
            t[1] += a.elapsed();
            let a = Instant::now();
            let d = Document::new(text, seg);
            if precut {
                std::hint::black_box(d.tokens());
            }
            t[2] += a.elapsed();
            let a = Instant::now();
            let cues = Cues::new(&d);
            t[10] += a.elapsed();
            let a = Instant::now();
            let mut ds = Vec::new();
            dates::extract(&d, &cues, None, &mut ds);
            t[3] += a.elapsed();
            let spans: Vec<_> = ds.iter().map(|x| x.span).collect();
            let a = Instant::now();
            let mut cs = Vec::new();
            counts::extract(&d, &cues, &spans, &mut cs);
            t[4] += a.elapsed();
            let a = Instant::now();
            let mut hs = Vec::new();
            hospitals::extract(&d, seg, &cues, &mut hs);
            t[5] += a.elapsed();
            let a = Instant::now();
            let mut ps = Vec::new();
            people::extract(&d, seg, &cues, &hs, &mut ps);
            t[6] += a.elapsed();
            let a = Instant::now();
            let mut fs = Vec::new();
            first_cases::extract(&d, &cues, &hs, &cs, &mut fs);
            t[7] += a.elapsed();
            let a = Instant::now();
            std::hint::black_box(d.tokens());
            t[8] += a.elapsed();
            let a = Instant::now();
            std::hint::black_box(seg.jieba().cut(text, true));
            t[9] += a.elapsed();
        }
    }
    let names = [
        "normalise",
        "layout",
        "document (norm+layout+split)",
        "dates",
        "counts",
        "hospitals (+lazy cut)",
        "people (+lazy cut)",
        "first_cases",
        "remaining cut",
        "jieba cut whole input",
        "cues (one lexicon scan)",
    ];
    for (n, d) in names.iter().zip(t) {
        println!(
            "{n:<30} {:>8.1} ms  {:>7.1} MB/s",
            d.as_secs_f64() * 1e3,
            bytes as f64 / 1e6 / d.as_secs_f64()
        );
    }
}
