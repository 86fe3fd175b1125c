//! `pioneers graph`: the network in a notation other tools draw.

use std::io::Write;

use super::{Context, EXIT_OK, Result};
use crate::cli::{GraphArgs, GraphFormat};
use crate::render::graph::{dot, graph, mermaid};

/// Prints the network as Graphviz dot or a Mermaid flowchart.
pub(super) fn run(context: &Context, args: &GraphArgs, out: &mut dyn Write) -> Result {
    let graph = graph(context.knowledge_base()?);
    let text = match args.format {
        GraphFormat::Dot => dot(&graph),
        GraphFormat::Mermaid => mermaid(&graph),
    };
    out.write_all(text.as_bytes())?;
    Ok(EXIT_OK)
}
