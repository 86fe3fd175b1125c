//! `pioneers mv OLD NEW-ID [--dry-run]`: renames a document's id with the same engine as
//! the editor server's rename; prints the changes (as a diff with `--dry-run`) and a summary.

use std::io::Write;

use super::{Context, EXIT_OK, Error, Result};
use crate::cli::MvArgs;
use crate::msg::Msg;
use crate::rename::{carry_out, diff, find, plan};

/// Plans the rename, then prints it (`--dry-run`) or carries it out.
pub(super) fn run(context: &Context, args: &MvArgs, out: &mut dyn Write) -> Result {
    let lang = context.lang();
    let kb = context.knowledge_base()?;
    let refused = |msg: Msg| match msg {
        Msg::RenameUnknown { .. } => Error::Content(msg.text(lang)),
        _ => Error::Usage(msg.text(lang)),
    };
    let doc = find(kb, args.kind, &args.old).map_err(refused)?;
    let plan = plan(kb, doc.kind, &doc.id.clone(), &args.new).map_err(refused)?;
    let summary = Msg::MvSummary {
        from: plan.from.clone(),
        to: plan.to.clone(),
        edits: plan.edit_count(),
        files: plan.edits.len(),
        dry_run: args.dry_run,
    };
    if args.dry_run {
        writeln!(out, "rename {} => {}", plan.from, plan.to)?;
        let texts = plan.texts(kb);
        for file in &kb.files {
            if let Some(after) = texts.get(&file.path) {
                let new_path = if file.path == plan.from {
                    &plan.to
                } else {
                    &file.path
                };
                write!(out, "{}", diff(&file.path, new_path, &file.text, after))?;
            }
        }
    } else {
        carry_out(&kb.root, kb, &plan)?;
    }
    writeln!(out, "{}", summary.text(lang))?;
    Ok(EXIT_OK)
}
