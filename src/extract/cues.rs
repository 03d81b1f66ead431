//! Lexicon cues shared by the extractors: titles (people), hospital heads and abbreviations
//! (hospitals), first-case triggers, numeral starts (counts) and date marks (dates), found in
//! every sentence by one scan instead of one automaton or regex pass per extractor.

use std::sync::LazyLock;

use crate::data::{self, Lexicon};
use crate::lang::numeral;
use crate::text::{Document, Span};

/// What a cue word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cue {
    /// A title or position (院长, 主任医师): `titles.txt`.
    Title = 0,
    /// The head of a hospital name (医院, 卫生院): `hospital_suffixes.txt`.
    HospitalHead = 1,
    /// An abbreviated hospital (二院, 省医): `abbreviation:` in `hospital_words.txt`.
    HospitalAbbreviation = 2,
    /// A first-case trigger (首例, 首次): `first_triggers.txt`.
    FirstTrigger = 3,
    /// A character that can start a numeral (3, 三, 百, 几): where counts may start. From
    /// `lang::numeral`.
    NumeralStart = 4,
    /// A character every date expression contains (年, 月, 日, 号, 天, 周, `-`, `.`, `/`):
    /// a sentence without one holds no date. `date_marks.txt`.
    DateMark = 5,
    /// The fixed part of a first-case phrase (填补…空白, 开创…先河, …零的突破):
    /// `first_phrases.txt`.
    FirstPhrase = 6,
    /// A word that introduces a name after it (村民, 患者, 摄影:): `before:` in
    /// `person_contexts.txt`.
    PersonBefore = 7,
    /// A word after a name that opens its clause (说, 表示): `after:`.
    PersonAfter = 8,
    /// A word after a name anywhere (同志, 摄): `mark:`.
    PersonMark = 9,
}

const KINDS: usize = 10;

/// Characters that start a numeral, as words: the ASCII digits and every Chinese numeral
/// character of `lang::numeral` (financial numerals 壹佰贰拾, scale words, the vague 几/数/半).
pub(crate) static NUMERAL_STARTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ('0'..='9')
        .chain(numeral::chinese_numeral_chars())
        .map(String::from)
        .collect()
});

/// Characters of which every date expression holds at least one: `date_marks.txt`.
pub(crate) static DATE_MARKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data::lines(include_str!("../data/date_marks.txt")).collect());

/// The date marks as words: the shared ones and the dates module's own (festival endings,
/// 昨, 季, 午 …), each one character.
static DATE_MARK_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = DATE_MARKS.iter().map(|s| s.to_string()).collect();
    for c in super::dates::own_marks() {
        let w = c.to_string();
        if !v.contains(&w) {
            v.push(w);
        }
    }
    v
});

static CUES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::grouped([
        data::lines(include_str!("../data/titles.txt")).collect(),
        data::lines(include_str!("../data/hospital_suffixes.txt")).collect(),
        super::hospitals::words("abbreviation"),
        data::lines(include_str!("../data/first_triggers.txt")).collect(),
        NUMERAL_STARTS.iter().map(String::as_str).collect(),
        DATE_MARK_WORDS.iter().map(String::as_str).collect(),
        data::lines(include_str!("../data/first_phrases.txt")).collect(),
        super::people::context_words("before"),
        super::people::context_words("after"),
        super::people::context_words("mark"),
    ])
});

/// The cue words of a document's sentences, by kind: for each kind, the leftmost-longest
/// matches of its word list within each sentence, in text order.
#[derive(Debug, Default)]
pub struct Cues {
    found: [Vec<Span>; KINDS],
}

impl Cues {
    /// Scan every sentence of `doc` once.
    pub fn new(doc: &Document) -> Cues {
        let text = doc.text();
        let mut cues = Cues::default();
        // sentences are in text order, so each scan appends after the previous one's cues
        for &sent in &doc.sentences {
            CUES.find_groups(&text[sent.start..sent.end], sent.start, &mut cues.found);
        }
        cues
    }

    /// The cues of one kind inside `sent` (a sentence of the document), in order.
    pub fn within(&self, kind: Cue, sent: Span) -> &[Span] {
        let v = &self.found[kind as usize];
        let a = v.partition_point(|s| s.start < sent.start);
        let b = v.partition_point(|s| s.start < sent.end);
        &v[a..b.max(a)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_scan_finds_each_kind_in_each_sentence() {
        let seg = crate::text::segment::Segmenter::new();
        let input = "湘雅医院副院长张三到二院指导。完成全疆首例手术,院长李四出席。";
        let doc = Document::new(input, &seg);
        let cues = Cues::new(&doc);
        let words = |kind, k: usize| -> Vec<&str> {
            cues.within(kind, doc.sentences[k])
                .iter()
                .map(|s| doc.slice(*s))
                .collect()
        };
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(words(Cue::Title, 0), ["副院长"]);
        assert_eq!(words(Cue::HospitalHead, 0), ["医院"]);
        assert_eq!(words(Cue::HospitalAbbreviation, 0), ["二院"]);
        assert_eq!(words(Cue::FirstTrigger, 1), ["首例"]);
        assert_eq!(words(Cue::Title, 1), ["院长"]);
        assert!(words(Cue::HospitalHead, 1).is_empty());
        assert_eq!(words(Cue::NumeralStart, 0), ["三", "二"]);
        assert!(words(Cue::DateMark, 0).is_empty());
        let doc = Document::new("2022年派出三批共12名专家。", &seg);
        let cues = Cues::new(&doc);
        let all = |kind| -> String {
            cues.within(kind, doc.sentences[0])
                .iter()
                .map(|s| doc.slice(*s))
                .collect()
        };
        assert_eq!(all(Cue::NumeralStart), "2022三12");
        assert_eq!(all(Cue::DateMark), "年");
    }
}
