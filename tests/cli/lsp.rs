//! `pioneers lsp`: a scripted JSON-RPC client drives the real binary over standard input and
//! output (`Content-Length` framing) through an editing session on `tests/fixtures/lsp`, and
//! every reply is checked exactly against a snapshot.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{TODAY, Test};

/// The server, killed when the test ends (also when it fails).
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    root: PathBuf,
    /// Notifications received, oldest first, not yet taken.
    notifications: Vec<Value>,
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads one `Content-Length`-framed message; `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// Starts `pioneers lsp` on `root` with `args` and extra environment.
    fn start(root: &Path, env: &[(&str, &str)]) -> Client {
        let mut command = Command::new(env!("CARGO_BIN_EXE_pioneers"));
        command
            .current_dir(root)
            .env_remove("PIONEERS_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .args(["lsp", "--today", TODAY])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            next_id: 1,
            root: root.to_path_buf(),
            notifications: Vec::new(),
        }
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_string(message).expect("json");
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    /// The next message from the server, within ten seconds.
    fn receive(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(10))
            .expect("the server answers within ten seconds")
    }

    /// Sends a request and returns its response; notifications that come first are kept,
    /// requests from the server are answered with `null`.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.keep(message);
        }
    }

    fn keep(&mut self, message: Value) {
        match (message.get("id"), message.get("method")) {
            (Some(id), Some(_)) => {
                let id = id.clone();
                self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
            (None, Some(_)) => self.notifications.push(message),
            _ => {}
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The URI of `rel` under the root.
    fn uri(&self, rel: &str) -> String {
        format!("file://{}/{rel}", self.root.display())
    }

    /// `value` with the root's URI written as `file:///ROOT`.
    fn portable(&self, value: &Value) -> Value {
        let text = serde_json::to_string(value).expect("json");
        let root = format!("file://{}", self.root.display());
        serde_json::from_str(&text.replace(&root, "file:///ROOT")).expect("json")
    }

    fn initialize(&mut self) -> Value {
        let root_uri = format!("file://{}", self.root.display());
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "capabilities": {
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
                }
            }),
        );
        self.notify("initialized", json!({}));
        response
    }

    /// The diagnostics published for `rel` until now or within ten seconds: the newest.
    fn diagnostics_of(&mut self, rel: &str) -> Value {
        let uri = self.uri(rel);
        loop {
            let newest = self.notifications.iter().rposition(|n| {
                n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
            });
            if let Some(at) = newest {
                let found = self.notifications.remove(at);
                self.notifications.retain(|n| n["params"]["uri"] != uri);
                return found["params"].clone();
            }
            let message = self.receive();
            self.keep(message);
        }
    }

    fn open(&mut self, rel: &str) -> String {
        let text = std::fs::read_to_string(self.root.join(rel)).expect("read");
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
        text
    }

    fn change(&mut self, rel: &str, version: i64, text: &str) {
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn at(&self, rel: &str, line: u32, character: u32) -> Value {
        json!({"textDocument": {"uri": self.uri(rel)}, "position": {"line": line, "character": character}})
    }

    fn shutdown(mut self) -> Option<i32> {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null);
        self.notify("exit", Value::Null);
        for _ in 0..100 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the server did not exit");
    }
}

/// The `(line, character)` in UTF-16 code units of the first `needle` in `text` (plus
/// `extra` characters).
fn position_of(text: &str, needle: &str, extra: usize) -> (u32, u32) {
    let at = text.find(needle).expect("needle");
    let at = at
        + needle
            .chars()
            .take(extra)
            .map(char::len_utf8)
            .sum::<usize>();
    let before = &text[..at];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column: usize = before[start..].chars().map(char::len_utf16).sum();
    (line as u32, column as u32)
}

