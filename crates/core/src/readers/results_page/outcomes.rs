//! The outcome measures: each starts at a line naming its type ("PRIMARY", "Secondary
//! outcome", the classic "1. Primary Outcome"), its title on the next line (or under
//! "Title"); then its description (the unlabelled lines before its fields and table), its
//! labelled fields (time frame, population, unit), what its values are ("Mean (Standard
//! Deviation)"), its table (groups `OG000` … with their numbers analysed, then rows as in the
//! baseline, a label line repeating the title left out), and its statistical analyses, each
//! from a "Statistical analysis" line: labelled lines (groups compared, test, method,
//! p-value, estimate, confidence interval), or the classic tab's rows, where "Comments" notes
//! the field above it.

use super::cells::{self, param_phrase, unit_line};
use super::measure_table::{groups_of, has_values, is_info, place_row, Target};
use super::table::{Item, Row};
use super::{field, label_index, Ctx, Field};
use crate::lines::Line;
use crate::model::{
    ConfidenceIntervalNumSides, CtEnum, MeasureAnalysis, MeasureGroup, NonInferiorityType,
    OutcomeMeasure, OutcomeMeasureType,
};
use crate::vocab;

/// The outcome list's record path.
pub(crate) const OUTCOMES: &str = "resultsSection.outcomeMeasuresModule.outcomeMeasures";

/// The longest line read as an outcome's type.
const MAX_TYPE_LINE: usize = 40;

/// An outcome's labelled fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutcomeField {
    Title,
    Description,
    TimeFrame,
    Population,
    Unit,
}

/// The labels of an outcome's fields, with the field each names.
const OUTCOME_LABELS: &[(&str, OutcomeField)] = &[
    ("Title", OutcomeField::Title),
    ("Description", OutcomeField::Description),
    ("Time frame", OutcomeField::TimeFrame),
    ("Population", OutcomeField::Population),
    ("Analysis Population Description", OutcomeField::Population),
    ("Analysis population", OutcomeField::Population),
    ("Unit of measure", OutcomeField::Unit),
    ("Units of measure", OutcomeField::Unit),
];

/// A statistical analysis's labelled fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AnalysisField {
    Groups,
    Test,
    Method,
    MethodComment,
    PValue,
    PValueComment,
    Parameter,
    Estimate,
    EstimateComment,
    Comments,
    Interval,
}

/// The labels of an analysis's fields.
const ANALYSIS_LABELS: &[(&str, AnalysisField)] = &[
    ("Groups compared", AnalysisField::Groups),
    ("Comparison Group Selection", AnalysisField::Groups),
    ("Comparison groups", AnalysisField::Groups),
    ("Type of test", AnalysisField::Test),
    ("Type of Statistical Test", AnalysisField::Test),
    ("Non-inferiority type", AnalysisField::Test),
    ("Method", AnalysisField::Method),
    ("Statistical method", AnalysisField::Method),
    ("Method comment", AnalysisField::MethodComment),
    ("P-value", AnalysisField::PValue),
    ("P-value comment", AnalysisField::PValueComment),
    ("Estimate", AnalysisField::Parameter),
    ("Estimation Parameter", AnalysisField::Parameter),
    ("Parameter", AnalysisField::Parameter),
    ("Estimated value", AnalysisField::Estimate),
    ("Estimate comment", AnalysisField::EstimateComment),
    ("Estimation Comments", AnalysisField::EstimateComment),
    ("Comments", AnalysisField::Comments),
    ("Confidence Interval", AnalysisField::Interval),
];

/// The classic tab's analysis rows that put a field's label in their second cell.
const ANALYSIS_BLOCKS: &[&str] = &[
    "Statistical Analysis Overview",
    "Statistical Test of Hypothesis",
    "Method of Estimation",
];

/// The site's own lines on an outcome that carry nothing ("Hide Outcome Measure Data").
fn is_chrome(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    lower.starts_with("hide ") || lower.starts_with("show ") || t == "[Not Specified]"
}

