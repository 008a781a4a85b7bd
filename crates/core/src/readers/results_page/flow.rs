//! The participant flow: its groups (the milestones table's header), its periods and
//! milestones (one row each: on a meddatax page the period's title then the milestone, on the
//! classic tab the milestone under a "Period Title: …" line), each group's count, and the
//! reasons for leaving, after "Reasons for withdrawal" (or the classic "Reason Not Completed"):
//! rows of the same shape, or lines "Reason: 2, 0" with one count a group. The recruitment and
//! pre-assignment details are read under their labels, or from the two paragraphs a meddatax
//! page prints before its first table, in that order (one paragraph alone is not told apart).

use std::collections::HashMap;

use super::cells::{measured, strip_label};
use super::table::{Head, Item, Row};
use super::{field, group_id, join, Ctx, Field};
use crate::lines::Line;
use crate::model::{DropWithdraw, FlowGroup, FlowMilestone, FlowPeriod, FlowStats};

const FLOW: &str = "resultsSection.participantFlowModule";

/// Labelled fields of the participant flow.
const LABELS: &[&str] = &["Recruitment Details", "Pre-assignment Details"];

/// Captions that start the reasons for leaving.
const REASONS: &[&str] = &[
    "Reasons for withdrawal",
    "Reason Not Completed",
    "Reasons Not Completed",
    "Reasons for not completing",
];

/// A milestone as v2 spells it: the three CT.gov names in capitals, any other as posted.
fn milestone_type(text: &str) -> String {
    for standard in ["STARTED", "COMPLETED", "NOT COMPLETED"] {
        if text.eq_ignore_ascii_case(standard) {
            return standard.to_string();
        }
    }
    text.to_string()
}

/// What the flow reader remembers between items.
#[derive(Default)]
struct State<'a> {
    /// The period rows go to (its index).
    period: Option<usize>,
    /// Whether rows are reasons for leaving.
    reasons: bool,
    /// Whether a table header was seen.
    header_seen: bool,
    /// Unlabelled paragraphs before the first table.
    before: Vec<Line<'a>>,
    /// A label alone, waiting for its value on the next line.
    pending: Option<(usize, Line<'a>)>,
    /// The periods by title (their index).
    periods: HashMap<&'a str, usize>,
}

/// Reads the participant flow's items.
pub(crate) fn read(cx: &mut Ctx<'_>, items: &[Item<'_>]) {
    let mut st = State::default();
    for item in items {
        if let (Some((label, line)), Item::Text(value)) = (st.pending.take(), item) {
            detail(cx, label, *value, &[line, *value]);
            continue;
        }
        match field(item, LABELS) {
            Some(Field::Value { label, value, from }) => {
                detail(cx, label, value, &from);
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
            Item::Header(heads) => {
                header(cx, heads);
                st.header_seen = true;
            }
            Item::Row(row) => self::row(cx, &mut st, row),
        }
    }
    let m = &cx.study.results_section.participant_flow_module;
    if let ([a, b], None, None) = (
        st.before.as_slice(),
        &m.recruitment_details,
        &m.pre_assignment_details,
    ) {
        let (a, b) = (*a, *b);
        detail(cx, 0, a, &[a]);
        detail(cx, 1, b, &[b]);
    }
}

/// Sets the recruitment (`label` 0) or pre-assignment details.
fn detail(cx: &mut Ctx<'_>, label: usize, value: Line<'_>, from: &[Line<'_>]) {
    let m = &mut cx.study.results_section.participant_flow_module;
    let (slot, name) = match label {
        0 => (&mut m.recruitment_details, "recruitmentDetails"),
        _ => (&mut m.pre_assignment_details, "preAssignmentDetails"),
    };
    if slot.is_some() {
        return;
    }
    *slot = Some(value.text.to_string());
    cx.at(&format!("{FLOW}.{name}"), from);
    cx.take_all(from);
}

fn text<'a>(cx: &mut Ctx<'_>, st: &mut State<'a>, l: &Line<'a>) {
    if let Some(title) = strip_label(l.text, &["Period Title"]) {
        st.period = Some(period(cx, st, title, l));
        st.reasons = false;
        cx.take(l);
    } else if REASONS.iter().any(|r| r.eq_ignore_ascii_case(l.text)) {
        st.reasons = true;
        cx.take(l);
    } else if st.reasons {
        reason_line(cx, st, l);
    } else if !st.header_seen && !l.text.eq_ignore_ascii_case("Participant milestones") {
        st.before.push(*l);
    }
}

/// The period titled `title` (first seen at `l`), added when new; its index.
fn period<'a>(cx: &mut Ctx<'_>, st: &mut State<'a>, title: &'a str, l: &Line<'_>) -> usize {
    if let Some(&p) = st.periods.get(title) {
        return p;
    }
    let periods = &mut cx.study.results_section.participant_flow_module.periods;
    st.periods.insert(title, periods.len());
    periods.push(FlowPeriod {
        title: Some(title.to_string()),
        ..FlowPeriod::default()
    });
    let p = periods.len() - 1;
    cx.at(&format!("{FLOW}.periods[{p}].title"), [l]);
    cx.widen(&format!("{FLOW}.periods[{p}]"), [l]);
    p
}

