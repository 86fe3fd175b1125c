//! `pioneers serve`: the site served over HTTP on loopback, each file made when asked for
//! from the knowledge base kept in memory and brought up to date on every change, with open
//! pages reloaded and the content's problems shown on every page. Nothing is written into
//! the knowledge base.

pub mod engine;
mod http;
mod site;

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};
use time::Date;

use crate::lang::Lang;
use engine::{Changed, Engine, Setup};
use site::Shared;
pub use site::{Built, summary};

/// What `serve` is asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The knowledge-base root.
    pub root: PathBuf,
    /// The day that decides planned and held.
    pub today: Date,
    /// The address to listen on (loopback unless told otherwise).
    pub bind: IpAddr,
    /// The port; 0 takes a free one.
    pub port: u16,
    /// `--lang`, if given.
    pub lang_flag: Option<Lang>,
    /// The language of messages.
    pub lang: Lang,
}

/// How long the watcher waits for the next event before it builds: editors save in several
/// steps (a temporary file, a rename) within a few milliseconds, and `git checkout` changes
/// many files one after another.
const QUIET: Duration = Duration::from_millis(15);

/// The longest a stream of changes is gathered before a build all the same.
const GATHER_AT_MOST: Duration = Duration::from_millis(500);

/// Loads the knowledge base, serves its site, and takes in every change until the process
/// ends. `ready` gets the address once the server listens; `report` each change's summary
/// for the terminal.
pub fn run(
    options: &Options,
    ready: impl FnOnce(SocketAddr),
    report: impl Fn(&Built),
) -> Result<()> {
    let watching = Watching::start(&options.root)?;
    let engine = Engine::start(Setup {
        root: options.root.clone(),
        today: options.today,
        lang_flag: options.lang_flag,
        site: true,
    });
    let first = site::built(&engine, options.lang);
    let shared = Arc::new(Shared::new(engine, first));
    report(&shared.current());
    let server = tiny_http::Server::http(SocketAddr::new(options.bind, options.port))
        .map_err(|error| anyhow::anyhow!("cannot listen on {}: {error}", options.bind))?;
    let address = server
        .server_addr()
        .to_ip()
        .context("the server has no IP address")?;
    ready(address);
    // One thread does all the engine's work, changes and files alike, in the order they
    // come: they wait for each other anyway (a change holds the engine), and the memory
    // one of them takes is then reused by the next, where each thread of several would
    // keep its own. Two threads only wait: one for requests, one for changes.
    let (jobs, work) = std::sync::mpsc::channel::<Job>();
    let requests = jobs.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            if requests.send(Job::Request(request)).is_err() {
                return;
            }
        }
    });
    std::thread::spawn(move || {
        let watched = watching.run(|changed| {
            let _ = jobs.send(Job::Change(changed));
        });
        let _ = jobs.send(Job::Stop(watched));
    });
    for job in work {
        match job {
            Job::Request(request) => http::handle(request, &shared),
            Job::Change(changed) => {
                let built = shared.change(
                    |engine| {
                        engine.update(&changed);
                    },
                    |engine| site::built(engine, options.lang),
                );
                report(&built);
            }
            Job::Stop(watched) => return watched,
        }
    }
    Ok(())
}

/// Work for the engine's thread.
enum Job {
    /// A request to answer.
    Request(tiny_http::Request),
    /// Files changed.
    Change(Changed),
    /// Watching ended (how).
    Stop(Result<()>),
}

/// The knowledge base's sources under watch: started before the first build, so that no
/// change made during it is missed.
pub struct Watching {
    root: PathBuf,
    /// Kept alive while watching.
    _watcher: notify::RecommendedWatcher,
    events: std::sync::mpsc::Receiver<notify::Result<Event>>,
}