/// The outcome type a line names, and a title after a colon: "PRIMARY", "Secondary outcome",
/// "1. Primary Outcome", "Primary outcome: Pain at Week 4".
pub(crate) fn outcome_type(text: &str) -> Option<(OutcomeMeasureType, Option<&str>)> {
    let t = text.trim();
    if t.len() > MAX_TYPE_LINE && !t.contains(':') {
        return None;
    }
    let t = match t.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => t,
    };
    let (head, title) = match t.split_once(':') {
        Some((h, rest)) => (h.trim(), Some(rest.trim()).filter(|r| !r.is_empty())),
        None => (t, None),
    };
    if head.len() > MAX_TYPE_LINE {
        return None;
    }
    let lower = head.to_ascii_lowercase();
    let mut word = head;
    for suffix in [" outcome measure", " outcome"] {
        if lower.ends_with(suffix) {
            word = &head[..head.len() - suffix.len()];
            break;
        }
    }
    Some((vocab::lookup_strict(word)?, title))
}

/// The words of a labelled line's value a classic page prints for nothing.
fn placeholder(t: &str) -> bool {
    t == "[Not Specified]" || t == "[Not specified]"
}

/// What the outcome reader remembers between items.
#[derive(Default)]
struct State<'a> {
    /// The outcome being read (its index).
    outcome: Option<usize>,
    /// Whether the next line is the outcome's title.
    title_next: bool,
    /// Whether the outcome's table header was seen.
    header_seen: bool,
    /// Whether unlabelled lines still add to the description.
    describing: bool,
    /// The analysis being read (its index within the outcome).
    analysis: Option<usize>,
    /// The analysis field last read (a "Comments" row notes it).
    last_field: Option<AnalysisField>,
    /// A label alone, waiting for its value on the next line.
    pending: Option<(Pending, Line<'a>)>,
}

/// A label alone on its line: an outcome's field or an analysis's.
#[derive(Debug, Clone, Copy)]
enum Pending {
    Outcome(OutcomeField),
    Analysis(AnalysisField),
}

/// Reads the outcome measures' items.
pub(crate) fn read(cx: &mut Ctx<'_>, items: &[Item<'_>]) {
    let mut st = State::default();
    let outcome_labels: Vec<&str> = OUTCOME_LABELS.iter().map(|(l, _)| *l).collect();
    let analysis_labels: Vec<&str> = ANALYSIS_LABELS.iter().map(|(l, _)| *l).collect();
    for item in items {
        if let (Some((pending, label)), Item::Text(value)) = (st.pending.take(), item) {
            let from = [label, *value];
            match pending {
                Pending::Outcome(f) => outcome_field(cx, &mut st, f, *value, &from),
                Pending::Analysis(f) => analysis_field(cx, &mut st, f, *value, &from),
            }
            continue;
        }
        if let Item::Text(l) = item {
            if let Some((kind, title)) = outcome_type(l.text) {
                start(cx, &mut st, kind, l, title);
                continue;
            }
        }
        let Some(o) = st.outcome else { continue };
        let labelled = field(item, &outcome_labels);
        if let (Item::Text(l), true, None) = (item, st.title_next, &labelled) {
            set_title(cx, &mut st, o, *l, &[*l]);
            continue;
        }
        if let Item::Text(l) = item {
            if is_chrome(l.text) {
                cx.take(l);
                continue;
            }
            if l.text
                .to_ascii_lowercase()
                .starts_with("statistical analys")
            {
                start_analysis(cx, &mut st, o, l);
                continue;
            }
        }
        if st.analysis.is_some() && analysis_item(cx, &mut st, item, &analysis_labels) {
            continue;
        }
        match labelled {
            Some(Field::Value { label, value, from }) => {
                outcome_field(cx, &mut st, OUTCOME_LABELS[label].1, value, &from);
                continue;
            }
            Some(Field::Label { label, line }) => {
                st.pending = Some((Pending::Outcome(OUTCOME_LABELS[label].1), line));
                continue;
            }
            None => {}
        }
        match item {
            Item::Text(l) => text(cx, &mut st, o, l),
            Item::Header(heads) => {
                if !st.header_seen {
                    let at = format!("{OUTCOMES}[{o}]");
                    let (groups, denoms) = groups_of(cx, heads, "OG", &at);
                    let outcome = outcome_mut(cx, o);
                    outcome.groups = groups;
                    outcome.denoms = denoms;
                    heads.iter().for_each(|h| cx.widen(&at, [&h.title]));
                }
                st.header_seen = true;
                st.describing = false;
            }
            Item::Row(r) if st.header_seen => data_row(cx, o, r),
            Item::Row(_) => {}
        }
    }
}

