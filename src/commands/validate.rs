//! `pioneers validate [PATH…]`: every diagnostic, in the chosen format, for the whole
//! knowledge base or the files asked about; with `--fix`, after repairing what is certain.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use super::{Context, EXIT_CONTENT, EXIT_OK, Result};
use crate::cli::ValidateArgs;
use crate::diag::{Diagnostic, Severity};
use crate::fix::{Change, FileFix, unified_diff, write_atomically};
use crate::kb::{KnowledgeBase, walk};
use crate::lang::Lang;
use crate::msg::Msg;
use crate::report::{self, Format, Sources};
use crate::serve::engine::{Engine, Setup};
use crate::text::escape_control;

/// Reports on what `args` selects; exit 1 when there are errors (or warnings, if denied).
/// With `--fix`, first applies the certain fixes in the selected files (or, with
/// `--dry-run`, prints them as a diff and stops).
pub(super) fn run(context: &Context, args: &ValidateArgs) -> Result {
    if args.watch {
        return watch(context, args);
    }
    let mut kb: &KnowledgeBase = context.knowledge_base()?;
    let mut selection = select(context, kb, args)?;
    let fixed;
    if args.fix {
        let fixable = &selection.fixable;
        let plan = crate::fix::plan(kb, &|path| {
            fixable.as_ref().is_none_or(|f| f.contains(path))
        });
        if args.dry_run {
            return Ok(print_diff(&plan, context.lang())?);
        }
        if write_fixes(kb, &plan, args.format, context.lang())? {
            fixed = KnowledgeBase::load(&kb.root, kb.today)?;
            kb = &fixed;
            selection = select(context, kb, args)?;
        }
    }
    let (diagnostics, files) = (&selection.diagnostics, selection.files);
    write_report(kb, args.format, diagnostics, files, context.lang())?;
    Ok(exit_code(diagnostics, args.deny_warnings))
}

/// `--watch`: the report now and after every change, until the process is stopped; after
/// a change only what it touched is read and checked again.
fn watch(context: &Context, args: &ValidateArgs) -> Result {
    let root = crate::kb::find_root(context.root.as_deref(), context.cwd());
    let watching = crate::serve::Watching::start(&root)?;
    let mut engine = Engine::start(Setup {
        root: root.clone(),
        today: context.today.unwrap_or_else(crate::kb::date::system_today),
        lang_flag: context.lang_flag(),
        site: false,
    });
    let clear = std::io::stdout().is_terminal() && args.format == Format::Human;
    let report = |engine: &Engine| -> anyhow::Result<()> {
        let kb = engine.kb().map_err(anyhow::Error::msg)?;
        let selection = select_from(context, kb, engine.diagnostics(), args)?;
        if clear {
            // Clear the screen and go home, as watch modes do.
            print!("\x1b[2J\x1b[H");
        }
        write_report(
            kb,
            args.format,
            &selection.diagnostics,
            selection.files,
            context.lang(),
        )
    };
    let complain = |error: anyhow::Error| {
        eprintln!(
            "{}: {error:#}",
            crate::msg::severity_words(context.lang())[0]
        );
    };
    report(&engine)?;
    watching.run(|changed| {
        engine.update(&changed);
        report(&engine).unwrap_or_else(complain);
    })?;
    Ok(EXIT_OK)
}

/// What `validate` reports on.
struct Selection {
    /// The diagnostics to report.
    diagnostics: Vec<Diagnostic>,
    /// How many files were checked.
    files: usize,
    /// The files `--fix` may change; `None` for all.
    fixable: Option<HashSet<String>>,
}

/// The diagnostics, the count of files and the fixable files of the whole knowledge base,
/// or of the files changed since `--changed-since`, or under the PATHs given.
fn select(context: &Context, kb: &KnowledgeBase, args: &ValidateArgs) -> anyhow::Result<Selection> {
    select_from(context, kb, crate::validate::validate(kb), args)
}

