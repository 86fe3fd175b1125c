//! The one error type of the commands: each kind knows its exit status (DESIGN.md §4), and
//! [`super::run`] prints it, once.

use std::fmt;
use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::lang::Lang;
use crate::msg::Localized;
use crate::query::expr::ExprError;

/// Success (warnings allowed unless denied).
pub const EXIT_OK: u8 = 0;
/// Content errors found, or the named item does not exist.
pub const EXIT_CONTENT: u8 = 1;
/// Usage error or an environment failure.
pub const EXIT_FAILURE: u8 = 2;

/// Why a command failed.
#[derive(Debug)]
pub enum Error {
    /// The content is wrong, or the item named does not exist (exit 1).
    Content(String),
    /// The command line or the configuration asks for what cannot be: a missing field, an
    /// unknown sort field, a base URL that is not one (exit 2).
    Usage(String),
    /// A `--where` expression that does not parse or does not fit the fields (exit 2); it is
    /// shown with a caret under the mistake.
    Expression {
        /// The expression as given.
        source: String,
        /// What is wrong, and where.
        error: ExprError,
    },
    /// Something around the content failed: reading, writing, git (exit 2).
    Operational(anyhow::Error),
}

impl Error {
    /// The exit status this error ends the process with. A closed pipe (`| head`) is not a
    /// failure: the reader had enough.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Content(_) => EXIT_CONTENT,
            Error::Operational(error) if is_broken_pipe(error) => EXIT_OK,
            Error::Usage(_) | Error::Expression { .. } | Error::Operational(_) => EXIT_FAILURE,
        }
    }

    /// Whether there is nothing to tell the user (the reader closed the pipe).
    pub fn is_silent(&self) -> bool {
        matches!(self, Error::Operational(error) if is_broken_pipe(error))
    }

    /// The expression with a caret under what is wrong, for an [`Error::Expression`];
    /// coloured when standard error is a terminal.
    pub fn quoted_expression(&self) -> Option<String> {
        let Error::Expression { source, error } = self else {
            return None;
        };
        let renderer = if crate::report::use_colour(std::io::stderr().is_terminal()) {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let report = [Level::ERROR.primary_title(error.message.as_str()).element(
            Snippet::source(source.as_str())
                .path("--where")
                .annotation(AnnotationKind::Primary.span(error.span.clone())),
        )];
        Some(renderer.render(&report))
    }
}

impl Error {
    /// The message in `lang`, without the `error: ` that [`super::run`] puts before it: an
    /// operational error lists its causes, each in `lang` when it is a
    /// [`Localized`] message (the system's own words stay as the system gives them).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Error::Operational(error) => error
                .chain()
                .map(|cause| match cause.downcast_ref::<Localized>() {
                    Some(localized) => localized.0.text(lang),
                    None => cause.to_string(),
                })
                .collect::<Vec<_>>()
                .join(": "),
            other => other.to_string(),
        }
    }
}

/// The message, without the `error: ` that [`super::run`] puts before it; an operational
/// error lists its causes.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Content(message) | Error::Usage(message) => f.write_str(message),
            Error::Expression { error, .. } => f.write_str(&error.message),
            Error::Operational(error) => write!(f, "{error:#}"),
        }
    }
}

impl From<anyhow::Error> for Error {
    fn from(error: anyhow::Error) -> Self {
        Error::Operational(error)
    }
}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Self {
        Error::Operational(error.into())
    }
}

impl From<serde_json::Error> for Error {
    fn from(error: serde_json::Error) -> Self {
        Error::Operational(error.into())
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_knows_its_exit_status() {
        assert_eq!(Error::Content("no theme `x`".into()).exit_code(), 1);
        assert_eq!(Error::Usage("a theme needs --title".into()).exit_code(), 2);
        let expression = Error::Expression {
            source: "x =".into(),
            error: ExprError {
                message: "no value".into(),
                span: 3..3,
            },
        };
        assert_eq!(expression.exit_code(), 2);
        assert_eq!(Error::from(anyhow::anyhow!("cannot read")).exit_code(), 2);
    }

    #[test]
    fn a_closed_pipe_is_silent_and_succeeds() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        let error = Error::from(anyhow::Error::from(pipe).context("cannot write the report"));
        assert_eq!(error.exit_code(), 0);
        assert!(error.is_silent());
        assert!(!Error::Content("x".into()).is_silent());
    }

    #[test]
    fn operational_errors_show_their_causes() {
        let error = Error::from(anyhow::anyhow!("disk full").context("cannot write x"));
        assert_eq!(error.to_string(), "cannot write x: disk full");
    }

    #[test]
    fn an_expression_is_quoted_with_a_caret() {
        let error = Error::Expression {
            source: "a = 1".into(),
            error: ExprError {
                message: "no field `a`".into(),
                span: 0..1,
            },
        };
        let quoted = error.quoted_expression().expect("quoted");
        assert!(quoted.contains("no field `a`"), "{quoted}");
        assert!(quoted.contains("--where:1:1"), "{quoted}");
        assert_eq!(Error::Usage("x".into()).quoted_expression(), None);
    }
}
