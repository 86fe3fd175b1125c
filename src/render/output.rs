//! Writing the site safely: into a temporary folder beside DIR that replaces DIR only when
//! complete, never over a folder that a render did not make, never outside DIR.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::site::OutFile;

/// The file that marks a folder as made by `pioneers render`.
pub const MARKER: &str = ".pioneers-render";

/// Why the site was not written.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// DIR has files and no marker: it was not made by a render.
    NotOurs(PathBuf),
}

/// Where a render puts its files: the temporary folder that becomes DIR.
pub struct Sink {
    dir: PathBuf,
    written: AtomicUsize,
}

impl Sink {
    /// Writes one file (from any thread); refuses paths that would leave the folder.
    pub fn write(&self, file: OutFile) -> Result<()> {
        let rel = Path::new(&file.path);
        if rel.as_os_str().is_empty()
            || rel.components().any(|c| !matches!(c, Component::Normal(_)))
        {
            bail!("refusing to write {} outside the output folder", file.path);
        }
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, &file.bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// Makes `produce` write the new contents of `out` into a temporary folder beside it, then
/// swaps that in; returns how many files were written, or why `out` was left alone.
pub fn replace_dir(
    out: &Path,
    produce: impl FnOnce(&Sink) -> Result<()>,
) -> Result<Result<usize, Refusal>> {
    if out.exists() {
        if !out.is_dir() {
            return Ok(Err(Refusal::NotOurs(out.to_path_buf())));
        }
        let empty = std::fs::read_dir(out)
            .with_context(|| format!("cannot read {}", out.display()))?
            .next()
            .is_none();
        if !empty && !out.join(MARKER).is_file() {
            return Ok(Err(Refusal::NotOurs(out.to_path_buf())));
        }
    }
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
    let temp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&temp);
    std::fs::create_dir_all(&temp).with_context(|| format!("cannot create {}", temp.display()))?;
    let sink = Sink {
        dir: temp.clone(),
        written: AtomicUsize::new(0),
    };
    let produced = sink
        .write(OutFile {
            path: MARKER.into(),
            bytes: b"This folder was made by `pioneers render`; it is replaced on every render.\n"
                .to_vec(),
        })
        .and_then(|()| produce(&sink));
    if let Err(error) = produced {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(error);
    }
    if out.exists() {
        std::fs::rename(out, &old)
            .with_context(|| format!("cannot move {} aside", out.display()))?;
    }
    if let Err(error) = std::fs::rename(&temp, out) {
        let _ = std::fs::rename(&old, out);
        return Err(error).with_context(|| format!("cannot put the new site at {}", out.display()));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(Ok(sink.written.load(Ordering::Relaxed)))
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
