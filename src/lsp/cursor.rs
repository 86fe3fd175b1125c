//! What is at a place in a document: a reference, a key, a body link, the document's own
//! name; what hover, definition, references and rename start from.

use crate::kb::markdown::BodyLink;
use crate::kb::schema::{Field, FieldType};
use crate::kb::yaml::{Node, Value};
use crate::kb::{Document, KnowledgeBase};
use crate::rename::{Reference, references};
use crate::validate::links::{Target, resolve};

/// What the cursor is on.
#[derive(Debug)]
pub enum At<'a> {
    /// A reference in the front matter.
    Reference(Reference<'a>),
    /// A key of the front matter.
    Key(&'static Field, &'a Node),
    /// A link in the body.
    Link(&'a BodyLink),
    /// The opening `---` line or the value of the title: the document itself.
    Itself,
    /// Anything else.
    Nothing,
}

/// What is at byte `offset` of `doc` (both ends of a span count, so a cursor just after a
/// word is still on it).
pub fn at(doc: &Document, offset: usize) -> At<'_> {
    let on = |span: &std::ops::Range<usize>| span.start <= offset && offset <= span.end;
    if let Some(front) = &doc.front {
        if let Some(reference) = references(front, doc.kind.fields())
            .into_iter()
            .find(|r| on(&r.node.span))
        {
            return At::Reference(reference);
        }
        if let Some((field, key)) = keys(front, doc.kind.fields())
            .into_iter()
            .find(|(_, key)| on(&key.span))
        {
            return At::Key(field, key);
        }
        if front
            .get(doc.kind.title_field())
            .is_some_and(|title| on(&title.span))
        {
            return At::Itself;
        }
    }
    if let Some(link) = doc.body.links.iter().find(|l| on(&l.span)) {
        return At::Link(link);
    }
    if on(&doc.opening) && !doc.opening.is_empty() {
        return At::Itself;
    }
    At::Nothing
}

/// Every key of the front matter that the schema knows, with its field, nested mappings
/// included.
pub fn keys<'a>(front: &'a Node, fields: &'static [Field]) -> Vec<(&'static Field, &'a Node)> {
    let mut found = Vec::new();
    collect_keys(front, fields, &mut found);
    found
}

fn collect_keys<'a>(
    map: &'a Node,
    fields: &'static [Field],
    out: &mut Vec<(&'static Field, &'a Node)>,
) {
    for (key, value) in map.as_mapping().unwrap_or_default() {
        let Some(field) = fields.iter().find(|f| key.as_str() == Some(f.name)) else {
            continue;
        };
        out.push((field, key));
        let nested = match field.ty {
            FieldType::Object(nested) => Some(nested),
            FieldType::List(FieldType::Object(nested)) => Some(*nested),
            _ => None,
        };
        let Some(nested) = nested else { continue };
        match &value.value {
            Value::Mapping(_) => collect_keys(value, nested, out),
            Value::Sequence(items) => {
                for item in items {
                    collect_keys(item, nested, out);
                }
            }
            Value::Scalar { .. } => {}
        }
    }
}

/// The document a body link in `doc` points to, and its anchor.
pub fn link_target<'a>(
    kb: &'a KnowledgeBase,
    doc: &Document,
    link: &BodyLink,
) -> Option<(&'a Document, Option<String>)> {
    match resolve(kb, doc, &link.dest) {
        Target::Path {
            document: Some(target),
            anchor,
            ..
        } => Some((target, anchor)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::DocKind;

    #[test]
    fn finds_references_keys_links_and_the_document_itself() {
        let text = "---\ntitle: T\nsummary: S\ncarriers: [utrecht]\n---\n[a](b.md)\n";
        let kb = KnowledgeBase::from_memory(
            &[("content/themes/t.md", text)],
            &[],
            crate::kb::date::parse_date("2020-01-01").expect("date"),
        );
        let doc = kb.get(DocKind::Theme, "t").expect("theme");
        let offset = |needle: &str| text.find(needle).expect("needle");
        assert!(matches!(at(doc, offset("utrecht") + 2), At::Reference(r) if r.id == "utrecht"));
        assert!(matches!(at(doc, offset("carriers")), At::Key(f, _) if f.name == "carriers"));
        assert!(matches!(at(doc, offset("b.md")), At::Link(l) if l.dest == "b.md"));
        assert!(matches!(at(doc, 0), At::Itself));
        assert!(matches!(at(doc, offset("T\n")), At::Itself));
        assert!(matches!(at(doc, offset(" S")), At::Nothing));
    }
}
