//! Write a synthetic corpus for throughput and memory measurements: `N` articles made by
//! recombining the lines of the bundled fixtures (a fixture's page chrome and header, then
//! body lines drawn from all five), so every article is distinct and realistic in shape.
//!
//! ```sh
//! cargo run --release --example make_corpus -- 2000 target/corpus-2k
//! ```

use std::fs;
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "target/corpus".into()));
    fs::create_dir_all(&out)?;
    let mut paths: Vec<_> = fs::read_dir("fixtures/articles")?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    let docs: Vec<Vec<String>> = paths
        .iter()
        .map(|p| fs::read_to_string(p).map(|t| t.lines().map(str::to_string).collect()))
        .collect::<Result<_, _>>()?;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..n {
        let base = &docs[i % docs.len()];
        let head = base.len().min(8);
        let mut lines: Vec<String> = base[..head].to_vec();
        let body_lines = 20 + (next() % 30) as usize;
        for _ in 0..body_lines {
            let d = &docs[(next() % docs.len() as u64) as usize];
            let l = &d[(next() % d.len() as u64) as usize];
            lines.push(l.clone());
        }
        fs::write(out.join(format!("{i:06}.txt")), lines.join("\n"))?;
    }
    println!("wrote {n} articles to {}", out.display());
    Ok(())
}
