//! Alias resolution within an article: which surfaces name the same hospital (市人民医院 for
//! 某市人民医院, 某医科大学附属第一医院 and 第一附属医院, context forms such as 二院), and the
//! canonical name of each.

use super::{Candidate, Form, HospitalFound, is_numeral};
use std::sync::LazyLock;

use crate::lang::places;

/// Suffix class of a name: aliases must share it.
fn head_class(name: &str) -> &'static str {
    if name.ends_with("分院") || name.ends_with("院区") || name.ends_with("校区") {
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

/// The ordinal of a hospital (第二人民医院, 二附院, 湘雅二医院): numerals after 第 or before
/// the head or an institution word, not those of a place (七台河, 三亚) or of a division
/// inside the name (第十三师).
fn numerals(s: &str) -> Vec<char> {
    let chars: Vec<char> = s.chars().collect();
    let mut v = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let j = (i..chars.len()).find(|&k| !is_numeral(chars[k])).unwrap_or(chars.len());
        let after = chars.get(j).copied();
        let ordinal = i > 0 && chars[i - 1] == '第' || after.is_some_and(|c| "院医附人中妇".contains(c));
        if j > i && ordinal && !after.is_some_and(places::is_level_char) {
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
    /// The end of the levelled place the key starts with ([`leading_division`]).
    division: Option<usize>,
    /// One bit per character of the key (hashed into 64): a name can only align with a
    /// longer one whose bits hold all of its own.
    chars: u64,
}

impl Surface {
    fn new(text: &str) -> Surface {
        let key = order_key(text);
        Surface {
            numerals: numerals(&key),
            class: head_class(&key),
            division: leading_division(&key),
            chars: key.chars().fold(0, |m, c| m | 1 << (u32::from(c) % 64)),
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
    // the cheap refusals first: alignment is tried for pairs of an article's surfaces, and
    // every alias is written with characters of the full name
    if short.chars & !long.chars != 0 {
        return false;
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
    if adds_division(short, l) {
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

/// The length of the longest levelled place (四川省, 甘孜藏族自治州) that starts `s`.
fn leading_division(s: &str) -> Option<usize> {
    s.char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .filter(|&i| places::is_levelled_place(&s[..i]))
        .last()
}

/// Whether the longer name places a lower division after the place both start with, which
/// the shorter lacks: 四川省人民医院 is not 四川省甘孜藏族自治州人民医院.
fn adds_division(short: &Surface, long: &str) -> bool {
    let Some(p) = short.division else {
        return false;
    };
    let short = short.key.as_str();
    if !long.starts_with(&short[..p]) {
        return false;
    }
    leading_division(&long[p..]).is_some_and(|q| !short[p..].starts_with(&long[p..p + q]))
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

/// Cluster the candidates into hospitals (appended to `out`, by first mention); the context
/// forms that found no antecedent are returned.
pub(super) fn cluster(cands: Vec<Candidate>, out: &mut Vec<HospitalFound>) -> Vec<Candidate> {
    // align distinct surfaces only: an article repeats the same few names many times (a map
    // finds each one's number; a list search made a long article quadratic)
    let mut surfaces: Vec<(&str, bool)> = Vec::new();
    let mut number: std::collections::HashMap<(&str, bool), usize, crate::data::Fnv> = Default::default();
    let mut surface_of: Vec<usize> = Vec::with_capacity(cands.len());
    for c in &cands {
        let key = (c.surface.as_str(), c.form == Form::Context);
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
    let unresolved = join_context_forms(&cands, &surface_of, &info, &heads, &mut members);
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
                rules: ms.iter().map(|&j| cands[j].rule).collect(),
            }
        })
        .collect();
    found.sort_by_key(|h| h.mentions[0].start);
    out.extend(found);
    unresolved.into_iter().filter_map(|ci| cands.get(ci).cloned()).collect()
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
) -> Vec<usize> {
    let mut unresolved = Vec::new();
    let own: Vec<Vec<usize>> = members.to_vec();
    let mut cursor = vec![0usize; heads.len()];
    let mut latest_joined: Vec<Option<usize>> = vec![None; heads.len()];
    let mut aligned: Vec<Option<Vec<usize>>> = vec![None; info.len()];
    for (ci, c) in cands.iter().enumerate().filter(|(_, c)| c.form == Form::Context) {
        let Some(si) = surface_of.get(ci).copied() else {
            unresolved.push(ci);
            continue;
        };
        let Some(slot) = aligned.get_mut(si) else {
            unresolved.push(ci);
            continue;
        };
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
        } else {
            unresolved.push(ci);
        }
    }
    unresolved
}

/// Short heads and the full heads they stand for (荣总 → 荣民总医院).
static SHORT_HEADS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/hospital_short_heads.txt"))
        .filter_map(|l| l.split_once(' '))
        .collect()
});

/// The places a name starts with, each as its end (greedy, longest first).
fn leading_places(s: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut at = 0;
    while let Some(e) = s[at..]
        .char_indices()
        .skip(1)
        .map(|(i, _)| at + i)
        .chain(std::iter::once(s.len()))
        .filter(|&e| places::is_place(&s[at..e]))
        .last()
    {
        ends.push(e);
        at = e;
    }
    ends
}

/// The official name: the surface as written, with higher-level places that only locate a
/// county hospital dropped (四川省阿坝州理县人民医院 → 理县人民医院; a district or prefecture
/// keeps its parent: 广州市白云区人民医院), a city before a university dropped
/// (某市某某大学附属第一医院), and a short head written out (荣总 → 荣民总医院).
fn canonical(surface: &str) -> String {
    let ends = leading_places(surface);
    let starts: Vec<usize> = std::iter::once(0).chain(ends.iter().copied()).collect();
    let mut cut = 0;
    for k in 1..ends.len() {
        let place = &surface[starts[k]..ends[k]];
        if places::is_levelled_place(place) && (place.ends_with('县') || place.ends_with('旗') || place.ends_with('市'))
        {
            cut = starts[k];
        }
    }
    if head_class(&surface[cut..]) != head_class(surface) {
        cut = 0;
    }
    // a city before a university only locates it (某市|某某大学附属第一医院)
    if let Some(k) = (0..ends.len())
        .rev()
        .find(|&k| places::is_levelled_place(&surface[starts[k]..ends[k]]))
    {
        let rest = &surface[ends[k]..];
        if rest.chars().take(8).collect::<String>().contains("大学") && !rest.starts_with("大学") {
            cut = ends[k];
        }
    }
    let s = &surface[cut..];
    SHORT_HEADS
        .iter()
        .find_map(|(short, full)| s.strip_suffix(short).map(|stem| format!("{stem}{full}")))
        .unwrap_or_else(|| s.to_string())
}
