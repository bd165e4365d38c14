//! Hand-off to search clusters: the stored articles as documents for OpenSearch /
//! Elasticsearch (`_bulk` NDJSON) and for Quickwit (flat NDJSON), and the index mapping of
//! each (`newsfacts mapping --opensearch|--quickwit`).
//!
//! * **OpenSearch / Elasticsearch.** Two lines per article: the action
//!   `{"index":{"_index":NAME,"_id":ID}}` (so loading again replaces, as re-ingest does),
//!   then the document: the article JSON of the spec, with `persons`, `orgs`, `locs`,
//!   `currencies`, `amounts`, `metrics` added flat for filters and aggregations. The
//!   mapping is strict (`"dynamic": "strict"`): a field it does not name is refused, not
//!   guessed. Title and text are analysed like ours: word tokens, tokens over 40 bytes
//!   dropped, lower case, English Snowball stems (our `en_stem`). Mentions, entities and
//!   facts are `nested`; a mention's `value` is a keyword (a TIMEX string for DATE, a
//!   number as text for MONEY and PERCENT; the numbers are also in `amounts`).
//! * **Quickwit.** One flat document per article: Quickwit's doc mapping has no arrays of
//!   objects and no document ids (no upsert), so the export is deduplicated (one document
//!   per article id: the index is) and the nested `mentions`, `entities`, `facts` and
//!   `copies` travel as JSON text (stored, not indexed); the flat fields above are what
//!   one filters on. `published` is RFC 3339 (`2020-08-20T00:00:00Z`), absent when the
//!   article has no readable date.

use crate::article::{Article, MentionType};
use serde_json::{json, Map, Value};

/// The flat fields of both formats: names by entity type, currencies, amounts, metrics.
fn flat(a: &Article) -> Map<String, Value> {
    let mut m = Map::new();
    let names = |kind: MentionType| -> Value {
        let mut v: Vec<&str> = a
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.as_str())
            .collect();
        v.dedup();
        json!(v)
    };
    m.insert("persons".into(), names(MentionType::Person));
    m.insert("orgs".into(), names(MentionType::Org));
    m.insert("locs".into(), names(MentionType::Loc));
    let mut currencies: Vec<&str> = Vec::new();
    let mut amounts: Vec<f64> = Vec::new();
    for x in &a.mentions {
        if x.kind != MentionType::Money {
            continue;
        }
        if let Some(v) = x.value.as_ref().and_then(Value::as_f64) {
            amounts.push(v);
        }
        if let Some(c) = x.currency.as_deref() {
            if !currencies.contains(&c) {
                currencies.push(c);
            }
        }
    }
    m.insert("currencies".into(), json!(currencies));
    m.insert("amounts".into(), json!(amounts));
    let mut metrics: Vec<&str> = Vec::new();
    for f in &a.facts {
        if !metrics.contains(&f.metric.as_str()) {
            metrics.push(&f.metric);
        }
    }
    m.insert("metrics".into(), json!(metrics));
    m
}

/// The two `_bulk` lines of an article (without their newlines): action, document.
pub fn opensearch(a: &Article, index: &str) -> crate::Result<(String, String)> {
    let action = json!({"index": {"_index": index, "_id": a.id}});
    let mut doc = match serde_json::to_value(a)? {
        Value::Object(o) => o,
        _ => unreachable!("an article serialises as an object"),
    };
    // a mention's value as text (keyword): one type for dates and numbers
    if let Some(Value::Array(ms)) = doc.get_mut("mentions") {
        for m in ms {
            if let Some(v) = m.get_mut("value") {
                if let Value::Number(n) = v {
                    *v = Value::String(n.to_string());
                }
            }
        }
    }
    doc.extend(flat(a));
    Ok((action.to_string(), Value::Object(doc).to_string()))
}

/// The Quickwit document of an article (one NDJSON line, without its newline).
pub fn quickwit(a: &Article) -> crate::Result<String> {
    let mut doc = Map::new();
    doc.insert("id".into(), json!(a.id));
    let opt = |doc: &mut Map<String, Value>, k: &str, v: &Option<String>| {
        if let Some(v) = v {
            doc.insert(k.into(), json!(v));
        }
    };
    opt(&mut doc, "url", &a.url);
    opt(&mut doc, "title", &a.title);
    if let Some(d) = a.published.as_deref().and_then(crate::day::parse_published) {
        doc.insert(
            "published".into(),
            json!(format!("{}T00:00:00Z", d.format("%Y-%m-%d"))),
        );
    }
    opt(&mut doc, "lang", &a.lang);
    opt(&mut doc, "author", &a.meta.author);
    opt(&mut doc, "site_name", &a.meta.site_name);
    opt(&mut doc, "canonical_url", &a.meta.canonical_url);
    doc.insert("text".into(), json!(a.text));
    doc.extend(flat(a));
    doc.insert(
        "mentions".into(),
        json!(serde_json::to_string(&a.mentions)?),
    );
    doc.insert(
        "entities".into(),
        json!(serde_json::to_string(&a.entities)?),
    );
    doc.insert("facts".into(), json!(serde_json::to_string(&a.facts)?));
    doc.insert("copies".into(), json!(serde_json::to_string(&a.copies)?));
    doc.insert("schema_version".into(), json!(a.schema_version));
    Ok(Value::Object(doc).to_string())
}

