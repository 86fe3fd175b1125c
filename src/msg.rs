//! Every message about the content that a user reads, in Dutch and in English: one typed
//! table. Each variant is one sentence with its values; [`Msg::text`] writes it in a
//! language, and the exhaustive `match` there means no message can lack a language. Rule
//! codes and JSON keys are never translated.
//!
//! Dutch is written for civil servants who are not programmers: "de kop van het document"
//! for front matter, "lijst" for a sequence, "veld" for a key.

use crate::kb::schema::{DocKind, FieldType};
use crate::lang::Lang;

/// One message (or help line) with the values it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    // --- "did you mean" and lists of choices --------------------------------------------
    /// `did you mean `x`?`
    DidYouMean(String),
    /// The fields a mapping may have.
    TheFieldsAre(Vec<&'static str>),
    /// The words a field accepts.
    ChooseOneOf(Vec<&'static str>),

    // --- reports ----------------------------------------------------------------------------
    /// The last line of a human report.
    Summary {
        /// Files checked.
        files: usize,
        /// Errors.
        errors: usize,
        /// Warnings.
        warnings: usize,
    },

    // --- reading files ----------------------------------------------------------------------
    /// A file or folder could not be read (the system's reason).
    CannotRead(String),
    /// A document could not be read (the system's reason).
    CannotReadFile(String),
    /// A symbolic link in the content.
    SymbolicLink,
    /// Help: replace the link.
    ReplaceLinkByFile,
    /// A pipe, socket or device.
    NotARegularFile,
    /// A Markdown file outside the four folders.
    NotInDocumentFolder,
    /// Help: move it into one of the folders.
    MoveToFolder(Vec<&'static str>),
    /// A file would be published where the site writes a page.
    ReservedPath {
        /// The file.
        file: String,
        /// Where it would be published.
        published: String,
        /// What the site generates there.
        generated: Generated,
    },
    /// Help: rename or move.
    RenameOrMove,
    /// A document over the size limit.
    FileTooLarge {
        /// The limit in MiB.
        mib: u64,
    },
    /// Not UTF-8.
    NotUtf8,
    /// Help: save as UTF-8.
    SaveAsUtf8,
    /// No `---` at the start.
    NoFrontMatter,
    /// Help: how a document starts.
    BeginWithFrontMatter,
    /// The opening `---` has no closing one.
    FrontMatterNotClosed,
    /// Help: close it.
    CloseFrontMatter,
    // [slips-yaml] new variants for YAML and file-name slips go below this line.
    /// A plain value holds `: `, which YAML reads as a new key.
    ColonInValue {
        /// The key whose value it is.
        key: String,
    },
    /// A quoted value that opens with one quote and ends with another (a curly one from a
    /// word processor, or `"` against `'`).
    MismatchedQuote {
        /// The key whose value it is (empty for a list item).
        key: String,
        /// The quote that opens it.
        open: char,
        /// The quote that ends it.
        close: char,
    },
    /// A quoted value whose closing quote is missing on its line.
    UnclosedQuote {
        /// The key whose value it is (empty for a list item).
        key: String,
        /// The quote that opens it.
        open: char,
    },
    /// A tab in the indentation (or after a colon), where YAML allows only spaces.
    TabIndent,
    /// Help: indent with spaces.
    UseSpaces,
    /// `key:value` with no space after the colon.
    NoSpaceAfterColon {
        /// The key.
        key: String,
    },
    /// Help: the corrected line (or value), to copy.
    WriteInstead(String),
    /// Help for the YAML parser's own words: where to look.
    CheckQuotesColonsIndentation,
    /// Help: where the closing `---` goes.
    CloseFrontMatterAfter {
        /// The last line of the fields.
        line: usize,
    },
    /// A document file whose extension is not `.md`.
    NotMdExtension(String),
    /// Help: the path the file should have (a rename, not a text edit).
    RenameTo(String),

    // --- YAML ---------------------------------------------------------------------------
    /// The YAML parser's own words, for errors no plainer message covers.
    YamlParser(String),
    /// Nesting beyond the limit.
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// Help: fewer levels.
    FewerLevels,
    /// `*alias` without its `&anchor`.
    UnknownAlias,
    /// Aliases expand to too many values.
    AliasValues {
        /// The limit.
        max: usize,
    },
    /// Aliases copy too much text.
    AliasBytes {
        /// The limit.
        max: usize,
    },
    /// Help: no aliases.
    WriteValuesOut,
    /// A key twice in one mapping.
    DuplicateKey(String),
    /// Help: which of the two counts.
    FirstOneCounts {
        /// The line of the first.
        line: usize,
    },

    // --- ids and files --------------------------------------------------------------------
    /// A file name that is not a slug.
    NotAValidId(String),
    /// Help: the path the file should have, from the root.
    RenameFileTo(String),
    /// A session file that does not start with a date.
    SessionIdWithoutDate(String),
    /// Help: how session files are named.
    NameSessionFiles,
    /// Two documents with one id.
    DuplicateId {
        /// Their type.
        kind: DocKind,
        /// The id.
        id: String,
        /// The other file.
        other: String,
        /// Whether the ids differ in case only.
        case_only: bool,
    },
    /// Help: rename one.
    RenameOneOfTwo,

    // --- fields ---------------------------------------------------------------------------
    /// A key that is not one word.
    KeyNotOneWord,
    /// A key the type does not have.
    UnknownField {
        /// The document's type.
        kind: DocKind,
        /// The key.
        name: String,
        /// The entry of a list it is in (`speakers`), if not the top.
        parent: Option<String>,
    },
    /// A required key is missing.
    MissingField {
        /// The key.
        name: &'static str,
        /// The list entry it is missing from, if not the top.
        parent: Option<String>,
    },
    /// Help: add the key with a value of its type.
    AddField {
        /// The key.
        name: &'static str,
        /// Its type.
        ty: FieldType,
    },
    /// A required key without value.
    EmptyField(&'static str),
    /// Help: give it a value.
    GiveItA(FieldType),
    /// An empty item in a list.
    EmptyItem(&'static str),
    /// Help: remove it or fill it.
    RemoveOrWrite,
    /// The head is not fields.
    HeadNotFields(Form),
    /// Help: one `key: value` per line.
    OneKeyPerLine,
    /// A value of the wrong shape.
    WrongType {
        /// The key.
        name: &'static str,
        /// What it must be.
        ty: FieldType,
        /// What it is.
        found: Form,
    },
    /// Help: write a list.
    WriteAList {
        /// The key.
        name: &'static str,
        /// The value as written.
        value: String,
    },
    /// Help: true or false.
    WriteTrueOrFalse,
    /// Help: quote the text.
    QuoteTheText(String),
    /// A word that is not one of the choices.
    NotAValidWord {
        /// The value.
        value: String,
        /// The key.
        name: &'static str,
    },
    /// An empty reference.
    EmptyReference {
        /// The key.
        name: &'static str,
        /// The type it refers to.
        kind: DocKind,
    },
    /// A reference that cannot be an id.
    NotAnIdOf {
        /// The value.
        value: String,
        /// The key.
        name: &'static str,
        /// The type it refers to.
        kind: DocKind,
    },
    /// Help: what a session id looks like.
    SessionIdShape,
    /// Help: what an id looks like.
    IdShape,
    /// A date that is not one.
    InvalidDate {
        /// The key.
        name: &'static str,
        /// The value.
        value: String,
    },
    /// Help: how to write a date.
    WriteIsoDate,
    /// A time that is not one.
    InvalidTime {
        /// The key.
        name: &'static str,
        /// The value.
        value: String,
    },
    /// Help: how to write a time.
    WriteTime,
    // [slips-values] new variants for date, time, key, list slips go below this line.
    /// Help: the ISO date a hand-written date means (`write: published: 2024-09-18`).
    WriteDate {
        /// The key.
        name: &'static str,
        /// The date as `YYYY-MM-DD`.
        date: String,
    },
    /// Help: the `HH:MM` a hand-written time means (`write: start: "14:00"`).
    WriteTimeAs {
        /// The key.
        name: &'static str,
        /// The time as `HH:MM`.
        time: String,
    },
    /// Help: a key written in Dutch, and its English name.
    KeyInEnglish {
        /// The key as written.
        from: String,
        /// The field it means.
        to: &'static str,
    },
    /// Help: a key written with capitals, and its lowercase name.
    KeyInLowercase {
        /// The key as written.
        from: String,
        /// The field it means.
        to: &'static str,
    },
    /// Help: a key that means a field the mapping already has.
    KeyAlreadyThere {
        /// The key as written.
        from: String,
        /// The field it means.
        to: &'static str,
    },
    /// Help: add a missing field, with an example line (`add: authors: [Ana de Vries]`).
    AddFieldLine {
        /// The key.
        name: &'static str,
        /// A typical value, as it is written.
        example: String,
        /// Its type.
        ty: FieldType,
    },
    /// A URL that is not a web address.
    InvalidUrl {
        /// The key.
        name: &'static str,
        /// The value.
        value: String,
    },
    /// Help: http(s), no spaces.
    UseWebAddress,
    /// Help: the whole address.
    WriteWholeAddress(String),
    /// Text over its limit.
    TooManyCharacters {
        /// The key.
        name: &'static str,
        /// Its length.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Help: one sentence.
    OneSentence,
    /// A list over its limit.
    TooManyItems {
        /// The key.
        name: &'static str,
        /// Its length.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// Help: keep what matters.
    KeepWhatMatters,
    /// The same item twice.
    AppearsTwice {
        /// The item.
        item: String,
        /// The key.
        name: &'static str,
    },
    /// Two tags with one tag page.
    SameTagPage {
        /// The later tag.
        item: String,
        /// The earlier one.
        first: String,
        /// The page's slug.
        slug: String,
    },
    /// Help: remove the second.
    RemoveSecond,
    /// An invisible control character.
    ControlCharacter {
        /// The character.
        c: char,
        /// How many more the file has.
        more: usize,
    },
    /// Help: delete it.
    DeleteControlCharacter,

    // --- references and the network ---------------------------------------------------------
    /// A reference to a document that does not exist.
    UnknownReference {
        /// The key.
        name: &'static str,
        /// The type it refers to.
        kind: DocKind,
        /// The id.
        id: String,
    },
    /// Help: create it or use an existing id.
    CreateOrUseExisting {
        /// The type.
        kind: DocKind,
        /// The id.
        id: String,
    },
    // [fix] new variants for fixes and references go below this line.
    /// Help: a reference in the wrong case or with spaces; the id it means.
    WriteTheId(String),
    /// Help: a word of a fixed set written in the wrong case; the word.
    WriteInLowercase(String),
    /// `validate --fix` changed a text: where (`file:line:column`), from what, to what.
    Fixed {
        /// `file:line:column`.
        place: String,
        /// The text before.
        before: String,
        /// The text after.
        after: String,
    },
    /// `validate --fix` left a certain fix out because another changed the same text.
    FixSkipped(String),
    /// `validate --fix` did not write a file, and why.
    FileNotFixed {
        /// The file.
        file: String,
        /// Why.
        why: Box<Msg>,
    },
    /// The file changed on disk between reading and fixing.
    ChangedWhileFixing,
    /// Writing a fixed file failed (the system's reason).
    CannotWriteFile(String),
    /// The description of a fix (SARIF): replace this by that.
    ReplaceWith {
        /// The text before.
        before: String,
        /// The text after.
        after: String,
    },
    /// A theme related to itself.
    RelatedToItself,
    /// Help: remove it from `related`.
    RemoveFromRelated(String),
    /// `next_session` is the session itself.
    NextSessionIsItself,
    /// Help: name the next one.
    NameNextSession,
    /// `date` and the id differ.
    DateMismatch {
        /// The date field.
        date: String,
        /// The id's date.
        id_date: String,
    },
    /// Help: fix the date or rename the file.
    FixDateOrRename(String),
    /// End not after start.
    EndBeforeStart,
    /// Help: check the times.
    CheckTimes,
    /// Published before the session.
    PublishedBeforeSession {
        /// Published.
        published: String,
        /// The session's day.
        held: String,
    },
    /// Help: publish on or after.
    PublishAfterSession,
    /// A retrospective of a planned session.
    SessionNotYetHeld(String),
    /// Help: wait, or check the day.
    WriteAfterSession,
    /// A retrospective of a cancelled session.
    SessionCancelled(String),
    /// Help: remove one or the other.
    RemoveRetrospectiveOrCancelled,
    /// A declared status that the sessions contradict.
    StatusContradiction {
        /// The declared status.
        declared: &'static str,
        /// What the sessions say.
        derived: &'static str,
        /// Why.
        why: StatusReason,
    },
    /// Help: remove `status` or fix the sessions.
    RemoveStatus,
    /// A retrospective without text.
    EmptyBody,
    /// Help: write the text.
    WriteBody,
    /// A link to nothing.
    BrokenLink(String),
    /// Help: links are relative.
    LinksAreRelative,
    /// A link to a missing heading.
    BrokenAnchor {
        /// The target file.
        file: String,
        /// The anchor.
        anchor: String,
    },
    /// Help: link to a heading.
    LinkToHeading,
    /// An image that does not exist.
    MissingImage(String),
    /// Help: where images go.
    PutImagesInAssets,
    /// Raw HTML in the body.
    RawHtml,
    /// Help: use Markdown.
    UseMarkdown,
    /// A held session without retrospective.
    MissingRetrospective(String),
    /// Help: add one.
    AddRetrospective(String),
    // [new] new variants for `new` and placeholder text go below this line.
    /// A question of the retrospective skeleton, still unanswered.
    PlaceholderText(String),
    /// Help: answer it.
    ReplacePlaceholder,
    /// `new`: a flag names a document that does not exist.
    NewUnknownReference {
        /// The flag (`--session`).
        flag: String,
        /// The type it refers to.
        kind: DocKind,
        /// The id given.
        id: String,
        /// The closest existing id.
        closest: Option<String>,
    },
    /// `new`: required flags are missing.
    NewNeeds {
        /// The type.
        kind: DocKind,
        /// The flags.
        flags: Vec<String>,
    },
    /// `new`: the file exists.
    NewExists(String),
    /// `new`: refused because it would not validate.
    NewNotWritten(String),
    /// `render`: the content has errors.
    RenderRefused(usize),
    /// `render`: the files written.
    RenderWrote {
        /// How many.
        count: usize,
        /// Where.
        dir: String,
    },
    /// `render`: the output folder holds something else.
    RenderNotOurs {
        /// The folder.
        dir: String,
        /// The marker file's name.
        marker: &'static str,
    },
    /// `render`: no base URL.
    RenderNoBaseUrl,
    /// `render`: a base URL that is not one.
    RenderBadBaseUrl(String),
    /// A query names a document that does not exist.
    NoSuchDocument {
        /// Its type.
        kind: DocKind,
        /// The id asked for.
        id: String,
        /// The closest existing id.
        closest: Option<String>,
    },
    /// `--sort` on a field that cannot be sorted on.
    CannotSortOn {
        /// The type listed.
        kind: DocKind,
        /// The field asked for.
        field: String,
        /// The closest sortable field.
        closest: Option<String>,
        /// Every sortable field.
        fields: Vec<&'static str>,
    },
    /// A query runs on content with errors in this many files.
    FilesHaveProblems(usize),
    /// `serve`: where the site is served.
    ServeListening(String),
    /// `serve`: listening beyond this computer.
    ServeNotLoopback(String),
    /// `serve`: a build is done.
    ServeBuilt {
        /// Files of the site.
        files: usize,
        /// Errors in the content.
        errors: usize,
        /// Warnings.
        warnings: usize,
    },
    /// `new`: an id given with `--id` that is not one.
    NewIdNotValid {
        /// The id.
        id: String,
        /// Whether it is a session's.
        session: bool,
    },
    /// `new`: no valid id can be made from the values.
    NewIdNotMade {
        /// What was made.
        id: String,
        /// Whether it is a session's.
        session: bool,
    },
    /// `new`: the file appeared while writing.
    NewAppeared(String),
    /// `new`: the type's folder is a link.
    NewFolderIsLink(String),
    /// `new`: the type's folder is not a folder.
    NewNotAFolder(String),
    /// `render`: the output folder is inside or around the sources.
    RenderIntoSources {
        /// The output folder.
        out: String,
        /// `content` or `templates`.
        source: &'static str,
        /// Inside (not around) it.
        inside: bool,
    },
    /// `pioneers.toml` names a language the tool does not speak.
    ConfigLanguage {
        /// The file.
        path: String,
        /// The value.
        value: String,
    },
    /// `init`: there is a knowledge base already.
    InitAlreadyThere(String),
    /// `new`: what to do after writing `path`.
    NextSteps {
        /// The file written.
        path: String,
        /// Its type.
        kind: DocKind,
        /// Its id.
        id: String,
    },
    // [serve] new variants go below this line.
    /// `serve`: two files of the site would be at one path, so `render` would stop.
    ServeTwoFiles {
        /// The path in the site.
        path: String,
    },
    /// `serve`: the heading of the problems shown on every page.
    ServeBanner {
        /// Errors in the content.
        errors: usize,
        /// Warnings.
        warnings: usize,
    },
    // [lsp] new variants go below this line.
    /// Rename: no document has this id (or path).
    RenameUnknown {
        /// The id or path given.
        id: String,
    },
    /// Rename: the id names documents of more than one type.
    RenameAmbiguous {
        /// The id.
        id: String,
        /// The types that have it.
        kinds: Vec<DocKind>,
    },
    /// Rename: the new id is not a valid id.
    RenameInvalidId {
        /// The new id.
        id: String,
        /// Whether it is a session's.
        session: bool,
    },
    /// Rename: the new id is the old one.
    RenameSameId(String),
    /// Rename: a document of the type has the new id already.
    RenameTaken {
        /// The type.
        kind: DocKind,
        /// The new id.
        id: String,
    },
    /// Rename: a reference is written so that it cannot be changed safely (a block scalar).
    RenameCannotEdit {
        /// The file.
        file: String,
        /// Its 1-based line.
        line: usize,
    },
    /// Rename: the cursor is not on something that can be renamed.
    RenameNotHere,
    /// `mv`: what was (or, with `--dry-run`, would be) done.
    MvSummary {
        /// The old path.
        from: String,
        /// The new path.
        to: String,
        /// References and links rewritten.
        edits: usize,
        /// Files they are in.
        files: usize,
        /// Whether nothing was written.
        dry_run: bool,
    },
    /// `mv`: a file changed on disk between reading and writing.
    MvChanged(String),
    /// Editor server: where the other document with the same id is.
    LspOtherWithId,
    /// Editor server: the title of a quick fix that replaces `before` by `after`.
    LspReplace {
        /// The text replaced (empty for an insertion).
        before: String,
        /// The text put in its place (empty for a removal).
        after: String,
    },
    // [site] new variants go below this line.
    /// A session with `end` but no `start`.
    EndWithoutStart,
    /// Help: add the start, or remove the end.
    AddStartOrRemoveEnd,
}

/// What a YAML value is, as messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Nothing (`~`, `null` or no value).
    Nothing,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// Any other single value.
    Single,
    /// A list.
    List,
    /// A group of `key: value` fields.
    Mapping,
}

/// A message as an error, for code below the commands that fails through `anyhow`: the
/// place that prints errors writes it in the user's language (its `Display` is English).
#[derive(Debug)]
pub struct Localized(pub Msg);

impl std::fmt::Display for Localized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.text(Lang::En))
    }
}

impl std::error::Error for Localized {}

/// What the site generates at a path, where no file from `content/` may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generated {
    /// The home page.
    HomePage,
    /// The stylesheet.
    Stylesheet,
    /// The feed.
    Feed,
    /// The calendar.
    Calendar,
    /// The sitemap.
    Sitemap,
    /// The picture of the network.
    NetworkPicture,
    /// A folder of generated pages.
    PageFolder,
    /// The pages of documents and their index.
    DocumentPages,
    /// The tag pages.
    TagPages,
    /// The data files.
    Data,
    /// A page of the site itself: not found (404), accessibility statement, search index.
    SitePage,
}

/// Why the sessions give a theme its status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusReason {
    /// A held session has it on its agenda.
    Held,
    /// A planned one has.
    Planned,
    /// None has.
    None,
}

