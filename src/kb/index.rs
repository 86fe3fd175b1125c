//! The index of ids and the facts derived from references: which sessions treat a theme,
//! which retrospectives look back on a session, and each theme's status.

use std::collections::HashMap;

use time::Date;

use super::Document;
use super::model::Data;
use super::schema::DocKind;
use super::session::SessionState;
use super::theme::ThemeStatus;

/// Lookups over all loaded documents, built once after loading.
#[derive(Debug, Default)]
pub struct Index {
    by_id: HashMap<DocKind, HashMap<String, usize>>,
    by_folded_id: HashMap<DocKind, HashMap<String, usize>>,
    ids: HashMap<DocKind, Vec<String>>,
    agenda: HashMap<String, Agenda>,
    retrospectives: HashMap<String, Vec<usize>>,
}

/// Whether a theme is on the agenda of held and of planned sessions.
#[derive(Debug, Default, Clone, Copy)]
struct Agenda {
    held: bool,
    planned: bool,
}

impl Index {
    /// Builds the index; the first document with an id wins.
    pub fn build(documents: &[Document], today: Date) -> Self {
        let mut index = Index::default();
        // Sized up front: at 100,000 documents, growing the maps rehashed every id again.
        for kind in DocKind::ALL {
            let count = documents.iter().filter(|d| d.kind == kind).count();
            index.by_id.insert(kind, HashMap::with_capacity(count));
            index
                .by_folded_id
                .insert(kind, HashMap::with_capacity(count));
            index.ids.insert(kind, Vec::with_capacity(count));
        }
        for (i, doc) in documents.iter().enumerate() {
            let by_id = index.by_id.entry(doc.kind).or_default();
            by_id.entry(doc.id.clone()).or_insert(i);
            let by_folded_id = index.by_folded_id.entry(doc.kind).or_default();
            by_folded_id.entry(doc.id.to_lowercase()).or_insert(i);
            index.ids.entry(doc.kind).or_default().push(doc.id.clone());
            match &doc.data {
                Data::Session(session) => {
                    let state = session.state(today);
                    for theme in &session.themes {
                        let agenda = index.agenda.entry(theme.clone()).or_default();
                        agenda.held |= state == Some(SessionState::Held);
                        agenda.planned |= state == Some(SessionState::Planned);
                    }
                }
                Data::Retrospective(retro) => {
                    if let Some(session) = &retro.session {
                        index
                            .retrospectives
                            .entry(session.clone())
                            .or_default()
                            .push(i);
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// The position of the document of `kind` with `id`.
    pub fn find(&self, kind: DocKind, id: &str) -> Option<usize> {
        self.by_id.get(&kind)?.get(id).copied()
    }

    /// The position of the first document of `kind` whose id equals `id` ignoring case.
    pub fn first_folded(&self, kind: DocKind, id: &str) -> Option<usize> {
        self.by_folded_id
            .get(&kind)?
            .get(&id.to_lowercase())
            .copied()
    }

    /// The ids of every document of `kind`, in load order.
    pub fn ids(&self, kind: DocKind) -> &[String] {
        self.ids.get(&kind).map_or(&[], Vec::as_slice)
    }

    /// The positions of the retrospectives of session `id`.
    pub fn retrospectives_of(&self, session: &str) -> &[usize] {
        self.retrospectives.get(session).map_or(&[], Vec::as_slice)
    }

    /// The status the sessions give theme `id`: discussed, scheduled or proposed.
    pub fn derived_status(&self, theme: &str) -> ThemeStatus {
        match self.agenda.get(theme) {
            Some(a) if a.held => ThemeStatus::Discussed,
            Some(a) if a.planned => ThemeStatus::Scheduled,
            _ => ThemeStatus::Proposed,
        }
    }
}
