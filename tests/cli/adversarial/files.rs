//! Files an attacker plants: symbolic links, dot-files, generated paths, render housekeeping.

#[allow(unused_imports)]
use crate::support::Test;
