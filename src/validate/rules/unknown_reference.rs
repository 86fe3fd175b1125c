//! `unknown-reference`: a reference names an existing document of the right type. A value
//! that cannot be an id at all is `invalid-value` or `wrong-type`, not this.

use crate::diag::{Code, Diagnostic};
use crate::fix::replace_scalar;
use crate::kb::DocKind;
use crate::kb::schema::{FieldType, is_id_of};
use crate::msg::Msg;
use crate::suggest::meant;
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct UnknownReference;

impl Rule for UnknownReference {
    fn code(&self) -> Code {
        Code::UnknownReference
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        let index = &cx.kb.index;
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            let (FieldType::Ref(kind), Some(id)) = (ty, node.as_str()) else {
                return;
            };
            let may_be_an_id = is_id_of(kind, id) && !node.is_number() && node.as_bool().is_none();
            if !may_be_an_id || index.find(kind, id).is_some() || exists_unread(cx, kind, id) {
                return;
            }
            let text = cx.kb.files.get(cx.doc.file).map_or("", |f| f.text.as_str());
            let (help, fix) = match meant(id, index.ids(kind).iter().map(String::as_str)) {
                Some((near, certain)) => (
                    Msg::DidYouMean(near.to_string()),
                    replace_scalar(text, node, near, certain),
                ),
                None => (
                    Msg::CreateOrUseExisting {
                        kind,
                        id: id.to_string(),
                    },
                    None,
                ),
            };
            let diagnostic = cx
                .diag(
                    Code::UnknownReference,
                    node.span.clone(),
                    Msg::UnknownReference {
                        name: field.name,
                        kind,
                        id: id.to_string(),
                    },
                )
                .with_help(help);
            out.push(fix.into_iter().fold(diagnostic, Diagnostic::with_fix));
        });
    }
}

/// Whether a file with this id lies in the folder of `kind` but could not be read as a
/// document (not UTF-8, too large, unreadable): its own diagnostic says what is wrong, and
/// the references to it are not a second error. (A document whose front matter is not
/// valid YAML is still indexed by its id.) Only the files that failed to load are looked at.
fn exists_unread(cx: &Context<'_>, kind: DocKind, id: &str) -> bool {
    let folder = format!("content/{}/", kind.folder());
    let name = format!("{id}.md");
    let unread = [Code::NotUtf8, Code::FileTooLarge, Code::UnreadableFile];
    cx.kb.load_diagnostics.iter().any(|d| {
        unread.contains(&d.code)
            && d.file.strip_prefix(&folder).is_some_and(|rest| {
                rest.strip_suffix(&name)
                    .is_some_and(|above| above.is_empty() || above.ends_with('/'))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Fix;
    use crate::lang::Lang;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn typo_in_a_carrier_gets_a_suggestion() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: [utrecht, utrect]\n---\n",
        ));
        assert_eq!(
            check(&UnknownReference, &files),
            [
                "content/themes/open-wob.md:4:21: `carriers` refers to organisation `utrect`, which does not exist (did you mean `utrecht`?)"
            ]
        );
    }

    #[test]
    fn values_that_cannot_be_ids_are_left_to_other_rules() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: [Utrecht, 2017, true]\nproposed_in: open-wob\n---\n",
        ));
        assert_eq!(check(&UnknownReference, &files), Vec::<String>::new());
    }

    #[test]
    fn references_are_typed_and_nested() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-23-utrecht\npublished: 2017-11-30\nauthors: [A]\nspeakers:\n  - name: B\n    organisation: zwolle\n---\nTekst\n",
        ));
        let found = check(&UnknownReference, &files);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("`session` refers to session `2017-11-23-utrecht`"));
        assert!(found[1].contains(":8:19: `organisation` refers to organisation `zwolle`"));
        assert!(found[1].contains("create content/organisations/zwolle.md"));
    }

    #[test]
    fn a_single_near_id_is_a_certain_fix() {
        let text = "---\ntitle: T\nsummary: S\ncarriers: [utrecht, utrect]\n---\n";
        let found = diagnostics(&with(("content/themes/open-wob.md", text)));
        let start = text.find("utrect]").expect("typo");
        assert_eq!(
            found[0].fixes,
            [Fix {
                span: start..start + 6,
                replacement: "utrecht".into(),
                certain: true
            }]
        );
        let help = found[0].help.as_ref().expect("help");
        assert_eq!(help.text(Lang::Nl), "bedoel je `utrecht`?");
    }

    #[test]
    fn two_near_ids_give_no_certain_fix() {
        let mut files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrect\npublished: 2017-11-30\nauthors: [A]\n---\nT\n",
        ));
        files.push((
            "content/sessions/2017-11-23-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-23\ncity: U\nhosts: [utrecht]\n---\n",
        ));
        let found = diagnostics(&files);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(!found[0].fixes.is_empty() && found[0].fixes.iter().all(|f| !f.certain));
    }

    #[test]
    fn a_file_that_could_not_be_read_is_not_also_missing() {
        let today = crate::kb::date::parse_date(crate::validate::rules::testing::TODAY);
        let files: [(&str, &[u8]); 2] = [
            (
                "content/organisations/zwolle.md",
                b"---\nname: Z\xff\n---\n",
            ),
            (
                "content/themes/open-wob.md",
                b"---\ntitle: T\nsummary: S\ncarriers: [zwolle]\n---\n",
            ),
        ];
        let kb = crate::kb::KnowledgeBase::from_memory_bytes(&files, &[], today.expect("date"));
        let mut out = Vec::new();
        for doc in &kb.documents {
            UnknownReference.check(&Context { kb: &kb, doc }, &mut out);
        }
        assert!(out.is_empty(), "{out:?}");
    }

    /// The diagnostics of this rule on `files`, with their fixes.
    fn diagnostics(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let today = crate::kb::date::parse_date(crate::validate::rules::testing::TODAY);
        let kb = crate::kb::KnowledgeBase::from_memory(files, &[], today.expect("date"));
        let mut out = Vec::new();
        for doc in &kb.documents {
            UnknownReference.check(&Context { kb: &kb, doc }, &mut out);
        }
        out
    }
}
