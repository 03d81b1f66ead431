//! Chinese personal names: the surname lexicon and the shape of a name.

use std::sync::LazyLock;

use crate::data;

static SURNAMES: LazyLock<data::WordSet> =
    LazyLock::new(|| data::lines(include_str!("../data/surnames.txt")).collect());

/// Length in characters of the surname that `name` starts with (compound surnames first).
pub fn surname_len(name: &str) -> Option<usize> {
    let mut ends = name.char_indices().map(|(i, c)| i + c.len_utf8());
    let one = ends.next()?;
    if let Some(two) = ends.next() {
        if SURNAMES.contains(&name[..two]) {
            return Some(2);
        }
    }
    SURNAMES.contains(&name[..one]).then_some(1)
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
