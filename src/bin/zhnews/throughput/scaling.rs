//! Time per megabyte as adversarial inputs of each cue kind, and ordinary article text, double
//! in size inside one document: the check that every path of the pipeline is linear.
//!
//! Each input is one document made by repeating a short unit (no sentence end between the
//! repeats, so the clause, the sentence and the line all grow). A linear pipeline shows a flat
//! time per MB; a quadratic one doubles it at every step.

use std::time::{Duration, Instant};

use zhnews::Extractor;

/// An adversarial shape: a name and the unit repeated to make the document.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Short stable name of the shape.
    pub name: &'static str,
    /// The unit repeated.
    pub unit: &'static str,
}

/// One cue kind each (and a few mixes), each repeated without punctuation.
pub const SHAPES: &[Shape] = &[
    Shape {
        name: "hospital_head",
        unit: "医院",
    },
    Shape {
        name: "hospital_named",
        unit: "县人民医院和",
    },
    Shape {
        name: "hospital_abbrev",
        unit: "二院",
    },
    Shape {
        name: "first_trigger",
        unit: "首次",
    },
    Shape {
        name: "first_case",
        unit: "全省首例手术",
    },
    Shape {
        name: "first_phrase",
        unit: "填补空白",
    },
    Shape {
        name: "title",
        unit: "院长",
    },
    Shape {
        name: "title_name",
        unit: "院长李明",
    },
    Shape {
        name: "name_list",
        unit: "王明、",
    },
    Shape {
        name: "speech",
        unit: "张华说",
    },
    Shape {
        name: "numeral",
        unit: "5名专家",
    },
    Shape {
        name: "digits",
        unit: "9",
    },
    Shape {
        name: "chinese_scale",
        unit: "一万",
    },
    Shape {
        name: "date",
        unit: "2022年5月6日",
    },
    Shape {
        name: "date_mark",
        unit: "-",
    },
    Shape {
        name: "byline",
        unit: "记者 王五 ",
    },
    Shape {
        name: "han_plain",
        unit: "的",
    },
];

/// One measured size.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Point {
    /// Shape name, or `ordinary`.
    pub shape: String,
    /// Document size in bytes.
    pub bytes: usize,
    /// Extraction time.
    pub seconds: f64,
}

fn time_one(ex: &Extractor, text: &str) -> Duration {
    let t = Instant::now();
    let r = ex.extract("scaling", text);
    let d = t.elapsed();
    std::hint::black_box(r);
    d
}

/// A document of about `bytes` bytes made of `unit` repeated.
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat((bytes / unit.len().max(1)).max(1))
}

/// Measure `shape` at `base`, 2×, 4×, … `steps` sizes (the median of three runs each).
pub fn measure_shape(ex: &Extractor, name: &str, unit: &str, base: usize, steps: u32) -> Vec<Point> {
    (0..steps)
        .map(|k| {
            let text = repeat_to(unit, base << k);
            // the median of three runs: one slow spell of a shared machine does not count
            let mut runs: Vec<f64> = (0..3).map(|_| time_one(ex, &text).as_secs_f64()).collect();
            runs.sort_by(f64::total_cmp);
            Point {
                shape: name.to_string(),
                bytes: text.len(),
                seconds: runs[1],
            }
        })
        .collect()
}

/// The article paragraphs of `pages`, one per line: lines of 40 characters or more that
/// end a sentence, leaving out a site's notices — ordinary article text to repeat. A whole
/// page repeated would end the article at its first footer and leave the rest unread.
pub fn article_paragraphs(pages: &[String]) -> String {
    const NOTICES: &[&str] = &["版权", "本站", "侵权", "声明", "聲明", "@"];
    let mut out = String::new();
    for line in pages.iter().flat_map(|p| p.lines()).map(str::trim) {
        if line.chars().count() >= 40
            && line.ends_with(['。', '!', '！', '?', '？', '”'])
            && !NOTICES.iter().any(|w| line.contains(w))
        {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
