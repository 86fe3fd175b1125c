//! `validate` and the JSON Schema of `pioneers schema` agree on front matter: for every
//! field of every type, a valid front matter and its mutations (the field left out; a
//! number, true/false, null, empty or blank text where something else is expected; null,
//! empty and repeated list items; bad words, impossible dates and times, URLs with spaces,
//! references that are not ids, unknown keys, long text, long lists, control characters),
//! `validate`'s schema-level verdict equals the schema's.
//!
//! The front matter reaches the schema as an editor would send it: YAML 1.2 core schema
//! (an unquoted `2017` is a number, `true` a boolean, nothing at all null), as JSON. The
//! only verdicts allowed to differ are [`KNOWN`]: what JSON Schema cannot say. The README
//! ("What the schema and `validate` agree on") lists the decisions this test holds.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use pioneers::author::schema::schema_of;
use pioneers::kb::KnowledgeBase;
use pioneers::kb::date::parse_date;
use pioneers::kb::schema::{DocKind, FieldType};
use pioneers::kb::yaml::{Node, Value as Yaml};
use regex::Regex;
use serde_json::Value;

/// The codes that are about one front matter on its own: what a schema can judge.
const SCHEMA_LEVEL: &[&str] = &[
    "missing-field",
    "unknown-field",
    "wrong-type",
    "invalid-value",
    "invalid-date",
    "invalid-time",
    "invalid-url",
    "too-long",
    "duplicate-item",
    "control-character",
];

/// A valid document of each type: its path and its fields, as YAML.
fn valid(kind: DocKind) -> (&'static str, Vec<(&'static str, String)>) {
    let (path, written) = written(kind);
    let fields = kind
        .fields()
        .iter()
        .map(|field| {
            let value = written
                .iter()
                .find(|(name, _)| *name == field.name)
                .map_or_else(|| typical(field.ty), |(_, value)| value.to_string());
            (field.name, value)
        })
        .collect();
    (path, fields)
}

