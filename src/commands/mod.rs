//! The edge between the command line and the library: one handler per command maps the
//! parsed flags onto domain options, calls the library and returns an exit status or an
//! [`Error`]; [`run`] prints that error, once. Nothing below this module imports
//! [`crate::cli`].

mod completions;
mod error;
mod explain;
mod graph;
mod init;
mod lsp;
mod man;
mod mv;
mod new;
mod query;
mod render;
mod schema;
mod serve;
mod validate;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use time::Date;

use crate::cli::{Cli, Command};
use crate::kb::date::system_today;
use crate::kb::{KnowledgeBase, find_root, read_config};
use crate::lang::Lang;

pub use error::{EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, Error};

/// What a handler gives: an exit status, or the error that ends the command.
pub type Result<T = u8, E = Error> = std::result::Result<T, E>;

/// Runs `cli` and turns the outcome into the exit status of DESIGN.md §4; an error is
/// printed here and nowhere else.
pub fn run(cli: Cli) -> ExitCode {
    let context = match Context::new(&cli) {
        Ok(context) => context,
        Err(error) => {
            print(&error, Lang::En);
            return ExitCode::from(error.exit_code());
        }
    };
    match execute(cli, &context) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            print(&error, context.lang());
            ExitCode::from(error.exit_code())
        }
    }
}

/// Prints `error` on standard error. Messages quote paths and values from the knowledge
/// base: control characters are escaped, so nothing may steer the terminal.
fn print(error: &Error, lang: Lang) {
    if error.is_silent() {
        return;
    }
    match error.quoted_expression() {
        Some(quoted) => eprintln!("{quoted}"),
        None => eprintln!(
            "{}: {}",
            crate::msg::severity_words(lang)[0],
            crate::text::escape_control_keep_lines(&error.text(lang))
        ),
    }
}

fn execute(cli: Cli, context: &Context) -> Result {
    let mut out = std::io::stdout().lock();
    let code = match cli.command {
        Command::Validate(args) => validate::run(context, &args)?,
        Command::Explain(args) => explain::run(context, &args, &mut out)?,
        Command::Themes(command) => query::themes(context, command, &mut out)?,
        Command::Sessions(command) => query::sessions(context, command, &mut out)?,
        Command::Retrospectives(command) => query::retrospectives(context, command, &mut out)?,
        Command::Organisations(command) => query::organisations(context, command, &mut out)?,
        Command::Search(args) => query::search(context, &args, &mut out)?,
        Command::Stats(args) => query::stats(context, &args, &mut out)?,
        Command::New(args) => new::run(context, &args, &mut out)?,
        Command::Init(args) => init::run(context, &args, &mut out)?,
        Command::Schema(args) => schema::run(&args, &mut out)?,
        Command::Completions(args) => completions::run(&args, &mut out)?,
        Command::Render(args) => render::run(context, &args, &mut out)?,
        Command::Serve(args) => serve::run(context, &args, &mut out)?,
        Command::Graph(args) => graph::run(context, &args, &mut out)?,
        Command::Lsp => lsp::run(context, &mut out)?,
        Command::Mv(args) => mv::run(context, &args, &mut out)?,
        Command::Man => man::run(&mut out)?,
    };
    out.flush()?;
    Ok(code)
}

/// What every handler shares: the working directory, the knowledge base the global
/// `--root` and `--today` point at, and the language of messages.
struct Context {
    cwd: PathBuf,
    root: Option<PathBuf>,
    today: Option<Date>,
    lang_flag: Option<Lang>,
    lang: Lang,
}

impl Context {
    /// The context of `cli`: the language of messages is decided here, once, from `--lang`,
    /// `PIONEERS_LANG`, the root's `pioneers.toml` (when it can be read) and the locale.
    fn new(cli: &Cli) -> Result<Self> {
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        let root = find_root(cli.root.as_deref(), &cwd);
        let config = read_config(&root).ok().and_then(|c| c.language);
        let lang = crate::lang::for_messages(cli.lang, config.as_deref(), &|name| {
            std::env::var(name).ok()
        });
        Ok(Context {
            cwd,
            root: cli.root.clone(),
            today: cli.today,
            lang_flag: cli.lang,
            lang,
        })
    }

    /// The language of messages.
    fn lang(&self) -> Lang {
        self.lang
    }

    /// `--lang`, if given.
    fn lang_flag(&self) -> Option<Lang> {
        self.lang_flag
    }

    /// The working directory, which relative paths on the command line start from.
    fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// Finds the root (`--root`, else the nearest `pioneers.toml` upwards, else the working
    /// directory) and loads the knowledge base once, as of `--today` or the system's date.
    ///
    /// The knowledge base is never freed: the process ends after the command, and the system
    /// takes the memory back at once, while dropping it would free its allocations one by
    /// one (a tenth of the run at 100,000 documents).
    fn knowledge_base(&self) -> Result<&'static mut KnowledgeBase> {
        let root = find_root(self.root.as_deref(), &self.cwd);
        let today = self.today.unwrap_or_else(system_today);
        let kb = KnowledgeBase::load(&root, today)?;
        Ok(Box::leak(Box::new(kb)))
    }
}
