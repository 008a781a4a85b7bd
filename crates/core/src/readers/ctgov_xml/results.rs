//! Classic XML `<clinical_results>` → the v2 `resultsSection`: the participant flow, baseline,
//! outcome list (with its analyses), reported events, agreements, limitations and point of
//! contact, element by element as the reader streams them.
//!
//! **Group IDs.** Classic XML names each table's groups with its own letter (`P1`, `P2` … in
//! the participant flow, `B1` … in the baseline, `O1` … in each outcome, `E1` … in the reported
//! events); v2 numbers them from zero behind its own prefix (`FG000`, `BG000`, `OG000`,
//! `EG000`). A group's v2 ID is its place in its `<group_list>` (the first group listed is
//! `FG000`, whatever its classic ID), and every later reference to a classic ID
//! (`<participants group_id="P2">`, an analysis's `<group_id>O2</group_id>`) is read as the v2 ID
//! of the group listed under it. A reference its group list lacks is kept under
//! `trialcards.unmodelled`, with a warning.
//!
//! **Adverse events.** An event's organ system is its `<category>`'s title, and an event
//! without its own `vocab` or `<assessment>` takes its list's `<default_vocab>` and
//! `<default_assessment>` (traced to those elements' lines). The category titled "Total" holds
//! each group's totals, not an event: "Total, serious adverse events" gives `seriousNumAffected`
//! and `seriousNumAtRisk`, "Total, other adverse events" `otherNum…`, "Total, all-cause
//! mortality" `deathsNum…`.
//!
//! **Everything else.** An outcome's `<measure>` repeats its title, description and population:
//! a repeat equal to the outcome's is read once, a different one is kept. The `<scope>` of an
//! `<analyzed>` says where it sits (`Overall` in the baseline, `Measure` in a measure), which the
//! v2 record says by where its denominators are, so a scope matching its place is read and any
//! other is kept. `<measure><units_analyzed>` is an outcome's `typeUnitsAnalyzed` and a baseline
//! measure's `denomUnitsSelected`. `<pi_employee>` and `<restrictive_agreement>` are read from
//! CT.gov's sentences ("… are NOT employed …", "… less than or equal to 60 days …"). Classic XML
//! has no element for `reportingStatus`, `calculatePct`, a flow's units, milestone comments,
//! `allCauseMortalityComment`, `testedNonInferiority` or an agreement's `otherDetails`.

use std::collections::HashMap;

use super::mapping::Placed;
use crate::fields::date;
use crate::fields::results::{dispersion, pi_employee, restrictive_agreement, total_of, Total};
use crate::model::{
    AdverseEvent, CtEnum, Denom, DenomCount, DropWithdraw, EventAssessment, EventGroup, EventStats,
    FlowGroup, FlowMilestone, FlowPeriod, FlowStats, LimitationsAndCaveats, MeasureAnalysis,
    MeasureCategory, MeasureClass, MeasureGroup, Measurement, OutcomeMeasure, Study,
};
use crate::vocab;

const FLOW: &str = "/resultsSection/participantFlowModule";
const BASELINE: &str = "/resultsSection/baselineCharacteristicsModule";
const OUTCOMES: &str = "/resultsSection/outcomeMeasuresModule/outcomeMeasures";
const EVENTS: &str = "/resultsSection/adverseEventsModule";
const MORE: &str = "/resultsSection/moreInfoModule";

/// What the reader remembers between the elements of one `<clinical_results>`.
#[derive(Debug, Default)]
pub(crate) struct ResultsState {
    /// Classic group ID → the group's place in the group list being read (the flow's, the
    /// baseline's, the current outcome's or the reported events').
    groups: HashMap<String, usize>,
    /// The current event list's `<default_vocab>` and `<default_assessment>`, with their lines.
    default_vocab: Option<(String, [usize; 2])>,
    default_assessment: Option<(EventAssessment, [usize; 2])>,
    /// The current event category's title and lines.
    category: Option<(String, [usize; 2])>,
    /// Inside an event of the "Total" category: which total its `<sub_title>` names, once read.
    total_event: bool,
    total: Option<Total>,
}

/// What became of one closing element: its text and each of its attributes (in their order)
/// placed (`Ok`), without a v2 field (`Err(None)`), or unreadable (`Err(Some(why))`); the
/// caller keeps what was not placed.
#[derive(Debug)]
pub(crate) struct Closed {
    /// The element's text (`Ok` when it has none).
    pub text: Placed,
    /// Its attributes.
    pub attrs: Vec<Placed>,
}