impl Watching {
    /// Starts watching `root` (recursively; [`is_source`] keeps what matters).
    pub fn start(root: &Path) -> Result<Self> {
        let (tx, events) = std::sync::mpsc::channel::<notify::Result<Event>>();
        let mut watcher =
            notify::recommended_watcher(tx).context("cannot watch the knowledge base")?;
        watcher
            .watch(root, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", root.display()))?;
        Ok(Watching {
            root: root.to_path_buf(),
            _watcher: watcher,
            events,
        })
    }

    /// Calls `on_change` with what changed after every change to the knowledge base's
    /// sources (content, templates, `pioneers.toml`), with an editor's save steps gathered
    /// into one; returns only when watching fails. `serve` and `validate --watch` share it.
    pub fn run(self, mut on_change: impl FnMut(Changed)) -> Result<()> {
        while let Ok(first) = self.events.recv() {
            let mut events = vec![first];
            let until = Instant::now() + GATHER_AT_MOST;
            while let Ok(event) = self.events.recv_timeout(QUIET) {
                events.push(event);
                if Instant::now() > until {
                    break;
                }
            }
            let changed = if events.iter().any(Result::is_err) {
                Some(Changed::Everything)
            } else {
                let paths = events
                    .iter()
                    .flatten()
                    .filter(|event| changes_files(event.kind))
                    .flat_map(|event| event.paths.iter().map(PathBuf::as_path));
                changed(&self.root, paths)
            };
            if let Some(changed) = changed {
                on_change(changed);
            }
        }
        Ok(())
    }
}

/// Whether an event of `kind` can mean a file changed: not a file opened, read or closed
/// unchanged (which every build does to every file it reads).
fn changes_files(kind: EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(
            AccessKind::Open(_)
                | AccessKind::Read
                | AccessKind::Close(AccessMode::Read | AccessMode::Execute | AccessMode::Any)
        )
    )
}

/// What the changes at `paths` mean for a build: the content files, or everything (when
/// templates or the config changed); `None` when no source changed.
fn changed<'a>(root: &Path, paths: impl Iterator<Item = &'a Path>) -> Option<Changed> {
    let mut content = BTreeSet::new();
    for path in paths.filter(|p| is_source(root, p)) {
        let relative = crate::kb::walk::relative(root, path);
        if !relative.starts_with("content/") {
            return Some(Changed::Everything);
        }
        content.insert(relative);
    }
    (!content.is_empty()).then_some(Changed::Content(content))
}

/// Whether a change at `path` can change the site: under `content/` or `templates/`, or
/// `pioneers.toml`; not under `.git/` or any other dot-folder, not a file a render writes.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy());
    match parts.next().as_deref() {
        Some("content" | "templates") => !relative
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.')),
        Some(crate::kb::root::CONFIG_FILE) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_trigger_a_build() {
        let root = Path::new("/kb");
        assert!(is_source(root, Path::new("/kb/content/themes/a.md")));
        assert!(is_source(root, Path::new("/kb/templates/theme.html")));
        assert!(is_source(root, Path::new("/kb/pioneers.toml")));
        assert!(!is_source(root, Path::new("/kb/.git/index")));
        assert!(!is_source(root, Path::new("/kb/public/index.html")));
        assert!(!is_source(root, Path::new("/kb/content/.a.md.swp")));
        assert!(!is_source(root, Path::new("/elsewhere/content/a.md")));
    }

    #[test]
    fn reading_a_file_is_no_change() {
        use notify::event::{CreateKind, ModifyKind};
        assert!(!changes_files(EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!changes_files(EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(changes_files(EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(changes_files(EventKind::Create(CreateKind::File)));
        assert!(changes_files(EventKind::Modify(ModifyKind::Any)));
        assert!(changes_files(EventKind::Any));
    }

    #[test]
    fn content_changes_are_told_by_path_and_others_rebuild_everything() {
        let root = Path::new("/kb");
        let content = |paths: &[&str]| changed(root, paths.iter().map(Path::new));
        assert_eq!(
            content(&[
                "/kb/content/themes/a.md",
                "/kb/.git/index",
                "/kb/content/themes/a.md"
            ]),
            Some(Changed::Content(["content/themes/a.md".to_string()].into()))
        );
        assert_eq!(
            content(&["/kb/content/themes/a.md", "/kb/templates/theme.html"]),
            Some(Changed::Everything)
        );
        assert_eq!(content(&["/kb/pioneers.toml"]), Some(Changed::Everything));
        assert_eq!(content(&["/kb/.git/index", "/kb/public/a.html"]), None);
    }
}
