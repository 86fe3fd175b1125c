//! `duplicate-id`: two documents of one type may not share an id, even differing in case.

use crate::diag::{Code, Diagnostic};
use crate::msg::Msg;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct DuplicateId;

impl Rule for DuplicateId {
    fn code(&self) -> Code {
        Code::DuplicateId
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(first) = cx.kb.index.first_folded(cx.doc.kind, &cx.doc.id) else {
            return;
        };
        let Some(other) = cx.kb.documents.get(first) else {
            return;
        };
        if std::ptr::eq(other, cx.doc) {
            return;
        }
        out.push(
            Diagnostic::new(
                Code::DuplicateId,
                cx.kb.path(cx.doc),
                None,
                Msg::DuplicateId {
                    kind: cx.doc.kind,
                    id: cx.doc.id.clone(),
                    other: cx.kb.path(other).to_string(),
                    case_only: other.id != cx.doc.id,
                },
            )
            .with_help(Msg::RenameOneOfTwo),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{base, check};

    #[test]
    fn same_id_in_a_subfolder_and_case_variants_are_duplicates() {
        let mut files = base();
        files.push(("content/themes/oud/open-wob.md", "---\n---\n"));
        files.push(("content/themes/Open-Wob.md", "---\n---\n"));
        let found = check(&DuplicateId, &files);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|f| f.contains("differs only in case")));
        assert!(found.iter().any(|f| f.contains("has the same id")));
    }

    #[test]
    fn the_same_id_in_another_type_is_fine() {
        let mut files = base();
        files.push(("content/themes/utrecht.md", "---\n---\n"));
        assert!(check(&DuplicateId, &files).is_empty());
    }
}