impl Msg {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let pick = |dutch: String, english: String| if nl { dutch } else { english };
        match self {
            Msg::DidYouMean(c) => pick(format!("bedoel je `{c}`?"), format!("did you mean `{c}`?")),
            Msg::TheFieldsAre(names) => pick(
                format!("de velden zijn: {}", names.join(", ")),
                format!("the fields are: {}", names.join(", ")),
            ),
            Msg::ChooseOneOf(words) => pick(
                format!("kies een van: {}", words.join(", ")),
                format!("choose one of: {}", words.join(", ")),
            ),
            Msg::Summary {
                files,
                errors,
                warnings,
            } => {
                pick(
                    format!(
                        "{} gecontroleerd: {}, {}",
                        count(*files, "bestand", "bestanden"),
                        count(*errors, "fout", "fouten"),
                        count(*warnings, "waarschuwing", "waarschuwingen")
                    ),
                    format!(
                        "{} checked: {}, {}",
                        count(*files, "file", "files"),
                        count(*errors, "error", "errors"),
                        count(*warnings, "warning", "warnings")
                    ),
                )
            }
            Msg::CannotRead(why) => pick(
                format!("kan niet gelezen worden: {why}"),
                format!("cannot read: {why}"),
            ),
            Msg::CannotReadFile(why) => pick(
                format!("het bestand kan niet gelezen worden: {why}"),
                format!("cannot read the file: {why}"),
            ),
            Msg::SymbolicLink => pick(
                "symbolische koppeling; die wordt niet gevolgd, zodat er niets van buiten de inhoud gepubliceerd kan worden".into(),
                "symbolic link; it is not followed, so nothing outside the content can be published through it".into(),
            ),
            Msg::ReplaceLinkByFile => pick(
                "zet het bestand zelf op deze plek".into(),
                "replace the link by the file itself".into(),
            ),
            Msg::NotARegularFile => pick(
                "geen gewoon bestand (een pipe, socket of apparaat); het wordt niet gelezen".into(),
                "not a regular file (a pipe, socket or device); it is not read".into(),
            ),
            Msg::NotInDocumentFolder => pick(
                "dit Markdown-bestand staat niet in een map voor documenten".into(),
                "this Markdown file is not in a document folder".into(),
            ),
            Msg::MoveToFolder(folders) => pick(
                format!("verplaats het naar content/{{{}}}/", folders.join(",")),
                format!("move it to content/{{{}}}/", folders.join(",")),
            ),
            Msg::ReservedPath {
                file,
                published,
                generated,
            } => {
                let (wat, what) = match generated {
                    Generated::HomePage => ("de startpagina van de site", "the site's home page is"),
                    Generated::Stylesheet => ("het stijlblad van de site", "the site's stylesheet is"),
                    Generated::Feed => ("de feed met terugblikken", "the feed of retrospectives is"),
                    Generated::Calendar => ("de agenda met sessies", "the calendar of sessions is"),
                    Generated::Sitemap => ("de sitemap", "the sitemap is"),
                    Generated::NetworkPicture => ("de afbeelding van het netwerk", "the picture of the network is"),
                    Generated::PageFolder => ("een map met gemaakte pagina's", "a folder of generated pages is"),
                    Generated::DocumentPages => (
                        "de pagina's van de documenten en hun overzicht",
                        "the pages of documents and their index are",
                    ),
                    Generated::TagPages => ("de pagina's per trefwoord", "the tag pages are"),
                    Generated::Data => ("de gegevens van de kennisbank", "the data of the knowledge base is"),
                    Generated::SitePage => ("een vaste pagina van de site", "a page of the site is"),
                };
                pick(
                    format!("`{file}` zou verschijnen op `{published}`, waar de site al {wat} neerzet"),
                    format!("`{file}` would be published at `{published}`, where {what} generated"),
                )
            }
            Msg::RenameOrMove => pick(
                "geef het bestand een andere naam of zet het ergens anders".into(),
                "rename or move the file".into(),
            ),
            Msg::FileTooLarge { mib } => pick(
                format!("het bestand is groter dan {mib} MiB, de grens voor één document"),
                format!("the file is larger than {mib} MiB, the limit for one document"),
            ),
            Msg::NotUtf8 => pick(
                "het bestand is geen geldige UTF-8-tekst".into(),
                "the file is not valid UTF-8 text".into(),
            ),
            Msg::SaveAsUtf8 => pick(
                "sla het bestand in je editor op als UTF-8".into(),
                "save the file as UTF-8 in your editor".into(),
            ),
            Msg::NoFrontMatter => pick(
                "het bestand begint niet met een kop tussen twee regels `---`".into(),
                "the file does not start with front matter".into(),
            ),
            Msg::BeginWithFrontMatter => pick(
                "begin het bestand met een regel `---`, dan de velden, dan weer een regel `---`".into(),
                "begin the file with a line `---`, the fields, and another line `---`".into(),
            ),
            Msg::FrontMatterNotClosed => pick(
                "de kop van het document die hier begint, wordt nergens afgesloten".into(),
                "the front matter opened here is never closed".into(),
            ),
            Msg::CloseFrontMatter => pick(
                "sluit de velden af met een regel `---`".into(),
                "end the fields with a line `---`".into(),
            ),
            // [slips-yaml] arms go below this line.
            Msg::ColonInValue { key } => pick(
                format!("de waarde van `{key}` bevat `: ` en moet daarom tussen aanhalingstekens"),
                format!("the value of `{key}` contains `: `, so it needs quotes"),
            ),
            Msg::MismatchedQuote { key, open, close } => pick(
                format!(
                    "{} begint met `{open}` maar eindigt met `{close}`; gebruik aan beide kanten een recht aanhalingsteken `\"`",
                    value_of_nl(key)
                ),
                format!(
                    "{} starts with `{open}` but ends with `{close}`; use a straight `\"` on both sides",
                    value_of_en(key)
                ),
            ),
            Msg::UnclosedQuote { key, open } => pick(
                format!(
                    "{} begint met `{open}`, maar het aanhalingsteken wordt op deze regel niet gesloten",
                    value_of_nl(key)
                ),
                format!(
                    "{} starts with `{open}`, but the quote is not closed on this line",
                    value_of_en(key)
                ),
            ),
            Msg::TabIndent => pick(
                "deze regel bevat een tab; in de kop van het document mogen hier alleen spaties staan".into(),
                "this line has a tab; front matter allows only spaces here".into(),
            ),
            Msg::UseSpaces => pick(
                "gebruik spaties in plaats van de tab (twee spaties per niveau)".into(),
                "use spaces instead of the tab (two spaces per level)".into(),
            ),
            Msg::NoSpaceAfterColon { key } => pick(
                format!("na de dubbele punt van `{key}` ontbreekt een spatie"),
                format!("there is no space after the colon of `{key}`"),
            ),
            Msg::WriteInstead(line) => pick(format!("schrijf: {line}"), format!("write: {line}")),
            Msg::CheckQuotesColonsIndentation => pick(
                "controleer de aanhalingstekens, de dubbele punten en het inspringen op deze regel".into(),
                "check the quotes, colons and indentation of this line".into(),
            ),
            Msg::CloseFrontMatterAfter { line } => pick(
                format!(
                    "zet een regel `---` direct onder regel {line}, het laatste veld, boven de tekst"
                ),
                format!(
                    "add a line `---` right after line {line}, the last field, before the text"
                ),
            ),
            Msg::NotMdExtension(name) => pick(
                format!("de bestandsnaam `{name}` eindigt niet op `.md`"),
                format!("the file name `{name}` does not end in `.md`"),
            ),
            Msg::RenameTo(path) => pick(
                format!("geef het bestand de naam `{path}` (hernoem het zelf; dit is geen tekstwijziging)"),
                format!("rename the file to `{path}` (a rename, not a text edit)"),
            ),
            Msg::YamlParser(words) => pick(
                format!("de kop van het document klopt hier niet (technische melding: {words})"),
                words.clone(),
            ),
            Msg::TooDeep { max } => pick(
                format!("de kop van het document is meer dan {max} niveaus diep genest"),
                format!("front matter nests deeper than {max} levels"),
            ),
            Msg::FewerLevels => pick(
                "een paar niveaus is genoeg voor de kop van een document".into(),
                "front matter needs at most a few levels".into(),
            ),
            Msg::UnknownAlias => pick(
                "verwijzing (`*`) naar een anker (`&`) dat niet bestaat".into(),
                "alias to an unknown anchor".into(),
            ),
            Msg::AliasValues { max } => pick(
                format!("de herhalingen met `*` worden samen meer dan {max} waarden"),
                format!("aliases expand to more than {max} values"),
            ),
            Msg::AliasBytes { max } => pick(
                format!("de herhalingen met `&` en `*` kopiëren meer dan {max} bytes tekst"),
                format!("anchors and aliases copy more than {max} bytes of text"),
            ),
            Msg::WriteValuesOut => pick(
                "schrijf de waarden uit in plaats van ze met `&` en `*` te herhalen".into(),
                "write the values out instead of repeating them with aliases".into(),
            ),
            Msg::DuplicateKey(name) => pick(
                format!("het veld `{name}` staat twee keer in dezelfde groep"),
                format!("the key `{name}` appears twice in one mapping"),
            ),
            Msg::FirstOneCounts { line } => pick(
                format!("haal er een weg; de eerste, op regel {line}, is de geldende"),
                format!("remove one of them; the first, on line {line}, is the one used"),
            ),
            Msg::NotAValidId(id) => pick(
                format!("`{id}` is geen geldig id"),
                format!("`{id}` is not a valid id"),
            ),
            Msg::RenameFileTo(path) => pick(
                format!(
                    "een id bestaat uit kleine letters, cijfers en losse streepjes: noem het bestand `{path}`"
                ),
                format!(
                    "ids are lowercase letters, digits and single hyphens: rename the file to `{path}`"
                ),
            ),
            Msg::SessionIdWithoutDate(id) => pick(
                format!("sessie-id `{id}` begint niet met de datum van de sessie"),
                format!("session id `{id}` does not start with the session's date"),
            ),
            Msg::NameSessionFiles => pick(
                "noem sessiebestanden JJJJ-MM-DD-<naam>.md".into(),
                "name session files YYYY-MM-DD-<name>.md".into(),
            ),
            Msg::DuplicateId {
                kind,
                id,
                other,
                case_only,
            } => {
                let (hoe, how) = if *case_only {
                    ("een id dat alleen in hoofdletters verschilt van", "an id that differs only in case")
                } else {
                    ("hetzelfde id als", "the same id")
                };
                pick(
                    format!("{} `{id}` heeft {hoe} {other}", capitalised(kind_nl(*kind))),
                    format!("{kind} `{id}` has {how} as {other}"),
                )
            }
            Msg::RenameOneOfTwo => pick(
                "geef een van de twee bestanden een andere naam".into(),
                "rename one of the two files".into(),
            ),
            Msg::KeyNotOneWord => pick(
                "de naam van een veld moet één woord zijn".into(),
                "a field name must be a single word".into(),
            ),
            Msg::UnknownField { kind, name, parent } => match parent {
                None => pick(
                    format!("onbekend veld `{name}` voor {}", a_kind_nl(*kind)),
                    format!("unknown {kind} field `{name}`"),
                ),
                Some(parent) => pick(
                    format!("onbekend veld `{name}` in `{parent}`"),
                    format!("unknown field `{name}` in `{parent}`"),
                ),
            },
            Msg::MissingField { name, parent } => match parent {
                None => pick(
                    format!("het verplichte veld `{name}` ontbreekt"),
                    format!("missing required field `{name}`"),
                ),
                Some(parent) => pick(
                    format!("het verplichte veld `{name}` ontbreekt in dit item van `{parent}`"),
                    format!("missing required field `{name}` in this `{parent}` entry"),
                ),
            },
            Msg::AddField { name, ty } => pick(
                format!("voeg `{name}:` toe met {}", describe(*ty, Lang::Nl)),
                format!("add `{name}:` with {}", describe(*ty, Lang::En)),
            ),
            Msg::EmptyField(name) => pick(
                format!("`{name}` is leeg"),
                format!("`{name}` is empty"),
            ),
            Msg::GiveItA(ty) => pick(
                format!("vul {} in", describe(*ty, Lang::Nl)),
                format!("give it {}", describe(*ty, Lang::En)),
            ),
            Msg::EmptyItem(name) => pick(
                format!("`{name}` heeft een leeg item"),
                format!("`{name}` has an empty item"),
            ),
            Msg::RemoveOrWrite => pick(
                "haal het weg of vul een waarde in".into(),
                "remove it or write a value".into(),
            ),
            Msg::HeadNotFields(found) => pick(
                format!(
                    "de kop van het document moet uit velden bestaan (`veld: waarde`), maar is {}",
                    form(*found, Lang::Nl)
                ),
                format!(
                    "front matter must be fields (`key: value`), found {}",
                    form(*found, Lang::En)
                ),
            ),
            Msg::OneKeyPerLine => pick(
                "schrijf één `veld: waarde` per regel".into(),
                "write one `key: value` per line".into(),
            ),
            Msg::WrongType { name, ty, found } => pick(
                format!(
                    "`{name}` moet {} zijn, maar is {}",
                    describe(*ty, Lang::Nl),
                    form(*found, Lang::Nl)
                ),
                format!(
                    "`{name}` must be {}, found {}",
                    describe(*ty, Lang::En),
                    form(*found, Lang::En)
                ),
            ),
            Msg::WriteAList { name, value } => pick(
                format!("schrijf een lijst: `{name}: [{value}]`"),
                format!("write a list: `{name}: [{value}]`"),
            ),
            Msg::WriteTrueOrFalse => pick(
                "schrijf `true` (ja) of `false` (nee)".into(),
                "write `true` or `false`".into(),
            ),
            Msg::QuoteTheText(value) => pick(
                format!("als je de tekst bedoelt, zet hem tussen aanhalingstekens: `'{value}'`"),
                format!("if you mean the text, put it in quotes: `'{value}'`"),
            ),
            Msg::NotAValidWord { value, name } => pick(
                format!("`{value}` is geen geldige waarde voor `{name}`"),
                format!("`{value}` is not a valid {name}"),
            ),
            Msg::EmptyReference { name, kind } => pick(
                format!(
                    "`{name}` is leeg: schrijf het id van {} of laat het veld weg",
                    a_kind_nl(*kind)
                ),
                format!("`{name}` is empty: write the id of a {kind} or leave the field out"),
            ),
            Msg::NotAnIdOf { value, name, kind } => pick(
                format!("`{value}` in `{name}` is geen geldig id van {}", a_kind_nl(*kind)),
                format!("`{value}` in `{name}` is not a valid {kind} id"),
            ),
            Msg::SessionIdShape => pick(
                "een sessie-id is de datum en een naam: `JJJJ-MM-DD-naam`, bijvoorbeeld `2017-11-22-utrecht`".into(),
                "a session id is its date and a name: `YYYY-MM-DD-name`, e.g. `2017-11-22-utrecht`".into(),
            ),
            Msg::IdShape => pick(
                "een id is de bestandsnaam zonder `.md`: kleine letters en cijfers, met `-` tussen de woorden".into(),
                "an id is the file name without `.md`: lowercase letters and digits, with `-` between words".into(),
            ),
            Msg::InvalidDate { name, value } => pick(
                format!("`{name}` is geen geldige datum: `{value}`"),
                format!("`{name}` is not a valid date: `{value}`"),
            ),
            Msg::WriteIsoDate => pick(
                "schrijf een bestaande dag als JJJJ-MM-DD, bijvoorbeeld 2017-09-18".into(),
                "write a real day as YYYY-MM-DD, e.g. 2017-09-18".into(),
            ),
            Msg::InvalidTime { name, value } => pick(
                format!("`{name}` is geen geldige tijd: `{value}`"),
                format!("`{name}` is not a valid time: `{value}`"),
            ),
            Msg::WriteTime => pick(
                "schrijf UU:MM op de 24-uursklok, bijvoorbeeld 14:00".into(),
                "write HH:MM on a 24-hour clock, e.g. 14:00".into(),
            ),
            // [slips-values] arms go below this line.
            Msg::WriteDate { name, date } => pick(
                format!("schrijf: {name}: {date}"),
                format!("write: {name}: {date}"),
            ),
            Msg::WriteTimeAs { name, time } => pick(
                format!("schrijf: {name}: \"{time}\""),
                format!("write: {name}: \"{time}\""),
            ),
            Msg::KeyInEnglish { from, to } => pick(
                format!("schrijf `{to}` in plaats van `{from}`: de namen van de velden zijn Engels"),
                format!("write `{to}` instead of `{from}`: field names are English"),
            ),
            Msg::KeyInLowercase { from, to } => pick(
                format!("schrijf `{to}` in plaats van `{from}`: de namen van de velden zijn in kleine letters"),
                format!("write `{to}` instead of `{from}`: field names are lowercase"),
            ),
            Msg::KeyAlreadyThere { from, to } => pick(
                format!("`{to}` staat er al: haal `{from}` weg, of zet de waarde bij `{to}`"),
                format!("`{to}` is already there: remove `{from}`, or move its value to `{to}`"),
            ),
            Msg::AddFieldLine { name, example, ty } => pick(
                format!("voeg toe: {name}: {example} ({})", field_hint(*ty, Lang::Nl)),
                format!("add: {name}: {example} ({})", field_hint(*ty, Lang::En)),
            ),
            Msg::InvalidUrl { name, value } => pick(
                format!("`{name}` is geen volledig webadres (http of https): `{value}`"),
                format!("`{name}` is not an absolute http(s) URL: `{value}`"),
            ),
            Msg::UseWebAddress => pick(
                "gebruik een adres dat met http:// of https:// begint, zonder spaties".into(),
                "use an http or https address without spaces".into(),
            ),
            Msg::WriteWholeAddress(value) => pick(
                format!("schrijf het hele adres: `https://{value}`"),
                format!("write the whole address: `https://{value}`"),
            ),
            Msg::TooManyCharacters { name, len, max } => pick(
                format!("`{name}` heeft {len} tekens; er mogen er hoogstens {max} zijn"),
                format!("`{name}` has {len} characters; at most {max} are allowed"),
            ),
            Msg::OneSentence => pick(
                "houd het bij één zin; in de tekst is ruimte voor meer".into(),
                "keep it to one sentence; the body has room for more".into(),
            ),
            Msg::TooManyItems { name, count, max } => pick(
                format!("`{name}` heeft {count} items; er mogen er hoogstens {max} zijn"),
                format!("`{name}` has {count} items; at most {max} are allowed"),
            ),
            Msg::KeepWhatMatters => pick(
                "houd de belangrijkste over; een lange lijst hoort in de tekst".into(),
                "keep the ones that matter; a long list belongs in the body".into(),
            ),
            Msg::AppearsTwice { item, name } => pick(
                format!("`{item}` staat twee keer in `{name}`"),
                format!("`{item}` appears twice in `{name}`"),
            ),
            Msg::SameTagPage { item, first, slug } => pick(
                format!("`{item}` herhaalt `{first}`: beide horen bij de pagina tags/{slug}.html"),
                format!("`{item}` repeats `{first}`: both are the tag page tags/{slug}.html"),
            ),
            Msg::RemoveSecond => pick(
                "haal de tweede weg".into(),
                "remove the second one".into(),
            ),
            Msg::ControlCharacter { c, more } => {
                let code = format!("U+{:04X}", u32::from(*c));
                let (naam, name) = control_name(*c)
                    .map(|(nl, en)| (format!(" ({nl})"), format!(" ({en})")))
                    .unwrap_or_default();
                let (verder, further) = if *more > 0 {
                    (
                        format!("; er volgen er nog {more} in dit bestand"),
                        format!("; {more} more follow in this file"),
                    )
                } else {
                    Default::default()
                };
                pick(
                    format!("onzichtbaar stuurteken {code}{naam} in de tekst{verder}"),
                    format!("invisible control character {code}{name} in the text{further}"),
                )
            }
            Msg::DeleteControlCharacter => pick(
                "haal het weg: het is in de meeste editors onzichtbaar (het komt vaak mee met tekst die uit een tekstverwerker of pdf is geplakt)".into(),
                "delete it: it is invisible in most editors (it often comes with text pasted from a word processor or PDF)".into(),
            ),
            Msg::UnknownReference { name, kind, id } => pick(
                format!(
                    "`{name}` verwijst naar {} `{id}`, maar die bestaat niet",
                    kind_nl(*kind)
                ),
                format!("`{name}` refers to {kind} `{id}`, which does not exist"),
            ),
            Msg::CreateOrUseExisting { kind, id } => pick(
                format!(
                    "maak content/{}/{id}.md aan of gebruik het id van een bestaande {}",
                    kind.folder(),
                    kind_nl(*kind)
                ),
            // [fix] arms go below this line.
                format!(
                    "create content/{}/{id}.md or use the id of an existing {kind}",
                    kind.folder()
                ),
            ),
            Msg::WriteTheId(id) => pick(
                format!("schrijf `{id}`: een id is in kleine letters, met `-` tussen de woorden"),
                format!("write `{id}`: an id is in lowercase, with `-` between words"),
            ),
            Msg::WriteInLowercase(word) => pick(
                format!("schrijf `{word}`, in kleine letters"),
                format!("write `{word}`, in lowercase"),
            ),
            Msg::Fixed {
                place,
                before,
                after,
            } => pick(
                format!("hersteld {place}: {before} → {after}"),
                format!("fixed {place}: {before} → {after}"),
            ),
            Msg::FixSkipped(place) => pick(
                format!(
                    "niet hersteld {place}: een andere herstelling verandert dezelfde tekst; voer `pioneers validate --fix` nog een keer uit"
                ),
                format!(
                    "not fixed {place}: another fix changes the same text; run `pioneers validate --fix` again"
                ),
            ),
            Msg::FileNotFixed { file, why } => {
                let why = why.text(lang);
                pick(
                    format!("{file} is niet aangepast: {why}"),
                    format!("{file} was not changed: {why}"),
                )
            }
            Msg::ChangedWhileFixing => pick(
                "het bestand is veranderd sinds het gelezen werd; voer `pioneers validate --fix` opnieuw uit".into(),
                "the file changed since it was read; run `pioneers validate --fix` again".into(),
            ),
            Msg::CannotWriteFile(why) => pick(
                format!("het bestand kan niet geschreven worden: {why}"),
                format!("cannot write the file: {why}"),
            ),
            Msg::ReplaceWith { before, after } => pick(
                format!("vervang `{before}` door `{after}`"),
                format!("replace `{before}` with `{after}`"),
            ),
            Msg::RelatedToItself => pick(
                "een thema kan niet aan zichzelf verwant zijn".into(),
                "a theme cannot be related to itself".into(),
            ),
            Msg::RemoveFromRelated(id) => pick(
                format!("haal `{id}` weg uit `related`"),
                format!("remove `{id}` from `related`"),
            ),
            Msg::NextSessionIsItself => pick(
                "`next_session` is de sessie waar deze terugblik over gaat".into(),
                "`next_session` is the session this retrospective looks back on".into(),
            ),
            Msg::NameNextSession => pick(
                "noem de sessie die erna komt".into(),
                "name the session that follows it".into(),
            ),
            Msg::DateMismatch { date, id_date } => pick(
                format!("`date` is {date}, maar het id begint met {id_date}"),
                format!("`date` is {date} but the id starts with {id_date}"),
            ),
            Msg::FixDateOrRename(file) => pick(
                format!("verbeter de datum, of noem het bestand `{file}.md`"),
                format!("fix the date, or rename the file to `{file}.md`"),
            ),
            Msg::EndBeforeStart => pick(
                "de sessie eindigt voordat (of wanneer) ze begint".into(),
                "the session ends before or when it starts".into(),
            ),
            Msg::CheckTimes => pick(
                "controleer `start` en `end`; tijden zijn UU:MM op de 24-uursklok".into(),
                "check `start` and `end`; times are HH:MM on a 24-hour clock".into(),
            ),
            Msg::PublishedBeforeSession { published, held } => pick(
                format!("gepubliceerd op {published}, maar de sessie is op {held}"),
                format!("published {published} but the session is on {held}"),
            ),
            Msg::PublishAfterSession => pick(
                "een terugblik verschijnt op of na de dag van de sessie".into(),
                "a retrospective is published on or after its session's date".into(),
            ),
            Msg::SessionNotYetHeld(id) => pick(
                format!("sessie `{id}` heeft nog niet plaatsgevonden"),
                format!("session `{id}` has not taken place yet"),
            ),
            Msg::WriteAfterSession => pick(
                "schrijf de terugblik na de sessie (of controleer --today)".into(),
                "write the retrospective after the session (or check --today)".into(),
            ),
            Msg::SessionCancelled(id) => pick(
                format!("sessie `{id}` is afgelast"),
                format!("session `{id}` was cancelled"),
            ),
            Msg::RemoveRetrospectiveOrCancelled => pick(
                "haal de terugblik weg, of `cancelled: true` uit de sessie als die toch doorging".into(),
                "remove the retrospective, or `cancelled: true` from the session if it took place".into(),
            ),
            Msg::StatusContradiction {
                declared,
                derived,
                why,
            } => {
                let (omdat, because) = match why {
                    StatusReason::Held => (
                        "een gehouden sessie heeft het op de agenda",
                        "a held session has it on its agenda",
                    ),
                    StatusReason::Planned => (
                        "een geplande sessie heeft het op de agenda",
                        "a planned session has it on its agenda",
                    ),
                    StatusReason::None => (
                        "geen enkele sessie heeft het op de agenda",
                        "no session has it on its agenda",
                    ),
                };
                pick(
                    format!("de status is `{declared}`, maar {omdat} (dus: `{derived}`)"),
                    format!("status is `{declared}`, but {because} (so: `{derived}`)"),
                )
            }
            Msg::RemoveStatus => pick(
                "haal `status` weg om hem uit de sessies af te leiden, of verbeter de sessies".into(),
                "remove `status` to derive it from the sessions, or fix the sessions".into(),
            ),
            Msg::EmptyBody => pick(
                "de terugblik heeft geen tekst".into(),
                "the retrospective has no text".into(),
            ),
            Msg::WriteBody => pick(
                "schrijf onder de afsluitende `---` wat er gebeurde, wat je leerde en wat er nu komt".into(),
                "write below the closing `---` what happened, what was learned and what comes next".into(),
            ),
            Msg::BrokenLink(target) => pick(
                format!("link naar `{target}`, maar dat bestaat niet"),
                format!("link to `{target}`, which does not exist"),
            ),
            Msg::LinksAreRelative => pick(
                "links gaan uit van dit bestand, bijvoorbeeld `../themes/open-wob.md`".into(),
                "links are relative to this file, e.g. `../themes/open-wob.md`".into(),
            ),
            Msg::BrokenAnchor { file, anchor } => pick(
                format!("{file} heeft geen kop `#{anchor}`"),
                format!("{file} has no heading `#{anchor}`"),
            ),
            Msg::LinkToHeading => pick(
                "link naar een van de koppen van het doel".into(),
                "link to one of the target's headings".into(),
            ),
            Msg::MissingImage(target) => pick(
                format!("afbeelding `{target}` bestaat niet"),
                format!("image `{target}` does not exist"),
            ),
            Msg::PutImagesInAssets => pick(
                "zet afbeeldingen in content/assets/ en link ernaar vanuit dit bestand".into(),
                "put images in content/assets/ and link them relative to this file".into(),
            ),
            Msg::RawHtml => pick(
                "HTML in de tekst verschijnt op de site als gewone tekst".into(),
                "raw HTML is shown as text on the site".into(),
            ),
            Msg::UseMarkdown => pick(
                "gebruik Markdown in plaats daarvan".into(),
                "use Markdown instead".into(),
            ),
            Msg::MissingRetrospective(id) => pick(
                format!("sessie `{id}` is gehouden, maar heeft nog geen terugblik"),
                format!("session `{id}` was held but has no retrospective yet"),
            ),
            Msg::AddRetrospective(id) => pick(
                format!("voeg content/retrospectives/{id}.md toe met `session: {id}`"),
                format!("add content/retrospectives/{id}.md with `session: {id}`"),
            ),
            // [new] arms go below this line.
            Msg::PlaceholderText(question) => pick(
                format!("de vraag \"{question}\" staat er nog: die schreef `new` als voorbeeld"),
                format!("the question \"{question}\" is still here: `new` wrote it as a prompt"),
            ),
            Msg::ReplacePlaceholder => pick(
                "vervang de vraag door het antwoord, of haal haar weg".into(),
                "replace the question by its answer, or remove it".into(),
            ),
            Msg::NewUnknownReference {
                flag,
                kind,
                id,
                closest,
            } => {
                let (bedoel, mean) = match closest {
                    Some(c) => (
                        format!(" (bedoel je `{flag} {c}`?)"),
                        format!(" (did you mean `{flag} {c}`?)"),
                    ),
                    None => (
                        format!(
                            " (de bestaande staan in content/{}/, of kijk met `pioneers {} list`)",
                            kind.folder(),
                            kind.folder()
                        ),
                        format!(
                            " (the existing ones are in content/{}/, or see `pioneers {} list`)",
                            kind.folder(),
                            kind.folder()
                        ),
                    ),
                };
                pick(
                    format!(
                        "`{flag} {id}`: er is geen {} `{id}`{bedoel}; er is niets geschreven",
                        kind_nl(*kind)
                    ),
                    format!("`{flag} {id}`: there is no {kind} `{id}`{mean}; nothing was written"),
                )
            }
            Msg::NewNeeds { kind, flags } => pick(
                format!("{} heeft {} nodig", capitalised(&a_kind_nl(*kind)), flags.join(", ")),
                format!("a {kind} needs {}", flags.join(", ")),
            ),
            Msg::NewExists(path) => pick(
                format!(
                    "{path} bestaat al; er is niets geschreven (kies een ander id met --id)"
                ),
                format!("{path} already exists; nothing was written (use --id to choose another id)"),
            ),
            Msg::NewNotWritten(path) => pick(
                format!("{path} is niet geschreven"),
                format!("{path} was not written"),
            ),
            Msg::RenderRefused(errors) => pick(
                format!(
                    "de inhoud heeft {errors} {}; er is niets gemaakt (draai `pioneers validate`, of maak de site toch met --allow-errors)",
                    if *errors == 1 { "fout" } else { "fouten" }
                ),
                format!(
                    "the content has {errors} {}; nothing was rendered (run `pioneers validate`, or render with --allow-errors)",
                    if *errors == 1 { "error" } else { "errors" }
                ),
            ),
            Msg::RenderWrote { count, dir } => pick(
                format!("{count} bestanden geschreven in {dir}"),
                format!("wrote {count} files to {dir}"),
            ),
            Msg::RenderNotOurs { dir, marker } => pick(
                format!(
                    "{dir} is niet leeg en niet door `pioneers render` gemaakt (er staat geen {marker} in); er is niets geschreven"
                ),
                format!(
                    "{dir} is not empty and was not made by `pioneers render` (it has no {marker}); nothing was written"
                ),
            ),
            Msg::RenderNoBaseUrl => pick(
                "let op: geen base_url in pioneers.toml of --base-url: de feeds gebruiken relatieve links en er komt geen sitemap".into(),
                "note: no base_url in pioneers.toml or --base-url: feeds use relative links and there is no sitemap".into(),
            ),
            Msg::RenderBadBaseUrl(url) => pick(
                format!("de base URL `{url}` is geen volledig webadres (http of https)"),
                format!("the base URL `{url}` is not an absolute http(s) URL"),
            ),
            Msg::NoSuchDocument { kind, id, closest } => {
                let (bedoel, mean) = closest
                    .as_ref()
                    .map(|c| (format!("; bedoel je `{c}`?"), format!("; did you mean `{c}`?")))
                    .unwrap_or_default();
                pick(
                    format!("geen {} `{id}`{bedoel}", kind_nl(*kind)),
                    format!("no {kind} `{id}`{mean}"),
                )
            }
            Msg::CannotSortOn {
                kind,
                field,
                closest,
                fields,
            } => {
                let (hint_nl, hint_en) = match closest {
                    Some(c) => (format!("bedoel je `{c}`?"), format!("did you mean `{c}`?")),
                    None => (
                        format!("velden om op te sorteren: {}", fields.join(", ")),
                        format!("sortable fields: {}", fields.join(", ")),
                    ),
                };
                pick(
                    format!(
                        "{} kunnen niet gesorteerd worden op `{field}`; {hint_nl}",
                        capitalised(plural_kind_nl(*kind))
                    ),
                    format!("cannot sort {}s on `{field}`; {hint_en}", kind.name()),
                )
            }
            Msg::FilesHaveProblems(n) => pick(
                if *n == 1 {
                    "waarschuwing: 1 bestand heeft problemen; `pioneers validate` laat ze zien".into()
                } else {
                    format!("waarschuwing: {n} bestanden hebben problemen; `pioneers validate` laat ze zien")
                },
                if *n == 1 {
                    "warning: 1 file has problems; run `pioneers validate` to see them".into()
                } else {
                    format!("warning: {n} files have problems; run `pioneers validate` to see them")
                },
            ),
            Msg::ServeListening(url) => pick(
                format!("de site staat klaar op {url} (stoppen: Ctrl-C)"),
                format!("serving the site at {url} (stop: Ctrl-C)"),
            ),
            Msg::ServeNotLoopback(address) => pick(
                format!(
                    "let op: {address} is niet alleen deze computer; anderen op het netwerk kunnen de voorvertoning zien"
                ),
                format!(
                    "warning: {address} is not just this computer; others on the network can see the preview"
                ),
            ),
            Msg::ServeBuilt {
                files,
                errors,
                warnings,
            } => {
                pick(
                    format!(
                        "site gebouwd: {}; {}, {}",
                        count(*files, "bestand", "bestanden"),
                        count(*errors, "fout", "fouten"),
                        count(*warnings, "waarschuwing", "waarschuwingen")
                    ),
                    format!(
                        "site built: {}; {}, {}",
                        count(*files, "file", "files"),
                        count(*errors, "error", "errors"),
                        count(*warnings, "warning", "warnings")
                    ),
                )
            }
            Msg::NewIdNotValid { id, session } => pick(
                format!("`{id}` is geen geldig id: {}; er is niets geschreven", id_shape(*session, Lang::Nl)),
                format!("`{id}` is not a valid id: {}; nothing was written", id_shape(*session, Lang::En)),
            ),
            Msg::NewIdNotMade { id, session } => pick(
                format!(
                    "uit de gegeven waarden is geen geldig id te maken (het werd `{id}`): {}; geef er een met --id; er is niets geschreven",
                    id_shape(*session, Lang::Nl)
                ),
                format!(
                    "cannot make a valid id from the given values (got `{id}`): {}; give one with --id; nothing was written",
                    id_shape(*session, Lang::En)
                ),
            ),
            Msg::NewAppeared(path) => pick(
                format!("{path} verscheen terwijl het geschreven werd; er is niets veranderd"),
                format!("{path} appeared while writing; nothing was changed"),
            ),
            Msg::NewFolderIsLink(folder) => pick(
                format!(
                    "{folder} is een symbolische koppeling; new schrijft alleen in echte mappen van de kennisbank; er is niets geschreven"
                ),
                format!(
                    "{folder} is a symbolic link; new writes only into real folders of the knowledge base; nothing was written"
                ),
            ),
            Msg::NewNotAFolder(folder) => pick(
                format!("{folder} is geen map; er is niets geschreven"),
                format!("{folder} is not a folder; nothing was written"),
            ),
            Msg::RenderIntoSources { out, source, inside } => pick(
                format!(
                    "de uitvoermap {out} ligt {} `{source}/` van de kennisbank; de site zou in haar eigen bronnen worden geschreven. Kies een map buiten `content/` en `templates/`, zoals `public/`",
                    if *inside { "in" } else { "om" }
                ),
                format!(
                    "the output folder {out} is {} the knowledge base's `{source}/`; the site would be written into its own sources. Choose a folder outside `content/` and `templates/`, such as `public/`",
                    if *inside { "inside" } else { "around" }
                ),
            ),
            Msg::ConfigLanguage { path, value } => pick(
                format!("{path} klopt niet: language moet \"nl\" of \"en\" zijn, niet {value:?}"),
                format!("invalid {path}: language must be \"nl\" or \"en\", not {value:?}"),
            ),
            Msg::InitAlreadyThere(config) => pick(
                format!("{config} bestaat al; dit is al een kennisbank"),
                format!("{config} already exists; this is a knowledge base already"),
            ),
            Msg::NextSteps { path, kind, id } => {
                let branch = format!("{}-{id}", pick(kind_nl(*kind).into(), kind.name().into()));
                let text_step = if *kind == DocKind::Retrospective {
                    pick(
                        format!("open {path} en beantwoord de vragen onder de tussenkoppen"),
                        format!("open {path} and answer the questions under the headings"),
                    )
                } else {
                    pick(
                        format!("open {path} en schrijf de tekst onder de tweede regel `---`"),
                        format!("open {path} and write the text below the second `---` line"),
                    )
                };
                let git = format!(
                    "git switch -c {branch} && git add {path} && git commit -m \"{} {id}\" && git push -u origin {branch}",
                    capitalised(&pick(kind_nl(*kind).into(), kind.name().into()))
                );
                pick(
                    format!(
                        "Volgende stappen:\n  1. {text_step}\n  2. controleer het: pioneers validate\n  3. stel het voor in een pull request:\n     {git}"
                    ),
                    format!(
                        "Next steps:\n  1. {text_step}\n  2. check it: pioneers validate\n  3. propose it in a pull request:\n     {git}"
                    ),
                )
            }
            // [serve] arms go below this line.
            Msg::ServeTwoFiles { path } => pick(
                format!(
                    "twee bestanden van de site zouden op `{path}` komen, dus `render` zou stoppen"
                ),
                format!(
                    "two files of the site would be at `{path}`, so `render` would stop"
                ),
            ),
            Msg::ServeBanner { errors, warnings } => pick(
                format!(
                    "De inhoud heeft {} en {}. Sla het bestand op na het verbeteren; deze pagina ververst dan vanzelf.",
                    count(*errors, "fout", "fouten"),
                    count(*warnings, "waarschuwing", "waarschuwingen")
                ),
                format!(
                    "The content has {} and {}. Save the file once it is mended; this page then reloads by itself.",
                    count(*errors, "error", "errors"),
                    count(*warnings, "warning", "warnings")
                ),
            ),
            // [lsp] arms go below this line.
            Msg::RenameUnknown { id } => pick(
                format!("er is geen document met id of pad `{id}`"),
                format!("no document has the id or path `{id}`"),
            ),
            Msg::RenameAmbiguous { id, kinds } => pick(
                format!(
                    "`{id}` is het id van meer dan één soort document ({}); zeg welke met --kind",
                    kinds.iter().map(|k| kind_nl(*k)).collect::<Vec<_>>().join(", ")
                ),
                format!(
                    "`{id}` is the id of more than one type of document ({}); say which with --kind",
                    kinds.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
                ),
            ),
            Msg::RenameInvalidId { id, session } => pick(
                format!("`{id}` is geen geldig id: {}", id_shape(*session, Lang::Nl)),
                format!("`{id}` is not a valid id: {}", id_shape(*session, Lang::En)),
            ),
            Msg::RenameSameId(id) => pick(
                format!("het nieuwe id is hetzelfde als het oude (`{id}`)"),
                format!("the new id is the old one (`{id}`)"),
            ),
            Msg::RenameTaken { kind, id } => pick(
                format!("er is al {} met id `{id}`; kies een ander id", a_kind_nl(*kind)),
                format!("there is already {} {} with the id `{id}`; choose another id", article(*kind), kind.name()),
            ),
            Msg::RenameCannotEdit { file, line } => pick(
                format!(
                    "de verwijzing in {file} op regel {line} is zo geschreven dat ze niet veilig te veranderen is; schrijf ze als gewone tekst en probeer het opnieuw"
                ),
                format!(
                    "the reference in {file} on line {line} is written in a way that cannot be changed safely; write it as plain text and try again"
                ),
            ),
            Msg::RenameNotHere => pick(
                "hier staat niets om te hernoemen; zet de cursor op een id, een verwijzing of de naam van het bestand".into(),
                "there is nothing to rename here; put the cursor on an id, a reference or the file's name".into(),
            ),
            Msg::MvSummary {
                from,
                to,
                edits,
                files,
                dry_run: true,
            } => pick(
                format!(
                    "{from} zou {to} worden; {edits} verwijzing(en) in {files} bestand(en) zouden veranderen; er is niets geschreven (--dry-run)"
                ),
                format!(
                    "{from} would become {to}; {edits} reference(s) in {files} file(s) would change; nothing was written (--dry-run)"
                ),
            ),
            Msg::MvSummary {
                from,
                to,
                edits,
                files,
                dry_run: false,
            } => pick(
                format!("{from} is nu {to}; {edits} verwijzing(en) in {files} bestand(en) aangepast"),
                format!("{from} is now {to}; {edits} reference(s) in {files} file(s) changed"),
            ),
            Msg::MvChanged(file) => pick(
                format!("{file} is veranderd terwijl de wijziging werd voorbereid; er is niets geschreven, probeer het opnieuw"),
                format!("{file} changed while the rename was prepared; nothing was written, try again"),
            ),
            Msg::LspOtherWithId => pick(
                "het andere document met dit id".into(),
                "the other document with this id".into(),
            ),
            Msg::LspReplace { before, after } if before.is_empty() => pick(
                format!("`{after}` invoegen"),
                format!("Insert `{after}`"),
            ),
            Msg::LspReplace { before, after } if after.is_empty() => pick(
                format!("`{before}` weghalen"),
                format!("Remove `{before}`"),
            ),
            Msg::LspReplace { before, after } => pick(
                format!("`{before}` vervangen door `{after}`"),
                format!("Replace `{before}` with `{after}`"),
            ),
            // [site] arms go below this line.
            Msg::EndWithoutStart => pick(
                "de sessie heeft een eindtijd (`end`) maar geen begintijd (`start`)".into(),
                "the session has an end time (`end`) but no start time (`start`)".into(),
            ),
            Msg::AddStartOrRemoveEnd => pick(
                "vul `start` in, of haal `end` weg als de sessie de hele dag duurt".into(),
                "add `start`, or remove `end` for a session that lasts all day".into(),
            ),
        }
    }
}

