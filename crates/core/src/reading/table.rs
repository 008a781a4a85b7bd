//! Tables whose header row names fields and whose rows hold their values, copied with the cell
//! separators lost: "Condition or disease Intervention/treatment Phase" over "Viral Disease
//! Drug: X Drug: Placebo Phase 1". A header row splits entirely into known labels
//! ([`header`]); a row splits into cells, one per label, where the recognisers find the cell
//! boundaries ([`split_row`]): a typed intervention ("Drug: X") starts an interventions cell,
//! a typed field's cell is a value its recogniser accepts (a phase, a status, a date, a
//! count), and free text (a condition, a sponsor) takes what no recogniser claims. With tabs or
//! ` | ` between the cells, cells end at the separators. A row may leave columns empty (a
//! second condition on a line of its own).

use super::pairs::{fits, is_typed};
use crate::lines::{is_label_edge, lookup_label, Label};
use crate::model::enums::InterventionType;
use crate::vocab;

/// The most columns a header row names.
const MAX_COLUMNS: usize = 8;

/// The longest header row looked at (the labels of a few columns).
const MAX_HEADER_BYTES: usize = 160;

/// The most words a header row holds.
const MAX_HEADER_WORDS: usize = 16;

/// The most words one label takes ("Health Condition(s) or Problem(s) Studied").
const MAX_LABEL_WORDS: usize = 6;

/// The longest row split into cells.
const MAX_ROW_BYTES: usize = 400;

/// The most words a row holds.
const MAX_ROW_WORDS: usize = 48;

/// The most words a typed field's value takes ("18 Years to 65 Years (Adult, Older Adult)").
const MAX_TYPED_WORDS: usize = 10;

/// How much checking one page's tables may take in all, a unit a cell tried (keeps hostile
/// pages fast: a real table's row takes a few hundred).
pub(crate) const CHECK_BUDGET: usize = 200_000;

/// What asking a recogniser whether a cell is its field's value costs from the budget.
const TYPED_CHECK_COST: usize = 10;

/// Separators a copied table may keep between its cells.
const SEPARATORS: &[&str] = &["\t", " | "];

/// A header row: the field each column names, in order, and the separator its cells keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// The field each column names.
    pub labels: Vec<Label>,
    /// The separator between cells (`\t`, ` | `), if the copy kept one.
    pub separator: Option<&'static str>,
}

/// One cell of a row: its column and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cell<'a> {
    /// The column (an index into [`Header::labels`]).
    pub column: usize,
    /// The cell's text.
    pub text: &'a str,
}

/// The header row `text` (already plain) is: two or more distinct known labels and nothing
/// else, split at tabs or bars when it has them, else at the label boundaries the synonym
/// table finds. `None` for any other line (a line that is one label is a bare label).
pub(crate) fn header(text: &str) -> Option<Header> {
    // Most lines fail the cheap tests: too long, no letter first, a colon, a first word that
    // begins no label.
    if text.len() > MAX_HEADER_BYTES
        || !text.starts_with(|c: char| c.is_alphabetic())
        || text.contains(':')
    {
        return None;
    }
    let first_end = text.bytes().position(|b| b.is_ascii_whitespace());
    if !is_label_edge(&text[..first_end.unwrap_or(text.len())], true) {
        return None;
    }
    let separator = SEPARATORS.iter().copied().find(|s| text.contains(s));
    let labels = match separator {
        Some(sep) => cell_labels(text, sep)?,
        None => word_labels(text)?,
    };
    let distinct = labels
        .iter()
        .enumerate()
        .all(|(i, l)| !labels[..i].contains(l));
    let told_apart = separator.is_some() || free_cells_bounded(&labels);
    (labels.len() >= 2 && labels.len() <= MAX_COLUMNS && distinct && told_apart)
        .then_some(Header { labels, separator })
}

/// Whether, without separators, each free-text column's cell can be told from the one before:
/// a free column comes first or right after a typed one (whose recogniser ends its cell).
fn free_cells_bounded(labels: &[Label]) -> bool {
    labels.iter().enumerate().all(|(i, l)| {
        Kind::of(*l) != Kind::Free || i == 0 || Kind::of(labels[i - 1]) == Kind::Typed
    })
}

/// The labels of a header whose cells are separated by `sep`, when every cell is one.
fn cell_labels(text: &str, sep: &str) -> Option<Vec<Label>> {
    text.split(sep)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .take(MAX_COLUMNS + 1)
        .map(lookup_label)
        .collect()
}