fn outcome_mut<'s>(cx: &'s mut Ctx<'_>, o: usize) -> &'s mut OutcomeMeasure {
    &mut cx
        .study
        .results_section
        .outcome_measures_module
        .outcome_measures[o]
}

/// Starts an outcome of `kind` at line `l` (its title after a colon, if any).
fn start(
    cx: &mut Ctx<'_>,
    st: &mut State<'_>,
    kind: OutcomeMeasureType,
    l: &Line<'_>,
    title: Option<&str>,
) {
    let list = &mut cx
        .study
        .results_section
        .outcome_measures_module
        .outcome_measures;
    list.push(OutcomeMeasure {
        outcome_type: Some(kind),
        ..OutcomeMeasure::default()
    });
    let o = list.len() - 1;
    *st = State {
        outcome: Some(o),
        title_next: title.is_none(),
        describing: true,
        ..State::default()
    };
    let at = format!("{OUTCOMES}[{o}]");
    cx.at(&at, [l]);
    cx.at(&format!("{at}.type"), [l]);
    cx.take(l);
    if let Some(t) = title {
        let value = Line {
            no: l.no,
            text: t,
            indent: 0,
        };
        set_title(cx, st, o, value, &[*l]);
    }
}

fn set_title(cx: &mut Ctx<'_>, st: &mut State<'_>, o: usize, value: Line<'_>, from: &[Line<'_>]) {
    st.title_next = false;
    let outcome = outcome_mut(cx, o);
    if outcome.title.is_some() {
        return;
    }
    outcome.title = Some(value.text.to_string());
    let at = format!("{OUTCOMES}[{o}]");
    cx.at(&format!("{at}.title"), from);
    cx.widen(&at, from);
    cx.take_all(from);
}

