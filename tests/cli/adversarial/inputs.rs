//! Input an attacker controls: ids given to `new`, `--where` nesting, YAML aliases, CSV, graph and SARIF output.

#[allow(unused_imports)]
use crate::support::Test;
