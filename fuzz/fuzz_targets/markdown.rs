//! Markdown link, image, anchor and raw-HTML extraction, and the HTML renderer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let body = pioneers::kb::markdown::analyse(&text, 7);
    for link in &body.links {
        assert!(link.span.start >= 7 && link.span.end <= text.len() + 7, "spans stay in the text");
    }
    let html = pioneers::render::markdown::to_html(&text, &|_| None);
    assert!(!html.contains("<script"), "raw HTML never gets through");
});
