//! `pioneers lsp`: a Language Server Protocol server over standard input and output for the
//! Markdown files of the knowledge base.
//!
//! Built on `lsp-server` and `lsp-types`, the crates rust-analyzer is built on: a
//! synchronous loop over messages, no async runtime. Every request is answered from the
//! knowledge base in memory in a few milliseconds, so there is nothing to run concurrently
//! and nothing to cancel. The whole base is loaded once; open buffers are laid over the files
//! on disk ([`state`]); files changed outside the editor come in as watched-file events.

mod complete;
mod convert;
mod cursor;
mod edit;
mod keystroke;
mod navigate;
pub mod position;
mod state;

use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::Result;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, RegisterCapability, Rename, Request as _,
    WorkspaceSymbolRequest,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, OneOf, PublishDiagnosticsParams, Registration,
    RegistrationParams, RenameOptions, ServerCapabilities, TextDocumentPositionParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, Url,
    WorkDoneProgressOptions,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use time::Date;

use crate::kb::{Document, find_root};
use crate::lang::Lang;
use crate::msg::Msg;
use position::Lines;
use state::{Change, Origin, State};

/// What the server needs to start.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--root`, if given; else the editor's workspace folder, else the working directory,
    /// decides (each searched upwards for `pioneers.toml`).
    pub root: Option<PathBuf>,
    /// The working directory.
    pub cwd: PathBuf,
    /// The day that decides planned and held.
    pub today: Date,
    /// `--lang`, if given; else `PIONEERS_LANG`, the knowledge base's language, the locale.
    pub lang_flag: Option<Lang>,
}

/// Serves the editor on `input` and `output` (standard input and output) until it says
/// `exit`: one thread reads messages, the server answers them in another, and this one
/// writes what the server sends.
pub fn run(
    options: &Options,
    input: impl BufRead + Send + 'static,
    output: &mut dyn Write,
) -> Result<()> {
    let (server, client) = Connection::memory();
    let to_server = client.sender;
    std::thread::spawn(move || {
        let mut input = input;
        while let Ok(Some(message)) = Message::read(&mut input) {
            if to_server.send(message).is_err() {
                break;
            }
        }
    });
    let options = options.clone();
    let serving = std::thread::spawn(move || serve(&server, &options));
    for message in client.receiver {
        message.write(&mut &mut *output)?;
        output.flush()?;
    }
    match serving.join() {
        Ok(served) => served,
        Err(_) => Err(anyhow::anyhow!("the editor server stopped unexpectedly")),
    }
}

/// Serves on `connection`: the handshake, then every message until `exit`.
pub fn serve(connection: &Connection, options: &Options) -> Result<()> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let root = options.root.clone().unwrap_or_else(|| {
        find_root(
            None,
            &workspace_folder(&params).unwrap_or_else(|| options.cwd.clone()),
        )
    });
    let mut state = State::load(&root, options.today, Lang::En)?;
    state.lang = crate::lang::for_messages(
        options.lang_flag,
        state.kb.config.language.as_deref(),
        &|name| std::env::var(name).ok(),
    );
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": { "name": "pioneers", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result)?;
    if can_register_watchers(&params) {
        register_watchers(connection)?;
    }
    let everything: Vec<String> = state.diagnostics.keys().cloned().collect();
    publish(connection, &state, &everything)?;
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if request.method == lsp_types::request::Shutdown::METHOD {
                    // After `shutdown`, an editor that closes the connection without `exit`
                    // has still ended the session properly.
                    let _ = connection.handle_shutdown(&request);
                    return Ok(());
                }
                let response = respond(&state, request);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(notification) => {
                let changes = changes(&state, notification);
                if !changes.is_empty() {
                    match state.change(changes) {
                        Ok(changed) => publish(connection, &state, &changed)?,
                        Err(error) => eprintln!("pioneers lsp: {error:#}"),
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// The first workspace folder (or the root URI) the editor names, as a path.
fn workspace_folder(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|f| &f.uri);
    #[allow(deprecated)] // Older editors only send `rootUri`.
    let uri = folder.or(params.root_uri.as_ref())?;
    uri.to_file_path().ok()
}

/// What the server can do.
fn capabilities() -> ServerCapabilities {
    let triggers = [":", " ", "[", ",", "(", "#", "/", "-"];
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(triggers.iter().map(|t| (*t).to_string()).collect()),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        ..ServerCapabilities::default()
    }
}

/// Whether the editor lets the server ask to be told about changed files.
fn can_register_watchers(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false)
}