/// The OpenSearch / Elasticsearch index body (`PUT /newsfacts` with it): settings with
/// our analyzer, and the strict mapping of [`opensearch`]'s documents.
pub fn opensearch_mapping() -> Value {
    let kw = json!({"type": "keyword"});
    let int = json!({"type": "integer"});
    let text = json!({"type": "text", "analyzer": "newsfacts_en"});
    let mention = json!({"type": "nested", "properties": {
        "type": kw, "text": kw, "start": int, "end": int, "value": kw, "grain": kw,
        "currency": kw, "approx": {"type": "boolean"}, "per": kw, "rule": kw}});
    let entity = json!({"type": "nested", "properties": {"type": kw, "name": kw, "count": int}});
    let fact = json!({"type": "nested", "properties": {
        "metric": kw, "metric_text": kw, "subject": kw, "period": kw,
        "value": {"type": "double"}, "unit": kw, "approx": {"type": "boolean"},
        "change": {"properties": {"value": {"type": "double"}, "unit": kw, "basis": kw,
                                  "start": int, "end": int}},
        "share": {"properties": {"value": {"type": "double"}, "of": kw}},
        "start": int, "end": int, "value_start": int, "value_end": int,
        "metric_start": int, "metric_end": int}});
    json!({
        "settings": {"analysis": {
            "filter": {
                "newsfacts_long": {"type": "length", "max": 40},
                "newsfacts_stem": {"type": "snowball", "language": "English"}
            },
            "analyzer": {"newsfacts_en": {
                "type": "custom", "tokenizer": "standard",
                "filter": ["newsfacts_long", "lowercase", "newsfacts_stem"]
            }}
        }},
        "mappings": {"dynamic": "strict", "properties": {
            "schema_version": int,
            "id": kw,
            "url": kw,
            "title": text,
            "published": {"type": "date", "format": "strict_date_optional_time||yyyy-MM||yyyy"},
            "lang": kw,
            "author": kw,
            "site_name": kw,
            "canonical_url": kw,
            "text": text,
            "mentions": mention,
            "entities": entity,
            "facts": fact,
            "copies": {"properties": {"id": kw, "url": kw}},
            "persons": kw, "orgs": kw, "locs": kw, "currencies": kw, "metrics": kw,
            "amounts": {"type": "double"}
        }}
    })
}

/// The Quickwit index config (YAML) of [`quickwit`]'s documents.
pub fn quickwit_index_config(index_id: &str) -> String {
    let mut y = String::new();
    y.push_str(&format!(
        "# Quickwit index config for `newsfacts export --format quickwit`:\n\
         #   quickwit index create --index-config this.yaml\n\
         #   quickwit index ingest --index {index_id} --input-path export.ndjson\n\
         version: 0.8\n\
         index_id: {index_id}\n\
         doc_mapping:\n  mode: strict\n  field_mappings:\n"
    ));
    for (name, body) in quickwit_fields() {
        y.push_str(&format!("    - name: {name}\n"));
        for line in body {
            y.push_str(&format!("      {line}\n"));
        }
    }
    y.push_str("search_settings:\n  default_search_fields: [title, text]\n");
    y
}

/// The field mappings of the Quickwit index config: name, YAML lines.
pub fn quickwit_fields() -> Vec<(&'static str, Vec<&'static str>)> {
    let raw = vec!["type: text", "tokenizer: raw", "fast: true"];
    let stem = vec!["type: text", "tokenizer: en_stem", "record: position"];
    let raws = vec!["type: array<text>", "tokenizer: raw", "fast: true"];
    let json_text = vec!["type: text", "indexed: false", "stored: true"];
    vec![
        ("id", raw.clone()),
        ("url", vec!["type: text", "tokenizer: raw"]),
        ("title", stem.clone()),
        (
            "published",
            vec![
                "type: datetime",
                "input_formats: [rfc3339]",
                "output_format: rfc3339",
                "fast_precision: seconds",
                "fast: true",
            ],
        ),
        ("lang", raw.clone()),
        ("author", vec!["type: text", "tokenizer: raw"]),
        ("site_name", raw.clone()),
        ("canonical_url", vec!["type: text", "tokenizer: raw"]),
        ("text", stem),
        ("persons", raws.clone()),
        ("orgs", raws.clone()),
        ("locs", raws.clone()),
        ("currencies", raws.clone()),
        ("amounts", vec!["type: array<f64>", "fast: true"]),
        ("metrics", raws),
        ("mentions", json_text.clone()),
        ("entities", json_text.clone()),
        ("facts", json_text.clone()),
        ("copies", json_text),
        ("schema_version", vec!["type: u64"]),
    ]
}
