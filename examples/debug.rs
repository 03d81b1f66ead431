fn main() {
    let ex = zhnews::Extractor::new();
    for t in std::env::args().skip(1) {
        let r = ex.extract("x", &t);
        println!("{}", serde_json::to_string(&r.people).unwrap());
        let seg = ex.segmenter();
        let toks: Vec<String> = seg.jieba().cut(&t, true).iter().map(|t| t.word.to_string()).collect();
        println!("{}", toks.join("/"));
    }
}
