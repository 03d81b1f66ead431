//! The crate's layers import one way: Chinese-language knowledge (`src/lang`, the lexicon
//! machinery in `src/data.rs`, the error types) at the bottom, then the text layer
//! (`src/text`: normalise, layout, sentences, segmentation), then the extractors
//! (`src/extract`), then the pipeline and the record, then the front door (`lib.rs`, batch,
//! tables, the HTML view). A file may use its own layer and the layers below; this test reads
//! every library source file and fails on a `crate::` path that reaches up.

use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a top-level module (or item) of the crate.
fn layer_of_module(name: &str) -> usize {
    match name {
        "lang" | "data" | "error" => 0,
        "text" => 1,
        "extract" => 2,
        "pipeline" | "record" => 3,
        // lib.rs's own items (Extractor, Input…) and the front-door modules
        _ => 4,
    }
}

/// The layer of a source file, from its path under `src/`.
fn layer_of_file(rel: &Path) -> usize {
    let first = rel
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or("");
    layer_of_module(first.trim_end_matches(".rs"))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "bin" && n != "data") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments and without its test module (tests may use the
/// front door to check a lower layer).
fn code(text: &str) -> String {
    let body = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_layer_imports_a_higher_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 30, "found only {} source files", files.len());
    let mut violations = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == "tests.rs" || name.ends_with("_tests.rs") {
            continue;
        }
        let own = layer_of_file(rel);
        let text = code(&fs::read_to_string(file).unwrap());
        for (i, _) in text.match_indices("crate::") {
            let target: String = text[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if layer_of_module(&target) > own {
                violations.push(format!("{} (layer {own}) uses crate::{target}", rel.display()));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports that reach up a layer:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_import() {
    // a text-layer file that named an extractor would be caught
    let text = code("use crate::extract::cues::Cues;\n");
    assert!(text.contains("crate::extract"));
    assert!(layer_of_module("extract") > layer_of_file(Path::new("text/layout.rs")));
    assert_eq!(layer_of_file(Path::new("lang/numeral.rs")), 0);
    // comments and test modules do not count
    assert!(!code("// crate::Extractor\nfn f() {}").contains("crate::"));
    assert!(!code("fn f() {}\n#[cfg(test)]\nmod tests {\n use crate::Extractor;\n}").contains("crate::"));
}
