//! Records as tables: one row per mention of any kind, for pandas, csvkit and spreadsheets.
//!
//! Every row has the same columns ([`MentionRow::COLUMNS`]); a column that does not apply to a kind is
//! empty. Hospitals and people give one row per mention, with the entity's name.

use serde::Serialize;

use crate::record::{Approx, Record, Rule};

/// The columns of a mention row, in order.
pub(crate) const COLUMNS: &[&str] = &[
    "id", "kind", "text", "start", "end", "name", "value", "unit", "object", "approx", "titles", "org", "scope",
    "what", "hospital", "count", "rule",
];

/// One mention as a table row (see [`Record::mention_rows`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MentionRow {
    /// The record's id.
    pub id: String,
    /// `hospital`, `person`, `date`, `count` or `first_case`.
    pub kind: &'static str,
    /// The original surface.
    pub text: String,
    /// Code-point start in the input.
    pub start: usize,
    /// Code-point end in the input.
    pub end: usize,
    /// The entity's name (hospitals, people).
    pub name: Option<String>,
    /// A date's EDTF value or a count's number.
    pub value: Option<serde_json::Value>,
    /// A count's unit.
    pub unit: Option<String>,
    /// A count's counted noun.
    pub object: Option<String>,
    /// A count's approximation.
    pub approx: Option<Approx>,
    /// A person's titles.
    pub titles: Option<Vec<String>>,
    /// A person's organisation.
    pub org: Option<String>,
    /// A first-case claim's scope.
    pub scope: Option<String>,
    /// What a first-case claim says was done.
    pub what: Option<String>,
    /// The hospital of a first-case claim.
    pub hospital: Option<String>,
    /// How many firsts a claim counts.
    pub count: Option<u64>,
    /// The rule that found the mention.
    pub rule: Option<Rule>,
}

pub(crate) fn mention_rows(r: &Record) -> Vec<MentionRow> {
    let row = |kind, text: &str, start, end, rule| MentionRow {
        id: r.id.clone(),
        kind,
        text: text.to_string(),
        start,
        end,
        rule: Some(rule),
        ..MentionRow::default()
    };
    let mut rows = Vec::new();
    for h in &r.hospitals {
        rows.extend(h.surfaces.iter().map(|s| MentionRow {
            name: Some(h.name.clone()),
            ..row("hospital", &s.text, s.start, s.end, s.rule)
        }));
    }
    for p in &r.people {
        rows.extend(p.surfaces.iter().map(|s| MentionRow {
            name: Some(p.name.clone()),
            titles: Some(p.titles.clone()),
            org: p.org.clone(),
            ..row("person", &s.text, s.start, s.end, s.rule)
        }));
    }
    rows.extend(r.dates.iter().map(|d| MentionRow {
        value: Some(d.value.clone().into()),
        ..row("date", &d.text, d.start, d.end, d.rule)
    }));
    rows.extend(r.counts.iter().map(|c| MentionRow {
        value: serde_json::to_value(c).ok().and_then(|v| v.get("value").cloned()),
        unit: c.unit.clone(),
        object: c.object.clone(),
        approx: Some(c.approx),
        ..row("count", &c.text, c.start, c.end, c.rule)
    }));
    rows.extend(r.first_cases.iter().map(|f| MentionRow {
        scope: f.scope.clone(),
        what: f.what.clone(),
        hospital: f.hospital.clone(),
        count: f.count,
        ..row("first_case", &f.text, f.start, f.end, f.rule)
    }));
    rows
}

impl MentionRow {
    /// A row's cells as text, in [`MentionRow::COLUMNS`] order: empty for a missing value, titles joined
    /// with `|`.
    pub fn cells(&self) -> Vec<String> {
        let Ok(serde_json::Value::Object(v)) = serde_json::to_value(self) else {
            return Vec::new();
        };
        COLUMNS
            .iter()
            .map(|c| match v.get(*c) {
                None | Some(serde_json::Value::Null) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join("|"),
                Some(other) => other.to_string(),
            })
            .collect()
    }
}

impl MentionRow {
    /// The columns of a row, in order: the header of a TSV or CSV table.
    pub const COLUMNS: &'static [&'static str] = COLUMNS;
}

impl Record {
    /// One row per mention, kinds in record order (hospitals, people, dates, counts, first cases).
    ///
    /// ```
    /// let r = zhnews::Extractor::new().extract("a", "县人民医院派出5名专家。");
    /// let rows = r.mention_rows();
    /// let count = rows.iter().find(|row| row.kind == "count").unwrap();
    /// assert_eq!((count.text.as_str(), count.unit.as_deref()), ("5名专家", Some("名")));
    /// ```
    pub fn mention_rows(&self) -> Vec<MentionRow> {
        mention_rows(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cover_every_kind_with_text_and_offsets() {
        let text = "5月8日,浏阳市人民医院院长李明带领5名专家完成全省首例手术。";
        let r = crate::Extractor::new().extract("a", text);
        let rows = mention_rows(&r);
        let kinds: Vec<&str> = rows.iter().map(|r| r.kind).collect();
        for k in ["hospital", "person", "date", "count", "first_case"] {
            assert!(kinds.contains(&k), "{k} missing from {kinds:?}");
        }
        let chars: Vec<char> = text.chars().collect();
        for row in &rows {
            assert_eq!(chars[row.start..row.end].iter().collect::<String>(), row.text);
            assert_eq!(row.cells().len(), COLUMNS.len());
        }
        let person = rows.iter().find(|r| r.kind == "person").unwrap();
        assert_eq!(person.cells()[10], "院长");
    }
}
