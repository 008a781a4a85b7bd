//! A results section's lines as text, table headers and table rows, in the three ways results
//! pages print a table:
//!
//! - **one cell a line** ([`per_line`]): a "Measure" line, then each group's title (with "n=15
//!   Participants" and a description under it), then the rows, each its label's lines and one
//!   value cell a group. Nothing marks where a cell ends, so the rows are found by their
//!   values ([`cells::is_value_cell`]) and the header by how its groups are drawn: every group
//!   alike (a title, its number analysed, as many description lines as the others), or, with
//!   no numbers analysed, a title and one description line each or a title alone;
//! - **cells between bar lines** ([`pipes`]): a header row `| Measure |`, each group's cell
//!   closed by a line holding just `|`, a `|---|---|` separator counting the columns, then
//!   rows opened and closed by `|` lines with one cell a column;
//! - **one row a line** ([`classic`], ClinicalTrials.gov's classic results tab): cells split
//!   at tabs, or at runs of two or more spaces when the text has no tab; a row "Arm/Group
//!   Title" names the groups, "Arm/Group Description" and "Overall Number of … Participants …"
//!   rows under it give their descriptions and numbers analysed, and a row of values alone
//!   is a row without a label.
//!
//! A table cut off (a page saved part way) gives the rows it completed; the lines of an
//! unfinished cell are text.

use std::collections::HashSet;

use super::cells::{self, denom, is_value_cell};
use crate::lines::Line;

/// The most lines a table's header takes before its first row (keeps a stray "Measure" line
/// from scanning a page).
const MAX_HEADER_LINES: usize = 160;

/// The most lines one row's label takes in a table printed one cell a line.
const MAX_LABEL_LINES: usize = 4;

/// One group's column head: its title, its number analysed, its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head<'a> {
    /// The group's title.
    pub title: Line<'a>,
    /// Its number analysed ("n=15 Participants", or a bare count on the classic tab).
    pub denom: Option<Line<'a>>,
    /// Its description's lines.
    pub description: Vec<Line<'a>>,
}

/// One row: its label's lines and one cell a column after the label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    /// The label's lines: in a table printed one cell a line or between bars, the measure's
    /// (or period's) title first; on the classic tab, the category (or milestone) alone.
    pub label: Vec<Line<'a>>,
    /// The cells after the label, each its lines (none for an empty cell).
    pub cells: Vec<Vec<Line<'a>>>,
}

/// What a section's lines are, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item<'a> {
    /// A line outside any table, or a table's line that could not be read as one.
    Text(Line<'a>),
    /// A table's header: its groups.
    Header(Vec<Head<'a>>),
    /// A table's row.
    Row(Row<'a>),
}

/// How a page prints its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// One cell a line.
    PerLine,
    /// Cells between bar lines.
    Pipes,
    /// One row a line, cells split at tabs or wide spaces (CT.gov's classic results tab).
    Classic,
}

impl Style {
    /// Whether a row's label starts with its measure's or period's title (the classic tab
    /// prints the title on a line of its own above the rows).
    pub(crate) fn titled_rows(self) -> bool {
        self != Style::Classic
    }
}

/// A text's identity within the page: its line and where it starts (a cell of a classic row
/// is part of its line).
pub(crate) type Key = (usize, usize);

/// The key of a line or cell.
pub(crate) fn key(l: &Line<'_>) -> Key {
    (l.no, l.text.as_ptr() as usize)
}

/// A section's lines read as [`Item`]s, with every text they hold and which are table cells.
#[derive(Debug, Default)]
pub(crate) struct Tokens<'a> {
    /// The items, in order.
    pub items: Vec<Item<'a>>,
    /// Every non-empty text the lines hold (a whole line, or one cell of a classic row), in
    /// order; the table's structure (bars, separators, "Measure", "Arm/Group Title") is not.
    pub texts: Vec<Line<'a>>,
    /// The keys of the texts that are table cells (group heads, row labels, values).
    pub cells: HashSet<Key>,
}

impl<'a> Tokens<'a> {
    fn text(&mut self, l: Line<'a>) {
        self.texts.push(l);
        self.items.push(Item::Text(l));
    }

    /// Notes `l` as a table cell's text.
    fn cell(&mut self, l: Line<'a>) {
        if !l.text.is_empty() {
            self.texts.push(l);
            self.cells.insert(key(&l));
        }
    }

    /// A table's line that could not be read as part of a row: text, and a cell all the same.
    fn stray_cell(&mut self, l: Line<'a>) {
        self.cells.insert(key(&l));
        self.text(l);
    }

