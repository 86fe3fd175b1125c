//! Micro-benchmarks (divan) of the loader, the rule pass and page rendering, on a
//! generated in-memory knowledge base.
//!
//!     cargo bench --features bench

use divan::Bencher;
use pioneers::kb::KnowledgeBase;
use pioneers::kb::date::parse_date;

fn main() {
    divan::main();
}

/// `n` documents like the generator's, in memory: (path, text).
fn documents(n: usize) -> Vec<(String, String)> {
    let body =
        "gemeente open overheid inwoners raad besluit informatie data wijk budget ".repeat(40);
    let mut docs = Vec::new();
    for i in 0..n / 4 {
        docs.push((
            format!("content/organisations/org-{i}.md"),
            format!("---\nname: Organisatie {i}\nkind: municipality\n---\n{body}\n"),
        ));
        docs.push((
            format!("content/themes/thema-{i}.md"),
            format!("---\ntitle: Thema {i}\nsummary: Een thema.\ncarriers: [org-{i}]\n---\n## Aanpak\n\n{body}\n[org](../organisations/org-{i}.md)\n"),
        ));
        docs.push((
            format!("content/sessions/2017-01-01-sessie-{i}.md"),
            format!("---\ntitle: Sessie {i}\ndate: 2017-01-01\ncity: Stad\nhosts: [org-{i}]\nthemes: [thema-{i}]\n---\n{body}\n"),
        ));
        docs.push((
            format!("content/retrospectives/2017-01-01-sessie-{i}.md"),
            format!("---\ntitle: Terugblik {i}\nsession: 2017-01-01-sessie-{i}\npublished: 2017-01-02\nauthors: [A]\n---\n{body}\n[t](../themes/thema-{i}.md#aanpak)\n"),
        ));
    }
    docs
}

fn load(docs: &[(String, String)]) -> KnowledgeBase {
    let files: Vec<(&str, &str)> = docs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"))
}

/// Split, YAML, Markdown facts and typed model, per 1,000 documents.
#[divan::bench]
fn loader(bencher: Bencher) {
    let docs = documents(1000);
    bencher
        .counter(divan::counter::ItemsCount::new(docs.len()))
        .bench(|| load(&docs));
}

/// Every rule over 1,000 loaded documents.
#[divan::bench]
fn rule_pass(bencher: Bencher) {
    let kb = load(&documents(1000));
    bencher
        .counter(divan::counter::ItemsCount::new(kb.documents.len()))
        .bench(|| pioneers::validate::validate(&kb));
}

/// Markdown to HTML of one 3 KB body (the core of rendering a page).
#[divan::bench]
fn page_markdown(bencher: Bencher) {
    let body = format!(
        "## Aanpak\n\n{}\n\n[x](../themes/a.md)\n",
        "gemeente open overheid inwoners raad ".repeat(80)
    );
    bencher.bench(|| pioneers::render::markdown::to_html(&body, &|_| None));
}

/// Validating and reporting (human and JSON) one document with 10,000 broken links on a
/// single line: each diagnostic is placed through the file's line index and quoted in a
/// window, so this grows linearly with the number of diagnostics.
#[divan::bench(args = ["human", "json"])]
fn many_diagnostics_in_one_file(bencher: Bencher, format: &str) {
    use pioneers::report::Format;
    use pioneers::report::{Sources, write};
    let body: String = (0..10_000).map(|i| format!("[x](nope-{i}.md) ")).collect();
    let text = format!("---\ntitle: T\nsummary: S\n---\n{body}\n");
    let kb = KnowledgeBase::from_memory(
        &[("content/themes/links.md", text.as_str())],
        &[],
        parse_date("2020-01-01").expect("date"),
    );
    let format = if format == "human" {
        Format::Human
    } else {
        Format::Json
    };
    bencher.bench(|| {
        let diagnostics = pioneers::validate::validate(&kb);
        let sources = Sources::new(
            kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())),
            kb.files.len(),
        );
        let mut out = Vec::new();
        write(&mut out, format, &diagnostics, &sources, false).expect("writes");
        out.len()
    });
}