/// The byte range of each word of `text`.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let base = text.as_ptr() as usize;
    text.split_whitespace()
        .map(|w| {
            let from = w.as_ptr() as usize - base;
            (from, from + w.len())
        })
        .collect()
}

/// The labels a header without separators splits into, trying the longest label first at
/// each word.
fn word_labels(text: &str) -> Option<Vec<Label>> {
    let last = text.split_whitespace().next_back()?;
    if !is_label_edge(last, false) {
        return None;
    }
    let count = text.split_whitespace().take(MAX_HEADER_WORDS + 1).count();
    if !(2..=MAX_HEADER_WORDS).contains(&count) || lookup_label(text).is_some() {
        return None;
    }
    let words = word_ranges(text);
    let mut labels = Vec::new();
    let mut failed = 0u32;
    segment(text, &words, 0, &mut failed, &mut labels).then_some(labels)
}

/// Splits the words from `from` on into labels (pushed onto `out`); `failed` marks the word
/// indices known not to start a split.
fn segment(
    text: &str,
    words: &[(usize, usize)],
    from: usize,
    failed: &mut u32,
    out: &mut Vec<Label>,
) -> bool {
    if from == words.len() {
        return true;
    }
    if *failed & (1 << from) != 0 || !is_label_edge(&text[words[from].0..words[from].1], true) {
        return false;
    }
    let longest = (words.len() - from).min(MAX_LABEL_WORDS);
    for len in (1..=longest).rev() {
        let to = from + len;
        if let Some(label) = lookup_label(&text[words[from].0..words[to - 1].1]) {
            out.push(label);
            if segment(text, words, to, failed, out) {
                return true;
            }
            out.pop();
        }
    }
    *failed |= 1 << from;
    false
}

/// How many words the intervention type starting at word `i` takes ("Drug:" 1, "Dietary
/// Supplement:" 2), or 0 when none starts there.
fn type_words(text: &str, words: &[(usize, usize)], i: usize) -> usize {
    for len in 1..=2 {
        let Some(&(_, end)) = words.get(i + len - 1) else {
            return 0;
        };
        if text[..end].ends_with(':') {
            let head = &text[words[i].0..end - 1];
            return if vocab::lookup::<InterventionType>(head).is_some() {
                len
            } else {
                0
            };
        }
    }
    0
}

/// The interventions of a cell, each starting at its type ("Drug: A Drug: B" → "Drug: A",
/// "Drug: B"); `None` unless the cell starts with a type and every type has a name.
pub(crate) fn intervention_items(text: &str) -> Option<Vec<&str>> {
    let words = word_ranges(text);
    let starts: Vec<usize> = (0..words.len())
        .map(|i| type_words(text, &words, i))
        .collect();
    let bounds = item_bounds(&starts, 0, words.len())?;
    Some(
        bounds
            .windows(2)
            .map(|w| &text[words[w[0]].0..words[w[1] - 1].1])
            .collect(),
    )
}

/// The word indices where the items of the words `from..to` begin, then `to`: each item an
/// intervention type (`starts[i]` words long) and at least one word of name.
fn item_bounds(starts: &[usize], from: usize, to: usize) -> Option<Vec<usize>> {
    let mut bounds = Vec::new();
    let mut i = from;
    while i < to {
        let t = starts[i];
        if t == 0 || i + t >= to || starts[i + t] != 0 {
            return None;
        }
        bounds.push(i);
        i += t + 1;
        while i < to && starts[i] == 0 {
            i += 1;
        }
    }
    bounds.push(to);
    (bounds.len() > 1).then_some(bounds)
}

/// What decides where a column's cell ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A value a recogniser validates (a phase, a status, a date).
    Typed,
    /// Typed interventions ("Drug: X").
    Interventions,
    /// Free text: what no recogniser claims.
    Free,
}

impl Kind {
    /// The kind of a column naming `label`.
    fn of(label: Label) -> Kind {
        if label == Label::Interventions {
            Kind::Interventions
        } else if is_typed(label) {
            Kind::Typed
        } else {
            Kind::Free
        }
    }
}

