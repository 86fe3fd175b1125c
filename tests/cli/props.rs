//! Property tests: arbitrary bytes as a document never panic, and the JSON report of
//! whatever they contain always parses.

use pioneers::cli::Format;
use pioneers::kb::KnowledgeBase;
use pioneers::kb::date::parse_date;
use pioneers::report::{Sources, write};
use proptest::prelude::*;

const PATHS: [&str; 4] = [
    "content/organisations/p.md",
    "content/themes/p.md",
    "content/sessions/2017-09-18-p.md",
    "content/retrospectives/2017-09-18-p.md",
];

fn json_report(path: &str, text: &str) -> serde_json::Value {
    let kb = KnowledgeBase::from_memory(
        &[(path, text)],
        &[],
        parse_date("2020-01-01").expect("date"),
    );
    let diagnostics = pioneers::validate::validate(&kb);
    let sources = Sources::new(
        kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())),
        kb.files.len(),
    );
    let mut out = Vec::new();
    write(&mut out, Format::Json, &diagnostics, &sources, false).expect("writes");
    serde_json::from_slice(&out).expect("the JSON report parses")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), which in 0usize..4) {
        let text = String::from_utf8_lossy(&bytes);
        let report = json_report(PATHS[which], &text);
        prop_assert!(report["summary"]["files"].as_u64() == Some(1));
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