/// The byte offset of an LSP position in `text`.
fn offset_of(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().expect("line") as usize;
    let character = position["character"].as_u64().expect("character") as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Applies a workspace edit's text edits and file renames to the files under `root`, as an
/// editor would; gives the paths it wrote, moved or removed.
fn apply_workspace_edit(root: &Path, edit: &Value) -> Vec<String> {
    let mut touched = Vec::new();
    let prefix = format!("file://{}/", root.display());
    for change in edit["documentChanges"].as_array().expect("documentChanges") {
        if change["kind"] == "rename" {
            let from = change["oldUri"]
                .as_str()
                .expect("old")
                .strip_prefix(&prefix)
                .expect("inside");
            let to = change["newUri"]
                .as_str()
                .expect("new")
                .strip_prefix(&prefix)
                .expect("inside");
            std::fs::rename(root.join(from), root.join(to)).expect("rename");
            touched.extend([from.to_string(), to.to_string()]);
            continue;
        }
        let rel = change["textDocument"]["uri"]
            .as_str()
            .expect("uri")
            .strip_prefix(&prefix)
            .expect("inside");
        let mut text = std::fs::read_to_string(root.join(rel)).expect("read");
        let mut edits: Vec<&Value> = change["edits"].as_array().expect("edits").iter().collect();
        edits.sort_by_key(|e| std::cmp::Reverse(offset_of(&text, &e["range"]["start"])));
        for e in edits {
            let start = offset_of(&text, &e["range"]["start"]);
            let end = offset_of(&text, &e["range"]["end"]);
            text.replace_range(start..end, e["newText"].as_str().expect("newText"));
        }
        std::fs::write(root.join(rel), text).expect("write");
        touched.push(rel.to_string());
    }
    touched
}

#[test]
fn an_editing_session_answers_every_request_exactly() {
    let test = Test::fixture("lsp");
    let mut client = Client::start(test.root(), &[]);
    let mut transcript = serde_json::Map::new();
    let mut record = |client: &Client, name: &str, value: Value| {
        transcript.insert(name.to_string(), client.portable(&value));
    };
    let initialize = client.initialize();
    record(&client, "initialize", initialize["result"].clone());

    let checklist = "content/themes/checklist.md";
    let text = client.open(checklist);
    let published = client.diagnostics_of(checklist);
    record(&client, "diagnostics after open", published);

    let (line, character) = position_of(&text, "zwole", 2);
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": client.uri(checklist)},
            "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}},
            "context": {"diagnostics": []}
        }),
    );
    record(&client, "code actions on zwole", actions["result"].clone());

    let hover = client.request("textDocument/hover", client.at(checklist, line, character));
    record(&client, "hover on a problem", hover["result"].clone());

    // A keystroke that breaks the title's accents into two lines and fixes the typo.
    let edited = text.replace("zwole", "zwolle").replace(
        "title: Checklist 🙂 één",
        "title: Checklist 🙂 één\ntitel: x",
    );
    client.change(checklist, 2, &edited);
    let published = client.diagnostics_of(checklist);
    record(&client, "diagnostics after change", published);

    // Completion of ids in a reference field, ranked by likeness to what is typed.
    let typing = edited.replace("carriers: [utrecht, zwolle]", "carriers: [utrecht, zw]");
    client.change(checklist, 3, &typing);
    let (line, character) = position_of(&typing, "zw]", 2);
    let completion = client.request(
        "textDocument/completion",
        client.at(checklist, line, character),
    );
    record(
        &client,
        "completion of an organisation id",
        completion["result"].clone(),
    );
    client.change(checklist, 4, &edited);

    // Completion of the keys the document does not have yet, on a new line.
    let typing = edited.replace("related:", "sta\nrelated:");
    client.change(checklist, 5, &typing);
    let (line, character) = position_of(&typing, "sta\n", 3);
    let completion = client.request(
        "textDocument/completion",
        client.at(checklist, line, character),
    );
    record(&client, "completion of keys", completion["result"].clone());
    let typing = edited.replace("related:", "status: \nrelated:");
    client.change(checklist, 6, &typing);
    let (line, character) = position_of(&typing, "status: ", 8);
    let completion = client.request(
        "textDocument/completion",
        client.at(checklist, line, character),
    );
    record(
        &client,
        "completion of an enum",
        completion["result"].clone(),
    );
    let typing = edited.replace("related:", "tags: [op]\nrelated:");
    client.change(checklist, 7, &typing);
    let (line, character) = position_of(&typing, "[op]", 3);
    let completion = client.request(
        "textDocument/completion",
        client.at(checklist, line, character),
    );
    record(
        &client,
        "completion of tags in use",
        completion["result"].clone(),
    );
    client.change(checklist, 8, &edited);

    let (line, character) = position_of(&edited, "open-wob.md#aanpak", 12);
    let completion = client.request(
        "textDocument/completion",
        client.at(checklist, line, character),
    );
    record(
        &client,
        "completion of anchors",
        completion["result"].clone(),
    );

    let typing = edited.replace(
        "en [Utrecht](../organisations/utrecht.md)",
        "en [Zwolle](../org",
    );
    client.change(checklist, 9, &typing);
    let (line, character) = position_of(&typing, "](../org", 8);
    let completion = client.request(
        "textDocument/completion",
        client.at(checklist, line, character),
    );
    record(
        &client,
        "completion of a link",
        completion["result"].clone(),
    );
    client.change(checklist, 10, &edited);

    let session = "content/sessions/2017-09-18-kick-off.md";
    let session_text = client.open(session);
    let typing = session_text.replace("date: 2017-09-18", "date: ");
    client.change(session, 2, &typing);
    let (line, character) = position_of(&typing, "date: ", 6);
    let completion = client.request(
        "textDocument/completion",
        client.at(session, line, character),
    );
    record(
        &client,
        "completion of today's date",
        completion["result"].clone(),
    );
    client.change(session, 3, &session_text);

    let (line, character) = position_of(&edited, "[utrecht", 3);
    let hover = client.request("textDocument/hover", client.at(checklist, line, character));
    record(&client, "hover on a reference", hover["result"].clone());
    let (line, character) = position_of(&edited, "summary", 2);
    let hover = client.request("textDocument/hover", client.at(checklist, line, character));
    record(&client, "hover on a key", hover["result"].clone());

    let (line, character) = position_of(&edited, "open-wob.md#aanpak", 3);
    let definition = client.request(
        "textDocument/definition",
        client.at(checklist, line, character),
    );
    record(
        &client,
        "definition of a link with an anchor",
        definition["result"].clone(),
    );
    let (line, character) = position_of(&edited, "[open-wob]", 3);
    let definition = client.request(
        "textDocument/definition",
        client.at(checklist, line, character),
    );
    record(
        &client,
        "definition of a reference",
        definition["result"].clone(),
    );

    let mut at = client.at(checklist, line, character);
    at["context"] = json!({"includeDeclaration": true});
    let references = client.request("textDocument/references", at);
    record(
        &client,
        "references of open-wob",
        references["result"].clone(),
    );

    let open_wob = "content/themes/open-wob.md";
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": client.uri(open_wob)}}),
    );
    record(&client, "document symbols", symbols["result"].clone());
    let symbols = client.request("workspace/symbol", json!({"query": "cafe"}));
    record(
        &client,
        "workspace symbols for cafe",
        symbols["result"].clone(),
    );

    let (line, character) = position_of(&edited, "[utrecht", 3);
    let prepared = client.request(
        "textDocument/prepareRename",
        client.at(checklist, line, character),
    );
    record(
        &client,
        "prepare rename on a reference",
        prepared["result"].clone(),
    );
    let own = client.request("textDocument/prepareRename", client.at(checklist, 0, 1));
    record(
        &client,
        "prepare rename on the opening line",
        own["result"].clone(),
    );
    let refused = client.request("textDocument/prepareRename", client.at(checklist, 2, 3));
    record(&client, "prepare rename on a key", refused["error"].clone());
    let mut rename = client.at(checklist, line, character);
    rename["newName"] = json!("zwolle");
    let taken = client.request("textDocument/rename", rename.clone());
    record(&client, "rename onto a taken id", taken["error"].clone());
    rename["newName"] = json!("gemeente-utrecht");
    let renamed = client.request("textDocument/rename", rename);
    record(&client, "rename", renamed["result"].clone());

    assert_eq!(client.shutdown(), Some(0));
    insta::assert_json_snapshot!("lsp_session", Value::Object(transcript));
}

