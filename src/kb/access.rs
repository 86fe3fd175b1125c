//! The one rule for reading a file of the knowledge base (an asset, a template,
//! `pioneers.toml`): a regular file, reached from the root without passing a symbolic link
//! or a dot-name, opened without following a link and without blocking on a pipe, and read
//! only up to a limit.
//!
//! A pull request can add symbolic links (git stores them) and CI publishes what `render`
//! writes, so a link, wherever it points, would publish what it points at: `.git/config`
//! with a token, `.env`, `/proc/self/environ`. Nothing here follows one.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest template or `pioneers.toml` read (1 MiB).
pub const MAX_SMALL_FILE_BYTES: u64 = 1024 * 1024;

/// Why a file of the knowledge base is not read.
#[derive(Debug)]
pub enum Denied {
    /// There is no such file.
    Missing,
    /// The path is not a plain relative path of names (empty, `..`, an absolute path).
    BadPath,
    /// A name on the way starts with a dot (`.git`, `.env`); the path up to it.
    DotName(String),
    /// A symbolic link on the way or at the end; the path up to it.
    Link(String),
    /// A pipe, socket, device or folder rather than a regular file.
    NotRegular,
    /// Larger than the limit, in bytes.
    TooLarge(u64),
    /// The system refused (permission denied, …).
    Io(std::io::Error),
}

impl fmt::Display for Denied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Denied::Missing => write!(f, "there is no such file"),
            Denied::BadPath => write!(f, "not a relative path inside the knowledge base"),
            Denied::DotName(at) => write!(f, "`{at}` starts with a dot; dot-files are never read"),
            Denied::Link(at) => write!(
                f,
                "`{at}` is a symbolic link; it is not followed (replace the link by the file itself)"
            ),
            Denied::NotRegular => {
                write!(f, "not a regular file (a pipe, socket, device or folder)")
            }
            Denied::TooLarge(limit) => write!(f, "larger than the limit of {}", size(*limit)),
            Denied::Io(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for Denied {}

/// `bytes` in MiB when it is a whole number of them, else in bytes.
fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / 1024 / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Opens `root/rel` (`rel` `/`-separated) for reading, if it passes the rule.
///
/// Every folder between `root` and the file is checked not to be a symbolic link, the file
/// itself must be a regular file by its own metadata (so a pipe is refused before it is
/// opened, as opening one blocks), and it is opened without following a link
/// (`O_NOFOLLOW`) and without blocking; the opened handle must be the file that was checked.
/// The root itself is trusted.
pub fn open(root: &Path, rel: &str) -> Result<File, Denied> {
    let (path, checked) = check_path(root, rel)?;
    let file = open_no_follow(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Denied::Missing,
        _ if is_link_refusal(&e) => Denied::Link(rel.to_string()),
        _ => Denied::Io(e),
    })?;
    let opened = file.metadata().map_err(Denied::Io)?;
    if !opened.is_file() {
        return Err(Denied::NotRegular);
    }
    if !same_file(&checked, &opened) {
        // Swapped between the check and the open: whatever it is now, it is not what was
        // checked.
        return Err(Denied::Link(rel.to_string()));
    }
    Ok(file)
}

/// Reads `root/rel` whole under the rule of [`open`], refusing it when it is larger than
/// `limit` bytes (by its size before reading, and by what is read: at most `limit + 1`).
pub fn read(root: &Path, rel: &str, limit: u64) -> Result<Vec<u8>, Denied> {
    let file = open(root, rel)?;
    let len = file.metadata().map_err(Denied::Io)?.len();
    if len > limit {
        return Err(Denied::TooLarge(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Denied::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Denied::TooLarge(limit));
    }
    Ok(bytes)
}

/// Like [`read`], as UTF-8 text; `None` when the file does not exist.
pub fn read_text(root: &Path, rel: &str, limit: u64) -> anyhow::Result<Option<String>> {
    match read(root, rel, limit) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| {
            anyhow::anyhow!(
                "cannot read {}: it is not UTF-8 text",
                root.join(rel).display()
            )
        }),
        Err(Denied::Missing) => Ok(None),
        Err(denied) => Err(anyhow::anyhow!(
            "cannot read {}: {denied}",
            root.join(rel).display()
        )),
    }
}

/// Checks each name of `rel` and what is on disk at each step; returns the full path and
/// the file's own metadata.
fn check_path(root: &Path, rel: &str) -> Result<(PathBuf, Metadata), Denied> {
    let names: Vec<&str> = rel.split('/').collect();
    // A backslash separates folders on Windows only; elsewhere it is part of a name.
    let bad = |name: &&str| {
        name.is_empty()
            || *name == ".."
            || Path::new(name).has_root()
            || (cfg!(windows) && name.contains('\\'))
    };
    if names.iter().any(bad) {
        return Err(Denied::BadPath);
    }
    let mut path = root.to_path_buf();
    let mut so_far = String::new();
    for (i, name) in names.iter().enumerate() {
        if !so_far.is_empty() {
            so_far.push('/');
        }
        so_far.push_str(name);
        if name.starts_with('.') {
            return Err(Denied::DotName(so_far));
        }
        path.push(name);
        let meta = std::fs::symlink_metadata(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Denied::Missing,
            _ => Denied::Io(e),
        })?;
        if meta.file_type().is_symlink() {
            return Err(Denied::Link(so_far));
        }
        let last = i + 1 == names.len();
        if last {
            if !meta.is_file() {
                return Err(Denied::NotRegular);
            }
            return Ok((path, meta));
        }
        if !meta.is_dir() {
            return Err(Denied::Missing);
        }
    }
    Err(Denied::BadPath)
}