/// As [`select`], from `diagnostics` already found.
fn select_from(
    context: &Context,
    kb: &KnowledgeBase,
    mut diagnostics: Vec<Diagnostic>,
    args: &ValidateArgs,
) -> anyhow::Result<Selection> {
    let mut files = kb.file_count();
    let mut fixable = None;
    if let Some(rev) = &args.changed_since {
        let changed = crate::git::changed_since(&kb.root, rev)?;
        let (kept, selected) = crate::validate::changed::select(kb, diagnostics, &changed);
        diagnostics = kept;
        files = selected.len();
        fixable = Some(changed.into_iter().collect());
    }
    if !args.paths.is_empty() {
        let wanted = wanted_paths(&kb.root, context.cwd(), &args.paths)?;
        let selected = |file: &str| {
            wanted
                .iter()
                .any(|w| w.is_empty() || file == w || file.starts_with(&format!("{w}/")))
        };
        diagnostics.retain(|d| selected(&d.file));
        let paths: HashSet<String> = kb
            .files
            .iter()
            .filter(|f| selected(&f.path))
            .map(|f| f.path.clone())
            .collect();
        files = paths.len();
        fixable = Some(paths);
    }
    Ok(Selection {
        diagnostics,
        files,
        fixable,
    })
}

/// Writes each fixed file and says what changed (on standard output before a human
/// report, on standard error before a machine-readable one); whether any file was written.
fn write_fixes(
    kb: &KnowledgeBase,
    plan: &[FileFix],
    format: Format,
    lang: Lang,
) -> anyhow::Result<bool> {
    let mut lines = Vec::new();
    let mut wrote = false;
    for fix in plan {
        let path = escape_control(&fix.path);
        for place in &fix.skipped {
            let place = format!("{path}:{}:{}", place.line, place.column);
            lines.push(Msg::FixSkipped(place).text(lang));
        }
        if fix.changes.is_empty() {
            continue;
        }
        if let Err(why) = write_atomically(&kb.root, &fix.path, &fix.original, &fix.fixed) {
            let file = path.to_string();
            let why = Box::new(why);
            lines.push(Msg::FileNotFixed { file, why }.text(lang));
            continue;
        }
        wrote = true;
        for change in &fix.changes {
            lines.push(changed_line(&path, change).text(lang));
        }
    }
    if lines.is_empty() {
        return Ok(false);
    }
    let text = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    if format == Format::Human {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}").context("cannot write the report")?;
    } else {
        let mut err = std::io::stderr().lock();
        write!(err, "{text}").context("cannot write the report")?;
    }
    Ok(wrote)
}

/// `fixed file:line:column: before → after`, with control characters shown as escapes.
fn changed_line(path: &str, change: &Change) -> Msg {
    Msg::Fixed {
        place: format!("{path}:{}:{}", change.at.line, change.at.column),
        before: escape_control(&change.before).into_owned(),
        after: escape_control(&change.after).into_owned(),
    }
}

/// `--fix --dry-run`: the unified diff of every file that would change, and on standard
/// error the fixes left out; 1 when something would change, else 0.
fn print_diff(plan: &[FileFix], lang: Lang) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    let mut changes = false;
    for fix in plan {
        for place in &fix.skipped {
            let place = format!(
                "{}:{}:{}",
                escape_control(&fix.path),
                place.line,
                place.column
            );
            eprintln!("{}", Msg::FixSkipped(place).text(lang));
        }
        if fix.original != fix.fixed {
            changes = true;
            write!(out, "{}", unified_diff(fix)).context("cannot write the diff")?;
        }
    }
    out.flush().context("cannot write the diff")?;
    Ok(if changes { EXIT_CONTENT } else { EXIT_OK })
}

fn write_report(
    kb: &KnowledgeBase,
    format: Format,
    diagnostics: &[Diagnostic],
    files: usize,
    lang: Lang,
) -> anyhow::Result<()> {
    let sources = Sources::new(
        kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())),
        files,
    )
    .in_language(lang);
    let mut out = std::io::stdout().lock();
    report::write(&mut out, format, diagnostics, &sources, use_color(format))
        .context("cannot write the report")?;
    out.flush().context("cannot write the report")
}

/// 1 when there are errors (or warnings, if denied), else 0.
fn exit_code(diagnostics: &[Diagnostic], deny_warnings: bool) -> u8 {
    let fails = |d: &Diagnostic| d.severity() == Severity::Error || deny_warnings;
    if diagnostics.iter().any(fails) {
        EXIT_CONTENT
    } else {
        EXIT_OK
    }
}

/// The given paths relative to the root, with `/` separators; each must exist inside it.
fn wanted_paths(root: &Path, cwd: &Path, paths: &[PathBuf]) -> anyhow::Result<Vec<String>> {
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
    format == Format::Human && report::use_colour(std::io::stdout().is_terminal())
}
