//! Spreadsheet formula injection: page text is untrusted, and a CSV cell that starts with `=`,
//! `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and
//! Google Sheets. The writer puts an apostrophe before such a cell, which spreadsheets show as
//! text (OWASP's advice for CSV injection); the CT.gov CSV reader removes that apostrophe, so
//! the value reads back as it was. A value that itself starts with apostrophes before such a
//! character gets one more, so every value reads back unchanged; the one cost is that a cell of
//! someone else's CSV starting with `'=` (or `'+`, …) reads without its apostrophe.

use std::borrow::Cow;

/// The first characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell`, after any apostrophes it starts with, starts as a formula would.
fn needs_guard(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// `cell` made safe for a spreadsheet: `=1+1` becomes `'=1+1` (and `'=x` becomes `''=x`);
/// any other cell is unchanged.
pub(crate) fn guard(cell: &str) -> Cow<'_, str> {
    if needs_guard(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The value of a cell [`guard`] wrote: `'=1+1` gives `=1+1`. An apostrophe before anything
/// else is the cell's own text and stays (`'Tis` is `'Tis`).
pub(crate) fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_an_apostrophe_and_lose_it_on_reading() {
        for cell in ["=1+1", "+44 20", "-5", "@SUM(A1)", "\tx", "\rx"] {
            let guarded = guard(cell);
            assert_eq!(guarded, format!("'{cell}"));
            assert_eq!(unguard(&guarded), cell);
        }
    }

    #[test]
    fn other_cells_are_left_alone() {
        for cell in ["", "Plain", "'Tis a title", "1=1", " =x", "'"] {
            assert_eq!(guard(cell), cell);
            assert_eq!(unguard(cell), cell);
        }
    }

    #[test]
    fn values_starting_with_apostrophes_before_a_formula_round_trip() {
        for cell in ["'=x", "''-1", "'@"] {
            let guarded = guard(cell);
            assert_eq!(guarded, format!("'{cell}"));
            assert_eq!(unguard(&guarded), cell);
        }
    }
}
