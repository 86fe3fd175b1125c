//! The slips people make when they write front matter by hand, shared by the rules that
//! report them: which field a wrong key means (a Dutch name, capitals, a typo), a list
//! written as one comma-separated value, and a typical value to show for a missing field.
//!
//! `unknown-field` and `missing-field` both ask [`intended_field`], so that `titel:` in
//! place of `title:` is one diagnostic (the unknown key, with its fix), not two.

use crate::kb::schema::{DocKind, Field, FieldType};
use crate::kb::yaml::Node;
use crate::suggest::closest;

/// How a key differs from the field it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeySlip {
    /// Only in case: `Title`, `TITLE`.
    Case,
    /// It is the Dutch name: `titel`, `auteurs`, `thema's`.
    Dutch,
    /// It is close to one or more field names: `websiet`.
    Typo,
}

/// The field an unknown key most likely means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Intended {
    /// The field's name.
    pub field: &'static str,
    /// How the key differs from it.
    pub slip: KeySlip,
    /// Whether it is the only field the key can mean: a case or Dutch slip, or a typo with
    /// one close field name only.
    pub certain: bool,
}

/// Dutch (and a few English) names people give fields, and the field each means; a name
/// counts only where the document type has that field.
const DUTCH_KEYS: &[(&str, &str)] = &[
    ("titel", "title"),
    ("naam", "name"),
    ("soort", "kind"),
    ("type", "kind"),
    ("plaats", "city"),
    ("stad", "city"),
    ("woonplaats", "city"),
    ("webadres", "website"),
    ("webpagina", "website"),
    ("site", "website"),
    ("trefwoorden", "tags"),
    ("trefwoord", "tags"),
    ("labels", "tags"),
    ("label", "tags"),
    ("samenvatting", "summary"),
    ("dragers", "carriers"),
    ("drager", "carriers"),
    ("trekkers", "carriers"),
    ("voorgesteld_door", "proposed_by"),
    ("voorgesteld_in", "proposed_in"),
    ("gerelateerd", "related"),
    ("verwant", "related"),
    ("gerelateerde_themas", "related"),
    ("datum", "date"),
    ("begin", "start"),
    ("begintijd", "start"),
    ("starttijd", "start"),
    ("aanvang", "start"),
    ("eind", "end"),
    ("einde", "end"),
    ("eindtijd", "end"),
    ("locatie", "venue"),
    ("zaal", "venue"),
    ("gastheer", "hosts"),
    ("gastheren", "hosts"),
    ("gastvrouw", "hosts"),
    ("gastvrouwen", "hosts"),
    ("gastgever", "hosts"),
    ("gastgevers", "hosts"),
    ("host", "hosts"),
    ("themas", "themes"),
    ("thema", "themes"),
    ("agenda", "themes"),
    ("deelnemers", "participants"),
    ("afgelast", "cancelled"),
    ("geannuleerd", "cancelled"),
    ("aanmelden", "registration"),
    ("aanmelding", "registration"),
    ("inschrijven", "registration"),
    ("inschrijving", "registration"),
    ("registratie", "registration"),
    ("sessie", "session"),
    ("gepubliceerd", "published"),
    ("publicatiedatum", "published"),
    ("auteurs", "authors"),
    ("auteur", "authors"),
    ("schrijvers", "authors"),
    ("sprekers", "speakers"),
    ("spreker", "speakers"),
    ("besproken_themas", "themes_discussed"),
    ("voorgestelde_themas", "themes_proposed"),
    ("volgende_sessie", "next_session"),
    ("rol", "role"),
    ("functie", "role"),
    ("organisatie", "organisation"),
    ("adres", "url"),
    ("link", "url"),
];

/// The field of `fields` that the key `name` (which is none of them) most likely means.
pub fn intended_field(name: &str, fields: &'static [Field]) -> Option<Intended> {
    let has = |wanted: &str| fields.iter().find(|f| f.name == wanted).map(|f| f.name);
    let lower = name.to_lowercase();
    if let Some(field) = has(&lower) {
        return Some(Intended {
            field,
            slip: KeySlip::Case,
            certain: true,
        });
    }
    let normalised: String = lower
        .chars()
        .filter(|c| !matches!(c, '\'' | '’'))
        .map(|c| if matches!(c, ' ' | '-') { '_' } else { c })
        .collect();
    if let Some(field) = DUTCH_KEYS
        .iter()
        .find(|(dutch, _)| *dutch == normalised)
        .and_then(|(_, english)| has(english))
    {
        return Some(Intended {
            field,
            slip: KeySlip::Dutch,
            certain: true,
        });
    }
    let names = || fields.iter().map(|f| f.name);
    let field = closest(name, names())?;
    let runner_up = closest(name, names().filter(|n| *n != field));
    Some(Intended {
        field,
        slip: KeySlip::Typo,
        certain: runner_up.is_none(),
    })
}

