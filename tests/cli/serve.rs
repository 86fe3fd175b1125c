//! `pioneers serve`: the real binary on a fixture, fetched over HTTP, edited while it runs.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{TODAY, Test, read_site, rendered_site};

/// The server, stopped when the test ends (also when it fails).
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `serve --port 0` in `root` and reads the address it prints.
fn start(root: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pioneers"))
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env("PIONEERS_LANG", "en")
        .args(["serve", "--port", "0", "--today", TODAY])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("a line");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, address }
}

/// Sends `request` (method and path) and returns the status code and the body.
fn fetch(server: &Server, method: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    )
    .expect("send");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn serves_the_site_and_rebuilds_on_a_change() {
    let test = Test::fixture("clean");
    let server = start(test.root());
    let (status, home) = fetch(&server, "GET", "/");
    assert_eq!(status, 200, "{home}");
    assert!(
        home.contains("/__pioneers/events"),
        "the reload script is added"
    );
    let (status, page) = fetch(&server, "GET", "/themes/open-wob.html");
    assert_eq!(status, 200);
    assert!(page.contains("Open Wob"), "{page}");
    assert_eq!(fetch(&server, "HEAD", "/themes/open-wob.html").0, 200);
    assert_eq!(fetch(&server, "GET", "/themes/").0, 200);

    // Edit a title as an editor does (write a temporary file, rename it over the old one).
    let path = test.root().join("content/themes/open-wob.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let temporary = test.root().join("content/themes/.open-wob.md.tmp");
    std::fs::write(
        &temporary,
        text.replace("title: Open Wob", "title: Open Wob Nieuw"),
    )
    .expect("write");
    std::fs::rename(&temporary, &path).expect("rename");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, page) = fetch(&server, "GET", "/themes/open-wob.html");
        if page.contains("Open Wob Nieuw") {
            break;
        }
        assert!(Instant::now() < deadline, "no rebuild: {page}");
        std::thread::sleep(Duration::from_millis(100));
    }

    // A problem appears on every page, and the last good site stays served.
    std::fs::write(
        test.root().join("content/themes/kapot.md"),
        "---\ntitle: Kapot\nsummary: S.\nstauts: proposed\n---\n",
    )
    .expect("write");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, home) = fetch(&server, "GET", "/");
        if home.contains("role=\"alert\"") {
            assert!(home.contains("unknown-field"), "{home}");
            assert!(home.contains("did you mean `status`?"), "{home}");
            break;
        }
        assert!(Instant::now() < deadline, "no banner: {home}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The knowledge base is left as it was: nothing written into it.
    assert!(!test.root().join("public").exists());
}

#[test]
fn the_search_index_is_sent_as_render_writes_it_made_as_it_goes_out() {
    let test = Test::fixture("clean");
    let rendered = read_site(&rendered_site(&test, &[]), "search.json");
    let server = start(test.root());
    // Its length is not known before it is made: sent in chunks over HTTP/1.1, until the
    // connection closes over HTTP/1.0.
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    write!(stream, "GET /search.json HTTP/1.0\r\n\r\n").expect("send");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let (head, body) = response.split_once("\r\n\r\n").expect("a head");
    assert!(
        head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200"),
        "{head}"
    );
    assert!(head.contains("application/json"), "{head}");
    assert_eq!(body, rendered);
    let (status, chunked) = fetch(&server, "GET", "/search.json");
    assert_eq!(status, 200);
    assert!(
        chunked.contains(&rendered[..rendered.len().min(200)]),
        "{chunked}"
    );
    assert_eq!(fetch(&server, "HEAD", "/search.json"), (200, String::new()));
}

#[test]
fn serves_only_the_site() {
    let test = Test::fixture("clean");
    std::fs::write(test.root().join("secret.txt"), "geheim").expect("write");
    let server = start(test.root());
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/themes/..%5C..%5Csecret.txt",
        "/secret.txt",
        "/content/themes/open-wob.md",
        "/.pioneers-render",
        "/nope.html",
    ] {
        let (status, body) = fetch(&server, "GET", path);
        assert_eq!(status, 404, "{path}: {body}");
        assert!(!body.contains("geheim"), "{path}");
    }
    assert_eq!(fetch(&server, "POST", "/").0, 405);
    assert_eq!(fetch(&server, "DELETE", "/index.html").0, 405);
}

