//! Walks `content/` once: the Markdown documents by type, the other files (for link checks
//! and to publish), and a diagnostic for every symbolic link (never followed), every file
//! that is not a regular file, and every file that would replace a generated page.
//! Dot-files and dot-folders are never collected.

use crate::msg::{Generated, Msg};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use walkdir::WalkDir;

use super::schema::DocKind;
use crate::diag::{Code, Diagnostic};

/// A Markdown file found under `content/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is on disk.
    pub path: PathBuf,
    /// Relative to the root, with `/` separators.
    pub rel: String,
    /// Its type, from the folder it is in.
    pub kind: DocKind,
}

/// Everything the walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// Documents, sorted by path.
    pub documents: Vec<Found>,
    /// Every other regular file (never a link, never a dot-file), relative to the root: what
    /// links may point to and what `render` publishes.
    pub files: HashSet<String>,
    /// Problems: unreadable folders, symbolic links, pipes, stray Markdown, files where the
    /// site generates a page.
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `root/content` without following any symbolic link; fails only when that folder
/// cannot be read at all (or is itself a link).
pub fn walk(root: &Path) -> Result<Walked> {
    let content = root.join("content");
    let meta = std::fs::symlink_metadata(&content);
    if meta.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(
            "`content/` in {} is a symbolic link; it is not followed, so nothing outside the knowledge base can be published through it (replace the link by the folder itself)",
            root.display()
        );
    }
    if !meta.is_ok_and(|m| m.is_dir()) {
        bail!(
            "no `content/` folder in {} (run in a knowledge base or pass --root)",
            root.display()
        );
    }
    let mut walked = Walked::default();
    let mut entries = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().map(|p| relative(root, p)).unwrap_or_default();
                walked.diagnostics.push(Diagnostic::new(
                    Code::UnreadableFile,
                    path,
                    None,
                    Msg::CannotRead(error.to_string()),
                ));
                continue;
            }
        };
        // Dot-files and dot-folders (`.git`, `.env`) are never collected, so never published.
        if entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.') {
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        let rel = relative(root, entry.path());
        let file_type = entry.file_type();
        if file_type.is_symlink() {
            walked.diagnostics.push(
                Diagnostic::new(Code::UnreadableFile, rel, None, Msg::SymbolicLink)
                    .with_help(Msg::ReplaceLinkByFile),
            );
        } else if file_type.is_file() {
            classify(&mut walked, entry.path(), rel);
        } else if !file_type.is_dir() {
            walked.diagnostics.push(Diagnostic::new(
                Code::UnreadableFile,
                rel,
                None,
                Msg::NotARegularFile,
            ));
        }
    }
    Ok(walked)
}

fn classify(walked: &mut Walked, path: &Path, rel: String) {
    if !is_markdown(path) {
        if let Some(diagnostic) = reserved_diagnostic(&rel) {
            walked.diagnostics.push(diagnostic);
        }
        walked.files.insert(rel);
        return;
    }
    if path
        .file_stem()
        .is_some_and(|n| n.eq_ignore_ascii_case("README"))
    {
        walked.files.insert(rel);
        return;
    }
    let folder = rel
        .split('/')
        .nth(1)
        .filter(|_| rel.matches('/').count() >= 2);
    match folder.and_then(DocKind::from_folder) {
        Some(kind) => walked.documents.push(Found {
            path: path.to_path_buf(),
            rel,
            kind,
        }),
        None => {
            let help = match right_path(&rel) {
                Some(path) => Msg::RenameTo(path),
                None => Msg::MoveToFolder(DocKind::ALL.iter().map(|k| k.folder()).collect()),
            };
            walked.diagnostics.push(
                Diagnostic::new(Code::UnknownFolder, rel, None, Msg::NotInDocumentFolder)
                    .with_help(help),
            );
        }
    }
}

/// Where a Markdown file in a misnamed folder belongs: `content/Terugblikken/Kick Off.md`
/// goes to `content/retrospectives/kick-off.md`. `None` when the folder names no type.
fn right_path(rel: &str) -> Option<String> {
    let mut parts = rel.split('/');
    let folder = parts.nth(1)?;
    let name = parts.next_back()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let kind = meant_folder(folder)?;
    let slug = crate::text::slugify(stem);
    (!slug.is_empty()).then(|| format!("content/{}/{slug}.md", kind.folder()))
}