/// An outcome's labelled field.
fn outcome_field(
    cx: &mut Ctx<'_>,
    st: &mut State<'_>,
    f: OutcomeField,
    value: Line<'_>,
    from: &[Line<'_>],
) {
    let Some(o) = st.outcome else { return };
    if f == OutcomeField::Title {
        return set_title(cx, st, o, value, from);
    }
    st.describing = false;
    if placeholder(value.text) {
        cx.take_all(from);
        return;
    }
    let outcome = outcome_mut(cx, o);
    let (slot, name) = match f {
        OutcomeField::Description => (&mut outcome.description, "description"),
        OutcomeField::TimeFrame => (&mut outcome.time_frame, "timeFrame"),
        OutcomeField::Population => (&mut outcome.population_description, "populationDescription"),
        OutcomeField::Unit | OutcomeField::Title => (&mut outcome.unit_of_measure, "unitOfMeasure"),
    };
    if slot.is_some() {
        return;
    }
    *slot = Some(value.text.to_string());
    let at = format!("{OUTCOMES}[{o}]");
    cx.at(&format!("{at}.{name}"), from);
    cx.widen(&at, from);
    cx.take_all(from);
}

/// A line of an outcome that no label names: what its values are, their unit, or its
/// description.
fn text(cx: &mut Ctx<'_>, st: &mut State<'_>, o: usize, l: &Line<'_>) {
    if info_line(cx, o, l) {
        st.describing = false;
    } else if st.describing && st.analysis.is_none() {
        let at = format!("{OUTCOMES}[{o}]");
        let outcome = outcome_mut(cx, o);
        let d = outcome.description.get_or_insert_with(String::new);
        if !d.is_empty() {
            d.push_str("\n\n");
        }
        d.push_str(l.text);
        cx.widen(&format!("{at}.description"), [l]);
        cx.widen(&at, [l]);
        cx.take(l);
    }
}

/// A line saying what outcome `o`'s values are ("Mean (Standard Deviation)") or their unit
/// ("Unit of measure: seconds"); whether it was one.
fn info_line(cx: &mut Ctx<'_>, o: usize, l: &Line<'_>) -> bool {
    let at = format!("{OUTCOMES}[{o}]");
    let outcome = outcome_mut(cx, o);
    if let Some((param, disp)) = param_phrase(l.text) {
        outcome.param_type = Some(param);
        if let Some(d) = disp {
            outcome.dispersion_type = Some(d.code().to_string());
            cx.at(&format!("{at}.dispersionType"), [l]);
        }
        cx.at(&format!("{at}.paramType"), [l]);
    } else if let Some(unit) = unit_line(l.text) {
        if outcome.unit_of_measure.is_some() {
            return false;
        }
        outcome.unit_of_measure = Some(unit.to_string());
        cx.at(&format!("{at}.unitOfMeasure"), [l]);
    } else {
        return false;
    }
    cx.widen(&at, [l]);
    cx.take(l);
    true
}

/// A row of the outcome's table: its label without the outcome's title and what the values are.
fn data_row(cx: &mut Ctx<'_>, o: usize, r: &Row<'_>) {
    if !has_values(r) {
        return;
    }
    let at = format!("{OUTCOMES}[{o}]");
    let title = outcome_mut(cx, o).title.clone().unwrap_or_default();
    let mut names = Vec::new();
    for l in &r.label {
        if l.text.eq_ignore_ascii_case(&title) {
            cx.take(l);
        } else if !(is_info(l.text) && info_line(cx, o, l)) {
            names.push(*l);
        }
    }
    let all: Vec<&Line<'_>> = r.label.iter().chain(r.cells.iter().flatten()).collect();
    cx.widen(&at, all.iter().copied());
    place_row(cx, Target::Outcome(o), &names, r);
}

fn start_analysis(cx: &mut Ctx<'_>, st: &mut State<'_>, o: usize, l: &Line<'_>) {
    let analyses = &mut outcome_mut(cx, o).analyses;
    analyses.push(MeasureAnalysis::default());
    let a = analyses.len() - 1;
    st.analysis = Some(a);
    st.last_field = None;
    st.describing = false;
    let at = format!("{OUTCOMES}[{o}].analyses[{a}]");
    cx.at(&at, [l]);
    cx.widen(&format!("{OUTCOMES}[{o}]"), [l]);
    cx.take(l);
}

/// An item of an analysis: a labelled field, a classic row putting the label in its second
/// cell, or the confidence interval's limits on the line after it. Whether it was one.
fn analysis_item<'a>(
    cx: &mut Ctx<'_>,
    st: &mut State<'a>,
    item: &Item<'a>,
    labels: &[&str],
) -> bool {
    if let Item::Row(r) = item {
        if let ([block], [name, value]) = (r.label.as_slice(), r.cells.as_slice()) {
            if let ([name], [value], Some(_)) = (
                name.as_slice(),
                value.as_slice(),
                label_index(block.text, ANALYSIS_BLOCKS),
            ) {
                let Some(i) = label_index(name.text, labels) else {
                    return false;
                };
                analysis_field(
                    cx,
                    st,
                    ANALYSIS_LABELS[i].1,
                    *value,
                    &[*block, *name, *value],
                );
                return true;
            }
        }
    }
    if let Item::Text(l) = item {
        if is_interval_label(l.text) {
            interval(cx, st, *l, &[*l]);
            return true;
        }
        if st.last_field == Some(AnalysisField::Interval) && limits(l.text).is_some() {
            interval(cx, st, *l, &[*l]);
            return true;
        }
    }
    match field(item, labels) {
        Some(Field::Value { label, value, from }) => {
            analysis_field(cx, st, ANALYSIS_LABELS[label].1, value, &from);
            true
        }
        Some(Field::Label { label, line }) => {
            st.pending = Some((Pending::Analysis(ANALYSIS_LABELS[label].1), line));
            true
        }
        None => false,
    }
}

/// Whether a line names a confidence interval with its value after a colon ("Confidence
/// interval (2-Sided) 95%: -2.5 to -0.5", "95% CI: 1.1 to 2.0").
fn is_interval_label(t: &str) -> bool {
    let Some((label, _)) = t.split_once(':') else {
        return false;
    };
    let lower = label.to_ascii_lowercase();
    lower.starts_with("confidence interval") || lower.ends_with(" ci") || lower == "ci"
}

/// Two limits "X to Y" in `t`, the last such pair.
fn limits(t: &str) -> Option<(&str, &str)> {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(3).rev().find_map(|w| {
        let ok = w[1] == "to" && cells::is_number(w[0]) && cells::is_number(w[2]);
        ok.then_some((w[0], w[2]))
    })
}

