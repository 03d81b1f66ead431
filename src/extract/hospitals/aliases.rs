//! Alias resolution within an article: which surfaces name the same hospital (市人民医院 for
//! 某市人民医院, 某医科大学附属第一医院 and 第一附属医院, context forms such as 二院), and the
//! canonical name of each.

use super::{Candidate, HospitalFound, is_numeral};
use crate::extract::places;

/// Suffix class of a name: aliases must share it.
fn head_class(name: &str) -> &'static str {
    if name.ends_with("分院") {
        "branch"
    } else if name.ends_with("卫生院") {
        "township"
    } else if name.ends_with("卫生服务中心") || name.ends_with("卫生服务站") {
        "community"
    } else if name.ends_with("诊所") {
        "clinic"
    } else {
        "hospital"
    }
}

/// The ordinal of a hospital (第二人民医院, 二附院): numerals that are not part of a
/// division inside the name (第十三师).
fn numerals(s: &str) -> Vec<char> {
    let chars: Vec<char> = s.chars().collect();
    let mut v = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let j = (i..chars.len()).find(|&k| !is_numeral(chars[k])).unwrap_or(chars.len());
        if j > i && !chars.get(j).is_some_and(|&c| places::is_level_char(c)) {
            v.extend_from_slice(&chars[i..j]);
        }
        i = j.max(i + 1);
    }
    v.sort_unstable();
    v
}

/// `附属第二医院` and `第二附属医院` name the same hospital: one key for both.
fn order_key(s: &str) -> String {
    if let Some(i) = s.find("附属第") {
        let rest = &s[i + "附属".len()..];
        let ord_len: usize = rest
            .chars()
            .take_while(|c| *c == '第' || is_numeral(*c))
            .map(char::len_utf8)
            .sum();
        return format!("{}{}附属{}", &s[..i], &rest[..ord_len], &rest[ord_len..]);
    }
    s.to_string()
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|l| l == c))
}

/// A surface with what alignment needs, computed once.
struct Surface {
    key: String,
    numerals: Vec<char>,
    class: &'static str,
}

impl Surface {
    fn new(text: &str) -> Surface {
        let key = order_key(text);
        Surface {
            numerals: numerals(&key),
            class: head_class(&key),
            key,
        }
    }
}

/// Whether `short` can be an alias of the full name `long`.
fn aligns(short: &Surface, long: &Surface) -> bool {
    let (s, l) = (short.key.as_str(), long.key.as_str());
    if s == l {
        return true;
    }
    if short.class != long.class && !(s.ends_with('医') || s.ends_with('院')) {
        return false;
    }
    if long.class == "branch" && short.class != "branch" {
        return false;
    }
    if short.numerals != long.numerals && !(short.numerals.is_empty() && long.numerals == ['一']) {
        return false;
    }
    if l.ends_with(s) {
        return true;
    }
    let mut ends = s.char_indices().map(|(i, c)| i + c.len_utf8());
    let first_two = &s[..ends.nth(1).unwrap_or(s.len())];
    let starts_ok = s.chars().next() == l.chars().next() || l.contains(first_two) || s.chars().count() <= 2;
    starts_ok && is_subsequence(s, l) && same_kind(s, l)
}

/// A shortened name keeps the kind of hospital: the word before the head is the same
/// (温江骨科医院 ~ 成都市温江中医骨科医院, not 成都市中医医院), unless the short form is a
/// place plus head (灌南县医院, 威宁医院) or an abbreviation (江大附院, 无锡二院, 省医).
fn same_kind(short: &str, long: &str) -> bool {
    // each name without its head (医院, 卫生院…): what comes before the head
    let strip = |s: &str| -> usize {
        ["医院", "卫生院", "分院", "附院", "院", "医"]
            .iter()
            .find_map(|h| s.strip_suffix(h))
            .map_or(s.len(), str::len)
    };
    let (sp, lp) = (&short[..strip(short)], &long[..strip(long)]);
    if short.ends_with("附院") || !short.ends_with("医院") || sp.is_empty() {
        return true;
    }
    let last = |s: &str| s.chars().next_back();
    last(sp) == last(lp) || places::is_place(sp) || sp.chars().next_back().is_some_and(places::is_level_char)
}

