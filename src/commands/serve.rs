//! `pioneers serve`: the address on standard output, each build's problems on standard
//! error, until Ctrl-C.

use std::io::Write;

use super::{Context, EXIT_OK, Result};
use crate::cli::ServeArgs;
use crate::kb::date::system_today;
use crate::kb::find_root;
use crate::msg::Msg;
use crate::serve::{Options, run as serve, summary};

/// Serves the knowledge base's site until the process is stopped.
pub(super) fn run(context: &Context, args: &ServeArgs, out: &mut dyn Write) -> Result {
    let lang = context.lang();
    let options = Options {
        root: find_root(context.root.as_deref(), context.cwd()),
        today: context.today.unwrap_or_else(system_today),
        bind: args.bind,
        port: args.port,
        lang_flag: context.lang_flag(),
        lang,
    };
    if !args.bind.is_loopback() {
        eprintln!(
            "{}",
            Msg::ServeNotLoopback(args.bind.to_string()).text(lang)
        );
    }
    let mut announced = Ok(());
    serve(
        &options,
        |address| {
            let url = format!("http://{address}/");
            announced = writeln!(out, "{}", Msg::ServeListening(url.clone()).text(lang))
                .and_then(|()| out.flush());
            if args.open {
                open_in_browser(&url);
            }
        },
        |built| eprintln!("{}", summary(built, lang)),
    )?;
    announced?;
    Ok(EXIT_OK)
}

/// Asks the system to open `url` in the default browser; a failure only means the user
/// opens it by hand.
fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
