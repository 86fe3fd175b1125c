//! `--format gitlab`: GitLab Code Quality JSON for merge-request widgets, with a
//! fingerprint that stays the same across runs while the problem stays.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::lang::Lang;
use crate::msg::severity_words;

use super::Sources;
use crate::diag::{Diagnostic, Severity};

/// Writes the Code Quality array.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &Sources<'_>,
) -> io::Result<()> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let issues: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let (start, end) = sources.locate(d);
            // In English whatever the report's language, so that a fingerprint survives a change
            // of language.
            let identity = format!(
                "{}\u{0}{}\u{0}{}",
                d.code.as_str(),
                d.file,
                d.message.text(Lang::En)
            );
            let occurrence = seen.entry(identity.clone()).or_insert(0);
            *occurrence += 1;
            json!({
                "description": description(d, sources),
                "check_name": d.code.as_str(),
                "fingerprint": fingerprint(&format!("{identity}\u{0}{occurrence}")),
                "severity": match d.severity() {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                "location": {
                    "path": d.file,
                    "lines": { "begin": start.line, "end": end.line },
                },
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// A stable fingerprint: 128-bit FNV-1a as 32 hex digits. It depends on the code, the file,
/// the message and which occurrence of that triple it is, not on the line, so moving a
/// problem does not make it look new.
fn fingerprint(text: &str) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let hash = text.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u128::from(byte)).wrapping_mul(PRIME)
    });
    format!("{hash:032x}")
}

/// The message and, when there is one, the help line: GitLab shows only the description,
/// and the help is what says how to fix it.
fn description(d: &Diagnostic, sources: &Sources<'_>) -> String {
    match &d.help {
        Some(help) => format!(
            "{} ({}: {})",
            sources.say(&d.message),
            severity_words(sources.lang())[2],
            sources.say(help)
        ),
        None => sources.say(&d.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(fingerprint("a"), fingerprint("a"));
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint("").len(), 32);
        assert_eq!(fingerprint(""), "6c62272e07bb014262b821756295c58d");
    }
}