/// The cells of the row `text` (already plain) under `header`. Columns marked in `taken`
/// already have their one value and get no cell; `budget` counts the recogniser checks left.
/// `None` when the row does not split into cells (then it is no row of the table).
pub(crate) fn split_row<'a>(
    text: &'a str,
    header: &Header,
    taken: &[bool],
    budget: &mut usize,
) -> Option<Vec<Cell<'a>>> {
    if text.len() > MAX_ROW_BYTES || text.is_empty() {
        return None;
    }
    if let Some(sep) = header.separator {
        let cells: Vec<&str> = text.split(sep).map(str::trim).collect();
        if cells.len() == header.labels.len() {
            if let Some(found) = in_columns(&cells, header, taken, budget) {
                return Some(found);
            }
        }
    }
    Row::new(text, header, taken, budget)?.cells()
}

/// A row whose separators give every column its cell: each non-empty cell checked against its
/// column.
fn in_columns<'a>(
    cells: &[&'a str],
    header: &Header,
    taken: &[bool],
    budget: &mut usize,
) -> Option<Vec<Cell<'a>>> {
    let mut out = Vec::new();
    for (column, &text) in cells.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        let label = header.labels[column];
        let fine = !taken[column]
            && match Kind::of(label) {
                Kind::Typed => spend(budget, TYPED_CHECK_COST) && fits(label, text),
                Kind::Interventions => intervention_items(text).is_some(),
                Kind::Free => true,
            };
        if !fine {
            return None;
        }
        out.push(Cell { column, text });
    }
    (!out.is_empty()).then_some(out)
}

/// Takes `cost` from the budget; `false` when not that much is left.
fn spend(budget: &mut usize, cost: usize) -> bool {
    if *budget < cost {
        return false;
    }
    *budget -= cost;
    true
}

/// What a state of the split does with its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// The column gets the words up to this one.
    Cell(usize),
    /// The column stays empty in this row.
    Skip,
}

/// A row being split into cells: its words, where separators stand, where intervention types
/// start, and the splits already known to fail.
struct Row<'a, 'h> {
    text: &'a str,
    words: Vec<(usize, usize)>,
    /// Whether a separator stands before each word (always `false` without separators).
    cut_before: Vec<bool>,
    /// How many words the intervention type starting at each word takes (0: none).
    starts: Vec<usize>,
    header: &'h Header,
    taken: &'h [bool],
    has_interventions: bool,
    budget: &'h mut usize,
    /// The best split from each (column, word, open) state, once known: its cost and first
    /// choice, or `None` when there is none.
    memo: Vec<Option<Option<(usize, Choice)>>>,
    /// Typed cells checked, by (column, from, length): whether the value fits.
    typed: Vec<Option<bool>>,
}

impl<'a, 'h> Row<'a, 'h> {
    /// The row `text` under `header`, nothing split yet; `None` when it has no words or more
    /// than a row holds.
    fn new(
        text: &'a str,
        header: &'h Header,
        taken: &'h [bool],
        budget: &'h mut usize,
    ) -> Option<Self> {
        let (words, cut_before) = match header.separator {
            Some(sep) => separated_words(text, sep),
            None => {
                let w = word_ranges(text);
                let n = w.len();
                (w, vec![false; n])
            }
        };
        if words.is_empty() || words.len() > MAX_ROW_WORDS {
            return None;
        }
        let starts = (0..words.len())
            .map(|i| type_words(text, &words, i))
            .collect();
        let states = (header.labels.len() + 1) * (words.len() + 1) * 2;
        let typed_slots = header.labels.len() * words.len() * MAX_TYPED_WORDS;
        Some(Row {
            text,
            words,
            cut_before,
            starts,
            has_interventions: header.labels.contains(&Label::Interventions),
            header,
            taken,
            budget,
            memo: vec![None; states],
            typed: vec![None; typed_slots],
        })
    }

