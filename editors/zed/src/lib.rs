//! Starts `pioneers lsp` (found on the PATH) for Markdown files.
#![forbid(unsafe_code)]

use zed_extension_api as zed;

struct Pioneers;

impl zed::Extension for Pioneers {
    fn new() -> Self {
        Pioneers
    }

    fn language_server_command(
        &mut self,
        _server: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let command = worktree
            .which("pioneers")
            .ok_or("pioneers is not on the PATH: install it (see the README) and restart Zed")?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into()],
            env: Vec::new(),
        })
    }
}

zed::register_extension!(Pioneers);
