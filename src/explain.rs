//! `pioneers explain`: for every rule code, what it checks, why that matters, and a wrong
//! and a right example, in Dutch and in English, in plain words for the people who write
//! the documents. The same text describes the rules in SARIF reports.
//!
//! [`explain`] matches every [`Code`] without a wildcard, so a new code cannot be added
//! without its explanation.

use std::fmt::Write as _;

use crate::diag::{Code, Severity};
use crate::lang::Lang;

/// One text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// The Dutch text.
    pub nl: &'static str,
    /// The English text.
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.nl, self.en)
    }
}

/// Which part of a document an example shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Some lines of the header (front matter): only the fields that matter.
    Header,
    /// Markdown from the text below the header.
    Body,
    /// The whole file.
    File,
    /// The file's name and folder.
    Path,
}

/// A wrong or a right example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// The file the example is in, relative to the knowledge-base root.
    pub path: &'static str,
    /// Which part of that file it shows.
    pub part: Part,
    /// What it shows; for [`Part::Path`], the path with a note.
    pub text: Text,
}

/// The explanation of one rule code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    /// One line: what is wrong.
    pub summary: Text,
    /// What the rule checks (one to three sentences).
    pub what: Text,
    /// Why it matters (one or two sentences).
    pub why: Text,
    /// An example that breaks the rule.
    pub wrong: Example,
    /// The same example, repaired.
    pub right: Example,
}

const fn text(nl: &'static str, en: &'static str) -> Text {
    Text { nl, en }
}

/// A text that is the same in both languages (YAML and Markdown without words to translate).
const fn same(both: &'static str) -> Text {
    Text { nl: both, en: both }
}

const fn header(path: &'static str, text: Text) -> Example {
    Example {
        path,
        part: Part::Header,
        text,
    }
}

const fn body(path: &'static str, text: Text) -> Example {
    Example {
        path,
        part: Part::Body,
        text,
    }
}

const fn file(path: &'static str, text: Text) -> Example {
    Example {
        path,
        part: Part::File,
        text,
    }
}

const fn path(path: &'static str, text: Text) -> Example {
    Example {
        path,
        part: Part::Path,
        text,
    }
}

const THEME: &str = "content/themes/open-wob.md";
const ORGANISATION: &str = "content/organisations/schiedam.md";
const SESSION: &str = "content/sessions/2017-09-18-kick-off-schiedam.md";
const RETROSPECTIVE: &str = "content/retrospectives/2017-09-18-kick-off-schiedam.md";