/// The groups of the flow's first header; a later header (the reasons table's) names them
/// again.
fn header(cx: &mut Ctx<'_>, heads: &[Head<'_>]) {
    let groups = &cx.study.results_section.participant_flow_module.groups;
    if !groups.is_empty() {
        let again: Vec<bool> = heads
            .iter()
            .enumerate()
            .map(|(g, h)| groups.get(g).and_then(|x| x.title.as_deref()) == Some(h.title.text))
            .collect();
        for (h, same) in heads.iter().zip(again) {
            if same {
                cx.take(&h.title);
            }
        }
        return;
    }
    for (g, h) in heads.iter().enumerate() {
        let description = (!h.description.is_empty()).then(|| join(&h.description));
        cx.study
            .results_section
            .participant_flow_module
            .groups
            .push(FlowGroup {
                id: Some(group_id("FG", g)),
                title: Some(h.title.text.to_string()),
                description,
            });
        let at = format!("{FLOW}.groups[{g}]");
        cx.group_head(&at, h);
    }
}

/// A milestone's or a reason's row.
fn row<'a>(cx: &mut Ctx<'_>, st: &mut State<'a>, row: &Row<'a>) {
    if !super::measure_table::has_values(row) {
        return;
    }
    let (period_line, name) = match (cx.style.titled_rows(), row.label.as_slice()) {
        (true, [p, n, ..]) => (Some(*p), *n),
        (_, [n]) => (None, *n),
        _ => return,
    };
    let p = match period_line {
        Some(l) => period(cx, st, l.text, &l),
        None => match st.period {
            Some(p) => p,
            None => {
                let periods = &mut cx.study.results_section.participant_flow_module.periods;
                periods.push(FlowPeriod::default());
                periods.len() - 1
            }
        },
    };
    st.period = Some(p);
    let stats = counts(cx, row);
    let at = format!("{FLOW}.periods[{p}]");
    let period = &mut cx.study.results_section.participant_flow_module.periods[p];
    let (path, kind) = if st.reasons {
        period.drop_withdraws.push(DropWithdraw {
            reason_type: Some(name.text.to_string()),
            reasons: stats.iter().map(|(s, _)| s.clone()).collect(),
            ..DropWithdraw::default()
        });
        (
            format!("{at}.dropWithdraws[{}]", period.drop_withdraws.len() - 1),
            "reasons",
        )
    } else {
        period.milestones.push(FlowMilestone {
            milestone_type: Some(milestone_type(name.text)),
            achievements: stats.iter().map(|(s, _)| s.clone()).collect(),
            ..FlowMilestone::default()
        });
        (
            format!("{at}.milestones[{}]", period.milestones.len() - 1),
            "achievements",
        )
    };
    let all: Vec<&Line<'_>> = row.label.iter().chain(row.cells.iter().flatten()).collect();
    cx.at(&path, all.iter().copied());
    cx.widen(&at, all.iter().copied());
    cx.at(&format!("{path}.type"), [&name]);
    cx.take(&name);
    period_line.iter().for_each(|l| cx.take(l));
    for (g, (_, line)) in stats.iter().enumerate() {
        cx.at(&format!("{path}.{kind}[{g}]"), [line]);
        cx.at(&format!("{path}.{kind}[{g}].numSubjects"), [line]);
        cx.take(line);
    }
}

/// Each group's count in a row, with the line it is read from; as many as the flow has groups.
fn counts<'a>(cx: &Ctx<'_>, row: &Row<'a>) -> Vec<(FlowStats, Line<'a>)> {
    let groups = cx
        .study
        .results_section
        .participant_flow_module
        .groups
        .len();
    row.cells
        .iter()
        .take(groups)
        .enumerate()
        .map_while(|(g, cell)| {
            let line = *cell.first()?;
            let value = measured(line.text)?.value;
            Some((
                FlowStats {
                    group_id: Some(group_id("FG", g)),
                    num_subjects: Some(value.to_string()),
                    ..FlowStats::default()
                },
                line,
            ))
        })
        .collect()
}

/// A reason listed on one line with each group's count: "Adverse Event: 2, 0", "Death: 3".
fn reason_line(cx: &mut Ctx<'_>, st: &mut State<'_>, l: &Line<'_>) {
    let groups = cx
        .study
        .results_section
        .participant_flow_module
        .groups
        .len();
    let Some((reason, counts)) = l.text.rsplit_once(':') else {
        return;
    };
    let counts: Vec<&str> = counts.split([',', '|']).map(str::trim).collect();
    let numbers = counts.iter().all(|c| super::cells::is_number(c));
    if reason.trim().is_empty() || !numbers || counts.len() != groups {
        return;
    }
    let p = match st.period {
        Some(p) => p,
        None => {
            let periods = &mut cx.study.results_section.participant_flow_module.periods;
            if periods.is_empty() {
                periods.push(FlowPeriod::default());
            }
            periods.len() - 1
        }
    };
    let period = &mut cx.study.results_section.participant_flow_module.periods[p];
    period.drop_withdraws.push(DropWithdraw {
        reason_type: Some(reason.trim().to_string()),
        reasons: counts
            .iter()
            .enumerate()
            .map(|(g, c)| FlowStats {
                group_id: Some(group_id("FG", g)),
                num_subjects: Some(c.to_string()),
                ..FlowStats::default()
            })
            .collect(),
        ..DropWithdraw::default()
    });
    let path = format!(
        "{FLOW}.periods[{p}].dropWithdraws[{}]",
        period.drop_withdraws.len() - 1
    );
    cx.at(&path, [l]);
    cx.widen(&format!("{FLOW}.periods[{p}]"), [l]);
    cx.take(l);
}
