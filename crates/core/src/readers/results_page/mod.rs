//! The tables of a results page read into the v2 `resultsSection`: meddatax.com results pages
//! ("Trial Outcomes & Findings for …") and ClinicalTrials.gov's classic results tab. How a
//! page prints a table (one cell a line, cells between bar lines, one row a line) is
//! [`table`]'s; what a cell says is [`cells`]'; each module's rules are its builder's
//! ([`flow`], [`baseline`], [`outcomes`], [`events`], [`more_info`]; a measure's table, the
//! baseline's and each outcome's, is [`measure_table`]'s). The rules these sites
//! keep:
//!
//! - A table's header row names the groups, in order: each group's title, then its number
//!   analysed ("n=15 Participants", or the classic tab's "Overall Number of … Participants"
//!   row) and its description. A group's ID is its place in its table's header (`FG000`,
//!   `BG000` … the total last, `OG000` afresh in each outcome, `EG000`).
//! - A row's label comes first, then one cell a group. On a meddatax page the label starts
//!   with the row's period (participant flow) or measure title (baseline), then the milestone
//!   or the category (a class title before it when the label has three lines); lines naming
//!   what the values are ("Mean (Standard Deviation)", "Unit of measure: years") say so of
//!   the measure. The classic tab prints the period ("Period Title: …") or the measure's
//!   title, kind and unit on lines of their own above its rows.
//! - A value cell is read as the measure's dispersion implies: "12.5 (3.1)" is a value and its
//!   spread, "6.5 (3.0 to 9.5)" a value and its limits, "15 Participants" the count 15 in the
//!   unit Participants, "18 56.3%" the count 18 (the share follows from the count). A number
//!   analysed under a cell is its class's.
//! - Labelled lines ("Time frame: Week 12", a label alone over its value, the classic tab's
//!   "Time Frame⇥Week 12") fill the module's or outcome's fields.
//!
//! Every value placed keeps its lines (`trialcards.spans`, then `provenance`). What a rule
//! cannot place is left to the caller: the meddatax reader keeps every results section as
//! text (`trialcards.results`), the generic reader lists the classic tab's unplaced lines as
//! unrecognised.

mod baseline;
pub(crate) mod cells;
pub(crate) mod classic;
mod events;
mod flow;
mod measure_table;
mod more_info;
pub(crate) mod outcomes;
pub(crate) mod table;

use std::collections::HashSet;

use crate::lines::Line;
use crate::model::Study;
use crate::reading::spans;
use table::{key, Item, Key, Style};

/// The modules a results page's sections fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The participant flow.
    Flow,
    /// The baseline characteristics.
    Baseline,
    /// The outcome measures.
    Outcomes,
    /// The adverse events (their totals, serious and other events).
    Events,
    /// Limitations, agreements and the point of contact.
    MoreInfo,
}

/// What reading one part placed.
#[derive(Debug, Default)]
pub(crate) struct Placed {
    /// The numbers of the lines holding text nothing was placed from.
    pub unused: Vec<usize>,
    /// How many table cells the part's lines hold.
    pub cells: usize,
    /// How many of them were placed.
    pub placed_cells: usize,
    /// Whether anything was placed.
    pub any: bool,
}

/// What a builder works with: the record, the texts it has placed, and the page's style.
pub(crate) struct Ctx<'s> {
    /// The record.
    pub study: &'s mut Study,
    /// The texts placed so far.
    used: HashSet<Key>,
    /// How the page prints its tables.
    pub style: Style,
}

impl Ctx<'_> {
    /// Notes the text `l` as placed.
    pub(crate) fn take(&mut self, l: &Line<'_>) {
        self.used.insert(key(l));
    }

    /// Notes the texts `ls` as placed.
    pub(crate) fn take_all<'x>(&mut self, ls: impl IntoIterator<Item = &'x Line<'x>>) {
        ls.into_iter().for_each(|l| self.take(l));
    }

    /// Records the lines of `ls` (first to last) as the span of the value at `path`.
    pub(crate) fn at<'x>(&mut self, path: &str, ls: impl IntoIterator<Item = &'x Line<'x>>) {
        if let Some((from, to)) = span_of(ls) {
            spans::at(self.study, path, from, to);
        }
    }

    /// Widens the span of the value at `path` to take in the lines of `ls`.
    /// Places a group's heading: the group at `at` on its title and description lines, each
    /// of those at its own path, and takes the lines.
    pub(crate) fn group_head(&mut self, at: &str, h: &table::Head<'_>) {
        self.at(at, std::iter::once(&h.title).chain(&h.description));
        self.at(&format!("{at}.title"), [&h.title]);
        if !h.description.is_empty() {
            self.at(&format!("{at}.description"), &h.description);
        }
        self.take(&h.title);
        self.take_all(&h.description);
    }

    pub(crate) fn widen<'x>(&mut self, path: &str, ls: impl IntoIterator<Item = &'x Line<'x>>) {
        if let Some((from, to)) = span_of(ls) {
            spans::widen(self.study, path, from, to);
        }
    }
}

