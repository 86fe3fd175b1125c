//! `pioneers explain [CODE]`: what a rule code checks, why, and a wrong and a right
//! example; without a code (or with `--list`), every code with its one-line description.

use std::io::Write;

use super::{Context, EXIT_OK, Error, Result};
use crate::cli::ExplainArgs;
use crate::diag::Code;
use crate::explain::{find, list, to_text};
use crate::lang::Lang;
use crate::suggest::closest;

/// Prints the explanation of the code asked for, or the list of every code; an unknown
/// code is a usage error with the closest code as a suggestion.
pub(super) fn run(context: &Context, args: &ExplainArgs, out: &mut dyn Write) -> Result {
    let lang = language(context);
    let name = match &args.code {
        Some(name) if !args.list => name,
        _ => {
            out.write_all(list(lang).as_bytes())?;
            return Ok(EXIT_OK);
        }
    };
    let Some(code) = find(name) else {
        return Err(Error::Usage(unknown_code(name)));
    };
    out.write_all(to_text(code, lang).as_bytes())?;
    Ok(EXIT_OK)
}

/// The language of the explanation: `--lang`, else `PIONEERS_LANG`, else `language` in the knowledge
/// base's `pioneers.toml` (when there is one that reads), else the locale, else English.
fn language(context: &Context) -> Lang {
    context.lang()
}

/// The message for a code that does not exist, with the closest one if any is close.
fn unknown_code(name: &str) -> String {
    let shown = crate::text::escape_control_keep_lines(name);
    let codes = Code::ALL.iter().map(|code| code.as_str());
    match closest(name, codes) {
        Some(close) => format!(
            "there is no rule code `{shown}`: did you mean `{close}`?\nhelp: `pioneers explain --list` shows every code"
        ),
        None => format!(
            "there is no rule code `{shown}`\nhelp: `pioneers explain --list` shows every code"
        ),
    }
}
