//! `duplicate-item`: a list names the same item twice. References are the same when they
//! are the same text (`carriers: [utrecht, utrecht]`); tags when they would be the same tag
//! page (`tags: [Open, open]` are both `tags/open.html`, which would list the document
//! twice). Which lists are checked, and how, is each field's [`Unique`].

use crate::msg::Msg;
use std::collections::HashMap;

use crate::diag::{Code, Diagnostic};
use crate::kb::schema::{Field, Unique, tag_slug};
use crate::kb::yaml::Node;
use crate::validate::visit::{is_empty_item, mappings};
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct DuplicateItem;

impl Rule for DuplicateItem {
    fn code(&self) -> Code {
        Code::DuplicateItem
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        mappings(front, cx.doc.kind.fields(), &mut |fields, map, _| {
            for field in fields.iter().filter(|f| f.unique != Unique::No) {
                if let Some(items) = map.get(field.name).and_then(Node::as_sequence) {
                    repeats(cx, field, items, out);
                }
            }
        });
    }
}

/// A diagnostic at every item of `field`'s list that repeats an earlier one.
fn repeats(cx: &Context<'_>, field: &Field, items: &[Node], out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for item in items.iter().filter(|item| !is_empty_item(item)) {
        let Some(text) = item.as_str() else { continue };
        let key = match field.unique {
            Unique::TagPage => tag_slug(text),
            Unique::Exact | Unique::No => text.to_string(),
        };
        let Some(first) = seen.get(&key) else {
            seen.insert(key, text);
            continue;
        };
        let message = if *first == text {
            Msg::AppearsTwice {
                item: text.to_string(),
                name: field.name,
            }
        } else {
            Msg::SameTagPage {
                item: text.to_string(),
                first: (*first).to_string(),
                slug: key,
            }
        };
        out.push(
            cx.diag(Code::DuplicateItem, item.span.clone(), message)
                .with_help(Msg::RemoveSecond),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn tags_with_one_page_are_one_tag() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ntags: [Open, open, Open Data, open-data, Één, een]\n---\n",
        ));
        assert_eq!(
            check(&DuplicateItem, &files),
            [
                "content/themes/open-wob.md:4:14: `open` repeats `Open`: both are the tag page tags/open.html (remove the second one)",
                "content/themes/open-wob.md:4:31: `open-data` repeats `Open Data`: both are the tag page tags/open-data.html (remove the second one)",
                "content/themes/open-wob.md:4:47: `een` repeats `Één`: both are the tag page tags/een.html (remove the second one)",
            ]
        );
    }

    #[test]
    fn repeated_references_and_exact_tags() {
        let files = with((
            "content/sessions/2017-11-22-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-22\ncity: U\nhosts: [utrecht, utrecht, 'utrecht']\nthemes: [open-wob]\n---\n",
        ));
        assert_eq!(
            check(&DuplicateItem, &files),
            [
                "content/sessions/2017-11-22-utrecht.md:5:18: `utrecht` appears twice in `hosts` (remove the second one)",
                "content/sessions/2017-11-22-utrecht.md:5:27: `utrecht` appears twice in `hosts` (remove the second one)",
            ]
        );
    }

    #[test]
    fn authors_may_share_a_name_and_references_may_differ_in_case() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [Jan de Vries, Jan de Vries]\nthemes_discussed: [open-wob, Open-Wob, ~, ~]\nspeakers:\n  - name: A\n  - name: A\n---\nTekst\n",
        ));
        assert_eq!(check(&DuplicateItem, &files), Vec::<String>::new());
    }
}
