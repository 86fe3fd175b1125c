//! `--format github`: one GitHub Actions workflow command per diagnostic, so a pull request
//! shows each problem on the line that has it.

use std::io::{self, Write};

use crate::msg::severity_words;

use super::Sources;
use crate::diag::Diagnostic;

/// Writes `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::<message>` lines.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &Sources<'_>,
) -> io::Result<()> {
    for d in diagnostics {
        let (start, end) = sources.locate(d);
        let mut message = sources.say(&d.message);
        if let Some(help) = &d.help {
            message.push_str(&format!("\n{}: ", severity_words(sources.lang())[2]));
            message.push_str(&sources.say(help));
        }
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            d.severity().as_str(),
            property(&d.file),
            start.line,
            start.column,
            end.line,
            end.column,
            property(d.code.as_str()),
            data(&message),
        )?;
    }
    Ok(())
}

/// Escapes a command's message as the Actions runner expects; other control characters
/// (which the log viewer would interpret) become visible escapes.
fn data(text: &str) -> String {
    crate::text::escape_control_keep_lines(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, where `:` and `,` are also special.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_the_runner() {
        assert_eq!(data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(data("a\u{1b}]52;c;eA==\u{7}"), "a\\u{1b}]52;c;eA==\\u{7}");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