    /// The best split of the words from `pos` on among the columns from `column` on: the
    /// fewest words left to free text (so free text takes only what no recogniser claims),
    /// then the earliest columns. `open` says the cell before ends where the next one starts
    /// (free text or interventions, without separators), so the next cell must be one a
    /// recogniser finds. Returns the split's cost; the choices are kept in `memo`.
    fn best(&mut self, column: usize, pos: usize, open: bool) -> Option<usize> {
        let n = self.words.len();
        if column == self.header.labels.len() {
            return (pos == n).then_some(0);
        }
        let key = self.key(column, pos, open);
        if let Some(known) = self.memo[key] {
            return known.map(|(cost, _)| cost);
        }
        let kind = Kind::of(self.header.labels[column]);
        let mut best: Option<(usize, Choice)> = None;
        if !self.taken[column] && pos < n {
            // A typed value takes as many words as its recogniser accepts; other cells end
            // where the next one can start.
            let ends: Vec<usize> = if kind == Kind::Typed {
                (pos + 1..=n.min(pos + MAX_TYPED_WORDS)).rev().collect()
            } else {
                (pos + 1..=n).collect()
            };
            let next_open = kind != Kind::Typed && self.header.separator.is_none();
            for end in ends {
                // The rest of the row first: most cells are ruled out by it without a check.
                let Some(rest) = self.best(column + 1, end, next_open) else {
                    continue;
                };
                if !self.is_cell(column, kind, pos, end, open) {
                    continue;
                }
                let cost = rest + if kind == Kind::Free { end - pos } else { 0 };
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, Choice::Cell(end)));
                }
            }
        }
        if let Some(rest) = self.best(column + 1, pos, open) {
            if best.is_none_or(|(c, _)| rest < c) {
                best = Some((rest, Choice::Skip));
            }
        }
        self.memo[key] = Some(best);
        best.map(|(cost, _)| cost)
    }

    /// Where the state (column, word, open) is kept in `memo`.
    fn key(&self, column: usize, pos: usize, open: bool) -> usize {
        (column * (self.words.len() + 1) + pos) * 2 + usize::from(open)
    }

    /// The cells of the best split, when there is one.
    fn cells(&mut self) -> Option<Vec<Cell<'a>>> {
        self.best(0, 0, false)?;
        let (mut column, mut pos, mut open) = (0, 0, false);
        let mut out = Vec::new();
        while column < self.header.labels.len() {
            let (_, choice) = self.memo[self.key(column, pos, open)]??;
            if let Choice::Cell(end) = choice {
                out.push(Cell {
                    column,
                    text: &self.text[self.words[pos].0..self.words[end - 1].1],
                });
                open = Kind::of(self.header.labels[column]) != Kind::Typed
                    && self.header.separator.is_none();
                pos = end;
            }
            column += 1;
        }
        (!out.is_empty()).then_some(out)
    }

    /// Whether the words `from..end` can be the cell of `column`.
    fn is_cell(&mut self, column: usize, kind: Kind, from: usize, end: usize, open: bool) -> bool {
        if !spend(self.budget, 1) {
            return false;
        }
        let n = self.words.len();
        let separated = self.header.separator.is_some();
        if separated
            && ((from > 0 && !self.cut_before[from])
                || (end < n && !self.cut_before[end])
                || self.cut_before[from + 1..end].iter().any(|c| *c))
        {
            return false;
        }
        match kind {
            // Free text never starts with a typed intervention when the table has a column for them.
            Kind::Free => {
                let typed_intervention = self.has_interventions && self.starts[from] > 0;
                !open && !typed_intervention
            }
            Kind::Interventions => item_bounds(&self.starts, from, end).is_some(),
            Kind::Typed => end - from <= MAX_TYPED_WORDS && self.typed_fits(column, from, end),
        }
    }

    /// Whether the words `from..end` are a value of `column`'s typed field (each span checked once).
    fn typed_fits(&mut self, column: usize, from: usize, end: usize) -> bool {
        let slot = (column * self.words.len() + from) * MAX_TYPED_WORDS + (end - from - 1);
        if let Some(known) = self.typed[slot] {
            return known;
        }
        let label = self.header.labels[column];
        let text = &self.text[self.words[from].0..self.words[end - 1].1];
        let known = spend(self.budget, TYPED_CHECK_COST) && fits(label, text);
        self.typed[slot] = Some(known);
        known
    }
}

