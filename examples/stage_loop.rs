//! Run one stage in a loop for profiling: `cargo run --release --example stage_loop -- people 2000`.
use zhnews::extract::{counts, hospitals, people};
use zhnews::text::Document;
fn main() {
    let mut a = std::env::args().skip(1);
    let stage = a.next().unwrap_or_else(|| "people".into());
    let n: usize = a.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let ex = zhnews::Extractor::new();
    let seg = ex.segmenter();
    let dir = a.next().unwrap_or_else(|| "fixtures/articles".into());
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t, seg)).collect();
    let hs: Vec<_> = docs.iter().map(|d| { let mut o = Vec::new(); hospitals::extract(d, seg, &mut o); o }).collect();
    for _ in 0..n {
        for (d, h) in docs.iter().zip(&hs) {
            let mut o = Vec::new();
            match stage.as_str() {
                "people" => people::extract(d, seg, h, &mut o),
                "hospitals" => { let mut x = Vec::new(); hospitals::extract(d, seg, &mut x); }
                "counts" => { let mut x = Vec::new(); counts::extract(d, &[], &mut x); }
                "cut" => { std::hint::black_box(seg.jieba().cut(&texts[0], true)); }
                _ => { std::hint::black_box(ex.extract("x", d.input)); }
            }
            std::hint::black_box(o);
        }
    }
}
