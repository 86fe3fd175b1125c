//! `broken-anchor`: a `#heading` in a link exists in its target document.

use crate::diag::{Code, Diagnostic};
use crate::kb::Document;
use crate::msg::Msg;
use crate::suggest::did_you_mean;
use crate::validate::links::{Target, resolve};
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct BrokenAnchor;

impl Rule for BrokenAnchor {
    fn code(&self) -> Code {
        Code::BrokenAnchor
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for link in &cx.doc.body.links {
            let (target, anchor): (&Document, String) = match resolve(cx.kb, cx.doc, &link.dest) {
                Target::SameDocument(anchor) => (cx.doc, anchor),
                Target::Path {
                    document: Some(document),
                    anchor: Some(anchor),
                    ..
                } => (document, anchor),
                _ => continue,
            };
            if target.body.anchors.contains(&anchor) {
                continue;
            }
            let help = did_you_mean(&anchor, target.body.anchors.iter().map(String::as_str))
                .unwrap_or(Msg::LinkToHeading);
            out.push(
                cx.diag(
                    Code::BrokenAnchor,
                    link.span.clone(),
                    Msg::BrokenAnchor {
                        file: cx.kb.path(target).to_string(),
                        anchor: anchor.clone(),
                    },
                )
                .with_help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    fn retro(body: &'static str) -> Vec<(&'static str, &'static str)> {
        let text = format!(
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\n{body}"
        );
        with((
            "content/retrospectives/2017-11-22-utrecht.md",
            Box::leak(text.into_boxed_str()),
        ))
    }

    #[test]
    fn missing_heading_in_another_document() {
        assert_eq!(
            check(&BrokenAnchor, &retro("[a](../themes/open-wob.md#aanpk)\n")),
            [
                "content/retrospectives/2017-11-22-utrecht.md:7:5: content/themes/open-wob.md has no heading `#aanpk` (did you mean `aanpak`?)"
            ]
        );
    }

    #[test]
    fn headings_in_this_and_other_documents() {
        let body = "## Wat ging goed?\n\n[a](#wat-ging-goed) [b](../themes/open-wob.md#aanpak)\n";
        assert!(check(&BrokenAnchor, &retro(body)).is_empty());
        assert_eq!(check(&BrokenAnchor, &retro("[a](#nergens)\n")).len(), 1);
    }
}
