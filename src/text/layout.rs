//! Page layout: where the article is inside a scraped page.
//!
//! A scraped page is chrome (menus, widgets, slogans, related-article lists, notices) around
//! one article: a title, a meta line (date, source, author) and the body. The cues are
//! general: line length, sentence punctuation, separators, boilerplate vocabulary and
//! position. Nothing here knows any particular site.

use std::sync::LazyLock;

use regex::Regex;

mod lines;

use lines::{
    Line, has_sentence_end, is_byline_above, is_chrome, is_footer, is_labelled_meta, is_meta_line, is_paragraph,
    is_title_like, lines,
};

use super::Span;
use super::normalize::is_cjk;

/// What a byline says a person did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// `作者:`, `采写:`, a name in parentheses closing the body.
    Author,
    /// `记者 X`, a reporter in parentheses after a dateline's `电`.
    Reporter,
    /// `编辑:`, `责任编辑:`.
    Editor,
    /// `通讯员 X`.
    Correspondent,
}

impl Role {
    /// The title this role gives a person.
    pub fn title(self) -> &'static str {
        match self {
            Role::Author => "作者",
            Role::Reporter => "记者",
            Role::Editor => "编辑",
            Role::Correspondent => "通讯员",
        }
    }
}

/// A name in a byline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The name, in the normalised text.
    pub name: Span,
    /// What the byline says the person did.
    pub role: Role,
    /// The outlet written before the role (`南都记者` → 南都), or the dateline's agency.
    pub org: Option<String>,
}

/// The article inside the page.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The headline line.
    pub title: Option<Span>,
    /// The meta line (date, source, author) under the headline.
    pub meta: Option<Span>,
    /// Body lines, chrome removed, in order.
    pub body: Vec<Span>,
    /// Publication date (ISO 8601) from the meta line.
    pub published: Option<String>,
    /// The outlet: `来源:` on the meta line, a dateline's agency, or a byline's outlet.
    pub source: Option<String>,
    /// Names in bylines, in order.
    pub bylines: Vec<Byline>,
}

/// A full calendar date, optionally with a time: the shape of a meta line's timestamp.
pub(crate) static META_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?(?:\s*([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?",
    )
    .unwrap()
});
static SOURCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:来源|稿源|出处|供稿)\s*:\s*([^\s:]+)").unwrap());
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\S{0,30}?)(?:[0-9]{1,2}月[0-9]{1,2}日)?(?:电|讯)\s*\(([^()]{2,40})\)").unwrap());
/// The byline words of `bylines.txt` of one kind, with what follows `=` if anything.
fn byline_words(kind: &str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> + '_ {
    crate::data::kind_pairs(include_str!("../data/bylines.txt"), kind)
}

/// Labels that introduce names in bylines, longest first (`label:` in `bylines.txt`).
static LABELS: LazyLock<Vec<(&'static str, Role)>> = LazyLock::new(|| {
    let role = |v: Option<&str>| match v {
        Some("editor") => Role::Editor,
        Some("reporter") => Role::Reporter,
        Some("correspondent") => Role::Correspondent,
        _ => Role::Author,
    };
    let mut v: Vec<(&str, Role)> = byline_words("label").map(|(w, r)| (w, role(r))).collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    v
});
/// Words that show a short line is a byline (`role:`), words after a name that say what the
/// person did (`credit:`), characters of an institution's pen name (`pen_name_char:`).
static ROLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| byline_words("role").map(|(w, _)| w).collect());
static CREDITS: LazyLock<Vec<&'static str>> = LazyLock::new(|| byline_words("credit").map(|(w, _)| w).collect());
static PEN_NAME_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    byline_words("pen_name_char")
        .filter_map(|(w, _)| w.chars().next())
        .collect()
});

