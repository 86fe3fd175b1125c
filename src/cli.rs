//! The command line: clap definitions only, no logic.

use std::path::PathBuf;

use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use time::Date;

use crate::kb::ThemeStatus;
use crate::kb::date::parse_date;
use crate::kb::schema::{DocKind, Field, FieldType};
use crate::query::output::ListFormat;
use crate::render::i18n::Lang;
use crate::report::Format;

/// Keep, validate, query and render the knowledge of the Pioniersnetwerk Open Overheid.
#[derive(Debug, Parser)]
#[command(name = "pioneers", version, about, propagate_version = true)]
pub struct Cli {
    /// The knowledge-base root (default: the nearest folder upwards with pioneers.toml,
    /// else the working directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// The language of messages, and of the site for `render` (default: PIONEERS_LANG,
    /// else language in pioneers.toml, else the locale, else en; the site: nl).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// The date that decides which sessions are planned and which held.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", env = "PIONEERS_TODAY", value_parser = parse_today)]
    pub today: Option<Date>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every document and report every problem with its file, line and column.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
    /// Explain a rule code: what it checks, why, and a wrong and a right example.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// List or show themes.
    #[command(subcommand)]
    Themes(Themes),
    /// List or show sessions.
    #[command(subcommand)]
    Sessions(Sessions),
    /// List or show retrospectives.
    #[command(subcommand, visible_alias = "retros")]
    Retrospectives(Retrospectives),
    /// List or show organisations.
    #[command(subcommand, visible_alias = "orgs")]
    Organisations(Organisations),
    /// Search titles, summaries and bodies of every document.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// The network's health: themes per status, sessions per year, who does what.
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// Write a new document that validates, at the right path, and print its path.
    #[command(after_help = NEW_EXAMPLES)]
    New(NewArgs),
    /// Create a new knowledge base: config, folders, contributor guide and CI.
    #[command(
        after_help = "Examples:\n  pioneers init kennisbank\n  pioneers init            (in the current folder)"
    )]
    Init(InitArgs),
    /// Print the JSON Schema of the front matter, for editor completion.
    #[command(
        after_help = "Examples:\n  pioneers schema theme > theme.schema.json\n  pioneers schema          (all four types)"
    )]
    Schema(SchemaArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  pioneers completions bash > /etc/bash_completion.d/pioneers\n  pioneers completions zsh > ~/.zfunc/_pioneers"
    )]
    Completions(CompletionsArgs),
    /// Render the knowledge base as an accessible static website with feeds and data.
    #[command(after_help = RENDER_EXAMPLES)]
    Render(RenderArgs),
    /// Preview the site while writing: build it in memory, serve it, rebuild and reload on
    /// every change.
    #[command(
        after_help = "Examples:\n  pioneers serve                 (then open the address it prints)\n  pioneers serve --port 0 --open"
    )]
    Serve(ServeArgs),
    /// Print the network (organisations and the themes they carry) for other tools.
    #[command(
        after_help = "Examples:\n  pioneers graph | dot -Tsvg > netwerk.svg\n  pioneers graph --format mermaid"
    )]
    Graph(GraphArgs),
    /// Serve the knowledge base to an editor: the Language Server Protocol over standard
    /// input and output (diagnostics, completion, definitions, references, rename).
    #[command(
        after_help = "Configure it in the editor as the command `pioneers lsp` for Markdown files;\nthe README's section Editors has settings for VS Code, Neovim, Helix and Zed."
    )]
    Lsp,
    /// Rename a document's id: its file, and every reference and relative link to it.
    #[command(after_help = MV_EXAMPLES)]
    Mv(MvArgs),
    /// Print the man page (roff).
    #[command(after_help = "Example:\n  pioneers man > pioneers.1 && man ./pioneers.1")]
    Man,
}

/// Options of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port (0: a free one).
    #[arg(long, default_value_t = 4000)]
    pub port: u16,
    /// The address to listen on; anything but loopback makes the preview visible to others.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: std::net::IpAddr,
    /// Open the site in the browser.
    #[arg(long)]
    pub open: bool,
}