/// Starts the entry an element inside `<clinical_results>` opens (`path` starts below it): a
/// group, period, milestone, count, measure, class, category, measurement, outcome, analysis,
/// event or event count.
pub(crate) fn open(study: &mut Study, state: &mut ResultsState, path: &[&str]) {
    let r = &mut study.results_section;
    match path {
        ["participant_flow"] | ["baseline"] | ["reported_events"] => state.groups.clear(),
        ["participant_flow", "group_list", "group"] => {
            let groups = &mut r.participant_flow_module.groups;
            groups.push(FlowGroup {
                id: Some(group_id("FG", groups.len())),
                ..FlowGroup::default()
            });
        }
        ["participant_flow", "period_list", "period", rest @ ..] => {
            let periods = &mut r.participant_flow_module.periods;
            if rest.is_empty() {
                periods.push(FlowPeriod::default());
                return;
            }
            let Some(period) = periods.last_mut() else {
                return;
            };
            match rest {
                ["milestone_list", "milestone"] => period.milestones.push(FlowMilestone::default()),
                ["milestone_list", "milestone", "participants_list", "participants"] => {
                    if let Some(m) = period.milestones.last_mut() {
                        m.achievements.push(FlowStats::default());
                    }
                }
                ["drop_withdraw_reason_list", "drop_withdraw_reason"] => {
                    period.drop_withdraws.push(DropWithdraw::default())
                }
                ["drop_withdraw_reason_list", "drop_withdraw_reason", "participants_list", "participants"] => {
                    if let Some(d) = period.drop_withdraws.last_mut() {
                        d.reasons.push(FlowStats::default());
                    }
                }
                _ => {}
            }
        }
        ["baseline", "group_list", "group"] => {
            let groups = &mut r.baseline_characteristics_module.groups;
            groups.push(MeasureGroup {
                id: Some(group_id("BG", groups.len())),
                ..MeasureGroup::default()
            });
        }
        ["baseline", "analyzed_list", rest @ ..] => {
            open_denoms(&mut r.baseline_characteristics_module.denoms, rest)
        }
        ["baseline", "measure_list", "measure", rest @ ..] => {
            let measures = &mut r.baseline_characteristics_module.measures;
            if rest.is_empty() {
                measures.push(Default::default());
            } else if let Some(m) = measures.last_mut() {
                open_table(&mut m.denoms, &mut m.classes, rest);
            }
        }
        ["outcome_list", "outcome", rest @ ..] => {
            let outcomes = &mut r.outcome_measures_module.outcome_measures;
            if rest.is_empty() {
                state.groups.clear();
                outcomes.push(OutcomeMeasure::default());
                return;
            }
            let Some(o) = outcomes.last_mut() else {
                return;
            };
            match rest {
                ["group_list", "group"] => o.groups.push(MeasureGroup {
                    id: Some(group_id("OG", o.groups.len())),
                    ..MeasureGroup::default()
                }),
                ["measure", rest @ ..] => open_table(&mut o.denoms, &mut o.classes, rest),
                ["analysis_list", "analysis"] => o.analyses.push(MeasureAnalysis::default()),
                _ => {}
            }
        }
        ["reported_events", "group_list", "group"] => {
            let groups = &mut r.adverse_events_module.event_groups;
            groups.push(EventGroup {
                id: Some(group_id("EG", groups.len())),
                ..EventGroup::default()
            });
        }
        ["reported_events", kind @ ("serious_events" | "other_events"), rest @ ..] => match rest {
            [] => {
                state.default_vocab = None;
                state.default_assessment = None;
            }
            ["category_list", "category"] => state.category = None,
            ["category_list", "category", "event_list", "event"] => {
                let title = state.category.as_ref().map(|(t, _)| t.as_str());
                if title.is_some_and(|t| t.eq_ignore_ascii_case("total")) {
                    state.total_event = true;
                    state.total = None;
                    return;
                }
                let list = event_list(study, kind);
                list.push(AdverseEvent {
                    organ_system: title.map(str::to_string),
                    ..AdverseEvent::default()
                });
            }
            ["category_list", "category", "event_list", "event", "counts"]
                if !state.total_event =>
            {
                if let Some(event) = event_list(study, kind).last_mut() {
                    event.stats.push(EventStats::default());
                }
            }
            _ => {}
        },
        _ => {}
    }
}

/// Places what an element inside `<clinical_results>` holds (`path` starts below it), traces
/// each value to `lines` (the element's) and each entry it opened too.
pub(crate) fn close(
    study: &mut Study,
    state: &mut ResultsState,
    path: &[&str],
    text: &str,
    attrs: &[(String, String)],
    lines: [usize; 2],
) -> Closed {
    let mut leaf = Leaf {
        text,
        attrs,
        placed_text: if text.is_empty() { Ok(()) } else { Err(None) },
        placed_attrs: vec![Err(None); attrs.len()],
        traced: Vec::new(),
    };
    match path {
        ["participant_flow", rest @ ..] => flow(study, state, rest, &mut leaf),
        ["baseline", rest @ ..] => baseline(study, state, rest, &mut leaf),
        ["outcome_list", "outcome", rest @ ..] => outcome(study, state, rest, &mut leaf),
        ["reported_events", rest @ ..] => events(study, state, rest, &mut leaf, lines),
        _ => more_info(study, path, &mut leaf),
    }
    for (pointer, at) in leaf.traced {
        study
            .trialcards
            .provenance
            .insert(pointer, at.unwrap_or(lines));
    }
    Closed {
        text: leaf.placed_text,
        attrs: leaf.placed_attrs,
    }
}