impl Layout {
    /// Find title, meta line, body and bylines in normalised text.
    pub fn new(text: &str) -> Layout {
        let ls = lines(text);
        let mut layout = Layout::default();
        let head = ls.len().min(60);
        let first = (0..head).find(|&i| !is_chrome(&ls[i]));
        // a byline above the headline (某某日报讯 记者 X): a meta line of its own
        let byline_first = first.filter(|&i| is_byline_above(&ls[i]));
        let meta = (0..head).find(|&i| is_meta_line(&ls[i])).or(byline_first).or_else(|| {
            // a meta line without a date, right under a title: 来源:X 作者:Y
            let t = (0..head.min(10)).find(|&i| !is_chrome(&ls[i]) && is_title_like(&ls[i]))?;
            (t + 1..(t + 3).min(ls.len())).find(|&i| is_labelled_meta(&ls[i]))
        });
        let title = match (meta, byline_first) {
            (Some(m), Some(b)) if m == b => {
                (b + 1..(b + 3).min(ls.len())).find(|&i| is_title_like(&ls[i]) && !is_chrome(&ls[i]))
            }
            (Some(m), _) => (m.saturating_sub(3)..m)
                .rev()
                .find(|&i| is_title_like(&ls[i]) && !is_chrome(&ls[i])),
            (None, _) => first.filter(|&i| is_title_like(&ls[i])),
        };
        layout.title = title.map(|i| ls[i].span);
        if let Some(m) = meta {
            layout.meta = Some(ls[m].span);
            layout.read_meta_line(ls[m].text, ls[m].span.start);
        }
        let mut start = meta.max(title).map_or(0, |i| i + 1);
        let limit = (start + 12).min(ls.len());
        if let Some(p) = (start..limit).find(|&i| is_paragraph(&ls[i]) && !is_footer(&ls[i])) {
            start = p;
        }
        let end = (start..ls.len()).find(|&i| is_footer(&ls[i])).unwrap_or(ls.len());
        let mut body: Vec<Line> = ls[start.min(end)..end]
            .iter()
            .copied()
            .filter(|l| !is_chrome(l))
            .collect();
        while let Some(last) = body.last() {
            if last.chars < 20 && !last.facts.sentence_end && !is_byline_line(last.text) {
                body.pop();
            } else {
                break;
            }
        }
        if let Some((t, b, s)) = meta
            .filter(|_| !body.iter().any(is_paragraph))
            .and_then(|m| article_above(&ls, m))
        {
            layout.title = t;
            body = b;
            start = s;
        }
        if body.is_empty() && layout.meta.is_none() {
            // no page around it: a snippet (a headline, a table cell, a bare `5名专家`) is
            // read as article text, line by line
            let title = layout.title;
            let text_line = |l: &Line| l.facts.word_char && Some(l.span) != title;
            body = ls.iter().copied().filter(|l| text_line(l) && !is_chrome(l)).collect();
            if body.is_empty() && title.is_none() {
                body = ls.iter().copied().filter(text_line).collect();
            }
        }
        layout.body = body.iter().map(|l| l.span).collect();
        if let Some(first) = body.first() {
            layout.read_dateline(first.text, first.span.start);
        }
        for l in body.iter().rev().take(3).collect::<Vec<_>>().into_iter().rev() {
            layout.read_closing_byline(l.text, l.span.start);
        }
        let header_end = (start + 3).min(end).min(ls.len());
        layout.read_header_bylines(&ls[..header_end], [meta, title]);
        layout.dedup_bylines();
        layout
    }

    /// The article's zones — title, meta line, body lines — in text order, without overlap.
    ///
    /// Text order is what every later index relies on (sentences, clauses and cues are found
    /// zone by zone and searched by position): a byline line above the headline puts the meta
    /// line first, so the zones are sorted by position rather than listed by role.
    pub fn zones(&self) -> Vec<Span> {
        let mut zones: Vec<Span> = self
            .title
            .iter()
            .chain(self.meta.iter())
            .chain(self.body.iter())
            .copied()
            .collect();
        zones.sort_unstable();
        zones.dedup_by(|later, kept| later.start < kept.end);
        zones
    }

    fn read_meta_line(&mut self, line: &str, base: usize) {
        if let Some(c) = META_DATE.captures(line) {
            self.published = meta_date_value(&c);
        }
        if let Some(c) = SOURCE.captures(line) {
            self.source = Some(c[1].trim_end_matches(['|', ',']).to_string());
        } else if let Some(i) = line.find("讯") {
            // 西藏日报讯 记者 X: the outlet before 讯
            let outlet = line[..i].trim();
            if (2..=12).contains(&outlet.chars().count()) && outlet.chars().all(is_cjk) && !outlet.starts_with('本') {
                self.source = Some(outlet.to_string());
            }
        }
        self.read_labelled(line, base);
    }

