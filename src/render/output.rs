//! Writing the site safely: into a fresh temporary folder beside DIR that replaces DIR only
//! when complete, never over a folder that a render did not make, never outside DIR, never
//! two files at one path, and one render of DIR at a time (a lock beside it). Temporary
//! folders left by a render that was killed are removed by the next.

use std::collections::{BTreeMap, HashSet};
use std::fs::{File, TryLockError};
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

/// The file that marks a folder as made by `pioneers render`.
pub const MARKER: &str = ".pioneers-render";

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Why the site was not written.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// DIR has files and no marker: it was not made by a render.
    NotOurs(PathBuf),
}

/// Where a render puts its files: the temporary folder that becomes DIR, or memory (for
/// `serve`).
pub struct Sink {
    dir: PathBuf,
    /// Every path written so far, so that no file replaces another.
    written: Mutex<HashSet<String>>,
    /// The files, when the site is kept in memory.
    memory: Option<Mutex<BTreeMap<String, Vec<u8>>>>,
}

impl Sink {
    fn new(dir: PathBuf) -> Self {
        Sink {
            dir,
            written: Mutex::new(HashSet::new()),
            memory: None,
        }
    }

    /// A sink that keeps every file in memory; [`Sink::into_files`] gives them.
    pub fn in_memory() -> Self {
        Sink {
            dir: PathBuf::new(),
            written: Mutex::new(HashSet::new()),
            memory: Some(Mutex::new(BTreeMap::new())),
        }
    }

