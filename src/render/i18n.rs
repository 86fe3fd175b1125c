//! Every word the rendered site shows, in Dutch and English, and dates as each writes them.

use std::collections::BTreeMap;

use time::Date;

pub use crate::lang::Lang;

/// (key, Dutch, English): the one translation table of the site's own words; what fields
/// and derived facts are called is declared with them (see [`crate::kb::schema::Label`]).
const WORDS: &[(&str, &str, &str)] = &[
    ("skip", "Naar de inhoud", "Skip to content"),
    ("menu", "Hoofdmenu", "Main menu"),
    ("home", "Home", "Home"),
    ("themes", "Thema's", "Themes"),
    ("sessions", "Sessies", "Sessions"),
    ("retrospectives", "Terugblikken", "Retrospectives"),
    ("organisations", "Organisaties", "Organisations"),
    ("tags", "Trefwoorden", "Tags"),
    ("network", "Het netwerk", "The network"),
    (
        "network_alt",
        "Organisaties en de thema's die zij dragen",
        "Organisations and the themes they carry",
    ),
    (
        "network_table",
        "De afbeelding als tabel",
        "The picture as a table",
    ),
    ("organisation", "Organisatie", "Organisation"),
    ("carries", "Draagt", "Carries"),
    (
        "took_part",
        "Deed mee aan sessies over",
        "Took part in sessions on",
    ),
    (
        "legend_carries",
        "Doorgetrokken lijn: de organisatie draagt het thema.",
        "Solid line: the organisation carries the theme.",
    ),
    (
        "legend_took_part",
        "Stippellijn: de organisatie deed mee aan een sessie over het thema.",
        "Dashed line: the organisation took part in a session on the theme.",
    ),
    ("upcoming", "Komende sessies", "Upcoming sessions"),
    (
        "no_upcoming",
        "Er zijn nog geen nieuwe sessies gepland.",
        "No new sessions have been planned yet.",
    ),
    ("recent", "Recente terugblikken", "Recent retrospectives"),
    ("themes_by_status", "Thema's per status", "Themes by status"),
    ("status_proposed", "Voorgesteld", "Proposed"),
    ("status_scheduled", "Gepland", "Scheduled"),
    ("status_discussed", "Besproken", "Discussed"),
    ("status_closed", "Afgerond", "Closed"),
    ("state_planned", "Gepland", "Planned"),
    ("state_held", "Gehouden", "Held"),
    ("state_cancelled", "Afgelast", "Cancelled"),
    ("time", "Tijd", "Time"),
    ("heading_link", "Link naar kop", "Link to heading"),
    ("not_found", "Pagina niet gevonden", "Page not found"),
    (
        "not_found_text",
        "Deze pagina bestaat niet (meer). Misschien is ze verplaatst. Kies hieronder waar u verder wilt zoeken.",
        "This page does not exist (any more). It may have moved. Choose below where to look further.",
    ),
    ("to_home", "Naar de startpagina", "To the home page"),
    (
        "statement",
        "Toegankelijkheidsverklaring",
        "Accessibility statement",
    ),
    ("breadcrumb", "Kruimelpad", "Breadcrumb"),
    ("search", "Zoeken op deze site", "Search this site"),
    ("search_none", "Niets gevonden.", "Nothing found."),
    ("search_found", "{n} gevonden.", "{n} found."),
    (
        "search_failed",
        "Zoeken lukt nu niet. Probeer het later opnieuw.",
        "Search does not work right now. Please try again later.",
    ),
    ("carriers", "Dragers", "Carried by"),
    ("about", "Over het netwerk", "About the network"),
    ("all_sessions", "Alle sessies", "All sessions"),
    (
        "all_retrospectives",
        "Alle terugblikken",
        "All retrospectives",
    ),
    ("yes", "Ja", "Yes"),
    ("details", "Gegevens", "Details"),
    ("none", "Nog niets.", "Nothing yet."),
    ("last_updated", "Laatst bijgewerkt", "Last updated"),
    (
        "feed",
        "Terugblikken als feed (Atom)",
        "Retrospectives as a feed (Atom)",
    ),
    (
        "calendar",
        "Sessies in je agenda (iCalendar)",
        "Sessions in your calendar (iCalendar)",
    ),
    (
        "calendar_session",
        "Zet deze sessie in je agenda (iCalendar)",
        "Add this session to your calendar (iCalendar)",
    ),
    (
        "calendar_theme",
        "Sessies over dit thema in je agenda (iCalendar)",
        "Sessions on this theme in your calendar (iCalendar)",
    ),
    (
        "calendar_organisation",
        "Sessies van deze organisatie in je agenda (iCalendar)",
        "Sessions of this organisation in your calendar (iCalendar)",
    ),
    ("data", "Alle gegevens (JSON)", "All data (JSON)"),
    ("tagged", "Met trefwoord", "Tagged"),
    ("kind_municipality", "Gemeente", "Municipality"),
    ("kind_province", "Provincie", "Province"),
    ("kind_water-board", "Waterschap", "Water board"),
    (
        "kind_national-government",
        "Rijksoverheid",
        "National government",
    ),
    ("kind_agency", "Uitvoeringsorganisatie", "Agency"),
    ("kind_company", "Bedrijf", "Company"),
    ("kind_nonprofit", "Stichting of vereniging", "Non-profit"),
    (
        "kind_knowledge-institute",
        "Kennisinstelling",
        "Knowledge institute",
    ),
    ("kind_network", "Netwerk", "Network"),
    ("kind_other", "Anders", "Other"),
];

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Every word in `lang`, by key, for templates (`t.themes`).
pub fn words(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    WORDS
        .iter()
        .map(|(key, nl, en)| (*key, if lang == Lang::Nl { *nl } else { *en }))
        .collect()
}

/// A date as a reader of `lang` writes it: "18 september 2017" / "18 September 2017".
pub fn long_date(lang: Lang, date: Date) -> String {
    let months = if lang == Lang::Nl {
        MONTHS_NL
    } else {
        MONTHS_EN
    };
    let month = months[usize::from(u8::from(date.month())) - 1];
    format!("{} {month} {}", date.day(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::ThemeStatus;
    use crate::kb::date::parse_date;
    use crate::kb::schema::ORGANISATION_KINDS;

    #[test]
    fn dates_in_both_languages() {
        let date = parse_date("2017-09-18").expect("date");
        assert_eq!(long_date(Lang::Nl, date), "18 september 2017");
        assert_eq!(long_date(Lang::En, date), "18 September 2017");
    }

    #[test]
    fn every_status_and_kind_has_a_word() {
        let words = words(Lang::Nl);
        for status in ThemeStatus::WORDS {
            assert!(
                words.contains_key(format!("status_{status}").as_str()),
                "{status}"
            );
        }
        for kind in ORGANISATION_KINDS {
            assert!(
                words.contains_key(format!("kind_{kind}").as_str()),
                "{kind}"
            );
        }
    }

    #[test]
    fn keys_are_unique() {
        assert_eq!(words(Lang::En).len(), WORDS.len());
    }
}
