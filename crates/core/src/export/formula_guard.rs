//! Spreadsheet formula injection: page text is untrusted, and a CSV cell that starts with `=`,
//! `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and
//! Google Sheets — also when spaces, invisible characters or line breaks come first, which a
//! spreadsheet's import may trim (a space, a no-break space, U+FEFF, U+200B, a line feed …).
//! The writer puts an apostrophe before such a cell, which spreadsheets show as text (OWASP's
//! advice for CSV injection). The CT.gov CSV reader takes that apostrophe off and reads the
//! rest of the cell exactly as written, without the trimming and cleaning it gives other
//! cells, so the value reads back as it was (` =1+1` is ` =1+1`, `\r=1` is `\r=1`). A value
//! that itself starts with apostrophes before such a start gets one more, so every value reads
//! back unchanged; the one cost is that a cell of someone else's CSV starting with `'=` (or
//! `'+`, `' =`, …) reads without its apostrophe.

use std::borrow::Cow;

use crate::input::normalize;

/// The characters that make a spreadsheet treat a cell as a formula, wherever they come after
/// a cell's [lead-in](is_lead_in).
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// The control characters OWASP lists as formula starts when a cell begins with them.
const CONTROL_STARTS: [char; 2] = ['\t', '\r'];

/// Whether `c` can come before a formula start without making it plain text to a spreadsheet,
/// and is something the CSV reader would drop from the start of a cell: white space (spaces,
/// no-break spaces, tabs, line breaks) and the characters input normalization removes or
/// replaces (zero-width space, byte-order mark, soft hyphen, control characters …).
fn is_lead_in(c: char) -> bool {
    c.is_whitespace() || !normalize::keeps(c)
}

/// Whether `cell`, after any apostrophes it starts with, starts as a formula would: with a
/// tab or a carriage return, or with `=`, `+`, `-` or `@` after any lead-in characters.
fn needs_guard(cell: &str) -> bool {
    let rest = cell.trim_start_matches('\'');
    rest.starts_with(CONTROL_STARTS)
        || rest
            .trim_start_matches(is_lead_in)
            .starts_with(FORMULA_STARTS)
}

/// `cell` made safe for a spreadsheet: `=1+1` becomes `'=1+1`, ` =1+1` becomes `' =1+1`
/// (and `'=x` becomes `''=x`); any other cell is unchanged.
pub(crate) fn guard(cell: &str) -> Cow<'_, str> {
    if needs_guard(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// [`guard`] for a cell the writer owns: the cell itself when it needs no guard.
pub(crate) fn guard_owned(cell: String) -> String {
    match guard(&cell) {
        Cow::Borrowed(_) => cell,
        Cow::Owned(guarded) => guarded,
    }
}

/// The value of a cell [`guard`] wrote, exactly as it was before the guard: `'=1+1` gives
/// `=1+1`, `' =1+1` gives ` =1+1`. `None` for a cell `guard` did not change: an apostrophe
/// before anything else is the cell's own text (`'Tis` is not a guarded cell).
pub(crate) fn unguard(cell: &str) -> Option<&str> {
    cell.strip_prefix('\'').filter(|rest| needs_guard(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spaces, invisible characters and line breaks a spreadsheet or our reader may drop
    /// before a formula.
    const LEAD_INS: [&str; 12] = [
        " ",
        "   ",
        "\u{A0}",
        "\u{FEFF}",
        "\u{200B}",
        "\n",
        "\r",
        "\t",
        "\r\n",
        "\u{3000}",
        "\0",
        " \u{200B}\n\u{A0}",
    ];

    #[test]
    fn formula_starts_get_an_apostrophe_and_lose_it_on_reading() {
        for cell in ["=1+1", "+44 20", "-5", "@SUM(A1)", "\tx", "\rx"] {
            let guarded = guard(cell);
            assert_eq!(guarded, format!("'{cell}"));
            assert_eq!(unguard(&guarded), Some(cell));
        }
    }

    #[test]
    fn a_formula_after_spaces_invisible_characters_or_line_breaks_is_guarded() {
        for lead in LEAD_INS {
            for start in FORMULA_STARTS {
                let cell = format!("{lead}{start}1+1");
                let guarded = guard(&cell);
                assert_eq!(guarded, format!("'{cell}"), "{cell:?}");
                assert_eq!(unguard(&guarded), Some(cell.as_str()), "{cell:?}");
            }
        }
    }

    #[test]
    fn other_cells_are_left_alone() {
        for cell in [
            "",
            "Plain",
            "'Tis a title",
            "1=1",
            " x=1",
            "\u{A0}Plain",
            "\nPlain",
            "'",
            " ",
            "é=1",
        ] {
            assert_eq!(guard(cell), cell, "{cell:?}");
            assert_eq!(unguard(cell), None, "{cell:?}");
        }
    }

    #[test]
    fn values_starting_with_apostrophes_before_a_formula_round_trip() {
        for cell in ["'=x", "''-1", "'@", "' =x", "'\u{200B}+1", "'\r"] {
            let guarded = guard(cell);
            assert_eq!(guarded, format!("'{cell}"));
            assert_eq!(unguard(&guarded), Some(cell));
        }
    }
}