/// The words that head a diagnostic and its help line in `lang`: error, warning, help.
pub fn severity_words(lang: Lang) -> [&'static str; 3] {
    lang.pick(
        ["fout", "waarschuwing", "tip"],
        ["error", "warning", "help"],
    )
}

/// `n` and the word for one or for many: "1 fout", "2 fouten".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What an id looks like, for a session's or another's.
fn id_shape(session: bool, lang: Lang) -> &'static str {
    if session {
        lang.pick(
            "een sessie-id is JJJJ-MM-DD-<naam>, de naam in kleine letters, cijfers en losse streepjes",
            "a session id is YYYY-MM-DD-<name>, the name in lowercase letters, digits and single hyphens",
        )
    } else {
        lang.pick(
            "een id bestaat uit kleine letters, cijfers en losse streepjes",
            "an id is lowercase letters, digits and single hyphens",
        )
    }
}

/// The Dutch name of a document type.
pub fn kind_nl(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Organisation => "organisatie",
        DocKind::Theme => "thema",
        DocKind::Session => "sessie",
        DocKind::Retrospective => "terugblik",
    }
}

/// The Dutch name of a document type with its article ("een thema").
fn a_kind_nl(kind: DocKind) -> String {
    format!("een {}", kind_nl(kind))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What a field holds, as a message names it ("a date (YYYY-MM-DD)").
pub fn describe(ty: FieldType, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    match ty {
        FieldType::String | FieldType::Text => lang.pick("tekst", "text").into(),
        FieldType::Date => lang
            .pick("een datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)")
            .into(),
        FieldType::Time => lang.pick("een tijd (UU:MM)", "a time (HH:MM)").into(),
        FieldType::Url => lang.pick("een webadres", "a URL").into(),
        FieldType::Bool => lang.pick("true of false", "true or false").into(),
        FieldType::Enum(_) => lang
            .pick("een van de genoemde woorden", "one of the listed words")
            .into(),
        FieldType::Ref(kind) if nl => format!("het id van {}", a_kind_nl(kind)),
        FieldType::Ref(kind) => format!("the id of {} {kind}", article(kind)),
        FieldType::List(item) if nl => format!("een lijst van {}", plural(*item, lang)),
        FieldType::List(item) => format!("a list of {}", plural(*item, lang)),
        FieldType::Object(_) => lang.pick("een groep velden", "a mapping of fields").into(),
    }
}

fn article(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Organisation => "an",
        _ => "a",
    }
}

