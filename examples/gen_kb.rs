//! Writes a valid synthetic knowledge base of N documents, deterministic for a seed:
//! 5% organisations, 25% themes, 35% sessions, 35% retrospectives, with 2–4 KB bodies of
//! Dutch-like text that link to each other, every reference resolving.
//!
//!     cargo run --release --example gen_kb -- OUT N [--seed S] [--hugo]
//!
//! With `--hugo`, OUT also gets a minimal Hugo configuration and layouts, so Hugo builds the
//! very same files (for `scripts/bench.sh`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const WORDS: &[&str] = &[
    "gemeente",
    "open",
    "overheid",
    "inwoners",
    "raad",
    "besluit",
    "informatie",
    "data",
    "wijk",
    "budget",
    "transparantie",
    "participatie",
    "netwerk",
    "pionier",
    "sessie",
    "thema",
    "vraag",
    "antwoord",
    "samen",
    "leren",
    "delen",
    "cultuur",
    "visie",
    "organisatie",
    "ambtenaar",
    "burger",
    "initiatief",
    "platform",
    "publicatie",
    "document",
    "verzoek",
    "openbaarheid",
    "ervaring",
    "voorbeeld",
    "aanpak",
    "resultaat",
    "meten",
    "tevreden",
    "begroting",
    "dienstverlening",
    "wethouder",
    "provincie",
    "waterschap",
    "kennis",
    "bijeenkomst",
    "terugblik",
    "toekomst",
    "stap",
    "doel",
    "plan",
    "en",
    "de",
    "het",
    "een",
    "van",
    "voor",
    "met",
    "over",
    "naar",
    "bij",
    "ook",
    "niet",
    "wel",
    "hoe",
    "wat",
    "wie",
    "waarom",
    "zo",
    "dat",
    "die",
];

/// SplitMix64: a tiny, well-known generator, so the output never changes with a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Args {
    out: PathBuf,
    n: usize,
    seed: u64,
    hugo: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 1;
    let mut hugo = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("--seed needs a number")?
            }
            "--hugo" => hugo = true,
            _ => positional.push(arg),
        }
    }
    let [out, n] = positional.as_slice() else {
        return Err("usage: gen_kb OUT N [--seed S] [--hugo]".into());
    };
    let n = n
        .parse()
        .map_err(|_| format!("N must be a number, not {n}"))?;
    Ok(Args {
        out: PathBuf::from(out),
        n,
        seed,
        hugo,
    })
}

fn main() -> ExitCode {
    match parse_args().and_then(|args| generate(&args).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gen_kb: {error}");
            ExitCode::from(2)
        }
    }
}