/// The checklist of the fixture without its unknown reference.
const CHECKLIST_FIXED: &str = "---\ntitle: Checklist 🙂 één\nsummary: Wat heb je nodig?\ncarriers: [utrecht, zwolle]\nrelated: [open-wob]\n---\nZie [de aanpak](open-wob.md#aanpak) en [Utrecht](../organisations/utrecht.md).\n";

#[test]
fn a_rename_applied_by_the_editor_leaves_a_valid_knowledge_base() {
    let test = Test::fixture("lsp").file("content/themes/checklist.md", CHECKLIST_FIXED);
    let mut client = Client::start(test.root(), &[]);
    client.initialize();
    let session = "content/sessions/2017-09-18-kick-off.md";
    let text = std::fs::read_to_string(test.root().join(session)).expect("read");
    let (line, character) = position_of(&text, "[utrecht", 1);
    let mut rename = client.at(session, line, character);
    rename["newName"] = json!("gemeente-utrecht");
    let edit = client.request("textDocument/rename", rename)["result"].clone();
    let touched = apply_workspace_edit(test.root(), &edit);
    let changed: Vec<Value> = touched
        .iter()
        .map(|rel| json!({"uri": client.uri(rel), "type": 2}))
        .collect();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": changed}),
    );
    let hover = client.request("textDocument/hover", client.at(session, line, character));
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("`gemeente-utrecht`")),
        "{hover}"
    );
    assert_eq!(client.shutdown(), Some(0));
    assert!(
        !test
            .root()
            .join("content/organisations/utrecht.md")
            .exists()
    );
    let checklist =
        std::fs::read_to_string(test.root().join("content/themes/checklist.md")).expect("read");
    assert!(
        checklist.contains("carriers: [gemeente-utrecht, zwolle]"),
        "{checklist}"
    );
    assert!(
        checklist.contains("(../organisations/gemeente-utrecht.md)"),
        "{checklist}"
    );
    let output = test.args(["validate", "--deny-warnings"]).run();
    assert_eq!(
        output.status,
        Some(1),
        "only the missing retrospective: {}",
        output.stderr
    );
    assert!(
        output.stdout.contains("0 errors") || output.stderr.contains("0 errors"),
        "{output:?}"
    );
}