/// The v2 ID of the `index`th group of a table whose IDs start with `prefix`.
fn group_id(prefix: &str, index: usize) -> String {
    format!("{prefix}{index:03}")
}

/// The serious or other events of the record.
fn event_list<'a>(study: &'a mut Study, kind: &str) -> &'a mut Vec<AdverseEvent> {
    let ae = &mut study.results_section.adverse_events_module;
    if kind == "serious_events" {
        &mut ae.serious_events
    } else {
        &mut ae.other_events
    }
}

fn last(len: usize) -> usize {
    len.saturating_sub(1)
}

/// One closing element: its text and attributes, what became of each, and the pointers of
/// the values it gave (traced to its own lines, or to those given).
struct Leaf<'a> {
    text: &'a str,
    attrs: &'a [(String, String)],
    placed_text: Placed,
    placed_attrs: Vec<Placed>,
    traced: Vec<(String, Option<[usize; 2]>)>,
}

impl<'a> Leaf<'a> {
    /// Traces the value at `pointer` to this element's lines.
    fn trace(&mut self, pointer: String) {
        self.traced.push((pointer, None));
    }

    /// The text, marked as read.
    fn take_text(&mut self) -> Option<&'a str> {
        if self.text.is_empty() {
            return None;
        }
        self.placed_text = Ok(());
        Some(self.text)
    }

    /// The text goes to `slot`.
    fn text_to(&mut self, slot: &mut Option<String>, pointer: String) {
        if let Some(text) = self.take_text() {
            *slot = Some(text.to_string());
            self.trace(pointer);
        }
    }

    /// The text goes to `slot` when it is empty; a text equal to the slot's is read as a
    /// repeat; a different one is kept.
    fn same_or_to(&mut self, slot: &mut Option<String>, pointer: String) {
        match slot.as_deref() {
            None => self.text_to(slot, pointer),
            Some(held) if held == self.text => self.placed_text = Ok(()),
            Some(_) => {}
        }
    }

    /// The text read by `read` (`None`: a value trialcards does not know) goes to `slot`.
    fn read_to<T>(
        &mut self,
        slot: &mut Option<T>,
        pointer: String,
        read: impl FnOnce(&str) -> Option<T>,
    ) {
        if self.text.is_empty() {
            return;
        }
        match read(self.text) {
            Some(value) => {
                *slot = Some(value);
                self.placed_text = Ok(());
                self.trace(pointer);
            }
            None => self.placed_text = Err(unknown(self.text)),
        }
    }

    /// The value of attribute `name`, marked as read.
    fn take_attr(&mut self, name: &str) -> Option<&'a str> {
        let i = self.attrs.iter().position(|(k, _)| k == name)?;
        self.placed_attrs[i] = Ok(());
        Some(self.attrs[i].1.as_str())
    }

    /// Attribute `name` goes to `slot`.
    fn attr_to(&mut self, name: &str, slot: &mut Option<String>, pointer: String) {
        if let Some(value) = self.take_attr(name) {
            *slot = Some(value.to_string());
            self.trace(pointer);
        }
    }

    /// Attribute `name`, a whole number, goes to `slot`.
    fn count_to(&mut self, name: &str, slot: &mut Option<u64>, pointer: String) {
        let Some(i) = self.attrs.iter().position(|(k, _)| k == name) else {
            return;
        };
        let value = self.attrs[i].1.trim();
        match value.parse() {
            Ok(n) => {
                *slot = Some(n);
                self.placed_attrs[i] = Ok(());
                self.trace(pointer);
            }
            Err(_) => {
                self.placed_attrs[i] = Err(Some(format!(
                    "has a value that is not a whole number (\"{value}\")"
                )))
            }
        }
    }

    /// The `group_id` attribute, read as the v2 ID of the group listed under it, goes to
    /// `slot`.
    fn group_to(
        &mut self,
        state: &ResultsState,
        prefix: &str,
        slot: &mut Option<String>,
        pointer: String,
    ) {
        let Some(i) = self.attrs.iter().position(|(k, _)| k == "group_id") else {
            return;
        };
        match v2_group(state, prefix, &self.attrs[i].1) {
            Ok(id) => {
                *slot = Some(id);
                self.placed_attrs[i] = Ok(());
                self.trace(pointer);
            }
            Err(why) => self.placed_attrs[i] = Err(Some(why)),
        }
    }
}

/// The place, in the group list being read, of the group whose classic ID is `classic`.
fn group_index(state: &ResultsState, classic: &str) -> Result<usize, String> {
    state
        .groups
        .get(classic.trim())
        .copied()
        .ok_or_else(|| format!("names group \"{classic}\", which its group list does not have"))
}

/// The v2 ID of the group whose classic ID is `classic` in the group list being read.
fn v2_group(state: &ResultsState, prefix: &str, classic: &str) -> Result<String, String> {
    group_index(state, classic).map(|i| group_id(prefix, i))
}

/// Why a value could not be read.
fn unknown(value: &str) -> Option<String> {
    Some(format!(
        "has a value trialcards does not know (\"{value}\")"
    ))
}

/// The id, title and description of a group of any table.
trait Group {
    fn parts(&mut self) -> [&mut Option<String>; 3];
}

