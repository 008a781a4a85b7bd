//! Layout detection and one reader per registry layout.

mod veeva;

use crate::model::{Diagnostic, Severity, SourceInfo};
use crate::ParseOutput;

/// Detects the layout of `text` and runs the matching reader.
pub(crate) fn read(name: &str, text: &str) -> ParseOutput {
    if veeva::looks_like(text) {
        let mut study = veeva::read(text);
        study.trialcards.source = SourceInfo {
            file_name: name.to_string(),
            layout: "veeva".to_string(),
            byte_length: text.len(),
        };
        return ParseOutput {
            records: vec![study],
            diagnostics: Vec::new(),
        };
    }
    ParseOutput {
        records: Vec::new(),
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            line: None,
            message: format!("{name}: no clinical-trial registry page was found in this text"),
        }],
    }
}
