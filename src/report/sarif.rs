//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards; one result per diagnostic,
//! `ruleId` = the code, every rule described in the tool driver with the text of
//! `pioneers explain` (what, why, a wrong and a right example); each result offers its
//! fixes (`fixes`, certain or not) as replacements of byte ranges and of lines and columns.

use std::io::{self, Write};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

use crate::msg::{Msg, severity_words};

use super::Sources;
use crate::diag::{Code, Diagnostic, Fix, Severity};
use crate::explain::{explain, to_markdown, to_text};
use crate::lang::Lang;

/// Writes one SARIF log with one run.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &Sources<'_>,
) -> io::Result<()> {
    let rules: Vec<Value> = Code::ALL.iter().map(|code| rule(*code, Lang::En)).collect();
    let results: Vec<Value> = diagnostics.iter().map(|d| result(d, sources)).collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "pioneers",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The description of the rule `code` in the tool driver, its explanation in `lang`.
fn rule(code: Code, lang: Lang) -> Value {
    let explanation = explain(code);
    json!({
        "id": code.as_str(),
        "shortDescription": { "text": code.description() },
        "fullDescription": {
            "text": format!("{} {}", explanation.what.get(lang), explanation.why.get(lang)),
        },
        "help": {
            "text": to_text(code, lang),
            "markdown": to_markdown(code, lang),
        },
        "defaultConfiguration": { "level": level(code.severity()) },
    })
}

fn result(d: &Diagnostic, sources: &Sources<'_>) -> Value {
    let (start, end) = sources.locate(d);
    let rule_index = Code::ALL
        .iter()
        .position(|c| *c == d.code)
        .unwrap_or_default();
    let message = sources.say(&d.message);
    let text = match &d.help {
        Some(help) => format!(
            "{message}\n{}: {}",
            severity_words(sources.lang())[2],
            sources.say(help)
        ),
        None => message,
    };
    let mut result = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index,
        "level": level(d.severity()),
        "message": { "text": text },
        "locations": [{ "physicalLocation": {
            "artifactLocation": { "uri": file_uri(&d.file) },
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column.max(if end.line == start.line { start.column } else { 1 }),
            },
        }}],
    });
    if !d.fixes.is_empty() {
        let fixes = d.fixes.iter().map(|f| fix(d, f, sources)).collect();
        result["fixes"] = Value::Array(fixes);
    }
    result
}

/// A SARIF `fix`: one replacement in the diagnostic's file, its region given both as
/// lines and columns and as bytes. Whether it is certain (what `validate --fix` applies) is
/// in its properties.
fn fix(d: &Diagnostic, fix: &Fix, sources: &Sources<'_>) -> Value {
    let start = sources.position(&d.file, fix.span.start);
    let end = sources.position(&d.file, fix.span.end);
    let text = sources.text(&d.file);
    let before = text.get(fix.span.clone()).unwrap_or_default().to_string();
    let description = Msg::ReplaceWith {
        before,
        after: fix.replacement.clone(),
    };
    json!({
        "description": { "text": sources.say(&description) },
        "artifactChanges": [{
            "artifactLocation": { "uri": file_uri(&d.file) },
            "replacements": [{
                "deletedRegion": {
                    "startLine": start.line,
                    "startColumn": start.column,
                    "endLine": end.line,
                    "endColumn": end.column,
                    "byteOffset": fix.span.start,
                    "byteLength": fix.span.len(),
                },
                "insertedContent": { "text": fix.replacement },
            }],
        }],
        "properties": { "certain": fix.certain },
    })
}

/// What a relative path may keep in a URI reference: letters, digits, the other unreserved
/// characters of RFC 3986 and the `/` between segments. Everything else (space, `%`, `#`,
/// `?`, `:`, non-ASCII…) is percent-encoded as UTF-8.
const PATH_KEEPS: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// The relative URI reference of a file path relative to the root (SARIF's
/// `artifactLocation.uri` must be a valid URI, not a file name).
fn file_uri(path: &str) -> String {
    utf8_percent_encode(path, PATH_KEEPS).to_string()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_carries_its_explanation() {
        for &code in Code::ALL {
            let rule = rule(code, Lang::En);
            for key in ["text", "markdown"] {
                let help = rule["help"][key].as_str().expect("help");
                assert!(help.contains("Wrong") && help.contains("Right"), "{code:?}");
            }
            let full = rule["fullDescription"]["text"].as_str().expect("text");
            assert!(full.starts_with(explain(code).what.en), "{code:?}");
        }
        let dutch = rule(Code::UnknownField, Lang::Nl);
        let markdown = dutch["help"]["markdown"].as_str().expect("markdown");
        assert!(markdown.contains("**Fout**"), "{markdown}");
        assert!(
            markdown.contains("```yaml\nauteurs: [Ana de Vries]\n```"),
            "{markdown}"
        );
    }

    #[test]
    fn uris_are_percent_encoded_paths() {
        assert_eq!(
            file_uri("content/themes/open-wob_2.md"),
            "content/themes/open-wob_2.md"
        );
        assert_eq!(
            file_uri("content/themes/a b#%é?:.md"),
            "content/themes/a%20b%23%25%C3%A9%3F%3A.md"
        );
    }
}
