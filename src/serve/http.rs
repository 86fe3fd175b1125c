//! The HTTP side of `serve`: GET and HEAD of the site's files as the engine makes them
//! (never a path of the file system), the live-reload event stream, and the script and
//! problem banner added to pages on their way out (the site itself stays script-free).

use std::io::{Read, Write};
use std::sync::Arc;
use std::time::Duration;

use percent_encoding::percent_decode_str;
use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::engine::Sent;
use super::site::{Built, Shared};
use crate::render::escape::escape_html;

/// The path of the event stream that tells open pages to reload.
pub const EVENTS: &str = "/__pioneers/events";

/// Answers `request`: a file at once, on this thread; the event stream on a thread of its
/// own, as a page holds it open for as long as it is shown.
pub fn handle(request: Request, shared: &Arc<Shared>) {
    if request.url() == EVENTS && *request.method() == Method::Get {
        let shared = Arc::clone(shared);
        std::thread::spawn(move || events(request, &shared));
    } else {
        answer(request, shared);
    }
}

fn answer(request: Request, shared: &Shared) {
    let head = match request.method() {
        Method::Get => false,
        Method::Head => true,
        _ => {
            let mut response = text_response(405, "only GET and HEAD\n");
            if let Some(h) = header("Allow", "GET, HEAD") {
                response.add_header(h);
            }
            let _ = request.respond(response);
            return;
        }
    };
    let built = shared.current();
    // Held until the file is sent: the search index is made as it goes out.
    let engine = shared.engine();
    let found = site_path(request.url()).and_then(|path| {
        let index = format!("{}/index.html", path.trim_end_matches('/'));
        match engine.send(&path) {
            Some(sent) => Some((path, sent)),
            None => engine.send(&index).map(|sent| (index, sent)),
        }
    });
    let (path, body, length): (String, Box<dyn Read + '_>, Option<usize>) = match found {
        // A page gets the banner and the script; any other file goes as made, uncopied.
        Some((path, Ok(Sent::Made(bytes)))) if path.ends_with(".html") => {
            let page = page(&path, &bytes, &built);
            let length = page.len();
            (path, Box::new(std::io::Cursor::new(page)), Some(length))
        }
        Some((path, Ok(Sent::Made(bytes)))) => {
            let length = bytes.len();
            (
                path,
                Box::new(std::io::Cursor::new(Bytes(bytes))),
                Some(length),
            )
        }
        Some((path, Ok(Sent::Streamed(reader)))) => (path, reader, None),
        Some((path, Err(error))) => {
            let text = format!("{path}: {error}\n");
            let _ = request.respond(text_response(500, &text));
            return;
        }
        None => {
            let _ = request.respond(text_response(404, "not found\n"));
            return;
        }
    };
    let body = if head {
        Box::new(std::io::empty())
    } else {
        body
    };
    let response = Response::new(
        StatusCode(200),
        [
            header("Content-Type", content_type(&path)),
            header("Cache-Control", "no-store"),
            header("X-Content-Type-Options", "nosniff"),
        ]
        .into_iter()
        .flatten()
        .collect(),
        body,
        length,
        None,
    );
    let _ = request.respond(response);
}

/// The path in the site that a request's URL names: percent-decoded, without query or
/// fragment, `index.html` for a folder; `None` for anything that could leave the site
/// (`..`, backslashes, empty or dot segments, NUL).
pub fn site_path(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    let decoded = decoded.strip_prefix('/')?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let (last, folders) = segments.split_last()?;
    if folders.iter().any(|s| s.is_empty() || s.starts_with('.')) || last.starts_with('.') {
        return None;
    }
    Some(if last.is_empty() {
        format!("{decoded}index.html")
    } else {
        decoded.to_string()
    })
}

/// A file's bytes as a response body reads them.
struct Bytes(super::engine::Bytes);

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// The bytes to send for `path`: an HTML page gets the banner of problems (before `<main`)
/// and the reload script (before the last `</body>`), written once into one buffer;
/// everything else goes as built.
fn page(path: &str, bytes: &[u8], built: &Built) -> Vec<u8> {
    if !path.ends_with(".html") {
        return bytes.to_vec();
    }
    let banner = banner(built);
    let script = format!(
        "<script>new EventSource(\"{EVENTS}\").onmessage = function () {{ location.reload(); }};</script>"
    );
    let find = |needle: &[u8]| bytes.windows(needle.len()).position(|w| w == needle);
    let rfind = |needle: &[u8]| bytes.windows(needle.len()).rposition(|w| w == needle);
    let mut inserts = [
        (find(b"<main").unwrap_or(0), banner.as_bytes()),
        (rfind(b"</body>").unwrap_or(bytes.len()), script.as_bytes()),
    ];
    inserts.sort_by_key(|(at, _)| *at);
    let mut page = Vec::with_capacity(bytes.len() + banner.len() + script.len());
    let mut from = 0;
    for (at, insert) in inserts {
        page.extend_from_slice(bytes.get(from..at).unwrap_or_default());
        page.extend_from_slice(insert);
        from = at;
    }
    page.extend_from_slice(bytes.get(from..).unwrap_or_default());
    page
}