    fn read_dateline(&mut self, line: &str, base: usize) {
        let Some(c) = DATELINE.captures(line) else { return };
        let agency = c[1].trim_end_matches("新闻").trim_end_matches("消息");
        let agency = (agency.chars().count() >= 2 && !agency.starts_with('本')).then(|| agency.to_string());
        if self.source.is_none() {
            self.source.clone_from(&agency);
        }
        let inner = c.get(2).unwrap();
        let before = self.bylines.len();
        self.read_labelled(inner.as_str(), base + inner.start());
        if self.bylines.len() == before {
            self.push_names(
                inner.as_str(),
                base + inner.start(),
                Role::Reporter,
                agency.clone(),
                Names::Labelled,
            );
        }
        for b in &mut self.bylines[before..] {
            if b.org.is_none() {
                b.org.clone_from(&agency);
            }
        }
    }

    /// Bylines on the lines above the body and at its start, other than the title and the
    /// meta line: a short line of their own (`□某某社记者 张三 李四`, `记者 王五`), or in
    /// parentheses near the start of a line (`某某网(特约通讯员 张三 李四)1月18日,…`).
    fn read_header_bylines(&mut self, lines: &[Line], read: [Option<usize>; 2]) {
        for (i, l) in lines.iter().enumerate() {
            if read.contains(&Some(i)) {
                continue;
            }
            let before = self.bylines.len();
            if l.chars <= 60 && !l.facts.sentence_end && mentions_role(l.text) {
                self.read_labelled(l.text, l.span.start);
            }
            if self.bylines.len() == before {
                self.read_parenthesised_byline(l.text, l.span.start);
            }
        }
    }

    /// A name read twice (a header line that is also one of the closing lines) once.
    fn dedup_bylines(&mut self) {
        let mut seen = std::collections::HashSet::new();
        self.bylines.retain(|b| seen.insert(b.name));
    }

    /// A byline in parentheses that opens with a role label, within a line's first 60
    /// characters: `(记者 张三)`.
    fn read_parenthesised_byline(&mut self, line: &str, base: usize) {
        let head_end = line.char_indices().nth(60).map_or(line.len(), |(i, _)| i);
        let Some(open) = line[..head_end].find('(') else { return };
        let inner_start = open + 1;
        let Some(len) = line[inner_start..].find(')') else {
            return;
        };
        let inner = &line[inner_start..inner_start + len];
        if inner.chars().count() <= 40 && LABELS.iter().any(|(l, _)| inner.starts_with(l)) {
            self.read_labelled(inner, base + inner_start);
        }
    }

    /// `(编辑:X)`, `(张三)` at the end of the body, `采写:南都记者 X 通讯员 Y`, `责任编辑:X`.
    fn read_closing_byline(&mut self, line: &str, base: usize) {
        let labelled_line = line.chars().count() < 60
            && !has_sentence_end(line)
            && (LABELS.iter().any(|(l, _)| line.starts_with(l)) || mentions_role(line));
        if labelled_line {
            self.read_labelled(line, base);
            return;
        }
        if let Some(open) = line.rfind('(') {
            if line.ends_with(')') && open + 1 < line.len() - 1 {
                let inner = &line[open + 1..line.len() - 1];
                let ib = base + open + 1;
                let before = self.bylines.len();
                self.read_labelled(inner, ib);
                if self.bylines.len() == before && (open == 0 || has_sentence_end(&line[..open])) {
                    self.push_names(inner, ib, Role::Author, None, Names::Unlabelled);
                }
            }
        }
    }

