//! Facts that follow from references between documents, built once per query: which
//! sessions and retrospectives treat a theme, and what each organisation carries, hosts
//! and attends.

use std::collections::HashMap;

use crate::kb::{Data, KnowledgeBase};

/// Reverse references, by id.
#[derive(Debug, Default)]
pub struct Relations {
    /// Theme id → sessions with it on the agenda.
    pub theme_sessions: HashMap<String, Vec<String>>,
    /// Theme id → retrospectives that discuss or propose it.
    pub theme_retrospectives: HashMap<String, Vec<String>>,
    /// Organisation id → themes it carries.
    pub carries: HashMap<String, Vec<String>>,
    /// Organisation id → sessions it hosted.
    pub hosted: HashMap<String, Vec<String>>,
    /// Organisation id → sessions it took part in.
    pub attended: HashMap<String, Vec<String>>,
    /// Session id → its retrospectives.
    pub session_retrospectives: HashMap<String, Vec<String>>,
}

impl Relations {
    /// Builds the relations of every document, in document order.
    pub fn build(kb: &KnowledgeBase) -> Self {
        let mut r = Relations::default();
        for doc in &kb.documents {
            let id = &doc.id;
            match &doc.data {
                Data::Theme(theme) => push_all(&mut r.carries, &theme.carriers, id),
                Data::Session(session) => {
                    push_all(&mut r.theme_sessions, &session.themes, id);
                    push_all(&mut r.hosted, &session.hosts, id);
                    push_all(&mut r.attended, &session.participants, id);
                }
                Data::Retrospective(retro) => {
                    let mut themes = retro.themes_discussed.clone();
                    themes.extend(
                        retro
                            .themes_proposed
                            .iter()
                            .filter(|t| !retro.themes_discussed.contains(t))
                            .cloned(),
                    );
                    push_all(&mut r.theme_retrospectives, &themes, id);
                    if let Some(session) = &retro.session {
                        push_all(
                            &mut r.session_retrospectives,
                            std::slice::from_ref(session),
                            id,
                        );
                    }
                }
                Data::Organisation(_) => {}
            }
        }
        r
    }
}

fn push_all(map: &mut HashMap<String, Vec<String>>, keys: &[String], id: &str) {
    for key in keys {
        let ids = map.entry(key.clone()).or_default();
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
    }
}

/// The ids related to `id` in `map`, or none.
pub fn related<'a>(map: &'a HashMap<String, Vec<String>>, id: &str) -> &'a [String] {
    map.get(id).map_or(&[], Vec::as_slice)
}
