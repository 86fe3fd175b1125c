//! `unknown-field`: every key belongs to the document type, with "did you mean" for typos.
//! A key written in Dutch (`titel`), with capitals (`Title`) or with a typo that is close to
//! one field only gets a certain fix that renames the key; a typo close to several fields
//! gets the closest as an offered fix. When the key means a required field that is absent,
//! `missing-field` leaves that field to this rule: one slip, one error.

use crate::diag::{Code, Diagnostic, Fix};
use crate::kb::schema::Field;
use crate::kb::yaml::Node;
use crate::msg::Msg;
use crate::validate::slips::{Intended, KeySlip, intended_field, unknown_keys_meaning};
use crate::validate::visit::mappings;
use crate::validate::{Context, Rule};

/// See the module documentation.
pub struct UnknownField;

impl Rule for UnknownField {
    fn code(&self) -> Code {
        Code::UnknownField
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(front) = cx.front() else { return };
        let kind = cx.doc.kind;
        mappings(front, kind.fields(), &mut |fields, map, parent| {
            for (key, _) in map.as_mapping().unwrap_or_default() {
                let Some(name) = key.as_str() else {
                    out.push(cx.diag(Code::UnknownField, key.span.clone(), Msg::KeyNotOneWord));
                    continue;
                };
                if fields.iter().any(|f| f.name == name) {
                    continue;
                }
                let intended = intended_field(name, fields);
                let help = match intended {
                    Some(intended)
                        if intended.slip != KeySlip::Typo && map.get(intended.field).is_some() =>
                    {
                        Msg::KeyAlreadyThere {
                            from: name.to_string(),
                            to: intended.field,
                        }
                    }
                    Some(intended) => help(name, intended),
                    None => Msg::TheFieldsAre(fields.iter().map(|f| f.name).collect()),
                };
                let diagnostic = cx
                    .diag(
                        Code::UnknownField,
                        key.span.clone(),
                        Msg::UnknownField {
                            kind,
                            name: name.to_string(),
                            parent: parent.map(str::to_string),
                        },
                    )
                    .with_help(help);
                out.push(match intended.and_then(|i| rename(key, map, fields, i)) {
                    Some(fix) => diagnostic.with_fix(fix),
                    None => diagnostic,
                });
            }
        });
    }
}

/// The help for a key that means the field `intended`, which the mapping does not have. (A
/// Dutch or capitalised key for a field that is there gets `KeyAlreadyThere`; a typo keeps
/// "did you mean", as it may be another field altogether.)
fn help(name: &str, intended: Intended) -> Msg {
    let (from, to) = (name.to_string(), intended.field);
    match intended.slip {
        KeySlip::Case => Msg::KeyInLowercase { from, to },
        KeySlip::Dutch => Msg::KeyInEnglish { from, to },
        KeySlip::Typo => Msg::DidYouMean(to.to_string()),
    }
}

