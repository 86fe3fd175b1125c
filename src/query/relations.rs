//! Facts that follow from references between documents, built once per query: which
//! sessions and retrospectives treat a theme, and what each organisation carries, hosts
//! and attends.

use std::collections::HashMap;

use crate::kb::{Data, DocKind, KnowledgeBase};

/// Id → the ids of the documents that refer to it, in document order. The ids are borrowed
/// from the knowledge base, so building the relations copies no text.
pub type Referrers<'kb> = HashMap<&'kb str, Vec<&'kb str>>;

/// Reverse references, by id.
#[derive(Debug, Default)]
pub struct Relations<'kb> {
    /// Theme id → sessions with it on the agenda.
    pub theme_sessions: Referrers<'kb>,
    /// Theme id → retrospectives that discuss or propose it.
    pub theme_retrospectives: Referrers<'kb>,
    /// Organisation id → themes it carries.
    pub carries: Referrers<'kb>,
    /// Organisation id → sessions it hosted.
    pub hosted: Referrers<'kb>,
    /// Organisation id → sessions it took part in.
    pub attended: Referrers<'kb>,
    /// Session id → its retrospectives.
    pub session_retrospectives: Referrers<'kb>,
}

impl<'kb> Relations<'kb> {
    /// Builds the relations of every document, in document order.
    pub fn build(kb: &'kb KnowledgeBase) -> Self {
        let count = |kind| kb.index.ids(kind).len();
        let sized = |kind| Referrers::with_capacity(count(kind));
        let mut r = Relations {
            theme_sessions: sized(DocKind::Theme),
            theme_retrospectives: sized(DocKind::Theme),
            carries: sized(DocKind::Organisation),
            hosted: sized(DocKind::Organisation),
            attended: sized(DocKind::Organisation),
            session_retrospectives: sized(DocKind::Session),
        };
        for doc in &kb.documents {
            let id = doc.id.as_str();
            match &doc.data {
                Data::Theme(theme) => push_all(&mut r.carries, &theme.carriers, id),
                Data::Session(session) => {
                    push_all(&mut r.theme_sessions, &session.themes, id);
                    push_all(&mut r.hosted, &session.hosts, id);
                    push_all(&mut r.attended, &session.participants, id);
                }
                Data::Retrospective(retro) => {
                    push_all(&mut r.theme_retrospectives, &retro.themes_discussed, id);
                    push_all(&mut r.theme_retrospectives, &retro.themes_proposed, id);
                    push_all(&mut r.session_retrospectives, retro.session.as_slice(), id);
                }
                Data::Organisation(_) => {}
            }
        }
        r
    }
}

/// Records that `id` refers to each of `keys`, once per key: a document's ids are pushed
/// one after another, so a repeat is always the last entry.
fn push_all<'kb>(map: &mut Referrers<'kb>, keys: &'kb [String], id: &'kb str) {
    for key in keys {
        let ids = map.entry(key.as_str()).or_default();
        if ids.last() != Some(&id) {
            ids.push(id);
        }
    }
}

/// The ids related to `id` in `map`, or none.
pub fn related<'a, 'kb>(map: &'a Referrers<'kb>, id: &str) -> &'a [&'kb str] {
    map.get(id).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::date::parse_date;

    #[test]
    fn each_referrer_is_listed_once_in_document_order() {
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
        let kb = KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"));
        let r = Relations::build(&kb);
        assert_eq!(related(&r.carries, "a"), ["t"]);
        assert_eq!(related(&r.attended, "a"), ["2017-01-01-s"]);
        assert_eq!(related(&r.hosted, "a"), ["2017-01-01-s", "2017-02-01-s"]);
        assert_eq!(
            related(&r.theme_sessions, "t"),
            ["2017-01-01-s", "2017-02-01-s"]
        );
        assert_eq!(related(&r.theme_retrospectives, "t"), ["2017-01-01-s"]);
        assert_eq!(
            related(&r.session_retrospectives, "2017-01-01-s"),
            ["2017-01-01-s"]
        );
        assert!(related(&r.hosted, "nobody").is_empty());
    }
}
