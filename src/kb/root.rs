//! Finding the knowledge-base root and reading its optional `pioneers.toml`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

/// The name of the configuration file that marks a root.
pub const CONFIG_FILE: &str = "pioneers.toml";

/// The largest `pioneers.toml` read.
pub const MAX_CONFIG_BYTES: u64 = super::access::MAX_SMALL_FILE_BYTES;

/// The settings of `pioneers.toml`; every key is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The network's name, for the rendered site.
    pub title: Option<String>,
    /// Where the site is published, for feeds, sitemap and absolute links.
    pub base_url: Option<String>,
    /// The rendered site's language: `nl` or `en`.
    pub language: Option<String>,
    /// What the network is, in a sentence or two: on the home page and in the data catalogue.
    pub description: Option<String>,
    /// The site's accent colour, `#rrggbb`; used only when white text on it is readable.
    pub accent: Option<String>,
    /// A logo in the header: a path under `content/` as published (`images/logo.svg`).
    pub logo: Option<String>,
    /// The licence of the published data, a URL (the data catalogue names it).
    pub license: Option<String>,
}

/// The root: `explicit` if given, else the nearest folder from `cwd` upwards that holds
/// `pioneers.toml`, else `cwd` itself (as git finds its repository).
pub fn find_root(explicit: Option<&Path>, cwd: &Path) -> PathBuf {
    if let Some(root) = explicit {
        return root.to_path_buf();
    }
    cwd.ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
        .unwrap_or(cwd)
        .to_path_buf()
}

/// Reads `pioneers.toml` in `root`; a missing file gives the defaults. It is read under the
/// rule of [`super::access`]: a regular file, not a link, at most 1 MiB.
pub fn read_config(root: &Path) -> Result<Config> {
    let path = root.join(CONFIG_FILE);
    let Some(text) = super::access::read_text(root, CONFIG_FILE, MAX_CONFIG_BYTES)? else {
        return Ok(Config::default());
    };
    let config: Config =
        toml::from_str(&text).with_context(|| format!("invalid {}", path.display()))?;
    if let Some(language) = &config.language
        && language != "nl"
        && language != "en"
    {
        return Err(crate::msg::Localized(crate::msg::Msg::ConfigLanguage {
            path: path.display().to_string(),
            value: language.clone(),
        })
        .into());
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_config_upwards() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::write(root.join(CONFIG_FILE), "").expect("write");
        let deep = root.join("content/themes");
        std::fs::create_dir_all(&deep).expect("mkdir");
        assert_eq!(find_root(None, &deep), root);
    }

    #[test]
    fn without_config_the_working_directory_is_the_root() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(find_root(None, dir.path()), dir.path());
    }

    #[test]
    fn explicit_root_wins() {
        assert_eq!(
            find_root(Some(Path::new("/x")), Path::new("/y")),
            Path::new("/x")
        );
    }

    #[test]
    fn reads_config_and_refuses_unknown_keys() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(CONFIG_FILE);
        std::fs::write(&path, "title = \"T\"\nlanguage = \"en\"\n").expect("write");
        let config = read_config(dir.path()).expect("config");
        assert_eq!(config.title.as_deref(), Some("T"));
        std::fs::write(&path, "titel = \"T\"\n").expect("write");
        assert!(read_config(dir.path()).is_err());
        std::fs::write(&path, "language = \"de\"\n").expect("write");
        assert!(read_config(dir.path()).is_err());
    }

    #[test]
    fn a_missing_config_gives_the_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(read_config(dir.path()).expect("config"), Config::default());
    }

    #[test]
    fn refuses_a_config_over_the_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut text = "# padding\n".repeat(110_000);
        text.push_str("title = \"T\"\n");
        std::fs::write(dir.path().join(CONFIG_FILE), text).expect("write");
        let error = format!("{:#}", read_config(dir.path()).expect_err("too large"));
        assert!(
            error.contains("pioneers.toml") && error.contains("1 MiB"),
            "{error}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_config_that_is_a_link_or_a_device() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join(CONFIG_FILE)).expect("ln");
        let error = format!("{:#}", read_config(dir.path()).expect_err("a link"));
        assert!(error.contains("symbolic link"), "{error}");
    }
}
