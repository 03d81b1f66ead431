//! A record drawn over its article: one self-contained HTML page with every mention
//! highlighted by kind, its value on hover, and the page chrome around the article greyed
//! out — the check a researcher makes by eye before trusting a dataset (spaCy's displaCy
//! plays this part there).

use std::fmt::Write;

use crate::record::Record;
use crate::text::Document;
use crate::text::segment::Segmenter;

/// One highlighted span: code points, kind, and what the hover shows.
struct Mark {
    start: usize,
    end: usize,
    kind: &'static str,
    note: String,
}

const STYLE: &str = "body{font:16px/1.8 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}\
pre{white-space:pre-wrap;font:inherit}.chrome{color:#aaa}\
.hospital{background:#cfe3ff}.person{background:#c9f2c9}.date{background:#fff3a6}\
.count{background:#ffd8b0}.first_case{border-bottom:3px solid #d33}\
.legend span{padding:0 .4em;margin-right:.6em}table{border-collapse:collapse;margin-bottom:1em}\
td{padding:0 .6em;border-bottom:1px solid #eee}.error{color:#b00}";

/// The page for `text` and its record (see the module docs).
pub(crate) fn render(seg: &Segmenter, text: &str, record: &Record) -> String {
    let chars: Vec<char> = text.chars().collect();
    let zones = article_zones(seg, text);
    let marks = marks_of(record);
    let mut html = String::with_capacity(text.len() * 2);
    html.push_str("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>");
    html.push_str(&escape(&record.id));
    let _ = write!(html, "</title><style>{STYLE}</style></head><body>");
    header(&mut html, record);
    html.push_str("<pre>");
    let mut bounds: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    bounds.extend(zones.iter().flat_map(|z| [z.0, z.1]));
    bounds.extend([0, chars.len()]);
    bounds.retain(|&b| b <= chars.len());
    bounds.sort_unstable();
    bounds.dedup();
    let mut by_start: Vec<&Mark> = marks.iter().collect();
    by_start.sort_by_key(|m| m.start);
    let (mut next, mut active, mut zone) = (0, Vec::<&Mark>::new(), 0);
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|m| m.end > a);
        while next < by_start.len() && by_start[next].start <= a {
            if by_start[next].end > a {
                active.push(by_start[next]);
            }
            next += 1;
        }
        while zone < zones.len() && zones[zone].1 <= a {
            zone += 1;
        }
        let part = if zones.get(zone).is_none_or(|z| z.0 > a) {
            Part::Chrome
        } else {
            Part::Article
        };
        segment(&mut html, &chars[a..b], &active, part);
    }
    html.push_str("</pre></body></html>\n");
    html
}

/// Title, metadata and the legend above the text.
fn header(html: &mut String, r: &Record) {
    let _ = write!(
        html,
        "<h2>{}</h2><table>",
        escape(r.meta.title.as_deref().unwrap_or(&r.id))
    );
    let rows = [
        ("id", r.id.clone()),
        ("published", r.meta.published.clone().unwrap_or_default()),
        ("source", r.meta.source.clone().unwrap_or_default()),
        ("authors", r.meta.authors.join("、")),
    ];
    for (k, v) in rows {
        let _ = write!(html, "<tr><td>{k}</td><td>{}</td></tr>", escape(&v));
    }
    html.push_str("</table>");
    if let Some(e) = &r.error {
        let _ = write!(html, "<p class=\"error\">{}</p>", escape(e));
    }
    let _ = write!(
        html,
        "<p class=\"legend\"><span class=\"hospital\">hospital {}</span><span class=\"person\">person {}</span>\
         <span class=\"date\">date {}</span><span class=\"count\">count {}</span>\
         <span class=\"first_case\">first case {}</span><span class=\"chrome\">page chrome</span></p>",
        r.hospitals.len(),
        r.people.len(),
        r.dates.len(),
        r.counts.len(),
        r.first_cases.len()
    );
}

/// One stretch of text under the same marks.
/// Whether text is the article's or the page's around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Article,
    Chrome,
}

fn segment(html: &mut String, chars: &[char], active: &[&Mark], part: Part) {
    let chrome = part == Part::Chrome;
    let text: String = chars.iter().collect();
    if active.is_empty() && !chrome {
        html.push_str(&escape(&text));
        return;
    }
    let mut class: Vec<&str> = active.iter().map(|m| m.kind).collect();
    if chrome {
        class.push("chrome");
    }
    let note: Vec<&str> = active.iter().map(|m| m.note.as_str()).collect();
    let _ = write!(
        html,
        "<span class=\"{}\" title=\"{}\">{}</span>",
        class.join(" "),
        escape(&note.join("\n")),
        escape(&text)
    );
}

fn marks_of(r: &Record) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut add = |start, end, kind, note: String| marks.push(Mark { start, end, kind, note });
    for h in &r.hospitals {
        h.surfaces
            .iter()
            .for_each(|s| add(s.start, s.end, "hospital", format!("hospital: {}", h.name)));
    }
    for p in &r.people {
        let titles = p.titles.join("、");
        let org = p.org.as_deref().unwrap_or("");
        for s in &p.surfaces {
            add(s.start, s.end, "person", format!("person: {} {titles} {org}", p.name));
        }
    }
    r.dates
        .iter()
        .for_each(|d| add(d.start, d.end, "date", format!("date: {}", d.value)));
    for c in &r.counts {
        let unit = c.unit.as_deref().unwrap_or("");
        let object = c.object.as_deref().unwrap_or("");
        add(
            c.start,
            c.end,
            "count",
            format!("count: {} {unit} {object} ({:?})", c.value, c.approx),
        );
    }
    for f in &r.first_cases {
        let scope = f.scope.as_deref().unwrap_or("-");
        let what = f.what.as_deref().unwrap_or("-");
        add(
            f.start,
            f.end,
            "first_case",
            format!("first case: scope {scope}, what {what}"),
        );
    }
    marks
}

/// The article's zones (title, meta line, body lines) in code points of the input.
fn article_zones(seg: &Segmenter, text: &str) -> Vec<(usize, usize)> {
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    let doc = Document::new(text, seg);
    doc.layout
        .zones()
        .into_iter()
        .filter_map(|z| doc.source_span(z).map(|(a, b, _)| (a, b)))
        .collect()
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_kind_is_highlighted_and_chrome_greyed() {
        let ex = crate::Extractor::new();
        let page = "首页 | 新闻 | 专题\n县人民医院完成首例手术\n5月8日,浏阳市人民医院院长李明带领5名专家完成全省首例手术。\n版权所有 <某网站>\n";
        let html = ex.html("a", page);
        for class in ["hospital", "person", "date", "count", "first_case", "chrome"] {
            assert!(
                html.contains(&format!("class=\"{class}")) || html.contains(&format!(" {class}\"")),
                "{class}"
            );
        }
        assert!(html.contains("&lt;某网站&gt;"));
        assert!(html.contains("title=\"date: XXXX-05-08\""));
        // the text survives whole, in order, once tags are stripped
        let mut plain = String::new();
        let mut in_tag = false;
        let body = &html[html.find("<pre>").unwrap() + 5..html.find("</pre>").unwrap()];
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => plain.push(c),
                _ => {}
            }
        }
        assert_eq!(plain.replace("&lt;", "<").replace("&gt;", ">"), page);
    }
}
