//! Sentence splitting inside the article's zones.

use super::Span;

/// Sentence-final punctuation (after normalisation). An ASCII `?` is not here: in scraped
/// text it usually marks a lost character, not a question.
const ENDS: [char; 5] = ['。', '!', '？', ';', '…'];

/// Characters that may follow a sentence end and still belong to the sentence.
const CLOSERS: [char; 5] = ['”', '’', '"', ')', '」'];
const END_LEADS: [bool; 256] = super::scan::lead_bytes(&ENDS);

/// Split each zone into sentences; each sentence keeps its final punctuation and any closing
/// quote after it.
pub fn split(text: &str, zones: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for z in zones {
        let piece = &text[z.start..z.end];
        let mut start = 0;
        for (i, c) in super::scan::marked_chars(piece, &END_LEADS) {
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
            push_trimmed(piece, z.start, start, end, &mut out);
            start = end;
        }
        push_trimmed(piece, z.start, start, piece.len(), &mut out);
    }
    out
}

fn push_trimmed(piece: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &piece[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
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
    fn lost_character_marks_do_not_split() {
        let t = "专病中心之?,疼痛科。";
        assert_eq!(split(t, &[Span::new(0, t.len())]).len(), 1);
    }
}
