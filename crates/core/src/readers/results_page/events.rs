//! The adverse events: the groups (the first header; a later table's header names them
//! again), the time frame, description and frequency threshold under their labels, each
//! group's totals (rows naming all-cause mortality, serious or other adverse events, or
//! "Total" within one of those lists), and the events of the serious and other lists, which
//! start at their headings ("Serious Adverse Events", the classic "Hide Other (Not Including
//! Serious) Adverse Events"). An event's row is its organ system and term (a meddatax label of
//! two lines; on the classic tab the organ system is a line of its own above its terms), then
//! each group's counts: "1/40 (2.50%)" (affected / at risk), a number of events after it
//! where the table has a "# Events" column. The classic tab's footnotes say which terms were
//! collected by systematic assessment (marked "†") and from which vocabulary (by number).

use std::collections::HashMap;

use super::cells::{self, event_cell, EventCell};
use super::table::{Head, Item, Row};
use super::{field, group_id, Ctx, Field};
use crate::fields::results::{total_of, Total};
use crate::lines::Line;
use crate::model::{AdverseEvent, EventAssessment, EventGroup, EventStats};

const EVENTS: &str = "resultsSection.adverseEventsModule";

/// The module's labelled fields.
const LABELS: &[&str] = &[
    "Time frame",
    "Description",
    "Adverse Event Reporting Description",
    "Frequency threshold",
    "Frequency Threshold for Reporting Other Adverse Events",
];

/// Which table rows are read into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    /// The groups' totals.
    Totals,
    /// The all-cause mortality table (its "Total" row).
    Deaths,
    /// Serious adverse events.
    Serious,
    /// Other adverse events.
    Other,
}

/// The list a heading line starts: "Serious Adverse Events", "All-Cause Mortality", "Hide
/// Other (Not Including Serious) Adverse Events".
fn list_heading(text: &str) -> Option<List> {
    let t = text.to_ascii_lowercase();
    let t = t
        .strip_prefix("hide ")
        .or_else(|| t.strip_prefix("show "))
        .unwrap_or(&t);
    match t {
        "adverse events" => Some(List::Totals),
        "all-cause mortality" => Some(List::Deaths),
        "serious adverse events" => Some(List::Serious),
        "other adverse events" | "other (not including serious) adverse events" => {
            Some(List::Other)
        }
        _ => None,
    }
}

/// What the events reader remembers between items.
struct State<'a> {
    list: List,
    /// A classic organ system line, for the terms under it.
    organ: Option<Line<'a>>,
    /// Each group's number at risk from a header ("n=40 Participants").
    at_risk: Vec<Option<(u64, Line<'a>)>>,
    /// A label alone, waiting for its value.
    pending: Option<(usize, Line<'a>)>,
    /// The events of the current list, with the footnote marks after their terms.
    marked: Vec<(bool, usize, Vec<u32>)>,
    /// Whether the current list's table has a "# Events" column after each group's counts.
    events_column: bool,
}

/// Reads the adverse events' items.
pub(crate) fn read(cx: &mut Ctx<'_>, items: &[Item<'_>]) {
    let mut st = State {
        list: List::Totals,
        organ: None,
        at_risk: Vec::new(),
        pending: None,
        marked: Vec::new(),
        events_column: false,
    };
    for item in items {
        if let (Some((label, line)), Item::Text(value)) = (st.pending.take(), item) {
            labelled(cx, label, *value, &[line, *value]);
            continue;
        }
        match field(item, LABELS) {
            Some(Field::Value { label, value, from }) => {
                labelled(cx, label, value, &from);
                continue;
            }
            Some(Field::Label { label, line }) => {
                st.pending = Some((label, line));
                continue;
            }
            None => {}
        }
        match item {
            Item::Text(l) => text(cx, &mut st, l),
            Item::Header(heads) => header(cx, &mut st, heads),
            Item::Row(r) => row(cx, &mut st, r),
        }
    }
}

