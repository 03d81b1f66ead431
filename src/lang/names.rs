//! Chinese personal names: the surname lexicon and the shape of a name.

use std::sync::LazyLock;

use crate::data;

/// The surname lexicon as bitmaps over the Basic Multilingual Plane: "is this character a
/// surname?" and "can a compound surname start with it?" are one bit each, so the common
/// case (a character that starts no surname) costs no hashing. Names are looked up at every
/// cue that may introduce one, tens of thousands of times per megabyte.
struct Surnames {
    single: Box<[u64; 1024]>,
    compound_first: Box<[u64; 1024]>,
    compounds: data::WordSet,
}

fn bit(map: &[u64; 1024], c: char) -> bool {
    let u = c as usize;
    u < 0x10000 && map[u / 64] & (1 << (u % 64)) != 0
}

static SURNAMES: LazyLock<Surnames> = LazyLock::new(|| {
    let mut s = Surnames {
        single: Box::new([0; 1024]),
        compound_first: Box::new([0; 1024]),
        compounds: data::WordSet::default(),
    };
    for w in data::lines(include_str!("../data/surnames.txt")) {
        let mut cs = w.chars();
        let (Some(first), rest) = (cs.next(), cs.count()) else {
            continue;
        };
        let u = first as usize;
        if u >= 0x10000 {
            continue;
        }
        if rest == 0 {
            s.single[u / 64] |= 1 << (u % 64);
        } else {
            s.compound_first[u / 64] |= 1 << (u % 64);
            s.compounds.insert(w);
        }
    }
    s
});

/// Length in characters of the surname that `name` starts with (compound surnames first).
pub fn surname_len(name: &str) -> Option<usize> {
    let table = &*SURNAMES;
    let first = name.chars().next()?;
    if bit(&table.compound_first, first) {
        let mut ends = name.char_indices().map(|(i, c)| i + c.len_utf8()).skip(1);
        if ends.next().is_some_and(|two| table.compounds.contains(&name[..two])) {
            return Some(2);
        }
    }
    bit(&table.single, first).then_some(1)
}

/// Whether `name` starts with a known surname.
pub fn starts_with_surname(name: &str) -> bool {
    surname_len(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_and_compound() {
        assert_eq!(surname_len("王道斌"), Some(1));
        assert_eq!(surname_len("欧阳修"), Some(2));
        assert_eq!(surname_len("粤卫信"), None);
    }
}
