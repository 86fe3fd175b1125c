//! Runs a parsed command line: finds the root, loads once, calls the command, and turns
//! the outcome into the exit status of DESIGN.md §4.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::author::new::{Outcome, Prompt, new_document};
use crate::author::{init, schema};
use crate::cli::{
    Cli, Command, InitArgs, NewArgs, Organisations, Retrospectives, SchemaArgs, Sessions, Themes,
    ValidateArgs,
};
use crate::cli::{GraphFormat, RenderArgs};
use crate::diag::{Diagnostic, Severity};
use crate::kb::date::system_today;
use crate::kb::{DocKind, KnowledgeBase, find_root, walk};
use crate::query::Filter;
use crate::query::commands::{list_command, search_command, show_command, stats_command};
use crate::render::site::SiteOptions;
use crate::report::{self, Format, Sources};
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
            // Causes quote paths and values from the knowledge base: nothing may steer the
            // terminal.
            let message = format!("{error:#}");
            eprintln!(
                "error: {}",
                crate::text::escape_control_keep_lines(&message)
            );
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn execute(cli: Cli) -> Result<u8> {
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    let mut out = std::io::stdout().lock();
    match &cli.command {
        Command::Init(args) => return init_command(args, &cwd, &mut out),
        Command::Schema(args) => return schema_command(args, &mut out),
        Command::Completions(args) => {
            clap_complete::generate(
                args.shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "pioneers",
                &mut out,
            );
            return Ok(EXIT_OK);
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
            return Ok(EXIT_OK);
        }
        _ => {}
    }
    let root = find_root(cli.root.as_deref(), &cwd);
    let today = cli.today.unwrap_or_else(system_today);
    let mut kb = KnowledgeBase::load(&root, today)?;
    let code = match cli.command {
        Command::Validate(args) => validate_command(&kb, &args, &cwd)?,
        Command::New(args) => new_command(&mut kb, &args, &mut out)?,
        Command::Render(args) => render_command(&kb, &args, &cwd, &mut out)?,
        Command::Graph(args) => {
            let graph = crate::render::graph::graph(&kb);
            let text = match args.format {
                GraphFormat::Dot => crate::render::graph::dot(&graph),
                GraphFormat::Mermaid => crate::render::graph::mermaid(&graph),
            };
            out.write_all(text.as_bytes())?;
            EXIT_OK
        }
        command => {
            warn_about_problems(&kb);
            query(&kb, command, &mut out)?
        }
    };
    out.flush()?;
    // The process ends next: the system takes the memory back at once, while dropping the
    // knowledge base would free its allocations one by one (a tenth of the run at 100,000
    // documents).
    std::mem::forget(kb);
    Ok(code)
}

fn render_command(
    kb: &KnowledgeBase,
    args: &RenderArgs,
    cwd: &Path,
    out: &mut dyn Write,
) -> Result<u8> {
    let errors = validate(kb)
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    if errors > 0 && !args.allow_errors {
        eprintln!(
            "error: the content has {errors} errors; nothing was rendered (run `pioneers validate`, or render with --allow-errors)"
        );
        return Ok(EXIT_CONTENT);
    }
    let base_url = match args.base_url.clone().or_else(|| kb.config.base_url.clone()) {
        Some(url) if !crate::validate::is_web_url(&url) => {
            eprintln!("error: the base URL `{url}` is not an absolute http(s) URL");
            return Ok(EXIT_FAILURE);
        }
        Some(url) if url.ends_with('/') => Some(url),
        Some(url) => Some(format!("{url}/")),
        None => {
            eprintln!(
                "note: no base_url in pioneers.toml or --base-url: feeds use relative links and there is no sitemap"
            );
            None
        }
    };
    let lang = args
        .lang
        .unwrap_or_else(|| crate::render::i18n::Lang::from_code(kb.config.language.as_deref()));
    let options = SiteOptions {
        title: kb
            .config
            .title
            .clone()
            .unwrap_or_else(|| "Pioniersnetwerk Open Overheid".into()),
        base_url,
        lang,
    };
    let dir = match &args.out {
        Some(dir) => cwd.join(dir),
        None => kb.root.join("public"),
    };
    refuse_output_inside_sources(&kb.root, &dir)?;
    let built = crate::render::output::replace_dir(&dir, |sink| {
        crate::render::site::build(kb, &options, sink)
    })?;
    match built {
        Ok(count) => {
            writeln!(out, "wrote {count} files to {}", dir.display())?;
            Ok(EXIT_OK)
        }
        Err(crate::render::output::Refusal::NotOurs(path)) => {
            eprintln!(
                "error: {} is not empty and was not made by `pioneers render` (it has no {}); nothing was written",
                path.display(),
                crate::render::output::MARKER
            );
            Ok(EXIT_CONTENT)
        }
    }
}

/// Fails when `out` (resolved through links, like the folders it is compared with) is inside
/// `content/` or `templates/`, or holds them: the site would be published into itself, or
/// replace the sources.
fn refuse_output_inside_sources(root: &Path, out: &Path) -> Result<()> {
    let out = resolve(out);
    for source in ["content", "templates"] {
        let folder = resolve(&root.join(source));
        if out.starts_with(&folder) || folder.starts_with(&out) {
            bail!(
                "the output folder {} is {} the knowledge base's `{source}/`; the site would be written into its own sources. Choose a folder outside `content/` and `templates/`, such as `public/`",
                out.display(),
                if out.starts_with(&folder) {
                    "inside"
                } else {
                    "around"
                },
            );
        }
    }
    Ok(())
}

