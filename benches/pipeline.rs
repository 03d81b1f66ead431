//! Criterion benches: end-to-end throughput on the fixtures and jieba-rs `cut` alone on the
//! same text (the reference the throughput bar is set against), through the public API.
//! Per-stage times: `cargo run --release --example stages`.
//!
//! `cargo bench --bench pipeline`

use std::fs;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhnews::Extractor;

fn fixtures() -> Vec<String> {
    let mut paths: Vec<_> = fs::read_dir("fixtures/articles")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.iter().map(|p| fs::read_to_string(p).unwrap()).collect()
}

fn bench(c: &mut Criterion) {
    let texts = fixtures();
    let bytes: usize = texts.iter().map(String::len).sum();
    let ex = Extractor::new();
    let jieba = jieba_rs::Jieba::new();
    // warm up lazily built lexicons
    for t in &texts {
        black_box(ex.extract("w", t));
    }

    let mut g = c.benchmark_group("throughput");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract (end to end)", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(ex.extract("b", t));
            }
        })
    });
    g.bench_function("jieba-rs cut alone (HMM on)", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(jieba.cut(t, true));
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
