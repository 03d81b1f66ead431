//! Divisions the gazetteer lacks, read right to left before a hospital head: an ordinal or a
//! proper word before a level character (第十三师, 新安镇, 新星市), a short name anchored at a
//! clause edge or a preposition (在|长和街道), or a bare level character (the `市` of
//! 市人民医院).

use super::{GENERIC, PROPER_TAGS, is_function_char, ordinal_ending_at};
use crate::lang::places;
use crate::text::Document;
use crate::text::normalize::is_cjk;
use crate::text::segment::Segmenter;

/// The level word (a level character or 街道) that ends `head`, in bytes.
fn level_len(head: &str) -> Option<usize> {
    if head.ends_with("街道") {
        return Some("街道".len());
    }
    let c = head.chars().next_back()?;
    places::is_level_char(c).then(|| c.len_utf8())
}

/// Whether a word can be the name part of a division.
fn name_like(seg: &Segmenter, w: &str) -> bool {
    w.chars().all(is_cjk)
        && (1..=3).contains(&w.chars().count())
        && !GENERIC.contains(w)
        && match seg.dict_tag(w) {
            None => !seg.unknown_word_is_function(w),
            Some(t) => PROPER_TAGS.contains(&t),
        }
}

/// The start of a division that ends at `l` (after its level word), if one does.
pub(super) fn division_ending_at(doc: &Document, seg: &Segmenter, floor: usize, l: usize) -> Option<usize> {
    let text = doc.text();
    let l2 = l - level_len(&text[floor..l])?;
    if let Some(s) = ordinal_ending_at(text, floor, l2) {
        return Some(s);
    }
    if let Some(tok) = doc.token_before(l2).filter(|t| t.span.end > floor) {
        let s = tok.span.start.max(floor);
        if tok.span.end == l2 && name_like(seg, &text[s..l2]) {
            return Some(s);
        }
        // one word for the whole division (柏溪镇/?, an unknown word)
        if tok.span.end == l && text[s..l2].chars().count() >= 2 && name_like(seg, &text[s..l2]) {
            return Some(s);
        }
    }
    if let Some(s) = anchored_name(doc, seg, floor, l2) {
        return Some(s);
    }
    // bare level character, e.g. 市 in 市人民医院; only at a word boundary
    let prev = text[floor..l2].chars().next_back();
    (!prev.is_some_and(is_cjk)
        || doc.is_token_boundary(l2) && matches!(prev, Some('在' | '与' | '和' | '及' | '到' | '由')))
    .then_some(l2)
}

/// A division name of two or three characters whatever the segmenter made of it (珂|川镇,
/// 长|和 街道), when what stands before it ends a phrase: a preposition or conjunction, a verb,
/// or the level character of a larger division (柏溪镇|白沙村); after a verb or a clause
/// edge, only when it is no common word (据悉|市人民医院, 揭牌|成立|县人民医院).
fn anchored_name(doc: &Document, seg: &Segmenter, floor: usize, l2: usize) -> Option<usize> {
    let text = doc.text();
    let level = text[l2..].chars().next()?;
    let mut s = l2;
    let mut chars = text[floor..l2].chars().rev();
    for n in 1..=3 {
        let c = chars.next()?;
        if !is_cjk(c) || matches!(c, '的' | '了' | '是' | '在') || places::is_level_char(c) {
            return None;
        }
        // a level character that makes a common word with the one before (城市, 山区) is none
        if n == 1 && seg.has_word(&text[l2 - c.len_utf8()..l2 + level.len_utf8()]) {
            return None;
        }
        s -= c.len_utf8();
        if n < 2 {
            continue;
        }
        // a determiner or a preposition starts no name (为各村, 每个乡)
        if is_function_char(c) || matches!(c, '各' | '该' | '本' | '每' | '全' | '这' | '那' | '其') {
            return None;
        }
        let run = &text[s..l2];
        if GENERIC.contains(run) {
            return None;
        }
        let verb_before = doc.is_token_boundary(s)
            && doc.token_before(s).is_some_and(|t| {
                let w = doc.slice(t.span);
                match seg.dict_tag(w) {
                    Some(tag) => tag.starts_with('v'),
                    None => seg.unknown_word_is_function(w),
                }
            });
        let common = seg.dict_tag(run).is_some_and(|t| !PROPER_TAGS.contains(&t));
        match text[floor..s].chars().next_back() {
            Some(b) if is_function_char(b) || places::is_level_char(b) => return Some(s),
            Some(b) if is_cjk(b) && !verb_before => {}
            _ => return (!common).then_some(s),
        }
    }
    None
}
