//! A whole document through front-matter split, YAML parse, typed model and every rule,
//! then every report format: nothing may panic, and the JSON report must parse.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pioneers::report::Format;
use pioneers::kb::KnowledgeBase;
use pioneers::kb::date::parse_date;
use pioneers::report::{Sources, write};

const PATHS: [&str; 4] = [
    "content/organisations/fuzz.md",
    "content/themes/fuzz.md",
    "content/sessions/2017-09-18-fuzz.md",
    "content/retrospectives/2017-09-18-fuzz.md",
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let path = PATHS[usize::from(which) % PATHS.len()];
    let Some(today) = parse_date("2020-01-01") else { return };
    // Raw bytes, decoded as a file on disk is: invalid UTF-8 takes the `not-utf8` path.
    let kb = KnowledgeBase::from_memory_bytes(&[(path, rest)], &["content/assets/logo.png"], today);
    let diagnostics = pioneers::validate::validate(&kb);
    let sources = Sources::new(kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())), kb.files.len());
    for format in [Format::Human, Format::Github, Format::Sarif, Format::Gitlab] {
        let mut out = Vec::new();
        let _ = write(&mut out, format, &diagnostics, &sources, false);
    }
    let mut coloured = Vec::new();
    let _ = write(&mut coloured, Format::Human, &diagnostics, &sources, true);
    let mut json = Vec::new();
    if write(&mut json, Format::Json, &diagnostics, &sources, false).is_ok() {
        assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok(), "the JSON report parses");
    }
});
