//! Property tests: arbitrary bytes as a document never panic in any report format, and
//! each machine-readable report of whatever they contain parses.

use pioneers::kb::KnowledgeBase;
use pioneers::kb::date::parse_date;
use pioneers::report::Format;
use pioneers::report::{Sources, write};
use proptest::prelude::*;

const PATHS: [&str; 4] = [
    "content/organisations/p.md",
    "content/themes/p.md",
    "content/sessions/2017-09-18-p.md",
    "content/retrospectives/2017-09-18-p.md",
];

/// Every report format (human plain and coloured too) of one document given as raw bytes,
/// decoded as a file on disk is; returns the JSON report, after checking the others.
fn reports(path: &str, bytes: &[u8]) -> serde_json::Value {
    let kb = KnowledgeBase::from_memory_bytes(
        &[(path, bytes)],
        &["content/assets/logo.png"],
        parse_date("2020-01-01").expect("date"),
    );
    let diagnostics = pioneers::validate::validate(&kb);
    let sources = Sources::new(
        kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())),
        kb.files.len(),
    );
    let report = |format, colour| {
        let mut out = Vec::new();
        write(&mut out, format, &diagnostics, &sources, colour).expect("writes");
        String::from_utf8(out).expect("reports are UTF-8")
    };
    for colour in [false, true] {
        let human = report(Format::Human, colour);
        assert!(human.trim_end().ends_with("warnings") || human.trim_end().ends_with("warning"));
    }
    for line in report(Format::Github, false).lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning "),
            "{line}"
        );
    }
    for format in [Format::Sarif, Format::Gitlab] {
        serde_json::from_str::<serde_json::Value>(&report(format, false))
            .expect("the SARIF and GitLab reports parse");
    }
    serde_json::from_str(&report(Format::Json, false)).expect("the JSON report parses")
}

fn json_report(path: &str, text: &str) -> serde_json::Value {
    reports(path, text.as_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), which in 0usize..4) {
        let report = reports(PATHS[which], &bytes);
        prop_assert!(report["summary"]["files"].as_u64() == Some(1));
    }

    #[test]
    fn invalid_utf8_inside_front_matter_never_panics(
        before in "[ -~\n]{0,40}",
        bad in proptest::collection::vec(0x80u8..=0xff, 1..4),
        after in "[ -~\n]{0,40}",
        which in 0usize..4,
    ) {
        let mut bytes = b"---\ntitle: ".to_vec();
        bytes.extend_from_slice(before.as_bytes());
        bytes.extend_from_slice(&bad);
        bytes.extend_from_slice(after.as_bytes());
        bytes.extend_from_slice(b"\n---\nTekst.\n");
        let report = reports(PATHS[which], &bytes);
        prop_assert!(report["diagnostics"].as_array().is_some_and(|d| !d.is_empty()));
    }

    #[test]
    fn front_matter_shaped_input_never_panics(
        keys in proptest::collection::vec("[a-z_]{1,12}", 0..8),
        values in proptest::collection::vec("[ -~\\n\\[\\]{}:&*!|>'\"%@`#-]{0,40}", 0..8),
        body in "[ -~\\n]{0,200}",
        which in 0usize..4,
    ) {
        let mut text = String::from("---\n");
        for (k, v) in keys.iter().zip(values.iter()) {
            text.push_str(&format!("{k}: {v}\n"));
        }
        text.push_str("---\n");
        text.push_str(&body);
        let report = json_report(PATHS[which], &text);
        for d in report["diagnostics"].as_array().into_iter().flatten() {
            prop_assert!(d["line"].as_u64().unwrap_or(0) >= 1);
            prop_assert!(d["column"].as_u64().unwrap_or(0) >= 1);
        }
    }
}