/// The first and last line numbers of `ls`.
fn span_of<'x>(ls: impl IntoIterator<Item = &'x Line<'x>>) -> Option<(usize, usize)> {
    ls.into_iter().fold(None, |acc, l| match acc {
        None => Some((l.no, l.no)),
        Some((a, b)) => Some((a.min(l.no), b.max(l.no))),
    })
}

/// A group's ID: its table's prefix and its place in the header (`FG000`).
pub(crate) fn group_id(prefix: &str, index: usize) -> String {
    format!("{prefix}{index:03}")
}

/// A description's lines as one text.
pub(crate) fn join(lines: &[Line<'_>]) -> String {
    lines.iter().map(|l| l.text).collect::<Vec<_>>().join("\n")
}

/// A labelled value an item holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Field<'a> {
    /// "Label: value" on one line, or a classic row "Label⇥value": which label, the value, and
    /// the texts it is read from.
    Value {
        /// The label's index in the list asked for.
        label: usize,
        /// The value (part of its line).
        value: Line<'a>,
        /// The texts holding the label and the value.
        from: Vec<Line<'a>>,
    },
    /// A label alone on its line: its value is the next line.
    Label {
        /// The label's index in the list asked for.
        label: usize,
        /// The label's line.
        line: Line<'a>,
    },
}

/// The index of the label in `labels` that `text` is (without case, a colon after it allowed).
pub(crate) fn label_index(text: &str, labels: &[&str]) -> Option<usize> {
    let t = text.trim().trim_end_matches(':').trim_end();
    labels.iter().position(|l| l.eq_ignore_ascii_case(t))
}

/// The labelled value `item` holds, for one of `labels`.
pub(crate) fn field<'a>(item: &Item<'a>, labels: &[&str]) -> Option<Field<'a>> {
    match item {
        Item::Text(l) => {
            if let Some(label) = label_index(l.text, labels) {
                return Some(Field::Label { label, line: *l });
            }
            let (name, value) = l.text.split_once(':')?;
            let label = label_index(name, labels)?;
            let value = value.trim();
            (!value.is_empty()).then(|| Field::Value {
                label,
                value: Line {
                    no: l.no,
                    text: value,
                    indent: 0,
                },
                from: vec![*l],
            })
        }
        Item::Row(row) => {
            let [name] = row.label.as_slice() else {
                return None;
            };
            let label = label_index(name.text, labels)?;
            match row.cells.as_slice() {
                [cell] if cell.len() == 1 => Some(Field::Value {
                    label,
                    value: cell[0],
                    from: vec![*name, cell[0]],
                }),
                _ => None,
            }
        }
        Item::Header(_) => None,
    }
}

/// Reads the non-blank `lines` of one part of a results page printed in `style` into the
/// record's `resultsSection`.
pub(crate) fn read(study: &mut Study, part: Part, style: Style, lines: &[Line<'_>]) -> Placed {
    let tokens = table::tokens(lines, style);
    let mut cx = Ctx {
        study,
        used: HashSet::new(),
        style,
    };
    let items = &tokens.items;
    match part {
        Part::Flow => flow::read(&mut cx, items),
        Part::Baseline => baseline::read(&mut cx, items),
        Part::Outcomes => outcomes::read(&mut cx, items),
        Part::Events => events::read(&mut cx, items),
        Part::MoreInfo => more_info::read(&mut cx, items),
    }
    let mut placed = Placed {
        any: !cx.used.is_empty(),
        ..Placed::default()
    };
    for t in &tokens.texts {
        let k = key(t);
        let used = cx.used.contains(&k);
        if tokens.cells.contains(&k) {
            placed.cells += 1;
            placed.placed_cells += usize::from(used);
        }
        if !used && placed.unused.last() != Some(&t.no) {
            placed.unused.push(t.no);
        }
    }
    placed
}