fn generate(args: &Args) -> std::io::Result<()> {
    let n = args.n.max(4);
    let orgs = (n * 5 / 100).max(1);
    let themes = (n * 25 / 100).max(1);
    let sessions = (n * 35 / 100).max(1);
    let retros = n.saturating_sub(orgs + themes + sessions).min(sessions);
    let mut rng = Rng(args.seed);
    let content = args.out.join("content");
    for folder in ["organisations", "themes", "sessions", "retrospectives"] {
        std::fs::create_dir_all(content.join(folder))?;
    }
    std::fs::write(
        args.out.join("pioneers.toml"),
        "title = \"Synthetisch netwerk\"\nbase_url = \"https://example.org/\"\n",
    )?;
    let session_id = |i: usize| {
        let day = i % 28 + 1;
        let month = (i / 28) % 12 + 1;
        let year = 2000 + (i / 336) % 25;
        format!("{year:04}-{month:02}-{day:02}-sessie-{i}")
    };
    for i in 0..orgs {
        let body = body(&mut rng, &[]);
        write(
            &content,
            "organisations",
            &format!("org-{i}"),
            &format!(
                "name: Organisatie {i}\nkind: municipality\ncity: Stad {}\n",
                i % 50
            ),
            &body,
        )?;
    }
    for i in 0..themes {
        let carrier = rng.below(orgs);
        let links = [format!("../organisations/org-{carrier}.md")];
        let (first_tag, second_tag) = two_different(&mut rng, WORDS.len());
        let front = format!(
            "title: Thema {i}\nsummary: Een thema over {} en {}.\ncarriers: [org-{carrier}]\ntags: [{}, {}]\n",
            word(&mut rng),
            word(&mut rng),
            WORDS[first_tag],
            WORDS[second_tag]
        );
        write(
            &content,
            "themes",
            &format!("thema-{i}"),
            &front,
            &format!("## Aanpak\n\n{}", body(&mut rng, &links)),
        )?;
    }
    for i in 0..sessions {
        let id = session_id(i);
        let theme = rng.below(themes);
        let (first_participant, second_participant) = two_different(&mut rng, orgs);
        let front = format!(
            "title: Sessie {i}\ndate: {}\nstart: \"14:00\"\nend: \"17:00\"\ncity: Stad {}\nhosts: [org-{}]\nthemes: [thema-{theme}]\nparticipants: [org-{}, org-{}]\n",
            &id[..10],
            i % 50,
            rng.below(orgs),
            first_participant,
            second_participant
        );
        let links = [format!("../themes/thema-{theme}.md#aanpak")];
        write(&content, "sessions", &id, &front, &body(&mut rng, &links))?;
    }
    for i in 0..retros {
        let id = session_id(i);
        let theme = rng.below(themes);
        let front = format!(
            "title: Terugblik op sessie {i}\nsession: {id}\npublished: {}\nauthors: [Auteur {}]\nthemes_discussed: [thema-{theme}]\n",
            &id[..10],
            i % 100
        );
        let links = [
            format!("../themes/thema-{theme}.md#aanpak"),
            format!("../sessions/{id}.md"),
        ];
        write(
            &content,
            "retrospectives",
            &id,
            &front,
            &body(&mut rng, &links),
        )?;
    }
    if args.hugo {
        hugo(&args.out)?;
    }
    println!(
        "{} documents in {}",
        orgs + themes + sessions + retros,
        args.out.display()
    );
    Ok(())
}

/// Two different numbers below `n` (a list must not name an item twice: `duplicate-item`).
fn two_different(rng: &mut Rng, n: usize) -> (usize, usize) {
    let first = rng.below(n);
    let second = (first + 1 + rng.below(n.saturating_sub(1))) % n.max(1);
    (first, second)
}

fn word(rng: &mut Rng) -> &'static str {
    WORDS[rng.below(WORDS.len())]
}

/// 2–4 KB of paragraphs, with `links` woven in.
fn body(rng: &mut Rng, links: &[String]) -> String {
    let target = 2048 + rng.below(2048);
    let mut text = String::new();
    let mut link = 0;
    while text.len() < target {
        for _ in 0..(40 + rng.below(40)) {
            text.push_str(word(rng));
            text.push(' ');
        }
        if let Some(dest) = links.get(link) {
            let _ = write!(text, "Zie [{}]({dest}). ", word(rng));
            link += 1;
        }
        text.push_str("\n\n");
    }
    text
}

fn write(content: &Path, folder: &str, id: &str, front: &str, body: &str) -> std::io::Result<()> {
    std::fs::write(
        content.join(folder).join(format!("{id}.md")),
        format!("---\n{front}---\n{body}"),
    )
}

/// A minimal Hugo site over the same content: one template per page kind.
fn hugo(out: &Path) -> std::io::Result<()> {
    std::fs::write(
        out.join("hugo.toml"),
        "baseURL = \"https://example.org/\"\ntitle = \"Synthetisch netwerk\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n[markup.goldmark.renderer]\nunsafe = false\n",
    )?;
    let layouts = out.join("layouts/_default");
    std::fs::create_dir_all(&layouts)?;
    std::fs::write(
        layouts.join("baseof.html"),
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    )?;
    std::fs::write(
        layouts.join("single.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
    )?;
    std::fs::write(
        layouts.join("list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    )?;
    std::fs::write(
        out.join("layouts/index.html"),
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Home</title></head><body><h1>{{ .Site.Title }}</h1></body></html>\n",
    )?;
    Ok(())
}
