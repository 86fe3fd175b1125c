//! The incremental engine of `serve` and `validate --watch` (and the editor server's
//! in-memory updates) equal a full load, validation and render, over random sequences of
//! edits, creations, renames and deletions on disk.

use std::collections::BTreeSet;
use std::path::Path;

use pioneers::kb::KnowledgeBase;
use pioneers::kb::change::Change;
use pioneers::kb::date::parse_date;
use pioneers::render::output::Sink;
use pioneers::render::site::build;
use pioneers::serve::engine::{Changed, Engine, Setup, site_options};
use pioneers::validate::incremental::Incremental;
use proptest::prelude::*;

const ORGANISATIONS: [&str; 3] = ["utrecht", "schiedam", "zwolle"];
const THEMES: [&str; 3] = ["open-wob", "open-data", "participatie"];
const SESSIONS: [&str; 3] = ["2017-09-18-kick-off", "2030-03-01-later", "2018-01-10-wob"];
const RETROSPECTIVES: [&str; 2] = ["2017-09-18-kick-off", "2018-01-10-wob"];
/// References that almost resolve, so that suggestions change as ids come and go.
const NEAR: [&str; 3] = ["utrect", "open-dat", "2017-09-18-kickoff"];

/// One step a writer (or `git checkout`) takes.
#[derive(Debug, Clone)]
enum Step {
    /// Write a document (new or over the old one) in one of several shapes.
    Write {
        kind: usize,
        id: usize,
        shape: u8,
        nested: bool,
    },
    /// Change only the text below the front matter of a document that is there.
    Body { kind: usize, id: usize, shape: u8 },
    /// Remove a document.
    Delete {
        kind: usize,
        id: usize,
        nested: bool,
    },
    /// Move a document to another id of its type.
    Rename { kind: usize, from: usize, to: usize },
    /// Add or remove the picture some bodies show.
    Picture(bool),
}

fn ids(kind: usize) -> &'static [&'static str] {
    match kind {
        0 => &ORGANISATIONS,
        1 => &THEMES,
        2 => &SESSIONS,
        _ => &RETROSPECTIVES,
    }
}

fn folder(kind: usize) -> &'static str {
    ["organisations", "themes", "sessions", "retrospectives"][kind]
}

fn path(kind: usize, id: usize, nested: bool) -> String {
    let ids = ids(kind);
    let id = ids[id % ids.len()];
    let sub = if nested { "archief/" } else { "" };
    format!("content/{}/{sub}{id}.md", folder(kind))
}

