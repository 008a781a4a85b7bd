//! Whether this build reads what it is given. A build without the `structured` feature (the
//! browser's page worker, which must download small) leaves out the readers of CT.gov's own
//! formats (v2 JSON, classic XML, CSV) and of a study embedded as JSON in a page: those are
//! most of the model's deserialization. An input that needs one is not read there but handed
//! on ([`parse_here`] is `None`) to a build that has them.

use std::cell::Cell;

use crate::ParseOutput;

thread_local! {
    /// Set by a reader this build leaves out, while [`parse_here`] runs.
    static HANDED_ON: Cell<bool> = const { Cell::new(false) };
}

/// Whether this build has the readers of CT.gov JSON, XML, CSV and of embedded studies.
pub const READS_STRUCTURED: bool = cfg!(feature = "structured");

/// Called where this build lacks the reader an input needs: [`parse_here`] then hands it on.
#[cfg_attr(feature = "structured", allow(dead_code))]
pub(crate) fn hand_on() {
    HANDED_ON.with(|h| h.set(true));
}

/// [`crate::parse`], when this build can read the input; `None` when it needs a reader this
/// build leaves out (only without the `structured` feature): parse it with a build that has
/// it. Never panics.
pub fn parse_here(name: &str, text: &str) -> Option<ParseOutput> {
    HANDED_ON.with(|h| h.set(false));
    let out = crate::parse(name, text);
    (!HANDED_ON.with(|h| h.replace(false))).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs that need the structured readers, each with the trial it holds.
    fn structured_inputs() -> Vec<(&'static str, &'static str, &'static str)> {
        vec![
            (
                "study.json",
                include_str!("../tests/fixtures/ctgov_json_study_graft_failure.json"),
                "NCT09990021",
            ),
            (
                "study.xml",
                include_str!("../tests/fixtures/ctgov_xml_study_graft_failure.xml"),
                "NCT09990021",
            ),
            (
                "studies.csv",
                include_str!("../tests/fixtures/ctgov_csv_three_rows.csv"),
                "",
            ),
            (
                "page.html",
                include_str!("../tests/fixtures/saved_pages/ctgov_embedded_study.html"),
                "NCT09990021",
            ),
            (
                "page.txt",
                include_str!("../tests/fixtures/generic_embedded_json.txt"),
                "",
            ),
        ]
    }

    const PAGE: &str =
        "ClinicalTrials.Veeva\n\nMenu\n\nA Fictional Trial of Cells\n\nIdentifiers\n\nNCT09999999\n";

    #[cfg(feature = "structured")]
    #[test]
    fn with_the_structured_readers_everything_is_read_here() {
        const { assert!(READS_STRUCTURED) };
        for (name, text, nct) in structured_inputs() {
            let out = parse_here(name, text).unwrap_or_else(|| panic!("{name} handed on"));
            assert!(!out.records.is_empty(), "{name}: no record");
            if !nct.is_empty() {
                assert_eq!(out.records[0].nct_id(), Some(nct), "{name}");
            }
        }
        let out = parse_here("page.txt", PAGE).expect("read here");
        assert_eq!(out.records[0].nct_id(), Some("NCT09999999"));
    }

    #[cfg(not(feature = "structured"))]
    #[test]
    fn without_the_structured_readers_ctgov_files_and_embedded_studies_are_handed_on() {
        const { assert!(!READS_STRUCTURED) };
        for (name, text, _) in structured_inputs() {
            assert!(parse_here(name, text).is_none(), "{name} read here");
        }
        let out = parse_here("page.txt", PAGE).expect("a plain page is read here");
        assert_eq!(out.records[0].nct_id(), Some("NCT09999999"));
        // The flag is not left set for the next input.
        assert!(parse_here("page.txt", PAGE).is_some());
    }
}
