//! The index of ids and the facts derived from references, built once after loading: for
//! each id the documents that refer to it by field (a theme's sessions and retrospectives,
//! what an organisation carries, hosts and attends, a session's retrospectives), and each
//! theme's status. Queries, rules and the renderer all read these; nothing recomputes them.

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
    referrers: [Referrers; Relation::ALL.len()],
}

/// Referenced id → the positions of the documents that refer to it, in document order.
type Referrers = HashMap<String, Vec<usize>>;

/// A way one document refers to another, read backwards: the documents on the left refer to
/// the id by the field on the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relation {
    /// Theme → sessions with it on the agenda (`themes`).
    ThemeSessions,
    /// Theme → retrospectives that discuss or propose it (`themes_discussed`,
    /// `themes_proposed`).
    ThemeRetrospectives,
    /// Organisation → themes it carries (`carriers`).
    Carries,
    /// Organisation → sessions it hosted (`hosts`).
    Hosted,
    /// Organisation → sessions it took part in (`participants`).
    Attended,
    /// Session → its retrospectives (`session`).
    SessionRetrospectives,
}

impl Relation {
    /// Every relation.
    pub const ALL: [Relation; 6] = [
        Relation::ThemeSessions,
        Relation::ThemeRetrospectives,
        Relation::Carries,
        Relation::Hosted,
        Relation::Attended,
        Relation::SessionRetrospectives,
    ];

    /// The type of the documents that refer.
    pub fn referrer_kind(self) -> DocKind {
        match self {
            Relation::ThemeSessions | Relation::Hosted | Relation::Attended => DocKind::Session,
            Relation::ThemeRetrospectives | Relation::SessionRetrospectives => {
                DocKind::Retrospective
            }
            Relation::Carries => DocKind::Theme,
        }
    }
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
        for relation in Relation::ALL {
            let referred = match relation {
                Relation::ThemeSessions | Relation::ThemeRetrospectives => DocKind::Theme,
                Relation::SessionRetrospectives => DocKind::Session,
                _ => DocKind::Organisation,
            };
            let count = index.ids.get(&referred).map_or(0, Vec::capacity);
            index.referrers[relation as usize] = Referrers::with_capacity(count);
        }
        for (i, doc) in documents.iter().enumerate() {
            let by_id = index.by_id.entry(doc.kind).or_default();
            by_id.entry(doc.id.clone()).or_insert(i);
            let by_folded_id = index.by_folded_id.entry(doc.kind).or_default();
            by_folded_id.entry(doc.id.to_lowercase()).or_insert(i);
            index.ids.entry(doc.kind).or_default().push(doc.id.clone());
            match &doc.data {
                Data::Theme(theme) => index.refer(Relation::Carries, &theme.carriers, i),
                Data::Session(session) => {
                    let state = session.state(today);
                    for theme in &session.themes {
                        let agenda = index.agenda.entry(theme.clone()).or_default();
                        agenda.held |= state == Some(SessionState::Held);
                        agenda.planned |= state == Some(SessionState::Planned);
                    }
                    index.refer(Relation::ThemeSessions, &session.themes, i);
                    index.refer(Relation::Hosted, &session.hosts, i);
                    index.refer(Relation::Attended, &session.participants, i);
                }
                Data::Retrospective(retro) => {
                    index.refer(Relation::ThemeRetrospectives, &retro.themes_discussed, i);
                    index.refer(Relation::ThemeRetrospectives, &retro.themes_proposed, i);
                    index.refer(Relation::SessionRetrospectives, retro.session.as_slice(), i);
                }
                Data::Organisation(_) => {}
            }
        }
        index
    }

    /// Records that document `i` refers to each of `ids` by `relation`, once per id: a
    /// document's references are recorded one after another, so a repeat is always the last
    /// entry.
    fn refer(&mut self, relation: Relation, ids: &[String], i: usize) {
        let map = &mut self.referrers[relation as usize];
        for id in ids {
            let referrers = map.entry(id.clone()).or_default();
            if referrers.last() != Some(&i) {
                referrers.push(i);
            }
        }
    }

    /// The positions of the documents that refer to `id` by `relation`, in document order.
    pub fn referrers(&self, relation: Relation, id: &str) -> &[usize] {
        self.referrers[relation as usize]
            .get(id)
            .map_or(&[], Vec::as_slice)
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
        self.referrers(Relation::SessionRetrospectives, session)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;
    use crate::kb::date::parse_date;

    fn kb() -> KnowledgeBase {
        let files = [
            (
                "content/organisations/a.md",
                "---\nname: A\nkind: other\n---\n",
            ),
            (
                "content/themes/t.md",
                "---\ntitle: T\nsummary: S\ncarriers: [a, a]\n---\n",
            ),
            (
                "content/sessions/2017-01-01-s.md",
                "---\ntitle: S\ndate: 2017-01-01\ncity: C\nhosts: [a]\nparticipants: [a, a]\nthemes: [t]\n---\n",
            ),
            (
                "content/sessions/2017-02-01-s.md",
                "---\ntitle: S\ndate: 2017-02-01\ncity: C\nhosts: [a]\nthemes: [t]\n---\n",
            ),
            (
                "content/retrospectives/2017-01-01-s.md",
                "---\ntitle: R\nsession: 2017-01-01-s\npublished: 2017-01-02\nauthors: [X]\nthemes_discussed: [t]\nthemes_proposed: [t]\n---\nx\n",
            ),
        ];
        KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"))
    }

    #[test]
    fn each_referrer_is_listed_once_in_document_order() {
        let kb = kb();
        let ids = |relation, id| kb.referrers(relation, id).collect::<Vec<_>>();
        assert_eq!(ids(Relation::Carries, "a"), ["t"]);
        assert_eq!(ids(Relation::Attended, "a"), ["2017-01-01-s"]);
        assert_eq!(ids(Relation::Hosted, "a"), ["2017-01-01-s", "2017-02-01-s"]);
        assert_eq!(
            ids(Relation::ThemeSessions, "t"),
            ["2017-01-01-s", "2017-02-01-s"]
        );
        assert_eq!(ids(Relation::ThemeRetrospectives, "t"), ["2017-01-01-s"]);
        assert_eq!(
            ids(Relation::SessionRetrospectives, "2017-01-01-s"),
            ["2017-01-01-s"]
        );
        assert!(ids(Relation::Hosted, "nobody").is_empty());
    }

    #[test]
    fn referrers_have_the_kind_their_relation_names() {
        let kb = kb();
        for relation in Relation::ALL {
            for id in ["a", "t", "2017-01-01-s"] {
                for &i in kb.index.referrers(relation, id) {
                    assert_eq!(kb.documents[i].kind, relation.referrer_kind());
                }
            }
        }
    }

    #[test]
    fn held_sessions_without_retrospective_await_one() {
        let kb = kb();
        let awaits = |id| match kb.get(DocKind::Session, id).map(|d| &d.data) {
            Some(Data::Session(s)) => kb.awaits_retrospective(id, s),
            _ => panic!("no session {id}"),
        };
        assert!(!awaits("2017-01-01-s"));
        assert!(awaits("2017-02-01-s"));
    }
}
