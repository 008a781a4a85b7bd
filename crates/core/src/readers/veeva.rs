//! Reader for ClinicalTrials.Veeva study pages.

use crate::model::Study;

/// Whether `text` looks like a ClinicalTrials.Veeva page.
pub(crate) fn looks_like(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .is_some_and(|line| line == "ClinicalTrials.Veeva")
}

/// Reads the title (the first line after "Menu") and the NCT ID (under "Identifiers").
pub(crate) fn read(text: &str) -> Study {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut study = Study::default();
    let id = &mut study.protocol_section.identification_module;
    if let Some(menu) = lines.iter().position(|l| *l == "Menu") {
        id.brief_title = lines.get(menu + 1).map(|s| s.to_string());
    }
    if let Some(at) = lines.iter().position(|l| *l == "Identifiers") {
        id.nct_id = lines[at + 1..]
            .iter()
            .find(|l| is_nct_id(l))
            .map(|s| s.to_string());
    }
    study
}

fn is_nct_id(s: &str) -> bool {
    s.len() == 11 && s.starts_with("NCT") && s[3..].bytes().all(|b| b.is_ascii_digit())
}
