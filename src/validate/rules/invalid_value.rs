//! `invalid-value`: a field with a fixed set of words holds one of them, and a reference has
//! the shape of an id (a lowercase slug; for a session `YYYY-MM-DD-<slug>`). Whether a
//! document with that id exists is `unknown-reference`'s to say.

use crate::diag::{Code, Diagnostic, Fix};
use crate::fix::replace_scalar;
use crate::kb::DocKind;
use crate::kb::schema::{FieldType, is_id_of};
use crate::kb::yaml::Node;
use crate::msg::Msg;
use crate::suggest::meant;
use crate::text::slugify;
use crate::validate::visit::values;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct InvalidValue;

impl Rule for InvalidValue {
    fn code(&self) -> Code {
        Code::InvalidValue
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        values(front, cx.doc.kind.fields(), &mut |field, ty, node| {
            let diagnostic = match (ty, node.as_str()) {
                (FieldType::Enum(words), Some(value)) => {
                    not_a_word(cx, field.name, words, node, value)
                }
                (FieldType::Ref(kind), Some(value)) => not_an_id(cx, field.name, kind, node, value),
                _ => None,
            };
            out.extend(diagnostic);
        });
    }
}

fn not_a_word(
    cx: &Context<'_>,
    name: &'static str,
    words: &[&'static str],
    node: &Node,
    value: &str,
) -> Option<Diagnostic> {
    if words.contains(&value) {
        return None;
    }
    let text = file_text(cx);
    let (help, fix) = match meant(value, words.iter().copied()) {
        Some((word, _)) if word.to_lowercase() == value.to_lowercase() => (
            Msg::WriteInLowercase(word.to_string()),
            replace_scalar(text, node, word, true),
        ),
        Some((word, certain)) => (
            Msg::DidYouMean(word.to_string()),
            replace_scalar(text, node, word, certain),
        ),
        None => (Msg::ChooseOneOf(words.to_vec()), None),
    };
    let diagnostic = cx
        .diag(
            Code::InvalidValue,
            node.span.clone(),
            Msg::NotAValidWord {
                value: value.to_string(),
                name,
            },
        )
        .with_help(help);
    Some(fix.into_iter().fold(diagnostic, Diagnostic::with_fix))
}

/// The text of the document's file.
fn file_text<'a>(cx: &Context<'a>) -> &'a str {
    cx.kb.files.get(cx.doc.file).map_or("", |f| f.text.as_str())
}

/// A reference that cannot be an id; numbers and true/false are `wrong-type`'s.
fn not_an_id(
    cx: &Context<'_>,
    name: &'static str,
    kind: DocKind,
    node: &Node,
    value: &str,
) -> Option<Diagnostic> {
    if is_id_of(kind, value) || node.is_number() || node.as_bool().is_some() {
        return None;
    }
    let message = if value.trim().is_empty() {
        Msg::EmptyReference { name, kind }
    } else {
        Msg::NotAnIdOf {
            value: value.to_string(),
            name,
            kind,
        }
    };
    let (help, fix) = meant_id(cx, kind, node, value);
    let diagnostic = cx
        .diag(Code::InvalidValue, node.span.clone(), message)
        .with_help(help);
    Some(fix.into_iter().fold(diagnostic, Diagnostic::with_fix))
}

