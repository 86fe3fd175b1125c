//! Renaming a document's id: the one engine behind the editor server's rename and
//! `pioneers mv`.
//!
//! A rename is planned in memory first ([`plan`]): the file's new path, and for every file
//! that names the id a list of byte-span edits: each front-matter reference of the right type
//! (found along the schema, with its exact span) and each relative body link that resolves
//! to the document. Nothing is written here; [`Plan::texts`] gives every new text, and the
//! caller writes them (the server as one workspace edit, `mv` through temporary files).

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::ops::Range;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context as _, Result, anyhow};

use crate::fix::replace_scalar;
use crate::kb::schema::{Field, FieldType, is_id_of};
use crate::kb::yaml::{Node, Value};
use crate::kb::{DocKind, Document, KnowledgeBase, MAX_FILE_BYTES, access};
use crate::msg::{Localized, Msg};
use crate::validate::links::{Target, resolve};

/// A reference in front matter: a value of a field that holds the id of a `kind` document.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference<'a> {
    /// The field it is in (for a nested mapping, the nested field).
    pub field: &'static Field,
    /// The type of document it names.
    pub kind: DocKind,
    /// The id it names.
    pub id: &'a str,
    /// The scalar, with its span in the file.
    pub node: &'a Node,
}

/// Every reference in `front`, a mapping with `fields`, in document order; nested mappings
/// (a retrospective's speakers) included.
pub fn references<'a>(front: &'a Node, fields: &'static [Field]) -> Vec<Reference<'a>> {
    let mut found = Vec::new();
    collect(front, fields, &mut found);
    found
}

fn collect<'a>(map: &'a Node, fields: &'static [Field], out: &mut Vec<Reference<'a>>) {
    for (key, value) in map.as_mapping().unwrap_or_default() {
        if let Some(field) = fields.iter().find(|f| key.as_str() == Some(f.name)) {
            visit(field, field.ty, value, out);
        }
    }
}

fn visit<'a>(field: &'static Field, ty: FieldType, node: &'a Node, out: &mut Vec<Reference<'a>>) {
    match (ty, &node.value) {
        (FieldType::Ref(kind), Value::Scalar { .. }) => {
            if let Some(id) = node.as_str() {
                out.push(Reference {
                    field,
                    kind,
                    id,
                    node,
                });
            }
        }
        (FieldType::List(item), Value::Sequence(items)) => {
            for node in items {
                visit(field, *item, node, out);
            }
        }
        (FieldType::Object(fields), Value::Mapping(_)) => collect(node, fields, out),
        _ => {}
    }
}

/// One replacement in a file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Byte range in the file's current text.
    pub span: Range<usize>,
    /// What goes there.
    pub replacement: String,
}

/// Everything a rename changes, computed before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The type of the renamed document.
    pub kind: DocKind,
    /// Its id now.
    pub old_id: String,
    /// Its new id.
    pub new_id: String,
    /// Its path now, relative to the root.
    pub from: String,
    /// Its new path: the same folder, the new id.
    pub to: String,
    /// The edits of each file (by its path now), in file order; files without edits are
    /// left out.
    pub edits: BTreeMap<String, Vec<Edit>>,
}

impl Plan {
    /// How many references and links are rewritten.
    pub fn edit_count(&self) -> usize {
        self.edits.values().map(Vec::len).sum()
    }

    /// The new text of every edited file, by its path now, from `kb`'s texts.
    pub fn texts(&self, kb: &KnowledgeBase) -> BTreeMap<String, String> {
        let texts: BTreeMap<&str, &str> = kb
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str()))
            .collect();
        self.edits
            .iter()
            .filter_map(|(path, edits)| {
                let text = *texts.get(path.as_str())?;
                Some((path.clone(), apply(text, edits)))
            })
            .collect()
    }
}

/// `text` with `edits` (sorted, not overlapping) applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut result = text.to_string();
    for edit in edits.iter().rev() {
        if text.get(edit.span.clone()).is_some() {
            result.replace_range(edit.span.clone(), &edit.replacement);
        }
    }
    result
}

/// Whether `new_id` can become the id of the `kind` document `old_id`: a valid id of that
/// type, different, and not taken (also not by an id differing only in case, nor by a file
/// already at the new path).
pub fn check_new_id(
    kb: &KnowledgeBase,
    kind: DocKind,
    old_id: &str,
    new_id: &str,
) -> Result<(), Msg> {
    if !is_id_of(kind, new_id) {
        return Err(Msg::RenameInvalidId {
            id: new_id.to_string(),
            session: kind == DocKind::Session,
        });
    }
    if new_id == old_id {
        return Err(Msg::RenameSameId(new_id.to_string()));
    }
    let taken = kb.index.find(kind, new_id).is_some()
        || kb
            .index
            .first_folded(kind, new_id)
            .and_then(|i| kb.documents.get(i))
            .is_some_and(|d| d.id != old_id);
    if taken {
        return Err(Msg::RenameTaken {
            kind,
            id: new_id.to_string(),
        });
    }
    Ok(())
}

