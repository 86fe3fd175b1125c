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
        let (folder, name) = file.rsplit_once('/').unwrap_or(("", file));
        let right = |slug: &str| format!("{folder}/{slug}.md");
        if !is_slug(id) {
            out.push(
                Diagnostic::new(Code::InvalidId, file, None, Msg::NotAValidId(id.clone()))
                    .with_help(Msg::RenameFileTo(right(&slugify(id)))),
            );
        } else if !name.ends_with(".md") {
            out.push(
                Diagnostic::new(
                    Code::InvalidId,
                    file,
                    None,
                    Msg::NotMdExtension(name.to_string()),
                )
                .with_help(Msg::RenameTo(right(id))),
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
    use crate::kb::KnowledgeBase;
    use crate::lang::Lang;
    use crate::validate::Context;
    use crate::validate::rules::testing::{TODAY, base, check, with};

    #[test]
    fn uppercase_file_name_is_invalid_with_a_suggestion() {
        let mut files = base();
        files.push(("content/themes/Open_Wob Twee.md", "---\n---\n"));
        assert_eq!(
            check(&InvalidId, &files),
            [
                "content/themes/Open_Wob Twee.md:1:1: `Open_Wob Twee` is not a valid id (ids are lowercase letters, digits and single hyphens: rename the file to `content/themes/open-wob-twee.md`)"
            ]
        );
    }

    /// The help of the one finding for a file at `path`, in Dutch.
    fn dutch_help(path: &'static str) -> String {
        let files = with((path, "---\n---\n"));
        let today = parse_date(TODAY).expect("a date");
        let kb = KnowledgeBase::from_memory(&files, &[], today);
        let mut out = Vec::new();
        for doc in &kb.documents {
            InvalidId.check(&Context { kb: &kb, doc }, &mut out);
        }
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].fixes.is_empty(), "a rename is not a text edit");
        out[0].help.as_ref().expect("help").text(Lang::Nl)
    }

    #[test]
    fn capitals_spaces_and_underscores_show_the_right_path() {
        assert_eq!(
            check(
                &InvalidId,
                &with((
                    "content/retrospectives/2017-09-18 Kick_Off.md",
                    "---\n---\n"
                ))
            ),
            [
                "content/retrospectives/2017-09-18 Kick_Off.md:1:1: `2017-09-18 Kick_Off` is not a valid id (ids are lowercase letters, digits and single hyphens: rename the file to `content/retrospectives/2017-09-18-kick-off.md`)"
            ]
        );
        assert_eq!(
            dutch_help("content/retrospectives/2017-09-18 Kick_Off.md"),
            "een id bestaat uit kleine letters, cijfers en losse streepjes: noem het bestand `content/retrospectives/2017-09-18-kick-off.md`"
        );
    }

    #[test]
    fn an_extension_other_than_md_shows_the_right_path() {
        for path in [
            "content/themes/open-data.MD",
            "content/themes/open-data.markdown",
        ] {
            let name = path.rsplit('/').next().expect("name");
            assert_eq!(
                check(&InvalidId, &with((path, "---\n---\n"))),
                [format!(
                    "{path}:1:1: the file name `{name}` does not end in `.md` (rename the file to `content/themes/open-data.md` (a rename, not a text edit))"
                )]
            );
        }
        assert_eq!(
            dutch_help("content/themes/open-data.MD"),
            "geef het bestand de naam `content/themes/open-data.md` (hernoem het zelf; dit is geen tekstwijziging)"
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