/// A valid value of type `ty`, for a field that [`written`] has none for (one declared
/// since): so a new field is probed without touching this test.
fn typical(ty: FieldType) -> String {
    match ty {
        FieldType::String | FieldType::Text => "Tekst".into(),
        FieldType::Date => "2017-09-18".into(),
        FieldType::Time => "10:00".into(),
        FieldType::Url => "'https://example.org/'".into(),
        FieldType::Bool => "false".into(),
        FieldType::Enum(words) => words[0].into(),
        FieldType::Ref(DocKind::Session) => "2017-09-18-kick-off".into(),
        FieldType::Ref(_) => "utrecht".into(),
        FieldType::List(item) => format!("[{}]", typical(*item)),
        FieldType::Object(fields) => format!(
            "{{{}}}",
            fields
                .iter()
                .map(|f| format!("{}: {}", f.name, typical(f.ty)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Values as a contributor writes them, for the fields of `kind` known when this test was
/// written.
fn written(kind: DocKind) -> (&'static str, Vec<(&'static str, &'static str)>) {
    match kind {
        DocKind::Organisation => (
            "content/organisations/utrecht.md",
            vec![
                ("name", "Gemeente Utrecht"),
                ("kind", "municipality"),
                ("city", "Utrecht"),
                ("website", "https://www.utrecht.nl"),
                ("tags", "[open, data]"),
            ],
        ),
        DocKind::Theme => (
            "content/themes/open-wob.md",
            vec![
                ("title", "Open Wob"),
                ("summary", "Wob-besluiten standaard openbaar."),
                ("carriers", "[utrecht, ede]"),
                ("proposed_by", "[ede]"),
                ("proposed_in", "2017-09-18-kick-off"),
                ("status", "proposed"),
                ("related", "[open-data]"),
                ("tags", "[wob, transparantie]"),
                ("links", "[{title: Wob, url: 'https://x.nl/wob'}]"),
            ],
        ),
        DocKind::Session => (
            "content/sessions/2017-11-22-utrecht.md",
            vec![
                ("title", "Sessie Utrecht"),
                ("date", "2017-11-22"),
                ("start", "14:00"),
                ("end", "17:00"),
                ("city", "Utrecht"),
                ("venue", "Stadhuis"),
                ("hosts", "[utrecht]"),
                ("themes", "[open-wob]"),
                ("participants", "[ede, schiedam]"),
                ("cancelled", "false"),
                ("registration", "https://x.nl/aanmelden"),
            ],
        ),
        DocKind::Retrospective => (
            "content/retrospectives/2017-09-18-kick-off.md",
            vec![
                ("title", "Terugblik kick-off"),
                ("session", "2017-09-18-kick-off"),
                ("published", "2017-09-30"),
                ("authors", "[Ana de Vries]"),
                (
                    "speakers",
                    "[{name: Bert, role: wethouder, organisation: schiedam}]",
                ),
                ("themes_discussed", "[open-wob]"),
                ("themes_proposed", "[open-data]"),
                ("next_session", "2017-11-22-utrecht"),
                ("tags", "[kick-off]"),
            ],
        ),
    }
}

/// Values put in place of each field in turn.
fn probes() -> Vec<String> {
    let mut probes: Vec<String> = [
        // Numbers and true/false as YAML 1.2 reads them.
        "2017",
        "-1.5",
        "0x1F",
        "0o17",
        "1e3",
        "007",
        ".inf",
        ".nan",
        "99999999999999999999999",
        "true",
        "False",
        "'true'",
        "'2017'",
        // Nothing, empty and blank.
        "~",
        "null",
        "",
        "''",
        "'  '",
        "\"\\t\"",
        "\"\\u00a0\"",
        "\"\\ufeff\"",
        // Control characters written as escapes, and text around them.
        "\"a\\ab\"",
        "\"a\\rb\"",
        "\"a\\eb\"",
        "\"a\\Nb\"",
        "\"a\\tb\"",
        "\"twee\\nregels\"",
        // Words, ids, dates, times and URLs, good and bad.
        "yes",
        "Open Wob",
        "open-wob",
        "Utrecht",
        "utrecht",
        "open--wob",
        "open_wob",
        "café",
        "2017-11-22-utrecht",
        "2017-09-18-kick-off",
        "2017a09-18-x",
        "2017-13-45-x",
        "2017-02-30",
        "2016-02-29",
        "0000-02-29",
        "2017-2-3",
        "'2017-11-22'",
        "22-11-2017",
        "14:00",
        "'24:00'",
        "9:00",
        "23:59",
        "14.00",
        "https://a b.nl",
        "https://www.utrecht.nl",
        "'http://café.nl/één'",
        "www.utrecht.nl",
        "ftp://x.nl",
        "'https://'",
        "'https://user@host:8080/p?q=1#f'",
        "'https://a@b@host.nl'",
        "'https://:80'",
        "'https://x.nl/<a>'",
        "'https://a,b.nl'",
        "'http://[::1]:8080'",
        "HTTPS://X.NL",
        "\"https://x.nl/a\\u00a0b\"",
        "municipality",
        "Municipality",
        "proposed",
        "closed",
        // Lists.
        "[]",
        "[utrecht]",
        "[utrecht, ede]",
        "[utrecht, utrecht]",
        "[utrecht, 'utrecht']",
        "[open-wob, Open-Wob]",
        "[Open, open]",
        "[Open Data, open-data]",
        "[1, '1']",
        "[1, 1.0]",
        "[a, ~]",
        "[a, null]",
        "[a, '']",
        "[a, ' ']",
        "[utrecht, ]",
        "[~]",
        "\n  - utrecht\n  -",
        "[2017]",
        "[true]",
        "['2017']",
        "[[a]]",
        "[Utrecht]",
        "[2017-09-18-kick-off]",
        "[\"a\\ab\"]",
        // Mappings, and lists of them.
        "{}",
        "{a: 1}",
        "[{}]",
        "[{title: Site, url: 'https://x.nl'}]",
        "[{title: Site}]",
        "[{title: 2017, url: 'https://x.nl'}]",
        "[{title: true, url: 'https://x.nl'}]",
        "[{title: Site, url: 'https://a b.nl'}]",
        "[{title: Site, url: 'https://x.nl', extra: 1}]",
        "[{title: Site, url: 'https://x.nl'}, {title: Site, url: 'https://x.nl'}]",
        "[{name: A, role: r, organisation: utrecht}]",
        "[{name: A, organisation: Utrecht}]",
        "[{name: A, organisation: 2017}]",
        "[{name: '', role: ~}]",
        "[{name: A, role: '', organisation: ~}]",
        "[{name: 2017, role: 1.5}]",
        "[{name: A, rol: wethouder}]",
        "[{name: A}, ~]",
        "[Site]",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    // Lengths around the limits.
    probes.push(format!("'{}'", "é".repeat(200)));
    probes.push(format!("'{}'", "é".repeat(201)));
    for n in [50, 51, 100, 101, 500, 501] {
        let items: Vec<String> = (0..n).map(|i| format!("x{i}")).collect();
        probes.push(format!("[{}]", items.join(", ")));
    }
    probes
}

/// Verdicts that differ by design: what JSON Schema cannot say. (probe, field, which one
/// rejects).
const KNOWN: &[(&str, &str, Side)] = &[
    // Two tags with one tag page: `uniqueItems` compares exact values.
    ("[Open, open]", "tags", Side::Validate),
    ("[open-wob, Open-Wob]", "tags", Side::Validate),
    ("[Open Data, open-data]", "tags", Side::Validate),
    ("[1, '1']", "tags", Side::Validate),
    // `uniqueItems` compares numbers by value; the tags `1` and `1.0` have two pages.
    ("[1, 1.0]", "tags", Side::Schema),
];

/// Which of the two rejects a front matter the other accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Validate,
    Schema,
}

/// The schema-level codes `validate` gives the document `text` at `path`.
fn validate_codes(path: &str, text: &str) -> BTreeSet<&'static str> {
    let today = parse_date("2026-11-30").expect("a date");
    let kb = KnowledgeBase::from_memory(&[(path, text)], &[], today);
    pioneers::validate::validate(&kb)
        .into_iter()
        .map(|d| d.code.as_str())
        .filter(|code| SCHEMA_LEVEL.contains(code))
        .collect()
}

/// Whether the schema of `kind` accepts the front matter `yaml`, read as an editor reads it.
fn schema_accepts(kind: DocKind, yaml: &str) -> bool {
    static VALIDATORS: OnceLock<Vec<jsonschema::Validator>> = OnceLock::new();
    let validators = VALIDATORS.get_or_init(|| {
        DocKind::ALL
            .iter()
            .map(|k| {
                jsonschema::options()
                    .should_validate_formats(true)
                    .build(&schema_of(*k))
                    .expect("the generated schema compiles")
            })
            .collect()
    });
    let index = DocKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("a kind");
    validators[index].is_valid(&as_json(yaml))
}

/// YAML front matter as JSON, the way an editor converts it: YAML 1.2's core schema.
fn as_json(yaml: &str) -> Value {
    let parsed = pioneers::kb::yaml::parse(yaml, 0);
    assert!(parsed.problems.is_empty(), "{yaml}: {:?}", parsed.problems);
    parsed.root.as_ref().map_or(Value::Null, node_json)
}

fn node_json(node: &Node) -> Value {
    match &node.value {
        Yaml::Scalar { text, quoted: true } => Value::String(text.clone()),
        Yaml::Scalar {
            text,
            quoted: false,
        } => core_scalar(text),
        Yaml::Sequence(items) => Value::Array(items.iter().map(node_json).collect()),
        Yaml::Mapping(entries) => Value::Object(
            entries
                .iter()
                .map(|(key, value)| {
                    let key = match &key.value {
                        Yaml::Scalar { text, .. } => text.clone(),
                        _ => format!("{key:?}"),
                    };
                    (key, node_json(value))
                })
                .collect(),
        ),
    }
}

/// A plain scalar by the tag resolution of YAML 1.2.2's core schema (§10.3.2). `.inf` and
/// `.nan` have no JSON form and stay text.
fn core_scalar(text: &str) -> Value {
    static RULES: OnceLock<[Regex; 5]> = OnceLock::new();
    let [null, boolean, int, based, float] = RULES.get_or_init(|| {
        [
            r"^(|~|null|Null|NULL)$",
            r"^(true|True|TRUE|false|False|FALSE)$",
            r"^[-+]?[0-9]+$",
            r"^0o[0-7]+$|^0x[0-9a-fA-F]+$",
            r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$",
        ]
        .map(|r| Regex::new(r).expect("a regex"))
    });
    if null.is_match(text) {
        Value::Null
    } else if boolean.is_match(text) {
        Value::Bool(text.eq_ignore_ascii_case("true"))
    } else if int.is_match(text) {
        text.parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| float_json(text))
    } else if based.is_match(text) {
        let (radix, digits) = match text.strip_prefix("0o") {
            Some(digits) => (8, digits),
            None => (16, &text[2..]),
        };
        i64::from_str_radix(digits, radix).map_or_else(|_| float_json(text), Value::from)
    } else if float.is_match(text) {
        float_json(text)
    } else {
        Value::String(text.to_string())
    }
}

fn float_json(text: &str) -> Value {
    text.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or_else(|| Value::String(text.to_string()), Value::Number)
}

/// One front matter to judge.
struct Case {
    kind: DocKind,
    path: &'static str,
    /// What was changed, to name the case.
    what: String,
    /// The probe and field, for [`KNOWN`].
    probe: Option<(String, &'static str)>,
    yaml: String,
}

fn front_matter(fields: &[(&str, String)]) -> String {
    fields
        .iter()
        .map(|(key, value)| format!("{key}: {value}\n"))
        .collect()
}

/// Every case: each type as it is, without each field, with each probe in each field, with
/// unknown keys, and with front matter that is not fields at all.
fn cases() -> Vec<Case> {
    let probes = probes();
    let mut cases = Vec::new();
    for kind in DocKind::ALL {
        let (path, fields) = valid(kind);
        let case = |what: String, probe: Option<(String, &'static str)>, yaml: String| Case {
            kind,
            path,
            what,
            probe,
            yaml,
        };
        cases.push(case("valid".into(), None, front_matter(&fields)));
        for (i, (key, _)) in fields.iter().enumerate() {
            let mut without = fields.clone();
            without.remove(i);
            cases.push(case(format!("without {key}"), None, front_matter(&without)));
            for probe in &probes {
                let mut changed = fields.clone();
                changed[i].1 = probe.clone();
                let field = kind
                    .fields()
                    .iter()
                    .find(|f| f.name == *key)
                    .map_or("", |f| f.name);
                cases.push(case(
                    format!("{key}: {probe}"),
                    Some((probe.clone(), field)),
                    front_matter(&changed),
                ));
            }
        }
        for extra in ["extra: 1", "Title: x", "tags_: [a]", "'': x", "1: x"] {
            let yaml = format!("{}{extra}\n", front_matter(&fields));
            cases.push(case(format!("with {extra}"), None, yaml));
        }
        for not_fields in ["", "~\n", "- a\n- b\n", "Open Wob\n", "[]\n"] {
            cases.push(case(
                format!("front matter {not_fields:?}"),
                None,
                not_fields.into(),
            ));
        }
    }
    cases
}

#[test]
fn validate_and_the_schema_agree_on_every_generated_front_matter() {
    let cases = cases();
    let mut disagreements = Vec::new();
    let mut known_seen = BTreeSet::new();
    let (mut accepted, mut rejected) = (0, 0);
    for case in &cases {
        let text = format!("---\n{}---\nTekst.\n", case.yaml);
        let codes = validate_codes(case.path, &text);
        let validate_accepts = codes.is_empty();
        let schema_accepts = schema_accepts(case.kind, &case.yaml);
        if validate_accepts == schema_accepts {
            if validate_accepts {
                accepted += 1;
            } else {
                rejected += 1;
            }
            continue;
        }
        let rejecter = if validate_accepts {
            Side::Schema
        } else {
            Side::Validate
        };
        let known = case.probe.as_ref().and_then(|(probe, field)| {
            KNOWN
                .iter()
                .position(|k| k.0 == probe && k.1 == *field && k.2 == rejecter)
        });
        match known {
            Some(index) => {
                known_seen.insert(index);
            }
            None => disagreements.push(format!(
                "{} `{}`: validate {}, the schema {}",
                case.kind,
                case.what,
                if validate_accepts {
                    "accepts".to_string()
                } else {
                    format!(
                        "rejects ({})",
                        codes.into_iter().collect::<Vec<_>>().join(", ")
                    )
                },
                if schema_accepts { "accepts" } else { "rejects" },
            )),
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} front matters are judged differently:\n{}",
        disagreements.len(),
        cases.len(),
        disagreements.join("\n")
    );
    let unseen: Vec<_> = (0..KNOWN.len())
        .filter(|i| !known_seen.contains(i))
        .map(|i| KNOWN[i])
        .collect();
    assert!(
        unseen.is_empty(),
        "known differences that no longer differ: {unseen:?}"
    );
    assert!(
        accepted > 500 && rejected > 2000,
        "{accepted} accepted, {rejected} rejected"
    );
}

#[test]
fn the_cases_of_the_issue() {
    let theme = |extra: &str| format!("title: T\nsummary: S\n{extra}\n");
    let session =
        |extra: &str| format!("title: T\ndate: 2017-11-22\ncity: U\nhosts: [utrecht]\n{extra}\n");
    let org = |extra: &str| format!("name: N\nkind: other\n{extra}\n");
    let judge = |kind, path: &str, yaml: String| {
        let codes = validate_codes(path, &format!("---\n{yaml}---\n"));
        (codes, schema_accepts(kind, &yaml))
    };
    let session_path = "content/sessions/2017-11-22-utrecht.md";
    let theme_path = "content/themes/t.md";
    let org_path = "content/organisations/o.md";
    for (kind, path, yaml, expected) in [
        (
            DocKind::Theme,
            theme_path,
            theme("tags: [x]").replace("title: T", "title: 2017"),
            None,
        ),
        (DocKind::Session, session_path, session("venue:"), None),
        (
            DocKind::Session,
            session_path,
            session("").replace("2017-11-22", "2017-02-30"),
            Some("invalid-date"),
        ),
        (
            DocKind::Organisation,
            org_path,
            org("website: https://a b.nl"),
            Some("invalid-url"),
        ),
        (
            DocKind::Theme,
            theme_path,
            theme("tags: [a, ~]"),
            Some("missing-field"),
        ),
        (
            DocKind::Theme,
            theme_path,
            theme("carriers: [utrecht, utrecht]"),
            Some("duplicate-item"),
        ),
        (
            DocKind::Theme,
            theme_path,
            theme("").replace("title: T", "title: true"),
            Some("wrong-type"),
        ),
        (
            DocKind::Theme,
            theme_path,
            theme("carriers: [Utrecht]"),
            Some("invalid-value"),
        ),
    ] {
        let (codes, schema) = judge(kind, path, yaml.clone());
        match expected {
            None => assert!(codes.is_empty() && schema, "{yaml}: {codes:?} {schema}"),
            Some(code) => assert!(
                codes.contains(code) && !schema,
                "{yaml}: {codes:?} {schema}"
            ),
        }
    }
}

/// Keeps [`FieldType`] in view: every type of field is probed by [`probes`].
#[test]
fn every_field_type_is_probed() {
    let mut types = BTreeSet::new();
    for kind in DocKind::ALL {
        for field in kind.fields() {
            let name = match field.ty {
                FieldType::String | FieldType::Text => "text",
                FieldType::Date => "date",
                FieldType::Time => "time",
                FieldType::Url => "url",
                FieldType::Bool => "bool",
                FieldType::Enum(_) => "enum",
                FieldType::Ref(_) => "ref",
                FieldType::List(_) => "list",
                FieldType::Object(_) => "object",
            };
            types.insert(name);
        }
    }
    assert_eq!(types.len(), 8, "{types:?}");
}