/// A confidence interval's sides, level and limits, from `l` (the classic tab gives the
/// limits on a line of their own, after "(2-Sided) 95%").
fn interval(cx: &mut Ctx<'_>, st: &mut State<'_>, l: Line<'_>, from: &[Line<'_>]) {
    let (Some(o), Some(a)) = (st.outcome, st.analysis) else {
        return;
    };
    st.last_field = Some(AnalysisField::Interval);
    let at = format!("{OUTCOMES}[{o}].analyses[{a}]");
    let analysis = &mut outcome_mut(cx, o).analyses[a];
    let lower = l.text.to_ascii_lowercase();
    let mut set: Vec<&str> = Vec::new();
    if lower.contains("2-sided") || lower.contains("two-sided") {
        analysis.ci_num_sides = Some(ConfidenceIntervalNumSides::TwoSided);
        set.push("ciNumSides");
    } else if lower.contains("1-sided") || lower.contains("one-sided") {
        analysis.ci_num_sides = Some(ConfidenceIntervalNumSides::OneSided);
        set.push("ciNumSides");
    }
    let pct = l
        .text
        .split_whitespace()
        .filter_map(|w| w.trim_end_matches(':').strip_suffix('%'))
        .find(|n| cells::is_number(n));
    if let Some(p) = pct {
        analysis.ci_pct_value = Some(p.to_string());
        set.push("ciPctValue");
    }
    if let Some((lo, hi)) = limits(l.text) {
        analysis.ci_lower_limit = Some(lo.to_string());
        analysis.ci_upper_limit = Some(hi.to_string());
        set.extend(["ciLowerLimit", "ciUpperLimit"]);
    }
    if set.is_empty() {
        return;
    }
    for name in set {
        cx.at(&format!("{at}.{name}"), from);
    }
    cx.widen(&at, from);
    cx.take_all(from);
}