/// Whether an unknown key of the mapping `map` means the field `wanted`: then `unknown-field`
/// reports the slip, and the field is not also reported missing.
pub fn meant_by_unknown_key(map: &Node, fields: &'static [Field], wanted: &str) -> bool {
    unknown_keys_meaning(map, fields, wanted) > 0
}

/// How many unknown keys of the mapping `map` mean the field `wanted` (`titel` and `Title`
/// both mean `title`: renaming both would repeat the key, so neither rename is certain).
pub fn unknown_keys_meaning(map: &Node, fields: &'static [Field], wanted: &str) -> usize {
    map.as_mapping()
        .unwrap_or_default()
        .iter()
        .filter_map(|(key, _)| key.as_str())
        .filter(|name| !fields.iter().any(|f| f.name == *name))
        .filter(|name| intended_field(name, fields).is_some_and(|i| i.field == wanted))
        .count()
}

/// The items of a list written as one value, `Ana de Vries, Piet Jansen`: the parts between
/// commas, trimmed, empty ones left out. `None` for a value over several lines.
pub fn comma_items(value: &str) -> Option<Vec<&str>> {
    if value.contains('\n') {
        return None;
    }
    let items: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    (!items.is_empty()).then_some(items)
}

/// The items written as the inside of a YAML flow list (`Ana de Vries, Piet Jansen`), each
/// quoted where YAML would otherwise read it differently: as syntax, as nothing or true/false,
/// or, for a list of ids (`ids`), as a number.
pub fn flow_items(items: &[&str], ids: bool) -> String {
    items
        .iter()
        .map(|item| flow_item(item, ids))
        .collect::<Vec<_>>()
        .join(", ")
}

fn flow_item(item: &str, ids: bool) -> String {
    let needs_quotes = item.starts_with(|c: char| "-?:!&*|>'\"%@`#".contains(c))
        || item.contains(|c: char| "[]{},#\"'".contains(c))
        || item.contains(": ")
        || item.ends_with(':')
        || is_plain_keyword(item)
        || (ids && item.chars().all(|c| c.is_ascii_digit() || c == '.'));
    if needs_quotes {
        format!("'{}'", item.replace('\'', "''"))
    } else {
        item.to_string()
    }
}

