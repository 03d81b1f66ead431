//! Sentence splitting inside the article's zones.

use super::Span;

/// Sentence-final punctuation (after normalisation). An ASCII `?` is not here: in scraped
/// text it usually marks a lost character, not a question.
const ENDS: [char; 5] = ['。', '!', '？', ';', '…'];

/// Characters that may follow a sentence end and still belong to the sentence.
const CLOSERS: [char; 5] = ['”', '’', '"', ')', '」'];

/// Characters at which jieba always splits, so clauses can be cut separately. Every sentence
/// end is one.
const CLAUSE_BREAKS: [char; 18] = [
    ',', '、', ';', ':', '。', '!', '？', '…', '“', '”', '(', ')', '《', '》', ' ', '—', '"', '·',
];
const BREAK_LEADS: [bool; 256] = crate::lang::scan::lead_bytes(&CLAUSE_BREAKS);

/// Split each zone into sentences; each sentence keeps its final punctuation and any closing
/// quote after it.
#[cfg(test)]
pub fn split(text: &str, zones: &[Span]) -> Vec<Span> {
    split_with_clauses(text, zones).0
}

/// Sentences, and clauses: the sentences split after every clause break. One scan finds the
/// breaks for both.
pub(crate) fn split_with_clauses(text: &str, zones: &[Span]) -> (Vec<Span>, Vec<Span>) {
    let mut sentences = Vec::new();
    let mut clauses = Vec::new();
    let mut breaks: Vec<(usize, char)> = Vec::new();
    let mut done = 0;
    for z in zones {
        // zones come in text order; one out of order or past the text is skipped, so that
        // sentences and clauses stay sorted and every look-up by position stays in its sentence
        let Some(piece) = text.get(z.start..z.end).filter(|_| z.start >= done) else {
            continue;
        };
        done = z.end;
        breaks.clear();
        find_breaks(piece, &mut breaks);
        clauses.reserve(breaks.len() + 1);
        let first = sentences.len();
        let mut start = 0;
        for &(i, c) in &breaks {
            if i < start || !ENDS.contains(&c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            for n in piece[end..].chars() {
                if !(ENDS.contains(&n) || CLOSERS.contains(&n)) {
                    break;
                }
                end += n.len_utf8();
            }
            push_trimmed(piece, z.start, start, end, &mut sentences);
            start = end;
        }
        push_trimmed(piece, z.start, start, piece.len(), &mut sentences);
        // the zone's breaks, in order, split its sentences into clauses
        let mut k = 0;
        for s in &sentences[first..] {
            let mut from = s.start;
            while k < breaks.len() && z.start + breaks[k].0 < s.start {
                k += 1;
            }
            while k < breaks.len() && z.start + breaks[k].0 < s.end {
                let (i, c) = breaks[k];
                let end = z.start + i + c.len_utf8();
                clauses.push(Span::new(from, end));
                from = end;
                k += 1;
            }
            if from < s.end {
                clauses.push(Span::new(from, s.end));
            }
        }
    }
    (sentences, clauses)
}

/// The clause breaks of `piece`, with their byte offsets. The scan steps a whole character
/// at a time (a Han character is three bytes and never a break) and decodes only characters
/// whose first byte some break shares.
fn find_breaks(piece: &str, out: &mut Vec<(usize, char)>) {
    let b = piece.as_bytes();
    let mut i = 0;
    while let Some(&lead) = b.get(i) {
        let step = STEP[usize::from(lead)];
        if step != 0 {
            i += usize::from(step);
            continue;
        }
        let Some(c) = piece.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        if is_clause_break(c) {
            out.push((i, c));
        }
        i += c.len_utf8();
    }
}

/// Whether `c` is one of [`CLAUSE_BREAKS`], as a match the compiler turns into a few
/// comparisons rather than a pass over the array.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | '、'
            | ';'
            | ':'
            | '。'
            | '!'
            | '？'
            | '…'
            | '“'
            | '”'
            | '('
            | ')'
            | '《'
            | '》'
            | ' '
            | '—'
            | '"'
            | '·'
    )
}

