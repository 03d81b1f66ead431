//! Scoring records against gold annotations, with the matching rules of the project's
//! reference scorer (`score.py`): hospitals and people as entity sets per article (a
//! prediction matches a gold entity when its name, or the surface of one of its mentions, is
//! the gold name or an alias); dates, counts and first-case claims per mention (spans
//! overlap; value-correct when the value is equal). Every predicted span is checked against
//! the input.
//!
//! `zhnews eval --articles DIR --gold DIR [--pred FILE]` prints the table; the fixture test
//! (`tests/fixtures.rs`) includes this module by path to check the scores exactly.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use zhnews::Extractor;

mod matching;

use matching::{check_offsets, gold_mentions, list, score_entities, score_mentions};

/// The five kinds, in table order.
pub const KINDS: [&str; 5] = ["hospitals", "people", "dates", "counts", "first_cases"];

/// Counts for one kind.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KindStats {
    /// Gold mentions or entities.
    pub gold: usize,
    /// Predicted mentions or entities.
    pub pred: usize,
    /// Matches.
    pub tp: usize,
    /// Matches with the right value.
    pub tp_value: usize,
    /// Entity matches whose name is the gold name.
    pub canonical: usize,
    /// Matched gold people with titles.
    pub titled: usize,
    /// …whose predicted titles share one with gold.
    pub title_ok: usize,
    /// Count matches with the right unit.
    pub unit_ok: usize,
    /// Count matches with the right approximation.
    pub approx_ok: usize,
    /// First-case matches with the right scope.
    pub scope_ok: usize,
    /// Gold items not found, per article.
    pub missed: Vec<String>,
    /// Predictions that match nothing.
    pub spurious: Vec<String>,
    /// Matches with a wrong value.
    pub wrong: Vec<String>,
}

/// Precision, recall and F1 of one kind.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Prf {
    /// Precision.
    #[serde(rename = "P")]
    pub p: f64,
    /// Recall.
    #[serde(rename = "R")]
    pub r: f64,
    /// F1.
    #[serde(rename = "F1")]
    pub f1: f64,
}

fn prf(tp: usize, npred: usize, ngold: usize) -> Prf {
    let p = if npred > 0 {
        tp as f64 / npred as f64
    } else if ngold == 0 {
        1.0
    } else {
        0.0
    };
    let r = if ngold > 0 { tp as f64 / ngold as f64 } else { 1.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p, r, f1 }
}

impl KindStats {
    fn add(&mut self, o: KindStats) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.tp += o.tp;
        self.tp_value += o.tp_value;
        self.canonical += o.canonical;
        self.titled += o.titled;
        self.title_ok += o.title_ok;
        self.unit_ok += o.unit_ok;
        self.approx_ok += o.approx_ok;
        self.scope_ok += o.scope_ok;
        self.missed.extend(o.missed);
        self.spurious.extend(o.spurious);
        self.wrong.extend(o.wrong);
    }

    /// Span (or entity) P/R/F1.
    pub fn prf(&self) -> Prf {
        prf(self.tp, self.pred, self.gold)
    }

    /// Value F1: for dates and counts the value must match too; otherwise the plain F1.
    pub fn value_f1(&self, kind: &str) -> f64 {
        if matches!(kind, "dates" | "counts") {
            prf(self.tp_value, self.pred, self.gold).f1
        } else {
            self.prf().f1
        }
    }
}

/// The scores of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    /// Totals per kind.
    pub kinds: BTreeMap<String, KindStats>,
    /// Per-article stats, by id.
    pub articles: BTreeMap<String, BTreeMap<String, KindStats>>,
    /// Spans whose text is not the input at their offsets.
    pub offset_errors: Vec<String>,
    /// Gold articles without a record.
    pub missing: Vec<String>,
}

