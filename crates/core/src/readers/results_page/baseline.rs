//! The baseline characteristics: the groups with their numbers analysed (the header), the
//! population under its label, and the measures, row by row. On a meddatax page a row's label
//! is the measure's title, then lines saying what its values are, then its category (its class
//! and category when two lines remain); rows with the same title are one measure. On the
//! classic tab the measure's title, kind and unit stand on lines of their own above its rows, a
//! "Number Analyzed" row gives its numbers analysed, and each row's label is a category.

use super::cells;
use super::measure_table::{groups_of, has_values, is_info, place_row, Target};
use super::table::{Head, Item, Row};
use super::{field, group_id, Ctx, Field};
use crate::case::Cased;
use crate::lines::Line;
use crate::model::{BaselineMeasure, Denom, DenomCount};

const BASELINE: &str = "resultsSection.baselineCharacteristicsModule";

/// Labels of the baseline population.
const LABELS: &[&str] = &[
    "Baseline Analysis Population Description",
    "Population",
    "Analysis population",
];

/// What the baseline reader remembers between items.
#[derive(Default)]
struct State<'a> {
    /// Whether a header was seen (lines after it may be measure titles on the classic tab).
    header_seen: bool,
    /// The measure rows go to (its index).
    measure: Option<usize>,
    /// A classic measure's title and the lines describing it, before its first row.
    pending: Option<Pending<'a>>,
    /// A label alone, waiting for its value.
    label: Option<Line<'a>>,
}

/// A measure seen before its rows: its title line and what the lines after it said.
struct Pending<'a> {
    title: Line<'a>,
    info: Vec<Line<'a>>,
}

/// Reads the baseline's items.
pub(crate) fn read(cx: &mut Ctx<'_>, items: &[Item<'_>]) {
    let mut st = State::default();
    for item in items {
        if let (Some(label), Item::Text(value)) = (st.label.take(), item) {
            population(cx, *value, &[label, *value]);
            continue;
        }
        match field(item, LABELS) {
            Some(Field::Value { value, from, .. }) => {
                population(cx, value, &from);
                continue;
            }
            Some(Field::Label { line, .. }) => {
                st.label = Some(line);
                continue;
            }
            None => {}
        }
        match item {
            Item::Text(l) => text(cx, &mut st, l),
            Item::Header(heads) => {
                if !st.header_seen {
                    header(cx, heads);
                }
                st.header_seen = true;
            }
            Item::Row(r) => row(cx, &mut st, r),
        }
    }
}

fn population(cx: &mut Ctx<'_>, value: Line<'_>, from: &[Line<'_>]) {
    let b = &mut cx.study.results_section.baseline_characteristics_module;
    if b.population_description.is_none() {
        b.population_description = Some(value.text.to_string());
        cx.at(&format!("{BASELINE}.populationDescription"), from);
        cx.take_all(from);
    }
}

/// A line outside the rows: on the classic tab after the header, a measure's title or a line
/// saying what its values are.
fn text<'a>(cx: &mut Ctx<'_>, st: &mut State<'a>, l: &Line<'a>) {
    if !st.header_seen || cx.style.titled_rows() {
        return;
    }
    if is_info(l.text) {
        if let Some(p) = st.pending.as_mut() {
            p.info.push(*l);
        } else if let Some(m) = st.measure {
            info(cx, m, l);
        }
    } else {
        st.pending = Some(Pending {
            title: *l,
            info: Vec::new(),
        });
    }
}

/// The groups and their numbers analysed.
pub(crate) fn header(cx: &mut Ctx<'_>, heads: &[Head<'_>]) {
    let (groups, denoms) = groups_of(cx, heads, "BG", BASELINE);
    let b = &mut cx.study.results_section.baseline_characteristics_module;
    b.groups = groups;
    b.denoms = denoms;
}

