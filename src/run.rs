//! Runs a parsed command line: finds the root, loads once, calls the command, and turns
//! the outcome into the exit status of DESIGN.md §4.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::{Cli, Command, Format, ValidateArgs};
use crate::diag::{Diagnostic, Severity};
use crate::kb::date::system_today;
use crate::kb::{KnowledgeBase, find_root, walk};
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
    match cli.command {
        Command::Validate(args) => {
            let kb = KnowledgeBase::load(&root, today)?;
            validate_command(&kb, &args, &cwd)
        }
    }
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
