//! `invalid-id`: a file name must be a slug; a session's must start with its date.

use crate::diag::{Code, Diagnostic};
use crate::kb::date::parse_date;
use crate::kb::schema::{DocKind, is_slug};
use crate::msg::Msg;
use crate::text::slugify;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct InvalidId;

impl Rule for InvalidId {
    fn code(&self) -> Code {
        Code::InvalidId
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.doc.id;
        let file = cx.kb.path(cx.doc);
        if !is_slug(id) {
            out.push(
                Diagnostic::new(Code::InvalidId, file, None, Msg::NotAValidId(id.clone()))
                    .with_help(Msg::RenameFileTo(slugify(id))),
            );
        } else if cx.doc.kind == DocKind::Session && !starts_with_date(id) {
            out.push(
                Diagnostic::new(
                    Code::InvalidId,
                    file,
                    None,
                    Msg::SessionIdWithoutDate(id.clone()),
                )
                .with_help(Msg::NameSessionFiles),
            );
        }
    }
}

fn starts_with_date(id: &str) -> bool {
    id.get(..10).and_then(parse_date).is_some() && id.len() > 11 && id.as_bytes()[10] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{base, check};

    #[test]
    fn uppercase_file_name_is_invalid_with_a_suggestion() {
        let mut files = base();
        files.push(("content/themes/Open_Wob Twee.md", "---\n---\n"));
        assert_eq!(
            check(&InvalidId, &files),
            [
                "content/themes/Open_Wob Twee.md:1:1: `Open_Wob Twee` is not a valid id (ids are lowercase letters, digits and single hyphens: rename the file to `open-wob-twee.md`)"
            ]
        );
    }

    #[test]
    fn session_ids_start_with_a_date() {
        let mut files = base();
        files.push(("content/sessions/utrecht.md", "---\n---\n"));
        files.push(("content/sessions/2017-13-01-x.md", "---\n---\n"));
        let found = check(&InvalidId, &files);
        assert_eq!(found.len(), 2);
        assert!(found[0].contains("does not start with the session's date"));
    }
}