/// Plans renaming the `kind` document `old_id` to `new_id`; an error says why it cannot be
/// done (unknown document, invalid or taken id, a reference written so that it cannot be
/// changed safely).
pub fn plan(kb: &KnowledgeBase, kind: DocKind, old_id: &str, new_id: &str) -> Result<Plan, Msg> {
    let target = kb.get(kind, old_id).ok_or_else(|| Msg::RenameUnknown {
        id: old_id.to_string(),
    })?;
    check_new_id(kb, kind, old_id, new_id)?;
    let from = kb.path(target).to_string();
    let to = sibling(&from, new_id);
    if kb.by_path.contains_key(&to) || kb.other_files.contains(&to) {
        return Err(Msg::RenameTaken {
            kind,
            id: new_id.to_string(),
        });
    }
    let mut edits: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    for doc in &kb.documents {
        let mut found = reference_edits(kb, doc, kind, old_id, new_id)?;
        found.extend(link_edits(kb, doc, target, new_id));
        if !found.is_empty() {
            found.sort_by_key(|e| (e.span.start, e.span.end));
            found.dedup();
            edits.insert(kb.path(doc).to_string(), found);
        }
    }
    Ok(Plan {
        kind,
        old_id: old_id.to_string(),
        new_id: new_id.to_string(),
        from,
        to,
        edits,
    })
}

/// The path of a document named `id` in the folder of `path`.
fn sibling(path: &str, id: &str) -> String {
    match path.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{id}.md"),
        None => format!("{id}.md"),
    }
}

/// The edits of `doc`'s front-matter references to the `kind` document `old_id`.
fn reference_edits(
    kb: &KnowledgeBase,
    doc: &Document,
    kind: DocKind,
    old_id: &str,
    new_id: &str,
) -> Result<Vec<Edit>, Msg> {
    let Some(front) = &doc.front else {
        return Ok(Vec::new());
    };
    let text = kb.text(doc);
    references(front, doc.kind.fields())
        .into_iter()
        .filter(|r| r.kind == kind && r.id == old_id)
        .map(|r| {
            replace_scalar(text, r.node, new_id, true)
                .map(|fix| Edit {
                    span: fix.span,
                    replacement: fix.replacement,
                })
                .or_else(|| quoted_edit(text, r.node, new_id))
                .ok_or_else(|| Msg::RenameCannotEdit {
                    file: kb.path(doc).to_string(),
                    line: crate::diag::position(text, r.node.span.start).line,
                })
        })
        .collect()
}

/// For a plain scalar whose new value YAML would not read as text (`2024`, `true`): the id
/// in double quotes.
fn quoted_edit(text: &str, node: &Node, new_id: &str) -> Option<Edit> {
    let Value::Scalar {
        text: value,
        quoted: false,
    } = &node.value
    else {
        return None;
    };
    (text.get(node.span.clone())? == value).then(|| Edit {
        span: node.span.clone(),
        replacement: format!("\"{new_id}\""),
    })
}

/// The edits of `doc`'s relative body links that resolve to `target`: the file name in each
/// becomes `<new_id>.md`, the rest of the link (folders, `#anchor`) stays.
fn link_edits(kb: &KnowledgeBase, doc: &Document, target: &Document, new_id: &str) -> Vec<Edit> {
    let text = kb.text(doc);
    let target_path = kb.path(target);
    doc.body
        .links
        .iter()
        .filter(|link| {
            matches!(resolve(kb, doc, &link.dest),
                Target::Path { document: Some(d), .. } if kb.path(d) == target_path)
        })
        .filter(|link| text.get(link.span.clone()) == Some(link.dest.as_str()))
        .filter_map(|link| {
            let name = file_name_span(&link.dest)?;
            let start = link.span.start + name.start;
            Some(Edit {
                span: start..link.span.start + name.end,
                replacement: format!("{new_id}.md"),
            })
        })
        .collect()
}

/// The byte range of the file name (the last path segment, before any `?` or `#`) in a
/// link destination; `None` when it is empty.
fn file_name_span(dest: &str) -> Option<Range<usize>> {
    let end = dest.find(['#', '?']).unwrap_or(dest.len());
    let start = dest[..end].rfind('/').map_or(0, |slash| slash + 1);
    (start < end).then_some(start..end)
}