fn plural(ty: FieldType, lang: Lang) -> String {
    match ty {
        FieldType::Ref(kind) => lang
            .pick(
                format!("ids van {}", plural_kind_nl(kind)),
                format!("{} ids", kind.name()),
            )
            .to_string(),
        FieldType::Object(_) => lang.pick("groepen velden", "mappings").into(),
        FieldType::Date => lang.pick("datums", "dates").into(),
        FieldType::Url => lang.pick("webadressen", "URLs").into(),
        _ => lang.pick("teksten", "text values").into(),
    }
}

fn plural_kind_nl(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Organisation => "organisaties",
        DocKind::Theme => "thema's",
        DocKind::Session => "sessies",
        DocKind::Retrospective => "terugblikken",
    }
}

/// What a YAML value is, as a message names it ("a list").
pub fn form(found: Form, lang: Lang) -> &'static str {
    match found {
        Form::Nothing => lang.pick("niets", "nothing"),
        Form::Bool => lang.pick("true/false", "true/false"),
        Form::Number => lang.pick("een getal", "a number"),
        Form::Single => lang.pick("één waarde", "a single value"),
        Form::List => lang.pick("een lijst", "a list"),
        Form::Mapping => lang.pick("een groep velden", "a mapping"),
    }
}

/// The Dutch and English name of a control character, for those that have one.
fn control_name(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\0' => ("nul", "null"),
        '\u{7}' => ("bel", "bell"),
        '\u{8}' => ("backspace", "backspace"),
        '\u{b}' => ("verticale tab", "vertical tab"),
        '\u{c}' => ("nieuwe pagina", "form feed"),
        '\r' => ("regelterugloop", "carriage return"),
        '\u{1b}' => ("escape", "escape"),
        '\u{7f}' => ("delete", "delete"),
        '\u{85}' => ("volgende regel", "next line"),
        '\u{fffe}' | '\u{ffff}' => ("geen teken", "not a character"),
        _ => return None,
    })
}