/// The help for a reference that is not written as an id, and the fix when the id it means
/// is known: the existing id it becomes when slugged (`Utrecht`, `open wob`), certain; else
/// the only near id, certain; else the nearest, offered.
fn meant_id(cx: &Context<'_>, kind: DocKind, node: &Node, value: &str) -> (Msg, Option<Fix>) {
    let text = file_text(cx);
    let slug = slugify(value);
    if !slug.is_empty() && cx.kb.index.find(kind, &slug).is_some() {
        let fix = replace_scalar(text, node, &slug, true);
        return (Msg::WriteTheId(slug), fix);
    }
    if let Some((id, certain)) = meant(&slug, cx.kb.index.ids(kind).iter().map(String::as_str)) {
        let fix = replace_scalar(text, node, id, certain);
        return (Msg::DidYouMean(id.to_string()), fix);
    }
    let shape = match kind {
        DocKind::Session => Msg::SessionIdShape,
        _ => Msg::IdShape,
    };
    (shape, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::validate::rules::testing::{check, with};

    #[test]
    fn unknown_kind_with_suggestion() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: U\nkind: municipalty\n---\n",
        ));
        assert_eq!(
            check(&InvalidValue, &files),
            [
                "content/organisations/utrecht.md:3:7: `municipalty` is not a valid kind (did you mean `municipality`?)"
            ]
        );
    }

    #[test]
    fn unlike_words_list_the_choices() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\nstatus: klaar\n---\n",
        ));
        let found = check(&InvalidValue, &files);
        assert!(
            found[0].ends_with("(choose one of: proposed, scheduled, discussed, closed)"),
            "{found:?}"
        );
    }

    #[test]
    fn references_that_cannot_be_ids() {
        let files = with((
            "content/themes/open-wob.md",
            "---\ntitle: T\nsummary: S\ncarriers: [Utrecht, Gemeente Zwolle, 2017]\nproposed_in: ''\nrelated: [open-wob]\n---\n",
        ));
        assert_eq!(
            check(&InvalidValue, &files),
            [
                "content/themes/open-wob.md:4:12: `Utrecht` in `carriers` is not a valid organisation id (write `utrecht`: an id is in lowercase, with `-` between words)",
                "content/themes/open-wob.md:4:21: `Gemeente Zwolle` in `carriers` is not a valid organisation id (an id is the file name without `.md`: lowercase letters and digits, with `-` between words)",
                "content/themes/open-wob.md:5:14: `proposed_in` is empty: write the id of a session or leave the field out (a session id is its date and a name: `YYYY-MM-DD-name`, e.g. `2017-11-22-utrecht`)",
            ]
        );
    }

    #[test]
    fn a_theme_name_is_not_a_session_id() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nTekst\n",
        ));
        let found = check(&InvalidValue, &files);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(":3:10: `utrecht` in `session` is not a valid session id"),
            "{found:?}"
        );
    }

    /// The diagnostics of this rule on `files`, with their fixes.
    fn diagnostics(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let today = crate::kb::date::parse_date(crate::validate::rules::testing::TODAY);
        let kb = crate::kb::KnowledgeBase::from_memory(files, &[], today.expect("date"));
        let mut out = Vec::new();
        for doc in &kb.documents {
            InvalidValue.check(&Context { kb: &kb, doc }, &mut out);
        }
        out
    }

    /// The byte range of the first `part` of `text`.
    fn span(text: &str, part: &str) -> std::ops::Range<usize> {
        let start = text.find(part).expect("part");
        start..start + part.len()
    }

    fn fix(span: std::ops::Range<usize>, replacement: &str, certain: bool) -> Fix {
        Fix {
            span,
            replacement: replacement.into(),
            certain,
        }
    }

    #[test]
    fn a_word_in_the_wrong_case_is_a_certain_fix() {
        let text = "---\nname: U\nkind: 'Municipality'\n---\n";
        let found = diagnostics(&with(("content/organisations/utrecht.md", text)));
        assert_eq!(found.len(), 1, "{found:?}");
        let help = found[0].help.as_ref().expect("help");
        assert_eq!(help.text(Lang::En), "write `municipality`, in lowercase");
        assert_eq!(
            help.text(Lang::Nl),
            "schrijf `municipality`, in kleine letters"
        );
        assert_eq!(
            found[0].fixes,
            [fix(span(text, "'Municipality'"), "'municipality'", true)]
        );
    }

    #[test]
    fn a_single_near_word_is_a_certain_fix() {
        let text = "---\nname: U\nkind: municipalty\n---\n";
        let found = diagnostics(&with(("content/organisations/utrecht.md", text)));
        let span = span(text, "municipalty");
        assert_eq!(found[0].fixes, [fix(span, "municipality", true)]);
        assert_eq!(
            found[0].help.as_ref().map(|h| h.text(Lang::Nl)),
            Some("bedoel je `municipality`?".into())
        );
    }

    #[test]
    fn a_reference_in_the_wrong_case_or_with_spaces_is_the_id() {
        let text = "---\ntitle: U\ndate: 2017-11-22\ncity: U\nhosts: [Utrecht]\nthemes: [\"Open Wob\"]\n---\n";
        let found = diagnostics(&with(("content/sessions/2017-11-22-utrecht.md", text)));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].fixes,
            [fix(span(text, "Utrecht"), "utrecht", true)]
        );
        let quoted = span(text, "\"Open Wob\"");
        assert_eq!(found[1].fixes, [fix(quoted, "\"open-wob\"", true)]);
        let help = found[1].help.as_ref().expect("help");
        assert_eq!(
            help.text(Lang::En),
            "write `open-wob`: an id is in lowercase, with `-` between words"
        );
        assert_eq!(
            help.text(Lang::Nl),
            "schrijf `open-wob`: een id is in kleine letters, met `-` tussen de woorden"
        );
    }

    #[test]
    fn a_near_id_among_several_is_offered_not_certain() {
        let other = (
            "content/sessions/2017-11-23-utrecht.md",
            "---\ntitle: U\ndate: 2017-11-23\ncity: U\nhosts: [utrecht]\n---\n",
        );
        let retro = (
            "content/retrospectives/x.md",
            "---\ntitle: T\nsession: 2017-11-2-Utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nT\n",
        );
        let mut files = with(retro);
        files.push(other);
        let found = diagnostics(&files);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].fixes.iter().all(|f| !f.certain), "{found:?}");
    }
}