/// The document of `kind` (or of any type when `None`) named by `name`: an id, or a path
/// relative to the root (`content/themes/open-wob.md`). An error when there is none, or
/// when an id names documents of more than one type.
pub fn find<'a>(
    kb: &'a KnowledgeBase,
    kind: Option<DocKind>,
    name: &str,
) -> Result<&'a Document, Msg> {
    let by_path = name.trim_start_matches("./");
    if let Some(doc) = kb.by_path.get(by_path).and_then(|&i| kb.documents.get(i)) {
        return Ok(doc);
    }
    let kinds: Vec<DocKind> = DocKind::ALL
        .into_iter()
        .filter(|k| kind.is_none_or(|wanted| wanted == *k))
        .filter(|k| kb.get(*k, name).is_some())
        .collect();
    match kinds.as_slice() {
        [one] => kb.get(*one, name).ok_or_else(|| Msg::RenameUnknown {
            id: name.to_string(),
        }),
        [] => Err(Msg::RenameUnknown {
            id: name.to_string(),
        }),
        many => Err(Msg::RenameAmbiguous {
            id: name.to_string(),
            kinds: many.to_vec(),
        }),
    }
}

/// Carries out `plan` on the files under `root`, which `kb` was loaded from: every new
/// text is written to a temporary file beside its file first (refused, with nothing
/// changed, when a file no longer holds what was read); then the document is moved (`git mv`
/// when git tracks it, else a plain rename, never over an existing file); then each
/// temporary file takes its file's place, the renamed one's at its new path.
pub fn carry_out(root: &Path, kb: &KnowledgeBase, plan: &Plan) -> Result<()> {
    let texts = plan.texts(kb);
    let originals: BTreeMap<&str, &str> = kb
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.text.as_str()))
        .collect();
    let mut staged = Vec::with_capacity(texts.len());
    for (path, text) in &texts {
        let on_disk = access::read(root, path, MAX_FILE_BYTES)
            .map_err(|denied| anyhow!("cannot read {path}: {denied}"))?;
        if originals.get(path.as_str()).map(|t| t.as_bytes()) != Some(on_disk.as_slice()) {
            return Err(Localized(Msg::MvChanged(path.clone())).into());
        }
        let destination = if *path == plan.from { &plan.to } else { path };
        staged.push((stage(root, path, text)?, destination));
    }
    move_file(root, &plan.from, &plan.to)?;
    for (temporary, destination) in staged {
        let target = root.join(destination);
        temporary
            .persist(&target)
            .map_err(|e| anyhow!("cannot write {destination}: {}", e.error))?;
    }
    Ok(())
}

/// `text` in a temporary file beside `root/rel`, with its permissions.
fn stage(root: &Path, rel: &str, text: &str) -> Result<tempfile::NamedTempFile> {
    let path = root.join(rel);
    let folder = path
        .parent()
        .ok_or_else(|| anyhow!("{rel} has no folder"))?;
    let permissions = fs::metadata(&path)?.permissions();
    let mut temporary = tempfile::Builder::new()
        .prefix(".pioneers-mv-")
        .tempfile_in(folder)
        .with_context(|| format!("cannot write beside {rel}"))?;
    temporary.write_all(text.as_bytes())?;
    temporary.as_file().sync_all()?;
    fs::set_permissions(temporary.path(), permissions)?;
    Ok(temporary)
}

/// Moves `root/from` to `root/to`: `git mv` when git tracks the file, else a rename;
/// refused when something is at `to` already.
fn move_file(root: &Path, from: &str, to: &str) -> Result<()> {
    let target = root.join(to);
    if fs::symlink_metadata(&target).is_ok() {
        return Err(anyhow!("cannot move {from} to {to}: {to} exists"));
    }
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
    };
    let tracked = git(&["ls-files", "--error-unmatch", "--", from])
        .is_ok_and(|output| output.status.success());
    if tracked {
        let output = git(&["mv", "--", from, to]).context("cannot run git mv")?;
        if !output.status.success() {
            let message = String::from_utf8_lossy(&output.stderr);
            return Err(anyhow!("git mv {from} {to}: {}", message.trim()));
        }
        return Ok(());
    }
    fs::rename(root.join(from), &target).with_context(|| format!("cannot move {from} to {to}"))
}

