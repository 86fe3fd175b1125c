//! One document as `show` prints it: its record with the derived fields, as JSON with the
//! body, or as readable text with notes on what is derived or missing.

use std::io::{self, Write};

use super::Record;
use super::output::write_show;
use super::record::record;
use crate::kb::{Data, DocKind, Document, KnowledgeBase, Relation};

/// The record of `doc` with its body under `body`.
pub fn json(kb: &KnowledgeBase, doc: &Document) -> Record {
    let mut rec = record(kb, doc);
    rec.insert("body".into(), body(kb, doc).into());
    rec
}

/// Writes `doc` as text: a derived theme status says so, and an organisation that carries
/// no theme says that too.
pub fn write_text(out: &mut dyn Write, kb: &KnowledgeBase, doc: &Document) -> io::Result<()> {
    let mut rec = record(kb, doc);
    if let (Data::Theme(theme), Some(status)) =
        (&doc.data, rec.get("status").and_then(|v| v.as_str()))
        && theme.status.is_none()
    {
        let derived = format!("{status} (derived from the sessions)");
        rec.insert("status".into(), derived.into());
    }
    let mut notes = Vec::new();
    if doc.kind == DocKind::Organisation && kb.referrers(Relation::Carries, &doc.id).len() == 0 {
        notes.push(("carries", "nothing yet".to_string()));
    }
    write_show(out, doc.kind, &rec, &notes, body(kb, doc))
}

fn body<'a>(kb: &'a KnowledgeBase, doc: &Document) -> &'a str {
    kb.text(doc).get(doc.body_range.clone()).unwrap_or("")
}