    /// Names after byline labels (`作者:李明 王芳`, `某报记者 张伟 通讯员 李四`).
    fn read_labelled(&mut self, s: &str, base: usize) {
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            let Some(&(label, role)) = LABELS.iter().find(|(l, _)| rest.starts_with(l)) else {
                i += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            };
            // `文` is a label only at the start or after a separator, followed by `:` or `/`.
            let after = &rest[label.len()..];
            if label == "文" && !(after.starts_with([':', '/']) && (i == 0 || s[..i].ends_with([' ', '(']))) {
                i += label.len();
                continue;
            }
            let org = outlet_before(&s[..i]);
            let names_at = i + label.len() + (after.len() - after.trim_start_matches([':', ' ', '/']).len());
            // `采写:南都记者 张三`: what follows the colon up to the next label is its outlet
            let run = han_run_before_label(&s[names_at..]);
            if after.starts_with(':') && run > 0 && LABELS.iter().any(|(l, _)| s[names_at + run..].starts_with(l)) {
                i = names_at + run;
                continue;
            }
            let end = self.push_names(&s[names_at..], base + names_at, role, org, Names::Labelled);
            i = names_at + end.max(1);
            while !s.is_char_boundary(i.min(s.len())) {
                i += 1;
            }
        }
    }

    /// Push the names at the start of `s` (separated by spaces, `、` or `,`); returns the
    /// byte length consumed. Unlabelled names need a known surname.
    fn push_names(&mut self, s: &str, base: usize, role: Role, org: Option<String>, names: Names) -> usize {
        let mut pos = 0;
        loop {
            let rest = &s[pos..];
            let skip = rest.len() - rest.trim_start_matches([' ', '、', ',']).len();
            let rest = &rest[skip..];
            if LABELS.iter().any(|(l, _)| rest.starts_with(l)) {
                return pos;
            }
            let mut run = han_run_before_label(rest);
            // a credit after the name (记者张三摄, 李四报道) is no part of it
            if let Some(w) = CREDITS.iter().find(|w| rest[..run].ends_with(*w) && run > w.len() + 3) {
                run -= w.len();
            }
            let next = rest[run..].chars().next();
            let glued = match names {
                Names::Unlabelled => None,
                Names::Labelled => glued_names(&rest[..run]),
            };
            let start = base + pos + skip;
            match glued {
                Some((first, second)) if second > first => {
                    self.push_byline(Span::new(start, start + first), role, &org);
                    self.push_byline(Span::new(start + first, start + second), role, &org);
                    pos += skip + second;
                }
                // a name, then the next label's outlet: the label is read next
                Some((first, _)) => {
                    self.push_byline(Span::new(start, start + first), role, &org);
                    return pos + skip + first;
                }
                None if run == 0 || !is_byline_name(&rest[..run], names) || matches!(next, Some(':')) => {
                    return pos;
                }
                None => {
                    self.push_byline(Span::new(start, start + run), role, &org);
                    pos += skip + run;
                }
            }
        }
    }

    fn push_byline(&mut self, name: Span, role: Role, org: &Option<String>) {
        self.bylines.push(Byline {
            name,
            role,
            org: org.clone(),
        });
        if self.source.is_none() && role == Role::Reporter {
            self.source.clone_from(org);
        }
    }
}

/// The byte length of the Han (and `·`) run that starts `s`, up to the next role label of
/// two or more characters (`张三河南日报记者` stops before 记者).
fn han_run_before_label(s: &str) -> usize {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if !(is_cjk(c) || c == '·')
            || (i > 0
                && LABELS
                    .iter()
                    .any(|(l, _)| l.chars().count() > 1 && s[i..].starts_with(l)))
        {
            break;
        }
        end = i + c.len_utf8();
    }
    end
}

/// Names written without a space between them or before the next outlet, in a run too
/// long for one name: `王五赵六` (two names, split where a surname starts the second part,
/// when only one split reads so), or `张三河南日报` before a label (a name, then an outlet
/// that starts with a place). Returns the end of the first name and of the second (equal
/// when there is one), in bytes.
fn glued_names(run: &str) -> Option<(usize, usize)> {
    use crate::lang::{names, places};
    let n = run.chars().count();
    if !(5..=16).contains(&n) || run.contains('·') {
        return None;
    }
    let at = |k: usize| run.char_indices().nth(k).map_or(run.len(), |(i, _)| i);
    let name = |a: usize, b: usize| {
        let s = &run[at(a)..at(b)];
        names::surname_len(s).is_some_and(|sl| sl < b - a) && !s.chars().any(|c| PEN_NAME_CHARS.contains(&c))
    };
    if n <= 6 {
        let splits: Vec<usize> = (2..=n - 2)
            .filter(|&k| k <= 3 && n - k <= 3 && name(0, k) && name(k, n))
            .collect();
        if let [k] = splits[..] {
            return Some((at(k), run.len()));
        }
    }
    // a name, then an outlet that starts with a place
    let outlets: Vec<usize> = (2..=3)
        .filter(|&k| name(0, k) && (2..=3).any(|p| k + p <= n && places::is_place(&run[at(k)..at(k + p)])))
        .collect();
    match outlets[..] {
        [k] => Some((at(k), at(k))),
        _ => None,
    }
}

