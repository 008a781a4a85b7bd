//! Excel keeps at most 32,767 characters in a cell: a longer CSV cell (the "Locations" of a
//! trial with a thousand sites runs to ninety thousand) is cut there, or its rest spills into
//! the cells and rows after it, moving every value behind it out of its column. The CSV stays
//! exact — it is the one file every tool reads whole — and the shells warn, for a file meant
//! for Excel, naming each trial, column and length that Excel would not keep; nothing is cut
//! for the reader, who would otherwise lose data without noticing.

use std::fmt;

use super::formula_guard;
use super::CSV_COLUMNS;

/// The most characters Excel keeps in one cell (Microsoft's "Excel specifications and
/// limits"), counted as Excel counts them: in UTF-16 code units, so a character outside the
/// Basic Multilingual Plane (an emoji, a rare CJK ideograph) counts twice.
pub const EXCEL_CELL_LIMIT: usize = 32_767;

/// A cell longer than Excel keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongCell {
    /// The record's row among the rows checked, from 1 (the row under the header).
    pub row: usize,
    /// Who the trial is: its NCT ID, or its title in quotes, or "row N" without either.
    pub trial: String,
    /// The column's name, one of [`CSV_COLUMNS`].
    pub column: &'static str,
    /// The cell's length as Excel counts it (see [`EXCEL_CELL_LIMIT`]).
    pub length: usize,
}

impl fmt::Display for LongCell {
    /// `NCT09990801: "Locations" has 93,371 characters; Excel keeps 32,767 in a cell and cuts
    /// or spills the rest`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: \"{}\" has {} characters; Excel keeps {} in a cell and cuts or spills the rest",
            self.trial,
            self.column,
            thousands(self.length),
            thousands(EXCEL_CELL_LIMIT)
        )
    }
}

/// Every cell of `rows` (as [`csv_rows`](super::csv_rows) makes them: one cell per column of
/// [`CSV_COLUMNS`]) longer than [`EXCEL_CELL_LIMIT`], row by row and column by column.
pub fn cells_over_excel_limit(rows: &[Vec<String>]) -> Vec<LongCell> {
    let mut long = Vec::new();
    for (index, cells) in rows.iter().enumerate() {
        for (column, cell) in CSV_COLUMNS.iter().zip(cells) {
            if let Some(length) = length_over_limit(cell) {
                long.push(LongCell {
                    row: index + 1,
                    trial: trial_name(cells, index + 1),
                    column,
                    length,
                });
            }
        }
    }
    long
}

/// A cell's length as Excel counts it (UTF-16 code units) when that is over the limit. A cell
/// has at least as many bytes as units, so one of up to the limit in bytes is not counted.
fn length_over_limit(cell: &str) -> Option<usize> {
    if cell.len() <= EXCEL_CELL_LIMIT {
        return None;
    }
    Some(cell.encode_utf16().count()).filter(|&units| units > EXCEL_CELL_LIMIT)
}

/// The NCT ID of a row, or its title in quotes (the first 80 characters), or "row N".
fn trial_name(cells: &[String], row: usize) -> String {
    let value = |column: &str| {
        let at = CSV_COLUMNS.iter().position(|c| *c == column)?;
        let cell = cells.get(at)?;
        let value = formula_guard::unguard(cell).unwrap_or(cell).trim();
        (!value.is_empty()).then_some(value)
    };
    if let Some(nct) = value("NCT Number") {
        return nct.to_string();
    }
    match value("Study Title") {
        Some(title) if title.chars().count() > 80 => {
            format!("\"{}…\"", title.chars().take(80).collect::<String>())
        }
        Some(title) => format!("\"{title}\""),
        None => format!("row {row}"),
    }
}

/// `93371` as "93,371".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of empty cells with these cells set.
    fn row(cells: &[(&str, String)]) -> Vec<String> {
        CSV_COLUMNS
            .iter()
            .map(|column| {
                cells
                    .iter()
                    .find(|(c, _)| c == column)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn cells_up_to_the_limit_pass_and_longer_ones_are_named() {
        let at_limit = "x".repeat(EXCEL_CELL_LIMIT);
        let over = "x".repeat(EXCEL_CELL_LIMIT + 1);
        let rows = [
            row(&[
                ("NCT Number", "NCT09990801".into()),
                ("Locations", at_limit),
            ]),
            row(&[
                ("NCT Number", "NCT09990802".into()),
                ("Brief Summary", over.clone()),
                ("Locations", "y".repeat(93_371)),
            ]),
        ];
        let long = cells_over_excel_limit(&rows);
        assert_eq!(
            long,
            [
                LongCell {
                    row: 2,
                    trial: "NCT09990802".into(),
                    column: "Brief Summary",
                    length: EXCEL_CELL_LIMIT + 1,
                },
                LongCell {
                    row: 2,
                    trial: "NCT09990802".into(),
                    column: "Locations",
                    length: 93_371,
                },
            ]
        );
        assert_eq!(
            long[1].to_string(),
            "NCT09990802: \"Locations\" has 93,371 characters; \
             Excel keeps 32,767 in a cell and cuts or spills the rest"
        );
        assert!(cells_over_excel_limit(&[]).is_empty());
    }

    #[test]
    fn length_is_counted_as_excel_counts_it() {
        // Two bytes each, one unit each: 20,000 of them are under the limit.
        let accented = "é".repeat(20_000);
        // Four bytes and two units each.
        let emoji = "🧪".repeat(16_384);
        let rows = [row(&[("Study Title", accented), ("Conditions", emoji)])];
        let long = cells_over_excel_limit(&rows);
        assert_eq!(long.len(), 1);
        assert_eq!((long[0].column, long[0].length), ("Conditions", 32_768));
    }

    #[test]
    fn a_trial_without_nct_id_is_named_by_its_title_or_its_row() {
        let over = || "x".repeat(EXCEL_CELL_LIMIT + 1);
        let long_title = format!("'={}", "T".repeat(100));
        let rows = [
            row(&[
                ("Study Title", "A Fictional Title".into()),
                ("Locations", over()),
            ]),
            row(&[("Study Title", long_title), ("Locations", over())]),
            row(&[("Locations", over())]),
        ];
        let names: Vec<String> = cells_over_excel_limit(&rows)
            .into_iter()
            .map(|c| c.trial)
            .collect();
        assert_eq!(
            names,
            [
                "\"A Fictional Title\"".to_string(),
                format!("\"={}…\"", "T".repeat(79)),
                "row 3".to_string(),
            ]
        );
    }

    #[test]
    fn large_numbers_get_thousands_commas() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(thousands(n), text);
        }
    }
}
