//! `pioneers new <type>`: writes a document that validates as written, at the right path,
//! atomically, and never over an existing file.

use crate::msg::{Localized, Msg};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{Context, Result};

use super::yaml_out::{flow_list, scalar};
use crate::diag::{Diagnostic, Severity};
use crate::kb::KnowledgeBase;
use crate::kb::date::format_date;
use crate::kb::schema::{DocKind, Field, FieldType, is_id_of};
use crate::text::{escape_control, slugify};

/// The document to write: its type and the values given for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    /// The type of document.
    pub kind: DocKind,
    /// The id, instead of the one made from the name or title.
    pub id: Option<String>,
    /// The Markdown body.
    pub body: Option<String>,
    /// The fields given, in schema order: list items one by one; objects as
    /// `part; part; part` in field order.
    pub values: Vec<(&'static str, Vec<String>)>,
}

/// What `new` decided, for the caller to report.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written at this path, relative to the root.
    Written(String),
    /// Required fields are missing and could not be asked for (exit 2).
    Missing(Vec<&'static str>),
    /// Not written: the file exists or the document would not validate (exit 1). The text
    /// is the document as it would have been, for quoting the diagnostics.
    Refused(String, Vec<Diagnostic>, String),
    /// Not written, with a reason (exit 1).
    Exists(String),
    /// Not written: a given reference names no document (exit 1). Checked before
    /// anything else, so that a typo in `--session` is what the user hears about.
    UnknownReferences(Vec<UnknownReference>),
}

/// A value given for a reference field that names no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownReference {
    /// The field (its flag is `--<field>` with `-` for `_`).
    pub field: &'static str,
    /// The type it refers to.
    pub kind: DocKind,
    /// The id given.
    pub id: String,
    /// The closest existing id, if one is close.
    pub closest: Option<String>,
}

/// Where the values come from when a required one is missing.
pub enum Prompt<'a> {
    /// Standard input is not a terminal: do not ask.
    Never,
    /// Ask on `output`, read answers from `input`.
    Ask {
        /// Where answers come from.
        input: &'a mut dyn BufRead,
        /// Where questions go.
        output: &'a mut dyn Write,
    },
}

/// Builds, checks and writes the document `args` describes in `kb`.
pub fn new_document(
    kb: &mut KnowledgeBase,
    args: &NewDocument,
    prompt: Prompt<'_>,
) -> Result<Outcome> {
    let kind = args.kind;
    let mut values: HashMap<&'static str, Vec<String>> = args.values.iter().cloned().collect();
    let unknown = unknown_references(kb, kind, &values);
    if !unknown.is_empty() {
        return Ok(Outcome::UnknownReferences(unknown));
    }
    fill_defaults(kb, kind, &mut values);
    let missing: Vec<&'static str> = missing(kind, &values);
    if !missing.is_empty() {
        let Prompt::Ask { input, output } = prompt else {
            return Ok(Outcome::Missing(missing));
        };
        for name in missing {
            let answer = ask(name, input, output)?;
            if !answer.is_empty() {
                values.insert(name, answer);
            }
        }
        fill_defaults(kb, kind, &mut values);
        let still = self::missing(kind, &values);
        if !still.is_empty() {
            return Ok(Outcome::Missing(still));
        }
    }
    let id = match &args.id {
        Some(id) => id.clone(),
        None => make_id(kind, &values),
    };
    check_id(kind, &id, args.id.is_some())?;
    let rel = format!("content/{}/{id}.md", kind.folder());
    if kb.root.join(&rel).exists() || kb.by_path.contains_key(&rel) {
        return Ok(Outcome::Exists(rel));
    }
    let text = render(kind, &values, args.body.as_deref());
    let errors = check(kb, &rel, kind, &text);
    if !errors.is_empty() {
        return Ok(Outcome::Refused(rel, errors, text));
    }
    write_new(&kb.root.join(&rel), &text)?;
    Ok(Outcome::Written(rel))
}

/// Refuses (exit 2) an id that is not one file name in its type's folder: a slug, and for
/// a session `YYYY-MM-DD-<slug>`. This is what keeps `--id ../../x` or a title of only
/// punctuation from writing anywhere but `content/<type>/<id>.md`.
fn check_id(kind: DocKind, id: &str, given: bool) -> Result<()> {
    if is_id_of(kind, id) {
        return Ok(());
    }
    let session = kind == DocKind::Session;
    let id = escape_control(id).into_owned();
    let message = if given {
        Msg::NewIdNotValid { id, session }
    } else {
        Msg::NewIdNotMade { id, session }
    };
    Err(Localized(message).into())
}