/// A page whose meta line closes it (a repost: the text, then `作者: 日期:`), found when no
/// paragraph follows the meta line: the article is the lines above it, from the first
/// paragraph, under the last title-like line before that. Returns the title, the body lines
/// and the index of the body's first line.
fn article_above<'a>(ls: &[Line<'a>], meta: usize) -> Option<(Option<Span>, Vec<Line<'a>>, usize)> {
    let first = (0..meta).find(|&i| is_paragraph(&ls[i]) && !is_chrome(&ls[i]) && !is_footer(&ls[i]))?;
    let title = (0..first)
        .rev()
        .find(|&i| is_title_like(&ls[i]) && !is_chrome(&ls[i]))
        .map(|i| ls[i].span);
    let mut body: Vec<Line> = ls[first..meta].iter().copied().filter(|l| !is_chrome(l)).collect();
    // the meta block may start a line earlier (作者:X above 日期:Y)
    while body.last().is_some_and(|l| is_labelled_meta(l) && !is_paragraph(l)) {
        body.pop();
    }
    Some((title, body, first))
}

/// Whether byline names follow a label (记者 张三), or stand alone in parentheses at the end
/// of the body and must start with a known surname.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Labelled,
    Unlabelled,
}

/// Whether a short line names a byline role anywhere (`铜仁日报记者 田野`).
fn mentions_role(s: &str) -> bool {
    ROLES.iter().any(|l| s.contains(l))
}

fn is_byline_line(s: &str) -> bool {
    (s.starts_with('(') && s.ends_with(')'))
        || LABELS.iter().any(|(l, _)| s.starts_with(l))
        || (s.chars().count() < 40 && mentions_role(s))
}

/// A plausible personal name in a byline: 2–4 Han characters (longer with `·`), not an
/// institution's pen name.
fn is_byline_name(name: &str, names: Names) -> bool {
    let n = name.chars().count();
    let ok_len = if name.contains('·') {
        (3..=16).contains(&n)
    } else {
        (2..=4).contains(&n)
    };
    ok_len
        && !name.chars().any(|c| PEN_NAME_CHARS.contains(&c))
        && (names == Names::Labelled || crate::lang::names::starts_with_surname(name))
}

/// The outlet written right before a role label (`南都记者` → 南都).
fn outlet_before(s: &str) -> Option<String> {
    let tail: String = s
        .chars()
        .rev()
        .take_while(|&c| is_cjk(c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (tail.chars().count() >= 2 && !LABELS.iter().any(|(l, _)| tail.ends_with(l))).then_some(tail)
}

fn meta_date_value(c: &regex::Captures) -> Option<String> {
    let y: u32 = c[1].parse().ok()?;
    let m: u32 = c[2].parse().ok()?;
    let d: u32 = c[3].parse().ok()?;
    if !crate::lang::calendar::is_valid(y as i32, m, d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    match (c.get(4), c.get(5)) {
        (Some(h), Some(mi)) => {
            let h: u32 = h.as_str().parse().ok()?;
            let mi: u32 = mi.as_str().parse().ok()?;
            // seconds only when written (SPEC §5)
            match c.get(6) {
                Some(s) => {
                    let s: u32 = s.as_str().parse().ok()?;
                    (h < 24 && mi < 60 && s < 60).then(|| format!("{date}T{h:02}:{mi:02}:{s:02}"))
                }
                None => (h < 24 && mi < 60).then(|| format!("{date}T{h:02}:{mi:02}")),
            }
        }
        _ => Some(date),
    }
}

#[cfg(test)]
mod tests;
