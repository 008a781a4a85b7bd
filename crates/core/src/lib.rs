//! trialcards-core turns the text of saved clinical-trial registry pages into
//! ClinicalTrials.gov API v2 `Study` records.
//!
//! It owns the record model ([`model`]), the checks and decoding before parsing
//! ([`input`], which also turns saved web pages — HTML and MHTML — into the text a browser
//! shows), the format sniffing ([`formats`]), the layout detection and one reader per
//! registry layout (internal: [`parse`] and [`parse_as`] drive them, and [`Layout`] names
//! the layouts), working with many records at once ([`collection`]), the criteria's
//! thresholds and a first check of a person against them ([`eligibility`]), and the writers
//! that export records as JSON, CSV and RIS ([`export`]). It does no I/O and has no UI or browser
//! dependency: the CLI and the web app hand it text and get records back.
//!
//! ```
//! let page = "ClinicalTrials.Veeva\n\nMenu\n\nA Fictional Trial of Cells\n\nIdentifiers\n\nNCT09999999\n";
//! let parsed = trialcards_core::parse("page.txt", page);
//! let study = &parsed.records[0];
//! assert_eq!(study.nct_id(), Some("NCT09999999"));
//! assert_eq!(study.brief_title(), Some("A Fictional Trial of Cells"));
//! ```

#![warn(missing_docs)]
// Without `structured` (see `here.rs`) the readers of CT.gov's formats are left unused, not
// written twice: their helpers are dead in that build only.
#![cfg_attr(
    not(feature = "structured"),
    allow(dead_code, unused_imports, unused_variables, unreachable_code)
)]

pub(crate) mod case;
pub mod collection;
pub(crate) mod decimal;
pub(crate) mod detect;
pub mod eligibility;
pub mod export;
pub(crate) mod fields;
pub mod formats;
mod here;
pub mod input;
pub(crate) mod json_value;
pub(crate) mod lines;
pub mod model;
pub(crate) mod readers;
mod reading;
pub mod stream;
pub(crate) mod vocab;

pub use detect::Layout;
pub use model::{Diagnostic, Severity, Study};

/// The few internals that the core's own integration tests, benchmarks and fuzz targets drive
/// directly (line scanning, page detection, a label lookup, two limits). For tests only: not
/// part of the API, and free to change with the internals; everything else goes through
/// [`parse`], [`parse_as`] and [`parse_bytes`].
#[doc(hidden)]
pub mod testing {
    pub use crate::detect::{detect_pages, PageSpan};
    pub use crate::fields::criteria::MAX_DEPTH;
    pub use crate::fields::markup::unescape;
    pub use crate::lines::{scan, split_labelled, Label, Line};
    pub use crate::readers::results_table_cells;
}

/// Everything one input produced: the records found in it and what was odd about it.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ParseOutput {
    /// The records found, in the order their pages appear in the input.
    pub records: Vec<Study>,
    /// Problems with the input as a whole (for example: no registry page found).
    pub diagnostics: Vec<Diagnostic>,
}

pub use here::{parse_here, READS_STRUCTURED};

/// Parses one input (a file or a pasted text) named `name` into records.
///
/// Never fails and never panics: an input that holds no registry page gives no
/// record and a diagnostic that says why.
pub fn parse(name: &str, text: &str) -> ParseOutput {
    parse_as(name, text, formats::sniff(text))
}

/// Parses one input as the given format, whatever its content looks like (the fuzz
/// targets drive each reader this way). Never fails and never panics.
pub fn parse_as(name: &str, text: &str, format: formats::Format) -> ParseOutput {
    // Every reader but the CSV one gets the text normalized; that one cleans each cell itself,
    // so that a cell our CSV writer guarded against spreadsheet formulas reads back exactly.
    let normalized;
    let text: &str = if format == formats::Format::CtgovCsv {
        text
    } else {
        normalized = input::normalize::normalize(text);
        &normalized
    };
    let structured = || input::normalize::line_breaks(text);
    match format {
        formats::Format::Html => readers::saved_page::read_html(name, &structured()),
        formats::Format::Mhtml => readers::saved_page::read_mhtml(name, text),
        formats::Format::PageText => readers::read(name, text),
        #[cfg(feature = "structured")]
        formats::Format::CtgovJson => readers::ctgov_json::read(name, &structured()),
        #[cfg(feature = "structured")]
        formats::Format::CtgovCsv => readers::ctgov_csv::read(name, text),
        #[cfg(feature = "structured")]
        formats::Format::CtgovXml => readers::ctgov_xml::read(name, &structured()),
        #[cfg(not(feature = "structured"))]
        formats::Format::CtgovJson | formats::Format::CtgovCsv | formats::Format::CtgovXml => {
            here::hand_on();
            ParseOutput::default()
        }
    }
}

/// The text a record's provenance counts lines in, which a viewer shows as the record's
/// source: for a saved web page (HTML, MHTML) the visible text the page readers read, for
/// anything else the input's own text. Lines are split as [`parse`] splits them (`\n`,
/// `\r\n` or a lone `\r`).
pub fn source_text(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let visible = |html: &str| {
        let page = input::html_text::html_to_text(html);
        Cow::Owned(input::normalize::normalize(&page.text).into_owned())
    };
    match formats::sniff(text) {
        formats::Format::Html => {
            let normalized = input::normalize::normalize(text);
            visible(&input::normalize::line_breaks(&normalized))
        }
        formats::Format::Mhtml => {
            let normalized = input::normalize::normalize(text);
            match input::mhtml::html_part(normalized.as_bytes()) {
                Some(html) => visible(&html),
                None => Cow::Borrowed(text),
            }
        }
        _ => Cow::Borrowed(text),
    }
}

/// The lines of a source text as [`parse`] numbers them (line 1 first; `\n`, `\r\n` or a
/// lone `\r` ends a line).
pub fn source_lines(text: &str) -> Vec<&str> {
    lines::scan(text).into_iter().map(|l| l.text).collect()
}

/// Parses one input given as bytes (a file as read from disk): refuses inputs that
/// are empty, too large or not text ([`input::check_input`]), decodes the rest and
/// parses it. Never fails and never panics.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> ParseOutput {
    if let Some(problem) = input::check_input(name, bytes) {
        return ParseOutput {
            records: Vec::new(),
            diagnostics: vec![problem],
        };
    }
    parse(name, &input::decode_text(bytes))
}