/// What `code` checks, why, and a wrong and a right example.
pub fn explain(code: Code) -> Explanation {
    match code {
        Code::NotUtf8 => Explanation {
            summary: text(
                "Het bestand is geen UTF-8-tekst.",
                "The file is not UTF-8 text.",
            ),
            what: text(
                "Een document moet opgeslagen zijn als UTF-8, de gewone tekstcodering van het web. Dit bestand is in een andere codering opgeslagen (zoals ANSI of Windows-1252), of het is geen tekst.",
                "A document must be saved as UTF-8, the usual text encoding of the web. This file was saved in another encoding (such as ANSI or Windows-1252), or it is not text.",
            ),
            why: text(
                "Anders komen letters als é en ë als vreemde tekens op de site.",
                "Otherwise letters such as é and ë show up garbled on the site.",
            ),
            wrong: header(
                "content/themes/cafe-gesprek.md",
                text(
                    "title: Het café-gesprek   # opgeslagen als ANSI (Windows-1252)",
                    "title: Het café-gesprek   # saved as ANSI (Windows-1252)",
                ),
            ),
            right: header(
                "content/themes/cafe-gesprek.md",
                text(
                    "title: Het café-gesprek   # opgeslagen als UTF-8",
                    "title: Het café-gesprek   # saved as UTF-8",
                ),
            ),
        },
        Code::FileTooLarge => Explanation {
            summary: text(
                "Het bestand is groter dan een document mag zijn (5 MB).",
                "The file is larger than a document may be (5 MB).",
            ),
            what: text(
                "Een document mag hoogstens 5 MB zijn. Meestal staat er een afbeelding of een geplakt document als tekst in.",
                "A document may be at most 5 MB. Usually an image or a pasted document is in it as text.",
            ),
            why: text(
                "Zulke bestanden maken de kennisbank en de site traag; afbeeldingen horen in content/assets/.",
                "Such files make the knowledge base and the site slow; images belong in content/assets/.",
            ),
            wrong: body(
                RETROSPECTIVE,
                same("![Foto van de zaal](data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQ…)"),
            ),
            right: body(
                RETROSPECTIVE,
                same("![Foto van de zaal](../assets/kick-off-zaal.jpg)"),
            ),
        },
        Code::UnreadableFile => Explanation {
            summary: text(
                "Een bestand of map wordt niet gelezen.",
                "A file or folder is not read.",
            ),
            what: text(
                "Een bestand of map onder content/ wordt overgeslagen: het is een snelkoppeling (symbolische link), de naam begint met een punt, het is geen gewoon bestand, of de rechten staan lezen niet toe.",
                "A file or folder under content/ is skipped: it is a shortcut (symbolic link), its name starts with a dot, it is not a regular file, or permissions do not allow reading it.",
            ),
            why: text(
                "Zo komt er niets van buiten de kennisbank op de site, en valt een overgeslagen bestand toch op.",
                "So nothing from outside the knowledge base reaches the site, and a skipped file does not go unnoticed.",
            ),
            wrong: path(
                "content/themes/.open-wob.md",
                text(
                    "content/themes/.open-wob.md   (de naam begint met een punt)",
                    "content/themes/.open-wob.md   (the name starts with a dot)",
                ),
            ),
            right: path(THEME, same(THEME)),
        },
        Code::ControlCharacter => Explanation {
            summary: text(
                "De tekst bevat een onzichtbaar stuurteken.",
                "The text contains an invisible control character.",
            ),
            what: text(
                "In de tekst staat een onzichtbaar stuurteken (anders dan een tab of een nieuwe regel). Het komt vaak mee als je tekst uit een pdf of tekstverwerker plakt.",
                "The text contains an invisible control character (other than a tab or a line break). It often comes along with text pasted from a PDF or a word processor.",
            ),
            why: text(
                "Zulke tekens kunnen de site, de nieuwsfeed en de agenda onleesbaar maken.",
                "Such characters can garble the site, the news feed and the calendar.",
            ),
            wrong: header(
                THEME,
                text(
                    "title: \"Open Wob\\u0008\"   # \\u0008 is een onzichtbaar teken",
                    "title: \"Open Wob\\u0008\"   # \\u0008 is an invisible character",
                ),
            ),
            right: header(THEME, same("title: Open Wob")),
        },
        Code::MissingFrontMatter => Explanation {
            summary: text(
                "Het document begint niet met een kop tussen twee regels `---`.",
                "The document does not start with a header between two `---` lines.",
            ),
            what: text(
                "Elk document begint met de kop van het document: een regel `---`, de velden, en weer een regel `---`. Daaronder volgt de tekst. Hier ontbreekt de kop, of de afsluitende `---`.",
                "Every document starts with a header: a `---` line, the fields, and another `---` line. The text follows below it. Here the header, or its closing `---`, is missing.",
            ),
            why: text(
                "Zonder kop weet pioneers niet welke velden er zijn, en kan het document niet op de site.",
                "Without a header pioneers cannot read the fields, and the document cannot go on the site.",
            ),
            wrong: file(
                THEME,
                same(
                    "---\ntitle: Open Wob\nsummary: Wob-besluiten doorzoekbaar voor iedereen.\n\nEen platform voor besluiten.\n",
                ),
            ),
            right: file(
                THEME,
                same(
                    "---\ntitle: Open Wob\nsummary: Wob-besluiten doorzoekbaar voor iedereen.\n---\n\nEen platform voor besluiten.\n",
                ),
            ),
        },
        Code::YamlSyntax => Explanation {
            summary: text(
                "De kop van het document volgt de regels van YAML niet.",
                "The document's header does not follow the rules of YAML.",
            ),
            what: text(
                "De kop van het document volgt de regels van YAML niet. Vaak is het een dubbele punt met een spatie midden in een waarde, een tab, een krul-aanhalingsteken uit Word, of een veld dat twee keer voorkomt.",
                "The header does not follow the rules of YAML. Often it is a colon and a space in the middle of a value, a tab, a curly quote from Word, or a field given twice.",
            ),
            why: text(
                "Dan kan de hele kop niet gelezen worden, dus geen enkel veld.",
                "Then the whole header cannot be read, so not a single field.",
            ),
            wrong: header(
                RETROSPECTIVE,
                same("title: Terugblik: kick-off in Schiedam"),
            ),
            right: header(
                RETROSPECTIVE,
                same("title: \"Terugblik: kick-off in Schiedam\""),
            ),
        },
        Code::InvalidId => Explanation {
            summary: text(
                "De bestandsnaam is geen geldige id.",
                "The file name is not a valid id.",
            ),
            what: text(
                "De bestandsnaam (zonder .md) is de id waarmee andere documenten ernaar verwijzen: kleine letters, cijfers en koppeltekens. De naam van een sessie begint met haar datum (JJJJ-MM-DD).",
                "The file name (without .md) is the id other documents refer to it by: lowercase letters, digits and hyphens. A session's name starts with its date (YYYY-MM-DD).",
            ),
            why: text(
                "De id wordt ook het webadres van de pagina; hoofdletters en spaties breken verwijzingen en links.",
                "The id also becomes the page's web address; capitals and spaces break references and links.",
            ),
            wrong: path(
                "content/themes/Open Wob.md",
                same("content/themes/Open Wob.md"),
            ),
            right: path(THEME, same(THEME)),
        },
        Code::DuplicateId => Explanation {
            summary: text(
                "Twee documenten van één soort hebben dezelfde id.",
                "Two documents of one type have the same id.",
            ),
            what: text(
                "Twee documenten van dezelfde soort hebben dezelfde id, of ids die alleen in hoofdletters verschillen.",
                "Two documents of the same type have the same id, or ids that differ only in capitals.",
            ),
            why: text(
                "Een verwijzing naar die id kan dan beide bedoelen, en hun pagina's zouden elkaar overschrijven.",
                "A reference to that id could then mean either, and their pages would overwrite each other.",
            ),
            wrong: path(
                "content/organisations/Utrecht.md",
                same("content/organisations/utrecht.md\ncontent/organisations/Utrecht.md"),
            ),
            right: path(
                "content/organisations/utrecht.md",
                same("content/organisations/utrecht.md"),
            ),
        },
        Code::UnknownFolder => Explanation {
            summary: text(
                "Een Markdown-bestand staat buiten de vier mappen voor documenten.",
                "A Markdown file is outside the four document folders.",
            ),
            what: text(
                "Documenten staan in content/organisations/, content/themes/, content/sessions/ of content/retrospectives/. Dit bestand staat in een andere map.",
                "Documents belong in content/organisations/, content/themes/, content/sessions/ or content/retrospectives/. This file is in another folder.",
            ),
            why: text(
                "Aan de map ziet pioneers wat voor document het is; een bestand elders komt niet op de site.",
                "The folder tells pioneers what kind of document it is; a file elsewhere does not reach the site.",
            ),
            wrong: path(
                "content/thema/open-wob.md",
                same("content/thema/open-wob.md"),
            ),
            right: path(THEME, same(THEME)),
        },
        Code::MissingField => Explanation {
            summary: text(
                "Een verplicht veld ontbreekt of is leeg.",
                "A required field is missing or empty.",
            ),
            what: text(
                "Een veld dat elk document van deze soort moet hebben, ontbreekt of is leeg, of een lijst heeft een leeg onderdeel.",
                "A field that every document of this type must have is missing or empty, or a list has an empty item.",
            ),
            why: text(
                "Zonder dat veld is het document niet compleet, zoals een terugblik zonder auteurs of een sessie zonder datum.",
                "Without it the document is incomplete, such as a retrospective without authors or a session without a date.",
            ),
            wrong: header(RETROSPECTIVE, same("authors: []")),
            right: header(RETROSPECTIVE, same("authors: [Ana de Vries]")),
        },
        Code::UnknownField => Explanation {
            summary: text(
                "Een veld hoort niet bij deze soort document.",
                "A field is not part of this type of document.",
            ),
            what: text(
                "De kop van het document heeft een veld dat deze soort document niet kent. Meestal is het een tikfout of een Nederlandse naam: de namen van de velden zijn Engels.",
                "The header has a field this type of document does not know. Usually it is a typo or a Dutch name: field names are English.",
            ),
            why: text(
                "Een onbekend veld wordt nergens gebruikt, dus wat erin staat komt niet op de site.",
                "An unknown field is not used anywhere, so what it holds never reaches the site.",
            ),
            wrong: header(RETROSPECTIVE, same("auteurs: [Ana de Vries]")),
            right: header(RETROSPECTIVE, same("authors: [Ana de Vries]")),
        },
        Code::WrongType => Explanation {
            summary: text(
                "Een waarde heeft de verkeerde vorm.",
                "A value has the wrong shape.",
            ),
            what: text(
                "Een veld verwacht een andere vorm: tekst, een lijst, velden met elk een waarde, of true/false. Een lijst schrijf je tussen [ ], ook als er maar één onderdeel in staat.",
                "A field expects another shape: text, a list, named fields, or true/false. A list is written between [ ], even with only one item.",
            ),
            why: text(
                "Een waarde in de verkeerde vorm kan pioneers niet lezen, dus het veld telt niet mee.",
                "pioneers cannot read a value of the wrong shape, so the field does not count.",
            ),
            wrong: header(SESSION, same("hosts: schiedam")),
            right: header(SESSION, same("hosts: [schiedam]")),
        },
        Code::InvalidValue => Explanation {
            summary: text(
                "Een waarde is niet een van de toegestane keuzes.",
                "A value is not one of the allowed choices.",
            ),
            what: text(
                "Sommige velden hebben een vaste lijst keuzes, zoals `kind` van een organisatie of `status` van een thema. Deze waarde staat daar niet in.",
                "Some fields have a fixed list of choices, such as an organisation's `kind` or a theme's `status`. This value is not one of them.",
            ),
            why: text(
                "De site groepeert en filtert op deze keuzes; een andere waarde valt overal buiten.",
                "The site groups and filters by these choices; any other value falls outside all of them.",
            ),
            wrong: header(ORGANISATION, same("kind: gemeente")),
            right: header(ORGANISATION, same("kind: municipality")),
        },
        Code::InvalidDate => Explanation {
            summary: text(
                "Een datum is geen bestaande dag in de vorm JJJJ-MM-DD.",
                "A date is not a real day written as YYYY-MM-DD.",
            ),
            what: text(
                "Een datum (JJJJ-MM-DD) schrijf je met het jaar voorop: 2017-09-20 voor 20 september 2017. Deze waarde heeft een andere vorm, of is geen bestaande dag.",
                "A date is written year first, as YYYY-MM-DD: 2017-09-20 for 20 September 2017. This value has another form, or is not a day that exists.",
            ),
            why: text(
                "Alleen zo is een datum overal eenduidig, en kan de site sessies en terugblikken op volgorde zetten.",
                "Only then is a date unambiguous everywhere, and can the site put sessions and retrospectives in order.",
            ),
            wrong: header(RETROSPECTIVE, same("published: 20-09-2017")),
            right: header(RETROSPECTIVE, same("published: 2017-09-20")),
        },
        Code::InvalidTime => Explanation {
            summary: text(
                "Een tijd staat niet in de vorm UU:MM.",
                "A time is not written as HH:MM.",
            ),
            what: text(
                "Een tijd schrijf je als uren en minuten met een dubbele punt ertussen, tussen aanhalingstekens: \"14:00\". Deze waarde heeft een andere vorm.",
                "A time is written as hours and minutes with a colon between them, in quotes: \"14:00\". This value has another form.",
            ),
            why: text(
                "De agenda op de site en het agendabestand (sessions.ics) hebben een eenduidige tijd nodig.",
                "The calendar on the site and the calendar file (sessions.ics) need an unambiguous time.",
            ),
            wrong: header(SESSION, same("start: 14u")),
            right: header(SESSION, same("start: \"14:00\"")),
        },
        Code::InvalidUrl => Explanation {
            summary: text(
                "Een webadres is geen volledig adres met http of https.",
                "A web address is not a full http or https address.",
            ),
            what: text(
                "Een webadres moet volledig zijn, met https:// (of http://) ervoor.",
                "A web address must be complete, starting with https:// (or http://).",
            ),
            why: text(
                "Zonder https:// wijst de link op de site naar een pagina van de site zelf, en werkt hij niet.",
                "Without https:// the link on the site points to a page of the site itself, and does not work.",
            ),
            wrong: header(ORGANISATION, same("website: www.schiedam.nl")),
            right: header(ORGANISATION, same("website: https://www.schiedam.nl")),
        },
        Code::TooLong => Explanation {
            summary: text(
                "Een waarde is langer dan het veld toestaat.",
                "A value is longer than its field allows.",
            ),
            what: text(
                "Sommige velden hebben een grens: de `summary` van een thema is één zin van hoogstens 200 tekens. Lijsten hebben een grootste aantal onderdelen.",
                "Some fields have a limit: a theme's `summary` is one sentence of at most 200 characters. Lists have a largest number of items.",
            ),
            why: text(
                "De samenvatting staat in overzichten en zoekresultaten; de tekst onder de kop heeft ruimte voor meer.",
                "The summary appears in overviews and search results; the text below the header has room for more.",
            ),
            wrong: header(
                THEME,
                same(
                    "summary: Wob-besluiten doorzoekbaar voor iedereen, met een platform dat alle besluiten van gemeenten, provincies en waterschappen verzamelt, leesbaar maakt, koppelt aan raadsinformatie en elke week een overzicht stuurt.",
                ),
            ),
            right: header(
                THEME,
                same("summary: Wob-besluiten doorzoekbaar voor iedereen."),
            ),
        },
        Code::UnknownReference => Explanation {
            summary: text(
                "Een verwijzing noemt een document dat niet bestaat.",
                "A reference names a document that does not exist.",
            ),
            what: text(
                "Een verwijzing is de id van een ander document: de bestandsnaam zonder .md, in kleine letters. Er is geen document met deze id.",
                "A reference is another document's id: its file name without .md, in lowercase. No document has this id.",
            ),
            why: text(
                "Op de site wordt een verwijzing een link; naar een document dat niet bestaat, loopt die dood.",
                "On the site a reference becomes a link; to a document that does not exist, it leads nowhere.",
            ),
            wrong: header(SESSION, same("hosts: [gemeente-schiedam]")),
            right: header(SESSION, same("hosts: [schiedam]")),
        },
        Code::SelfReference => Explanation {
            summary: text(
                "Een document verwijst naar zichzelf waar dat geen zin heeft.",
                "A document refers to itself where that makes no sense.",
            ),
            what: text(
                "Een thema staat in zijn eigen lijst `related`, of een terugblik noemt als `next_session` de sessie waarop hij zelf terugblikt.",
                "A theme is in its own `related` list, or a retrospective names as `next_session` the session it looks back on.",
            ),
            why: text(
                "Zo'n verwijzing voegt niets toe en is bijna altijd een vergissing.",
                "Such a reference adds nothing and is almost always a slip.",
            ),
            wrong: header(THEME, same("related: [open-wob]")),
            right: header(THEME, same("related: [open-raadsinformatie]")),
        },
        Code::DateMismatch => Explanation {
            summary: text(
                "De datum van een sessie verschilt van de datum in haar bestandsnaam.",
                "A session's date differs from the date its file name starts with.",
            ),
            what: text(
                "De bestandsnaam van een sessie begint met haar datum (JJJJ-MM-DD). Het veld `date` moet dezelfde dag zijn.",
                "A session's file name starts with its date (YYYY-MM-DD). The `date` field must be the same day.",
            ),
            why: text(
                "Anders is onduidelijk wanneer de sessie was; een verschoven sessie krijgt ook een nieuwe bestandsnaam.",
                "Otherwise it is unclear when the session was; a session that moves also gets a new file name.",
            ),
            wrong: header(SESSION, same("date: 2017-09-19")),
            right: header(SESSION, same("date: 2017-09-18")),
        },
        Code::EndBeforeStart => Explanation {
            summary: text(
                "Een sessie eindigt voordat (of wanneer) ze begint.",
                "A session ends before (or when) it starts.",
            ),
            what: text(
                "De eindtijd `end` van een sessie moet na de begintijd `start` liggen.",
                "A session's `end` time must be after its `start` time.",
            ),
            why: text(
                "Anders klopt de agenda niet; vaak zijn begin en eind omgewisseld, of is 5 uur geschreven voor 17 uur.",
                "Otherwise the calendar is wrong; often start and end are swapped, or 5 o'clock was written for 17:00.",
            ),
            wrong: header(SESSION, same("start: \"14:00\"\nend: \"05:00\"")),
            right: header(SESSION, same("start: \"14:00\"\nend: \"17:00\"")),
        },
        Code::EndWithoutStart => Explanation {
            summary: text(
                "Een sessie heeft een eindtijd maar geen begintijd.",
                "A session has an end time but no start time.",
            ),
            what: text(
                "Een sessie met een eindtijd `end` heeft ook een begintijd `start` nodig. Zonder tijden duurt een sessie de hele dag.",
                "A session with an `end` time needs a `start` time too. Without times a session lasts all day.",
            ),
            why: text(
                "Zonder begintijd zet de agenda de sessie op de hele dag, en gaat de eindtijd verloren.",
                "Without a start time, calendars show the session as all day and the end time is lost.",
            ),
            wrong: header(SESSION, same("end: \"17:00\"")),
            right: header(SESSION, same("start: \"14:00\"\nend: \"17:00\"")),
        },
        Code::RetrospectiveBeforeSession => Explanation {
            summary: text(
                "Een terugblik is gepubliceerd vóór zijn sessie.",
                "A retrospective is published before its session.",
            ),
            what: text(
                "De datum `published` van een terugblik ligt vóór de datum van de sessie waarop hij terugblikt.",
                "A retrospective's `published` date is before the date of the session it looks back on.",
            ),
            why: text(
                "Terugblikken kan pas als de sessie geweest is; meestal is de datum verkeerd getypt.",
                "One can only look back once the session has happened; usually the date was mistyped.",
            ),
            wrong: header(RETROSPECTIVE, same("published: 2017-09-15")),
            right: header(RETROSPECTIVE, same("published: 2017-09-20")),
        },
        Code::RetrospectiveForPlannedSession => Explanation {
            summary: text(
                "Een terugblik hoort bij een sessie die nog moet komen.",
                "A retrospective looks back on a session that has not happened yet.",
            ),
            what: text(
                "Het veld `session` van de terugblik verwijst naar een sessie waarvan de datum nog in de toekomst ligt.",
                "The retrospective's `session` names a session whose date is still in the future.",
            ),
            why: text(
                "Meestal noemt `session` de verkeerde sessie, of staat de datum van de sessie verkeerd.",
                "Usually `session` names the wrong session, or the session's date is wrong.",
            ),
            wrong: header(
                RETROSPECTIVE,
                text(
                    "session: 2027-03-10-utrecht   # deze sessie moet nog komen",
                    "session: 2027-03-10-utrecht   # this session is still to come",
                ),
            ),
            right: header(RETROSPECTIVE, same("session: 2017-09-18-kick-off-schiedam")),
        },
        Code::RetrospectiveForCancelledSession => Explanation {
            summary: text(
                "Een terugblik hoort bij een sessie die niet doorging.",
                "A retrospective looks back on a cancelled session.",
            ),
            what: text(
                "Het veld `session` van de terugblik verwijst naar een sessie met `cancelled: true`.",
                "The retrospective's `session` names a session marked `cancelled: true`.",
            ),
            why: text(
                "Een afgelaste sessie heeft geen terugblik: `session` noemt de verkeerde sessie, of de sessie ging toch door en `cancelled` moet weg.",
                "A cancelled session has no retrospective: `session` names the wrong session, or the session did take place and `cancelled` must go.",
            ),
            wrong: header(
                RETROSPECTIVE,
                text(
                    "session: 2018-01-15-utrecht   # deze sessie ging niet door",
                    "session: 2018-01-15-utrecht   # this session was cancelled",
                ),
            ),
            right: header(RETROSPECTIVE, same("session: 2017-09-18-kick-off-schiedam")),
        },
        Code::StatusContradiction => Explanation {
            summary: text(
                "De status van een thema klopt niet met de sessies.",
                "A theme's status contradicts its sessions.",
            ),
            what: text(
                "Een thema heeft een `status`, maar de sessies zeggen iets anders: een gehouden sessie had het op de agenda (`discussed`), een geplande sessie (`scheduled`), of geen enkele (`proposed`).",
                "A theme declares a `status`, but the sessions say otherwise: a held session had it on the agenda (`discussed`), a planned one (`scheduled`), or none (`proposed`).",
            ),
            why: text(
                "Zonder `status` leidt pioneers die af uit de sessies, en klopt hij altijd; alleen `closed` vul je zelf in.",
                "Without `status` pioneers derives it from the sessions, and it is always right; only `closed` is written by hand.",
            ),
            wrong: header(
                THEME,
                text(
                    "status: proposed   # maar de kick-off had het op de agenda",
                    "status: proposed   # but the kick-off had it on the agenda",
                ),
            ),
            right: header(THEME, same("status: discussed")),
        },
        Code::EmptyBody => Explanation {
            summary: text(
                "Een terugblik heeft geen tekst onder de kop.",
                "A retrospective has no text below its header.",
            ),
            what: text(
                "Onder de kop van een terugblik (na de tweede `---`) hoort het verslag zelf. Hier staat niets.",
                "Below a retrospective's header (after the second `---`) comes the account itself. Here there is nothing.",
            ),
            why: text(
                "Een terugblik zonder tekst is een lege pagina op de site.",
                "A retrospective without text is an empty page on the site.",
            ),
            wrong: file(
                RETROSPECTIVE,
                same(
                    "---\ntitle: Terugblik kick-off\nsession: 2017-09-18-kick-off-schiedam\npublished: 2017-09-20\nauthors: [Ana de Vries]\n---\n",
                ),
            ),
            right: file(
                RETROSPECTIVE,
                same(
                    "---\ntitle: Terugblik kick-off\nsession: 2017-09-18-kick-off-schiedam\npublished: 2017-09-20\nauthors: [Ana de Vries]\n---\nWe spraken over de Wob.\n",
                ),
            ),
        },
        Code::BrokenLink => Explanation {
            summary: text(
                "Een link wijst naar een document of bestand dat niet bestaat.",
                "A link points to a document or file that does not exist.",
            ),
            what: text(
                "Een link in de tekst wijst naar een ander document of bestand in de kennisbank (zoals ../themes/open-wob.md) dat er niet is.",
                "A link in the text points to another document or file in the knowledge base (such as ../themes/open-wob.md) that is not there.",
            ),
            why: text(
                "Wie erop klikt, krijgt een foutpagina.",
                "Whoever clicks it gets an error page.",
            ),
            wrong: body(
                RETROSPECTIVE,
                same("We spraken over [Open Wob](../themes/open-wobb.md)."),
            ),
            right: body(
                RETROSPECTIVE,
                same("We spraken over [Open Wob](../themes/open-wob.md)."),
            ),
        },
        Code::BrokenAnchor => Explanation {
            summary: text(
                "Een link wijst naar een kopje dat niet bestaat.",
                "A link points to a heading that does not exist.",
            ),
            what: text(
                "Een link met `#` wijst naar een kopje in een document. Dat document heeft geen kopje met die naam.",
                "A link with `#` points to a heading in a document. That document has no heading of that name.",
            ),
            why: text(
                "De lezer komt dan bovenaan de pagina uit in plaats van bij het goede stuk.",
                "The reader then lands at the top of the page instead of at the right part.",
            ),
            wrong: body(
                RETROSPECTIVE,
                same("Zie [de aanpak](../themes/open-wob.md#werkwijze)."),
            ),
            right: body(
                RETROSPECTIVE,
                same("Zie [de aanpak](../themes/open-wob.md#aanpak)."),
            ),
        },
        Code::MissingImage => Explanation {
            summary: text(
                "Een afbeelding wijst naar een bestand dat niet bestaat.",
                "An image points to a file that does not exist.",
            ),
            what: text(
                "Een afbeelding in de tekst wijst naar een bestand dat er niet is. Afbeeldingen staan in content/assets/.",
                "An image in the text points to a file that is not there. Images belong in content/assets/.",
            ),
            why: text(
                "Op de site staat dan een leeg vak in plaats van de afbeelding.",
                "The site then shows an empty box instead of the image.",
            ),
            wrong: body(
                RETROSPECTIVE,
                same("![Logo van het netwerk](../assets/logo.jpg)"),
            ),
            right: body(
                RETROSPECTIVE,
                same("![Logo van het netwerk](../assets/logo.png)"),
            ),
        },
        Code::RawHtml => Explanation {
            summary: text(
                "De tekst bevat HTML; die wordt als gewone tekst getoond.",
                "The text contains HTML, which is shown as plain text.",
            ),
            what: text(
                "In de tekst staat HTML, zoals <b> of <br>. Voor de veiligheid toont de site die als gewone tekst.",
                "The text contains HTML such as <b> or <br>. For safety the site shows it as plain text.",
            ),
            why: text(
                "Lezers zien dan de codes zelf; Markdown geeft hetzelfde zonder HTML.",
                "Readers would see the codes themselves; Markdown does the same without HTML.",
            ),
            wrong: body(RETROSPECTIVE, same("<b>Let op:</b> de Wob heet nu Woo.")),
            right: body(RETROSPECTIVE, same("**Let op:** de Wob heet nu Woo.")),
        },
        Code::MissingRetrospective => Explanation {
            summary: text(
                "Een gehouden sessie heeft nog geen terugblik.",
                "A held session has no retrospective yet.",
            ),
            what: text(
                "De sessie is geweest en niet afgelast, maar geen terugblik verwijst er met `session` naar.",
                "The session has taken place and was not cancelled, but no retrospective names it in `session`.",
            ),
            why: text(
                "De terugblikken zijn het geheugen van het netwerk; dit is een herinnering, geen fout.",
                "Retrospectives are the network's memory; this is a reminder, not an error.",
            ),
            wrong: file(
                "content/sessions/2017-11-22-utrecht.md",
                text(
                    "---\ntitle: Open overheid in Utrecht\ndate: 2017-11-22   # gehouden, maar nog geen terugblik\ncity: Utrecht\nhosts: [utrecht]\n---\n",
                    "---\ntitle: Open overheid in Utrecht\ndate: 2017-11-22   # held, but no retrospective yet\ncity: Utrecht\nhosts: [utrecht]\n---\n",
                ),
            ),
            right: file(
                "content/retrospectives/2017-11-22-utrecht.md",
                same(
                    "---\ntitle: Terugblik Utrecht\nsession: 2017-11-22-utrecht\npublished: 2017-11-30\nauthors: [Ana de Vries]\n---\nWe spraken over open raadsinformatie.\n",
                ),
            ),
        },
        Code::PlaceholderText => Explanation {
            summary: text(
                "Een terugblik bevat nog een vraag die `new` als voorbeeld schreef.",
                "A retrospective still has a question that `new` wrote as a prompt.",
            ),
            what: text(
                "`pioneers new retrospective` zet onder elke tussenkop een vraag. Zo'n vraag staat er nog, precies zoals `new` hem schreef.",
                "`pioneers new retrospective` puts a question under each heading. One of them is still there, exactly as `new` wrote it.",
            ),
            why: text(
                "Op de site zou de vraag verschijnen in plaats van het antwoord.",
                "The site would show the question instead of the answer.",
            ),
            wrong: body(
                RETROSPECTIVE,
                same(
                    "## Wat er gebeurde\n\nWie waren er, wat werd er gepresenteerd en besproken?\n",
                ),
            ),
            right: body(
                RETROSPECTIVE,
                same(
                    "## Wat er gebeurde\n\nVeertig mensen uit twintig gemeenten wisselden ervaringen uit.\n",
                ),
            ),
        },
        Code::DuplicateItem => Explanation {
            summary: text(
                "Een lijst noemt hetzelfde twee keer.",
                "A list names the same item twice.",
            ),
            what: text(
                "In een lijst staat hetzelfde onderdeel twee keer. Bij tags tellen ook tags mee die dezelfde pagina krijgen, zoals `Open data` en `open-data`.",
                "A list has the same item twice. For tags, tags that would get the same page count too, such as `Open data` and `open-data`.",
            ),
            why: text(
                "Het onderdeel staat dan twee keer op de site; meestal is het een vergissing bij het kopiëren.",
                "The item would show twice on the site; usually it is a copying slip.",
            ),
            wrong: header(THEME, same("carriers: [utrecht, schiedam, utrecht]")),
            right: header(THEME, same("carriers: [utrecht, schiedam]")),
        },
        Code::ReservedPath => Explanation {
            summary: text(
                "Een bestand zou komen op de plek van een pagina die de site zelf maakt.",
                "A file would be published where the site makes a page of its own.",
            ),
            what: text(
                "Bestanden onder content/ worden mee gepubliceerd. Dit bestand zou op dezelfde plek komen als een pagina die pioneers zelf maakt, zoals de startpagina of de pagina van een document.",
                "Files under content/ are published too. This file would land where pioneers makes a page itself, such as the home page or a document's page.",
            ),
            why: text(
                "Het zou die pagina vervangen; zo kan niemand ongemerkt een pagina van de site overnemen.",
                "It would replace that page; this way nobody can take over a page of the site unnoticed.",
            ),
            wrong: path(
                "content/themes/open-wob.html",
                same("content/themes/open-wob.html"),
            ),
            right: path(
                "content/assets/open-wob.html",
                same("content/assets/open-wob.html"),
            ),
        },
    }
}