    /// The files of an in-memory sink, by path (empty for one that wrote to a folder).
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.memory
            .and_then(|files| files.into_inner().ok())
            .unwrap_or_default()
    }

    /// Every path written so far.
    pub fn paths(&self) -> std::collections::BTreeSet<String> {
        self.written
            .lock()
            .map(|written| written.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Writes one file (from any thread); refuses paths that would leave the folder and a
    /// second file at a path already written.
    pub fn write(&self, file: OutFile) -> Result<()> {
        if let Some(files) = &self.memory {
            self.claim_name(&file.path)?;
            files
                .lock()
                .map_err(|_| anyhow::anyhow!("a thread writing the site failed"))?
                .insert(file.path, file.bytes);
            return Ok(());
        }
        let path = self.claim(&file.path)?;
        std::fs::write(&path, &file.bytes)
            .with_context(|| format!("cannot write {}", path.display()))
    }

    /// Writes the file at `rel` with what `from` gives, without holding it in memory; the
    /// same checks as [`Sink::write`].
    pub fn copy(&self, rel: &str, mut from: impl Read) -> Result<()> {
        if self.memory.is_some() {
            let mut bytes = Vec::new();
            from.read_to_end(&mut bytes)
                .with_context(|| format!("cannot read {rel}"))?;
            return self.write(OutFile {
                path: rel.to_string(),
                bytes,
            });
        }
        let path = self.claim(rel)?;
        let mut to =
            File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
        std::io::copy(&mut from, &mut to)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }

    /// Records `rel` as written and makes its folder; the full path to write.
    fn claim(&self, rel: &str) -> Result<PathBuf> {
        self.claim_name(rel)?;
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        Ok(path)
    }

    /// Records `rel` as written: a plain relative path, written once.
    fn claim_name(&self, rel: &str) -> Result<()> {
        let relative = Path::new(rel);
        if relative.as_os_str().is_empty()
            || relative
                .components()
                .any(|c| !matches!(c, Component::Normal(_)))
        {
            bail!("refusing to write {rel} outside the output folder");
        }
        let first = self
            .written
            .lock()
            .map_err(|_| anyhow::anyhow!("a thread writing the site failed"))?
            .insert(rel.to_string());
        if !first {
            bail!(
                "two files of the site would be written at {rel}; the render is stopped and nothing was replaced"
            );
        }
        Ok(())
    }

    /// How many files were written.
    fn count(&self) -> usize {
        self.written.lock().map_or(0, |w| w.len())
    }
}

/// Makes `produce` write the new contents of `out` into a temporary folder beside it, then
/// swaps that in; returns how many files were written, or why `out` was left alone. Fails
/// when another render is writing `out`.
pub fn replace_dir(
    out: &Path,
    produce: impl FnOnce(&Sink) -> Result<()>,
) -> Result<Result<usize, Refusal>> {
    let name = out
        .file_name()
        .context("the output folder needs a name")?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let _lock = Lock::take(&parent.join(format!(".{name}.lock")), out)?;
    if let Some(refusal) = refusal(out)? {
        return Ok(Err(refusal));
    }
    remove_leftovers(&parent, &name);
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp-"))
        .tempdir_in(&parent)
        .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
    let sink = Sink::new(temp.path().to_path_buf());
    sink.write(OutFile {
        path: MARKER.into(),
        bytes: b"This folder was made by `pioneers render`; it is replaced on every render.\n"
            .to_vec(),
    })?;
    // On failure the temporary folder is removed when `temp` is dropped.
    produce(&sink)?;
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if std::fs::symlink_metadata(out).is_ok() {
        std::fs::rename(out, &old)
            .with_context(|| format!("cannot move {} aside", out.display()))?;
    }
    let temp = temp.keep();
    if let Err(error) = std::fs::rename(&temp, out) {
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&temp);
        return Err(error).with_context(|| format!("cannot put the new site at {}", out.display()));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(Ok(sink.count()))
}

/// Why `out` must not be replaced, if it must not: it is a file, or a folder with files
/// and no marker.
fn refusal(out: &Path) -> Result<Option<Refusal>> {
    let Ok(meta) = std::fs::symlink_metadata(out) else {
        return Ok(None);
    };
    if !meta.is_dir() {
        return Ok(Some(Refusal::NotOurs(out.to_path_buf())));
    }
    let empty = std::fs::read_dir(out)
        .with_context(|| format!("cannot read {}", out.display()))?
        .next()
        .is_none();
    let marked = std::fs::symlink_metadata(out.join(MARKER)).is_ok_and(|m| m.is_file());
    Ok((!empty && !marked).then(|| Refusal::NotOurs(out.to_path_buf())))
}

/// Removes the temporary and old folders (`.<name>.tmp-*`, `.<name>.old-*`) that renders
/// of the same output left when they were killed. Called only with the lock held, so none
/// of them is in use.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let ours = prefixes.iter().any(|p| file_name.starts_with(p.as_str()));
        // Only real folders: a link is left alone, and nothing is followed.
        if ours && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// A lock on rendering one output folder: a file beside it, locked while the render runs
/// and removed when it ends.
struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock at `path` for `out`, or fails at once when another render holds it.
    fn take(path: &Path, out: &Path) -> Result<Lock> {
        // A render that ends removes the file; one that opened it just before must then
        // take a fresh one, hence a few attempts.
        for _ in 0..10 {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .with_context(|| format!("cannot create the lock {}", path.display()))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => bail!(
                    "another render is writing {}; try again when it has finished",
                    out.display()
                ),
                Err(TryLockError::Error(error)) => {
                    return Err(error).with_context(|| format!("cannot lock {}", path.display()));
                }
            }
            if still_at(&file, path) {
                return Ok(Lock {
                    file,
                    path: path.to_path_buf(),
                });
            }
        }
        bail!(
            "another render is writing {}; try again when it has finished",
            out.display()
        )
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked, so nobody can lock the removed file and think they
        // hold the lock while someone else creates a new one.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether `file` is still the file at `path` (not removed or replaced since it was opened).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_: &File, path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: b"x".to_vec(),
        }
    }

    #[test]
    fn replaces_its_own_output() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        replace_dir(&out, |sink| sink.write(file("a.html")))
            .expect("io")
            .expect("written");
        replace_dir(&out, |sink| sink.write(file("b/c.html")))
            .expect("io")
            .expect("written");
        assert!(!out.join("a.html").exists());
        assert!(out.join("b/c.html").is_file());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders are left");
    }

    #[test]
    fn refuses_a_folder_it_did_not_make() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("thesis.docx"), "precious").expect("write");
        let refused = replace_dir(dir.path(), |sink| sink.write(file("a.html"))).expect("io");
        assert!(matches!(refused, Err(Refusal::NotOurs(_))));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("thesis.docx")).expect("kept"),
            "precious"
        );
    }

    #[test]
    fn removes_what_killed_renders_left_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        for left in [".public.tmp-123", ".public.old-456", ".public.tmp-Xy7q"] {
            std::fs::create_dir_all(dir.path().join(left).join("a")).expect("mkdir");
        }
        std::fs::create_dir_all(dir.path().join(".other.tmp-1")).expect("mkdir");
        std::fs::write(dir.path().join(".public.tmp-file"), "not a folder").expect("write");
        replace_dir(&out, |sink| sink.write(file("a.html")))
            .expect("io")
            .expect("written");
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".other.tmp-1", ".public.tmp-file", "public"]);
    }

    #[test]
    fn a_second_render_of_the_same_folder_is_refused_while_the_first_runs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        let error = replace_dir(&out, |_| {
            let second = replace_dir(&out, |sink| sink.write(file("b.html")));
            let message = format!("{:#}", second.expect_err("refused"));
            assert!(message.contains("another render is writing"), "{message}");
            Ok(())
        });
        assert!(error.expect("io").is_ok());
        assert!(!out.join("b.html").exists());
        assert!(
            !dir.path().join(".public.lock").exists(),
            "the lock is removed"
        );
        replace_dir(&out, |sink| sink.write(file("c.html")))
            .expect("the lock is free again")
            .expect("written");
    }

    #[test]
    fn two_files_at_one_path_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        let result = replace_dir(&out, |sink| {
            sink.write(file("index.html"))?;
            sink.copy("index.html", &b"asset"[..])
        });
        let message = format!("{:#}", result.expect_err("refused"));
        assert!(message.contains("two files"), "{message}");
        assert!(!out.exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert!(leftovers.is_empty(), "the temporary folder is removed");
    }

    #[test]
    fn refuses_paths_that_climb_out() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(
            replace_dir(&dir.path().join("out"), |sink| sink
                .write(file("../evil.html")))
            .is_err()
        );
        assert!(!dir.path().join("evil.html").exists());
        assert!(!dir.path().join("out").exists());
    }
}
