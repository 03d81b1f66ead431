//! The JSON Schema (`zhnews schema`) describes the records zhnews really writes: every
//! record of the bundled articles, an error record and a snippet validate against it.

use serde_json::Value;

/// A small validator for the parts of JSON Schema that schemars writes: `type` (one or a
/// list), `properties`, `required`, `items`, `$ref` into `$defs`, `oneOf`/`anyOf`, `const`,
/// `enum`, `minimum`, `additionalProperties: false`.
fn check(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return check(root, &root["$defs"][name], v, at, errors);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alts) = schema.get(key).and_then(Value::as_array) {
            let ok = alts.iter().filter(|s| {
                let mut e = Vec::new();
                check(root, s, v, at, &mut e);
                e.is_empty()
            });
            let n = ok.count();
            if n == 0 || (key == "oneOf" && n > 1) {
                errors.push(format!("{at}: {key} matched {n} of {}", alts.len()));
            }
        }
    }
    if let Some(c) = schema.get("const").filter(|c| *c != v) {
        errors.push(format!("{at}: {v} is not the constant {c}"));
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !types.iter().any(|t| type_matches(t, v)) {
            errors.push(format!("{at}: {v} is not {types:?}"));
        }
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
        if v.as_f64().is_some_and(|x| x < min) {
            errors.push(format!("{at}: {v} < {min}"));
        }
    }
    check_object(root, schema, v, at, errors);
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(root, items, x, &format!("{at}[{i}]"), errors);
        }
    }
}

fn check_object(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(obj) = v.as_object() else { return };
    for req in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
        let req = req.as_str().unwrap_or_default();
        if !obj.contains_key(req) {
            errors.push(format!("{at}: missing {req}"));
        }
    }
    let props = schema.get("properties").and_then(Value::as_object);
    for (k, x) in obj {
        match props.and_then(|p| p.get(k)) {
            Some(s) => check(root, s, x, &format!("{at}.{k}"), errors),
            None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                errors.push(format!("{at}: unexpected key {k}"));
            }
            None => {}
        }
    }
}

fn type_matches(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn errors_of(schema: &Value, record: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, record, "record", &mut errors);
    errors
}

#[test]
fn real_records_validate() {
    let schema = zhnews::record_schema();
    let ex = zhnews::Extractor::new();
    let jobs = zhnews::read_paths(&["fixtures/articles".into()])
        .chain([zhnews::Job::JsonLine {
            line: 9,
            json: "{broken".into(),
        }])
        .chain([zhnews::Job::Text(zhnews::Input::new("s", "近20名专家"))]);
    let mut n = 0;
    for record in ex.records(jobs) {
        let v = serde_json::to_value(&record).unwrap();
        let errors = errors_of(&schema, &v);
        assert!(errors.is_empty(), "{}: {errors:#?}", record.id);
        n += 1;
    }
    assert_eq!(n, 7);
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let schema = zhnews::record_schema();
    let mut v = serde_json::to_value(zhnews::Extractor::new().extract("a", "3名专家。")).unwrap();
    assert!(errors_of(&schema, &v).is_empty());
    v["counts"][0]["approx"] = "roughly".into();
    v["counts"][0]["start"] = (-1).into();
    v.as_object_mut().unwrap().remove("people");
    let errors = errors_of(&schema, &v);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}
