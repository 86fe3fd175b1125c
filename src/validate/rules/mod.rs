//! One rule per file, each named by its code.

mod broken_anchor;
mod broken_link;
mod control_character;
mod date_mismatch;
mod duplicate_id;
mod duplicate_item;
mod empty_body;
mod end_before_start;
mod end_without_start;
mod invalid_date;
mod invalid_id;
mod invalid_time;
mod invalid_url;
mod invalid_value;
mod missing_field;
mod missing_image;
mod missing_retrospective;
mod placeholder_text;
mod raw_html;
mod retrospective_before_session;
mod retrospective_for_cancelled_session;
mod retrospective_for_planned_session;
mod self_reference;
mod status_contradiction;
mod too_long;
mod unknown_field;
mod unknown_reference;
mod wrong_type;

use super::Rule;

/// Every rule, in the order of DESIGN.md §4.
pub(super) static ALL: &[&dyn Rule] = &[
    &invalid_id::InvalidId,
    &control_character::ControlCharacter,
    &duplicate_id::DuplicateId,
    &missing_field::MissingField,
    &unknown_field::UnknownField,
    &wrong_type::WrongType,
    &invalid_value::InvalidValue,
    &invalid_date::InvalidDate,
    &invalid_time::InvalidTime,
    &invalid_url::InvalidUrl,
    &too_long::TooLong,
    &duplicate_item::DuplicateItem,
    &unknown_reference::UnknownReference,
    &self_reference::SelfReference,
    &date_mismatch::DateMismatch,
    &end_before_start::EndBeforeStart,
    &end_without_start::EndWithoutStart,
    &retrospective_before_session::RetrospectiveBeforeSession,
    &retrospective_for_planned_session::RetrospectiveForPlannedSession,
    &retrospective_for_cancelled_session::RetrospectiveForCancelledSession,
    &status_contradiction::StatusContradiction,
    &empty_body::EmptyBody,
    &broken_link::BrokenLink,
    &broken_anchor::BrokenAnchor,
    &missing_image::MissingImage,
    &raw_html::RawHtml,
    &missing_retrospective::MissingRetrospective,
    &placeholder_text::PlaceholderText,
];

/// Runs one rule on documents held in memory, for the rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::super::{Context, Rule};
    use crate::diag::locate;
    use crate::kb::KnowledgeBase;
    use crate::kb::date::parse_date;

    /// The *today* of every rule test: sessions in 2017 are held, those after 2020 planned.
    pub const TODAY: &str = "2020-01-01";

    /// A valid organisation.
    pub const UTRECHT: (&str, &str) = (
        "content/organisations/utrecht.md",
        "---\nname: Gemeente Utrecht\nkind: municipality\n---\n",
    );
    /// A valid theme carried by Utrecht.
    pub const OPEN_WOB: (&str, &str) = (
        "content/themes/open-wob.md",
        "---\ntitle: Open Wob\nsummary: Wob-besluiten openbaar.\ncarriers: [utrecht]\n---\n\n## Aanpak\n",
    );
    /// A valid, held session with a retrospective ([`RETRO`]).
    pub const SESSION: (&str, &str) = (
        "content/sessions/2017-11-22-utrecht.md",
        "---\ntitle: Utrecht\ndate: 2017-11-22\ncity: Utrecht\nhosts: [utrecht]\nthemes: [open-wob]\n---\n",
    );
    /// A valid retrospective of [`SESSION`].
    pub const RETRO: (&str, &str) = (
        "content/retrospectives/2017-11-22-utrecht.md",
        "---\ntitle: Terugblik\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [Ana]\n---\nTekst.\n",
    );

    /// The valid base the tests change one file of.
    pub fn base() -> Vec<(&'static str, &'static str)> {
        vec![UTRECHT, OPEN_WOB, SESSION, RETRO]
    }

    /// `base()` with `file` added or replacing the file at its path.
    pub fn with(file: (&'static str, &'static str)) -> Vec<(&'static str, &'static str)> {
        let mut files: Vec<_> = base().into_iter().filter(|(p, _)| *p != file.0).collect();
        files.push(file);
        files
    }

    /// Runs `rule` on every document of `files`; each finding as `path:line:col: message`,
    /// with ` (help)` when there is one.
    pub fn check(rule: &dyn Rule, files: &[(&str, &str)]) -> Vec<String> {
        let today = parse_date(TODAY).expect("a date");
        let kb = KnowledgeBase::from_memory(files, &["content/assets/logo.png"], today);
        let mut out = Vec::new();
        for doc in &kb.documents {
            rule.check(&Context { kb: &kb, doc }, &mut out);
        }
        out.iter()
            .map(|d| {
                assert_eq!(d.code, rule.code());
                let text = kb
                    .files
                    .iter()
                    .find(|f| f.path == d.file)
                    .map_or("", |f| &f.text);
                let (at, _) = locate(d, text);
                let help = d
                    .help
                    .as_ref()
                    .map(|h| format!(" ({})", h.text(crate::lang::Lang::En)))
                    .unwrap_or_default();
                format!(
                    "{}:{}:{}: {}{help}",
                    d.file,
                    at.line,
                    at.column,
                    d.message.text(crate::lang::Lang::En)
                )
            })
            .collect()
    }

    /// Every code is found by exactly one rule here, or by the loader: none is declared
    /// and forgotten, none is claimed twice.
    #[test]
    fn every_code_has_exactly_one_source() {
        use crate::diag::Code;
        const LOADER: &[Code] = &[
            Code::NotUtf8,
            Code::FileTooLarge,
            Code::UnreadableFile,
            Code::MissingFrontMatter,
            Code::YamlSyntax,
            Code::UnknownFolder,
            Code::ReservedPath,
        ];
        let mut sources: Vec<Code> = super::ALL.iter().map(|rule| rule.code()).collect();
        sources.extend_from_slice(LOADER);
        sources.sort();
        let mut all = Code::ALL.to_vec();
        all.sort();
        assert_eq!(sources, all);
    }

    #[test]
    fn the_base_is_clean_for_every_rule() {
        for rule in super::ALL {
            assert_eq!(
                check(*rule, &base()),
                Vec::<String>::new(),
                "{:?}",
                rule.code()
            );
        }
    }
}
