//! `pioneers stats`: the network's health, the kick-off's question "Wanneer ben je
//! tevreden?" answered in numbers.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::kb::{Data, KnowledgeBase, Relation, SessionState, ThemeStatus};
use crate::text::sort_key;

/// The health report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// How many themes have each status.
    pub themes_per_status: BTreeMap<ThemeStatus, usize>,
    /// Themes no organisation carries.
    pub themes_without_carriers: Vec<String>,
    /// Sessions (not cancelled) per year.
    pub sessions_per_year: BTreeMap<i32, usize>,
    /// Held sessions that have no retrospective yet.
    pub awaiting_retrospective: Vec<String>,
    /// Per organisation (by name): sessions hosted, themes carried, sessions attended.
    pub organisations: Vec<OrganisationStats>,
    /// The median number of days from the session where a theme was proposed to the first
    /// held session that treated it; `null` when no theme has both.
    pub median_days_to_first_session: Option<f64>,
    /// How many themes that median is over.
    pub themes_measured: usize,
}

/// What one organisation does in the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganisationStats {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Sessions it hosted.
    pub hosted: usize,
    /// Themes it carries.
    pub carries: usize,
    /// Sessions it took part in.
    pub attended: usize,
}

/// Computes the report.
pub fn stats(kb: &KnowledgeBase) -> Stats {
    let mut themes_per_status: BTreeMap<ThemeStatus, usize> = BTreeMap::new();
    let mut themes_without_carriers = Vec::new();
    let mut sessions_per_year = BTreeMap::new();
    let mut awaiting_retrospective = Vec::new();
    let mut organisations = Vec::new();
    let mut days = Vec::new();
    for doc in &kb.documents {
        match &doc.data {
            Data::Theme(theme) => {
                *themes_per_status
                    .entry(kb.theme_status(&doc.id, theme))
                    .or_default() += 1;
                if theme.carriers.is_empty() {
                    themes_without_carriers.push(doc.id.clone());
                }
                if let Some(d) = days_to_first_session(kb, &doc.id, theme.proposed_in.as_deref()) {
                    days.push(d);
                }
            }
            Data::Session(session) => {
                if let (Some(date), false) = (session.date, session.cancelled) {
                    *sessions_per_year.entry(date.year()).or_default() += 1;
                }
                if kb.awaits_retrospective(&doc.id, session) {
                    awaiting_retrospective.push(doc.id.clone());
                }
            }
            Data::Organisation(org) => organisations.push(OrganisationStats {
                id: doc.id.clone(),
                name: org.name.clone(),
                hosted: kb.referrers(Relation::Hosted, &doc.id).len(),
                carries: kb.referrers(Relation::Carries, &doc.id).len(),
                attended: kb.referrers(Relation::Attended, &doc.id).len(),
            }),
            Data::Retrospective(_) => {}
        }
    }
    organisations.sort_by_key(|o| sort_key(&o.name));
    Stats {
        themes_per_status,
        themes_without_carriers,
        sessions_per_year,
        awaiting_retrospective,
        organisations,
        themes_measured: days.len(),
        median_days_to_first_session: median(&mut days),
    }
}

/// Days from the proposing session to the first held session on or after it that had the
/// theme on its agenda (planned sessions have not treated it yet).
fn days_to_first_session(
    kb: &KnowledgeBase,
    theme: &str,
    proposed_in: Option<&str>,
) -> Option<i64> {
    let proposed = kb.session(proposed_in?)?.date?;
    kb.referrers(Relation::ThemeSessions, theme)
        .filter_map(|id| kb.session(id))
        .filter(|s| kb.session_state(s) == Some(SessionState::Held))
        .filter_map(|s| s.date)
        .filter(|d| *d >= proposed)
        .min()
        .map(|first| (first - proposed).whole_days())
}

fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) as f64 / 2.0
    } else {
        values[mid] as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::date::parse_date;

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5.0));
        assert_eq!(median(&mut [65, 0, 65, 0]), Some(32.5));
    }

    #[test]
    fn report_on_a_small_network() {
        let files = [
            (
                "content/organisations/a.md",
                "---\nname: B org\nkind: other\n---\n",
            ),
            (
                "content/organisations/b.md",
                "---\nname: A org\nkind: other\n---\n",
            ),
            (
                "content/themes/t.md",
                "---\ntitle: T\nsummary: S\ncarriers: [a]\nproposed_in: 2017-01-01-s\n---\n",
            ),
            ("content/themes/u.md", "---\ntitle: U\nsummary: S\n---\n"),
            (
                "content/sessions/2017-01-01-s.md",
                "---\ntitle: S\ndate: 2017-01-01\ncity: C\nhosts: [a]\nparticipants: [a, b]\n---\n",
            ),
            (
                "content/sessions/2017-01-11-v.md",
                "---\ntitle: V\ndate: 2017-01-11\ncity: C\nhosts: [a]\nthemes: [t]\n---\n",
            ),
            (
                "content/sessions/2030-01-01-w.md",
                "---\ntitle: W\ndate: 2030-01-01\ncity: C\nhosts: [b]\nthemes: [u]\n---\n",
            ),
        ];
        let kb = KnowledgeBase::from_memory(&files, &[], parse_date("2020-01-01").expect("date"));
        let s = stats(&kb);
        assert_eq!(s.themes_per_status.get(&ThemeStatus::Discussed), Some(&1));
        assert_eq!(s.themes_per_status.get(&ThemeStatus::Scheduled), Some(&1));
        assert_eq!(s.themes_without_carriers, ["u"]);
        assert_eq!(s.sessions_per_year.get(&2017), Some(&2));
        assert_eq!(s.awaiting_retrospective, ["2017-01-01-s", "2017-01-11-v"]);
        assert_eq!(s.organisations[0].name, "A org");
        assert_eq!(
            (
                s.organisations[1].hosted,
                s.organisations[1].carries,
                s.organisations[1].attended
            ),
            (2, 1, 1)
        );
        assert_eq!(s.median_days_to_first_session, Some(10.0));
    }
}