/// Asks the editor to report every change to files of the workspace.
fn register_watchers(connection: &Connection) -> Result<()> {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String("**/*".into()),
            kind: None,
        }],
    };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: "pioneers-watch".into(),
            method: DidChangeWatchedFiles::METHOD.into(),
            register_options: Some(serde_json::to_value(options)?),
        }],
    };
    let request = Request::new(
        RequestId::from("pioneers-watch".to_string()),
        RegisterCapability::METHOD.into(),
        params,
    );
    connection.sender.send(Message::Request(request))?;
    Ok(())
}

/// Publishes the diagnostics of each of `paths` (an empty list clears them).
fn publish(connection: &Connection, state: &State, paths: &[String]) -> Result<()> {
    for path in paths {
        let Some(uri) = convert::uri(&state.root, path) else {
            continue;
        };
        let text = file_text(state, path);
        let lines = Lines::new(text);
        let diagnostics = state
            .diagnostics
            .get(path)
            .map(|all| {
                all.iter()
                    .map(|d| lsp_types::Diagnostic {
                        related_information: convert::related(&state.root, d, state.lang),
                        ..convert::diagnostic(d, text, &lines, state.lang)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: state.buffers.get(path).map(|b| b.version),
        };
        let notification = Notification::new(PublishDiagnostics::METHOD.into(), params);
        connection
            .sender
            .send(Message::Notification(notification))?;
    }
    Ok(())
}

/// The text of any file read, also one that is not a document.
fn file_text<'a>(state: &'a State, path: &str) -> &'a str {
    state
        .text(path)
        .or_else(|| {
            state
                .kb
                .files
                .iter()
                .find(|f| f.path == path)
                .map(|f| f.text.as_str())
        })
        .unwrap_or_default()
}

/// The changes a notification brings.
fn changes(state: &State, notification: Notification) -> Vec<Change> {
    let root = &state.root;
    let inside = |uri: &Url| convert::relative(root, uri);
    match notification.method.as_str() {
        DidOpenTextDocument::METHOD => params::<lsp_types::DidOpenTextDocumentParams>(notification)
            .and_then(|p| {
                let path = inside(&p.text_document.uri)?;
                Some(vec![Change {
                    path,
                    origin: Origin::Buffer(p.text_document.text, p.text_document.version),
                }])
            }),
        DidChangeTextDocument::METHOD => {
            params::<lsp_types::DidChangeTextDocumentParams>(notification).and_then(|p| {
                let path = inside(&p.text_document.uri)?;
                let text = p.content_changes.into_iter().last()?.text;
                Some(vec![Change {
                    path,
                    origin: Origin::Buffer(text, p.text_document.version),
                }])
            })
        }
        DidCloseTextDocument::METHOD => {
            params::<lsp_types::DidCloseTextDocumentParams>(notification).and_then(|p| {
                Some(vec![Change {
                    path: inside(&p.text_document.uri)?,
                    origin: Origin::Closed,
                }])
            })
        }
        DidChangeWatchedFiles::METHOD => {
            params::<lsp_types::DidChangeWatchedFilesParams>(notification).map(|p| {
                p.changes
                    .iter()
                    .filter_map(|c| inside(&c.uri))
                    .map(|path| Change {
                        path,
                        origin: Origin::Disk,
                    })
                    .collect()
            })
        }
        _ => None,
    }
    .unwrap_or_default()
}

fn params<P: DeserializeOwned>(notification: Notification) -> Option<P> {
    serde_json::from_value(notification.params).ok()
}

/// The answer to one request.
fn respond(state: &State, request: Request) -> Response {
    let id = request.id.clone();
    match request.method.as_str() {
        Completion::METHOD => answer(state, request, |state, p: lsp_types::CompletionParams| {
            let (doc, offset) = place(state, &p.text_document_position)?;
            Some(lsp_types::CompletionResponse::List(complete::complete(
                state, doc, offset,
            )))
        }),
        HoverRequest::METHOD => answer(state, request, |state, p: lsp_types::HoverParams| {
            let (doc, offset) = place(state, &p.text_document_position_params)?;
            navigate::hover(state, doc, offset)
        }),
        GotoDefinition::METHOD => answer(
            state,
            request,
            |state, p: lsp_types::GotoDefinitionParams| {
                let (doc, offset) = place(state, &p.text_document_position_params)?;
                navigate::definition(state, doc, offset)
                    .map(lsp_types::GotoDefinitionResponse::Scalar)
            },
        ),
        References::METHOD => answer(state, request, |state, p: lsp_types::ReferenceParams| {
            let (doc, offset) = place(state, &p.text_document_position)?;
            Some(navigate::find_references(
                state,
                doc,
                offset,
                p.context.include_declaration,
            ))
        }),
        DocumentSymbolRequest::METHOD => answer(
            state,
            request,
            |state, p: lsp_types::DocumentSymbolParams| {
                let doc = document(state, &p.text_document.uri)?;
                Some(lsp_types::DocumentSymbolResponse::Nested(
                    navigate::document_symbols(state, doc),
                ))
            },
        ),
        WorkspaceSymbolRequest::METHOD => answer(
            state,
            request,
            |state, p: lsp_types::WorkspaceSymbolParams| {
                Some(lsp_types::WorkspaceSymbolResponse::Nested(
                    navigate::workspace_symbols(state, &p.query),
                ))
            },
        ),
        CodeActionRequest::METHOD => {
            answer(state, request, |state, p: lsp_types::CodeActionParams| {
                let path = convert::relative(&state.root, &p.text_document.uri)?;
                Some(edit::code_actions(state, &path, p.range))
            })
        }
        PrepareRenameRequest::METHOD => {
            fallible(state, request, |state, p: TextDocumentPositionParams| {
                let (doc, offset) = place(state, &p).ok_or(Msg::RenameNotHere)?;
                edit::prepare_rename(state, doc, offset)
            })
        }
        Rename::METHOD => fallible(state, request, |state, p: lsp_types::RenameParams| {
            let (doc, offset) =
                place(state, &p.text_document_position).ok_or(Msg::RenameNotHere)?;
            edit::rename(state, doc, offset, &p.new_name)
        }),
        _ => Response::new_err(
            id,
            ErrorCode::MethodNotFound as i32,
            format!("unknown method {}", request.method),
        ),
    }
}

/// Answers `request` with what `f` gives for its parameters (`null` for nothing).
fn answer<P, R>(state: &State, request: Request, f: impl FnOnce(&State, P) -> Option<R>) -> Response
where
    P: DeserializeOwned,
    R: Serialize,
{
    fallible(state, request, |state, p| Ok(f(state, p)))
}

/// Answers `request` with what `f` gives, or with its refusal as an error in the user's
/// language.
fn fallible<P, R>(
    state: &State,
    request: Request,
    f: impl FnOnce(&State, P) -> Result<R, Msg>,
) -> Response
where
    P: DeserializeOwned,
    R: Serialize,
{
    let id = request.id;
    match serde_json::from_value::<P>(request.params) {
        Err(error) => Response::new_err(id, ErrorCode::InvalidParams as i32, error.to_string()),
        Ok(params) => match f(state, params) {
            Ok(result) => Response::new_ok(id, result),
            Err(refusal) => Response::new_err(
                id,
                ErrorCode::RequestFailed as i32,
                refusal.text(state.lang),
            ),
        },
    }
}

/// The document of `uri`.
fn document<'a>(state: &'a State, uri: &Url) -> Option<&'a Document> {
    let path = convert::relative(&state.root, uri)?;
    let &i = state.kb.by_path.get(&path)?;
    state.kb.documents.get(i)
}

/// The document and byte offset of a position.
fn place<'a>(state: &'a State, at: &TextDocumentPositionParams) -> Option<(&'a Document, usize)> {
    let doc = document(state, &at.text_document.uri)?;
    let text = state.kb.text(doc);
    Some((doc, Lines::new(text).offset(text, at.position)))
}
