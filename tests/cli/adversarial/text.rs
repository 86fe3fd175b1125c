//! Text an attacker writes: invalid UTF-8, control characters, positions in huge files.

#[allow(unused_imports)]
use crate::support::Test;
