//! `pioneers new <type>`: writes a document that validates and prints its path; asks for
//! missing required fields when standard input is a terminal.

use std::io::{IsTerminal, Write};

use super::{Context, EXIT_OK, Error, Result};
use crate::author::new::{NewDocument, Outcome, Prompt, new_document};
use crate::cli::NewArgs;
use crate::report::{self, Format, Sources};

/// Writes the document `args` describe, or says why not.
pub(super) fn run(context: &Context, args: &NewArgs, out: &mut dyn Write) -> Result {
    let kb = context.knowledge_base()?;
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
            writeln!(out, "{rel}")?;
            Ok(EXIT_OK)
        }
        Outcome::Missing(fields) => {
            let flags: Vec<String> = fields
                .iter()
                .map(|f| format!("--{}", f.replace('_', "-")))
                .collect();
            Err(Error::Usage(format!(
                "a {} needs {}",
                document.kind,
                flags.join(", ")
            )))
        }
        Outcome::Exists(rel) => Err(Error::Content(format!(
            "{rel} already exists; nothing was written (use --id to choose another id)"
        ))),
        Outcome::Refused(rel, diagnostics, text) => {
            // The diagnostics are the explanation: they go first, in the validator's words.
            let sources =
                Sources::new([(rel.as_str(), text.as_str())], 1).in_language(context.lang());
            let mut err = std::io::stderr().lock();
            report::write(&mut err, Format::Human, &diagnostics, &sources, false)?;
            Err(Error::Content(format!("{rel} was not written")))
        }
    }
}