/// The edit renaming `key` to the field it means, unless the mapping already has that field
/// (the rename would repeat a key); not certain when another unknown key of the mapping
/// means the same field.
fn rename(key: &Node, map: &Node, fields: &'static [Field], intended: Intended) -> Option<Fix> {
    let alone = unknown_keys_meaning(map, fields, intended.field) == 1;
    map.get(intended.field).is_none().then(|| Fix {
        span: key.span.clone(),
        replacement: intended.field.to_string(),
        certain: intended.certain && alone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::validate::rules::testing::{check, with};
    use crate::validate::slips::testing::diagnostics;

    const RETRO: &str = "content/retrospectives/2017-11-22-utrecht.md";

    /// The one diagnostic of a retrospective whose front matter is `front`.
    fn one(path: &'static str, front: &str) -> Diagnostic {
        let text = format!("---\n{front}---\nTekst.\n");
        let found = diagnostics(
            &UnknownField,
            &with((path, Box::leak(text.into_boxed_str()))),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        found.into_iter().next().expect("one")
    }

    #[test]
    fn dutch_keys_are_renamed_with_certainty() {
        let cases = [
            (RETRO, "titel", "title"),
            (RETRO, "sessie", "session"),
            (RETRO, "gepubliceerd", "published"),
            (RETRO, "auteurs", "authors"),
            (RETRO, "sprekers", "speakers"),
            ("content/themes/open-wob.md", "dragers", "carriers"),
            (
                "content/themes/open-wob.md",
                "voorgesteld_door",
                "proposed_by",
            ),
            ("content/themes/open-wob.md", "gerelateerd", "related"),
            ("content/sessions/2017-11-22-utrecht.md", "datum", "date"),
            ("content/sessions/2017-11-22-utrecht.md", "plaats", "city"),
            ("content/sessions/2017-11-22-utrecht.md", "locatie", "venue"),
            (
                "content/sessions/2017-11-22-utrecht.md",
                "gastheren",
                "hosts",
            ),
            (
                "content/sessions/2017-11-22-utrecht.md",
                "thema's",
                "themes",
            ),
            ("content/organisations/utrecht.md", "soort", "kind"),
        ];
        for (path, dutch, english) in cases {
            let d = one(path, &format!("{dutch}: x\n"));
            assert_eq!(
                d.message.text(Lang::En),
                format!(
                    "unknown {} field `{dutch}`",
                    d.file
                        .split('/')
                        .nth(1)
                        .map_or("", |f| f.trim_end_matches('s'))
                ),
            );
            assert_eq!(
                d.help.as_ref().map(|h| h.text(Lang::En)),
                Some(format!(
                    "write `{english}` instead of `{dutch}`: field names are English"
                ))
            );
            assert_eq!(d.fixes.len(), 1, "{dutch}");
            assert_eq!(d.fixes[0].replacement, english);
            assert_eq!(d.fixes[0].span, 4..4 + dutch.len());
            assert!(d.fixes[0].certain);
        }
        let d = one(RETRO, "titel: T\n");
        assert_eq!(
            d.help.as_ref().map(|h| h.text(Lang::Nl)).as_deref(),
            Some("schrijf `title` in plaats van `titel`: de namen van de velden zijn Engels")
        );
    }

    #[test]
    fn capitals_are_lowered_with_certainty() {
        let d = one(RETRO, "TITLE: T\n");
        assert_eq!(
            d.help.as_ref().map(|h| h.text(Lang::En)).as_deref(),
            Some("write `title` instead of `TITLE`: field names are lowercase")
        );
        assert_eq!(
            d.help.as_ref().map(|h| h.text(Lang::Nl)).as_deref(),
            Some(
                "schrijf `title` in plaats van `TITLE`: de namen van de velden zijn in kleine letters"
            )
        );
        assert_eq!(d.fixes[0].replacement, "title");
        assert!(d.fixes[0].certain);
    }

    #[test]
    fn a_typo_is_certain_only_with_one_close_field() {
        let d = one(RETRO, "title: T\nsesion: 2017-11-22-utrecht\n");
        assert_eq!(d.help, Some(Msg::DidYouMean("session".into())));
        assert_eq!(d.fixes[0].replacement, "session");
        assert!(d.fixes[0].certain);
        let d = one(RETRO, "themes_discusse: [open-wob]\n");
        assert_eq!(d.fixes[0].replacement, "themes_discussed");
        assert!(!d.fixes[0].certain);
    }

    #[test]
    fn no_rename_onto_a_key_that_is_there() {
        let files = with((
            RETRO,
            "---\ntitle: T\ntitel: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nTekst.\n",
        ));
        let found = diagnostics(&UnknownField, &files);
        assert_eq!(found.len(), 1);
        assert!(found[0].fixes.is_empty());
        let help = found[0].help.as_ref().expect("help");
        assert_eq!(
            help.text(Lang::En),
            "`title` is already there: remove `titel`, or move its value to `title`"
        );
        assert_eq!(
            help.text(Lang::Nl),
            "`title` staat er al: haal `titel` weg, of zet de waarde bij `title`"
        );
    }

    #[test]
    fn two_keys_meaning_one_field_are_not_renamed_with_certainty() {
        let files = with((
            RETRO,
            "---\ntitel: T\nTitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\n---\nTekst.\n",
        ));
        let found = diagnostics(&UnknownField, &files);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| !d.fixes[0].certain), "{found:?}");
    }

    #[test]
    fn typo_gets_a_suggestion() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: Utrecht\nkind: municipality\nwebsiet: https://utrecht.nl\n---\n",
        ));
        assert_eq!(
            check(&UnknownField, &files),
            [
                "content/organisations/utrecht.md:4:1: unknown organisation field `websiet` (did you mean `website`?)"
            ]
        );
    }

    #[test]
    fn unlike_names_list_the_fields() {
        let files = with((
            "content/organisations/utrecht.md",
            "---\nname: U\nkind: other\nzzz: 1\n---\n",
        ));
        let found = check(&UnknownField, &files);
        assert!(
            found[0].contains("the fields are: name, kind, city, website, tags"),
            "{found:?}"
        );
    }

    #[test]
    fn nested_keys_are_checked() {
        let files = with((
            "content/retrospectives/2017-11-22-utrecht.md",
            "---\ntitle: T\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [A]\nspeakers:\n  - name: B\n    rol: wethouder\n---\nTekst\n",
        ));
        let found = check(&UnknownField, &files);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains(":8:5: unknown field `rol` in `speakers`"),
            "{found:?}"
        );
        assert!(
            found[0].contains("(write `role` instead of `rol`: field names are English)"),
            "{found:?}"
        );
    }
}