#[test]
fn an_edit_reports_what_it_breaks_in_other_documents_in_dutch() {
    let test = Test::fixture("lsp");
    let mut client = Client::start(test.root(), &[("PIONEERS_LANG", "nl")]);
    client.initialize();
    let open_wob = "content/themes/open-wob.md";
    let text = client.open(open_wob);
    client.change(open_wob, 2, &text.replace("## Aanpak\n", ""));
    let published = client.diagnostics_of("content/themes/checklist.md");
    let published = client.portable(&published);
    assert_eq!(client.shutdown(), Some(0));
    insta::assert_json_snapshot!("lsp_broken_elsewhere_nl", published);
}

#[test]
fn files_changed_on_disk_and_closed_buffers_count_again() {
    let test = Test::fixture("lsp");
    let checklist = "content/themes/checklist.md";
    let mut client = Client::start(test.root(), &[]);
    client.initialize();
    let count = |published: &Value| published["diagnostics"].as_array().map_or(0, Vec::len);
    assert_eq!(count(&client.diagnostics_of(checklist)), 1);
    std::fs::write(test.root().join(checklist), CHECKLIST_FIXED).expect("write");
    let changes = json!({"changes": [{"uri": client.uri(checklist), "type": 2}]});
    client.notify("workspace/didChangeWatchedFiles", changes);
    assert_eq!(count(&client.diagnostics_of(checklist)), 0, "fixed on disk");
    client.open(checklist);
    client.change(checklist, 2, &CHECKLIST_FIXED.replace("zwolle", "zwole"));
    assert_eq!(
        count(&client.diagnostics_of(checklist)),
        1,
        "broken in the buffer"
    );
    let uri = client.uri(checklist);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(
        count(&client.diagnostics_of(checklist)),
        0,
        "the disk counts again"
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_duplicate_id_points_at_the_other_document() {
    let test = Test::fixture("lsp").file(
        "content/themes/oud/open-wob.md",
        "---\ntitle: Oud\nsummary: S\n---\n",
    );
    let mut client = Client::start(test.root(), &[]);
    client.initialize();
    let published = client.diagnostics_of("content/themes/oud/open-wob.md");
    let published = client.portable(&published);
    assert_eq!(client.shutdown(), Some(0));
    insta::assert_json_snapshot!("lsp_duplicate_id", published);
}
