//! The hand-off to search clusters (`export --format opensearch|quickwit`, `mapping`),
//! checked against what each format documents (no server is reachable here):
//! OpenSearch / Elasticsearch `_bulk` (action line + source line, `_index`, `_id`) and a
//! strict mapping (every field of every document mapped, values of the mapped type,
//! analyzers and filters defined or built in); Quickwit's doc mapping (strict mode, its
//! field types and tokenizers, no arrays of objects, RFC 3339 dates, one document per id).

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

use crate::util::*;

fn export(index: &str, format: &str) -> String {
    let o = run(&["export", "--index", index, "--format", format]);
    no_panic(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

fn mapping(flag: &str) -> String {
    let o = run(&["mapping", flag]);
    no_panic(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// `date` with format `strict_date_optional_time||yyyy-MM||yyyy`.
fn is_os_date(s: &str) -> bool {
    let re = regex::Regex::new(
        r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$",
    )
    .unwrap();
    re.is_match(s)
}

/// Check one value against an OpenSearch field mapping; errors name the path.
fn check_os(path: &str, v: &Value, m: &Map<String, Value>, errs: &mut Vec<String>) {
    if v.is_null() {
        return; // null is a missing value
    }
    if let Value::Array(items) = v {
        // any field may hold an array of its values
        for x in items {
            check_os(path, x, m, errs);
        }
        return;
    }
    let kind = m.get("type").and_then(Value::as_str).unwrap_or("object");
    let good = match kind {
        "keyword" => v.is_string(),
        "text" => v.is_string(),
        "integer" => v.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        "double" => v.is_number(),
        "boolean" => v.is_boolean(),
        "date" => v.as_str().is_some_and(is_os_date),
        "nested" | "object" => {
            let props = m["properties"].as_object().unwrap();
            match v.as_object() {
                Some(o) => {
                    for (k, x) in o {
                        match props.get(k) {
                            Some(pm) => {
                                check_os(&format!("{path}.{k}"), x, pm.as_object().unwrap(), errs)
                            }
                            None => errs.push(format!("{path}.{k}: not in the strict mapping")),
                        }
                    }
                    true
                }
                None => false,
            }
        }
        other => {
            errs.push(format!("{path}: unknown type {other}"));
            true
        }
    };
    if !good {
        errs.push(format!("{path}: {v} is not a {kind}"));
    }
}

#[test]
fn opensearch_bulk_and_mapping_follow_the_documented_formats() {
    let (_dir, index) = ingested();
    let body: Value = serde_json::from_str(&mapping("--opensearch")).unwrap();
    // settings: the analyzer of the text fields, with its filters
    let analysis = &body["settings"]["analysis"];
    let analyzers = analysis["analyzer"].as_object().unwrap();
    let filters = analysis["filter"].as_object().unwrap();
    let builtin_filters = ["lowercase", "asciifolding", "porter_stem", "stop"];
    for (name, a) in analyzers {
        assert_eq!(a["type"], "custom", "{name}");
        assert!(["standard", "whitespace", "letter"].contains(&a["tokenizer"].as_str().unwrap()));
        for f in a["filter"].as_array().unwrap() {
            let f = f.as_str().unwrap();
            assert!(
                builtin_filters.contains(&f) || filters.contains_key(f),
                "filter {f}"
            );
        }
    }
    for (name, f) in filters {
        let t = f["type"].as_str().unwrap();
        assert!(
            ["length", "snowball", "stemmer", "stop"].contains(&t),
            "{name}: {t}"
        );
    }
    // mappings: strict; known types; text fields name a defined analyzer
    let mappings = body["mappings"].as_object().unwrap();
    assert_eq!(mappings["dynamic"], "strict");
    let props = mappings["properties"].as_object().unwrap();
    fn walk(props: &Map<String, Value>, analyzers: &Map<String, Value>) {
        for (k, m) in props {
            let t = m.get("type").and_then(Value::as_str).unwrap_or("object");
            assert!(
                ["keyword", "text", "integer", "double", "boolean", "date", "nested", "object"]
                    .contains(&t),
                "{k}: {t}"
            );
            if t == "text" {
                assert!(
                    analyzers.contains_key(m["analyzer"].as_str().unwrap()),
                    "{k}"
                );
            }
            if let Some(p) = m.get("properties") {
                walk(p.as_object().unwrap(), analyzers);
            }
        }
    }
    walk(props, analyzers);
    for f in ["title", "text"] {
        assert_eq!(props[f]["type"], "text");
    }

    // _bulk: pairs of lines, an index action with _index and _id, then the source
    let bulk = export(&index, "opensearch");
    assert!(bulk.ends_with('\n'), "the bulk body ends with a newline");
    let lines = json_lines(&bulk);
    assert_eq!(lines.len() % 2, 0);
    let articles = json_lines(&export(&index, "newsfacts"));
    assert_eq!(lines.len() / 2, articles.len());
    let root = Map::from_iter([("properties".to_string(), Value::Object(props.clone()))]);
    let mut ids = BTreeSet::new();
    let mut errs = Vec::new();
    for (pair, article) in lines.chunks(2).zip(&articles) {
        let action = pair[0].as_object().unwrap();
        assert_eq!(action.len(), 1);
        let meta = action["index"].as_object().unwrap();
        assert_eq!(meta["_index"], "newsfacts");
        let id = meta["_id"].as_str().unwrap();
        assert!(!id.is_empty() && id.len() <= 512);
        assert!(ids.insert(id.to_string()), "one action per id");
        let doc = &pair[1];
        assert_eq!(doc["id"], id);
        assert_eq!(doc["text"], article["text"]);
        check_os(id, doc, &root, &mut errs);
        // the flat fields hold the entities and amounts of the article
        let persons: Vec<&Value> = article["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "PERSON")
            .map(|e| &e["name"])
            .collect();
        assert_eq!(
            doc["persons"]
                .as_array()
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            persons
        );
    }
    assert!(errs.is_empty(), "{errs:#?}");
    assert!(lines
        .iter()
        .any(|l| !l["amounts"].as_array().is_none_or(Vec::is_empty)));
    // another index name
    let o = run(&[
        "export",
        "--index",
        &index,
        "--format",
        "opensearch",
        "--index-name",
        "news-2020",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = json_lines(&stdout(&o)).remove(0);
    assert_eq!(first["index"]["_index"], "news-2020");
}

/// The `field_mappings` of the Quickwit index config: name → its settings.
fn quickwit_fields(yaml: &str) -> (BTreeMap<String, BTreeMap<String, String>>, String) {
    let mut fields: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut mode = String::new();
    let mut current: Option<String> = None;
    for line in yaml.lines() {
        let t = line.trim();
        if t.starts_with('#') || t.is_empty() {
            continue;
        }
        if let Some(m) = t.strip_prefix("mode: ") {
            mode = m.to_string();
        } else if let Some(name) = t.strip_prefix("- name: ") {
            current = Some(name.to_string());
            fields.entry(name.to_string()).or_default();
        } else if line.starts_with("      ") {
            let (k, v) = t.split_once(": ").expect("key: value");
            fields
                .get_mut(current.as_ref().expect("inside a field"))
                .unwrap()
                .insert(k.to_string(), v.to_string());
        } else if !line.starts_with("    ") {
            current = None;
        }
    }
    (fields, mode)
}

#[test]
fn quickwit_documents_and_doc_mapping_follow_the_documented_formats() {
    let (_dir, index) = ingested();
    let yaml = mapping("--quickwit");
    assert!(yaml.contains("\nindex_id: newsfacts\n"), "{yaml}");
    assert!(yaml.contains("\ndoc_mapping:\n"));
    assert!(yaml.contains("default_search_fields: [title, text]"));
    let (fields, mode) = quickwit_fields(&yaml);
    assert_eq!(mode, "strict");
    let scalar = [
        "text", "i64", "u64", "f64", "bool", "datetime", "bytes", "json", "ip",
    ];
    for (name, f) in &fields {
        let t = &f["type"];
        let inner = t
            .strip_prefix("array<")
            .and_then(|x| x.strip_suffix('>'))
            .unwrap_or(t);
        assert!(scalar.contains(&inner), "{name}: {t}");
        if let Some(tok) = f.get("tokenizer") {
            assert!(
                ["raw", "default", "en_stem", "whitespace", "lowercase"].contains(&tok.as_str()),
                "{name}"
            );
        }
        if let Some(r) = f.get("record") {
            assert!(["basic", "freq", "position"].contains(&r.as_str()));
        }
        if t == "datetime" {
            assert_eq!(f["input_formats"], "[rfc3339]");
        }
    }
    for flat in ["persons", "orgs", "locs", "currencies", "metrics"] {
        assert_eq!(fields[flat]["type"], "array<text>", "{flat}");
    }
    assert_eq!(fields["amounts"]["type"], "array<f64>");
    assert_eq!(fields["published"]["type"], "datetime");

    let docs = json_lines(&export(&index, "quickwit"));
    let articles = json_lines(&export(&index, "newsfacts"));
    assert_eq!(docs.len(), articles.len());
    let rfc3339 =
        regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
            .unwrap();
    let mut ids = BTreeSet::new();
    for (doc, article) in docs.iter().zip(&articles) {
        let doc = doc.as_object().unwrap();
        assert!(
            ids.insert(doc["id"].as_str().unwrap().to_string()),
            "one document per id"
        );
        for (k, v) in doc {
            let f = fields
                .get(k)
                .unwrap_or_else(|| panic!("{k}: not in the strict doc mapping"));
            let ok = match f["type"].as_str() {
                "text" => v.is_string(),
                "u64" => v.is_u64(),
                "datetime" => v.as_str().is_some_and(|s| rfc3339.is_match(s)),
                "array<text>" => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
                "array<f64>" => v.as_array().is_some_and(|a| a.iter().all(Value::is_number)),
                t => panic!("{k}: type {t} not expected"),
            };
            assert!(ok, "{k}: {v} is not a {}", f["type"]);
            // flat: no objects, no arrays of objects
            assert!(!v.is_object());
        }
        // the nested parts travel as JSON text, whole
        for part in ["mentions", "entities", "facts"] {
            let back: Value = serde_json::from_str(doc[part].as_str().unwrap()).unwrap();
            assert_eq!(back, article[part], "{part}");
        }
        if let Some(p) = article["published"].as_str() {
            assert!(doc["published"].as_str().unwrap().starts_with(&p[..4]));
        }
    }
}