    fn header(&mut self, heads: Vec<Head<'a>>) {
        for h in &heads {
            self.cell(h.title);
            h.denom.iter().for_each(|d| self.cell(*d));
            h.description.iter().for_each(|d| self.cell(*d));
        }
        self.items.push(Item::Header(heads));
    }

    fn row(&mut self, row: Row<'a>) {
        row.label.iter().for_each(|l| self.cell(*l));
        row.cells.iter().flatten().for_each(|l| self.cell(*l));
        self.items.push(Item::Row(row));
    }
}

/// Reads `lines` (non-blank) in `style`.
pub(crate) fn tokens<'a>(lines: &[Line<'a>], style: Style) -> Tokens<'a> {
    match style {
        Style::PerLine => per_line(lines),
        Style::Pipes => pipes(lines),
        Style::Classic => classic(lines),
    }
}

/// The style a meddatax section's lines are printed in: between bars when any line opens a
/// bar table, else one cell a line.
pub(crate) fn page_style(lines: &[Line<'_>]) -> Style {
    if lines.iter().any(|l| is_corner(l.text)) {
        Style::Pipes
    } else {
        Style::PerLine
    }
}

/// A header row's first cell with its bars: `| Measure |`.
fn is_corner(t: &str) -> bool {
    t.len() > 2
        && t.starts_with('|')
        && t.ends_with('|')
        && t[1..t.len() - 1].trim().starts_with(char::is_alphabetic)
        && !t[1..t.len() - 1].contains('|')
}

/// A bar alone: a cell's end, or a row's start or end.
fn is_bar(t: &str) -> bool {
    t == "|"
}

/// A header's separator, `|---|---|`; `Some(columns)`.
fn separator(t: &str) -> Option<usize> {
    let ok = t.starts_with('|')
        && t.contains("---")
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    ok.then(|| t.split('|').filter(|s| s.contains('-')).count())
}

/// A group's head from its cell's lines: the title, the number analysed, the description.
fn head<'a>(lines: &[Line<'a>]) -> Option<Head<'a>> {
    let (title, rest) = lines.split_first()?;
    let denom_at = rest.iter().position(|l| denom(l.text).is_some());
    Some(Head {
        title: *title,
        denom: denom_at.map(|i| rest[i]),
        description: rest
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != denom_at)
            .map(|(_, l)| *l)
            .collect(),
    })
}

/// Lines with tables whose cells sit between bar lines.
pub(crate) fn pipes<'a>(lines: &[Line<'a>]) -> Tokens<'a> {
    let mut out = Tokens::default();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].text;
        if is_corner(t) {
            i = pipe_table(lines, i, &mut out);
        } else {
            if !is_bar(t) && separator(t).is_none() {
                out.text(lines[i]);
            }
            i += 1;
        }
    }
    out
}

/// The bar table whose corner is `lines[at]`; returns where it ends.
fn pipe_table<'a>(lines: &[Line<'a>], at: usize, out: &mut Tokens<'a>) -> usize {
    let mut i = at + 1;
    let mut heads = Vec::new();
    let mut cell: Vec<Line<'a>> = Vec::new();
    let mut columns = None;
    while i < lines.len() && i - at <= MAX_HEADER_LINES {
        let t = lines[i].text;
        if let Some(n) = separator(t) {
            columns = Some(n);
            i += 1;
            break;
        }
        if is_corner(t) {
            break;
        }
        if is_bar(t) {
            heads.extend(head(&std::mem::take(&mut cell)));
        } else {
            cell.push(lines[i]);
        }
        i += 1;
    }
    if !heads.is_empty() {
        out.header(heads);
    }
    cell.into_iter().for_each(|l| out.stray_cell(l));
    let Some(columns) = columns.filter(|n| *n > 0) else {
        return i;
    };
    // Rows: each opened by a bar, its cells each closed by one.
    while i < lines.len() && is_bar(lines[i].text) {
        i += 1;
        let mut cells: Vec<Vec<Line<'a>>> = Vec::new();
        let mut cell = Vec::new();
        while i < lines.len() && cells.len() < columns {
            let t = lines[i].text;
            if is_corner(t) || separator(t).is_some() {
                break;
            }
            if is_bar(t) {
                cells.push(std::mem::take(&mut cell));
            } else {
                cell.push(lines[i]);
            }
            i += 1;
        }
        let complete = cells.len() == columns;
        if !cells.is_empty() {
            let label = cells.remove(0);
            out.row(Row { label, cells });
        }
        cell.into_iter().for_each(|l| out.stray_cell(l));
        if !complete {
            break;
        }
    }
    i
}