// [slips-yaml] helper functions go below this line.

/// "de waarde van `key`", or "de waarde" for a list item (empty key).
fn value_of_nl(key: &str) -> String {
    if key.is_empty() {
        "de waarde".into()
    } else {
        format!("de waarde van `{key}`")
    }
}

/// "the value of `key`", or "the value" for a list item (empty key).
fn value_of_en(key: &str) -> String {
    if key.is_empty() {
        "the value".into()
    } else {
        format!("the value of `{key}`")
    }
}

// [slips-values] helper functions go below this line.

/// What a field holds, for the help that adds it: the choices of a word field, else
/// [`describe`].
fn field_hint(ty: FieldType, lang: Lang) -> String {
    match ty {
        FieldType::Enum(words) => lang.pick(
            format!("kies een van: {}", words.join(", ")),
            format!("choose one of: {}", words.join(", ")),
        ),
        _ => describe(ty, lang),
    }
}

// [fix] helper functions go below this line.

// [serve] helper functions go below this line.

// [lsp] helper functions go below this line.

// [site] helper functions go below this line.

/// One of every message, for [`tests::every_message_is_written_in_both_languages`].
#[cfg(test)]
fn one_of_each() -> Vec<Msg> {
    vec![
        Msg::DidYouMean("x".into()),
        Msg::TheFieldsAre(vec!["a", "b"]),
        Msg::ChooseOneOf(vec!["a", "b"]),
        Msg::Summary {
            files: 2,
            errors: 2,
            warnings: 2,
        },
        Msg::CannotRead("x".into()),
        Msg::CannotReadFile("x".into()),
        Msg::SymbolicLink,
        Msg::ReplaceLinkByFile,
        Msg::NotARegularFile,
        Msg::NotInDocumentFolder,
        Msg::MoveToFolder(vec!["a", "b"]),
        Msg::ReservedPath {
            file: "x".into(),
            published: "x".into(),
            generated: Generated::Feed,
        },
        Msg::RenameOrMove,
        Msg::FileTooLarge { mib: 2 },
        Msg::NotUtf8,
        Msg::SaveAsUtf8,
        Msg::NoFrontMatter,
        Msg::BeginWithFrontMatter,
        Msg::FrontMatterNotClosed,
        Msg::CloseFrontMatter,
        Msg::ColonInValue { key: "x".into() },
        Msg::MismatchedQuote {
            key: "x".into(),
            open: '\u{1b}',
            close: '\u{1b}',
        },
        Msg::UnclosedQuote {
            key: "x".into(),
            open: '\u{1b}',
        },
        Msg::TabIndent,
        Msg::UseSpaces,
        Msg::NoSpaceAfterColon { key: "x".into() },
        Msg::WriteInstead("x".into()),
        Msg::CheckQuotesColonsIndentation,
        Msg::CloseFrontMatterAfter { line: 2 },
        Msg::NotMdExtension("x".into()),
        Msg::RenameTo("x".into()),
        Msg::YamlParser("x".into()),
        Msg::TooDeep { max: 2 },
        Msg::FewerLevels,
        Msg::UnknownAlias,
        Msg::AliasValues { max: 2 },
        Msg::AliasBytes { max: 2 },
        Msg::WriteValuesOut,
        Msg::DuplicateKey("x".into()),
        Msg::FirstOneCounts { line: 2 },
        Msg::NotAValidId("x".into()),
        Msg::RenameFileTo("x".into()),
        Msg::SessionIdWithoutDate("x".into()),
        Msg::NameSessionFiles,
        Msg::DuplicateId {
            kind: DocKind::Theme,
            id: "x".into(),
            other: "x".into(),
            case_only: true,
        },
        Msg::RenameOneOfTwo,
        Msg::KeyNotOneWord,
        Msg::UnknownField {
            kind: DocKind::Theme,
            name: "x".into(),
            parent: Some("x".into()),
        },
        Msg::MissingField {
            name: "x",
            parent: Some("x".into()),
        },
        Msg::AddField {
            name: "x",
            ty: FieldType::Date,
        },
        Msg::EmptyField("x"),
        Msg::GiveItA(FieldType::Date),
        Msg::EmptyItem("x"),
        Msg::RemoveOrWrite,
        Msg::HeadNotFields(Form::List),
        Msg::OneKeyPerLine,
        Msg::WrongType {
            name: "x",
            ty: FieldType::Date,
            found: Form::List,
        },
        Msg::WriteAList {
            name: "x",
            value: "x".into(),
        },
        Msg::WriteTrueOrFalse,
        Msg::QuoteTheText("x".into()),
        Msg::NotAValidWord {
            value: "x".into(),
            name: "x",
        },
        Msg::EmptyReference {
            name: "x",
            kind: DocKind::Theme,
        },
        Msg::NotAnIdOf {
            value: "x".into(),
            name: "x",
            kind: DocKind::Theme,
        },
        Msg::SessionIdShape,
        Msg::IdShape,
        Msg::InvalidDate {
            name: "x",
            value: "x".into(),
        },
        Msg::WriteIsoDate,
        Msg::InvalidTime {
            name: "x",
            value: "x".into(),
        },
        Msg::WriteTime,
        Msg::WriteDate {
            name: "x",
            date: "x".into(),
        },
        Msg::WriteTimeAs {
            name: "x",
            time: "x".into(),
        },
        Msg::KeyInEnglish {
            from: "x".into(),
            to: "x",
        },
        Msg::KeyInLowercase {
            from: "x".into(),
            to: "x",
        },
        Msg::KeyAlreadyThere {
            from: "x".into(),
            to: "x",
        },
        Msg::AddFieldLine {
            name: "x",
            example: "x".into(),
            ty: FieldType::Date,
        },
        Msg::InvalidUrl {
            name: "x",
            value: "x".into(),
        },
        Msg::UseWebAddress,
        Msg::WriteWholeAddress("x".into()),
        Msg::TooManyCharacters {
            name: "x",
            len: 2,
            max: 2,
        },
        Msg::OneSentence,
        Msg::TooManyItems {
            name: "x",
            count: 2,
            max: 2,
        },
        Msg::KeepWhatMatters,
        Msg::AppearsTwice {
            item: "x".into(),
            name: "x",
        },
        Msg::SameTagPage {
            item: "x".into(),
            first: "x".into(),
            slug: "x".into(),
        },
        Msg::RemoveSecond,
        Msg::ControlCharacter {
            c: '\u{1b}',
            more: 2,
        },
        Msg::DeleteControlCharacter,
        Msg::UnknownReference {
            name: "x",
            kind: DocKind::Theme,
            id: "x".into(),
        },
        Msg::CreateOrUseExisting {
            kind: DocKind::Theme,
            id: "x".into(),
        },
        Msg::WriteTheId("x".into()),
        Msg::WriteInLowercase("x".into()),
        Msg::Fixed {
            place: "x".into(),
            before: "x".into(),
            after: "x".into(),
        },
        Msg::FixSkipped("x".into()),
        Msg::FileNotFixed {
            file: "x".into(),
            why: Box::new(Msg::SymbolicLink),
        },
        Msg::ChangedWhileFixing,
        Msg::CannotWriteFile("x".into()),
        Msg::ReplaceWith {
            before: "x".into(),
            after: "x".into(),
        },
        Msg::RelatedToItself,
        Msg::RemoveFromRelated("x".into()),
        Msg::NextSessionIsItself,
        Msg::NameNextSession,
        Msg::DateMismatch {
            date: "x".into(),
            id_date: "x".into(),
        },
        Msg::FixDateOrRename("x".into()),
        Msg::EndBeforeStart,
        Msg::CheckTimes,
        Msg::PublishedBeforeSession {
            published: "x".into(),
            held: "x".into(),
        },
        Msg::PublishAfterSession,
        Msg::SessionNotYetHeld("x".into()),
        Msg::WriteAfterSession,
        Msg::SessionCancelled("x".into()),
        Msg::RemoveRetrospectiveOrCancelled,
        Msg::StatusContradiction {
            declared: "x",
            derived: "x",
            why: StatusReason::Held,
        },
        Msg::RemoveStatus,
        Msg::EmptyBody,
        Msg::WriteBody,
        Msg::BrokenLink("x".into()),
        Msg::LinksAreRelative,
        Msg::BrokenAnchor {
            file: "x".into(),
            anchor: "x".into(),
        },
        Msg::LinkToHeading,
        Msg::MissingImage("x".into()),
        Msg::PutImagesInAssets,
        Msg::RawHtml,
        Msg::UseMarkdown,
        Msg::MissingRetrospective("x".into()),
        Msg::AddRetrospective("x".into()),
        Msg::PlaceholderText("x".into()),
        Msg::ReplacePlaceholder,
        Msg::NewUnknownReference {
            flag: "x".into(),
            kind: DocKind::Theme,
            id: "x".into(),
            closest: Some("x".into()),
        },
        Msg::NewNeeds {
            kind: DocKind::Theme,
            flags: vec!["a".into()],
        },
        Msg::NewExists("x".into()),
        Msg::NewNotWritten("x".into()),
        Msg::RenderRefused(2),
        Msg::RenderWrote {
            count: 2,
            dir: "x".into(),
        },
        Msg::RenderNotOurs {
            dir: "x".into(),
            marker: "x",
        },
        Msg::RenderNoBaseUrl,
        Msg::RenderBadBaseUrl("x".into()),
        Msg::NoSuchDocument {
            kind: DocKind::Theme,
            id: "x".into(),
            closest: Some("x".into()),
        },
        Msg::CannotSortOn {
            kind: DocKind::Theme,
            field: "x".into(),
            closest: Some("x".into()),
            fields: vec!["a", "b"],
        },
        Msg::FilesHaveProblems(2),
        Msg::ServeListening("x".into()),
        Msg::ServeNotLoopback("x".into()),
        Msg::ServeBuilt {
            files: 2,
            errors: 2,
            warnings: 2,
        },
        Msg::NewIdNotValid {
            id: "x".into(),
            session: true,
        },
        Msg::NewIdNotMade {
            id: "x".into(),
            session: true,
        },
        Msg::NewAppeared("x".into()),
        Msg::NewFolderIsLink("x".into()),
        Msg::NewNotAFolder("x".into()),
        Msg::RenderIntoSources {
            out: "x".into(),
            source: "x",
            inside: true,
        },
        Msg::ConfigLanguage {
            path: "x".into(),
            value: "x".into(),
        },
        Msg::InitAlreadyThere("x".into()),
        Msg::NextSteps {
            path: "x".into(),
            kind: DocKind::Theme,
            id: "x".into(),
        },
        // [serve] samples go below this line.
        Msg::ServeTwoFiles { path: "x".into() },
        Msg::ServeBanner {
            errors: 2,
            warnings: 1,
        },
        // [lsp] samples go below this line.
        Msg::RenameUnknown { id: "x".into() },
        Msg::RenameAmbiguous {
            id: "x".into(),
            kinds: vec![DocKind::Session, DocKind::Retrospective],
        },
        Msg::RenameInvalidId {
            id: "x".into(),
            session: false,
        },
        Msg::RenameSameId("x".into()),
        Msg::RenameTaken {
            kind: DocKind::Theme,
            id: "x".into(),
        },
        Msg::RenameCannotEdit {
            file: "x".into(),
            line: 1,
        },
        Msg::RenameNotHere,
        Msg::MvSummary {
            from: "x".into(),
            to: "y".into(),
            edits: 1,
            files: 1,
            dry_run: true,
        },
        Msg::MvChanged("x".into()),
        Msg::LspOtherWithId,
        Msg::LspReplace {
            before: "x".into(),
            after: "y".into(),
        },
        // [site] samples go below this line.
        Msg::EndWithoutStart,
        Msg::AddStartOrRemoveEnd,
    ]
}

