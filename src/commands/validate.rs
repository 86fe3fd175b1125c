//! `pioneers validate [PATH…]`: every diagnostic, in the chosen format, for the whole
//! knowledge base or the files asked about.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use super::{Context, EXIT_CONTENT, EXIT_OK, Result};
use crate::cli::ValidateArgs;
use crate::diag::{Diagnostic, Severity};
use crate::kb::{KnowledgeBase, walk};
use crate::lang::Lang;
use crate::report::{self, Format, Sources};

/// Reports on what `args` selects; exit 1 when there are errors (or warnings, if denied).
pub(super) fn run(context: &Context, args: &ValidateArgs) -> Result {
    let kb = context.knowledge_base()?;
    let mut diagnostics = crate::validate::validate(kb);
    let mut files = kb.file_count();
    if let Some(rev) = &args.changed_since {
        let changed = crate::git::changed_since(&kb.root, rev)?;
        let (kept, selected) = crate::validate::changed::select(kb, diagnostics, &changed);
        diagnostics = kept;
        files = selected.len();
    }
    if !args.paths.is_empty() {
        let wanted = wanted_paths(&kb.root, context.cwd(), &args.paths)?;
        let selected = |file: &str| {
            wanted
                .iter()
                .any(|w| w.is_empty() || file == w || file.starts_with(&format!("{w}/")))
        };
        diagnostics.retain(|d| selected(&d.file));
        files = kb.files.iter().filter(|f| selected(&f.path)).count();
    }
    write_report(kb, args.format, &diagnostics, files, context.lang())?;
    Ok(exit_code(&diagnostics, args.deny_warnings))
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
