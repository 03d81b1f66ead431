//! The gazetteer of Chinese administrative divisions, with the short forms people write
//! (吐鲁番 for 吐鲁番市, 黔东南州 for 黔东南苗族侗族自治州, 新疆 for 新疆维吾尔自治区).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::data::{self, Fnv};

/// Level suffixes of division names, longest first.
const LEVELS: &[&str] = &[
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "新区",
    "省",
    "市",
    "县",
    "区",
    "州",
    "盟",
    "旗",
];

struct Gazetteer {
    /// Every full name and derived short form.
    forms: HashSet<String, Fnv>,
    /// Every form, reversed, in a character trie: a name ending at a position is found by
    /// walking back from it, one or two steps in the common case.
    reversed: ReverseTrie,
    /// The forms that end with an explicit level (县, 市, 自治州…): a place that can head a
    /// name, not just locate it.
    levelled: HashSet<String, Fnv>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let nations: Vec<&str> = data::lines(include_str!("../data/nations.txt")).collect();
    let mut forms = HashSet::with_hasher(Fnv);
    let mut levelled = HashSet::with_hasher(Fnv);
    for full in data::lines(include_str!("../data/places.txt")) {
        forms.insert(full.to_string());
        levelled.insert(full.to_string());
        let Some(level) = LEVELS.iter().find(|l| full.ends_with(*l) && full.len() > l.len()) else {
            continue;
        };
        let mut short = &full[..full.len() - level.len()];
        // strip nationality names from autonomous divisions: 峨边彝族 → 峨边
        loop {
            let before = short;
            for n in &nations {
                if short.ends_with(n) && short.len() > n.len() + 3 {
                    short = &short[..short.len() - n.len()];
                } else if let Some(stem) = n.strip_suffix('族') {
                    if short.ends_with(stem) && short.len() > stem.len() + 3 && level.starts_with("自治") {
                        short = &short[..short.len() - stem.len()];
                    }
                }
            }
            if short == before {
                break;
            }
        }
        if short.chars().count() >= 2 {
            forms.insert(short.to_string());
            if level.starts_with("自治") || *level == "地区" {
                let unit = match *level {
                    "自治州" => "州",
                    "自治县" => "县",
                    "自治旗" => "旗",
                    "地区" => "地区",
                    _ => "",
                };
                if !unit.is_empty() {
                    let f = format!("{short}{unit}");
                    levelled.insert(f.clone());
                    forms.insert(f);
                }
            }
        }
    }
    let mut reversed = ReverseTrie::default();
    for f in &forms {
        reversed.insert(f);
    }
    Gazetteer {
        forms,
        reversed,
        levelled,
    }
});

/// Whether `s` is a division name or a short form of one.
pub fn is_place(s: &str) -> bool {
    GAZETTEER.forms.contains(s)
}

/// Whether `s` is a division name that ends with its level (`剑河县`, `黔东南州`).
pub fn is_levelled_place(s: &str) -> bool {
    GAZETTEER.levelled.contains(s)
}

/// The longest place name that ends at byte `end` of `text`, as a start offset.
pub fn place_ending_at(text: &str, end: usize) -> Option<usize> {
    GAZETTEER
        .reversed
        .longest_ending_at(&text[..end])
        .filter(|&s| end - s >= 6)
}

/// A trie of names read backwards.
#[derive(Default)]
struct ReverseTrie {
    /// Children of each node, keyed by (node, char).
    edges: HashMap<(u32, char), u32, Fnv>,
    /// Whether a name ends (starts, reading forwards) at each node.
    terminal: Vec<bool>,
}

impl ReverseTrie {
    fn insert(&mut self, name: &str) {
        if self.terminal.is_empty() {
            self.terminal.push(false);
        }
        let mut node = 0u32;
        for c in name.chars().rev() {
            let next = self.terminal.len() as u32;
            node = *self.edges.entry((node, c)).or_insert_with(|| next);
            if node == next {
                self.terminal.push(false);
            }
        }
        self.terminal[node as usize] = true;
    }

    /// The start of the longest name that ends where `head` ends.
    fn longest_ending_at(&self, head: &str) -> Option<usize> {
        let mut node = 0u32;
        let mut best = None;
        for (i, c) in head.char_indices().rev() {
            match self.edges.get(&(node, c)) {
                Some(&n) => node = n,
                None => break,
            }
            if self.terminal[node as usize] {
                best = Some(i);
            }
        }
        best
    }
}

/// Whether the character after a place name would make it part of a longer word.
pub fn is_level_char(c: char) -> bool {
    matches!(
        c,
        '省' | '市' | '县' | '区' | '州' | '镇' | '乡' | '旗' | '盟' | '村' | '师' | '团'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        assert!(is_place("吐鲁番"));
        assert!(is_place("吐鲁番市"));
        assert!(is_place("新疆"));
        assert!(is_place("广西"));
        assert!(is_place("黔东南州"));
        assert!(is_levelled_place("黔东南州"));
        assert!(is_place("威宁"));
        assert!(!is_levelled_place("威宁"));
        assert!(!is_place("医院"));
        let t = "在遵义市人民医院";
        assert_eq!(place_ending_at(t, t.find("人民").unwrap()), Some(t.find("遵").unwrap()));
    }
}