/// Options of `mv`.
#[derive(Debug, Args)]
pub struct MvArgs {
    /// The document's id, or its path (content/themes/open-wob.md).
    #[arg(value_name = "OLD")]
    pub old: String,
    /// Its new id.
    #[arg(value_name = "NEW-ID")]
    pub new: String,
    /// The type of the document, when an id is used by more than one (a session and its
    /// retrospective).
    #[arg(long, value_enum)]
    pub kind: Option<DocKind>,
    /// Print what would change, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

const MV_EXAMPLES: &str = "\
Examples:
  pioneers mv open-wob open-woo --dry-run     show the changes first
  pioneers mv open-wob open-woo               rename the file (git mv in git) and every reference
  pioneers mv 2017-09-18-kick-off 2017-09-18-start --kind session";

/// Options of `render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Where to write the site (default: public/ in the knowledge base). A folder that a
    /// render did not make is never replaced.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Where the site will be published, for absolute links in feeds, calendar and sitemap
    /// (default: base_url in pioneers.toml).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Render even when the content has errors.
    #[arg(long)]
    pub allow_errors: bool,
}

/// Options of `graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The notation.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
}

/// Graph notations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz dot.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

const RENDER_EXAMPLES: &str = "\
Examples:
  pioneers render                                  write public/
  pioneers render --out site --base-url https://example.org/netwerk/
  pioneers render --lang en

