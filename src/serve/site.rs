//! One build of the site in memory, and the latest one shared between the server's threads.

use std::sync::{Arc, Condvar, Mutex};

use super::engine::{Engine, Files};
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

/// The site as built from the content at one moment.
#[derive(Debug, Default)]
pub struct Built {
    /// Every file of the site by its path.
    pub files: Files,
    /// The content's problems.
    pub problems: Vec<Problem>,
    /// Why there is no new site (the knowledge base or a template could not be read); the
    /// last good files stay served.
    pub failure: Option<String>,
    /// Counts 1, 2, … with every build.
    pub generation: u64,
    /// The heading over the problems on every page, in the messages' language.
    pub heading: String,
}

/// The site and problems the engine holds now, for the server to share.
pub fn built(engine: &Engine, lang: Lang) -> Built {
    let kb = match engine.kb() {
        Ok(kb) => kb,
        Err(failure) => {
            return Built {
                failure: Some(failure),
                ..Built::default()
            };
        }
    };
    let (files, failure) = match engine.files() {
        Ok(files) => (files.clone(), None),
        Err(failure) => (Files::new(), Some(failure)),
    };
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
    let sources = Sources::new(
        kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())),
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

/// The latest build, and a signal for the pages waiting to reload.
pub struct Shared {
    current: Mutex<Arc<Built>>,
    changed: Condvar,
}

impl Shared {
    /// Shares the first build.
    pub fn new(mut first: Built) -> Self {
        first.generation = 1;
        Shared {
            current: Mutex::new(Arc::new(first)),
            changed: Condvar::new(),
        }
    }

    /// The latest build.
    pub fn current(&self) -> Arc<Built> {
        self.current
            .lock()
            .map(|built| Arc::clone(&built))
            .unwrap_or_default()
    }

    /// Makes `built` the latest and wakes the waiting pages; a failed build keeps the last
    /// good files.
    pub fn replace(&self, mut built: Built) {
        let Ok(mut current) = self.current.lock() else {
            return;
        };
        built.generation = current.generation + 1;
        if built.failure.is_some() {
            built.files = current.files.clone();
        }
        *current = Arc::new(built);
        self.changed.notify_all();
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
            files: built.files.len(),
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
