//! Runs a parsed command line: finds the root, loads once, calls the command, and turns
//! the outcome into the exit status of DESIGN.md §4.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::{
    Cli, Command, Format, Organisations, Retrospectives, Sessions, StatusArg, Themes, ValidateArgs,
};
use crate::diag::{Diagnostic, Severity};
use crate::kb::date::system_today;
use crate::kb::{DocKind, KnowledgeBase, find_root, walk};
use crate::query::Filter;
use crate::query::commands::{list_command, search_command, show_command, stats_command};
use crate::report::{self, Sources};
use crate::validate::validate;

/// Success (warnings allowed unless denied).
pub const EXIT_OK: u8 = 0;
/// Content errors found, or the named item does not exist.
pub const EXIT_CONTENT: u8 = 1;
/// Usage error or an environment failure.
pub const EXIT_FAILURE: u8 = 2;

/// Runs `cli`; operational errors are printed once, with their causes, and exit 2.
pub fn run(cli: Cli) -> ExitCode {
    match execute(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(EXIT_OK),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn execute(cli: Cli) -> Result<u8> {
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    let root = find_root(cli.root.as_deref(), &cwd);
    let today = cli.today.unwrap_or_else(system_today);
    let kb = KnowledgeBase::load(&root, today)?;
    if let Command::Validate(args) = &cli.command {
        return validate_command(&kb, args, &cwd);
    }
    warn_about_problems(&kb);
    let mut out = std::io::stdout().lock();
    let code = query(&kb, cli.command, &mut out)?;
    out.flush()?;
    Ok(code)
}

/// Runs a query command on `kb`.
fn query(kb: &KnowledgeBase, command: Command, out: &mut dyn Write) -> Result<u8> {
    match command {
        Command::Validate(_) => Ok(EXIT_OK),
        Command::Themes(Themes::List {
            status,
            carrier,
            tag,
            list,
        }) => {
            let mut filters = Vec::new();
            filters.extend(status.map(|s| Filter::Status(status_word(s).into())));
            filters.extend(carrier.map(Filter::Carrier));
            filters.extend(tag.map(Filter::Tag));
            list_command(kb, DocKind::Theme, filters, &list, out)
        }
        Command::Sessions(Sessions::List {
            upcoming,
            past,
            host,
            theme,
            year,
            list,
        }) => {
            let mut filters = Vec::new();
            filters.extend(upcoming.then_some(Filter::Upcoming));
            filters.extend(past.then_some(Filter::Past));
            filters.extend(host.map(Filter::Host));
            filters.extend(theme.map(Filter::Theme));
            filters.extend(year.map(Filter::Year));
            list_command(kb, DocKind::Session, filters, &list, out)
        }
        Command::Retrospectives(Retrospectives::List { session, list }) => {
            let filters = session.map(Filter::Session).into_iter().collect();
            list_command(kb, DocKind::Retrospective, filters, &list, out)
        }
        Command::Organisations(Organisations::List { kind, list }) => {
            let filters = kind.map(Filter::Kind).into_iter().collect();
            list_command(kb, DocKind::Organisation, filters, &list, out)
        }
        Command::Themes(Themes::Show(args)) => show_command(kb, DocKind::Theme, &args, out),
        Command::Sessions(Sessions::Show(args)) => show_command(kb, DocKind::Session, &args, out),
        Command::Retrospectives(Retrospectives::Show(args)) => {
            show_command(kb, DocKind::Retrospective, &args, out)
        }
        Command::Organisations(Organisations::Show(args)) => {
            show_command(kb, DocKind::Organisation, &args, out)
        }
        Command::Search(args) => search_command(kb, &args, out),
        Command::Stats(args) => stats_command(kb, &args, out),
    }
}

fn status_word(status: StatusArg) -> &'static str {
    match status {
        StatusArg::Proposed => "proposed",
        StatusArg::Scheduled => "scheduled",
        StatusArg::Discussed => "discussed",
        StatusArg::Closed => "closed",
    }
}

/// Queries run on content with errors; one line on standard error says so.
fn warn_about_problems(kb: &KnowledgeBase) {
    let diagnostics = validate(kb);
    let mut files: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| d.file.as_str())
        .collect();
    files.dedup();
    match files.len() {
        0 => {}
        1 => eprintln!("warning: 1 file has problems; run `pioneers validate` to see them"),
        n => eprintln!("warning: {n} files have problems; run `pioneers validate` to see them"),
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn validate_command(kb: &KnowledgeBase, args: &ValidateArgs, cwd: &Path) -> Result<u8> {
    let mut diagnostics = validate(kb);
    let mut files = kb.file_count();
    if !args.paths.is_empty() {
        let wanted = wanted_paths(&kb.root, cwd, &args.paths)?;
        let selected = |file: &str| {
            wanted
                .iter()
                .any(|w| w.is_empty() || file == w || file.starts_with(&format!("{w}/")))
        };
        diagnostics.retain(|d| selected(&d.file));
        files = kb.files.iter().filter(|f| selected(&f.path)).count();
    }
    let sources = Sources::new(
        kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())),
        files,
    );
    let mut out = std::io::stdout().lock();
    report::write(
        &mut out,
        args.format,
        &diagnostics,
        &sources,
        use_color(args.format),
    )
    .context("cannot write the report")?;
    out.flush().context("cannot write the report")?;
    Ok(exit_code(&diagnostics, args.deny_warnings))
}

/// 1 when there are errors (or warnings, if denied), else 0.
pub fn exit_code(diagnostics: &[Diagnostic], deny_warnings: bool) -> u8 {
    let fails = |d: &Diagnostic| d.severity() == Severity::Error || deny_warnings;
    if diagnostics.iter().any(fails) {
        EXIT_CONTENT
    } else {
        EXIT_OK
    }
}

/// The given paths relative to the root, with `/` separators; each must exist inside it.
fn wanted_paths(root: &Path, cwd: &Path, paths: &[PathBuf]) -> Result<Vec<String>> {
    let real_root = root
        .canonicalize()
        .with_context(|| format!("cannot read {}", root.display()))?;
    paths
        .iter()
        .map(|path| {
            let absolute = cwd.join(path);
            let real = absolute
                .canonicalize()
                .with_context(|| format!("cannot find {}", path.display()))?;
            if !real.starts_with(&real_root) {
                bail!(
                    "{} is outside the knowledge base at {}",
                    path.display(),
                    root.display()
                );
            }
            Ok(walk::relative(&real_root, &real))
        })
        .collect()
}

fn use_color(format: Format) -> bool {
    format == Format::Human
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