/// The given values of reference fields that name no document, in field order.
fn unknown_references(
    kb: &KnowledgeBase,
    kind: DocKind,
    values: &HashMap<&'static str, Vec<String>>,
) -> Vec<UnknownReference> {
    let mut unknown = Vec::new();
    for field in kind.fields() {
        let target = match field.ty {
            FieldType::Ref(target) | FieldType::List(&FieldType::Ref(target)) => target,
            _ => continue,
        };
        for id in values.get(field.name).into_iter().flatten() {
            if id.trim().is_empty() || kb.get(target, id).is_some() {
                continue;
            }
            let ids = kb.index.ids(target).iter().map(String::as_str);
            unknown.push(UnknownReference {
                field: field.name,
                kind: target,
                id: id.clone(),
                closest: crate::suggest::closest(id, ids).map(str::to_string),
            });
        }
    }
    unknown
}

/// A retrospective is published today and titled after its session.
fn fill_defaults(
    kb: &KnowledgeBase,
    kind: DocKind,
    values: &mut HashMap<&'static str, Vec<String>>,
) {
    if kind != DocKind::Retrospective {
        return;
    }
    values
        .entry("published")
        .or_insert_with(|| vec![format_date(kb.today)]);
    if !values.contains_key("title")
        && let Some(session) = values
            .get("session")
            .and_then(|s| s.first())
            .and_then(|id| kb.session(id))
    {
        values.insert("title", vec![format!("Terugblik: {}", session.title)]);
    }
}

