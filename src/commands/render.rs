//! `pioneers render`: checks the content, works out the site's options and writes the
//! site into a folder that a render made (or an empty one).

use crate::lang::Lang;
use crate::msg::{Localized, Msg};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, EXIT_OK, Error, Result};
use crate::cli::RenderArgs;
use crate::diag::Severity;
use crate::kb::KnowledgeBase;
use crate::render::output::{MARKER, Refusal, replace_dir};
use crate::render::site::{SiteOptions, build};

/// Renders the site, unless the content has errors (and `--allow-errors` was not given).
pub(super) fn run(context: &Context, args: &RenderArgs, out: &mut dyn Write) -> Result {
    let kb = context.knowledge_base()?;
    let errors = crate::validate::validate(kb)
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    if errors > 0 && !args.allow_errors {
        return Err(Error::Content(
            Msg::RenderRefused(errors).text(context.lang()),
        ));
    }
    let options = SiteOptions {
        title: kb
            .config
            .title
            .clone()
            .unwrap_or_else(|| "Pioniersnetwerk Open Overheid".into()),
        base_url: base_url(kb, args, context.lang())?,
        lang: crate::lang::for_site(context.lang_flag(), kb.config.language.as_deref()),
    };
    let dir = match &args.out {
        Some(dir) => context.cwd().join(dir),
        None => kb.root.join("public"),
    };
    refuse_output_inside_sources(&kb.root, &dir)?;
    match replace_dir(&dir, |sink| build(kb, &options, sink))? {
        Ok(count) => {
            let wrote = Msg::RenderWrote {
                count,
                dir: dir.display().to_string(),
            };
            writeln!(out, "{}", wrote.text(context.lang()))?;
            Ok(EXIT_OK)
        }
        Err(Refusal::NotOurs(path)) => Err(Error::Content(
            Msg::RenderNotOurs {
                dir: path.display().to_string(),
                marker: MARKER,
            }
            .text(context.lang()),
        )),
    }
}

/// `--base-url`, else `base_url` in `pioneers.toml`, ending in `/`; without one, a note says
/// what is missing.
fn base_url(kb: &KnowledgeBase, args: &RenderArgs, lang: Lang) -> Result<Option<String>> {
    match args.base_url.clone().or_else(|| kb.config.base_url.clone()) {
        Some(url) if !crate::kb::schema::is_web_url(&url) => {
            Err(Error::Usage(Msg::RenderBadBaseUrl(url).text(lang)))
        }
        Some(url) if url.ends_with('/') => Ok(Some(url)),
        Some(url) => Ok(Some(format!("{url}/"))),
        None => {
            eprintln!("{}", Msg::RenderNoBaseUrl.text(lang));
            Ok(None)
        }
    }
}

/// Fails when `out` (resolved through links, like the folders it is compared with) is inside
/// `content/` or `templates/`, or holds them: the site would be published into itself, or
/// replace the sources.
fn refuse_output_inside_sources(root: &Path, out: &Path) -> anyhow::Result<()> {
    let out = resolve(out);
    for source in ["content", "templates"] {
        let folder = resolve(&root.join(source));
        if out.starts_with(&folder) || folder.starts_with(&out) {
            return Err(Localized(Msg::RenderIntoSources {
                out: out.display().to_string(),
                source,
                inside: out.starts_with(&folder),
            })
            .into());
        }
    }
    Ok(())
}

/// `path` made absolute without links: the longest part that exists is resolved by the
/// system, the rest (`..` included) by its names.
fn resolve(path: &Path) -> PathBuf {
    let mut resolved = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                resolved.pop();
            }
            std::path::Component::CurDir => {}
            component => {
                resolved.push(component);
                if let Ok(real) = resolved.canonicalize() {
                    resolved = real;
                }
            }
        }
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_follows_links_and_climbs_names_that_do_not_exist_yet() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("real");
        std::fs::create_dir_all(root.join("content/assets")).expect("mkdir");
        assert_eq!(
            resolve(&root.join("new/../content/x")),
            root.join("content/x")
        );
        assert_eq!(
            resolve(&root.join("./content/./assets")),
            root.join("content/assets")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("content"), root.join("site")).expect("ln");
            assert_eq!(resolve(&root.join("site/out")), root.join("content/out"));
        }
    }

    #[test]
    fn the_output_may_not_be_in_or_around_the_sources() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/assets")).expect("mkdir");
        for bad in [
            "content/site",
            "content/assets",
            "templates/x",
            ".",
            "content",
        ] {
            assert!(
                refuse_output_inside_sources(root, &root.join(bad)).is_err(),
                "{bad}"
            );
        }
        for good in ["public", "site", "../elsewhere"] {
            assert!(
                refuse_output_inside_sources(root, &root.join(good)).is_ok(),
                "{good}"
            );
        }
    }
}
