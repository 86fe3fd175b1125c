//! `pioneers new <type>`: writes a document that validates and prints its path; asks for
//! missing required fields when standard input is a terminal.

use std::io::{IsTerminal, Write};

use super::{Context, EXIT_OK, Error, Result};
use crate::author::new::{NewDocument, Outcome, Prompt, new_document};
use crate::cli::NewArgs;
use crate::msg::Msg;
use crate::report::{self, Format, Sources};

/// Writes the document `args` describe, or says why not.
pub(super) fn run(context: &Context, args: &NewArgs, out: &mut dyn Write) -> Result {
    let kb = context.knowledge_base()?;
    let lang = context.lang();
    let document = NewDocument {
        kind: args.kind,
        id: args.id.clone(),
        body: args.body.clone(),
        values: args.values.clone(),
    };
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut input = stdin.lock();
    let mut questions = std::io::stderr();
    let prompt = if interactive {
        Prompt::Ask {
            input: &mut input,
            output: &mut questions,
        }
    } else {
        Prompt::Never
    };
    match new_document(kb, &document, prompt)? {
        Outcome::Written(rel) => {
            // The path on standard output (for scripts), what to do next on standard error.
            writeln!(out, "{rel}")?;
            let id = rel
                .rsplit('/')
                .next()
                .and_then(|name| name.strip_suffix(".md"))
                .unwrap_or_default()
                .to_string();
            let next = Msg::NextSteps {
                path: rel.clone(),
                kind: document.kind,
                id,
            };
            eprintln!("{}", next.text(lang));
            Ok(EXIT_OK)
        }
        Outcome::UnknownReferences(unknown) => {
            let lines: Vec<String> = unknown
                .into_iter()
                .map(|u| {
                    Msg::NewUnknownReference {
                        flag: flag(u.field),
                        kind: u.kind,
                        id: u.id,
                        closest: u.closest,
                    }
                    .text(lang)
                })
                .collect();
            Err(Error::Content(lines.join("\n")))
        }
        Outcome::Missing(fields) => {
            let flags = fields.iter().map(|f| flag(f)).collect();
            Err(Error::Usage(
                Msg::NewNeeds {
                    kind: document.kind,
                    flags,
                }
                .text(lang),
            ))
        }
        Outcome::Exists(rel) => Err(Error::Content(Msg::NewExists(rel).text(lang))),
        Outcome::Refused(rel, diagnostics, text) => {
            // The diagnostics are the explanation: they go first, in the validator's words.
            let sources =
                Sources::new([(rel.as_str(), text.as_str())], 1).in_language(context.lang());
            let mut err = std::io::stderr().lock();
            report::write(&mut err, Format::Human, &diagnostics, &sources, false)?;
            Err(Error::Content(Msg::NewNotWritten(rel).text(lang)))
        }
    }
}

/// The flag of `field`: `--proposed-by` for `proposed_by`.
fn flag(field: &str) -> String {
    format!("--{}", field.replace('_', "-"))
}