/// For each byte that starts a character: 0 when a clause break starts with it, else the
/// length of its character (the scan never lands on a continuation byte).
const STEP: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if BREAK_LEADS[b] {
            0
        } else if b >= 0xF0 {
            4
        } else if b >= 0xE0 {
            3
        } else if b >= 0xC0 {
            2
        } else {
            1
        };
        b += 1;
    }
    t
};

fn push_trimmed(piece: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &piece[start..end];
    let rest = s.trim_start();
    let lead = s.len() - rest.len();
    let t = rest.trim_end();
    if !t.is_empty() {
        out.push(Span::new(base + start + lead, base + start + lead + t.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_keeps_quotes() {
        let t = "他说:“很好。”然后走了!再见";
        let s: Vec<&str> = split(t, &[Span::new(0, t.len())])
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect();
        assert_eq!(s, vec!["他说:“很好。”", "然后走了!", "再见"]);
    }

    #[test]
    fn clause_break_match_is_the_list() {
        for c in ('\0'..='\u{FFFF}').chain(['😀']) {
            assert_eq!(is_clause_break(c), CLAUSE_BREAKS.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn lost_character_marks_do_not_split() {
        let t = "专病中心之?,疼痛科。";
        assert_eq!(split(t, &[Span::new(0, t.len())]).len(), 1);
    }

    proptest::proptest! {
        /// Clauses tile each sentence exactly; each ends at its only clause break, if it has one.
        #[test]
        fn clauses_tile_sentences(t in "[你好医院,、;:。!？…“”()《》 —\"·\n?a1]{0,60}") {
            let zones: Vec<Span> = {
                let mut v = Vec::new();
                let mut p = 0;
                for line in t.split('\n') {
                    v.push(Span::new(p, p + line.len()));
                    p += line.len() + 1;
                }
                v
            };
            let (sentences, clauses) = split_with_clauses(&t, &zones);
            // The sentences, checked on their own (an empty list would tile trivially): in
            // order, each inside one zone, trimmed and non-empty; each ends after a run of
            // sentence ends and closers that takes in every such character after it, or at
            // its zone's end; no sentence end inside one; together they hold every
            // non-whitespace character of every zone.
            let is_end_or_closer = |c: char| ENDS.contains(&c) || CLOSERS.contains(&c);
            let mut covered = vec![false; t.len()];
            let mut prev_end = 0;
            for s in &sentences {
                proptest::prop_assert!(prev_end <= s.start && s.start < s.end, "{:?} after {}", s, prev_end);
                prev_end = s.end;
                let z = zones.iter().find(|z| z.start <= s.start && s.end <= z.end);
                proptest::prop_assert!(z.is_some(), "{:?} in no zone", s);
                let z = z.unwrap();
                let body = &t[s.start..s.end];
                proptest::prop_assert_eq!(body, body.trim());
                let tail = &body[body.trim_end_matches(is_end_or_closer).len()..];
                proptest::prop_assert!(!body[..body.len() - tail.len()].contains(ENDS), "end inside {:?}", body);
                if tail.contains(ENDS) {
                    proptest::prop_assert!(!t[s.end..z.end].starts_with(is_end_or_closer), "{:?} stops early", body);
                } else {
                    proptest::prop_assert!(t[s.end..z.end].trim().is_empty(), "{:?} ends at no end", body);
                }
                covered[s.start..s.end].fill(true);
            }
            for z in &zones {
                for (i, c) in t[z.start..z.end].char_indices() {
                    proptest::prop_assert!(c.is_whitespace() || covered[z.start + i], "{:?} at {} left out", c, z.start + i);
                }
            }
            // The clauses, against the sentences.
            let mut k = 0;
            for s in &sentences {
                let mut at = s.start;
                while at < s.end {
                    let c = clauses[k];
                    proptest::prop_assert_eq!(c.start, at);
                    let body = &t[c.start..c.end];
                    let breaks = body.chars().filter(|c| CLAUSE_BREAKS.contains(c)).count();
                    let last_is_break = body.chars().next_back().is_some_and(|c| CLAUSE_BREAKS.contains(&c));
                    proptest::prop_assert!(breaks == usize::from(last_is_break) && (last_is_break || c.end == s.end));
                    at = c.end;
                    k += 1;
                }
                proptest::prop_assert_eq!(at, s.end);
            }
            proptest::prop_assert_eq!(k, clauses.len());
        }
    }
}
