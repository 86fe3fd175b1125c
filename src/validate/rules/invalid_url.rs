//! `invalid-url`: URLs are absolute http or https addresses.

use crate::diag::{Code, Diagnostic};
use crate::kb::schema::{FieldType, is_web_url};
use crate::msg::Msg;
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct InvalidUrl;

impl Rule for InvalidUrl {
    fn code(&self) -> Code {
        Code::InvalidUrl
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            let (FieldType::Url, Some(value)) = (ty, node.as_str()) else {
                return;
            };
            if is_web_url(value) {
                return;
            }
            let help = if value.contains("://") || value.contains(char::is_whitespace) {
                Msg::UseWebAddress
            } else {
                Msg::WriteWholeAddress(value.to_string())
            };
            out.push(
                cx.diag(
                    Code::InvalidUrl,
                    node.span.clone(),
                    Msg::InvalidUrl {
                        name: field.name,
                        value: value.to_string(),
                    },
                )
                .with_help(help),
            );
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn web_urls() {
        assert!(is_web_url("https://www.schiedam.nl"));
        assert!(is_web_url("http://localhost:8080/a?b#c"));
        assert!(is_web_url("https://café.nl/één?x=<y>"));
        assert!(is_web_url("https://a@b@host.nl"));
        assert!(is_web_url("http://[::1]:80"));
        for bad in [
            "www.schiedam.nl",
            "ftp://x.nl",
            "https://",
            "https://a b.nl",
            "javascript:alert(1)",
            "https:///x",
            "https://:80",
            "https://a,b.nl",
            "https://user@",
            "https://x.nl/a\u{a0}b",
            "https://x.nl/\u{1b}",
            "HTTPS://x.nl",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn address_without_scheme_gets_help() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: U\nkind: municipality\nwebsite: www.utrecht.nl\n---\n",
        ));
        assert_eq!(
            check(&InvalidUrl, &files),
            [
                "content/organisations/utrecht.md:4:10: `website` is not an absolute http(s) URL: `www.utrecht.nl` (write the whole address: `https://www.utrecht.nl`)"
            ]
        );
    }
}
