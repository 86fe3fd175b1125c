//! Escaping text for the HTML and XML the site is made of, shared by the pages and the
//! network picture.

use crate::text::without_controls;

/// Escapes text for HTML and XML (`& < > " '`), leaving `/` readable in URLs; control
/// characters, which XML forbids, become U+FFFD.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in without_controls(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_replaces_controls() {
        assert_eq!(
            escape_html("<a href=\"x\">Tom & 'Jerry'</a>/\u{1b}"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;/\u{fffd}"
        );
    }
}
