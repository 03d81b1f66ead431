//! Context forms with no antecedent (SPEC §3: 市人民医院 = 青山市人民医院 in that
//! article): a level word and an institution word (县人民医院, 县中医院, 市中心医院) name the
//! one hospital of that kind in the article's county or city, even when the full name is never
//! written. The name is completed with the place of that level the article names most often
//! (洛南县 for 县人民医院; 东莞 of a site name 东莞新闻网 for 市人民医院), or kept as written.

use std::collections::HashMap;

use super::{Candidate, HospitalFound};
use crate::data::Fnv;
use crate::extract::Rule;
use crate::lang::places;
use crate::text::Document;
use crate::text::normalize::is_cjk;

/// Levels a context form may start with: a bare 镇卫生院 or 村卫生室 is any town's or village's.
const LEVELS: &[char] = &['省', '市', '县', '区', '州', '旗'];
/// Heads after which an institution word must stand (`context_head:` in
/// `hospital_words.txt`): 县医院 alone is any county's hospital.
static HEADS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| super::words("context_head"));

/// Whether an unresolved context form names one hospital: a level character, an institution
/// word, a head (县人民医院, 县妇幼保健院, 县人民医院东山分院; not 县医院, 市立医院 (a
/// municipal hospital), 二院, 省医).
fn names_one(surface: &str) -> bool {
    let Some(level) = surface.chars().next().filter(|c| LEVELS.contains(c)) else {
        return false;
    };
    let rest = &surface[level.len_utf8()..];
    HEADS
        .iter()
        .filter_map(|h| rest.strip_suffix(h))
        .any(|mid| !mid.is_empty() && mid.chars().all(is_cjk) && !matches!(mid, "级" | "立"))
}

/// Turn the unresolved context forms into hospitals, completed from the article's places;
/// a completed name already found joins that hospital.
pub(super) fn resolve(doc: &Document, unresolved: Vec<Candidate>, out: &mut Vec<HospitalFound>) {
    let forms: Vec<Candidate> = unresolved.into_iter().filter(|c| names_one(&c.surface)).collect();
    if forms.is_empty() {
        return;
    }
    let mut inside: Vec<crate::text::Span> = out.iter().flat_map(|h| h.mentions.iter().copied()).collect();
    inside.sort_by_key(|m| m.start);
    let places = article_places(doc.text(), &inside);
    let mut by_name: HashMap<String, usize, Fnv> = out.iter().enumerate().map(|(i, h)| (h.name.clone(), i)).collect();
    for c in forms {
        let name = complete(&c.surface, &places);
        match by_name.get(&name) {
            Some(&i) => {
                out[i].mentions.push(c.span);
                out[i].rules.push(Rule::HospitalContextForm);
            }
            None => {
                by_name.insert(name.clone(), out.len());
                out.push(HospitalFound {
                    name,
                    mentions: vec![c.span],
                    rules: vec![Rule::HospitalContextForm],
                });
            }
        }
    }
    for h in out.iter_mut() {
        let mut pairs: Vec<(crate::text::Span, Rule)> =
            h.mentions.iter().copied().zip(h.rules.iter().copied()).collect();
        pairs.sort_by_key(|(m, _)| m.start);
        (h.mentions, h.rules) = pairs.into_iter().unzip();
    }
    out.sort_by_key(|h| h.mentions.first().map(|m| m.start));
}

/// The places the article names outside hospital names (the longest match at each start),
/// in text order; `inside` is sorted by start and its spans do not overlap.
fn article_places<'t>(text: &'t str, inside: &[crate::text::Span]) -> Vec<&'t str> {
    let mut longest: Vec<(usize, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if !is_cjk(c) {
            continue;
        }
        if let Some(s) = places::place_ending_at(text, end) {
            match longest.last_mut() {
                Some(last) if last.0 == s => last.1 = end,
                _ => longest.push((s, end)),
            }
        }
    }
    // a match inside a longer one that starts earlier is part of it (黔东南州 ⊃ 东南), and a
    // place inside a hospital's name (青山|医院) locates that hospital only
    let mut out = Vec::with_capacity(longest.len());
    let mut reach = 0;
    let mut k = 0;
    for (s, e) in longest {
        while inside.get(k).is_some_and(|m| m.end <= s) {
            k += 1;
        }
        let in_name = inside.get(k).is_some_and(|m| m.start <= s);
        if s >= reach && !in_name && !super::GENERIC.contains(&text[s..e]) {
            out.push(&text[s..e]);
        }
        reach = reach.max(e);
    }
    out
}

/// The context form with the article's most named place of its level put in front.
fn complete(surface: &str, places: &[&str]) -> String {
    let Some(level) = surface.chars().next() else {
        return surface.to_string();
    };
    let mut count: HashMap<String, (usize, usize), Fnv> = HashMap::default();
    for (i, p) in places.iter().enumerate() {
        let full = if p.ends_with(level) && places::is_levelled_place(p) {
            p.to_string()
        } else {
            let f = format!("{p}{level}");
            if !places::is_levelled_place(&f) {
                continue;
            }
            f
        };
        count.entry(full).or_insert((0, i)).0 += 1;
    }
    let best = count
        .into_iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
        .map(|(p, _)| p);
    match best {
        Some(p) => format!("{p}{}", &surface[level.len_utf8()..]),
        None => surface.to_string(),
    }
}