fn pick(pool: &[&'static str], n: u8) -> &'static str {
    pool[usize::from(n) % pool.len()]
}

/// A body in one of several shapes: links to other documents (with anchors), to the
/// picture, to nothing.
fn body(shape: u8) -> String {
    let theme = pick(&THEMES, shape);
    let heading = ["Aanpak", "Resultaat", "Vervolg"][usize::from(shape) % 3];
    match shape % 6 {
        0 => format!("## {heading}\n\nZie [het thema](../themes/{theme}.md#aanpak).\n"),
        5 => "Zie [het archief](../organisations/archief/).\n".into(),
        1 => "Een foto: ![groep](../assets/groep.png)\n".into(),
        2 => format!("## {heading}\n\nTekst over {theme}.\n"),
        3 => {
            "Zie [de sessie](../sessions/2030-03-01-later.md) en [weg](../themes/weg.md).\n".into()
        }
        _ => String::new(),
    }
}

/// A document of `kind` in one of several shapes: valid, with near-miss references, with
/// broken YAML, with another title.
fn document(kind: usize, shape: u8) -> String {
    let organisation = if shape % 4 == 1 {
        pick(&NEAR, shape)
    } else {
        pick(&ORGANISATIONS, shape)
    };
    let theme = if shape % 4 == 2 {
        pick(&NEAR, shape / 3)
    } else {
        pick(&THEMES, shape / 2)
    };
    let session = if shape % 4 == 3 {
        pick(&NEAR, shape)
    } else {
        pick(&SESSIONS, shape / 3)
    };
    let title = format!("Titel {}", shape % 3);
    let tags = ["[open data]", "[Wob, open data]", "[wob]", "[]"][usize::from(shape / 5) % 4];
    let front = match kind {
        0 => format!("name: Gemeente {title}\nkind: municipality\ntags: {tags}\n"),
        1 => format!(
            "title: {title}\nsummary: Over {title}.\ncarriers: [{organisation}]\ntags: {tags}\n"
        ),
        2 => format!(
            "title: {title}\ndate: 20{}-0{}-1{}\ncity: Zwolle\nhosts: [{organisation}]\nthemes: [{theme}]\n",
            17 + shape % 15,
            1 + shape % 9,
            shape % 10
        ),
        _ => format!(
            "title: {title}\nsession: {session}\npublished: 2018-02-0{}\nauthors: [Anna]\nthemes_discussed: [{theme}]\ntags: {tags}\n",
            1 + shape % 9
        ),
    };
    let front = if shape % 11 == 10 {
        format!("{front}oops: [\n")
    } else {
        front
    };
    format!("---\n{front}---\n{}", body(shape / 2))
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..4usize, 0..3usize, any::<u8>(), prop::bool::weighted(0.1))
            .prop_map(|(kind, id, shape, nested)| Step::Write { kind, id, shape, nested }),
        3 => (0..4usize, 0..3usize, any::<u8>()).prop_map(|(kind, id, shape)| Step::Body { kind, id, shape }),
        1 => (0..4usize, 0..3usize, prop::bool::weighted(0.2))
            .prop_map(|(kind, id, nested)| Step::Delete { kind, id, nested }),
        1 => (0..4usize, 0..3usize, 0..3usize).prop_map(|(kind, from, to)| Step::Rename { kind, from, to }),
        1 => any::<bool>().prop_map(Step::Picture),
    ]
}

/// Takes `step` on disk; gives the paths it changed and, for the in-memory engine, the same
/// change as texts (`None` for a change it does not see: pictures).
fn take(root: &Path, step: &Step) -> (BTreeSet<String>, Option<Vec<Change>>) {
    let write = |rel: &str, text: &str| {
        let file = root.join(rel);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("folder");
        std::fs::write(file, text).expect("write");
    };
    let change = |rel: &str| Change {
        path: rel.to_string(),
        text: std::fs::read_to_string(root.join(rel)).ok(),
    };
    let mut paths = Vec::new();
    match *step {
        Step::Write {
            kind,
            id,
            shape,
            nested,
        } => {
            let rel = path(kind, id, nested);
            write(&rel, &document(kind, shape));
            paths.push(rel);
        }
        Step::Body { kind, id, shape } => {
            let rel = path(kind, id, false);
            if let Ok(text) = std::fs::read_to_string(root.join(&rel)) {
                let head = text.rfind("---\n").map_or(0, |i| i + 4);
                write(&rel, &format!("{}{}", &text[..head], body(shape)));
                paths.push(rel);
            }
        }
        Step::Delete { kind, id, nested } => {
            let rel = path(kind, id, nested);
            if std::fs::remove_file(root.join(&rel)).is_ok() {
                paths.push(rel);
            }
        }
        Step::Rename { kind, from, to } => {
            let (old, new) = (path(kind, from, false), path(kind, to, false));
            if old != new && std::fs::rename(root.join(&old), root.join(&new)).is_ok() {
                paths.extend([old, new]);
            }
        }
        Step::Picture(present) => {
            let rel = "content/assets/groep.png";
            if present {
                write(rel, "png");
            } else {
                let _ = std::fs::remove_file(root.join(rel));
            }
            return ([rel.to_string()].into(), None);
        }
    }
    let changes = paths.iter().map(|p| change(p)).collect();
    (paths.into_iter().collect(), Some(changes))
}