/// Applies a line saying what measure `m`'s values are, or their unit.
fn info(cx: &mut Ctx<'_>, m: usize, l: &Line<'_>) {
    let at = format!("{BASELINE}.measures[{m}]");
    let measure = &mut cx
        .study
        .results_section
        .baseline_characteristics_module
        .measures[m];
    let mut set = Vec::new();
    if let Some((param, disp)) = cells::param_phrase(l.text) {
        measure.param_type = Some(param);
        set.push("paramType");
        if let Some(d) = disp {
            measure.dispersion_type = Some(d);
            set.push("dispersionType");
        }
    } else if let Some(unit) = cells::unit_line(l.text) {
        measure.unit_of_measure = Some(unit.to_string());
        set.push("unitOfMeasure");
    }
    for name in set {
        cx.at(&format!("{at}.{name}"), [l]);
        cx.take(l);
    }
    cx.widen(&at, [l]);
}

/// Starts measure `title` (read from `l`); its index.
fn new_measure(cx: &mut Ctx<'_>, l: &Line<'_>) -> usize {
    let measures = &mut cx
        .study
        .results_section
        .baseline_characteristics_module
        .measures;
    measures.push(BaselineMeasure {
        title: Some(l.text.to_string()),
        ..BaselineMeasure::default()
    });
    let m = measures.len() - 1;
    let at = format!("{BASELINE}.measures[{m}]");
    cx.at(&format!("{at}.title"), [l]);
    cx.at(&at, [l]);
    cx.take(l);
    m
}

fn row(cx: &mut Ctx<'_>, st: &mut State<'_>, r: &Row<'_>) {
    if !has_values(r) {
        return;
    }
    let (m, rest): (usize, &[Line<'_>]) = if cx.style.titled_rows() {
        let Some((title, rest)) = r.label.split_first() else {
            return;
        };
        let measures = &cx
            .study
            .results_section
            .baseline_characteristics_module
            .measures;
        let same = st
            .measure
            .filter(|&m| measures[m].title.as_deref() == Some(title.text));
        let m = match same {
            Some(m) => {
                cx.take(title);
                m
            }
            None => new_measure(cx, title),
        };
        (m, rest)
    } else {
        let m = match st.pending.take() {
            Some(p) => {
                let m = new_measure(cx, &p.title);
                p.info.iter().for_each(|l| info(cx, m, l));
                m
            }
            None => match st.measure {
                Some(m) => m,
                None => return,
            },
        };
        (m, r.label.as_slice())
    };
    st.measure = Some(m);
    let at = format!("{BASELINE}.measures[{m}]");
    let all: Vec<&Line<'_>> = r.label.iter().chain(r.cells.iter().flatten()).collect();
    cx.widen(&at, all.iter().copied());
    if let [only] = rest {
        if only.text.eq_ignore_ascii_case("Number Analyzed") {
            measure_denoms(cx, m, only, r);
            return;
        }
    }
    let mut names = Vec::new();
    for l in rest {
        if is_info(l.text) {
            info(cx, m, l);
        } else {
            names.push(*l);
        }
    }
    place_row(cx, Target::Baseline(m), &names, r);
}

/// A "Number Analyzed" row: measure `m`'s numbers analysed.
fn measure_denoms(cx: &mut Ctx<'_>, m: usize, label: &Line<'_>, r: &Row<'_>) {
    let at = format!("{BASELINE}.measures[{m}].denoms[0]");
    let mut denom = Denom::default();
    for (g, cell) in r.cells.iter().enumerate() {
        let Some(l) = cell.first() else { continue };
        let Some(v) = cells::measured(l.text) else {
            continue;
        };
        if denom.units.is_none() {
            denom.units = Some(v.unit.unwrap_or("Participants").capitalised());
        }
        cx.at(&format!("{at}.counts[{}]", denom.counts.len()), [l]);
        denom.counts.push(DenomCount {
            group_id: Some(group_id("BG", g)),
            value: Some(v.value.to_string()),
        });
        cx.take(l);
    }
    if !denom.counts.is_empty() {
        cx.at(&at, std::iter::once(label).chain(r.cells.iter().flatten()));
        cx.take(label);
        cx.study
            .results_section
            .baseline_characteristics_module
            .measures[m]
            .denoms
            .push(denom);
    }
}
