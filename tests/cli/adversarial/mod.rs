//! Adversarial tests: what an attacker could send through a pull request that CI validates,
//! renders and publishes. One module per kind of attack; each test names the finding it
//! guards against.

mod files;
mod inputs;
mod text;