/// Opens `path` for reading without following a final symbolic link and without blocking
/// on a pipe or device.
#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Whether the open failed because the last name is a symbolic link (`ELOOP` with
/// `O_NOFOLLOW`).
#[cfg(unix)]
fn is_link_refusal(error: &std::io::Error) -> bool {
    error.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_link_refusal(_: &std::io::Error) -> bool {
    false
}

/// Whether two metadata describe the same file on disk.
#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        dir
    }

    #[test]
    fn reads_a_regular_file() {
        let dir = root_with(&[("templates/style.css", "body{}")]);
        let bytes = read(dir.path(), "templates/style.css", 100).expect("read");
        assert_eq!(bytes, b"body{}");
    }

    #[test]
    fn a_missing_file_is_missing() {
        let dir = root_with(&[]);
        assert!(matches!(
            read(dir.path(), "a/b.css", 9),
            Err(Denied::Missing)
        ));
        assert_eq!(read_text(dir.path(), "b.css", 9).expect("no error"), None);
    }

    #[test]
    fn refuses_dot_names_and_climbing() {
        let dir = root_with(&[(".env", "SECRET"), ("content/.git/config", "token")]);
        assert!(matches!(
            read(dir.path(), ".env", 99),
            Err(Denied::DotName(_))
        ));
        assert!(matches!(
            read(dir.path(), "content/.git/config", 99),
            Err(Denied::DotName(at)) if at == "content/.git"
        ));
        for bad in ["", "a//b", "../x", "content/../.env", "/etc/passwd"] {
            assert!(
                matches!(read(dir.path(), bad, 99), Err(Denied::BadPath)),
                "{bad}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_backslash_is_part_of_a_name_outside_windows() {
        let dir = root_with(&[("content/assets/a\\b.txt", "ok")]);
        let bytes = read(dir.path(), "content/assets/a\\b.txt", 9).expect("read");
        assert_eq!(bytes, b"ok");
    }

    #[test]
    fn refuses_what_is_over_the_limit() {
        let dir = root_with(&[("pioneers.toml", "0123456789")]);
        assert!(matches!(
            read(dir.path(), "pioneers.toml", 9),
            Err(Denied::TooLarge(9))
        ));
        assert!(read(dir.path(), "pioneers.toml", 10).is_ok());
    }

    #[test]
    fn refuses_a_folder() {
        let dir = root_with(&[("templates/x/y", "")]);
        assert!(matches!(
            read(dir.path(), "templates/x", 9),
            Err(Denied::NotRegular)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn never_follows_a_link_on_the_way_or_at_the_end() {
        use std::os::unix::fs::symlink;
        let secret = root_with(&[("environ", "TOKEN=1"), ("etc/style.css", "TOKEN=2")]);
        let dir = root_with(&[("content/assets/real.txt", "ok"), (".env", "TOKEN=3")]);
        let root = dir.path();
        symlink(
            secret.path().join("environ"),
            root.join("content/assets/a.txt"),
        )
        .expect("ln");
        symlink("../../.env", root.join("content/assets/b.txt")).expect("ln");
        symlink("real.txt", root.join("content/assets/c.txt")).expect("ln");
        symlink(secret.path().join("etc"), root.join("templates")).expect("ln");
        for rel in [
            "content/assets/a.txt",
            "content/assets/b.txt",
            "content/assets/c.txt",
        ] {
            assert!(
                matches!(read(root, rel, 99), Err(Denied::Link(at)) if at == rel),
                "{rel}"
            );
        }
        assert!(matches!(
            read(root, "templates/style.css", 99),
            Err(Denied::Link(at)) if at == "templates"
        ));
        let message = read_text(root, "templates/style.css", 99)
            .expect_err("refused")
            .to_string();
        assert!(message.contains("symbolic link"), "{message}");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_or_device_is_refused_without_blocking() {
        let dir = root_with(&[]);
        let fifo = dir.path().join("pioneers.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read(dir.path(), "pioneers.toml", 99),
                Err(Denied::NotRegular)
            ));
        }
        assert!(matches!(
            read(Path::new("/dev"), "zero", 99),
            Err(Denied::NotRegular)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn the_opened_file_is_opened_without_following() {
        // What a swap between the check and the open would meet: the open itself refuses.
        let dir = root_with(&[("real", "x")]);
        std::os::unix::fs::symlink("real", dir.path().join("link")).expect("ln");
        let error = open_no_follow(&dir.path().join("link")).expect_err("refused");
        assert!(is_link_refusal(&error), "{error}");
    }
}