fn labelled(cx: &mut Ctx<'_>, label: usize, value: Line<'_>, from: &[Line<'_>]) {
    let m = &mut cx.study.results_section.adverse_events_module;
    let (slot, name, text) = match label {
        0 => (&mut m.time_frame, "timeFrame", value.text),
        1 | 2 => (&mut m.description, "description", value.text),
        _ => (
            &mut m.frequency_threshold,
            "frequencyThreshold",
            value.text.trim_end_matches('%').trim_end(),
        ),
    };
    if slot.is_some() {
        return;
    }
    *slot = Some(text.to_string());
    cx.at(&format!("{EVENTS}.{name}"), from);
    cx.take_all(from);
}

fn text<'a>(cx: &mut Ctx<'_>, st: &mut State<'a>, l: &Line<'a>) {
    if let Some(list) = list_heading(l.text) {
        st.list = list;
        st.organ = None;
        st.marked.clear();
        st.events_column = false;
        cx.take(l);
    } else if let Some(mark) = footnote(l.text) {
        apply_footnote(cx, st, l, mark);
    } else if matches!(st.list, List::Serious | List::Other) && !cx.style.titled_rows() {
        st.organ = Some(*l);
    }
}

/// What a classic footnote says: systematic assessment for terms marked "†", or the
/// vocabulary of terms marked with its number ("1 Term from vocabulary, MedDRA 25.0").
enum Footnote<'a> {
    Systematic,
    Vocabulary(u32, &'a str),
}

fn footnote(text: &str) -> Option<Footnote<'_>> {
    let t = text.trim_start_matches('†').trim_start();
    if t.eq_ignore_ascii_case("Indicates events were collected by systematic assessment") {
        return Some(Footnote::Systematic);
    }
    let (n, rest) = t.split_once(' ')?;
    let vocabulary = rest.strip_prefix("Term from vocabulary,")?.trim();
    Some(Footnote::Vocabulary(n.parse().ok()?, vocabulary))
}

fn apply_footnote(cx: &mut Ctx<'_>, st: &State<'_>, l: &Line<'_>, note: Footnote<'_>) {
    let kind = if st.list == List::Serious {
        "seriousEvents"
    } else {
        "otherEvents"
    };
    let mut placed = false;
    for (marked, e, numbers) in &st.marked {
        let event = event_list(cx, st.list).and_then(|list| list.get_mut(*e));
        let Some(event) = event else { continue };
        let name = match note {
            Footnote::Systematic => {
                event.assessment_type = Some(if *marked {
                    EventAssessment::SystematicAssessment
                } else {
                    EventAssessment::NonSystematicAssessment
                });
                "assessmentType"
            }
            Footnote::Vocabulary(n, v) if numbers.contains(&n) => {
                event.source_vocabulary = Some(v.to_string());
                "sourceVocabulary"
            }
            Footnote::Vocabulary(..) => continue,
        };
        cx.at(&format!("{EVENTS}.{kind}[{e}].{name}"), [l]);
        placed = true;
    }
    if placed {
        cx.take(l);
    }
}

fn event_list<'s>(cx: &'s mut Ctx<'_>, list: List) -> Option<&'s mut Vec<AdverseEvent>> {
    let m = &mut cx.study.results_section.adverse_events_module;
    match list {
        List::Serious => Some(&mut m.serious_events),
        List::Other => Some(&mut m.other_events),
        List::Totals | List::Deaths => None,
    }
}

/// The groups of the first header; a later header names them again (a title not seen before
/// adds a group).
fn header<'a>(cx: &mut Ctx<'_>, st: &mut State<'a>, heads: &[Head<'a>]) {
    let known: HashMap<String, usize> = cx
        .study
        .results_section
        .adverse_events_module
        .event_groups
        .iter()
        .enumerate()
        .filter_map(|(g, x)| Some((x.title.clone()?, g)))
        .collect();
    for h in heads {
        let g = match known.get(h.title.text).copied() {
            Some(g) => {
                cx.take(&h.title);
                g
            }
            None => add_group(cx, h),
        };
        let risk = h.denom.and_then(|d| {
            let (n, units) = cells::denom(d.text)?;
            cells::is_participants(units)
                .then(|| cells::count(n))
                .flatten()
                .map(|n| (n, d))
        });
        if st.at_risk.len() <= g {
            st.at_risk.resize(g + 1, None);
        }
        if let Some(r) = risk {
            st.at_risk[g] = Some(r);
        }
    }
}

fn add_group(cx: &mut Ctx<'_>, h: &Head<'_>) -> usize {
    let groups = &mut cx.study.results_section.adverse_events_module.event_groups;
    let g = groups.len();
    groups.push(EventGroup {
        id: Some(group_id("EG", g)),
        title: Some(h.title.text.to_string()),
        description: (!h.description.is_empty()).then(|| super::join(&h.description)),
        ..EventGroup::default()
    });
    let at = format!("{EVENTS}.eventGroups[{g}]");
    cx.group_head(&at, h);
    g
}

