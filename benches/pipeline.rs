//! Criterion benches: end-to-end throughput on the fixtures, jieba-rs `cut` alone on the same
//! text as the reference, and a per-stage breakdown.
//!
//! `cargo bench --bench pipeline`

use std::fs;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhnews::Extractor;
use zhnews::extract::cues::Cues;
use zhnews::extract::{counts, dates, first_cases, hospitals, people};
use zhnews::text::{Document, Layout, NormText};

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
    let seg = ex.segmenter();
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
                black_box(seg.jieba().cut(t, true));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    let norms: Vec<NormText> = texts.iter().map(|t| NormText::new(t)).collect();
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t, seg)).collect();
    g.bench_function("normalise", |b| {
        b.iter(|| texts.iter().for_each(|t| drop(black_box(NormText::new(t)))))
    });
    g.bench_function("layout", |b| {
        b.iter(|| norms.iter().for_each(|n| drop(black_box(Layout::new(&n.text)))))
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for d in &docs {
                let mut toks = Vec::new();
                for z in d.layout.zones() {
                    seg.cut_into(d.text(), z, &mut toks);
                }
                black_box(toks);
            }
        })
    });
    g.bench_function("document (normalise+layout+segment)", |b| {
        b.iter(|| texts.iter().for_each(|t| drop(black_box(Document::new(t, seg)))))
    });
    let mut all_dates = Vec::new();
    let mut all_counts = Vec::new();
    let mut all_hospitals = Vec::new();
    let all_cues: Vec<Cues> = docs.iter().map(Cues::new).collect();
    for (d, cues) in docs.iter().zip(&all_cues) {
        let mut ds = Vec::new();
        dates::extract(d, cues, None, &mut ds);
        let spans: Vec<_> = ds.iter().map(|x| x.span).collect();
        let mut cs = Vec::new();
        counts::extract(d, cues, &spans, &mut cs);
        let mut hs = Vec::new();
        hospitals::extract(d, seg, cues, &mut hs);
        all_dates.push(spans);
        all_counts.push(cs);
        all_hospitals.push(hs);
    }
    g.bench_function("dates", |b| {
        b.iter(|| {
            docs.iter().zip(&all_cues).for_each(|(d, cues)| {
                let mut o = Vec::new();
                dates::extract(d, cues, None, &mut o);
                black_box(o);
            })
        })
    });
    g.bench_function("counts", |b| {
        b.iter(|| {
            docs.iter().zip(&all_dates).zip(&all_cues).for_each(|((d, ds), cues)| {
                let mut o = Vec::new();
                counts::extract(d, cues, ds, &mut o);
                black_box(o);
            })
        })
    });
    g.bench_function("cues (one lexicon scan)", |b| {
        b.iter(|| docs.iter().for_each(|d| drop(black_box(Cues::new(d)))))
    });
    g.bench_function("hospitals", |b| {
        b.iter(|| {
            docs.iter().zip(&all_cues).for_each(|(d, cues)| {
                let mut o = Vec::new();
                hospitals::extract(d, seg, cues, &mut o);
                black_box(o);
            })
        })
    });
    g.bench_function("people", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&all_hospitals)
                .zip(&all_cues)
                .for_each(|((d, hs), cues)| {
                    let mut o = Vec::new();
                    people::extract(d, seg, cues, hs, &mut o);
                    black_box(o);
                })
        })
    });
    g.bench_function("first_cases", |b| {
        b.iter(|| {
            for (((d, hs), cs), cues) in docs.iter().zip(&all_hospitals).zip(&all_counts).zip(&all_cues) {
                let mut o = Vec::new();
                first_cases::extract(d, cues, hs, cs, &mut o);
                black_box(o);
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
