//! `validate --changed-since REV`: the diagnostics of changed files, plus those that changes
//! caused in other documents that refer to a changed document or file.

use std::collections::{BTreeSet, HashSet};

use super::links::{Target, resolve};
use super::visit::values;
use crate::diag::Diagnostic;
use crate::kb::schema::{DocKind, FieldType};
use crate::kb::{Document, KnowledgeBase};

/// Keeps what `changed` (paths relative to the root) explains; returns the kept
/// diagnostics and the files they were chosen from.
pub fn select(
    kb: &KnowledgeBase,
    diagnostics: Vec<Diagnostic>,
    changed: &BTreeSet<String>,
) -> (Vec<Diagnostic>, BTreeSet<String>) {
    let changed_ids: HashSet<(DocKind, &str)> = changed.iter().filter_map(|p| id_of(p)).collect();
    let referring: BTreeSet<String> = kb
        .documents
        .iter()
        .filter(|doc| refers_to(kb, doc, &changed_ids, changed))
        .map(|doc| kb.path(doc).to_string())
        .filter(|path| !changed.contains(path))
        .collect();
    let kept = diagnostics
        .into_iter()
        .filter(|d| {
            changed.contains(&d.file) || (d.code.is_cross_document() && referring.contains(&d.file))
        })
        .collect();
    let files = changed
        .iter()
        .filter(|p| kb.by_path.contains_key(*p) || kb.files.iter().any(|f| &f.path == *p))
        .cloned()
        .chain(referring)
        .collect();
    (kept, files)
}

/// The type and id of a document path: `content/<folder>/…/<id>.md`.
fn id_of(path: &str) -> Option<(DocKind, &str)> {
    let rest = path.strip_prefix("content/")?;
    let (folder, rest) = rest.split_once('/')?;
    let file = rest.rsplit('/').next()?;
    Some((DocKind::from_folder(folder)?, file.strip_suffix(".md")?))
}

fn refers_to(
    kb: &KnowledgeBase,
    doc: &Document,
    ids: &HashSet<(DocKind, &str)>,
    paths: &BTreeSet<String>,
) -> bool {
    let mut found = false;
    if let Some(front) = &doc.front {
        values(front, doc.kind.fields(), &mut |_, ty, node| {
            if let (FieldType::Ref(kind), Some(id)) = (ty, node.as_str()) {
                found |= ids.contains(&(kind, id));
            }
        });
    }
    found
        || doc
            .body
            .links
            .iter()
            .any(|link| match resolve(kb, doc, &link.dest) {
                Target::Path {
                    path: Some(path), ..
                } => paths.contains(&path),
                _ => false,
            })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::kb::date::parse_date;

    #[test]
    fn ids_of_paths() {
        assert_eq!(
            id_of("content/themes/open-wob.md"),
            Some((DocKind::Theme, "open-wob"))
        );
        assert_eq!(
            id_of("content/themes/sub/x.md"),
            Some((DocKind::Theme, "x"))
        );
        assert_eq!(id_of("content/assets/x.png"), None);
        assert_eq!(id_of("README.md"), None);
    }

    #[test]
    fn a_deleted_organisation_reaches_the_themes_that_carry_it() {
        let files = [
            (
                "content/themes/t.md",
                "---\ntitle: T\nsummary: S\ncarriers: [gone]\nstauts: x\n---\n",
            ),
            (
                "content/themes/u.md",
                "---\ntitle: U\nsummary: S\ncarriers: [other]\n---\n",
            ),
        ];
        let kb = KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"));
        let all = crate::validate::validate(&kb);
        let changed: BTreeSet<String> = ["content/organisations/gone.md".to_string()].into();
        let (kept, files) = select(&kb, all, &changed);
        let codes: Vec<_> = kept.iter().map(|d| (d.file.as_str(), d.code)).collect();
        assert_eq!(codes, [("content/themes/t.md", Code::UnknownReference)]);
        assert!(files.contains("content/themes/t.md"));
    }
}
