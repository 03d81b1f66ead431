//! Word segmentation: one jieba-rs instance, built once, with the domain vocabulary added so
//! that words like 组团式, 援疆专家 and 副主任医师 stay whole.
//!
//! Token boundaries are hints for the extractors, never entity boundaries: jieba keeps
//! `医院院长` as one token. Part-of-speech tags cost 3–4× a plain cut, so the pipeline never
//! tags sentences; [`Segmenter::dict_tag`] looks up one word's tag where a rule needs it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use jieba_rs::Jieba;

use super::Span;
use crate::error::BuildError;

/// One word of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is, in bytes of the normalised text.
    pub span: Span,
}

const DOMAIN_DICT: &str = include_str!("../data/segment_dict.txt");

static DEFAULT_JIEBA: LazyLock<Arc<Jieba>> = LazyLock::new(|| {
    let mut j = Jieba::new();
    for line in crate::data::lines(DOMAIN_DICT) {
        // The embedded dictionary is validated by a test; a malformed line is skipped.
        let _ = add_dict_line(&mut j, line);
    }
    Arc::new(j)
});

fn add_dict_line(j: &mut Jieba, line: &str) -> Result<(), String> {
    let mut parts = line.split_whitespace();
    let word = parts.next().ok_or("empty line")?;
    let freq = match parts.next() {
        Some(f) => Some(
            f.parse::<usize>()
                .map_err(|_| format!("frequency {f:?} is not a number"))?,
        ),
        None => None,
    };
    let tag = parts.next();
    if parts.next().is_some() {
        return Err("more than three fields".into());
    }
    j.add_word(word, Some(freq.unwrap_or_else(|| j.suggest_freq(word).max(1000))), tag);
    Ok(())
}

/// The shared segmenter. Cloning is cheap (an `Arc`); it is `Send + Sync`.
#[derive(Clone)]
pub struct Segmenter {
    jieba: Arc<Jieba>,
    /// Which dictionary this is, for the per-thread tag cache: unique per dictionary built in
    /// this process (0 is the default one). A heap address would not do: a dictionary built
    /// after another was dropped can get its address and read its cached tags.
    dict_id: u64,
}

/// The next user-dictionary id.
static NEXT_DICT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Segmenter")
    }
}

impl Segmenter {
    /// The default segmenter with the embedded domain dictionary (built on first use).
    pub fn new() -> Segmenter {
        Segmenter {
            jieba: DEFAULT_JIEBA.clone(),
            dict_id: 0,
        }
    }