/// Lines where a table ends and something else begins, whatever the lines before say.
fn stops_table(t: &str) -> bool {
    is_corner_word(t) || super::outcomes::outcome_type(t).is_some() || is_section_caption(t)
}

/// A caption inside a results section that no row's label is: "Statistical analysis",
/// "Reasons for withdrawal".
fn is_section_caption(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    lower.starts_with("statistical analys") || lower.starts_with("reasons for withdrawal")
}

/// The header row's first cell printed alone: "Measure".
fn is_corner_word(t: &str) -> bool {
    t.eq_ignore_ascii_case("measure")
}

/// Lines with tables printed one cell a line.
pub(crate) fn per_line<'a>(lines: &[Line<'a>]) -> Tokens<'a> {
    let mut out = Tokens::default();
    let mut i = 0;
    while i < lines.len() {
        if is_corner_word(lines[i].text) {
            if let Some(end) = line_table(lines, i, &mut out) {
                i = end;
                continue;
            }
            // A table whose header cannot be read: its lines are cells left as text.
            out.text(lines[i]);
            let limit = lines.len().min(i + 1 + MAX_HEADER_LINES);
            let end = (i + 1..limit)
                .find(|&j| stops_table(lines[j].text))
                .unwrap_or(limit);
            lines[i + 1..end].iter().for_each(|l| out.stray_cell(*l));
            i = end;
            continue;
        }
        out.text(lines[i]);
        i += 1;
    }
    out
}

/// Whether a group's description line looks like one: a sentence rather than a row's label.
fn looks_like_description(t: &str) -> bool {
    t.len() > 40 || t.ends_with('.')
}

/// How the header lines `h` split into `k` groups, with no numbers analysed to mark them: a
/// title and one description line each (`Some(true)`), or titles alone (`Some(false)`).
fn plain_heads(h: usize, k: usize) -> Option<bool> {
    if k > 0 && h == 2 * k {
        Some(true)
    } else if k > 0 && h == k {
        Some(false)
    } else {
        None
    }
}

/// The table printed one cell a line whose "Measure" line is `lines[at]`: its header and rows
/// as items, and where it ends; `None` when its header cannot be read (the lines are text).
fn line_table<'a>(lines: &[Line<'a>], at: usize, out: &mut Tokens<'a>) -> Option<usize> {
    let from = at + 1;
    let limit = lines.len().min(from + MAX_HEADER_LINES);
    let is_value = |i: usize| is_value_cell(lines[i].text) && denom(lines[i].text).is_none();
    let first_value = (from..limit).find(|&i| is_value(i) || stops_table(lines[i].text));
    let first_value = first_value.filter(|&i| is_value(i));
    let head_end = first_value.unwrap_or(limit);
    let denoms: Vec<usize> = (from..head_end)
        .filter(|&i| denom(lines[i].text).is_some())
        .collect();
    let (heads, label_from) = if denoms.is_empty() {
        // No numbers analysed: the first row's values count the groups.
        let v = first_value?;
        let k = value_cells(lines, v, usize::MAX).len();
        let h_all = v - from;
        // The first row's label: a period and a milestone, or a measure title and a category.
        let (label_len, with_desc) = [2, 1, 3]
            .into_iter()
            .filter(|l| *l <= h_all)
            .find_map(|l| plain_heads(h_all - l, k).map(|d| (l, d)))?;
        let step = if with_desc { 2 } else { 1 };
        let heads = (0..k)
            .map(|g| Head {
                title: lines[from + g * step],
                denom: None,
                description: if with_desc {
                    vec![lines[from + g * step + 1]]
                } else {
                    Vec::new()
                },
            })
            .collect();
        (heads, v - label_len)
    } else {
        // Each title stands just above its number analysed; every group is drawn alike.
        if denoms[0] != from + 1 || denoms.windows(2).any(|w| w[1] < w[0] + 2) {
            return None;
        }
        let k = denoms.len();
        let descs: Vec<usize> = denoms.windows(2).map(|w| w[1] - 1 - (w[0] + 1)).collect();
        let last = denoms[k - 1];
        let rest = head_end - (last + 1);
        let uniform = descs
            .first()
            .filter(|d| descs.iter().all(|x| x == *d))
            .copied();
        let last_desc = match (first_value, descs.is_empty(), uniform) {
            // Cut off before the first row: the last group is drawn as the others are.
            (None, _, d) => d.unwrap_or(1).min(rest),
            (Some(_), false, Some(d)) => d.min(rest.saturating_sub(1)),
            (Some(_), false, None) => return None,
            (Some(_), true, _) => {
                usize::from(rest >= 2 && looks_like_description(lines[last + 1].text))
            }
        };
        let mut heads = Vec::with_capacity(k);
        for (g, &d) in denoms.iter().enumerate() {
            let desc_end = denoms.get(g + 1).map_or(d + 1 + last_desc, |next| next - 1);
            heads.push(Head {
                title: lines[d - 1],
                denom: Some(lines[d]),
                description: lines[d + 1..desc_end].to_vec(),
            });
        }
        (heads, last + 1 + last_desc)
    };
    let k = heads.len();
    out.header(heads);
    let Some(mut i) = first_value.map(|_| label_from) else {
        return Some(label_from);
    };
    // Rows: the label's lines, then one value cell a group.
    while i < lines.len() {
        let label_len = (i..lines.len().min(i + MAX_LABEL_LINES + 1))
            .take_while(|&j| !(is_value_cell(lines[j].text) || j > i && stops_table(lines[j].text)))
            .count();
        let v = i + label_len;
        if label_len == 0 || label_len > MAX_LABEL_LINES || v >= lines.len() || !is_value(v) {
            break;
        }
        if stops_table(lines[i].text) {
            break;
        }
        let cells = value_cells(lines, v, k);
        let end = v + cells.iter().map(Vec::len).sum::<usize>();
        out.row(Row {
            label: lines[i..v].to_vec(),
            cells,
        });
        i = end;
    }
    Some(i)
}