The site has a page per document, an index per type, tag pages, feed.atom,
sessions.ics, data/*.json, sitemap.xml (with a base URL) and network.svg. Content with
errors is not rendered (exit 1) unless --allow-errors. Templates in templates/ at the
root replace the built-in ones.";

/// Options of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the knowledge base in (default: the current folder).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Options of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule code, as `validate` prints it (default: list every code).
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
    /// List every code with its one-line description.
    #[arg(long, conflicts_with = "code")]
    pub list: bool,
}

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  pioneers explain unknown-field          what it means and how to fix it
  pioneers explain --list                 every rule code
  PIONEERS_LANG=nl pioneers explain invalid-date

The language follows PIONEERS_LANG, else language in pioneers.toml, else the locale.";

/// Options of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Only this type (default: all four).
    #[arg(value_enum)]
    pub kind: Option<DocKind>,
}

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `new <type>`: one subcommand per type, one flag per front-matter field, generated from
/// the same field definitions the validator uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArgs {
    /// The type of document.
    pub kind: DocKind,
    /// The id, instead of the one made from the name or title.
    pub id: Option<String>,
    /// The Markdown body.
    pub body: Option<String>,
    /// The fields given, in schema order: list items split on commas; objects given as
    /// `part; part; part` in field order.
    pub values: Vec<(&'static str, Vec<String>)>,
}

impl FromArgMatches for NewArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let (name, sub) = matches
            .subcommand()
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::MissingSubcommand))?;
        let kind = DocKind::from_str(name, false)
            .map_err(|_| clap::Error::new(clap::error::ErrorKind::InvalidSubcommand))?;
        let values = kind
            .fields()
            .iter()
            .filter_map(|field| match field.ty {
                FieldType::Bool => sub
                    .get_flag(field.name)
                    .then(|| (field.name, vec!["true".to_string()])),
                _ => sub
                    .get_many::<String>(field.name)
                    .map(|v| (field.name, v.map(|s| s.trim().to_string()).collect())),
            })
            .collect();
        Ok(NewArgs {
            kind,
            id: sub.get_one::<String>("id").cloned(),
            body: sub.get_one::<String>("body").cloned(),
            values,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for NewArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.subcommand_required(true)
            .subcommands(DocKind::ALL.map(|kind| {
                clap::Command::new(kind.name())
                    .about(format!("Write a new {kind} to content/{}/", kind.folder()))
                    .arg(
                        Arg::new("id").long("id").value_name("ID").help(
                            "The id (file name) instead of the one made from the name or title",
                        ),
                    )
                    .arg(
                        Arg::new("body")
                            .long("body")
                            .value_name("MARKDOWN")
                            .help("The text below the front matter"),
                    )
                    .args(kind.fields().iter().map(field_flag))
            }))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// The flag for one field: `--proposed-by a,b` for lists, `--speakers "name; role; org"`
/// for mappings, `--cancelled` for true/false.
fn field_flag(field: &Field) -> Arg {
    let long = field.name.replace('_', "-");
    let mut arg = Arg::new(field.name)
        .long(long.clone())
        .help(field.doc.to_string());
    if long != field.name {
        arg = arg.alias(field.name);
    }
    match field.ty {
        FieldType::Bool => arg.action(ArgAction::SetTrue),
        FieldType::List(FieldType::Object(parts)) => {
            let names: Vec<&str> = parts.iter().map(|p| p.name).collect();
            arg.action(ArgAction::Append)
                .value_name(names.join("; ").to_uppercase())
        }
        FieldType::List(_) => arg
            .action(ArgAction::Append)
            .value_delimiter(',')
            .value_name("A,B"),
        FieldType::Enum(words) => arg.value_parser(clap::builder::PossibleValuesParser::new(
            words.iter().copied(),
        )),
        FieldType::Date => arg.value_name("YYYY-MM-DD"),
        FieldType::Time => arg.value_name("HH:MM"),
        FieldType::Url => arg.value_name("URL"),
        FieldType::Ref(kind) => arg.value_name(format!("{}-ID", kind.name().to_uppercase())),
        _ => arg.value_name("TEXT"),
    }
}

const NEW_EXAMPLES: &str = "\
Examples:
  pioneers new organisation --name \"Gemeente Zwolle\" --kind municipality --city Zwolle
  pioneers new theme --title \"Open raadsinformatie\" --summary \"Raadsstukken als open data.\" --carriers zwolle
  pioneers new session --title \"Sessie Zwolle\" --date 2027-03-14 --city Zwolle --hosts zwolle --themes open-wob
  pioneers new retrospective --session 2027-03-14-sessie-zwolle --authors \"Ana de Vries\"

Each type has a flag per field: see `pioneers new theme --help`. Lists take commas
(--carriers a,b); speakers and links take `part; part` (--speakers \"Naam; rol; org-id\").
The id is made from the name or title (sessions: date first; a retrospective takes its
session's id); --id overrides. References are checked before anything is written, and an
existing file is never overwritten. On a terminal, missing required fields are asked for.";

/// `themes list|show`.
#[derive(Debug, Subcommand)]
pub enum Themes {
    /// List themes, by title.
    #[command(after_help = THEMES_LIST_EXAMPLES)]
    List {
        /// Only themes with this status (declared, or derived from the sessions).
        #[arg(long, value_enum)]
        status: Option<ThemeStatus>,
        /// Only themes this organisation carries (its id).
        #[arg(long, value_name = "ORG")]
        carrier: Option<String>,
        /// Only themes with this tag.
        #[arg(long)]
        tag: Option<String>,
        /// Sorting, limits, `--where` and format.
        #[command(flatten)]
        list: ListArgs,
    },
    /// Show one theme: its fields, status, sessions, retrospectives and text.
    #[command(
        after_help = "Example:\n  pioneers themes show open-wob\n  pioneers themes show open-wob --format json"
    )]
    Show(ShowArgs),
}

/// `sessions list|show`.
#[derive(Debug, Subcommand)]
pub enum Sessions {
    /// List sessions, by date.
    #[command(after_help = SESSIONS_LIST_EXAMPLES)]
    List {
        /// Only sessions still to come.
        #[arg(long, conflicts_with = "past")]
        upcoming: bool,
        /// Only sessions that were held.
        #[arg(long)]
        past: bool,
        /// Only sessions this organisation hosts (its id).
        #[arg(long, value_name = "ORG")]
        host: Option<String>,
        /// Only sessions with this theme on the agenda (its id).
        #[arg(long, value_name = "ID")]
        theme: Option<String>,
        /// Only sessions in this year.
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
        /// Sorting, limits, `--where` and format.
        #[command(flatten)]
        list: ListArgs,
    },
    /// Show one session: its fields, state, retrospectives and text.
    #[command(after_help = "Example:\n  pioneers sessions show 2017-11-22-utrecht")]
    Show(ShowArgs),
}

/// `retrospectives list|show`.
#[derive(Debug, Subcommand)]
pub enum Retrospectives {
    /// List retrospectives, by publication date.
    #[command(
        after_help = "Examples:\n  pioneers retros list\n  pioneers retros list --session 2017-09-18-kick-off-schiedam --format json"
    )]
    List {
        /// Only retrospectives of this session (its id).
        #[arg(long, value_name = "ID")]
        session: Option<String>,
        /// Sorting, limits, `--where` and format.
        #[command(flatten)]
        list: ListArgs,
    },
    /// Show one retrospective.
    #[command(after_help = "Example:\n  pioneers retros show 2017-09-18-kick-off-schiedam")]
    Show(ShowArgs),
}

/// `organisations list|show`.
#[derive(Debug, Subcommand)]
pub enum Organisations {
    /// List organisations, by name.
    #[command(
        after_help = "Examples:\n  pioneers orgs list\n  pioneers orgs list --kind municipality --format csv\n  pioneers orgs list --where '\"open-wob\" in carries'"
    )]
    List {
        /// Only organisations of this kind.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(crate::kb::schema::ORGANISATION_KINDS.iter().copied()))]
        kind: Option<String>,
        /// Sorting, limits, `--where` and format.
        #[command(flatten)]
        list: ListArgs,
    },
    /// Show one organisation: what it carries, hosted and attended.
    #[command(after_help = "Example:\n  pioneers orgs show utrecht")]
    Show(ShowArgs),
}

/// Options every `list` has.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Sort on this field instead of the default.
    #[arg(long, value_name = "FIELD")]
    pub sort: Option<String>,
    /// Reverse the order.
    #[arg(long)]
    pub reverse: bool,
    /// Show at most N.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Keep only what matches EXPR, e.g. `status = proposed and "utrecht" in carriers`.
    #[arg(long = "where", value_name = "EXPR")]
    pub filter: Option<String>,
    /// How to print the list.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Options of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The id of the document.
    pub id: String,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

/// Options of `search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to look for (case and accents do not matter).
    #[arg(required = true)]
    pub text: Vec<String>,
    /// Only documents of this type.
    #[arg(long = "type", value_enum)]
    pub kind: Option<DocKind>,
    /// Show at most N results.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// How to print the results.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
}

/// Options of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
}

/// Formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Readable text.
    Text,
    /// One object with every field and the body.
    Json,
}

/// A table or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    /// Aligned columns.
    Table,
    /// JSON.
    Json,
}

const THEMES_LIST_EXAMPLES: &str = "\
Examples:
  pioneers themes list
  pioneers themes list --status proposed
  pioneers themes list --carrier utrecht --format json
  pioneers themes list --where 'status = proposed and \"utrecht\" in carriers'
  pioneers themes list --where 'title contains wob' --format markdown
  pioneers themes list --sort status --reverse --limit 5

--where: compare fields with = != < <= > >= (text ignores case and accents),
`\"value\" in LIST`, `FIELD contains \"text\"`, a true/false field on its own,
and, or, not, parentheses.";

const SESSIONS_LIST_EXAMPLES: &str = "\
Examples:
  pioneers sessions list --upcoming
  pioneers sessions list --past --year 2017
  pioneers sessions list --host utrecht --format csv
  pioneers sessions list --where 'date >= 2017-10-01 or not cancelled'";

const SEARCH_EXAMPLES: &str = "\
Examples:
  pioneers search wob
  pioneers search \"open data\" --type theme --limit 5
  pioneers search cafe --format json     (finds café too)";

const STATS_EXAMPLES: &str = "\
Examples:
  pioneers stats
  pioneers stats --format json";

const VALIDATE_EXAMPLES: &str = "\
Examples:
  pioneers validate                          check the whole knowledge base
  pioneers validate content/themes/open-wob.md
                                             report on one file (all are still loaded)
  pioneers validate --format github          annotations on a pull request
  pioneers validate --format json | jq '.summary'
  pioneers validate --deny-warnings          fail on warnings too
  pioneers validate --changed-since origin/main
                                             only what a branch changed (and broke)
  pioneers validate --fix                    repair what is certain, then report the rest
  pioneers validate --fix --dry-run          show those repairs as a diff, write nothing

Exit status: 0 no errors, 1 errors found (or warnings with --deny-warnings),
2 usage error or the knowledge base cannot be read.";

/// Options of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Report only on these files or folders (everything is still loaded to resolve
    /// references).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Report only on files that differ from this git revision (committed, staged, unstaged
    /// or untracked), and on documents whose references those changes broke.
    #[arg(long, value_name = "REV", conflicts_with = "paths")]
    pub changed_since: Option<String>,

    /// Repair what has one certain repair (a near key, reference or word; a Dutch date),
    /// by small edits in the files reported on, then report what is left.
    #[arg(long)]
    pub fix: bool,

    /// With --fix: print the repairs as a unified diff and write nothing (exit status 1
    /// when there is something to repair).
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// Validate again after every change to the content, templates or pioneers.toml (the
    /// screen is cleared first on a terminal); stop with Ctrl-C.
    #[arg(long, conflicts_with = "fix")]
    pub watch: bool,
}

fn parse_today(text: &str) -> Result<Date, String> {
    parse_date(text).ok_or_else(|| format!("`{text}` is not a date; write YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// The words a value flag accepts, as the command line shows them.
    fn possible_values(path: &[&str], flag: &str) -> Vec<String> {
        let mut command = Cli::command();
        command.build();
        let mut command = &command;
        for name in path {
            command = command.find_subcommand(name).expect("subcommand");
        }
        let arg = command
            .get_arguments()
            .find(|a| a.get_id() == flag)
            .expect("flag");
        arg.get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect()
    }

    #[test]
    fn the_domain_enums_accept_the_words_of_the_command_line() {
        let types = ["organisation", "theme", "session", "retrospective"];
        assert_eq!(possible_values(&["search"], "kind"), types);
        assert_eq!(possible_values(&["schema"], "kind"), types);
        assert_eq!(
            possible_values(&["themes", "list"], "status"),
            ["proposed", "scheduled", "discussed", "closed"]
        );
        assert_eq!(possible_values(&["render"], "lang"), ["nl", "en"]);
        for list in ["themes", "sessions", "retrospectives", "organisations"] {
            assert_eq!(
                possible_values(&[list, "list"], "format"),
                ["table", "json", "csv", "markdown"]
            );
        }
        assert_eq!(
            possible_values(&["validate"], "format"),
            ["human", "json", "github", "sarif", "gitlab"]
        );
    }

    #[test]
    fn the_aliases_of_the_commands_stay() {
        for args in [
            ["pioneers", "retros", "list"],
            ["pioneers", "orgs", "list"],
            ["pioneers", "new", "theme"],
        ] {
            assert!(Cli::try_parse_from(args).is_ok(), "{args:?}");
        }
        let parsed =
            Cli::try_parse_from(["pioneers", "search", "x", "--type", "session"]).expect("parses");
        assert!(matches!(
            parsed.command,
            Command::Search(SearchArgs {
                kind: Some(DocKind::Session),
                ..
            })
        ));
    }

    /// clap's own checks of the definitions: no clashing flags, valid defaults and groups.
    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }
}
