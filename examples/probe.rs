fn main() {
    let seg = zhnews::text::segment::Segmenter::new();
    for w in std::env::args().skip(1) {
        let j = seg.jieba();
        let toks: Vec<String> = j.tag(&w, true).iter().map(|t| format!("{}/{}", t.word, t.tag)).collect();
        println!("{w}: dict_tag={:?} tag={}", seg.dict_tag(&w), toks.join(" "));
    }
}
