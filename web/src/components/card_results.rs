//! The card's posted results as tables: participant flow (milestones × groups, per period),
//! baseline (measures × groups), each outcome measure (its rows × groups, participants
//! analysed, the analyses under it) and adverse events (terms × groups, affected / at risk,
//! under their organ system). Wide tables scroll inside the card with the first column
//! pinned; long event lists show [`LIST_STEP`] rows at a time, and many outcome measures are drawn a
//! slice at a time.

use trialcards_core::collection::words::{code_words, words};
use trialcards_core::model::CtEnum;
use trialcards_core::model::{
    AdverseEvent, AdverseEventsModule, BaselineCharacteristicsModule, Denom, MeasureAnalysis,
    MeasureClass, MeasureGroup, Measurement, MoreInfoModule, OutcomeMeasure, ParticipantFlowModule,
};
use trialcards_core::Study;
use yew::prelude::*;

use super::card_sections::{Cap, LIST_STEP};
use crate::state::SourceRef;

/// How many outcome measures each task draws: the tables are drawn after the card, a slice
/// at a time (the flow and baseline first, then the outcome measures, then the adverse
/// events), so the page never stops answering while a record with dozens of outcomes is drawn.
const OUTCOMES_STEP: usize = 6;

/// Props of [`ResultsTables`].
#[derive(Properties, PartialEq)]
pub(super) struct ResultsTablesProps {
    /// The source the record came from.
    pub source: SourceRef,
    /// The record's index among the source's records.
    pub index: usize,
    /// The card's element id, the prefix of the tables' ids.
    pub card_id: AttrValue,
    /// Shows the source text at the lines given.
    pub on_source: Callback<Option<Option<[usize; 2]>>>,
}

/// The record's results tables, drawn in slices after the card: the flow and baseline, then
/// [`OUTCOMES_STEP`] outcome measures at a time, then the adverse events.
#[component]
pub(super) fn ResultsTables(props: &ResultsTablesProps) -> Html {
    // Slices drawn so far: none on the card's first render.
    let drawn = use_state(|| 0usize);
    let more = use_state(|| LIST_STEP);
    // The flow and baseline, the outcome measures' slices, then the adverse events.
    let total = props.source.records.get(props.index).map_or(0, |s| {
        let outcomes = s
            .results_section
            .outcome_measures_module
            .outcome_measures
            .len();
        outcomes.div_ceil(OUTCOMES_STEP) + 1
    });
    {
        // After each slice is on screen, the next one, in a task of its own.
        let drawn = drawn.clone();
        use_effect_with((*drawn, total), move |&(now, total)| {
            let timeout = (now < total)
                .then(|| gloo::timers::callback::Timeout::new(0, move || drawn.set(now + 1)));
            move || drop(timeout)
        });
    }
    let Some(s) = props.source.records.get(props.index) else {
        return Html::default();
    };
    let cap = Cap::with_more(
        s,
        *more,
        {
            let more = more.clone();
            Callback::from(move |_: MouseEvent| more.set(*more + LIST_STEP))
        },
        props.on_source.clone(),
        props.card_id.clone(),
    );
    results_tables(s, &cap, *drawn)
}