/// `path` made absolute without links: the longest part that exists is resolved by the
/// system, the rest (`..` included) by its names.
fn resolve(path: &Path) -> PathBuf {
    let mut resolved = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                resolved.pop();
            }
            std::path::Component::CurDir => {}
            component => {
                resolved.push(component);
                if let Ok(real) = resolved.canonicalize() {
                    resolved = real;
                }
            }
        }
    }
    resolved
}

fn init_command(args: &InitArgs, cwd: &Path, out: &mut dyn Write) -> Result<u8> {
    let dir = cwd.join(args.dir.as_deref().unwrap_or(Path::new(".")));
    match init::init(&dir)? {
        init::Outcome::AlreadyThere(config) => {
            eprintln!(
                "error: {} already exists; this is a knowledge base already",
                config.display()
            );
            Ok(EXIT_CONTENT)
        }
        init::Outcome::Created { written, kept } => {
            for file in written {
                writeln!(out, "created {file}")?;
            }
            for file in kept {
                writeln!(out, "kept    {file} (it existed)")?;
            }
            Ok(EXIT_OK)
        }
    }
}

fn schema_command(args: &SchemaArgs, out: &mut dyn Write) -> Result<u8> {
    let schema = match args.kind {
        None => schema::schema_of_all(),
        Some(kind) => schema::schema_of(kind),
    };
    serde_json::to_writer_pretty(&mut *out, &schema)?;
    writeln!(out)?;
    Ok(EXIT_OK)
}

fn new_command(kb: &mut KnowledgeBase, args: &NewArgs, out: &mut dyn Write) -> Result<u8> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut input = stdin.lock();
    let mut questions = std::io::stderr();
    let prompt = if interactive {
        Prompt::Ask {
            input: &mut input,
            output: &mut questions,
        }
    } else {
        Prompt::Never
    };
    match new_document(kb, args, prompt)? {
        Outcome::Written(rel) => {
            writeln!(out, "{rel}")?;
            Ok(EXIT_OK)
        }
        Outcome::Missing(fields) => {
            let flags: Vec<String> = fields
                .iter()
                .map(|f| format!("--{}", f.replace('_', "-")))
                .collect();
            eprintln!("error: a {} needs {}", args.kind, flags.join(", "));
            Ok(EXIT_FAILURE)
        }
        Outcome::Exists(rel) => {
            eprintln!(
                "error: {rel} already exists; nothing was written (use --id to choose another id)"
            );
            Ok(EXIT_CONTENT)
        }
        Outcome::Refused(rel, diagnostics, text) => {
            let sources = Sources::new([(rel.as_str(), text.as_str())], 1);
            let mut err = std::io::stderr().lock();
            report::write(&mut err, Format::Human, &diagnostics, &sources, false)?;
            eprintln!("error: {rel} was not written");
            Ok(EXIT_CONTENT)
        }
    }
}

/// Runs a query command on `kb`.
fn query(kb: &KnowledgeBase, command: Command, out: &mut dyn Write) -> Result<u8> {
    match command {
        Command::Validate(_)
        | Command::New(_)
        | Command::Init(_)
        | Command::Schema(_)
        | Command::Completions(_)
        | Command::Render(_)
        | Command::Graph(_)
        | Command::Man => Ok(EXIT_OK),
        Command::Themes(Themes::List {
            status,
            carrier,
            tag,
            list,
        }) => {
            let mut filters = Vec::new();
            filters.extend(status.map(|s| Filter::Status(s.as_str().into())));
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
    if let Some(rev) = &args.changed_since {
        let changed = crate::git::changed_since(&kb.root, rev)?;
        let (kept, selected) = crate::validate::changed::select(kb, diagnostics, &changed);
        diagnostics = kept;
        files = selected.len();
    }
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
    format == Format::Human && report::use_colour(std::io::stdout().is_terminal())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_follows_links_and_climbs_names_that_do_not_exist_yet() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("real");
        std::fs::create_dir_all(root.join("content/assets")).expect("mkdir");
        assert_eq!(
            resolve(&root.join("new/../content/x")),
            root.join("content/x")
        );
        assert_eq!(
            resolve(&root.join("./content/./assets")),
            root.join("content/assets")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("content"), root.join("site")).expect("ln");
            assert_eq!(resolve(&root.join("site/out")), root.join("content/out"));
        }
    }

    #[test]
    fn the_output_may_not_be_in_or_around_the_sources() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/assets")).expect("mkdir");
        for bad in [
            "content/site",
            "content/assets",
            "templates/x",
            ".",
            "content",
        ] {
            assert!(
                refuse_output_inside_sources(root, &root.join(bad)).is_err(),
                "{bad}"
            );
        }
        for good in ["public", "site", "../elsewhere"] {
            assert!(
                refuse_output_inside_sources(root, &root.join(good)).is_ok(),
                "{good}"
            );
        }
    }
}