impl Group for FlowGroup {
    fn parts(&mut self) -> [&mut Option<String>; 3] {
        [&mut self.id, &mut self.title, &mut self.description]
    }
}

impl Group for MeasureGroup {
    fn parts(&mut self) -> [&mut Option<String>; 3] {
        [&mut self.id, &mut self.title, &mut self.description]
    }
}

impl Group for EventGroup {
    fn parts(&mut self) -> [&mut Option<String>; 3] {
        [&mut self.id, &mut self.title, &mut self.description]
    }
}

/// `<group group_id="…">` of a group list (at `list`, the v2 pointer of `groups`) and its
/// `<title>` and `<description>`: the classic ID is remembered for the references after it.
fn group<G: Group>(
    groups: &mut [G],
    list: &str,
    state: &mut ResultsState,
    rest: &[&str],
    leaf: &mut Leaf,
) {
    let index = last(groups.len());
    let Some(g) = groups.last_mut() else {
        return;
    };
    let at = format!("{list}/{index}");
    let [id, title, description] = g.parts();
    match rest {
        [] => {
            if let Some(classic) = leaf.take_attr("group_id") {
                state.groups.insert(classic.trim().to_string(), index);
            }
            if id.is_some() {
                leaf.trace(format!("{at}/id"));
            }
            leaf.trace(at);
        }
        ["title"] => leaf.text_to(title, format!("{at}/title")),
        ["description"] => leaf.text_to(description, format!("{at}/description")),
        _ => {}
    }
}

/// `<participants group_id="…" count="…">comment</participants>`, at `at`.
fn flow_stats(stats: &mut FlowStats, at: String, state: &ResultsState, leaf: &mut Leaf) {
    leaf.group_to(state, "FG", &mut stats.group_id, format!("{at}/groupId"));
    leaf.attr_to(
        "count",
        &mut stats.num_subjects,
        format!("{at}/numSubjects"),
    );
    leaf.text_to(&mut stats.comment, format!("{at}/comment"));
    leaf.trace(at);
}