fn today() -> time::Date {
    parse_date("2026-11-30").expect("a date")
}

/// A site's files in path order, or that it could not be built.
type Site = Result<Vec<(String, Vec<u8>)>, ()>;

/// Everything a full run gives: the diagnostics and the site.
fn full(root: &Path) -> (String, Site) {
    let kb = KnowledgeBase::load(root, today()).expect("loads");
    let diagnostics = format!("{:#?}", pioneers::validate::validate(&kb));
    let sink = Sink::in_memory();
    let site = build(&kb, &site_options(&kb, None), &sink)
        .map(|()| sink.into_files().into_iter().collect())
        .map_err(|_| ());
    (diagnostics, site)
}

fn start(root: &Path) {
    for (kind, id, shape) in [
        (0, 0, 0),
        (1, 0, 0),
        (1, 1, 4),
        (2, 0, 0),
        (2, 1, 2),
        (3, 0, 0),
    ] {
        let rel = path(kind, id, false);
        let file = root.join(rel);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("folder");
        std::fs::write(file, document(kind, shape)).expect("write");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn incremental_equals_full_over_random_edits(steps in prop::collection::vec(step(), 1..10)) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        start(root);
        let mut engine = Engine::start(Setup { root: root.to_path_buf(), today: today(), lang_flag: None, site: true });
        let mut memory = KnowledgeBase::load(root, today()).expect("loads");
        let mut memory_checked = Incremental::new(&memory);
        let mut memory_valid = true;
        let mut failed_before = false;
        let mut paths_before: Vec<String> = Vec::new();
        for step in &steps {
            let (paths, changes) = take(root, step);
            let work = engine.update(&Changed::Content(paths));
            let (diagnostics, site) = full(root);
            // Equal because it was all made again would prove nothing: where a full render
            // succeeds now and did before, the update must have stayed incremental.
            prop_assert!(site.is_err() || failed_before || !work.full, "a full rebuild after {:?}", step);
            failed_before = site.is_err();
            let engine_diagnostics = format!("{:#?}", engine.diagnostics());
            prop_assert_eq!(&engine_diagnostics, &diagnostics, "diagnostics after {:?}", step);
            let files = engine.files().map(|files| {
                files.iter().map(|(p, b)| (p.clone(), b.to_vec())).collect::<Vec<_>>()
            }).map_err(|_| ());
            match (&files, &site) {
                (Ok(files), Ok(site)) => {
                    let paths = |f: &[(String, Vec<u8>)]| f.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
                    prop_assert_eq!(paths(files), paths(site), "files after {:?}", step);
                    for ((path, bytes), (_, expected)) in files.iter().zip(site) {
                        prop_assert!(bytes == expected, "{} differs after {:?}:\n{}", path, step, String::from_utf8_lossy(bytes));
                    }
                }
                (Err(()), Err(())) => {}
                _ => prop_assert!(false, "one build failed, the other not, after {:?}", step),
            }
            // Files made on request: a file gone from the site must not be served still.
            if let Ok(site) = &site {
                let now: std::collections::BTreeSet<&String> = site.iter().map(|(p, _)| p).collect();
                for gone in paths_before.iter().filter(|p| !now.contains(p)) {
                    prop_assert!(engine.file(gone).is_none(), "{} still served after {:?}", gone, step);
                }
                paths_before = site.iter().map(|(p, _)| p.clone()).collect();
            }
            // The editor server's way: texts applied in memory, no walk.
            match changes {
                Some(changes) if memory_valid => {
                    let applied = memory.apply(changes);
                    memory_checked.update(&memory, &applied);
                    let memory_diagnostics = format!("{:#?}", memory_checked.all(&memory));
                    prop_assert_eq!(&memory_diagnostics, &diagnostics, "in memory after {:?}", step);
                }
                _ => memory_valid = false,
            }
        }
    }
}
