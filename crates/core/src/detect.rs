//! The layout detector: finds where each registry page starts in an input and which layout it has.

use crate::lines::Line;
use crate::readers::{meddatax, veeva};

/// The page layouts trialcards reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A ClinicalTrials.Veeva study page.
    Veeva,
    /// A meddatax.com study page (labelled or bare values).
    Meddatax,
    /// A meddatax.com results page ("Trial Outcomes & Findings for …").
    MeddataxResults,
    /// Any other page: the best-effort generic reader.
    Generic,
    /// ClinicalTrials.gov API v2 JSON (never detected in page text: see [`crate::formats`]).
    CtgovJson,
    /// Classic ClinicalTrials.gov XML (never detected in page text).
    CtgovXml,
    /// ClinicalTrials.gov's CSV download (never detected in page text).
    CtgovCsv,
}

impl Layout {
    /// The name recorded in `trialcards.source.layout`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Veeva => "veeva",
            Layout::Meddatax => "meddatax",
            Layout::MeddataxResults => "meddatax-results",
            Layout::Generic => "generic",
            Layout::CtgovJson => "ctgov-json",
            Layout::CtgovXml => "ctgov-xml",
            Layout::CtgovCsv => "ctgov-csv",
        }
    }
}

/// One page of an input: its layout and its lines `start..end` (indices into the scanned lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSpan {
    /// The page's layout.
    pub layout: Layout,
    /// Index of the page's first line.
    pub start: usize,
    /// Index one past the page's last line.
    pub end: usize,
}

/// Where a page of a known layout starts, judged from the line at `i`.
fn page_start(lines: &[Line<'_>], i: usize) -> Option<(usize, Layout)> {
    let text = lines[i].text;
    if text == veeva::SITE_MARKER {
        return Some((i, Layout::Veeva));
    }
    if meddatax::is_results_title(text) {
        return Some((i, Layout::MeddataxResults));
    }
    if meddatax::is_id_line(text) && meddatax::follows_as_study(&lines[i + 1..]) {
        // The title is the non-blank line before "NCT ID:", unless that line is itself a page start.
        let prev = lines[..i].iter().rposition(|l| !l.is_blank());
        return match prev {
            Some(p) if meddatax::is_results_title(lines[p].text) => None,
            Some(p) if !meddatax::is_heading(lines[p].text) => Some((p, Layout::Meddatax)),
            _ => Some((i, Layout::Meddatax)),
        };
    }
    None
}

/// Splits an input into pages. Pages start at a layout's start marker; text before the first
/// marker belongs to the first page. Without markers the whole input is one page whose layout is
/// judged by its headings. An input without any sign of a registry page gives no span.
pub fn detect_pages(lines: &[Line<'_>]) -> Vec<PageSpan> {
    let mut starts: Vec<(usize, Layout)> = Vec::new();
    for i in 0..lines.len() {
        if let Some((at, layout)) = page_start(lines, i) {
            if starts.last().is_none_or(|(s, _)| *s < at) {
                starts.push((at, layout));
            }
        }
    }
    if starts.is_empty() {
        let layout = if veeva::heading_score(lines) >= 3 {
            Layout::Veeva
        } else if meddatax::heading_score(lines) >= 3 {
            if lines.iter().any(|l| meddatax::is_results_heading(l.text)) {
                Layout::MeddataxResults
            } else {
                Layout::Meddatax
            }
        } else if lines.iter().any(|l| !l.is_blank()) {
            Layout::Generic
        } else {
            return Vec::new();
        };
        return vec![PageSpan {
            layout,
            start: 0,
            end: lines.len(),
        }];
    }
    let mut spans = Vec::new();
    for (k, (at, layout)) in starts.iter().enumerate() {
        let start = if k == 0 { 0 } else { *at };
        let end = starts.get(k + 1).map(|(s, _)| *s).unwrap_or(lines.len());
        spans.push(PageSpan {
            layout: *layout,
            start,
            end,
        });
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::scan;

    #[test]
    fn two_pages_pasted_one_after_the_other() {
        let text = "ClinicalTrials.Veeva\nMenu\nA\n\nClinicalTrials.Veeva\nMenu\nB\n";
        let lines = scan(text);
        let pages = detect_pages(&lines);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].start, 4);
        assert!(pages.iter().all(|p| p.layout == Layout::Veeva));
    }

    #[test]
    fn meddatax_page_starts_at_its_title() {
        let text = "junk\nA Fictional Title\nNCT ID: NCT09990002\nLast Updated: 2024-01-01\nStudy Results\n";
        let lines = scan(text);
        let pages = detect_pages(&lines);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].layout, Layout::Meddatax);
    }

    #[test]
    fn plain_prose_is_generic_and_empty_text_is_nothing() {
        assert_eq!(detect_pages(&scan("just words")).len(), 1);
        assert!(detect_pages(&scan("\n  \n")).is_empty());
    }
}
