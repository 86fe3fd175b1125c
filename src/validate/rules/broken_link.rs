//! `broken-link`: a relative link points to a document or file that exists.

use crate::diag::{Code, Diagnostic};
use crate::msg::Msg;
use crate::validate::links::{Target, exists, resolve};
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct BrokenLink;

impl Rule for BrokenLink {
    fn code(&self) -> Code {
        Code::BrokenLink
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for link in cx.doc.body.links.iter().filter(|l| !l.image) {
            let Target::Path { path, document, .. } = resolve(cx.kb, cx.doc, &link.dest) else {
                continue;
            };
            if document.is_some() || path.as_deref().is_some_and(|p| exists(cx.kb, p)) {
                continue;
            }
            let target = path.unwrap_or_else(|| link.dest.clone());
            out.push(
                cx.diag(
                    Code::BrokenLink,
                    link.span.clone(),
                    Msg::BrokenLink(target.to_string()),
                )
                .with_help(Msg::LinksAreRelative),
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
    fn missing_document() {
        assert_eq!(
            check(&BrokenLink, &retro("Zie [Wob](../themes/open-wbo.md).\n")),
            [
                "content/retrospectives/2017-11-22-utrecht.md:7:11: link to `content/themes/open-wbo.md`, which does not exist (links are relative to this file, e.g. `../themes/open-wob.md`)"
            ]
        );
    }

    #[test]
    fn existing_targets_external_links_and_anchors_are_fine() {
        let body = "[a](../themes/open-wob.md) [b](../assets/logo.png) [c](https://x.nl) [d](#kop) [e](mailto:a@b.nl)\n";
        assert!(check(&BrokenLink, &retro(body)).is_empty());
    }
}