/// Whether YAML reads the plain text as null or true/false.
fn is_plain_keyword(text: &str) -> bool {
    matches!(
        text,
        "~" | "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    )
}

/// A typical value of `field` of a `kind` document (in the list entry `parent`), as it is
/// written in the front matter: what the help for a missing field shows. `None` for a
/// mapping, which has no one-line example.
pub fn example_value(kind: DocKind, field: &Field, parent: Option<&str>) -> Option<String> {
    match field.ty {
        FieldType::List(item) => {
            example_scalar(kind, field.name, *item, parent).map(|value| format!("[{value}]"))
        }
        ty => example_scalar(kind, field.name, ty, parent),
    }
}

fn example_scalar(
    kind: DocKind,
    name: &str,
    ty: FieldType,
    parent: Option<&str>,
) -> Option<String> {
    let text = match (ty, name) {
        (FieldType::String | FieldType::Text, "title") => match (kind, parent) {
            (DocKind::Retrospective, None) => "\"Terugblik: Sessie Zwolle\"",
            (DocKind::Session, None) => "Sessie Zwolle",
            (DocKind::Theme, None) => "Open Wob",
            _ => "Meer over de Woo",
        },
        (FieldType::String | FieldType::Text, "name") if parent.is_some() => {
            "Marlies van den Hende"
        }
        (FieldType::String | FieldType::Text, "name") => "Gemeente Utrecht",
        (FieldType::String | FieldType::Text, "summary") => {
            "Besluiten over Wob-verzoeken openbaar maken."
        }
        (FieldType::String | FieldType::Text, "city") => "Zwolle",
        (FieldType::String | FieldType::Text, "authors") => "Ana de Vries",
        (FieldType::String | FieldType::Text, _) => "tekst",
        (FieldType::Date, "published") => "2024-09-30",
        (FieldType::Date, _) => "2024-09-18",
        (FieldType::Time, _) => "\"14:00\"",
        (FieldType::Url, _) => "https://www.example.nl",
        (FieldType::Bool, _) => "false",
        (FieldType::Enum(words), _) => words.first()?,
        (FieldType::Ref(DocKind::Organisation), _) => "utrecht",
        (FieldType::Ref(DocKind::Theme), _) => "open-wob",
        (FieldType::Ref(DocKind::Session | DocKind::Retrospective), _) => "2024-09-18-zwolle",
        (FieldType::List(_) | FieldType::Object(_), _) => return None,
    };
    Some(text.to_string())
}

/// For the rules' tests: the diagnostics themselves, with their fixes.
#[cfg(test)]
pub(crate) mod testing {
    use crate::diag::Diagnostic;
    use crate::kb::KnowledgeBase;
    use crate::kb::date::parse_date;
    use crate::validate::rules::testing::TODAY;
    use crate::validate::{Context, Rule};

    /// Runs `rule` on every document of `files`, as `rules::testing::check` does.
    pub fn diagnostics(rule: &dyn Rule, files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let today = parse_date(TODAY).expect("a date");
        let kb = KnowledgeBase::from_memory(files, &[], today);
        let mut out = Vec::new();
        for doc in &kb.documents {
            rule.check(&Context { kb: &kb, doc }, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(kind: DocKind) -> &'static [Field] {
        kind.fields()
    }

    #[test]
    fn dutch_names_case_and_typos() {
        let retro = fields(DocKind::Retrospective);
        let intended = |name| intended_field(name, retro).map(|i| (i.field, i.slip, i.certain));
        assert_eq!(intended("titel"), Some(("title", KeySlip::Dutch, true)));
        assert_eq!(intended("Titel"), Some(("title", KeySlip::Dutch, true)));
        assert_eq!(intended("TITLE"), Some(("title", KeySlip::Case, true)));
        assert_eq!(intended("sessie"), Some(("session", KeySlip::Dutch, true)));
        assert_eq!(
            intended("gepubliceerd"),
            Some(("published", KeySlip::Dutch, true))
        );
        assert_eq!(intended("auteurs"), Some(("authors", KeySlip::Dutch, true)));
        assert_eq!(
            intended("sprekers"),
            Some(("speakers", KeySlip::Dutch, true))
        );
        assert_eq!(
            intended("trefwoorden"),
            Some(("tags", KeySlip::Dutch, true))
        );
        assert_eq!(
            intended("publishd"),
            Some(("published", KeySlip::Typo, true))
        );
        assert_eq!(intended("zzz"), None);
        // A retrospective has no `city`: `plaats` means nothing here.
        assert_eq!(intended("plaats"), None);
        let session = fields(DocKind::Session);
        let intended = |name| intended_field(name, session).map(|i| (i.field, i.slip));
        assert_eq!(intended("plaats"), Some(("city", KeySlip::Dutch)));
        assert_eq!(intended("stad"), Some(("city", KeySlip::Dutch)));
        assert_eq!(intended("locatie"), Some(("venue", KeySlip::Dutch)));
        assert_eq!(intended("gastheren"), Some(("hosts", KeySlip::Dutch)));
        assert_eq!(
            intended("deelnemers"),
            Some(("participants", KeySlip::Dutch))
        );
        assert_eq!(intended("thema's"), Some(("themes", KeySlip::Dutch)));
        assert_eq!(intended("themas"), Some(("themes", KeySlip::Dutch)));
        assert_eq!(intended("datum"), Some(("date", KeySlip::Dutch)));
        let theme = fields(DocKind::Theme);
        let intended = |name| intended_field(name, theme).map(|i| i.field);
        assert_eq!(intended("dragers"), Some("carriers"));
        assert_eq!(intended("voorgesteld_door"), Some("proposed_by"));
        assert_eq!(intended("gerelateerd"), Some("related"));
        assert_eq!(intended("samenvatting"), Some("summary"));
        assert_eq!(intended("labels"), Some("tags"));
        let organisation = fields(DocKind::Organisation);
        let intended = |name| intended_field(name, organisation).map(|i| i.field);
        assert_eq!(intended("naam"), Some("name"));
        assert_eq!(intended("soort"), Some("kind"));
    }

    #[test]
    fn a_typo_near_two_fields_is_not_certain() {
        let retro = fields(DocKind::Retrospective);
        let found = intended_field("themes_discusse", retro).expect("a field");
        assert_eq!(found.field, "themes_discussed");
        assert!(!found.certain, "themes_proposed is close too");
    }

    #[test]
    fn comma_lists() {
        assert_eq!(
            comma_items("Ana de Vries, Piet Jansen,"),
            Some(vec!["Ana de Vries", "Piet Jansen"])
        );
        assert_eq!(comma_items("utrecht"), Some(vec!["utrecht"]));
        assert_eq!(comma_items(" , "), None);
        assert_eq!(comma_items("a,\nb"), None);
        assert_eq!(
            flow_items(&["Ana: redactie", "true", "2017", "it's"], false),
            "'Ana: redactie', 'true', 2017, 'it''s'"
        );
        assert_eq!(flow_items(&["2017", "utrecht"], true), "'2017', utrecht");
    }

    #[test]
    fn examples_per_type() {
        let retro = fields(DocKind::Retrospective);
        let example = |name| {
            let field = retro.iter().find(|f| f.name == name).expect("a field");
            example_value(DocKind::Retrospective, field, None)
        };
        assert_eq!(example("authors").as_deref(), Some("[Ana de Vries]"));
        assert_eq!(example("session").as_deref(), Some("2024-09-18-zwolle"));
        assert_eq!(example("published").as_deref(), Some("2024-09-30"));
        assert_eq!(example("speakers"), None);
    }
}
