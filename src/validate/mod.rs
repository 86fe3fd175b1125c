//! Validation: the [`Rule`] trait, the list of rules, and one run over every document.
//!
//! Loading already reported what keeps a file from being read (`not-utf8`, `file-too-large`,
//! `missing-front-matter`, `yaml-syntax`, `unknown-folder`, `unreadable-file`); the rules here
//! check what was loaded. Each rule is one file under `rules/`, named by its code, with its
//! tests beside it.

pub mod changed;
pub mod incremental;
pub mod links;
mod rules;
mod slips;
mod visit;

use crate::msg::Msg;
use std::ops::Range;

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic};
use crate::kb::yaml::Node;
use crate::kb::{Document, KnowledgeBase};

/// One check, named by its code.
pub trait Rule: Sync {
    /// The code of every diagnostic it gives.
    fn code(&self) -> Code;
    /// Checks one document, pushing what it finds to `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// What a rule sees: the whole knowledge base and the document being checked.
pub struct Context<'a> {
    /// Everything loaded.
    pub kb: &'a KnowledgeBase,
    /// The document being checked.
    pub doc: &'a Document,
}

impl Context<'_> {
    /// A diagnostic for this document's file.
    pub fn diag(&self, code: Code, span: Range<usize>, message: Msg) -> Diagnostic {
        Diagnostic::new(code, self.kb.path(self.doc), Some(span), message)
    }

    /// The front matter, when it parsed.
    pub fn front(&self) -> Option<&Node> {
        self.doc.front.as_ref()
    }

    /// The span of `key`'s value in the front matter.
    pub fn value_span(&self, key: &str) -> Option<Range<usize>> {
        self.front()?.get(key).map(|v| v.span.clone())
    }
}

/// Every rule, in the order of DESIGN.md §4.
pub fn rules() -> &'static [&'static dyn Rule] {
    rules::ALL
}

/// Every rule's diagnostics for one document.
pub fn check_document(kb: &KnowledgeBase, doc: &Document) -> Vec<Diagnostic> {
    let cx = Context { kb, doc };
    let mut out = Vec::new();
    for rule in rules() {
        rule.check(&cx, &mut out);
    }
    out
}

/// Every diagnostic of the knowledge base: the loader's and every rule's, sorted by file
/// and position.
pub fn validate(kb: &KnowledgeBase) -> Vec<Diagnostic> {
    let checked: Vec<Diagnostic> = kb
        .documents
        .par_iter()
        .flat_map_iter(|doc| check_document(kb, doc))
        .collect();
    let mut all = kb.load_diagnostics.clone();
    all.extend(checked);
    sorted(all)
}

/// `diagnostics` by file and position (stable: equal places keep their order).
fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| {
        let start = |d: &Diagnostic| d.span.as_ref().map_or(0, |s| s.start);
        (&a.file, start(a), a.code).cmp(&(&b.file, start(b), b.code))
    });
    diagnostics
}
