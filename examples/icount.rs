//! A deterministic workload for instruction counting under valgrind:
//! `valgrind --tool=callgrind ./target/release/examples/icount MODE DIR` with MODE one of
//! `warm` (start-up and a warm-up pass over the articles), `cut` (jieba-rs cut alone) or `extract` (the whole pipeline).
fn main() {
    let mut a = std::env::args().skip(1);
    let mode = a.next().unwrap_or_else(|| "extract".into());
    let dir = a.next().unwrap_or_else(|| "fixtures/articles".into());
    let ex = zhnews::Extractor::new();
    let mut texts = Vec::new();
    for job in zhnews::read_paths(&[dir.into()]) {
        if let Some(p) = job.path() {
            texts.push(std::fs::read_to_string(p).unwrap());
        }
    }
    // warm up every lazily built table (some are only reached by a rare article), so the
    // measured loop counts the steady state
    for t in &texts {
        let _ = ex.extract("warm", t);
    }
    let jieba = jieba_rs::Jieba::new();
    run_loop(&ex, &jieba, &mode, &texts);
}

/// The measured loop (callgrind: `--toggle-collect=icount::run_loop`).
#[inline(never)]
fn run_loop(ex: &zhnews::Extractor, jieba: &jieba_rs::Jieba, mode: &str, texts: &[String]) {
    for t in texts {
        match mode {
            "cut" => drop(std::hint::black_box(jieba.cut(t, true))),
            "extract" => drop(std::hint::black_box(ex.extract("x", t))),
            _ => {} // `warm`: start-up and one warm-up article only
        }
    }
}
