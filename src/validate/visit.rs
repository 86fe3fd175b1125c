//! Walks front matter along the schema, so each type rule looks only at what it checks.

use crate::kb::schema::{Field, FieldType};
use crate::kb::yaml::{Node, Value};

/// What [`mappings`] calls: the mapping's fields, the mapping, and the field it is in.
pub type MappingVisitor<'a> = dyn FnMut(&'static [Field], &Node, Option<&'static str>) + 'a;

/// Calls `f` with the field, expected type and node of every non-null value the schema
/// knows, descending into lists and mappings only where their shape is right. Empty list
/// items ([`is_empty_item`]) are skipped: `missing-field` reports them, once.
pub fn values(map: &Node, fields: &'static [Field], f: &mut dyn FnMut(&Field, FieldType, &Node)) {
    for (key, value) in map.as_mapping().unwrap_or_default() {
        let Some(field) = fields.iter().find(|field| key.as_str() == Some(field.name)) else {
            continue;
        };
        visit(field, field.ty, value, f);
    }
}

fn visit(field: &Field, ty: FieldType, node: &Node, f: &mut dyn FnMut(&Field, FieldType, &Node)) {
    if node.is_null() {
        return;
    }
    f(field, ty, node);
    match (ty, &node.value) {
        (FieldType::List(item), Value::Sequence(items)) => {
            for node in items.iter().filter(|node| !is_empty_item(node)) {
                visit(field, *item, node, f);
            }
        }
        (FieldType::Object(fields), Value::Mapping(_)) => values(node, fields, f),
        _ => {}
    }
}

/// Calls `f` with every mapping in the front matter that has fields of its own (the root
/// and the objects in lists), with those fields and the name of the field it is in
/// (`None` for the root).
pub fn mappings(root: &Node, fields: &'static [Field], f: &mut MappingVisitor<'_>) {
    if root.as_mapping().is_none() {
        return;
    }
    f(fields, root, None);
    values(root, fields, &mut |field, ty, node| {
        if let FieldType::Object(fields) = ty
            && node.as_mapping().is_some()
        {
            f(fields, node, Some(field.name));
        }
    });
}

/// Whether a list item is empty: null (`~`, `null`, nothing after `-`) or text of only
/// spaces. An empty item is an error, never silently dropped.
pub fn is_empty_item(node: &Node) -> bool {
    node.is_null() || matches!(&node.value, Value::Scalar { text, .. } if text.trim().is_empty())
}