/// The record's results tables, as far as `slices` slices go: none draws nothing; one, the
/// flow and baseline; each next one [`OUTCOMES_STEP`] outcome measures more; the last, the
/// adverse events and the rest.
fn results_tables(s: &Study, cap: &Cap, slices: usize) -> Html {
    let Some(outcomes_drawn) = slices.checked_sub(1).map(|n| n * OUTCOMES_STEP) else {
        return html! { <p class="more-note" aria-live="polite">{ "Drawing the results…" }</p> };
    };
    let r = &s.results_section;
    let pointer = |module: &str| format!("/resultsSection/{module}");
    let lines = |module: &str| s.trialcards.covering(&pointer(module)).map(|(_, l)| l);
    let flow = &r.participant_flow_module;
    let baseline = &r.baseline_characteristics_module;
    let outcomes = &r.outcome_measures_module.outcome_measures;
    let events = &r.adverse_events_module;
    html! {
        <div class="results-tables" data-testid="results-tables">
            if !flow.periods.is_empty() {
                <h4 id={cap.id("results-flow")} tabindex="-1">
                    { "Participant flow" }{ cap.source_button("the participant flow", lines("participantFlowModule")) }
                </h4>
                { flow_html(flow) }
            }
            if !baseline.measures.is_empty() {
                <h4 id={cap.id("results-baseline")} tabindex="-1">
                    { "Baseline characteristics" }{ cap.source_button("the baseline", lines("baselineCharacteristicsModule")) }
                </h4>
                { baseline_html(baseline) }
            }
            if !outcomes.is_empty() {
                <h4 id={cap.id("results-outcomes")} tabindex="-1">{ format!("Outcome measures ({})", outcomes.len()) }</h4>
                { for outcomes.iter().enumerate().take(outcomes_drawn).map(|(i, o)| {
                    let at = s.trialcards
                        .covering(&format!("/resultsSection/outcomeMeasuresModule/outcomeMeasures/{i}"))
                        .map(|(_, l)| l);
                    outcome_html(o, i, at, cap)
                }) }
            }
            if outcomes_drawn < outcomes.len() {
                <p class="more-note" aria-live="polite">
                    { format!("Drawing outcome measures… {} of {}", outcomes_drawn, outcomes.len()) }
                </p>
            } else if !events.serious_events.is_empty() || !events.other_events.is_empty() || !events.event_groups.is_empty() {
                <h4 id={cap.id("results-events")} tabindex="-1">
                    { "Adverse events" }{ cap.source_button("the adverse events", lines("adverseEventsModule")) }
                </h4>
                { events_html(events, cap) }
            }
            { more_info_html(&r.more_info_module) }
        </div>
    }
}