/// Up to `k` value cells from `lines[at]` on: each a value line with the number analysed
/// printed under it, if any.
fn value_cells<'a>(lines: &[Line<'a>], at: usize, k: usize) -> Vec<Vec<Line<'a>>> {
    let mut cells: Vec<Vec<Line<'a>>> = Vec::new();
    let mut i = at;
    while i < lines.len() && cells.len() < k {
        let t = lines[i].text;
        if !is_value_cell(t) || denom(t).is_some() {
            break;
        }
        let mut cell = vec![lines[i]];
        if lines.get(i + 1).is_some_and(|l| denom(l.text).is_some()) {
            cell.push(lines[i + 1]);
        }
        i += cell.len();
        cells.push(cell);
    }
    cells
}

/// The cells of one line of the classic tab: split at tabs, or at runs of two or more spaces
/// (a share or a bracket split off its value joined back: "18  56.3%", "41.3  (7.7)").
fn classic_cells<'a>(l: &Line<'a>, tabs: bool) -> Vec<Line<'a>> {
    let text = l.text;
    let piece = |s: &'a str| Line {
        no: l.no,
        text: s.trim(),
        indent: 0,
    };
    if tabs {
        return text.split('\t').map(piece).collect();
    }
    // Byte ranges between runs of two or more spaces.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            let mut j = i;
            while j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
            ranges.push((start, i));
            start = j;
            i = j;
        } else {
            i += 1;
        }
    }
    ranges.push((start, text.len()));
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for (a, b) in ranges {
        let part = &text[a..b];
        let tail = part.starts_with('(')
            || part.ends_with('%') && cells::is_number(part.trim_end_matches('%'));
        // Only a value's bracket or share joins it ("41.3  (7.7)"), not a label's value.
        let after_value = joined.last().is_some_and(|&(x, y)| {
            let first = text[x..y].split_whitespace().next().unwrap_or_default();
            cells::is_number(first) || first == "NA"
        });
        match joined.last_mut() {
            Some(last) if tail && after_value => last.1 = b,
            _ => joined.push((a, b)),
        }
    }
    joined
        .into_iter()
        .map(|(a, b)| piece(&text[a..b]))
        .collect()
}