#[test]
fn open_pages_hear_about_each_build() {
    let test = Test::fixture("clean");
    let server = start(test.root());
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    write!(
        stream,
        "GET /__pioneers/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .expect("send");
    let mut reader = BufReader::new(stream);
    let mut seen = String::new();
    // Wait until the stream is open before changing anything.
    while !seen.contains(": connected") {
        let mut line = String::new();
        assert!(reader.read_line(&mut line).expect("read") > 0, "{seen}");
        seen.push_str(&line);
    }
    std::fs::write(
        test.root().join("content/themes/nieuw.md"),
        "---\ntitle: Nieuw\nsummary: S.\n---\n",
    )
    .expect("write");
    while !seen.contains("data: reload") {
        let mut line = String::new();
        assert!(reader.read_line(&mut line).expect("read") > 0, "{seen}");
        seen.push_str(&line);
    }
}

/// `validate --watch` reports again after each change, with the same engine as `serve`.
#[test]
fn validate_watch_reports_again_after_a_change() {
    let test = Test::fixture("clean");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pioneers"))
        .current_dir(test.root())
        .env("NO_COLOR", "1")
        .env("PIONEERS_LANG", "en")
        .args(["validate", "--watch", "--today", TODAY])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("validate --watch starts");
    let stdout = child.stdout.take().expect("stdout");
    let server = Server {
        child,
        address: String::new(),
    };
    let mut lines = BufReader::new(stdout).lines();
    let mut next_summary = || {
        lines
            .by_ref()
            .map_while(Result::ok)
            .find(|line| line.contains(" checked: "))
            .expect("a summary")
    };
    assert!(next_summary().contains("0 errors"));
    std::fs::write(
        test.root().join("content/themes/kapot.md"),
        "---\ntitle: Kapot\nsummary: S.\ncarriers: [utrech]\n---\n",
    )
    .expect("write");
    assert!(next_summary().contains("1 error"));
    drop(server);
}

/// Waits until `path` on `server` answers with `status` and a body that `fits`.
fn wait_for(server: &Server, path: &str, status: u16, fits: impl Fn(&str) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (got, body) = fetch(server, "GET", path);
        if got == status && fits(&body) {
            return;
        }
        assert!(Instant::now() < deadline, "{path}: still {got}: {body}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn creations_renames_deletions_and_mended_errors_show_on_the_served_site() {
    let test = Test::fixture("clean");
    let server = start(test.root());
    let themes = test.root().join("content/themes");
    std::fs::write(
        themes.join("nieuw.md"),
        "---\ntitle: Nieuw thema\nsummary: S.\ncarriers: [utrecht]\n---\nTekst.\n",
    )
    .expect("write");
    wait_for(&server, "/themes/nieuw.html", 200, |page| {
        page.contains("Nieuw thema")
    });
    // The organisation it refers to lists it, and so does the index of themes.
    wait_for(&server, "/organisations/utrecht.html", 200, |page| {
        page.contains("Nieuw thema")
    });
    wait_for(&server, "/themes/index.html", 200, |page| {
        page.contains("Nieuw thema")
    });

    std::fs::rename(themes.join("nieuw.md"), themes.join("hernoemd.md")).expect("rename");
    wait_for(&server, "/themes/hernoemd.html", 200, |page| {
        page.contains("Nieuw thema")
    });
    wait_for(&server, "/themes/nieuw.html", 404, |_| true);

    std::fs::remove_file(themes.join("hernoemd.md")).expect("delete");
    wait_for(&server, "/themes/hernoemd.html", 404, |_| true);
    wait_for(&server, "/organisations/utrecht.html", 200, |page| {
        !page.contains("Nieuw thema")
    });

    let broken = themes.join("kapot.md");
    std::fs::write(&broken, "---\ntitle: Kapot: echt\nsummary: S.\n---\n").expect("write");
    wait_for(&server, "/", 200, |home| {
        home.contains("role=\"alert\"") && home.contains("content/themes/kapot.md:2")
    });
    std::fs::write(&broken, "---\ntitle: \"Kapot: echt\"\nsummary: S.\n---\n").expect("write");
    wait_for(&server, "/", 200, |home| !home.contains("role=\"alert\""));
    wait_for(&server, "/themes/kapot.html", 200, |page| {
        page.contains("Kapot: echt")
    });
}

#[test]
fn two_files_at_one_path_are_told_and_assets_are_served_as_they_are_now() {
    let test = Test::fixture("clean");
    let server = start(test.root());
    // A second theme `open-wob` in a sub-folder: its page would be where the first one's is;
    // a theme called `index`: its page would be where the themes' index is.
    for (rel, path) in [
        ("content/themes/ouder/open-wob.md", "themes/open-wob.html"),
        ("content/themes/index.md", "themes/index.html"),
    ] {
        let file = test.root().join(rel);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("folder");
        std::fs::write(&file, "---\ntitle: Tweede\nsummary: S.\n---\n").expect("write");
        let told = format!("two files of the site would be at `{path}`");
        wait_for(&server, "/", 200, |home| home.contains(&told));
        std::fs::remove_file(&file).expect("delete");
        wait_for(&server, "/", 200, |home| !home.contains("two files"));
    }

    // An asset is read when asked for, through the no-links rule: a new version shows at once.
    let asset = test.root().join("content/assets/notitie.txt");
    std::fs::create_dir_all(asset.parent().expect("a folder")).expect("folder");
    std::fs::write(&asset, "eerste\n").expect("write");
    wait_for(&server, "/assets/notitie.txt", 200, |text| {
        text == "eerste\n"
    });
    std::fs::write(&asset, "tweede\n").expect("write");
    wait_for(&server, "/assets/notitie.txt", 200, |text| {
        text == "tweede\n"
    });
}

#[test]
fn a_config_or_template_that_does_not_load_keeps_the_last_good_site_with_the_reason() {
    let test = Test::fixture("clean");
    let server = start(test.root());
    let config = test.root().join("pioneers.toml");
    let good = std::fs::read_to_string(&config).expect("config");
    std::fs::write(&config, "title = \n").expect("write");
    // The knowledge base no longer loads: its last pages stay, with the reason on them.
    wait_for(&server, "/themes/open-wob.html", 200, |page| {
        page.contains("role=\"alert\"") && page.contains("pioneers.toml")
    });
    std::fs::write(&config, &good).expect("write");
    wait_for(&server, "/themes/open-wob.html", 200, |page| {
        !page.contains("role=\"alert\"")
    });

    // A template that does not compile: the earlier templates stay in use, and it is told.
    let template = test.root().join("templates/theme.html");
    std::fs::create_dir_all(template.parent().expect("a folder")).expect("folder");
    std::fs::write(&template, "{% if %}\n").expect("write");
    wait_for(&server, "/themes/open-wob.html", 200, |page| {
        page.contains("role=\"alert\"") && page.contains("theme.html") && page.contains("Open")
    });
    std::fs::remove_file(&template).expect("delete");
    wait_for(&server, "/themes/open-wob.html", 200, |page| {
        !page.contains("role=\"alert\"")
    });
}
