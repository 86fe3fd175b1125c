//! A small builder for running the binary on a fixture copied to a temporary folder.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The date every test runs on, so planned and held never drift.
pub const TODAY: &str = "2026-11-28";

/// A knowledge base in a temporary folder, and the command to run on it.
pub struct Test {
    dir: tempfile::TempDir,
    args: Vec<String>,
    envs: Vec<(String, String)>,
    cwd: Option<PathBuf>,
    fixed_today: bool,
}

/// What a run gave.
#[derive(Debug)]
pub struct Output {
    /// The exit status (`None` if killed).
    pub status: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Test {
    /// An empty knowledge base (just `content/`).
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("content")).expect("mkdir");
        Test {
            dir,
            args: Vec::new(),
            envs: Vec::new(),
            cwd: None,
            fixed_today: true,
        }
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        let test = Test::empty();
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        copy_dir(&source, test.root());
        test
    }

    /// The knowledge-base root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `contents` to `path` under the root.
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write");
        self
    }

    /// Adds arguments.
    pub fn args<I: IntoIterator<Item = S>, S: Into<String>>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.envs.push((key.into(), value.into()));
        self
    }

    /// Runs from `dir` under the root instead of the root itself.
    pub fn current_dir(mut self, dir: &str) -> Self {
        self.cwd = Some(self.root().join(dir));
        self
    }

    /// Leaves `--today` out, so `PIONEERS_TODAY` or the clock decide.
    pub fn without_today(mut self) -> Self {
        self.fixed_today = false;
        self
    }

    /// Runs the binary with `--today` fixed, killing it after 30 seconds.
    pub fn run(&self) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pioneers"));
        cmd.current_dir(self.cwd.as_deref().unwrap_or(self.root()))
            .env_remove("PIONEERS_TODAY")
            // Messages in English unless a test says otherwise (a fixture's pioneers.toml,
            // `--lang`, `PIONEERS_LANG`), whatever the machine's locale.
            .env_remove("PIONEERS_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .args(&self.args);
        if self.fixed_today {
            cmd.args(["--today", TODAY]);
        }
        for (key, value) in &self.envs {
            cmd.env(key, value);
        }
        run_with_timeout(cmd, Duration::from_secs(30))
    }

    /// Runs `validate` with `--format json` (and the arguments given, if any) and returns
    /// the parsed report.
    pub fn json(mut self) -> (Option<i32>, serde_json::Value) {
        if self.args.first().is_none_or(|a| a != "validate") {
            self.args.insert(0, "validate".into());
        }
        let output = self.args(["--format", "json"]).run();
        let json = serde_json::from_str(&output.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n{}", output.stdout, output.stderr));
        (output.status, json)
    }
}

/// Runs `render --out <root>/site` with `extra` flags on the knowledge base of `test`.
pub fn render_site(test: &Test, extra: &[&str]) -> Output {
    let out = test.root().join("site");
    Test::empty()
        .args([
            "--root",
            test.root().to_str().expect("utf-8"),
            "render",
            "--out",
            out.to_str().expect("utf-8"),
        ])
        .args(extra.iter().copied())
        .run()
}

/// Renders `test` into `<root>/site` with `extra` flags, which must succeed; gives the site.
pub fn rendered_site(test: &Test, extra: &[&str]) -> PathBuf {
    let output = render_site(test, extra);
    assert_eq!(output.status, Some(0), "{}{}", output.stdout, output.stderr);
    test.root().join("site")
}

/// The text of the file at `path` in the rendered site `out`.
pub fn read_site(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Runs `git ARGS` in `root` as a fixed test identity, dated `date` (`YYYY-MM-DD`) when
/// given; panics with git's message when it fails.
pub fn git(root: &Path, date: Option<&str>, args: &[&str]) {
    let mut command = std::process::Command::new("git");
    command.arg("-C").arg(root).args([
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.org",
        "-c",
        "commit.gpgsign=false",
    ]);
    if let Some(date) = date {
        command
            .env("GIT_COMMITTER_DATE", format!("{date}T12:00:00"))
            .env("GIT_AUTHOR_DATE", format!("{date}T12:00:00"));
    }
    let output = command.args(args).output().expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The official SARIF 2.1.0 schema (`tests/schemas/`) as a validator with format checks on.
///
/// The schema's `language` patterns have a stray `]` that strict regex engines reject when
/// the schema itself is checked; they do not concern our output (we write no `language`),
/// so they are replaced by what they mean.
pub fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).expect("schema");
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(text.matches(stray).count(), 2, "the schema changed");
    let text = text.replace(stray, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema json");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid schema")
}

/// Every way `sarif` breaks the official schema, one line each (empty when it conforms).
pub fn sarif_schema_errors(sarif: &serde_json::Value) -> Vec<String> {
    sarif_validator()
        .iter_errors(sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// The `code@line:column` of every diagnostic in a JSON report, for compact assertions.
pub fn located(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            format!(
                "{}@{}:{}:{}",
                d["code"].as_str().unwrap_or("?"),
                d["file"].as_str().unwrap_or("?"),
                d["line"],
                d["column"]
            )
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("fixture exists") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Runs `cmd` with no input, collecting its output, and kills it if it is still running
/// after `limit` (a hang fails one test instead of stalling the suite).
fn run_with_timeout(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() >= deadline {
            child.kill().expect("kill");
            break child.wait().expect("wait");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let text = |reader: std::thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&reader.join().expect("reader")).into_owned()
    };
    Output {
        status: status.code(),
        stdout: text(stdout),
        stderr: text(stderr),
    }
}

/// Reads `pipe` to its end on a thread, so a full pipe never blocks the child.
fn read_in_background(
    pipe: Option<impl Read + Send + 'static>,
) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            pipe.read_to_end(&mut bytes).expect("read");
        }
        bytes
    })
}

#[test]
fn a_hanging_command_is_killed_at_the_limit() {
    let started = Instant::now();
    let mut sleep = Command::new("sleep");
    sleep.arg("10");
    let output = run_with_timeout(sleep, Duration::from_millis(200));
    assert_eq!(output.status, None, "killed by a signal");
    assert!(started.elapsed() < Duration::from_secs(5));
}
