//! `missing-image`: an image points to a file that exists.

use crate::diag::{Code, Diagnostic};
use crate::msg::Msg;
use crate::validate::links::{Target, exists, resolve};
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct MissingImage;

impl Rule for MissingImage {
    fn code(&self) -> Code {
        Code::MissingImage
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for link in cx.doc.body.links.iter().filter(|l| l.image) {
            let Target::Path { path, .. } = resolve(cx.kb, cx.doc, &link.dest) else {
                continue;
            };
            if path.as_deref().is_some_and(|p| exists(cx.kb, p)) {
                continue;
            }
            let target = path.unwrap_or_else(|| link.dest.clone());
            out.push(
                cx.diag(
                    Code::MissingImage,
                    link.span.clone(),
                    Msg::MissingImage(target.to_string()),
                )
                .with_help(Msg::PutImagesInAssets),
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
    fn missing_and_present_images() {
        assert_eq!(
            check(&MissingImage, &retro("![foto](../assets/groep.jpg)\n")),
            [
                "content/retrospectives/2017-11-22-utrecht.md:7:9: image `content/assets/groep.jpg` does not exist (put images in content/assets/ and link them relative to this file)"
            ]
        );
        assert!(
            check(
                &MissingImage,
                &retro("![logo](../assets/logo.png) ![x](https://x.nl/a.png)\n")
            )
            .is_empty()
        );
    }
}