pub(super) fn cluster(cands: Vec<Candidate>, out: &mut Vec<HospitalFound>) {
    // align distinct surfaces only: an article repeats the same few names many times (a map
    // finds each one's number; a list search made a long article quadratic)
    let mut surfaces: Vec<(&str, bool)> = Vec::new();
    let mut number: std::collections::HashMap<(&str, bool), usize, crate::data::Fnv> = Default::default();
    let mut surface_of: Vec<usize> = Vec::with_capacity(cands.len());
    for c in &cands {
        let key = (c.surface.as_str(), c.context);
        let i = *number.entry(key).or_insert_with(|| {
            surfaces.push(key);
            surfaces.len() - 1
        });
        surface_of.push(i);
    }
    let info: Vec<Surface> = surfaces.iter().map(|s| Surface::new(s.0)).collect();
    // heads: non-context surfaces, longest first; each shorter one joins the head it aligns with
    let mut order: Vec<usize> = (0..surfaces.len()).filter(|&i| !surfaces[i].1).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(surfaces[i].0.chars().count()));
    let mut heads: Vec<(String, Vec<usize>)> = Vec::new();
    let mut head_of: Vec<Option<usize>> = vec![None; surfaces.len()];
    for i in order {
        let s = surfaces[i].0;
        let fits: Vec<usize> = (0..heads.len())
            .filter(|&h| heads[h].1.iter().any(|&j| aligns(&info[i], &info[j])))
            .collect();
        let h = match fits.as_slice() {
            [] => {
                heads.push((canonical(s), Vec::new()));
                heads.len() - 1
            }
            [first, ..] => *fits
                .iter()
                .find(|&&h| heads[h].1.iter().any(|&j| info[j].numerals == info[i].numerals))
                .unwrap_or(first),
        };
        heads[h].1.push(i);
        head_of[i] = Some(h);
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); heads.len()];
    for (ci, &si) in surface_of.iter().enumerate() {
        if let Some(h) = head_of[si] {
            members[h].push(ci);
        }
    }
    join_context_forms(&cands, &surface_of, &info, &heads, &mut members);
    let mut found: Vec<HospitalFound> = heads
        .into_iter()
        .zip(members)
        .filter(|(_, ms)| !ms.is_empty())
        .map(|((name, _), mut ms)| {
            ms.sort_by_key(|&j| cands[j].span.start);
            // when the article writes both 附属第二医院 and 第二附属医院, the latter is the
            // registered order; a name written one way only stays as written
            let key = order_key(&name);
            let both_orders = key != name && ms.iter().any(|&j| cands[j].surface == key);
            let name = if both_orders { key } else { name };
            HospitalFound {
                name,
                mentions: ms.iter().map(|&j| cands[j].span).collect(),
            }
        })
        .collect();
    found.sort_by_key(|h| h.mentions[0].start);
    out.extend(found);
}

/// Context forms join the most recent preceding hospital they align with.
///
/// Candidates come sorted by start (starts are distinct: candidates never overlap), so the
/// context forms are visited in text order: each head's own members are passed by a cursor
/// that only moves forward, and a context form that joined a head is that head's latest
/// member for every later one. Which heads a surface aligns with is worked out once per
/// distinct surface. (Searching every head's members for every form was quadratic.)
fn join_context_forms(
    cands: &[Candidate],
    surface_of: &[usize],
    info: &[Surface],
    heads: &[(String, Vec<usize>)],
    members: &mut [Vec<usize>],
) {
    let own: Vec<Vec<usize>> = members.to_vec();
    let mut cursor = vec![0usize; heads.len()];
    let mut latest_joined: Vec<Option<usize>> = vec![None; heads.len()];
    let mut aligned: Vec<Option<Vec<usize>>> = vec![None; info.len()];
    for (ci, c) in cands.iter().enumerate().filter(|(_, c)| c.context) {
        let Some(si) = surface_of.get(ci).copied() else {
            continue;
        };
        let Some(slot) = aligned.get_mut(si) else { continue };
        let hs = slot.get_or_insert_with(|| {
            (0..heads.len())
                .filter(|&h| heads[h].1.iter().any(|&j| aligns(&info[si], &info[j])))
                .collect()
        });
        let mut best: Option<(usize, usize)> = None;
        for &h in hs.iter() {
            let mine = &own[h];
            while mine.get(cursor[h]).is_some_and(|&j| cands[j].span.start < c.span.start) {
                cursor[h] += 1;
            }
            let passed = cursor[h].checked_sub(1).and_then(|k| mine.get(k)).copied();
            let latest = passed
                .into_iter()
                .chain(latest_joined[h])
                .map(|j| cands[j].span.start)
                .max();
            best = best.max(latest.map(|start| (start, h)));
        }
        if let Some((_, h)) = best {
            members[h].push(ci);
            latest_joined[h] = Some(ci);
        }
    }
}

/// The official name: the surface as written, with higher-level places that only
/// locate a county or city hospital dropped (四川省阿坝州理县人民医院 → 理县人民医院).
fn canonical(surface: &str) -> String {
    let mut s = surface.to_string();
    loop {
        let cut = s.char_indices().skip(2).find_map(|(i, _)| {
            let (a, b) = s.split_at(i);
            (places::is_place(a)
                && b.char_indices()
                    .skip(2)
                    .any(|(j, _)| places::is_levelled_place(&b[..j])))
            .then_some(i)
        });
        match cut {
            Some(i) if head_class(&s[i..]) == head_class(&s) => s = s[i..].to_string(),
            _ => break,
        }
    }
    s
}
