//! What the pages show of the content's state after each change (its problems, why the
//! site cannot be published), and the engine shared between the server's threads.

use std::sync::{Arc, Condvar, Mutex, PoisonError, RwLock, RwLockReadGuard};

use super::engine::Engine;
use crate::diag::{Diagnostic, Severity};
use crate::kb::KnowledgeBase;
use crate::lang::Lang;
use crate::msg::Msg;
use crate::report::Sources;

/// One problem of the content, as the page banner and the terminal show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// `error` or `warning` in the report's language.
    pub severity_word: &'static str,
    /// The rule code.
    pub code: &'static str,
    /// `path:line:column`.
    pub place: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// The state of the content after one change.
#[derive(Debug, Default)]
pub struct Built {
    /// How many files the site has.
    pub files: usize,
    /// The content's problems.
    pub problems: Vec<Problem>,
    /// Why the site cannot be published as it is (the knowledge base or a template could
    /// not be read, two files at one path); the last good pages stay served.
    pub failure: Option<String>,
    /// Counts 1, 2, … with every change taken in.
    pub generation: u64,
    /// The heading over the problems on every page, in the messages' language.
    pub heading: String,
}

/// The site and problems the engine holds now, for the server to share.
pub fn built(engine: &Engine, lang: Lang) -> Built {
    let files = engine.file_count();
    let kb = match engine.kb() {
        Ok(kb) => kb,
        Err(failure) => {
            return Built {
                files,
                failure: Some(failure),
                ..Built::default()
            };
        }
    };
    let failure = engine.site_failure(lang);
    let mut problems = problems(kb, &engine.diagnostics(), lang);
    // Errors first: they are what keeps the site from being published.
    problems.sort_by_key(|p| p.severity != Severity::Error);
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    Built {
        files,
        heading: Msg::ServeBanner {
            errors,
            warnings: problems.len() - errors,
        }
        .text(lang),
        problems,
        failure,
        generation: 0,
    }
}

/// Each diagnostic as the banner and the terminal show it, placed at its line and column.
fn problems(kb: &KnowledgeBase, diagnostics: &[Diagnostic], lang: Lang) -> Vec<Problem> {
    let words = crate::msg::severity_words(lang);
    // The files with problems only: the others are not looked at after a change.
    let with_problems: std::collections::BTreeSet<&str> =
        diagnostics.iter().map(|d| d.file.as_str()).collect();
    let sources = Sources::new(
        (with_problems.into_iter())
            .filter_map(|path| kb.file(path))
            .map(|f| (f.path.as_str(), f.text.as_str())),
        kb.files.len(),
    );
    diagnostics
        .iter()
        .map(|d| {
            let at = sources.locate(d).0;
            Problem {
                severity: d.severity(),
                severity_word: match d.severity() {
                    Severity::Error => words[0],
                    Severity::Warning => words[1],
                },
                code: d.code.as_str(),
                place: format!("{}:{}:{}", d.file, at.line, at.column),
                message: d.message.text(lang),
                help: d.help.as_ref().map(|h| h.text(lang)),
            }
        })
        .collect()
}

/// The engine, the state after the latest change, and a signal for the pages waiting to
/// reload.
pub struct Shared {
    engine: RwLock<Engine>,
    current: Mutex<Arc<Built>>,
    changed: Condvar,
}

impl Shared {
    /// Shares `engine` and the state it started with.
    pub fn new(engine: Engine, mut first: Built) -> Self {
        first.generation = 1;
        Shared {
            engine: RwLock::new(engine),
            current: Mutex::new(Arc::new(first)),
            changed: Condvar::new(),
        }
    }

    /// The engine, to make files with (while no change is being taken in).
    pub fn engine(&self) -> RwLockReadGuard<'_, Engine> {
        // A thread that panicked while making a file leaves the engine as it was.
        self.engine.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Lets `change` update the engine (pages wait meanwhile), then tells the pages what
    /// `state` says of it; gives that.
    pub fn change(
        &self,
        change: impl FnOnce(&mut Engine),
        state: impl FnOnce(&Engine) -> Built,
    ) -> Arc<Built> {
        {
            let mut engine = self.engine.write().unwrap_or_else(PoisonError::into_inner);
            change(&mut engine);
        }
        let built = state(&self.engine());
        self.replace(built)
    }

    /// The latest build.
    pub fn current(&self) -> Arc<Built> {
        self.current
            .lock()
            .map(|built| Arc::clone(&built))
            .unwrap_or_default()
    }

    /// Makes `built` the latest and wakes the waiting pages.
    fn replace(&self, mut built: Built) -> Arc<Built> {
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        built.generation = current.generation + 1;
        *current = Arc::new(built);
        self.changed.notify_all();
        Arc::clone(&current)
    }

    /// Waits until a build newer than `generation` exists (or `timeout` passes) and gives
    /// the latest generation.
    pub fn wait_newer(&self, generation: u64, timeout: std::time::Duration) -> u64 {
        let Ok(current) = self.current.lock() else {
            return generation;
        };
        match self
            .changed
            .wait_timeout_while(current, timeout, |c| c.generation <= generation)
        {
            Ok((current, _)) => current.generation,
            Err(_) => generation,
        }
    }
}

/// What the terminal says after a build: why it failed, or each problem on one line and
/// a summary.
pub fn summary(built: &Built, lang: Lang) -> String {
    if let Some(failure) = &built.failure {
        return format!("{}: {failure}", crate::msg::severity_words(lang)[0]);
    }
    let errors = built
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let mut lines: Vec<String> = built
        .problems
        .iter()
        .map(|p| {
            let help = p
                .help
                .as_ref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            format!(
                "{}: {}[{}]: {}{help}",
                p.place, p.severity_word, p.code, p.message
            )
        })
        .collect();
    lines.push(
        Msg::ServeBuilt {
            files: built.files,
            errors,
            warnings: built.problems.len() - errors,
        }
        .text(lang),
    );
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn the_summary_counts_errors_and_warnings_whatever_the_language() {
        let problem = |severity, severity_word| Problem {
            severity,
            severity_word,
            code: "unknown-field",
            place: "content/themes/a.md:2:1".into(),
            message: "m".into(),
            help: None,
        };
        let built = Built {
            problems: vec![
                problem(Severity::Error, "fout"),
                problem(Severity::Warning, "waarschuwing"),
            ],
            ..Built::default()
        };
        let summary = summary(&built, Lang::En);
        assert!(
            summary.ends_with("site built: 0 files; 1 error, 1 warning"),
            "{summary}"
        );
        assert!(summary.starts_with("content/themes/a.md:2:1: fout[unknown-field]: m"));
    }
}