/// A scrolling table: a header row (the first cell names the rows) and the rows.
fn table(caption: &str, header: Vec<Html>, rows: Vec<Html>) -> Html {
    html! {
        <div class="table-scroll" role="region" aria-label={caption.to_string()} tabindex="0">
            <table class="results-table">
                <caption class="visually-hidden">{ caption.to_string() }</caption>
                <thead><tr>{ for header }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// The header cells of a table whose columns are `groups`: a first cell `first`, then each
/// group's title (its description as a tooltip).
fn group_header<'a>(
    first: &str,
    groups: impl Iterator<Item = (&'a Option<String>, &'a Option<String>, &'a Option<String>)>,
) -> Vec<Html> {
    let mut cells = vec![html! { <th scope="col">{ first.to_string() }</th> }];
    cells.extend(groups.map(|(id, title, description)| {
        let name = title.clone().or_else(|| id.clone()).unwrap_or_default();
        html! { <th scope="col" title={description.clone()}>{ name }</th> }
    }));
    cells
}

/// One body row: its label (a row header) and its cells.
fn row(label: Html, cells: impl IntoIterator<Item = String>, class: Option<&'static str>) -> Html {
    html! {
        <tr class={classes!(class)}>
            <th scope="row">{ label }</th>
            { for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }
        </tr>
    }
}

/// The group IDs of `groups`, in column order.
fn ids(groups: &[MeasureGroup]) -> Vec<Option<&str>> {
    groups.iter().map(|g| g.id.as_deref()).collect()
}

/// The value of `denom` for each group of `columns`.
fn denom_cells(denom: &Denom, columns: &[Option<&str>]) -> Vec<String> {
    columns
        .iter()
        .map(|id| {
            denom
                .counts
                .iter()
                .find(|c| c.group_id.as_deref() == *id)
                .and_then(|c| c.value.clone())
                .unwrap_or_default()
        })
        .collect()
}

/// A measurement as a reader reads it: `12.5 ± 3.1`, `12.5 [10.1, 14.9]`, `12.5`.
pub(super) fn measurement_text(m: &Measurement) -> String {
    let mut out = m.value.clone().unwrap_or_default();
    if let Some(spread) = m.spread.as_deref().filter(|s| !s.is_empty()) {
        out.push_str(&format!(" ± {spread}"));
    }
    if m.lower_limit.is_some() || m.upper_limit.is_some() {
        let bound = |b: &Option<String>| b.clone().unwrap_or_else(|| "–".into());
        out.push_str(&format!(
            " [{}, {}]",
            bound(&m.lower_limit),
            bound(&m.upper_limit)
        ));
    }
    out
}

/// The rows of a measure's classes and categories, one cell per group of `columns`.
fn class_rows(classes: &[MeasureClass], columns: &[Option<&str>], fallback: &str) -> Vec<Html> {
    let mut rows = Vec::new();
    for class in classes {
        for category in &class.categories {
            let label = match (class.title.as_deref(), category.title.as_deref()) {
                (Some(c), Some(k)) if !c.is_empty() && !k.is_empty() => format!("{c}: {k}"),
                (Some(c), _) if !c.is_empty() => c.to_string(),
                (_, Some(k)) if !k.is_empty() => k.to_string(),
                _ => fallback.to_string(),
            };
            let cells = columns.iter().map(|id| {
                category
                    .measurements
                    .iter()
                    .find(|m| m.group_id.as_deref() == *id)
                    .map(measurement_text)
                    .unwrap_or_default()
            });
            rows.push(row(html! { { label } }, cells, None));
        }
    }
    rows
}

/// The participant flow: a table per period, milestones then reasons for leaving.
fn flow_html(flow: &ParticipantFlowModule) -> Html {
    let columns: Vec<Option<&str>> = flow.groups.iter().map(|g| g.id.as_deref()).collect();
    let header = || {
        group_header(
            "Milestone",
            flow.groups
                .iter()
                .map(|g| (&g.id, &g.title, &g.description)),
        )
    };
    let cells = |stats: &[trialcards_core::model::FlowStats]| -> Vec<String> {
        columns
            .iter()
            .map(|id| {
                stats
                    .iter()
                    .find(|s| s.group_id.as_deref() == *id)
                    .and_then(|s| s.num_subjects.clone())
                    .unwrap_or_default()
            })
            .collect()
    };
    html! {
        <>
            { for flow.periods.iter().map(|period| {
                let title = period.title.clone().unwrap_or_else(|| "Overall study".into());
                let mut rows: Vec<Html> = period.milestones.iter().map(|m| {
                    let label = m.milestone_type.as_deref().map(words).unwrap_or_default();
                    row(html! { { label } }, cells(&m.achievements), None)
                }).collect();
                rows.extend(period.drop_withdraws.iter().map(|d| {
                    let label = d.reason_type.clone().unwrap_or_default();
                    row(html! { <span class="reason">{ format!("Left: {label}") }</span> }, cells(&d.reasons), Some("dropped"))
                }));
                html! {
                    <>
                        <h5>{ title.clone() }</h5>
                        { table(&format!("Participant flow: {title}"), header(), rows) }
                    </>
                }
            }) }
        </>
    }
}

/// The baseline: a row per measure's class and category, under the measure's title.
fn baseline_html(b: &BaselineCharacteristicsModule) -> Html {
    let columns = ids(&b.groups);
    let header = group_header(
        "Measure",
        b.groups.iter().map(|g| (&g.id, &g.title, &g.description)),
    );
    let mut rows = Vec::new();
    for denom in &b.denoms {
        let units = denom.units.clone().unwrap_or_else(|| "Participants".into());
        rows.push(row(
            html! { { format!("Overall number analysed ({})", units.to_lowercase()) } },
            denom_cells(denom, &columns),
            Some("denoms"),
        ));
    }
    for measure in &b.measures {
        let mut title = measure.title.clone().unwrap_or_default();
        let kind = [
            measure.param_type.map(code_words),
            measure.dispersion_type.map(code_words),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        if let Some(unit) = measure.unit_of_measure.as_deref() {
            title.push_str(&format!(" ({unit})"));
        }
        rows.push(html! {
            <tr class="measure-title">
                <th scope="rowgroup" colspan={(columns.len() + 1).to_string()}>
                    { title }
                    if !kind.is_empty() { <span class="measure-kind">{ format!(" · {kind}") }</span> }
                </th>
            </tr>
        });
        rows.extend(class_rows(&measure.classes, &columns, "All"));
    }
    table("Baseline characteristics", header, rows)
}

/// One outcome measure: its title and kind, what and when it measured, its table and its
/// analyses.
fn outcome_html(o: &OutcomeMeasure, i: usize, lines: Option<[usize; 2]>, cap: &Cap) -> Html {
    let kind = o.outcome_type.map(code_words).unwrap_or_default();
    let title = o
        .title
        .clone()
        .unwrap_or_else(|| format!("Outcome {}", i + 1));
    let columns = ids(&o.groups);
    let header = group_header(
        o.unit_of_measure.as_deref().unwrap_or(""),
        o.groups.iter().map(|g| (&g.id, &g.title, &g.description)),
    );
    let mut rows: Vec<Html> = o
        .denoms
        .iter()
        .map(|d| {
            let units = d.units.clone().unwrap_or_else(|| "Participants".into());
            row(
                html! { { format!("{units} analysed") } },
                denom_cells(d, &columns),
                Some("denoms"),
            )
        })
        .collect();
    let fallback = o
        .param_type
        .map(code_words)
        .unwrap_or_else(|| "Value".into());
    rows.extend(class_rows(&o.classes, &columns, &fallback));
    let meta: Vec<String> = [
        o.time_frame.as_ref().map(|t| format!("Time frame: {t}")),
        o.param_type.map(|p| {
            let dispersion = o.dispersion_type.as_deref().map(words);
            match dispersion {
                Some(d) => format!("{} ({d})", code_words(p)),
                None => code_words(p),
            }
        }),
        o.unit_of_measure.as_ref().map(|u| format!("Unit: {u}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let label = format!("outcome {}", i + 1);
    html! {
        <section class="outcome-measure" id={cap.id(&format!("results-outcome-{i}"))} data-testid="outcome-measure">
            <h5>
                if !kind.is_empty() { <span class="outcome-type">{ format!("{kind}: ") }</span> }
                { title.clone() }{ cap.source_button(&label, lines) }
            </h5>
            if !meta.is_empty() { <p class="results-meta">{ meta.join(" · ") }</p> }
            if let Some(d) = &o.description { <p class="results-description">{ d.clone() }</p> }
            if let Some(p) = &o.population_description {
                <p class="results-population">{ format!("Analysed: {p}") }</p>
            }
            if rows.is_empty() {
                <p class="results-meta">{ "No values posted." }</p>
            } else {
                { table(&title, header, rows) }
            }
            if !o.analyses.is_empty() {
                <ul class="analyses" aria-label={format!("Statistical analyses of {title}")}>
                    { for o.analyses.iter().map(|a| analysis_html(a, &o.groups)) }
                </ul>
            }
        </section>
    }
}

/// One statistical analysis in a line: the groups compared, the method, the p-value and the
/// estimate with its confidence interval.
fn analysis_html(a: &MeasureAnalysis, groups: &[MeasureGroup]) -> Html {
    let compared: Vec<String> = a
        .group_ids
        .iter()
        .map(|id| {
            groups
                .iter()
                .find(|g| g.id.as_deref() == Some(id))
                .and_then(|g| g.title.clone())
                .unwrap_or_else(|| id.clone())
        })
        .collect();
    let mut parts: Vec<String> = Vec::new();
    if !compared.is_empty() {
        parts.push(compared.join(" vs "));
    }
    if let Some(method) = &a.statistical_method {
        parts.push(method.clone());
    }
    if let Some(p) = &a.p_value {
        let p = p.trim();
        parts.push(if p.starts_with(['<', '>', '=', '≤', '≥']) {
            format!("p {p}")
        } else {
            format!("p = {p}")
        });
    }
    if let Some(value) = &a.param_value {
        let mut estimate = format!(
            "{}: {value}",
            a.param_type.clone().unwrap_or_else(|| "Estimate".into())
        );
        if a.ci_lower_limit.is_some() || a.ci_upper_limit.is_some() {
            let bound = |b: &Option<String>| b.clone().unwrap_or_else(|| "–".into());
            let level = a.ci_pct_value.clone().unwrap_or_default();
            estimate.push_str(&format!(
                " ({level}% CI {} to {})",
                bound(&a.ci_lower_limit),
                bound(&a.ci_upper_limit)
            ));
        }
        parts.push(estimate);
    }
    if parts.is_empty() {
        if let Some(other) = &a.other_analysis_description {
            parts.push(other.clone());
        }
    }
    html! { <li class="analysis">{ parts.join(" · ") }</li> }
}

/// Adverse events: the totals per group, then serious and other events, term × group.
fn events_html(e: &AdverseEventsModule, cap: &Cap) -> Html {
    let columns: Vec<Option<&str>> = e.event_groups.iter().map(|g| g.id.as_deref()).collect();
    let header = || {
        group_header(
            "Affected / at risk",
            e.event_groups
                .iter()
                .map(|g| (&g.id, &g.title, &g.description)),
        )
    };
    let ratio = |a: Option<u64>, r: Option<u64>| match (a, r) {
        (None, None) => String::new(),
        (a, r) => format!(
            "{} / {}",
            a.map_or("–".into(), |a| a.to_string()),
            r.map_or("–".into(), |r| r.to_string())
        ),
    };
    let totals: Vec<Html> = [
        (
            "Deaths (all causes)",
            e.event_groups
                .iter()
                .map(|g| ratio(g.deaths_num_affected, g.deaths_num_at_risk))
                .collect::<Vec<_>>(),
        ),
        (
            "Serious adverse events",
            e.event_groups
                .iter()
                .map(|g| ratio(g.serious_num_affected, g.serious_num_at_risk))
                .collect(),
        ),
        (
            "Other adverse events",
            e.event_groups
                .iter()
                .map(|g| ratio(g.other_num_affected, g.other_num_at_risk))
                .collect(),
        ),
    ]
    .into_iter()
    .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
    .map(|(label, cells)| row(html! { { label } }, cells, Some("denoms")))
    .collect();
    let meta: Vec<String> = [
        e.time_frame.as_ref().map(|t| format!("Time frame: {t}")),
        e.frequency_threshold
            .as_ref()
            .map(|t| format!("Other events reported above {t}%")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let terms = |list: &[AdverseEvent], what: &str| -> Html {
        if list.is_empty() {
            return Html::default();
        }
        let shown = cap.take(list);
        let mut rows = Vec::new();
        let mut system: Option<&str> = None;
        for event in shown {
            if event.organ_system.as_deref() != system {
                system = event.organ_system.as_deref();
                rows.push(html! {
                    <tr class="organ-system">
                        <th scope="rowgroup" colspan={(columns.len() + 1).to_string()}>{ system.unwrap_or("").to_string() }</th>
                    </tr>
                });
            }
            let cells = columns.iter().map(|id| {
                event
                    .stats
                    .iter()
                    .find(|s| s.group_id.as_deref() == *id)
                    .map(|s| ratio(s.num_affected, s.num_at_risk))
                    .unwrap_or_default()
            });
            let term = event.term.clone().unwrap_or_default();
            rows.push(row(
                html! { <span title={event.source_vocabulary.clone()}>{ term }</span> },
                cells,
                None,
            ));
        }
        html! {
            <>
                <h5>{ format!("{what} ({})", list.len()) }</h5>
                { table(what, header(), rows) }
                { cap.note(list.len(), &what.to_lowercase()) }
            </>
        }
    };
    html! {
        <>
            if !meta.is_empty() { <p class="results-meta">{ meta.join(" · ") }</p> }
            if !totals.is_empty() { { table("Adverse events in all", header(), totals) } }
            { terms(&e.serious_events, "Serious adverse events") }
            { terms(&e.other_events, "Other adverse events") }
        </>
    }
}

/// Limitations, agreements and the point of contact, as facts.
fn more_info_html(m: &MoreInfoModule) -> Html {
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(l) = m
        .limitations_and_caveats
        .as_ref()
        .and_then(|l| l.description.clone())
    {
        facts.push(("Limitations and caveats", l));
    }
    if let Some(a) = &m.certain_agreement {
        if let Some(employee) = a.pi_sponsor_employee {
            let said = if employee {
                "The principal investigators are employed by the sponsor"
            } else {
                "The principal investigators are not employed by the sponsor"
            };
            facts.push(("Agreements", said.to_string()));
        }
        if let Some(kind) = a.restriction_type {
            facts.push(("Restriction on results", restriction_words(kind)));
        }
        if let Some(details) = &a.other_details {
            facts.push(("Agreement details", details.clone()));
        }
    }
    if let Some(p) = &m.point_of_contact {
        let contact: Vec<String> = [&p.title, &p.organization, &p.email, &p.phone]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        if !contact.is_empty() {
            facts.push(("Results point of contact", contact.join(", ")));
        }
    }
    if facts.is_empty() {
        return Html::default();
    }
    html! {
        <dl class="facts results-more">
            { for facts.into_iter().map(|(label, value)| html! {
                <div class="fact"><dt>{ label }</dt><dd>{ value }</dd></div>
            }) }
        </dl>
    }
}

/// A publication restriction in words.
fn restriction_words<E: CtEnum>(kind: E) -> String {
    match kind.code() {
        "LTE60" => "Embargo of 60 days or less".into(),
        "GT60" => "Embargo of more than 60 days".into(),
        _ => code_words(kind),
    }
}