/// A unified diff of one file's rename edits (`b/` at the file's new path), with control
/// characters escaped.
pub fn diff(path: &str, new_path: &str, before: &str, after: &str) -> String {
    let diff = similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{new_path}"))
        .to_string();
    crate::text::escape_control_keep_lines(&diff).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::date::parse_date;

    fn kb(files: &[(&str, &str)]) -> KnowledgeBase {
        KnowledgeBase::from_memory(files, &[], parse_date("2020-01-01").expect("date"))
    }

    const UTRECHT: (&str, &str) = (
        "content/organisations/utrecht.md",
        "---\nname: Utrecht\nkind: municipality\n---\nDomstad.\n",
    );

    #[test]
    fn rewrites_references_by_span_and_links_by_file_name() {
        let kb = kb(&[
            UTRECHT,
            (
                "content/themes/open-wob.md",
                "---\ntitle: T\nsummary: S\ncarriers: [utrecht, 'utrecht2']\n---\nZie [U](../organisations/utrecht.md#top) en [x](utrecht.md).\n",
            ),
            (
                "content/retrospectives/2017-01-01-a.md",
                "---\ntitle: R\nsession: 2017-01-01-a\npublished: 2017-01-02\nauthors: [A]\nspeakers:\n  - name: B\n    organisation: \"utrecht\"\n---\nx\n",
            ),
        ]);
        let plan = plan(&kb, DocKind::Organisation, "utrecht", "gemeente-utrecht").expect("plan");
        assert_eq!(plan.to, "content/organisations/gemeente-utrecht.md");
        assert_eq!(plan.edit_count(), 3);
        let texts = plan.texts(&kb);
        assert_eq!(
            texts["content/themes/open-wob.md"],
            "---\ntitle: T\nsummary: S\ncarriers: [gemeente-utrecht, 'utrecht2']\n---\nZie [U](../organisations/gemeente-utrecht.md#top) en [x](utrecht.md).\n"
        );
        assert!(
            texts["content/retrospectives/2017-01-01-a.md"]
                .contains("organisation: \"gemeente-utrecht\"")
        );
    }

    #[test]
    fn refuses_invalid_same_or_taken_ids() {
        let kb = kb(&[
            UTRECHT,
            (
                "content/organisations/zwolle.md",
                "---\nname: Z\nkind: other\n---\n",
            ),
        ]);
        let refused = |new: &str| plan(&kb, DocKind::Organisation, "utrecht", new).err();
        assert!(matches!(
            refused("Utrecht"),
            Some(Msg::RenameInvalidId { .. })
        ));
        assert!(matches!(refused("utrecht"), Some(Msg::RenameSameId(_))));
        assert!(matches!(refused("zwolle"), Some(Msg::RenameTaken { .. })));
        assert!(matches!(
            plan(&kb, DocKind::Theme, "utrecht", "x"),
            Err(Msg::RenameUnknown { .. })
        ));
    }

    #[test]
    fn a_new_id_that_yaml_reads_as_a_number_is_quoted() {
        let kb = kb(&[
            UTRECHT,
            (
                "content/themes/t.md",
                "---\ntitle: T\nsummary: S\ncarriers:\n  - utrecht\n---\n",
            ),
        ]);
        let plan = plan(&kb, DocKind::Organisation, "utrecht", "030").expect("plan");
        assert!(plan.texts(&kb)["content/themes/t.md"].contains("  - \"030\"\n"));
    }

    #[test]
    fn finds_by_path_or_by_id_and_refuses_an_ambiguous_id() {
        let kb = kb(&[
            (
                "content/sessions/2017-01-01-a.md",
                "---\ntitle: S\ndate: 2017-01-01\ncity: C\nhosts: [x]\n---\n",
            ),
            (
                "content/retrospectives/2017-01-01-a.md",
                "---\ntitle: R\nsession: 2017-01-01-a\npublished: 2017-01-02\nauthors: [A]\n---\nx\n",
            ),
        ]);
        assert!(matches!(
            find(&kb, None, "2017-01-01-a"),
            Err(Msg::RenameAmbiguous { .. })
        ));
        let session = find(&kb, Some(DocKind::Session), "2017-01-01-a").expect("session");
        assert_eq!(session.kind, DocKind::Session);
        let retro = find(&kb, None, "content/retrospectives/2017-01-01-a.md").expect("path");
        assert_eq!(retro.kind, DocKind::Retrospective);
    }

    #[test]
    fn file_names_in_links() {
        assert_eq!(file_name_span("../a/b.md#x"), Some(5..9));
        assert_eq!(file_name_span("b.md"), Some(0..4));
        assert_eq!(file_name_span("../a/"), None);
    }
}