/// Each group's counts in a row's cells, in order: adverse-event counts start a group's
/// cells, a bare number after them is its number of events (where the table has a "# Events"
/// column); with the lines read.
fn group_counts<'a>(
    cells: &[Vec<Line<'a>>],
    events_column: bool,
) -> Vec<(EventCell, Vec<Line<'a>>)> {
    let mut out: Vec<(EventCell, Vec<Line<'a>>)> = Vec::new();
    let mut wants_events = false;
    for cell in cells {
        let Some(first) = cell.first() else { continue };
        let Some(counts) = event_cell(first.text) else {
            wants_events = false;
            continue;
        };
        match out.last_mut() {
            Some((last, lines))
                if wants_events && cells::is_number(first.text) && last.events.is_none() =>
            {
                last.events = Some(counts.affected);
                lines.push(*first);
                wants_events = false;
            }
            _ => {
                let mut lines = vec![*first];
                // "n=40 Participants" under a count is the number at risk.
                let mut counts = counts;
                if let Some(d) = cell.get(1) {
                    if let Some(n) = cells::denom(d.text).and_then(|(n, _)| cells::count(n)) {
                        if counts.at_risk.is_none() {
                            counts.at_risk = Some(n);
                            lines.push(*d);
                        }
                    }
                }
                out.push((counts, lines));
                wants_events = events_column;
            }
        }
    }
    out
}

fn row<'a>(cx: &mut Ctx<'_>, st: &mut State<'a>, r: &Row<'a>) {
    let groups: Vec<String> = cx
        .study
        .results_section
        .adverse_events_module
        .event_groups
        .iter()
        .map(|g| g.title.clone().unwrap_or_default())
        .collect();
    let texts: Vec<&Line<'_>> = r.label.iter().chain(r.cells.iter().flatten()).collect();
    // The groups' titles again, over a list's columns.
    if !texts.is_empty()
        && texts.len() <= groups.len()
        && texts.iter().zip(&groups).all(|(l, g)| l.text == g)
    {
        cx.take_all(texts.iter().copied());
        return;
    }
    // The columns' names: "Affected / at Risk (%)", "# Events".
    let column = |t: &str| {
        let t = t.to_ascii_lowercase();
        t.starts_with("affected / at risk") || t == "# events"
    };
    if texts.iter().all(|l| column(l.text)) {
        st.events_column = texts.iter().any(|l| l.text == "# Events");
        cx.take_all(texts.iter().copied());
        return;
    }
    let label: Vec<Line<'_>> = r.label.clone();
    let first = label.first().map(|l| l.text).unwrap_or_default();
    let total = match (st.list, total_of(first)) {
        (List::Totals, Some(t)) => Some(t),
        (List::Deaths, _) if first.eq_ignore_ascii_case("total") => Some(Total::Deaths),
        (List::Serious, _) if first.eq_ignore_ascii_case("total") => Some(Total::Serious),
        (List::Other, _) if first.eq_ignore_ascii_case("total") => Some(Total::Other),
        _ => None,
    };
    let counts = group_counts(&r.cells, st.events_column);
    if let Some(total) = total {
        totals(cx, st, total, &label, &counts);
    } else if matches!(st.list, List::Serious | List::Other) {
        event(cx, st, r, &counts);
    }
}