/// Fails to compile when a message is added without a sample in [`one_of_each`].
#[cfg(test)]
fn has_a_sample(message: &Msg) -> bool {
    match message {
        Msg::DidYouMean(..)
        | Msg::TheFieldsAre(..)
        | Msg::ChooseOneOf(..)
        | Msg::Summary { .. }
        | Msg::CannotRead(..)
        | Msg::CannotReadFile(..)
        | Msg::SymbolicLink
        | Msg::ReplaceLinkByFile
        | Msg::NotARegularFile
        | Msg::NotInDocumentFolder
        | Msg::MoveToFolder(..)
        | Msg::ReservedPath { .. }
        | Msg::RenameOrMove
        | Msg::FileTooLarge { .. }
        | Msg::NotUtf8
        | Msg::SaveAsUtf8
        | Msg::NoFrontMatter
        | Msg::BeginWithFrontMatter
        | Msg::FrontMatterNotClosed
        | Msg::CloseFrontMatter
        | Msg::ColonInValue { .. }
        | Msg::MismatchedQuote { .. }
        | Msg::UnclosedQuote { .. }
        | Msg::TabIndent
        | Msg::UseSpaces
        | Msg::NoSpaceAfterColon { .. }
        | Msg::WriteInstead(..)
        | Msg::CheckQuotesColonsIndentation
        | Msg::CloseFrontMatterAfter { .. }
        | Msg::NotMdExtension(..)
        | Msg::RenameTo(..)
        | Msg::YamlParser(..)
        | Msg::TooDeep { .. }
        | Msg::FewerLevels
        | Msg::UnknownAlias
        | Msg::AliasValues { .. }
        | Msg::AliasBytes { .. }
        | Msg::WriteValuesOut
        | Msg::DuplicateKey(..)
        | Msg::FirstOneCounts { .. }
        | Msg::NotAValidId(..)
        | Msg::RenameFileTo(..)
        | Msg::SessionIdWithoutDate(..)
        | Msg::NameSessionFiles
        | Msg::DuplicateId { .. }
        | Msg::RenameOneOfTwo
        | Msg::KeyNotOneWord
        | Msg::UnknownField { .. }
        | Msg::MissingField { .. }
        | Msg::AddField { .. }
        | Msg::EmptyField(..)
        | Msg::GiveItA(..)
        | Msg::EmptyItem(..)
        | Msg::RemoveOrWrite
        | Msg::HeadNotFields(..)
        | Msg::OneKeyPerLine
        | Msg::WrongType { .. }
        | Msg::WriteAList { .. }
        | Msg::WriteTrueOrFalse
        | Msg::QuoteTheText(..)
        | Msg::NotAValidWord { .. }
        | Msg::EmptyReference { .. }
        | Msg::NotAnIdOf { .. }
        | Msg::SessionIdShape
        | Msg::IdShape
        | Msg::InvalidDate { .. }
        | Msg::WriteIsoDate
        | Msg::InvalidTime { .. }
        | Msg::WriteTime
        | Msg::WriteDate { .. }
        | Msg::WriteTimeAs { .. }
        | Msg::KeyInEnglish { .. }
        | Msg::KeyInLowercase { .. }
        | Msg::KeyAlreadyThere { .. }
        | Msg::AddFieldLine { .. }
        | Msg::InvalidUrl { .. }
        | Msg::UseWebAddress
        | Msg::WriteWholeAddress(..)
        | Msg::TooManyCharacters { .. }
        | Msg::OneSentence
        | Msg::TooManyItems { .. }
        | Msg::KeepWhatMatters
        | Msg::AppearsTwice { .. }
        | Msg::SameTagPage { .. }
        | Msg::RemoveSecond
        | Msg::ControlCharacter { .. }
        | Msg::DeleteControlCharacter
        | Msg::UnknownReference { .. }
        | Msg::CreateOrUseExisting { .. }
        | Msg::WriteTheId(..)
        | Msg::WriteInLowercase(..)
        | Msg::Fixed { .. }
        | Msg::FixSkipped(..)
        | Msg::FileNotFixed { .. }
        | Msg::ChangedWhileFixing
        | Msg::CannotWriteFile(..)
        | Msg::ReplaceWith { .. }
        | Msg::RelatedToItself
        | Msg::RemoveFromRelated(..)
        | Msg::NextSessionIsItself
        | Msg::NameNextSession
        | Msg::DateMismatch { .. }
        | Msg::FixDateOrRename(..)
        | Msg::EndBeforeStart
        | Msg::CheckTimes
        | Msg::PublishedBeforeSession { .. }
        | Msg::PublishAfterSession
        | Msg::SessionNotYetHeld(..)
        | Msg::WriteAfterSession
        | Msg::SessionCancelled(..)
        | Msg::RemoveRetrospectiveOrCancelled
        | Msg::StatusContradiction { .. }
        | Msg::RemoveStatus
        | Msg::EmptyBody
        | Msg::WriteBody
        | Msg::BrokenLink(..)
        | Msg::LinksAreRelative
        | Msg::BrokenAnchor { .. }
        | Msg::LinkToHeading
        | Msg::MissingImage(..)
        | Msg::PutImagesInAssets
        | Msg::RawHtml
        | Msg::UseMarkdown
        | Msg::MissingRetrospective(..)
        | Msg::AddRetrospective(..)
        | Msg::PlaceholderText(..)
        | Msg::ReplacePlaceholder
        | Msg::NewUnknownReference { .. }
        | Msg::NewNeeds { .. }
        | Msg::NewExists(..)
        | Msg::NewNotWritten(..)
        | Msg::RenderRefused(..)
        | Msg::RenderWrote { .. }
        | Msg::RenderNotOurs { .. }
        | Msg::RenderNoBaseUrl
        | Msg::RenderBadBaseUrl(..)
        | Msg::NoSuchDocument { .. }
        | Msg::CannotSortOn { .. }
        | Msg::FilesHaveProblems(..)
        | Msg::ServeListening(..)
        | Msg::ServeNotLoopback(..)
        | Msg::ServeBuilt { .. }
        | Msg::NewIdNotValid { .. }
        | Msg::NewIdNotMade { .. }
        | Msg::NewAppeared(..)
        | Msg::NewFolderIsLink(..)
        | Msg::NewNotAFolder(..)
        | Msg::RenderIntoSources { .. }
        | Msg::ConfigLanguage { .. }
        | Msg::InitAlreadyThere(..)
        | Msg::NextSteps { .. } => true,
        // [serve] sample arms (`Msg::X { .. } => true,`) go below this line.
        Msg::ServeBanner { .. } | Msg::ServeTwoFiles { .. } => true,
        // [lsp] sample arms (`Msg::X { .. } => true,`) go below this line.
        Msg::RenameUnknown { .. }
        | Msg::RenameAmbiguous { .. }
        | Msg::RenameInvalidId { .. }
        | Msg::RenameSameId(..)
        | Msg::RenameTaken { .. }
        | Msg::RenameCannotEdit { .. }
        | Msg::RenameNotHere
        | Msg::MvSummary { .. }
        | Msg::MvChanged(..)
        | Msg::LspOtherWithId
        | Msg::LspReplace { .. } => true,
        // [site] sample arms (`Msg::X { .. } => true,`) go below this line.
        Msg::EndWithoutStart | Msg::AddStartOrRemoveEnd => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_described_in_both_languages() {
        let list = FieldType::List(&FieldType::Ref(DocKind::Organisation));
        assert_eq!(
            describe(list, Lang::Nl),
            "een lijst van ids van organisaties"
        );
        assert_eq!(describe(list, Lang::En), "a list of organisation ids");
        assert_eq!(
            describe(FieldType::Ref(DocKind::Organisation), Lang::En),
            "the id of an organisation"
        );
    }

    #[test]
    fn control_characters_are_named() {
        let msg = Msg::ControlCharacter {
            c: '\u{1b}',
            more: 2,
        };
        assert_eq!(
            msg.text(Lang::En),
            "invisible control character U+001B (escape) in the text; 2 more follow in this file"
        );
        assert!(
            msg.text(Lang::Nl)
                .starts_with("onzichtbaar stuurteken U+001B")
        );
    }

    /// Words that are the same in both languages (codes, paths, values quoted as written).
    const SAME_IN_BOTH: &[&str] = &["true/false"];

    #[test]
    fn every_message_is_written_in_both_languages() {
        let all = one_of_each();
        assert!(all.iter().all(has_a_sample));
        for message in &all {
            let (nl, en) = (message.text(Lang::Nl), message.text(Lang::En));
            assert!(
                !nl.trim().is_empty() && !en.trim().is_empty(),
                "{message:?}"
            );
            assert!(
                nl != en || SAME_IN_BOTH.contains(&nl.as_str()),
                "{message:?}: {nl}"
            );
            assert!(
                !nl.contains("front matter"),
                "plain Dutch, not jargon: {nl}"
            );
        }
    }
}