/// The word for a severity: `fout`/`error`, `waarschuwing`/`warning`.
pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => lang.pick("fout", "error"),
        Severity::Warning => lang.pick("waarschuwing", "warning"),
    }
}

/// Where an example is, as a label after "Wrong"/"Right".
fn location(example: &Example, lang: Lang) -> String {
    match example.part {
        Part::Header => {
            lang.pick("in de kop van", "in the header of").to_string() + " " + example.path
        }
        Part::Body => {
            lang.pick("in de tekst van", "in the text of").to_string() + " " + example.path
        }
        Part::File => lang.pick("het bestand", "the file").to_string() + " " + example.path,
        Part::Path => lang.pick("de bestandsnaam", "the file name").to_string(),
    }
}

/// The explanation of `code` as plain text for a terminal: a heading with the code and
/// its severity, what, why, and the two examples indented.
pub fn to_text(code: Code, lang: Lang) -> String {
    let explanation = explain(code);
    let mut out = format!(
        "{} ({}): {}\n\n",
        code.as_str(),
        severity_word(code.severity(), lang),
        explanation.summary.get(lang)
    );
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick("Wat:", "What:"),
        explanation.what.get(lang)
    );
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick("Waarom:", "Why:"),
        explanation.why.get(lang)
    );
    for (label, example) in [
        (lang.pick("Fout", "Wrong"), &explanation.wrong),
        (lang.pick("Goed", "Right"), &explanation.right),
    ] {
        let _ = writeln!(out, "\n{label} ({}):\n", location(example, lang));
        for line in example.text.get(lang).lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

/// The explanation of `code` as Markdown (for SARIF `help.markdown`): what, why, and the
/// two examples in fenced code blocks.
pub fn to_markdown(code: Code, lang: Lang) -> String {
    let explanation = explain(code);
    let mut out = format!(
        "{}\n\n{}\n",
        explanation.what.get(lang),
        explanation.why.get(lang)
    );
    for (label, example) in [
        (lang.pick("Fout", "Wrong"), &explanation.wrong),
        (lang.pick("Goed", "Right"), &explanation.right),
    ] {
        let fence = match example.part {
            Part::Header => "yaml",
            Part::Body | Part::File => "markdown",
            Part::Path => "text",
        };
        let _ = write!(
            out,
            "\n**{label}** ({}):\n\n```{fence}\n{}\n```\n",
            location(example, lang),
            example.text.get(lang).trim_end()
        );
    }
    out
}

/// Every code with its one-line summary, one per line, the summaries aligned.
pub fn list(lang: Lang) -> String {
    let width = Code::ALL
        .iter()
        .map(|code| code.as_str().len())
        .max()
        .unwrap_or_default();
    Code::ALL
        .iter()
        .map(|code| {
            format!(
                "{:width$}  {}\n",
                code.as_str(),
                explain(*code).summary.get(lang)
            )
        })
        .collect()
}

/// The code named `name` (in any case), if there is one.
pub fn find(name: &str) -> Option<Code> {
    Code::ALL
        .iter()
        .copied()
        .find(|code| code.as_str().eq_ignore_ascii_case(name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;
    use crate::kb::date::parse_date;

    /// Codes whose examples cannot be checked on documents held in memory, and why.
    const NOT_CHECKED: &[(Code, &str)] = &[
        (
            Code::NotUtf8,
            "the example cannot hold bytes that are not UTF-8",
        ),
        (
            Code::FileTooLarge,
            "the example shows a shortened 5 MB file",
        ),
        (
            Code::UnreadableFile,
            "needs the file system (dot-files, links, permissions)",
        ),
        (
            Code::UnknownFolder,
            "found by the walk over the folders on disk",
        ),
        (
            Code::ReservedPath,
            "found by the walk over the folders on disk",
        ),
        (Code::DuplicateId, "needs a second file beside the example"),
    ];

    /// A small valid network with the documents the examples change, as
    /// `(path, header lines, text)`: no diagnostic at all on [`TODAY`].
    const BASE: &[(&str, &str, &str)] = &[
        (
            "content/organisations/schiedam.md",
            "name: Gemeente Schiedam\nkind: municipality\ncity: Schiedam\n",
            "",
        ),
        (
            "content/organisations/utrecht.md",
            "name: Gemeente Utrecht\nkind: municipality\n",
            "",
        ),
        (
            "content/themes/open-wob.md",
            "title: Open Wob\nsummary: Wob-besluiten doorzoekbaar voor iedereen.\ncarriers: [utrecht]\n",
            "## Aanpak\n\nEen platform voor besluiten.\n",
        ),
        (
            "content/themes/open-raadsinformatie.md",
            "title: Open raadsinformatie\nsummary: Raadsstukken open voor iedereen.\n",
            "",
        ),
        (
            "content/themes/cafe-gesprek.md",
            "title: Het café-gesprek\nsummary: Informeel praten met inwoners.\n",
            "",
        ),
        (
            "content/sessions/2017-09-18-kick-off-schiedam.md",
            "title: Kick-off\ndate: 2017-09-18\ncity: Schiedam\nhosts: [schiedam]\nthemes: [open-wob]\n",
            "",
        ),
        (
            "content/sessions/2018-01-15-utrecht.md",
            "title: Utrecht\ndate: 2018-01-15\ncity: Utrecht\nhosts: [utrecht]\ncancelled: true\n",
            "",
        ),
        (
            "content/sessions/2027-03-10-utrecht.md",
            "title: Utrecht\ndate: 2027-03-10\ncity: Utrecht\nhosts: [utrecht]\n",
            "",
        ),
        (
            "content/retrospectives/2017-09-18-kick-off-schiedam.md",
            "title: Terugblik kick-off\nsession: 2017-09-18-kick-off-schiedam\npublished: 2017-09-20\nauthors: [Ana de Vries]\n",
            "We spraken over de Wob.\n",
        ),
    ];

    const TODAY: &str = "2026-11-30";
    const ASSETS: &[&str] = &["content/assets/logo.png"];

    fn base() -> Vec<(String, String)> {
        BASE.iter()
            .map(|(path, header, body)| (path.to_string(), format!("---\n{header}---\n{body}")))
            .collect()
    }

    /// The top-level fields of header lines: each field with the lines that belong to it
    /// (its value's continuation and the comments above it).
    fn fields(header: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut pending = String::new();
        for line in header.lines() {
            let starts_field = !line.starts_with([' ', '\t', '-', '#']) && line.contains(':');
            if starts_field {
                let key = line
                    .split(':')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                out.push((key, std::mem::take(&mut pending) + line + "\n"));
            } else if let Some(last) = out.last_mut().filter(|_| !line.starts_with('#')) {
                last.1 += &format!("{line}\n");
            } else {
                pending += &format!("{line}\n");
            }
        }
        if !pending.is_empty() {
            out.push((String::new(), pending));
        }
        out
    }

    /// `files` with `example` put in: its header fields replace the document's fields of
    /// the same name (or are added), its text replaces the document's text, its file
    /// replaces or adds the file, its path holds a copy of a document of that folder.
    fn apply(files: &mut Vec<(String, String)>, example: &Example, lang: Lang) {
        let shown = example.text.get(lang);
        let at = files.iter().position(|(p, _)| p == example.path);
        match example.part {
            Part::File => {
                files.retain(|(p, _)| p != example.path);
                files.push((example.path.to_string(), shown.to_string()));
            }
            Part::Path => {
                if at.is_none() {
                    let folder = example.path.rsplit_once('/').map_or("", |(f, _)| f);
                    let model = BASE
                        .iter()
                        .find(|(p, _, _)| p.starts_with(folder))
                        .unwrap_or(&BASE[0]);
                    files.push((
                        example.path.to_string(),
                        format!("---\n{}---\n{}", model.1, model.2),
                    ));
                }
            }
            Part::Header | Part::Body => {
                let (header, body) = BASE
                    .iter()
                    .find(|(p, _, _)| *p == example.path)
                    .map(|(_, h, b)| (*h, *b))
                    .expect("examples change a document of the base");
                let (header, body) = if example.part == Part::Body {
                    (header.to_string(), format!("{shown}\n"))
                } else {
                    (merge(header, shown), body.to_string())
                };
                files.retain(|(p, _)| p != example.path);
                files.push((
                    example.path.to_string(),
                    format!("---\n{header}---\n{body}"),
                ));
            }
        }
    }

    fn merge(header: &str, change: &str) -> String {
        let mut merged = fields(header);
        for (key, lines) in fields(change) {
            match merged
                .iter_mut()
                .find(|(k, _)| !key.is_empty() && *k == key)
            {
                Some(field) => field.1 = lines,
                None => merged.push((key, lines)),
            }
        }
        merged.into_iter().map(|(_, lines)| lines).collect()
    }

    fn codes_found(files: &[(String, String)]) -> Vec<(Code, String)> {
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let kb = KnowledgeBase::from_memory(&files, ASSETS, parse_date(TODAY).expect("date"));
        crate::validate::validate(&kb)
            .into_iter()
            .map(|d| {
                (
                    d.code,
                    format!(
                        "{}: {} {}",
                        d.file,
                        d.code.as_str(),
                        d.message.text(Lang::En)
                    ),
                )
            })
            .collect()
    }

    #[test]
    fn the_base_network_is_clean() {
        assert_eq!(codes_found(&base()), Vec::new());
    }

    #[test]
    fn every_code_is_explained_in_both_languages() {
        for &code in Code::ALL {
            let e = explain(code);
            for (name, text) in [("summary", e.summary), ("what", e.what), ("why", e.why)] {
                assert!(!text.nl.trim().is_empty(), "{code:?} {name} nl");
                assert!(!text.en.trim().is_empty(), "{code:?} {name} en");
                assert_ne!(text.nl, text.en, "{code:?} {name} is not translated");
            }
            for example in [e.wrong, e.right] {
                assert!(!example.text.nl.trim().is_empty(), "{code:?}");
                assert!(!example.text.en.trim().is_empty(), "{code:?}");
            }
            assert_ne!(e.wrong, e.right, "{code:?}");
            assert!(!e.summary.en.contains('\n') && !e.summary.nl.contains('\n'));
        }
    }

    #[test]
    fn wrong_examples_break_the_rule_and_right_ones_keep_it() {
        for &code in Code::ALL {
            if NOT_CHECKED.iter().any(|(c, _)| *c == code) {
                continue;
            }
            let e = explain(code);
            for lang in [Lang::Nl, Lang::En] {
                let mut wrong = base();
                apply(&mut wrong, &e.wrong, lang);
                let found = codes_found(&wrong);
                assert!(
                    found.iter().any(|(c, _)| *c == code),
                    "{code:?} {lang:?}: the wrong example gives {found:#?}\n{wrong:#?}"
                );
                // A right example that adds another file completes the wrong one.
                let mut right = base();
                if e.right.path != e.wrong.path && e.wrong.part == Part::File {
                    apply(&mut right, &e.wrong, lang);
                }
                apply(&mut right, &e.right, lang);
                let found = codes_found(&right);
                assert!(
                    !found.iter().any(|(c, _)| *c == code),
                    "{code:?} {lang:?}: the right example gives {found:#?}"
                );
            }
        }
    }

    #[test]
    fn the_text_has_heading_what_why_and_both_examples() {
        let nl = to_text(Code::UnknownField, Lang::Nl);
        assert!(nl.starts_with("unknown-field (fout): "), "{nl}");
        for part in [
            "Wat: ",
            "Waarom: ",
            "\nFout (in de kop van ",
            "\nGoed (",
            "    auteurs: [Ana de Vries]",
        ] {
            assert!(nl.contains(part), "{part}: {nl}");
        }
        let en = to_text(Code::MissingRetrospective, Lang::En);
        assert!(en.starts_with("missing-retrospective (warning): "), "{en}");
        for part in [
            "What: ",
            "Why: ",
            "\nWrong (the file ",
            "\nRight (the file ",
        ] {
            assert!(en.contains(part), "{part}: {en}");
        }
    }

    #[test]
    fn markdown_fences_every_example() {
        let markdown = to_markdown(Code::BrokenLink, Lang::En);
        assert!(
            markdown.contains("**Wrong** (in the text of content/retrospectives/"),
            "{markdown}"
        );
        assert_eq!(markdown.matches("```").count(), 4, "{markdown}");
    }

    #[test]
    fn the_list_has_every_code_once() {
        let list = list(Lang::Nl);
        assert_eq!(list.lines().count(), Code::ALL.len());
        assert!(list.contains("unknown-field"));
        assert!(list.contains("Een veld hoort niet bij deze soort document."));
    }

    #[test]
    fn codes_are_found_by_name() {
        assert_eq!(find("unknown-field"), Some(Code::UnknownField));
        assert_eq!(find(" Unknown-Field "), Some(Code::UnknownField));
        assert_eq!(find("unknown-fild"), None);
    }
}