/// The document type a folder name means: the folder in another case, singular, in
/// American spelling or in Dutch (`Themes`, `retrospective`, `organizations`, `sessies`).
fn meant_folder(name: &str) -> Option<DocKind> {
    let name = name.to_lowercase().replace(['\'', '\u{2019}'], "");
    let kind = match name.as_str() {
        "organisation" | "organisations" | "organization" | "organizations" | "organisatie"
        | "organisaties" => DocKind::Organisation,
        "theme" | "themes" | "thema" | "themas" => DocKind::Theme,
        "session" | "sessions" | "sessie" | "sessies" => DocKind::Session,
        "retrospective" | "retrospectives" | "terugblik" | "terugblikken" => DocKind::Retrospective,
        _ => return None,
    };
    Some(kind)
}

/// The files the site generates at its top level, with what each is.
const GENERATED_FILES: &[(&str, Generated)] = &[
    ("index.html", Generated::HomePage),
    ("style.css", Generated::Stylesheet),
    ("feed.atom", Generated::Feed),
    ("sessions.ics", Generated::Calendar),
    ("sitemap.xml", Generated::Sitemap),
    ("network.svg", Generated::NetworkPicture),
    ("404.html", Generated::SitePage),
    ("toegankelijkheid.html", Generated::SitePage),
    ("search.json", Generated::SitePage),
    ("search.js", Generated::SitePage),
];

/// Where a file under `content/` (not Markdown) is published: its path below `content/`.
pub fn published_path(rel: &str) -> &str {
    rel.strip_prefix("content/").unwrap_or(rel)
}

/// What the site generates at `published` (a path in the site, `/`-separated) or on the
/// way to it, so that a file from `content/` cannot be published there; `None` when the
/// place is free. Names are compared without case, as case-insensitive file systems do.
pub fn reserved(published: &str) -> Option<Generated> {
    let lower = published.to_lowercase();
    let mut names = lower.split('/');
    let first = names.next().unwrap_or("");
    let second = names.next();
    if let Some((_, what)) = GENERATED_FILES.iter().find(|(name, _)| *name == first) {
        return Some(*what);
    }
    let page_folder = DocKind::from_folder(first).is_some();
    let generated_folder = page_folder || first == "tags" || first == "data";
    let Some(second) = second else {
        // A file where a folder of generated pages goes.
        return generated_folder.then_some(Generated::PageFolder);
    };
    // Each document's page, and the calendar next to a session's, theme's or organisation's.
    if page_folder && (second.ends_with(".html") || second.ends_with(".ics")) {
        return Some(Generated::DocumentPages);
    }
    if first == "tags" && second.ends_with(".html") {
        return Some(Generated::TagPages);
    }
    let data_file = DocKind::ALL
        .iter()
        .any(|k| second == format!("{}.json", k.folder()));
    // The data exports, and the SKOS scheme and DCAT catalogue (`.jsonld`) beside them.
    if first == "data" && (data_file || second.ends_with(".jsonld")) {
        return Some(Generated::Data);
    }
    None
}

/// A `reserved-path` diagnostic when the file at `rel` would replace a generated page.
fn reserved_diagnostic(rel: &str) -> Option<Diagnostic> {
    let published = published_path(rel);
    let what = reserved(published)?;
    Some(
        Diagnostic::new(
            Code::ReservedPath,
            rel,
            None,
            Msg::ReservedPath {
                file: rel.to_string(),
                published: published.to_string(),
                generated: what,
            },
        )
        .with_help(Msg::RenameOrMove),
    )
}