/// Each group's totals from a row.
fn totals(
    cx: &mut Ctx<'_>,
    st: &State<'_>,
    total: Total,
    label: &[Line<'_>],
    counts: &[(EventCell, Vec<Line<'_>>)],
) {
    let (affected, at_risk) = match total {
        Total::Deaths => ("deathsNumAffected", "deathsNumAtRisk"),
        Total::Serious => ("seriousNumAffected", "seriousNumAtRisk"),
        Total::Other => ("otherNumAffected", "otherNumAtRisk"),
    };
    let groups = cx
        .study
        .results_section
        .adverse_events_module
        .event_groups
        .len();
    for (g, (c, lines)) in counts.iter().enumerate().take(groups) {
        let risk = c
            .at_risk
            .or(st.at_risk.get(g).copied().flatten().map(|(n, _)| n));
        let group = &mut cx.study.results_section.adverse_events_module.event_groups[g];
        let slots = match total {
            Total::Deaths => (
                &mut group.deaths_num_affected,
                &mut group.deaths_num_at_risk,
            ),
            Total::Serious => (
                &mut group.serious_num_affected,
                &mut group.serious_num_at_risk,
            ),
            Total::Other => (&mut group.other_num_affected, &mut group.other_num_at_risk),
        };
        *slots.0 = Some(c.affected);
        *slots.1 = risk;
        let at = format!("{EVENTS}.eventGroups[{g}]");
        cx.at(&format!("{at}.{affected}"), lines);
        if risk.is_some() {
            match (c.at_risk, st.at_risk.get(g).copied().flatten()) {
                (None, Some((_, d))) => cx.at(&format!("{at}.{at_risk}"), [&d]),
                _ => cx.at(&format!("{at}.{at_risk}"), lines),
            }
        }
        cx.take_all(lines);
        // A header's number at risk the totals agree with is placed with them.
        if let Some((n, d)) = st.at_risk.get(g).copied().flatten() {
            if Some(n) == risk {
                cx.take(&d);
            }
        }
    }
    if !counts.is_empty() {
        cx.take_all(label);
    }
}

/// The term a row names, without the footnote marks after it ("Fall † 1" → "Fall", marked
/// systematic, vocabulary 1).
fn term(text: &str) -> (&str, bool, Vec<u32>) {
    match text.find('†') {
        Some(at) => {
            let numbers = text[at..]
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect();
            (text[..at].trim_end(), true, numbers)
        }
        None => (text, false, Vec::new()),
    }
}

/// An event's row.
fn event<'a>(
    cx: &mut Ctx<'_>,
    st: &mut State<'a>,
    r: &Row<'a>,
    counts: &[(EventCell, Vec<Line<'a>>)],
) {
    let (organ, term_line) = match (cx.style.titled_rows(), r.label.as_slice()) {
        (true, [o, t, ..]) => (Some(*o), *t),
        (_, [t]) => (st.organ.filter(|_| !cx.style.titled_rows()), *t),
        _ => return,
    };
    if counts.is_empty() {
        return;
    }
    let (name, marked, numbers) = term(term_line.text);
    let groups = cx
        .study
        .results_section
        .adverse_events_module
        .event_groups
        .len();
    let kind = if st.list == List::Serious {
        "seriousEvents"
    } else {
        "otherEvents"
    };
    let stats: Vec<EventStats> = counts
        .iter()
        .take(groups)
        .enumerate()
        .map(|(g, (c, _))| EventStats {
            group_id: Some(group_id("EG", g)),
            num_events: c.events,
            num_affected: Some(c.affected),
            num_at_risk: c
                .at_risk
                .or(st.at_risk.get(g).copied().flatten().map(|(n, _)| n)),
        })
        .collect();
    let Some(list) = event_list(cx, st.list) else {
        return;
    };
    list.push(AdverseEvent {
        term: Some(name.to_string()),
        organ_system: organ.map(|o| o.text.to_string()),
        stats,
        ..AdverseEvent::default()
    });
    let e = list.len() - 1;
    st.marked.push((marked, e, numbers));
    let at = format!("{EVENTS}.{kind}[{e}]");
    let all: Vec<&Line<'_>> = organ
        .iter()
        .chain(&r.label)
        .chain(counts.iter().flat_map(|(_, l)| l))
        .collect();
    cx.at(&at, all.iter().copied());
    cx.at(&format!("{at}.term"), [&term_line]);
    cx.take(&term_line);
    if let Some(o) = organ {
        cx.at(&format!("{at}.organSystem"), [&o]);
        cx.take(&o);
    }
    for (g, (_, lines)) in counts.iter().enumerate().take(groups) {
        cx.at(&format!("{at}.stats[{g}]"), lines);
        cx.take_all(lines);
        // A header's number at risk is the event's where its cell gives none, and agrees with
        // it where it does.
        if let Some((n, d)) = st.at_risk.get(g).copied().flatten() {
            match counts[g].0.at_risk {
                None => {
                    cx.widen(&format!("{at}.stats[{g}]"), [&d]);
                    cx.take(&d);
                }
                Some(r) if r == n => cx.take(&d),
                Some(_) => {}
            }
        }
    }
}
