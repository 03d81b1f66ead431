//! Throughput of the whole pipeline next to jieba-rs `cut` alone on the same text, measured
//! in one run so that the ratio does not depend on the machine's mood.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use zhnews::Extractor;

pub mod scaling;

/// What one throughput run measured.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    /// Articles measured.
    pub articles: usize,
    /// Their total size in bytes.
    pub bytes: usize,
    /// Worker threads used for the parallel figure.
    pub threads: usize,
    /// jieba-rs `cut` (HMM on) over each whole input, one thread, MB/s.
    pub jieba_cut_mb_s: f64,
    /// The whole pipeline, one thread, MB/s.
    pub pipeline_1t_mb_s: f64,
    /// The whole pipeline, all threads, MB/s.
    pub pipeline_nt_mb_s: f64,
    /// Articles per second, one thread.
    pub articles_1t_s: f64,
    /// Articles per second, all threads.
    pub articles_nt_s: f64,
    /// Pipeline (1 thread) ÷ jieba `cut` alone: the median over rounds of the ratio within
    /// each round, whose two samples ran back to back.
    pub ratio_to_jieba: f64,
    /// All threads ÷ one thread, the same way.
    pub scaling: f64,
}

fn best_of(rounds: usize, mut f: impl FnMut()) -> Duration {
    (0..rounds.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Measure `texts` `rounds` times each way (interleaved) and keep the median of each.
pub fn measure(ex: &Extractor, texts: &[String], rounds: usize) -> Report {
    let bytes: usize = texts.iter().map(String::len).sum();
    // jieba-rs as it ships (its own dictionary, HMM on): the reference the bar is set against
    let jieba = jieba_rs::Jieba::new();
    // warm up: dictionaries, lexicons, page cache
    for t in texts.iter().take(8) {
        let _ = ex.extract("w", t);
    }
    // each sample covers at least ~4 MB (small inputs are repeated), the three measurements
    // are interleaved so that a noisy neighbour hits them alike, and the median is kept
    let reps = (4_000_000 / bytes.max(1)).max(1);
    let (mut cut, mut one, mut all) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        cut.push(best_of(1, || {
            for _ in 0..reps {
                for t in texts {
                    std::hint::black_box(jieba.cut(t, true));
                }
            }
        }));
        one.push(best_of(1, || {
            for _ in 0..reps {
                for t in texts {
                    std::hint::black_box(ex.extract("b", t));
                }
            }
        }));
        all.push(best_of(1, || {
            for _ in 0..reps {
                texts.par_iter().for_each(|t| {
                    std::hint::black_box(ex.extract("b", t));
                });
            }
        }));
    }
    // a ratio is taken within each round, between samples that ran back to back, so that a
    // slow spell of the machine that spans a round cancels out; then the median of rounds
    let paired = |a: &[Duration], b: &[Duration]| {
        let mut r: Vec<f64> = a
            .iter()
            .zip(b)
            .map(|(x, y)| x.as_secs_f64() / y.as_secs_f64())
            .collect();
        r.sort_by(f64::total_cmp);
        r[r.len() / 2]
    };
    let ratio_to_jieba = paired(&cut, &one);
    let scaling = paired(&one, &all);
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2] / reps as u32
    };
    let (cut, one, all) = (median(&mut cut), median(&mut one), median(&mut all));
    let mb = bytes as f64 / 1e6;
    let n = texts.len() as f64;
    Report {
        articles: texts.len(),
        bytes,
        threads: rayon::current_num_threads(),
        jieba_cut_mb_s: mb / cut.as_secs_f64(),
        pipeline_1t_mb_s: mb / one.as_secs_f64(),
        pipeline_nt_mb_s: mb / all.as_secs_f64(),
        articles_1t_s: n / one.as_secs_f64(),
        articles_nt_s: n / all.as_secs_f64(),
        ratio_to_jieba,
        scaling,
    }
}