/// Whether `label` (a row's first cell) starts with `prefix`, without case.
fn starts(label: &str, prefix: &str) -> bool {
    label
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Lines of CT.gov's classic results tab.
pub(crate) fn classic<'a>(lines: &[Line<'a>]) -> Tokens<'a> {
    let tabs = lines.iter().any(|l| l.text.contains('\t'));
    let mut out = Tokens::default();
    // The last header's place among the items, while rows describing its groups may follow.
    let mut header: Option<usize> = None;
    let mut groups = 0;
    for l in lines {
        // Rows describing a header's groups follow it directly.
        header = header.filter(|h| h + 1 == out.items.len());
        let mut cells = classic_cells(l, tabs);
        while cells.last().is_some_and(|c| c.text.is_empty()) {
            cells.pop();
        }
        if cells.len() < 2 {
            out.text(*l);
            continue;
        }
        let label = cells[0].text.trim_end_matches(':').trim_end();
        if starts(label, "Arm/Group Title") {
            let heads: Vec<Head<'a>> = cells[1..]
                .iter()
                .map(|c| Head {
                    title: *c,
                    denom: None,
                    description: Vec::new(),
                })
                .collect();
            groups = heads.len();
            header = Some(out.items.len());
            out.header(heads);
            continue;
        }
        let head_row = starts(label, "Arm/Group Description") || starts(label, "Overall Number of");
        if let (true, Some(Item::Header(heads))) =
            (head_row, header.and_then(|h| out.items.get_mut(h)))
        {
            let description = starts(label, "Arm/Group Description");
            let mut extra = Vec::new();
            for (g, c) in cells[1..].iter().enumerate() {
                match heads.get_mut(g) {
                    Some(h) if description => h.description.push(*c),
                    Some(h) => h.denom = Some(*c),
                    None => extra.push(*c),
                }
            }
            cells[1..]
                .iter()
                .filter(|c| !extra.contains(c))
                .for_each(|c| out.cell(*c));
            extra.into_iter().for_each(|c| out.stray_cell(c));
            continue;
        }
        let unlabelled = groups > 0
            && cells.len() == groups
            && cells
                .iter()
                .all(|c| is_value_cell(c.text) || cells::measured(c.text).is_some());
        if unlabelled {
            out.row(Row {
                label: Vec::new(),
                cells: cells.into_iter().map(|c| vec![c]).collect(),
            });
        } else {
            let label = cells.remove(0);
            out.row(Row {
                label: vec![label],
                cells: cells
                    .into_iter()
                    .map(|c| {
                        if c.text.is_empty() {
                            Vec::new()
                        } else {
                            vec![c]
                        }
                    })
                    .collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::non_blank;

    fn texts(ls: &[Line<'_>]) -> Vec<String> {
        ls.iter().map(|l| l.text.to_string()).collect()
    }

    /// Each item in words: `T text`, `H title|denom|desc; …`, `R label / cell / cell`.
    fn shape(items: &[Item<'_>]) -> Vec<String> {
        items
            .iter()
            .map(|it| match it {
                Item::Text(l) => format!("T {}", l.text),
                Item::Header(heads) => {
                    let h: Vec<String> = heads
                        .iter()
                        .map(|h| {
                            format!(
                                "{}|{}|{}",
                                h.title.text,
                                h.denom.map_or("", |d| d.text),
                                texts(&h.description).join("+")
                            )
                        })
                        .collect();
                    format!("H {}", h.join("; "))
                }
                Item::Row(r) => {
                    let mut parts = vec![texts(&r.label).join("+")];
                    parts.extend(r.cells.iter().map(|c| texts(c).join("+")));
                    format!("R {}", parts.join(" / "))
                }
            })
            .collect()
    }

    #[test]
    fn a_bar_table_gives_its_header_and_rows() {
        let text =
            "Participant milestones\n| Measure |\nArm A\nFirst arm.\n|\nArm B\nSecond arm.\n|\n\
                    |---|---|---|\n|\nOverall Study\nSTARTED\n|\n15\n|\n4\n|\n|\nOverall Study\n\
                    COMPLETED\n|\n14\n|\n4\n|\nReasons for withdrawal";
        let lines = non_blank(text);
        let t = pipes(&lines);
        assert_eq!(
            shape(&t.items),
            [
                "T Participant milestones",
                "H Arm A||First arm.; Arm B||Second arm.",
                "R Overall Study+STARTED / 15 / 4",
                "R Overall Study+COMPLETED / 14 / 4",
                "T Reasons for withdrawal",
            ]
        );
        // Group heads, labels and values are cells; captions and bars are not.
        assert_eq!(t.cells.len(), 4 + 4 + 4);
    }

    #[test]
    fn a_bar_table_cut_off_gives_the_cells_it_finished() {
        let text = "| Measure |\nArm A\nn=15 Participants\n|\nTotal\nn=15 Participants\n|\n\
                    |---|---|---|\n|\nAge, Categorical\n<=18 years\n|\n15 Participants\nn=5 Participants\n\
                    |\n15 Participants\nn=5 Partic";
        let lines = non_blank(text);
        let t = pipes(&lines);
        assert_eq!(
            shape(&t.items),
            [
                "H Arm A|n=15 Participants|; Total|n=15 Participants|",
                "R Age, Categorical+<=18 years / 15 Participants+n=5 Participants",
                "T 15 Participants",
                "T n=5 Partic",
            ]
        );
    }

    #[test]
    fn a_table_one_cell_a_line_is_split_by_its_values() {
        let text = "Participant milestones\nMeasure\nArm A\nFirst arm, given daily.\nArm B\n\
                    Second arm, given weekly.\nOverall Study\nSTARTED\n30\n29\nOverall Study\n\
                    COMPLETED\n27\n28\nReasons for withdrawal\nMoved Away: 1, 1";
        let lines = non_blank(text);
        assert_eq!(
            shape(&per_line(&lines).items),
            [
                "T Participant milestones",
                "H Arm A||First arm, given daily.; Arm B||Second arm, given weekly.",
                "R Overall Study+STARTED / 30 / 29",
                "R Overall Study+COMPLETED / 27 / 28",
                "T Reasons for withdrawal",
                "T Moved Away: 1, 1",
            ]
        );
    }

    #[test]
    fn numbers_analysed_mark_the_groups_of_a_table_one_cell_a_line() {
        let text = "Measure\nArm A\nn=30 Participants\nFirst arm.\nTotal\nn=30 Participants\n\
                    All groups.\nAge, Continuous\nMean (Standard Deviation)\n38.2 (9.4)\n38.2 (9.4)\n\
                    Sex: Female, Male\nFemale\n17 Participants\nn=29 Participants\n17 Participants\n\
                    Time frame: Week 2";
        let lines = non_blank(text);
        assert_eq!(
            shape(&per_line(&lines).items),
            [
                "H Arm A|n=30 Participants|First arm.; Total|n=30 Participants|All groups.",
                "R Age, Continuous+Mean (Standard Deviation) / 38.2 (9.4) / 38.2 (9.4)",
                "R Sex: Female, Male+Female / 17 Participants+n=29 Participants / 17 Participants",
                "T Time frame: Week 2",
            ]
        );
        // One group: its description is told from a row's label by reading as a sentence.
        let one = "Measure\nArm A\nn=30 Participants\nEveryone who took the made-up drops daily.\n\
                   Age, Continuous\n38.2 (9.4)";
        let lines = non_blank(one);
        assert_eq!(
            shape(&per_line(&lines).items),
            [
                "H Arm A|n=30 Participants|Everyone who took the made-up drops daily.",
                "R Age, Continuous / 38.2 (9.4)",
            ]
        );
    }

    #[test]
    fn a_header_without_rows_or_groups_to_tell_is_text() {
        let lines = non_blank("Measure\nArm A\nA description cut o");
        assert_eq!(
            shape(&per_line(&lines).items),
            ["T Measure", "T Arm A", "T A description cut o"]
        );
    }

    #[test]
    fn classic_rows_split_at_tabs_or_wide_spaces() {
        let tabbed = "Arm/Group Title\tDrug\tPlacebo\tTotal\n\
                      Arm/Group Description\tOne a day.\tNone a day.\tAll.\n\
                      Overall Number of Baseline Participants\t32\t32\t64\n\
                      Age, Continuous\n\t41.3 (7.7)\t43.0 (8.1)\t42.2 (7.9)\nFemale\t18 56.3%\t20 62.5%\t38 59.4%";
        let spaced = tabbed.replace('\t', "   ").replace("   41.3", "41.3");
        for text in [tabbed.to_string(), spaced] {
            let lines = non_blank(&text);
            let tabs = text.contains('\t');
            assert_eq!(
                shape(&classic(&lines).items),
                [
                    "H Drug|32|One a day.; Placebo|32|None a day.; Total|64|All.",
                    "T Age, Continuous",
                    "R  / 41.3 (7.7) / 43.0 (8.1) / 42.2 (7.9)",
                    "R Female / 18 56.3% / 20 62.5% / 38 59.4%",
                ],
                "tabs: {tabs}"
            );
        }
        let lines = non_blank("Confidence Interval  (2-Sided) 95%\nFemale  18  56.3%  20  (62.5%)");
        assert_eq!(
            shape(&classic(&lines).items),
            [
                "R Confidence Interval / (2-Sided) 95%",
                "R Female / 18  56.3% / 20  (62.5%)"
            ]
        );
    }
}