/// `<participant_flow>`'s elements.
fn flow(study: &mut Study, state: &mut ResultsState, path: &[&str], leaf: &mut Leaf) {
    let f = &mut study.results_section.participant_flow_module;
    match path {
        ["recruitment_details"] => leaf.text_to(
            &mut f.recruitment_details,
            format!("{FLOW}/recruitmentDetails"),
        ),
        ["pre_assignment_details"] => leaf.text_to(
            &mut f.pre_assignment_details,
            format!("{FLOW}/preAssignmentDetails"),
        ),
        ["group_list", "group", rest @ ..] => {
            group(&mut f.groups, &format!("{FLOW}/groups"), state, rest, leaf)
        }
        ["period_list", "period", rest @ ..] => {
            let at = format!("{FLOW}/periods/{}", last(f.periods.len()));
            let Some(period) = f.periods.last_mut() else {
                return;
            };
            match rest {
                [] => leaf.trace(at),
                ["title"] => leaf.text_to(&mut period.title, format!("{at}/title")),
                ["milestone_list", "milestone", rest @ ..] => {
                    let at = format!("{at}/milestones/{}", last(period.milestones.len()));
                    let Some(m) = period.milestones.last_mut() else {
                        return;
                    };
                    match rest {
                        [] => leaf.trace(at),
                        ["title"] => leaf.text_to(&mut m.milestone_type, format!("{at}/type")),
                        ["participants_list", "participants"] => {
                            let at = format!("{at}/achievements/{}", last(m.achievements.len()));
                            if let Some(stats) = m.achievements.last_mut() {
                                flow_stats(stats, at, state, leaf);
                            }
                        }
                        _ => {}
                    }
                }
                ["drop_withdraw_reason_list", "drop_withdraw_reason", rest @ ..] => {
                    let at = format!("{at}/dropWithdraws/{}", last(period.drop_withdraws.len()));
                    let Some(d) = period.drop_withdraws.last_mut() else {
                        return;
                    };
                    match rest {
                        [] => leaf.trace(at),
                        ["title"] => leaf.text_to(&mut d.reason_type, format!("{at}/type")),
                        ["participants_list", "participants"] => {
                            let at = format!("{at}/reasons/{}", last(d.reasons.len()));
                            if let Some(stats) = d.reasons.last_mut() {
                                flow_stats(stats, at, state, leaf);
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// Starts the entries of an `<analyzed_list>` (`path` starts below it).
fn open_denoms(denoms: &mut Vec<Denom>, path: &[&str]) {
    match path {
        ["analyzed"] => denoms.push(Denom::default()),
        ["analyzed", "count_list", "count"] => {
            if let Some(d) = denoms.last_mut() {
                d.counts.push(DenomCount::default());
            }
        }
        _ => {}
    }
}

/// Starts the entries of a measure's table (`path` starts below `<measure>`).
fn open_table(denoms: &mut Vec<Denom>, classes: &mut Vec<MeasureClass>, path: &[&str]) {
    match path {
        ["analyzed_list", rest @ ..] => open_denoms(denoms, rest),
        ["class_list", "class"] => classes.push(MeasureClass::default()),
        ["class_list", "class", rest @ ..] => {
            let Some(class) = classes.last_mut() else {
                return;
            };
            match rest {
                ["analyzed_list", rest @ ..] => open_denoms(&mut class.denoms, rest),
                ["category_list", "category"] => class.categories.push(MeasureCategory::default()),
                ["category_list", "category", "measurement_list", "measurement"] => {
                    if let Some(category) = class.categories.last_mut() {
                        category.measurements.push(Measurement::default());
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// An `<analyzed_list>`'s elements (`path` starts below it), into `denoms` at `list`; its
/// `<scope>` is read when it is `scope`.
fn denoms(
    denoms: &mut [Denom],
    list: &str,
    scope: &str,
    state: &ResultsState,
    prefix: &str,
    path: &[&str],
    leaf: &mut Leaf,
) {
    let at = format!("{list}/{}", last(denoms.len()));
    let Some(d) = denoms.last_mut() else {
        return;
    };
    match path {
        ["analyzed"] => leaf.trace(at),
        ["analyzed", "units"] => leaf.text_to(&mut d.units, format!("{at}/units")),
        ["analyzed", "scope"] if leaf.text.eq_ignore_ascii_case(scope) => {
            leaf.take_text();
        }
        ["analyzed", "count_list", "count"] => {
            let at = format!("{at}/counts/{}", last(d.counts.len()));
            let Some(count) = d.counts.last_mut() else {
                return;
            };
            leaf.group_to(state, prefix, &mut count.group_id, format!("{at}/groupId"));
            leaf.attr_to("value", &mut count.value, format!("{at}/value"));
            leaf.trace(at);
        }
        _ => {}
    }
}

/// A measure's table (`path` starts below `<measure>`): its denominators and classes, at `at`
/// (the measure's pointer).
fn table(
    denoms_of: &mut [Denom],
    classes: &mut [MeasureClass],
    at: &str,
    state: &ResultsState,
    prefix: &str,
    path: &[&str],
    leaf: &mut Leaf,
) {
    match path {
        ["analyzed_list", rest @ ..] => denoms(
            denoms_of,
            &format!("{at}/denoms"),
            "Measure",
            state,
            prefix,
            rest,
            leaf,
        ),
        ["class_list", "class", rest @ ..] => {
            let at = format!("{at}/classes/{}", last(classes.len()));
            let Some(class) = classes.last_mut() else {
                return;
            };
            match rest {
                [] => leaf.trace(at),
                ["title"] => leaf.text_to(&mut class.title, format!("{at}/title")),
                ["analyzed_list", rest @ ..] => denoms(
                    &mut class.denoms,
                    &format!("{at}/denoms"),
                    "Class",
                    state,
                    prefix,
                    rest,
                    leaf,
                ),
                ["category_list", "category", rest @ ..] => {
                    let at = format!("{at}/categories/{}", last(class.categories.len()));
                    let Some(category) = class.categories.last_mut() else {
                        return;
                    };
                    match rest {
                        [] => leaf.trace(at),
                        ["title"] => leaf.text_to(&mut category.title, format!("{at}/title")),
                        ["measurement_list", "measurement"] => {
                            let list = &mut category.measurements;
                            let at = format!("{at}/measurements/{}", last(list.len()));
                            if let Some(m) = list.last_mut() {
                                measurement(m, at, state, prefix, leaf);
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// `<measurement group_id="…" value="…" spread="…" lower_limit="…" upper_limit="…">`, its
/// text the comment.
fn measurement(
    m: &mut Measurement,
    at: String,
    state: &ResultsState,
    prefix: &str,
    leaf: &mut Leaf,
) {
    leaf.group_to(state, prefix, &mut m.group_id, format!("{at}/groupId"));
    leaf.attr_to("value", &mut m.value, format!("{at}/value"));
    leaf.attr_to("spread", &mut m.spread, format!("{at}/spread"));
    leaf.attr_to(
        "lower_limit",
        &mut m.lower_limit,
        format!("{at}/lowerLimit"),
    );
    leaf.attr_to(
        "upper_limit",
        &mut m.upper_limit,
        format!("{at}/upperLimit"),
    );
    leaf.text_to(&mut m.comment, format!("{at}/comment"));
    leaf.trace(at);
}

/// `<baseline>`'s elements.
fn baseline(study: &mut Study, state: &mut ResultsState, path: &[&str], leaf: &mut Leaf) {
    let b = &mut study.results_section.baseline_characteristics_module;
    match path {
        ["population"] => leaf.text_to(
            &mut b.population_description,
            format!("{BASELINE}/populationDescription"),
        ),
        ["group_list", "group", rest @ ..] => group(
            &mut b.groups,
            &format!("{BASELINE}/groups"),
            state,
            rest,
            leaf,
        ),
        ["analyzed_list", rest @ ..] => denoms(
            &mut b.denoms,
            &format!("{BASELINE}/denoms"),
            "Overall",
            state,
            "BG",
            rest,
            leaf,
        ),
        ["measure_list", "measure", rest @ ..] => {
            let at = format!("{BASELINE}/measures/{}", last(b.measures.len()));
            let Some(m) = b.measures.last_mut() else {
                return;
            };
            match rest {
                [] => leaf.trace(at),
                ["title"] => leaf.text_to(&mut m.title, format!("{at}/title")),
                ["description"] => leaf.text_to(&mut m.description, format!("{at}/description")),
                ["population"] => leaf.text_to(
                    &mut m.population_description,
                    format!("{at}/populationDescription"),
                ),
                ["units"] => leaf.text_to(&mut m.unit_of_measure, format!("{at}/unitOfMeasure")),
                ["param"] => leaf.read_to(
                    &mut m.param_type,
                    format!("{at}/paramType"),
                    vocab::lookup_strict,
                ),
                ["dispersion"] => leaf.read_to(
                    &mut m.dispersion_type,
                    format!("{at}/dispersionType"),
                    dispersion,
                ),
                ["units_analyzed"] => leaf.text_to(
                    &mut m.denom_units_selected,
                    format!("{at}/denomUnitsSelected"),
                ),
                rest => table(&mut m.denoms, &mut m.classes, &at, state, "BG", rest, leaf),
            }
        }
        _ => {}
    }
}

/// An `<outcome>`'s elements (`path` starts below it).
fn outcome(study: &mut Study, state: &mut ResultsState, path: &[&str], leaf: &mut Leaf) {
    let outcomes = &mut study
        .results_section
        .outcome_measures_module
        .outcome_measures;
    let at = format!("{OUTCOMES}/{}", last(outcomes.len()));
    let Some(o) = outcomes.last_mut() else {
        return;
    };
    match path {
        [] => leaf.trace(at),
        ["type"] => leaf.read_to(
            &mut o.outcome_type,
            format!("{at}/type"),
            vocab::lookup_strict,
        ),
        ["title"] | ["measure", "title"] => leaf.same_or_to(&mut o.title, format!("{at}/title")),
        ["description"] | ["measure", "description"] => {
            leaf.same_or_to(&mut o.description, format!("{at}/description"))
        }
        ["population"] | ["measure", "population"] => leaf.same_or_to(
            &mut o.population_description,
            format!("{at}/populationDescription"),
        ),
        ["time_frame"] => leaf.text_to(&mut o.time_frame, format!("{at}/timeFrame")),
        ["posting_date"] => leaf.read_to(
            &mut o.anticipated_posting_date,
            format!("{at}/anticipatedPostingDate"),
            date::parse_date,
        ),
        ["group_list", "group", rest @ ..] => {
            group(&mut o.groups, &format!("{at}/groups"), state, rest, leaf)
        }
        ["measure", "units"] => leaf.text_to(&mut o.unit_of_measure, format!("{at}/unitOfMeasure")),
        ["measure", "param"] => leaf.read_to(
            &mut o.param_type,
            format!("{at}/paramType"),
            vocab::lookup_strict,
        ),
        // v2 types an outcome's dispersion as text: it holds the `MeasureDispersionType` code.
        ["measure", "dispersion"] => leaf.read_to(
            &mut o.dispersion_type,
            format!("{at}/dispersionType"),
            |t| dispersion(t).map(|d| d.code().to_string()),
        ),
        ["measure", "units_analyzed"] => leaf.text_to(
            &mut o.type_units_analyzed,
            format!("{at}/typeUnitsAnalyzed"),
        ),
        ["measure", rest @ ..] => {
            table(&mut o.denoms, &mut o.classes, &at, state, "OG", rest, leaf)
        }
        ["analysis_list", "analysis", rest @ ..] => {
            let at = format!("{at}/analyses/{}", last(o.analyses.len()));
            if let Some(a) = o.analyses.last_mut() {
                analysis(a, at, state, rest, leaf);
            }
        }
        _ => {}
    }
}

/// An `<analysis>`'s elements (`path` starts below it), at `at`.
fn analysis(
    a: &mut MeasureAnalysis,
    at: String,
    state: &ResultsState,
    path: &[&str],
    leaf: &mut Leaf,
) {
    let slot = match path {
        [] => return leaf.trace(at),
        ["group_id_list", "group_id"] => {
            if leaf.text.is_empty() {
                return;
            }
            match v2_group(state, "OG", leaf.text) {
                Ok(id) => {
                    a.group_ids.push(id);
                    leaf.placed_text = Ok(());
                    leaf.trace(format!("{at}/groupIds/{}", last(a.group_ids.len())));
                }
                Err(why) => leaf.placed_text = Err(Some(why)),
            }
            return;
        }
        ["non_inferiority_type"] => {
            return leaf.read_to(
                &mut a.non_inferiority_type,
                format!("{at}/nonInferiorityType"),
                vocab::lookup_strict,
            )
        }
        ["dispersion_type"] => {
            return leaf.read_to(
                &mut a.dispersion_type,
                format!("{at}/dispersionType"),
                vocab::lookup_strict,
            )
        }
        ["ci_n_sides"] => {
            return leaf.read_to(
                &mut a.ci_num_sides,
                format!("{at}/ciNumSides"),
                vocab::lookup_strict,
            )
        }
        ["groups_desc"] => (&mut a.group_description, "groupDescription"),
        ["non_inferiority_desc"] => (&mut a.non_inferiority_comment, "nonInferiorityComment"),
        ["p_value"] => (&mut a.p_value, "pValue"),
        ["p_value_desc"] => (&mut a.p_value_comment, "pValueComment"),
        ["method"] => (&mut a.statistical_method, "statisticalMethod"),
        ["method_desc"] => (&mut a.statistical_comment, "statisticalComment"),
        ["param_type"] => (&mut a.param_type, "paramType"),
        ["param_value"] => (&mut a.param_value, "paramValue"),
        ["dispersion_value"] => (&mut a.dispersion_value, "dispersionValue"),
        ["ci_percent"] => (&mut a.ci_pct_value, "ciPctValue"),
        ["ci_lower_limit"] => (&mut a.ci_lower_limit, "ciLowerLimit"),
        ["ci_upper_limit"] => (&mut a.ci_upper_limit, "ciUpperLimit"),
        ["ci_lower_limit_na_comment"] => (&mut a.ci_lower_limit_comment, "ciLowerLimitComment"),
        ["ci_upper_limit_na_comment"] => (&mut a.ci_upper_limit_comment, "ciUpperLimitComment"),
        ["estimate_desc"] => (&mut a.estimate_comment, "estimateComment"),
        ["other_analysis_desc"] => (
            &mut a.other_analysis_description,
            "otherAnalysisDescription",
        ),
        _ => return,
    };
    leaf.text_to(slot.0, format!("{at}/{}", slot.1));
}

/// `<reported_events>`' elements.
fn events(
    study: &mut Study,
    state: &mut ResultsState,
    path: &[&str],
    leaf: &mut Leaf,
    lines: [usize; 2],
) {
    let ae = &mut study.results_section.adverse_events_module;
    match path {
        ["time_frame"] => leaf.text_to(&mut ae.time_frame, format!("{EVENTS}/timeFrame")),
        ["desc"] => leaf.text_to(&mut ae.description, format!("{EVENTS}/description")),
        ["group_list", "group", rest @ ..] => group(
            &mut ae.event_groups,
            &format!("{EVENTS}/eventGroups"),
            state,
            rest,
            leaf,
        ),
        ["serious_events" | "other_events", "frequency_threshold"] => leaf.same_or_to(
            &mut ae.frequency_threshold,
            format!("{EVENTS}/frequencyThreshold"),
        ),
        ["serious_events" | "other_events", "default_vocab"] => {
            if let Some(text) = leaf.take_text() {
                state.default_vocab = Some((text.to_string(), lines));
            }
        }
        ["serious_events" | "other_events", "default_assessment"] if !leaf.text.is_empty() => {
            // Traced where an event takes it.
            match vocab::lookup_strict::<EventAssessment>(leaf.text) {
                Some(a) => {
                    leaf.take_text();
                    state.default_assessment = Some((a, lines));
                }
                None => leaf.placed_text = Err(unknown(leaf.text)),
            }
        }
        ["serious_events" | "other_events", "category_list", "category", "title"] => {
            if let Some(text) = leaf.take_text() {
                state.category = Some((text.to_string(), lines));
            }
        }
        [kind @ ("serious_events" | "other_events"), "category_list", "category", "event_list", "event", rest @ ..] => {
            if state.total_event {
                total_event(study, state, rest, leaf);
            } else {
                event(study, state, kind, rest, leaf);
            }
        }
        _ => {}
    }
}

/// An event of the "Total" category (`path` starts below `<event>`): its sub-title says which
/// total its counts are.
fn total_event(study: &mut Study, state: &mut ResultsState, path: &[&str], leaf: &mut Leaf) {
    match path {
        [] => {
            state.total_event = false;
            state.total = None;
        }
        ["sub_title"] => {
            if let Some(total) = total_of(leaf.text) {
                leaf.take_text();
                state.total = Some(total);
            }
        }
        ["counts"] => {
            let Some(total) = state.total else {
                return;
            };
            let Some(i) = leaf.attrs.iter().position(|(k, _)| k == "group_id") else {
                return;
            };
            let index = match group_index(state, &leaf.attrs[i].1) {
                Ok(index) => index,
                Err(why) => {
                    leaf.placed_attrs[i] = Err(Some(why));
                    return;
                }
            };
            let groups = &mut study.results_section.adverse_events_module.event_groups;
            let Some(g) = groups.get_mut(index) else {
                return;
            };
            leaf.placed_attrs[i] = Ok(());
            let at = format!("{EVENTS}/eventGroups/{index}");
            let (affected, at_risk, name) = match total {
                Total::Deaths => (
                    &mut g.deaths_num_affected,
                    &mut g.deaths_num_at_risk,
                    "deaths",
                ),
                Total::Serious => (
                    &mut g.serious_num_affected,
                    &mut g.serious_num_at_risk,
                    "serious",
                ),
                Total::Other => (&mut g.other_num_affected, &mut g.other_num_at_risk, "other"),
            };
            leaf.count_to(
                "subjects_affected",
                affected,
                format!("{at}/{name}NumAffected"),
            );
            leaf.count_to("subjects_at_risk", at_risk, format!("{at}/{name}NumAtRisk"));
        }
        _ => {}
    }
}

/// An event of an organ system's category (`path` starts below `<event>`).
fn event(study: &mut Study, state: &mut ResultsState, kind: &str, path: &[&str], leaf: &mut Leaf) {
    let list_name = if kind == "serious_events" {
        "seriousEvents"
    } else {
        "otherEvents"
    };
    let list = event_list(study, kind);
    let at = format!("{EVENTS}/{list_name}/{}", last(list.len()));
    let Some(e) = list.last_mut() else {
        return;
    };
    match path {
        [] => {
            // What the event takes from its category and list.
            if let (Some(_), Some((_, lines))) = (&e.organ_system, &state.category) {
                leaf.traced
                    .push((format!("{at}/organSystem"), Some(*lines)));
            }
            if e.source_vocabulary.is_none() {
                if let Some((vocab, lines)) = &state.default_vocab {
                    e.source_vocabulary = Some(vocab.clone());
                    leaf.traced
                        .push((format!("{at}/sourceVocabulary"), Some(*lines)));
                }
            }
            if e.assessment_type.is_none() {
                if let Some((assessment, lines)) = state.default_assessment {
                    e.assessment_type = Some(assessment);
                    leaf.traced
                        .push((format!("{at}/assessmentType"), Some(lines)));
                }
            }
            leaf.trace(at);
        }
        ["sub_title"] => {
            leaf.text_to(&mut e.term, format!("{at}/term"));
            leaf.attr_to(
                "vocab",
                &mut e.source_vocabulary,
                format!("{at}/sourceVocabulary"),
            );
        }
        ["assessment"] => leaf.read_to(
            &mut e.assessment_type,
            format!("{at}/assessmentType"),
            vocab::lookup_strict,
        ),
        ["description"] => leaf.text_to(&mut e.notes, format!("{at}/notes")),
        ["counts"] => {
            let at = format!("{at}/stats/{}", last(e.stats.len()));
            let Some(s) = e.stats.last_mut() else {
                return;
            };
            leaf.group_to(state, "EG", &mut s.group_id, format!("{at}/groupId"));
            leaf.count_to("events", &mut s.num_events, format!("{at}/numEvents"));
            leaf.count_to(
                "subjects_affected",
                &mut s.num_affected,
                format!("{at}/numAffected"),
            );
            leaf.count_to(
                "subjects_at_risk",
                &mut s.num_at_risk,
                format!("{at}/numAtRisk"),
            );
            leaf.trace(at);
        }
        _ => {}
    }
}

/// `<certain_agreements>`, `<limitations_and_caveats>` and `<point_of_contact>`.
fn more_info(study: &mut Study, path: &[&str], leaf: &mut Leaf) {
    let m = &mut study.results_section.more_info_module;
    match path {
        ["certain_agreements", "pi_employee"] => {
            let mut read = None;
            leaf.read_to(
                &mut read,
                format!("{MORE}/certainAgreement/piSponsorEmployee"),
                pi_employee,
            );
            if read.is_some() {
                m.certain_agreement
                    .get_or_insert_with(Default::default)
                    .pi_sponsor_employee = read;
            }
        }
        ["certain_agreements", "restrictive_agreement"] => {
            let mut read = None;
            leaf.read_to(
                &mut read,
                format!("{MORE}/certainAgreement/restrictiveAgreement"),
                restrictive_agreement,
            );
            if let Some((restrictive, kind)) = read {
                let a = m.certain_agreement.get_or_insert_with(Default::default);
                a.restrictive_agreement = Some(restrictive);
                if kind.is_some() {
                    a.restriction_type = kind;
                    leaf.trace(format!("{MORE}/certainAgreement/restrictionType"));
                }
            }
        }
        ["limitations_and_caveats"] => {
            let mut description = None;
            leaf.text_to(
                &mut description,
                format!("{MORE}/limitationsAndCaveats/description"),
            );
            if description.is_some() {
                m.limitations_and_caveats = Some(LimitationsAndCaveats { description });
            }
        }
        ["point_of_contact", field] => {
            let contact = m.point_of_contact.get_or_insert_with(Default::default);
            let at = format!("{MORE}/pointOfContact");
            match *field {
                "name_or_title" => leaf.text_to(&mut contact.title, format!("{at}/title")),
                "organization" => {
                    leaf.text_to(&mut contact.organization, format!("{at}/organization"))
                }
                "email" => leaf.text_to(&mut contact.email, format!("{at}/email")),
                "phone" => leaf.text_to(&mut contact.phone, format!("{at}/phone")),
                "phone_ext" => leaf.text_to(&mut contact.phone_ext, format!("{at}/phoneExt")),
                _ => {}
            }
            if *contact == Default::default() {
                m.point_of_contact = None;
            }
        }
        _ => {}
    }
}
