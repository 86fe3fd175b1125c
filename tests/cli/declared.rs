//! One declaration per field: every field a type declares, whatever it is, reaches the JSON
//! records, the JSON Schema, `new --help` and the document's page. The test reads the
//! declarations themselves, so a field added later is covered without touching it.

use pioneers::kb::DocKind;
use pioneers::kb::schema::{Field, FieldType};

use crate::support::TODAY;

/// Runs the binary in `root` and returns its standard output, failing on a non-zero exit.
fn run(root: &std::path::Path, args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_pioneers"))
        .current_dir(root)
        .env("NO_COLOR", "1")
        .args(args)
        .args(["--today", TODAY])
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "pioneers {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The id of the one document of each type in the generated knowledge base.
fn id_of(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Organisation => "org-a",
        DocKind::Theme => "thema-a",
        DocKind::Session | DocKind::Retrospective => "2017-09-18-sessie-a",
    }
}

/// A value for every field, written as YAML, and what its page must then show.
struct Generated {
    yaml: String,
    on_page: Vec<String>,
}

/// A flow-YAML value of type `ty` for field `name`, and the page texts that prove it shown.
fn generate(name: &str, ty: FieldType, times: &mut u32) -> Generated {
    let one = |yaml: String, shown: String| Generated {
        yaml,
        on_page: vec![shown],
    };
    match ty {
        FieldType::String | FieldType::Text => {
            let text = format!("Waarde {name}");
            one(format!("\"{text}\""), text)
        }
        FieldType::Date => one("2017-09-18".into(), "2017-09-18".into()),
        FieldType::Time => {
            *times += 1;
            let time = format!("{:02}:30", 9 + *times);
            one(format!("\"{time}\""), time)
        }
        FieldType::Url => {
            let url = format!("https://example.org/{name}");
            one(url.clone(), url)
        }
        FieldType::Bool => Generated {
            yaml: "true".into(),
            on_page: Vec::new(),
        },
        FieldType::Enum(words) => one(words[0].into(), format!("{name}-{}", words[0])),
        FieldType::Ref(kind) => one(
            id_of(kind).into(),
            format!("href=\"../{}/{}.html\"", kind.folder(), id_of(kind)),
        ),
        FieldType::List(item) => {
            let inner = generate(name, *item, times);
            Generated {
                yaml: format!("[{}]", inner.yaml),
                on_page: inner.on_page,
            }
        }
        FieldType::Object(fields) => {
            let parts: Vec<(String, Generated)> = fields
                .iter()
                .map(|f| (f.name.to_string(), generate(f.name, f.ty, times)))
                .collect();
            Generated {
                yaml: format!(
                    "{{{}}}",
                    parts
                        .iter()
                        .map(|(n, g)| format!("{n}: {}", g.yaml))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                on_page: parts.into_iter().flat_map(|(_, g)| g.on_page).collect(),
            }
        }
    }
}

/// The document of `kind` with every declared field set, and what its page must show.
fn document(kind: DocKind) -> (String, Vec<(&'static Field, Vec<String>)>) {
    let mut times = 0;
    let mut yaml = String::from("---\n");
    let mut expected = Vec::new();
    for field in kind.fields() {
        let generated = generate(field.name, field.ty, &mut times);
        yaml.push_str(&format!("{}: {}\n", field.name, generated.yaml));
        let mut shown = generated.on_page;
        if field.ty == FieldType::Bool || field.on_page == pioneers::kb::schema::OnPage::Fact {
            // A fact is shown under its label.
            shown.push(field.label.nl.replace('\'', "&#39;"));
        }
        expected.push((field, shown));
    }
    yaml.push_str("---\nTekst.\n");
    (yaml, expected)
}

#[test]
fn every_declared_field_reaches_json_schema_new_help_and_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::write(root.join("pioneers.toml"), "language = \"nl\"\n").expect("write");
    let mut expected = Vec::new();
    for kind in DocKind::ALL {
        let (text, shown) = document(kind);
        let folder = root.join("content").join(kind.folder());
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(folder.join(format!("{}.md", id_of(kind))), text).expect("write");
        expected.push((kind, shown));
    }
    let site = root.join("site");
    // Rules across documents (a theme related to itself, a retrospective of a cancelled
    // session) may object to the generated values; they do not matter here.
    run(root, &["render", "--out", "site", "--allow-errors"]);

    for (kind, fields) in expected {
        let id = id_of(kind);
        let records: serde_json::Value =
            serde_json::from_str(&run(root, &[kind.folder(), "list", "--format", "json"]))
                .expect("list gives JSON");
        let record = records
            .as_array()
            .and_then(|all| all.iter().find(|r| r["id"] == id))
            .unwrap_or_else(|| panic!("no record of {kind} {id}"));
        let schema: serde_json::Value =
            serde_json::from_str(&run(root, &["schema", kind.name()])).expect("schema is JSON");
        let help = run(root, &["new", kind.name(), "--help"]);
        let page = std::fs::read_to_string(site.join(format!("{}/{id}.html", kind.folder())))
            .expect("the page exists");

        for (field, shown) in fields {
            let name = field.name;
            let value = &record[name];
            assert!(
                !(value.is_null() || value == "" || value == &serde_json::json!([])),
                "{kind}.{name} is not in its JSON record: {record}"
            );
            assert!(
                schema["properties"].get(name).is_some(),
                "{kind}.{name} is not in the JSON Schema"
            );
            assert!(
                help.contains(&format!("--{}", name.replace('_', "-"))),
                "{kind}.{name} has no flag in `new {kind} --help`"
            );
            for text in shown {
                assert!(
                    page.contains(&text),
                    "{kind}.{name}: the page does not show {text:?}"
                );
            }
        }
    }
}