/// The list of the content's problems (or why the build failed), or nothing.
fn banner(built: &Built) -> String {
    if built.problems.is_empty() && built.failure.is_none() {
        return String::new();
    }
    let mut items = String::new();
    if let Some(failure) = &built.failure {
        items.push_str(&format!("<li>{}</li>", escape_html(failure)));
    }
    for p in &built.problems {
        let help = p
            .help
            .as_ref()
            .map(|h| format!("<br>→ {}", escape_html(h)))
            .unwrap_or_default();
        items.push_str(&format!(
            "<li style=\"margin:0.5rem 0\"><code>{}</code><br><strong>{}</strong> [{}]: {}{help}</li>",
            escape_html(&p.place),
            p.severity_word,
            p.code,
            escape_html(&p.message)
        ));
    }
    let heading = if built.problems.is_empty() {
        String::new()
    } else {
        format!(
            "<p style=\"margin:0\"><strong>{}</strong></p>",
            escape_html(&built.heading)
        )
    };
    // An error keeps the site from being published: an alert, in red. Warnings only are
    // told as a status, in amber, so that they are read but do not interrupt.
    let errors = built.failure.is_some()
        || (built.problems.iter()).any(|p| p.severity == crate::diag::Severity::Error);
    let (role, border, background) = match errors {
        true => ("alert", "#b00", "#fff4f4"),
        false => ("status", "#a15c00", "#fff8e6"),
    };
    format!(
        "<div role=\"{role}\" style=\"border:3px solid {border};background:{background};color:#000;padding:0.5rem 1rem;margin:1rem;overflow-wrap:anywhere;line-height:1.4\">{heading}<ul style=\"padding-left:1.2rem;margin:0.5rem 0 0\">{items}</ul></div>"
    )
}

/// A `text/event-stream` that sends `reload` after every change taken in, until the page goes.
/// Written straight to the connection, each event flushed at once.
fn events(request: Request, shared: &Shared) {
    let mut generation = shared.current().generation;
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n: connected\n\n";
    if send(&mut writer, head.as_bytes()).is_err() {
        return;
    }
    loop {
        let newer = shared.wait_newer(generation, Duration::from_secs(15));
        let event: &[u8] = if newer > generation {
            generation = newer;
            b"data: reload\n\n"
        } else {
            // A comment now and then: a closed page shows as a failed write.
            b": waiting\n\n"
        };
        if send(&mut writer, event).is_err() {
            return;
        }
    }
}

fn send(writer: &mut dyn Write, bytes: &[u8]) -> std::io::Result<()> {
    writer.write_all(bytes)?;
    writer.flush()
}

fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("atom") => "application/atom+xml; charset=utf-8",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("pdf") => "application/pdf",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The header `name: value`; both are ASCII constants here, so it always exists (a
/// malformed one would be left out rather than stop the server).
fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// A plain-text answer with `status`.
fn text_response(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut response = Response::from_string(text).with_status_code(status);
    if let Some(h) = header("Content-Type", "text/plain; charset=utf-8") {
        response.add_header(h);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/themes/").as_deref(), Some("themes/index.html"));
        assert_eq!(
            site_path("/themes/open-wob.html?x=1#a").as_deref(),
            Some("themes/open-wob.html")
        );
        assert_eq!(site_path("/th%C3%A9ma.html").as_deref(), Some("théma.html"));
        for bad in [
            "/../etc/passwd",
            "/themes/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fx",
            "/themes\\..\\x",
            "/themes%5C..%5Cx",
            "//etc/passwd",
            "/.git/config",
            "/a/.hidden/x",
            "/%00",
            "relative",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn pages_get_the_banner_and_the_script_and_other_files_do_not() {
        let built = Built {
            problems: vec![super::super::site::Problem {
                severity: crate::diag::Severity::Error,
                severity_word: "fout",
                code: "unknown-field",
                place: "content/themes/a.md:2:1".into(),
                message: "onbekend veld `<x>`".into(),
                help: Some("bedoel je `title`?".into()),
            }],
            ..Built::default()
        };
        let html = String::from_utf8(page(
            "index.html",
            b"<html><body><main>x</main></body></html>",
            &built,
        ))
        .expect("utf-8");
        assert!(html.contains("role=\"alert\""), "{html}");
        assert!(html.contains("onbekend veld `&lt;x&gt;`"), "{html}");
        assert!(html.find("role=\"alert\"") < html.find("<main"), "{html}");
        assert!(html.contains(EVENTS));
        assert_eq!(page("style.css", b"a{}", &built), b"a{}");
    }

    #[test]
    fn warnings_alone_are_a_status_and_an_error_or_a_failure_an_alert() {
        let warning = super::super::site::Problem {
            severity: crate::diag::Severity::Warning,
            severity_word: "waarschuwing",
            code: "missing-retrospective",
            place: "content/sessions/s.md:1:1".into(),
            message: "sessie `s` is gehouden, maar heeft nog geen terugblik".into(),
            help: None,
        };
        let warned = Built {
            problems: vec![warning.clone()],
            ..Built::default()
        };
        let shown = banner(&warned);
        assert!(
            shown.contains("role=\"status\"") && !shown.contains("alert"),
            "{shown}"
        );
        let failed = Built {
            problems: vec![warning],
            failure: Some("pioneers.toml: onleesbaar".into()),
            ..Built::default()
        };
        assert!(banner(&failed).contains("role=\"alert\""));
        assert_eq!(banner(&Built::default()), "");
    }
}