/// An analysis's labelled field.
fn analysis_field(
    cx: &mut Ctx<'_>,
    st: &mut State<'_>,
    f: AnalysisField,
    value: Line<'_>,
    from: &[Line<'_>],
) {
    let (Some(o), Some(a)) = (st.outcome, st.analysis) else {
        return;
    };
    if f == AnalysisField::Interval {
        return interval(cx, st, value, from);
    }
    let at = format!("{OUTCOMES}[{o}].analyses[{a}]");
    if placeholder(value.text) {
        cx.take_all(from);
        if f != AnalysisField::Comments {
            st.last_field = Some(f);
        }
        return;
    }
    let groups = outcome_mut(cx, o).groups.clone();
    let analysis = &mut outcome_mut(cx, o).analyses[a];
    let text = Some(value.text.to_string());
    // "Comments" notes the field read before it.
    let f = match (f, st.last_field) {
        (AnalysisField::Comments, Some(AnalysisField::Groups)) => Some("groupDescription"),
        (AnalysisField::Comments, Some(AnalysisField::Test)) => Some("nonInferiorityComment"),
        (AnalysisField::Comments, Some(AnalysisField::PValue)) => Some("pValueComment"),
        (AnalysisField::Comments, Some(AnalysisField::Method)) => Some("statisticalComment"),
        (AnalysisField::Comments, Some(AnalysisField::Parameter | AnalysisField::Estimate)) => {
            Some("estimateComment")
        }
        (AnalysisField::Comments, _) => None,
        _ => {
            st.last_field = Some(f);
            match f {
                AnalysisField::Groups => {
                    let Some(ids) = group_ids(&groups, value.text) else {
                        return;
                    };
                    analysis.group_ids = ids;
                    Some("groupIds")
                }
                AnalysisField::Test => {
                    let Some(t) = vocab::lookup_strict::<NonInferiorityType>(value.text) else {
                        return;
                    };
                    analysis.non_inferiority_type = Some(t);
                    Some("nonInferiorityType")
                }
                AnalysisField::Method => Some("statisticalMethod"),
                AnalysisField::MethodComment => Some("statisticalComment"),
                AnalysisField::PValue => Some("pValue"),
                AnalysisField::PValueComment => Some("pValueComment"),
                AnalysisField::Parameter => Some("paramType"),
                AnalysisField::Estimate => Some("paramValue"),
                AnalysisField::EstimateComment => Some("estimateComment"),
                AnalysisField::Comments | AnalysisField::Interval => None,
            }
        }
    };
    let Some(name) = f else { return };
    let slot = match name {
        "groupDescription" => Some(&mut analysis.group_description),
        "nonInferiorityComment" => Some(&mut analysis.non_inferiority_comment),
        "pValueComment" => Some(&mut analysis.p_value_comment),
        "statisticalComment" => Some(&mut analysis.statistical_comment),
        "estimateComment" => Some(&mut analysis.estimate_comment),
        "statisticalMethod" => Some(&mut analysis.statistical_method),
        "pValue" => Some(&mut analysis.p_value),
        "paramType" => Some(&mut analysis.param_type),
        "paramValue" => Some(&mut analysis.param_value),
        _ => None,
    };
    if let Some(slot) = slot {
        if slot.is_some() {
            return;
        }
        *slot = text;
    }
    cx.at(&format!("{at}.{name}"), from);
    cx.widen(&at, from);
    cx.widen(&format!("{OUTCOMES}[{o}]"), from);
    cx.take_all(from);
}

/// The IDs of the groups a comparison names ("Drug A, Placebo", "Drug A vs Placebo"), in the
/// order named; `None` unless every name is a group's title.
fn group_ids(groups: &[MeasureGroup], text: &str) -> Option<Vec<String>> {
    let mut rest = text.to_string();
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut by_length: Vec<&MeasureGroup> = groups.iter().collect();
    by_length.sort_by_key(|g| std::cmp::Reverse(g.title.as_ref().map_or(0, String::len)));
    for g in by_length {
        let (Some(title), Some(id)) = (&g.title, &g.id) else {
            continue;
        };
        if let Some(at) = rest.find(title.as_str()) {
            found.push((at, id.clone()));
            rest.replace_range(at..at + title.len(), &" ".repeat(title.len()));
        }
    }
    let left = rest
        .replace(',', " ")
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "and" | "vs" | "vs." | "versus"
            )
        })
        .count();
    if found.is_empty() || left > 0 {
        return None;
    }
    found.sort();
    Some(found.into_iter().map(|(_, id)| id).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_type_lines() {
        use OutcomeMeasureType as T;
        assert_eq!(outcome_type("PRIMARY"), Some((T::Primary, None)));
        assert_eq!(
            outcome_type("Secondary outcome"),
            Some((T::Secondary, None))
        );
        assert_eq!(
            outcome_type("2. Secondary Outcome"),
            Some((T::Secondary, None))
        );
        assert_eq!(outcome_type("Post-Hoc Outcome"), Some((T::PostHoc, None)));
        assert_eq!(
            outcome_type("Primary outcome: Pain at Week 4"),
            Some((T::Primary, Some("Pain at Week 4")))
        );
        for not in [
            "Primary outcome timeframe",
            "Overall Study",
            "Primary Outcomes",
        ] {
            assert_eq!(outcome_type(not), None, "{not}");
        }
    }

    #[test]
    fn compared_groups_by_their_titles() {
        let g = |id: &str, t: &str| MeasureGroup {
            id: Some(id.into()),
            title: Some(t.into()),
            description: None,
        };
        let groups = [
            g("OG000", "Drug A"),
            g("OG001", "Drug A Plus B"),
            g("OG002", "Placebo"),
        ];
        assert_eq!(
            group_ids(&groups, "Placebo, Drug A Plus B"),
            Some(vec!["OG002".to_string(), "OG001".to_string()])
        );
        assert_eq!(
            group_ids(&groups, "Drug A vs Placebo"),
            Some(vec!["OG000".to_string(), "OG002".to_string()])
        );
        assert_eq!(group_ids(&groups, "Drug A, Drug C"), None);
    }

    #[test]
    fn interval_limits() {
        assert_eq!(limits("-2.5 to -0.5"), Some(("-2.5", "-0.5")));
        assert_eq!(limits("(2-Sided) 95%"), None);
        assert!(is_interval_label(
            "Confidence interval (2-Sided) 95%: -2.5 to -0.5"
        ));
        assert!(is_interval_label("95% CI: 1.1 to 2.0"));
        assert!(!is_interval_label("Method: ANCOVA"));
    }
}
