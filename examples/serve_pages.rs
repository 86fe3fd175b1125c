//! Times the pages `serve` makes, one by one, and the resident memory after each: starts the
//! serve engine on a knowledge base and asks for the given paths in turn.
//!
//!     cargo run --release --example serve_pages -- DIR index.html themes/index.html search.json
//!
//! Used for the figures on making home and the indexes in BENCHMARKS.md; run it under
//! `valgrind --tool=dhat` to see where the memory goes. Resident memory is read from
//! `/proc/self/status` (Linux only; `-` elsewhere).

use std::process::ExitCode;
use std::time::Instant;

use pioneers::serve::engine::{Engine, Setup};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: serve_pages DIR [PATH ...]");
        return ExitCode::from(2);
    };
    let Ok(today) = time::Date::from_calendar_date(2026, time::Month::November, 28) else {
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let engine = Engine::start(Setup {
        root: root.into(),
        today,
        lang_flag: None,
        site: true,
    });
    if let Err(failure) = engine.kb() {
        eprintln!("cannot load: {failure}");
        return ExitCode::FAILURE;
    }
    println!("loaded in {:?}; resident {}", started.elapsed(), resident());
    for path in args {
        let asked = Instant::now();
        let made = match engine.file(&path) {
            Some(Ok(bytes)) => format!("{} bytes", bytes.len()),
            Some(Err(error)) => format!("error: {error}"),
            None => "no such file".to_string(),
        };
        println!(
            "{path}: {made} in {:?}; resident {}",
            asked.elapsed(),
            resident()
        );
    }
    ExitCode::SUCCESS
}

/// The resident set and its peak so far, as `/proc` tells them.
fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let value = |key: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(key))
            .map_or("-".to_string(), |v| v.trim().to_string())
    };
    format!("{} (peak {})", value("VmRSS:"), value("VmHWM:"))
}
