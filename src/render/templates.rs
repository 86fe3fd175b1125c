//! The site's templates: the embedded ones, each replaceable by a file of the same name in
//! `templates/` at the root, and the environment that renders them with HTML escaping.

use std::path::Path;

use anyhow::{Context, Result};
use minijinja::{AutoEscape, Environment};

use super::escape::escape_html;

/// The templates and what each receives; a file of the same name in `templates/` at the
/// root replaces the embedded one.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("macros.html", include_str!("templates/macros.html")),
    ("home.html", include_str!("templates/home.html")),
    ("list.html", include_str!("templates/list.html")),
    ("theme.html", include_str!("templates/theme.html")),
    ("session.html", include_str!("templates/session.html")),
    (
        "retrospective.html",
        include_str!("templates/retrospective.html"),
    ),
    (
        "organisation.html",
        include_str!("templates/organisation.html"),
    ),
    ("feed.atom", include_str!("templates/feed.atom")),
    ("sitemap.xml", include_str!("templates/sitemap.xml")),
    ("404.html", include_str!("templates/404.html")),
    ("statement.html", include_str!("templates/statement.html")),
];

/// The stylesheet (replaceable by `templates/style.css`).
const STYLE: &str = include_str!("templates/style.css");

/// The template environment: embedded templates, replaced by files in `templates/`.
pub fn environment(root: &Path) -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if [".html", ".xml", ".atom"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(
        |out, state, value| match (state.auto_escape(), value.as_str()) {
            (AutoEscape::Html, Some(text)) if !value.is_safe() => {
                out.write_str(&escape_html(text)).map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())
                })
            }
            _ => minijinja::escape_formatter(out, state, value),
        },
    );
    for (name, text) in TEMPLATES {
        let source = read_override(root, name)?.unwrap_or_else(|| (*text).to_string());
        env.add_template_owned(name.to_string(), source)
            .with_context(|| format!("template {name} does not compile"))?;
    }
    Ok(env)
}

/// The stylesheet: `templates/style.css` at the root, else the embedded one.
pub fn stylesheet(root: &Path) -> Result<String> {
    Ok(read_override(root, "style.css")?.unwrap_or_else(|| STYLE.to_string()))
}

/// The text of `templates/<name>` at the root, if there is one, read under the rule of
/// [`crate::kb::access`]: a regular file, never through a symbolic link, at most 1 MiB.
fn read_override(root: &Path, name: &str) -> Result<Option<String>> {
    crate::kb::access::read_text(
        root,
        &format!("templates/{name}"),
        crate::kb::access::MAX_SMALL_FILE_BYTES,
    )
}
