//! `raw-html` (warning): raw HTML in a body is escaped when rendered, so it shows as text.

use crate::diag::{Code, Diagnostic};
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct RawHtml;

impl Rule for RawHtml {
    fn code(&self) -> Code {
        Code::RawHtml
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for span in &cx.doc.body.html {
            out.push(
                cx.diag(Code::RawHtml, span.clone(), Msg::RawHtml)
                    .with_help(Msg::UseMarkdown),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn inline_and_block_html() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\n---\nTekst <b>vet</b>\n\n<div>x</div>\n",
        ));
        let found = check(&RawHtml, &files);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("content/themes/open-wob.md:5:7: raw HTML"));
        assert!(found[2].starts_with("content/themes/open-wob.md:7:1: raw HTML"));
    }
}
