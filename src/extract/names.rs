//! Chinese personal names: the surname lexicon and the shape of a name.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::data;

static SURNAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data::lines(include_str!("../data/surnames.txt")).collect());

/// Length in characters of the surname that `name` starts with (compound surnames first).
pub fn surname_len(name: &str) -> Option<usize> {
    let two: String = name.chars().take(2).collect();
    if two.chars().count() == 2 && SURNAMES.contains(two.as_str()) {
        return Some(2);
    }
    let one: String = name.chars().take(1).collect();
    SURNAMES.contains(one.as_str()).then_some(1)
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
