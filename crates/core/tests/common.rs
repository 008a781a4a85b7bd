//! Shared helpers for the integration tests: where the corpus lives, and reading a corpus file.

#![allow(dead_code)]

use std::path::PathBuf;

/// `/work/shared/corpus` seen from the workspace: `<crate>/../../../shared/corpus`.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// The text of a corpus file, or `None` (after printing a notice) when the corpus is absent.
pub fn corpus_file(relative: &str) -> Option<String> {
    let path = corpus_dir().join(relative);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            println!("notice: {} is absent; test skipped", path.display());
            None
        }
    }
}