/// The words of a row whose cells are separated by `sep`, and whether a separator stands
/// before each.
fn separated_words(text: &str, sep: &str) -> (Vec<(usize, usize)>, Vec<bool>) {
    let (mut words, mut cut_before) = (Vec::new(), Vec::new());
    let base = text.as_ptr() as usize;
    for cell in text.split(sep) {
        let mut first = true;
        for w in cell.split_whitespace() {
            let from = w.as_ptr() as usize - base;
            words.push((from, from + w.len()));
            cut_before.push(first);
            first = false;
        }
    }
    if let Some(c) = cut_before.first_mut() {
        *c = false;
    }
    (words, cut_before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells<'a>(text: &'a str, header: &Header) -> Option<Vec<(Label, &'a str)>> {
        let taken = vec![false; header.labels.len()];
        let mut budget = CHECK_BUDGET;
        split_row(text, header, &taken, &mut budget).map(|cs| {
            cs.iter()
                .map(|c| (header.labels[c.column], c.text))
                .collect()
        })
    }

    #[test]
    fn a_header_row_splits_into_labels() {
        let h = header("Condition or disease Intervention/treatment Phase").unwrap();
        assert_eq!(
            h.labels,
            [Label::Conditions, Label::Interventions, Label::Phase]
        );
        assert_eq!(h.separator, None);
        let tabs = header("Condition or disease\tIntervention/treatment\tPhase").unwrap();
        assert_eq!(tabs.labels, h.labels);
        assert_eq!(tabs.separator, Some("\t"));
        assert_eq!(
            header("Study Type | Recruitment Status").map(|h| h.labels),
            Some(vec![Label::StudyType, Label::OverallStatus])
        );
    }

    #[test]
    fn other_lines_are_no_header() {
        assert_eq!(header("Condition or disease"), None, "one label");
        assert_eq!(header("Sex Gender"), None, "one field twice");
        assert_eq!(header("Phase 2 Recruiting"), None);
        assert_eq!(header("Status: Recruiting"), None);
        assert_eq!(header("Knee pain in older adults"), None);
        assert_eq!(header("Status\tRecruiting"), None);
    }

    #[test]
    fn a_row_splits_where_the_recognisers_find_cells() {
        let h = header("Condition or disease Intervention/treatment Phase").unwrap();
        assert_eq!(
            cells("Viral Disease Drug: X-101 Drug: Placebo Phase 1", &h),
            Some(vec![
                (Label::Conditions, "Viral Disease"),
                (Label::Interventions, "Drug: X-101 Drug: Placebo"),
                (Label::Phase, "Phase 1"),
            ])
        );
        // A later row with only some columns: a second condition, or an intervention.
        assert_eq!(
            cells("Knee Stiffness", &h),
            Some(vec![(Label::Conditions, "Knee Stiffness")])
        );
        assert_eq!(
            cells("Dietary Supplement: zinc Phase 2", &h),
            Some(vec![
                (Label::Interventions, "Dietary Supplement: zinc"),
                (Label::Phase, "Phase 2")
            ])
        );
        // Free text takes only what no recogniser claims.
        assert_eq!(cells("Phase 3", &h), Some(vec![(Label::Phase, "Phase 3")]));
    }

    #[test]
    fn separators_bound_the_cells() {
        let h = header("Condition\tLead Sponsor\tStatus").unwrap();
        assert_eq!(
            cells("Knee Pain\tFictional College\tRecruiting", &h),
            Some(vec![
                (Label::Conditions, "Knee Pain"),
                (Label::LeadSponsor, "Fictional College"),
                (Label::OverallStatus, "Recruiting"),
            ])
        );
        // Fewer cells than columns: the recognisers place them.
        assert_eq!(
            cells("Knee Pain\tRecruiting", &h),
            Some(vec![
                (Label::Conditions, "Knee Pain"),
                (Label::OverallStatus, "Recruiting")
            ])
        );
        assert_eq!(cells("Knee Pain\tFictional\tsometimes", &h), None);
    }

    #[test]
    fn free_columns_that_cannot_be_told_apart_make_no_header() {
        assert_eq!(header("Condition Lead Sponsor"), None);
        assert_eq!(header("Intervention Lead Sponsor"), None);
        let h = header("Phase Lead Sponsor").unwrap();
        assert_eq!(
            cells("Phase 2 Fictional College", &h),
            Some(vec![
                (Label::Phase, "Phase 2"),
                (Label::LeadSponsor, "Fictional College")
            ])
        );
        assert!(header("Condition\tLead Sponsor").is_some());
    }

    #[test]
    fn a_column_with_its_value_takes_no_other() {
        let h = header("Recruitment Status Phase").unwrap();
        let mut budget = CHECK_BUDGET;
        let row = split_row("Recruiting Phase 2", &h, &[true, false], &mut budget);
        assert_eq!(row, None);
        let mut none = 0;
        assert_eq!(
            split_row("Recruiting Phase 2", &h, &[false, false], &mut none),
            None
        );
    }

    #[test]
    fn intervention_items_start_at_their_types() {
        assert_eq!(
            intervention_items("Drug: A Biological: B cells Dietary Supplement: zinc"),
            Some(vec![
                "Drug: A",
                "Biological: B cells",
                "Dietary Supplement: zinc"
            ])
        );
        assert_eq!(intervention_items("Drug: Drug: A"), None);
        assert_eq!(intervention_items("Placebo"), None);
        assert_eq!(intervention_items("Drug:"), None);
    }
}