    /// The default segmenter plus user dictionaries in jieba's `word [freq] [tag]` format.
    pub fn with_user_dicts(dicts: &[String]) -> Result<Segmenter, BuildError> {
        if dicts.is_empty() {
            return Ok(Segmenter::new());
        }
        let mut j: Jieba = (**DEFAULT_JIEBA).clone();
        for dict in dicts {
            for (i, line) in dict.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                add_dict_line(&mut j, line).map_err(|message| BuildError::Dictionary { line: i + 1, message })?;
            }
        }
        Ok(Segmenter {
            jieba: Arc::new(j),
            dict_id: NEXT_DICT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// Cut `text[span]` (HMM on) and push its tokens, with offsets into `text`.
    pub fn cut_into(&self, text: &str, span: Span, out: &mut Vec<Token>) {
        let piece = &text[span.start..span.end];
        out.extend(self.jieba.cut(piece, true).into_iter().map(|t| Token {
            span: Span::new(span.start + t.byte_start, span.start + t.byte_end),
        }));
    }

    /// jieba's dictionary tag of one word (`ns` place, `nr` person, `v` verb…), if it is a
    /// dictionary word.
    pub fn dict_tag(&self, word: &str) -> Option<&'static str> {
        self.cached(word, 0, || {
            if !self.jieba.has_word(word) {
                return None;
            }
            let tags = self.jieba.tag(word, false);
            match tags.as_slice() {
                [one] => Some(intern_tag(one.tag)),
                _ => None,
            }
        })
    }

    /// Tag look-ups repeat the same few thousand words across articles: a per-thread cache
    /// (bounded, keyed per segmenter instance) makes them nearly free without locks. Keys
    /// are FNV hashes, checked against the stored word, so a look-up allocates nothing.
    fn cached(&self, word: &str, kind: u8, f: impl FnOnce() -> Option<&'static str>) -> Option<&'static str> {
        type Cache = HashMap<u64, (u64, Box<str>, Option<&'static str>), crate::data::Fnv>;
        thread_local! {
            static CACHE: RefCell<Cache> = RefCell::new(HashMap::default());
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ self.dict_id.rotate_left(17) ^ u64::from(kind) << 56;
        for &b in word.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        let owner = (self.dict_id, kind);
        let hit = CACHE.with(|c| {
            c.borrow()
                .get(&h)
                .filter(|e| e.0 == owner.0 << 8 | u64::from(owner.1) && &*e.1 == word)
                .map(|e| e.2)
        });
        if let Some(hit) = hit {
            return hit;
        }
        let v = f();
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() > 100_000 {
                c.clear();
            }
            c.insert(h, (owner.0 << 8 | u64::from(owner.1), word.into(), v));
        });
        v
    }

    /// For a word the dictionary lacks, whether it starts like a function word: its first
    /// character, read as a word of its own, is a verb, preposition, conjunction, particle,
    /// adverb or pronoun (`转往` → 转/v). A proper noun (`牛山`, `江大`) starts otherwise.
    /// (jieba's POS HMM would tell more, at ~2,000 instructions per character.)
    pub fn unknown_word_is_function(&self, word: &str) -> bool {
        let Some(first) = word.chars().next() else { return false };
        let first = &word[..first.len_utf8()];
        matches!(
            self.dict_tag(first).and_then(|t| t.chars().next()),
            Some('v' | 'p' | 'c' | 'u' | 'd' | 'r' | 'z' | 'y' | 'e' | 'o')
        )
    }

    /// Whether `word` is in the dictionary.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }
}

/// jieba's tags as `'static` strings (its tag set is small and fixed).
fn intern_tag(tag: &str) -> &'static str {
    const TAGS: &[&str] = &[
        "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "f", "g", "h", "i", "j", "k", "l", "m", "mg", "mq", "n",
        "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud",
        "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "x", "y", "z", "zg", "nw", "eng",
    ];
    TAGS.iter().find(|t| **t == tag).copied().unwrap_or("x")
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two user dictionaries built in turn, the first dropped before the second: each
    /// segmenter reads its own tags, never the other's cached ones (issue 14).
    #[test]
    fn segmenters_built_in_turn_keep_their_own_tags() {
        let word = "蓝鲸湾";
        for tag in ["ns", "nr", "nt", "ns"] {
            let seg = Segmenter::with_user_dicts(&[format!("{word} 1000 {tag}")]).unwrap();
            assert_eq!(seg.dict_tag(word), Some(tag));
            drop(seg);
        }
        assert_eq!(Segmenter::new().dict_tag(word), None);
    }

    #[test]
    fn domain_dictionary_parses() {
        let mut j = Jieba::empty();
        for (i, line) in crate::data::lines(DOMAIN_DICT).enumerate() {
            add_dict_line(&mut j, line).unwrap_or_else(|e| panic!("entry {i} {line:?}: {e}"));
        }
    }

    #[test]
    fn domain_words_stay_whole() {
        let s = Segmenter::new();
        let text = "开展组团式援疆工作,副主任医师赴当地";
        let mut toks = Vec::new();
        s.cut_into(text, Span::new(0, text.len()), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.span.start..t.span.end]).collect();
        assert!(words.contains(&"组团式"), "{words:?}");
        assert!(words.contains(&"副主任医师"), "{words:?}");
        let joined: String = words.concat();
        assert_eq!(joined, text);
    }
}