/// Errors of an evaluation run.
#[derive(Debug)]
#[non_exhaustive]
pub enum EvalError {
    /// A file could not be read.
    Io(String, std::io::Error),
    /// A gold file or a record line is not valid JSON of the expected shape.
    Format(String),
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvalError::Io(p, e) => write!(f, "{p}: {e}"),
            EvalError::Format(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for EvalError {}

fn read(p: &Path) -> Result<String, EvalError> {
    fs::read_to_string(p).map_err(|e| EvalError::Io(p.display().to_string(), e))
}

/// The keys a gold file may have (see the README's "Gold format"); any other key is
/// most likely a typo that would silently score 0, so it is an error.
const GOLD_KEYS: &[&str] = &[
    "id",
    "published",
    "meta",
    "hospitals",
    "people",
    "dates",
    "counts",
    "first_cases",
    "notes",
];

fn check_gold_keys(path: &Path, gold: &Value) -> Result<(), EvalError> {
    let Some(obj) = gold.as_object() else {
        return Err(EvalError::Format(format!(
            "{}: a gold file is one JSON object",
            path.display()
        )));
    };
    match obj.keys().find(|k| !GOLD_KEYS.contains(&k.as_str())) {
        Some(k) => Err(EvalError::Format(format!(
            "{}: unknown key {k:?}; a gold file has only {}",
            path.display(),
            GOLD_KEYS.join(", ")
        ))),
        None => Ok(()),
    }
}

/// Score the records in `pred` (JSONL), or, without it, fresh records of the articles.
pub fn score_dirs(articles: &Path, gold: &Path, pred: Option<&Path>) -> Result<Scores, EvalError> {
    let mut golds: Vec<(String, Value, Vec<char>)> = Vec::new();
    let mut names: Vec<_> = fs::read_dir(gold)
        .map_err(|e| EvalError::Io(gold.display().to_string(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    for p in names {
        let g: Value =
            serde_json::from_str(&read(&p)?).map_err(|e| EvalError::Format(format!("{}: {e}", p.display())))?;
        check_gold_keys(&p, &g)?;
        let id = g["id"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| p.file_stem().unwrap_or_default().to_string_lossy().into_owned());
        let text: Vec<char> = read(&articles.join(format!("{id}.txt")))?.chars().collect();
        golds.push((id, g, text));
    }
    let mut preds: BTreeMap<String, Value> = BTreeMap::new();
    match pred {
        Some(p) => {
            for (i, line) in read(p)?.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let v: Value = serde_json::from_str(line)
                    .map_err(|e| EvalError::Format(format!("{} line {}: {e}", p.display(), i + 1)))?;
                preds.insert(v["id"].as_str().unwrap_or_default().to_string(), v);
            }
        }
        None => {
            let ex = Extractor::new();
            for (id, _, text) in &golds {
                let s: String = text.iter().collect();
                let r = ex.extract(id, &s);
                preds.insert(
                    id.clone(),
                    serde_json::to_value(&r).map_err(|e| EvalError::Format(e.to_string()))?,
                );
            }
        }
    }
    let mut scores = Scores::default();
    for k in KINDS {
        scores.kinds.insert(k.to_string(), KindStats::default());
    }
    for (id, g, text) in &golds {
        let empty = Value::Object(Default::default());
        let rec = match preds.get(id) {
            Some(r) => r,
            None => {
                scores.missing.push(id.clone());
                &empty
            }
        };
        check_offsets(rec, text, &mut scores.offset_errors);
        let mut per = BTreeMap::new();
        for k in ["hospitals", "people"] {
            per.insert(k.to_string(), score_entities(list(g, k), list(rec, k), text, k));
        }
        for k in ["dates", "counts", "first_cases"] {
            let gm = gold_mentions(list(g, k), text);
            per.insert(k.to_string(), score_mentions(&gm, list(rec, k), k));
        }
        for (k, s) in &per {
            scores.kinds.get_mut(k).unwrap().add(s.clone());
        }
        scores.articles.insert(id.clone(), per);
    }
    Ok(scores)
}

impl Scores {
    /// Macro-F1 over the five kinds (value-F1 for dates and counts).
    pub fn macro_f1(&self) -> f64 {
        KINDS.iter().map(|k| self.kinds[*k].value_f1(k)).sum::<f64>() / KINDS.len() as f64
    }

    /// The per-kind table, as `score.py` prints it.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<12} {:>5} {:>5} {:>6} {:>6} {:>6}   value-F1  extra\n",
            "kind", "gold", "pred", "P", "R", "F1"
        );
        for k in KINDS {
            let s = &self.kinds[k];
            let p = s.prf();
            let extra = match k {
                "hospitals" => format!("canonical {}/{}", s.canonical, s.tp),
                "people" => format!("canonical {}/{}, titles {}/{}", s.canonical, s.tp, s.title_ok, s.titled),
                "counts" => format!("unit {}/{}, approx {}/{}", s.unit_ok, s.tp, s.approx_ok, s.tp),
                "first_cases" => format!("scope {}/{}", s.scope_ok, s.tp),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "{k:<12} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}   {:>6.3}   {extra}",
                s.gold,
                s.pred,
                p.p,
                p.r,
                p.f1,
                s.value_f1(k)
            );
        }
        if !self.missing.is_empty() {
            let _ = writeln!(
                out,
                "no record for {} article(s): {:?}",
                self.missing.len(),
                self.missing
            );
        }
        if !self.offset_errors.is_empty() {
            let _ = writeln!(
                out,
                "{} offset error(s), e.g. {:?}",
                self.offset_errors.len(),
                &self.offset_errors[..self.offset_errors.len().min(3)]
            );
        }
        let _ = write!(
            out,
            "macro-F1 {:.3} over {} articles (value-F1 for dates and counts)",
            self.macro_f1(),
            self.articles.len()
        );
        out
    }

    /// Misses, spurious predictions and wrong values, per article.
    pub fn per_article(&self) -> String {
        let mut out = String::new();
        for (id, per) in &self.articles {
            let _ = writeln!(out, "== {id}");
            for k in KINDS {
                let s = &per[k];
                if !(s.missed.is_empty() && s.spurious.is_empty() && s.wrong.is_empty()) {
                    let _ = writeln!(
                        out,
                        "  {k}: missed {:?} spurious {:?} wrong {:?}",
                        s.missed, s.spurious, s.wrong
                    );
                }
            }
        }
        out
    }

    /// A machine-readable summary, shaped like `score.py --json`.
    pub fn summary_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        for k in KINDS {
            let s = &self.kinds[k];
            let p = s.prf();
            m.insert(k.into(), serde_json::json!({"gold": s.gold, "pred": s.pred, "P": p.p, "R": p.r, "F1": p.f1, "value_F1": s.value_f1(k),
                "canonical": s.canonical, "titles_ok": s.title_ok, "titled": s.titled, "unit_ok": s.unit_ok, "approx_ok": s.approx_ok, "scope_ok": s.scope_ok, "tp": s.tp}));
        }
        m.insert("macro_F1".into(), self.macro_f1().into());
        m.insert("offset_errors".into(), self.offset_errors.len().into());
        m.insert("missing".into(), self.missing.clone().into());
        Value::Object(m)
    }
}