/// Whether `path` is Markdown: `.md` or `.markdown`, in any case (`invalid-id` asks for
/// `.md`, rather than such a file being published as a download).
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        for file in files {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "x").expect("write");
        }
        dir
    }

    #[test]
    fn sorts_documents_into_types_and_skips_readmes() {
        let dir = tree(&[
            "content/themes/b.md",
            "content/themes/a.md",
            "content/sessions/2017-09-18-x.md",
            "content/README.md",
            "content/assets/logo.png",
        ]);
        let walked = walk(dir.path()).expect("walk");
        let rels: Vec<_> = walked.documents.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(
            rels,
            [
                "content/sessions/2017-09-18-x.md",
                "content/themes/a.md",
                "content/themes/b.md"
            ]
        );
        assert!(walked.files.contains("content/assets/logo.png"));
        assert!(walked.diagnostics.is_empty());
    }

    #[test]
    fn stray_markdown_is_unknown_folder() {
        let dir = tree(&["content/notes/x.md", "content/y.md"]);
        let walked = walk(dir.path()).expect("walk");
        let codes: Vec<_> = walked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnknownFolder, Code::UnknownFolder]);
    }

    #[test]
    fn a_misnamed_folder_shows_the_right_path() {
        let dir = tree(&[
            "content/retrospective/2017-09-18-kick-off.md",
            "content/Terugblikken/2017-09-18 Kick Off.md",
            "content/thema/open-wob.md",
            "content/themas/open-data.md",
            "content/sessies/2017-11-22-utrecht.md",
            "content/Organisaties/ede.md",
            "content/notes/x.md",
        ]);
        let walked = walk(dir.path()).expect("walk");
        let helps: Vec<_> = walked
            .diagnostics
            .iter()
            .map(|d| {
                assert_eq!(d.code, Code::UnknownFolder);
                assert!(d.fixes.is_empty(), "a rename is not a text edit");
                let help = d.help.as_ref().expect("help");
                (
                    help.text(crate::lang::Lang::En),
                    help.text(crate::lang::Lang::Nl),
                )
            })
            .collect();
        let en: Vec<_> = helps.iter().map(|(en, _)| en.as_str()).collect();
        assert_eq!(
            en,
            [
                "rename the file to `content/organisations/ede.md` (a rename, not a text edit)",
                "rename the file to `content/retrospectives/2017-09-18-kick-off.md` (a rename, not a text edit)",
                "move it to content/{organisations,themes,sessions,retrospectives}/",
                "rename the file to `content/retrospectives/2017-09-18-kick-off.md` (a rename, not a text edit)",
                "rename the file to `content/sessions/2017-11-22-utrecht.md` (a rename, not a text edit)",
                "rename the file to `content/themes/open-wob.md` (a rename, not a text edit)",
                "rename the file to `content/themes/open-data.md` (a rename, not a text edit)",
            ]
        );
        assert_eq!(
            helps[1].1,
            "geef het bestand de naam `content/retrospectives/2017-09-18-kick-off.md` (hernoem het zelf; dit is geen tekstwijziging)"
        );
    }

    #[test]
    fn markdown_with_another_extension_is_a_document() {
        let dir = tree(&[
            "content/themes/a.MD",
            "content/themes/b.markdown",
            "content/themes/README.markdown",
        ]);
        let walked = walk(dir.path()).expect("walk");
        assert_eq!(walked.documents.len(), 2);
        assert!(walked.files.contains("content/themes/README.markdown"));
    }

    #[test]
    fn missing_content_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(walk(dir.path()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_links_outside_are_reported_not_followed() {
        let dir = tree(&["content/themes/a.md"]);
        let outside = tree(&["secret.md"]);
        let themes = dir.path().join("content/themes");
        std::os::unix::fs::symlink(dir.path().join("content"), themes.join("loop"))
            .expect("symlink");
        std::os::unix::fs::symlink(outside.path(), themes.join("out")).expect("symlink");
        let walked = walk(dir.path()).expect("walk");
        assert_eq!(walked.documents.len(), 1);
        let codes: Vec<_> = walked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnreadableFile, Code::UnreadableFile]);
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_root_are_not_followed_either() {
        use std::os::unix::fs::symlink;
        let dir = tree(&[
            ".env",
            ".git/config",
            "pioneers.toml",
            "content/themes/a.md",
            "content/assets/logo.png",
        ]);
        let assets = dir.path().join("content/assets");
        symlink("../../.env", assets.join("env.txt")).expect("symlink");
        symlink("../../.git", assets.join("repo")).expect("symlink");
        symlink("../../pioneers.toml", assets.join("config.txt")).expect("symlink");
        symlink("logo.png", assets.join("logo2.png")).expect("symlink");
        symlink("../themes/a.md", assets.join("b.md")).expect("symlink");
        let walked = walk(dir.path()).expect("walk");
        let mut files: Vec<_> = walked.files.iter().map(String::as_str).collect();
        files.sort_unstable();
        assert_eq!(files, ["content/assets/logo.png"]);
        assert_eq!(walked.documents.len(), 1);
        let reported: Vec<_> = walked
            .diagnostics
            .iter()
            .map(|d| (d.code, d.file.as_str()))
            .collect();
        assert_eq!(
            reported,
            [
                (Code::UnreadableFile, "content/assets/b.md"),
                (Code::UnreadableFile, "content/assets/config.txt"),
                (Code::UnreadableFile, "content/assets/env.txt"),
                (Code::UnreadableFile, "content/assets/logo2.png"),
                (Code::UnreadableFile, "content/assets/repo"),
            ]
        );
        let first = &walked.diagnostics[0];
        let message = first.message.text(crate::lang::Lang::En);
        assert!(message.contains("symbolic link"), "{message}");
        assert_eq!(first.help, Some(Msg::ReplaceLinkByFile));
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_content_folder_is_refused() {
        let real = tree(&["content/themes/a.md"]);
        let dir = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink(real.path().join("content"), dir.path().join("content"))
            .expect("symlink");
        let error = walk(dir.path()).expect_err("refused").to_string();
        assert!(error.contains("symbolic link"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_anywhere_is_reported_not_collected() {
        let dir = tree(&["content/assets/a.txt"]);
        let fifo = dir.path().join("content/assets/pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let walked = walk(dir.path()).expect("walk");
        assert!(!walked.files.contains("content/assets/pipe.txt"));
        let codes: Vec<_> = walked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnreadableFile]);
    }

    #[test]
    fn dot_files_and_dot_folders_are_never_collected() {
        let dir = tree(&[
            "content/assets/.env",
            "content/.git/config",
            "content/.hidden/x.md",
            "content/assets/ok.txt",
        ]);
        let walked = walk(dir.path()).expect("walk");
        let files: Vec<_> = walked.files.iter().map(String::as_str).collect();
        assert_eq!(files, ["content/assets/ok.txt"]);
        assert!(walked.documents.is_empty());
        assert!(walked.diagnostics.is_empty());
    }

    #[test]
    fn reserved_paths_are_what_the_site_generates() {
        for path in [
            "index.html",
            "Index.HTML",
            "style.css",
            "feed.atom",
            "sessions.ics",
            "sitemap.xml",
            "network.svg",
            "404.html",
            "toegankelijkheid.html",
            "style.css/x.png",
            "data/themes.json",
            "data/catalog.jsonld",
            "tags/x.html",
            "tags/index.html",
            "themes/foo.html",
            "themes/foo.ics",
            "sessions/2017-09-18-kick-off.ICS",
            "themes/index.html",
            "organisations/x.html",
            "themes",
            "data",
        ] {
            assert!(reserved(path).is_some(), "{path}");
        }
        for path in [
            "assets/index.html",
            "assets/style.css",
            "data/report.csv",
            "tags/logo.png",
            "themes/foo.png",
            "themes/x/y.html",
            "about.html",
            "images",
        ] {
            assert_eq!(reserved(path), None, "{path}");
        }
    }

    #[test]
    fn a_file_where_a_page_is_generated_is_reserved_path() {
        let dir = tree(&[
            "content/index.html",
            "content/themes/a.md",
            "content/themes/a.html",
            "content/assets/index.html",
        ]);
        let walked = walk(dir.path()).expect("walk");
        let found: Vec<_> = walked
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.code,
                    d.file.as_str(),
                    d.message.text(crate::lang::Lang::En),
                )
            })
            .collect();
        let found: Vec<_> = found.iter().map(|(c, f, m)| (*c, *f, m.as_str())).collect();
        assert_eq!(
            found,
            [
                (
                    Code::ReservedPath,
                    "content/index.html",
                    "`content/index.html` would be published at `index.html`, where the site's home page is generated"
                ),
                (
                    Code::ReservedPath,
                    "content/themes/a.html",
                    "`content/themes/a.html` would be published at `themes/a.html`, where the pages of documents and their index are generated"
                ),
            ]
        );
        assert!(
            walked.files.contains("content/index.html"),
            "links to it still resolve"
        );
    }
}