fn missing(kind: DocKind, values: &HashMap<&'static str, Vec<String>>) -> Vec<&'static str> {
    kind.fields()
        .iter()
        .filter(|f| f.required)
        .filter(|f| {
            values
                .get(f.name)
                .is_none_or(|v| v.iter().all(|s| s.trim().is_empty()))
        })
        .map(|f| f.name)
        .collect()
}

fn ask(name: &str, input: &mut dyn BufRead, output: &mut dyn Write) -> Result<Vec<String>> {
    write!(output, "{name}: ")?;
    output.flush()?;
    let mut line = String::new();
    input
        .read_line(&mut line)
        .context("cannot read the answer")?;
    Ok(line
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// The id: a retrospective takes its session's, a session is `<date>-<slug of title>`,
/// the others the slug of their name or title.
fn make_id(kind: DocKind, values: &HashMap<&'static str, Vec<String>>) -> String {
    let first = |key: &str| {
        values
            .get(key)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    };
    match kind {
        DocKind::Session => format!("{}-{}", first("date"), slugify(&first("title"))),
        DocKind::Retrospective => first("session"),
        _ => slugify(&first(kind.title_field())),
    }
}

/// The document's text: front matter in schema order, then the body.
pub fn render(
    kind: DocKind,
    values: &HashMap<&'static str, Vec<String>>,
    body: Option<&str>,
) -> String {
    let mut text = String::from("---\n");
    for field in kind.fields() {
        if let Some(value) = values.get(field.name) {
            text.push_str(&render_field(field, value));
        }
    }
    text.push_str("---\n");
    match (body, kind) {
        (Some(body), _) => {
            text.push_str(body.trim_end());
            text.push('\n');
        }
        (None, DocKind::Retrospective) => text.push_str(&crate::kb::retrospective_skeleton()),
        (None, _) => {}
    }
    text
}

fn render_field(field: &Field, value: &[String]) -> String {
    let name = field.name;
    match field.ty {
        FieldType::List(FieldType::Object(parts)) => {
            let mut out = format!("{name}:\n");
            for entry in value {
                let mut first = true;
                for (part, text) in parts.iter().zip(entry.split(';').map(str::trim)) {
                    if text.is_empty() {
                        continue;
                    }
                    let lead = if first { "  - " } else { "    " };
                    out.push_str(&format!("{lead}{}: {}\n", part.name, scalar(text)));
                    first = false;
                }
            }
            out
        }
        FieldType::List(_) => format!("{name}: {}\n", flow_list(value)),
        FieldType::Bool => format!(
            "{name}: {}\n",
            value.first().map_or("false", String::as_str)
        ),
        _ => format!(
            "{name}: {}\n",
            scalar(value.first().map_or("", String::as_str))
        ),
    }
}

/// The errors the new document would have, with everything else loaded.
fn check(kb: &mut KnowledgeBase, rel: &str, kind: DocKind, text: &str) -> Vec<Diagnostic> {
    match kb.add_document(rel, kind, text.to_string()) {
        Err(diagnostics) => diagnostics,
        Ok(position) => {
            let Some(doc) = kb.documents.get(position) else {
                return Vec::new();
            };
            crate::validate::check_document(kb, doc)
                .into_iter()
                .filter(|d| d.severity() == Severity::Error)
                .collect()
        }
    }
}

/// Writes `text` to `path` atomically and never over an existing file: a temporary file
/// with an unpredictable name, created exclusively beside the target (so a planted symbolic
/// link cannot redirect it), then moved into place without replacing anything that is there.
/// The folders on the way must not be symbolic links.
pub fn write_new(path: &Path, text: &str) -> Result<()> {
    let dir = path.parent().context("a document path has a folder")?;
    create_real_dirs(dir)?;
    let mut temp =
        temp_file_in(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", temp.path().display()))?;
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Localized(Msg::NewAppeared(path.display().to_string())).into())
        }
        Err(e) => Err(e.error).with_context(|| format!("cannot write {}", path.display())),
    }
}

/// A new, empty temporary file in `dir`, readable like any other file the user writes.
fn temp_file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pioneers-new-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Like `std::fs::write`: 0666 less the umask, instead of tempfile's private 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Creates `dir` (`content/<type>`) and `content/` if they are missing, after making sure
/// neither is a symbolic link: a link planted there would make `new` write outside the
/// knowledge base. Above them is the root the user chose.
fn create_real_dirs(dir: &Path) -> Result<()> {
    for folder in [Some(dir), dir.parent()].into_iter().flatten() {
        match std::fs::symlink_metadata(folder) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(Localized(Msg::NewFolderIsLink(folder.display().to_string())).into());
            }
            Ok(meta) if !meta.is_dir() => {
                return Err(Localized(Msg::NewNotAFolder(folder.display().to_string())).into());
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", folder.display())),
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&'static str, &[&str])]) -> HashMap<&'static str, Vec<String>> {
        pairs
            .iter()
            .map(|(k, v)| (*k, v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn ids_follow_the_design() {
        assert_eq!(
            make_id(
                DocKind::Organisation,
                &values(&[("name", &["Gemeente Zwolle"])])
            ),
            "gemeente-zwolle"
        );
        assert_eq!(
            make_id(DocKind::Theme, &values(&[("title", &["Één café"])])),
            "een-cafe"
        );
        assert_eq!(
            make_id(
                DocKind::Session,
                &values(&[("title", &["Sessie Zwolle"]), ("date", &["2027-03-14"])])
            ),
            "2027-03-14-sessie-zwolle"
        );
        assert_eq!(
            make_id(
                DocKind::Retrospective,
                &values(&[("session", &["2017-09-18-x"])])
            ),
            "2017-09-18-x"
        );
    }

    #[test]
    fn renders_fields_in_schema_order_with_lists_and_entries() {
        let text = render(
            DocKind::Retrospective,
            &values(&[
                ("authors", &["Ana de Vries"]),
                ("title", &["Terugblik: x"]),
                (
                    "speakers",
                    &[
                        "Marlies van den Hende; directeur; schiedam",
                        "Donovan;; utrecht",
                    ],
                ),
                ("session", &["2017-09-18-x"]),
            ]),
            None,
        );
        assert!(text.starts_with("---\ntitle: \"Terugblik: x\"\nsession: 2017-09-18-x\nauthors: [Ana de Vries]\nspeakers:\n  - name: Marlies van den Hende\n    role: directeur\n    organisation: schiedam\n  - name: Donovan\n    organisation: utrecht\n---\n## Wat er gebeurde"), "{text}");
    }

    #[test]
    fn asks_for_missing_fields() {
        let mut input = std::io::Cursor::new("Zwolle\n");
        let mut output = Vec::new();
        assert_eq!(
            ask("city", &mut input, &mut output).expect("answer"),
            ["Zwolle"]
        );
        assert_eq!(String::from_utf8_lossy(&output), "city: ");
    }

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a/b.md");
        write_new(&path, "one").expect("first write");
        assert!(write_new(&path, "two").is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "one");
        let left: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .expect("dir")
            .collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }
}
