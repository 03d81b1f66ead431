//! The matching rules of `score.py`: entity sets for hospitals and people, span overlap plus
//! value for dates, counts and first-case claims, and the offset check of every predicted span.

use std::collections::HashSet;

use serde_json::Value;

use super::KindStats;

pub(super) fn list<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    v.get(k).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn find(text: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || needle.len() > text.len() {
        return None;
    }
    (from..=text.len() - needle.len()).find(|&i| text[i..i + needle.len()] == *needle)
}

/// Gold mentions with spans found in document order, as `score.py` finds them.
pub(super) fn gold_mentions(items: &[Value], text: &[char]) -> Vec<(usize, usize, Value)> {
    let mut pos = 0;
    let mut out = Vec::new();
    for m in items {
        let t: Vec<char> = m["text"].as_str().unwrap_or_default().chars().collect();
        let i = match find(text, &t, pos) {
            Some(i) => {
                pos = i + t.len();
                i
            }
            None => match find(text, &t, 0) {
                Some(i) => i,
                None => continue,
            },
        };
        out.push((i, i + t.len(), m.clone()));
    }
    out
}

fn surface(text: &[char], m: &Value) -> Option<String> {
    let a = m.get(0)?.as_u64()? as usize;
    let b = m.get(1)?.as_u64()? as usize;
    (a <= b && b <= text.len()).then(|| text[a..b].iter().collect())
}

pub(super) fn score_entities(golds: &[Value], preds: &[Value], text: &[char], kind: &str) -> KindStats {
    let mut s = KindStats {
        gold: golds.len(),
        pred: preds.len(),
        ..Default::default()
    };
    let gkeys: Vec<HashSet<String>> = golds
        .iter()
        .map(|g| {
            let mut k: HashSet<String> = list(g, "aliases")
                .iter()
                .filter_map(|a| a.as_str().map(str::to_string))
                .collect();
            k.insert(g["name"].as_str().unwrap_or_default().to_string());
            k
        })
        .collect();
    let mut used = HashSet::new();
    for p in preds {
        let mut pk: HashSet<String> = list(p, "mentions").iter().filter_map(|m| surface(text, m)).collect();
        pk.insert(p["name"].as_str().unwrap_or_default().to_string());
        pk.retain(|k| !k.is_empty());
        let hit = (0..golds.len()).find(|i| !used.contains(i) && !pk.is_disjoint(&gkeys[*i]));
        let Some(i) = hit else {
            s.spurious.push(p["name"].as_str().unwrap_or_default().to_string());
            continue;
        };
        used.insert(i);
        s.tp += 1;
        let g = &golds[i];
        if p["name"] == g["name"] {
            s.canonical += 1;
        }
        if kind == "people" && !list(g, "titles").is_empty() {
            s.titled += 1;
            let pt: HashSet<&str> = list(p, "titles").iter().filter_map(Value::as_str).collect();
            if list(g, "titles")
                .iter()
                .filter_map(Value::as_str)
                .any(|t| pt.contains(t))
            {
                s.title_ok += 1;
            }
        }
    }
    s.missed = (0..golds.len())
        .filter(|i| !used.contains(i))
        .map(|i| golds[i]["name"].as_str().unwrap_or_default().to_string())
        .collect();
    s
}

fn same_value(kind: &str, p: &Value, g: &Value) -> bool {
    match kind {
        "dates" => value_str(&p["value"]) == value_str(&g["value"]),
        "counts" => match (p["value"].as_f64(), g["value"].as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * b.abs().max(1.0),
            _ => false,
        },
        _ => true,
    }
}

fn value_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn opt_str(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| !s.is_empty())
}

pub(super) fn score_mentions(golds: &[(usize, usize, Value)], preds: &[Value], kind: &str) -> KindStats {
    let mut s = KindStats {
        gold: golds.len(),
        pred: preds.len(),
        ..Default::default()
    };
    let span = |p: &Value| {
        (
            p["start"].as_u64().unwrap_or(0) as usize,
            p["end"].as_u64().unwrap_or(0) as usize,
        )
    };
    let mut used = HashSet::new();
    for (gs, ge, g) in golds {
        let mut best = (0, None);
        for (i, p) in preds.iter().enumerate() {
            if used.contains(&i) {
                continue;
            }
            let (ps, pe) = span(p);
            let o = (*ge).min(pe).saturating_sub((*gs).max(ps));
            if o > best.0 {
                best = (o, Some(i));
            }
        }
        let Some(i) = best.1 else {
            s.missed.push(g["text"].as_str().unwrap_or_default().to_string());
            continue;
        };
        used.insert(i);
        let p = &preds[i];
        s.tp += 1;
        if same_value(kind, p, g) {
            s.tp_value += 1;
        } else {
            s.wrong.push(format!(
                "{}: {} != {}",
                g["text"].as_str().unwrap_or_default(),
                p["value"],
                g["value"]
            ));
        }
        if kind == "counts" {
            s.unit_ok += usize::from(p["unit"] == g["unit"] || (p["unit"].is_null() && g.get("unit").is_none()));
            let pa = p["approx"].as_str().unwrap_or("exact");
            let ga = g["approx"].as_str().unwrap_or("exact");
            s.approx_ok += usize::from(pa == ga);
        }
        if kind == "first_cases" {
            s.scope_ok += usize::from(opt_str(&p["scope"]) == opt_str(&g["scope"]));
        }
    }
    s.spurious = (0..preds.len())
        .filter(|i| !used.contains(i))
        .map(|i| preds[i]["text"].as_str().unwrap_or_default().to_string())
        .collect();
    s
}

pub(super) fn check_offsets(rec: &Value, text: &[char], errors: &mut Vec<String>) {
    let id = rec["id"].as_str().unwrap_or_default();
    for k in ["dates", "counts", "first_cases"] {
        for m in list(rec, k) {
            let (s, e) = (m["start"].as_u64(), m["end"].as_u64());
            let ok = match (s, e) {
                (Some(s), Some(e)) if s <= e && (e as usize) <= text.len() => {
                    text[s as usize..e as usize].iter().collect::<String>() == m["text"].as_str().unwrap_or_default()
                }
                _ => false,
            };
            if !ok {
                errors.push(format!(
                    "{id} {k}: text {} != input[{}:{}]",
                    m["text"], m["start"], m["end"]
                ));
            }
        }
    }
    for k in ["hospitals", "people"] {
        for ent in list(rec, k) {
            for m in list(ent, "mentions") {
                let ok = matches!((m.get(0).and_then(Value::as_u64), m.get(1).and_then(Value::as_u64)),
                    (Some(a), Some(b)) if a < b && (b as usize) <= text.len());
                if !ok {
                    errors.push(format!("{id} {k} {}: bad mention {m}", ent["name"]));
                }
            }
        }
    }
}
