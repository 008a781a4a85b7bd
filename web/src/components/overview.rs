//! The picture above the cards: trials by status and by phase (bar charts), enrollment, and
//! each trial's span from start to completion (a timeline). Inline SVG drawn here; colours
//! come from the style sheet, so the charts follow dark mode and print.

use std::rc::Rc;

use trialcards_core::collection::overview::{fractional_year, overview, Overview as Stats, Span};
use trialcards_core::Study;
use yew::prelude::*;

use crate::display::{clip, code_words, count, counted, phase_words, StatusMeaning};
use crate::trials::Trial;

/// Props of [`Overview`].
#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    /// The trials shown, in the order shown.
    pub trials: Rc<Vec<Rc<Trial>>>,
}

/// How many trials the timeline draws (the first ones in the cards' order).
pub const TIMELINE_ROWS: usize = 40;

/// Drawing units: the charts' width, a bar's row height, the width of the labels.
const WIDTH: f64 = 300.0;
const ROW: f64 = 20.0;
const LABEL: f64 = 132.0;

/// The overview of the trials shown.
#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let stats = use_memo(props.trials.clone(), |trials| {
        let studies: Vec<&Study> = trials.iter().map(|t| t.study()).collect();
        overview(&studies)
    });
    if stats.trials == 0 {
        return Html::default();
    }
    let median = stats
        .enrollment_median
        .map(|m| {
            if m.fract() == 0.0 {
                count(m as usize)
            } else {
                px(m)
            }
        })
        .unwrap_or_else(|| "—".to_string());
    html! {
        <details class="overview" open=true data-testid="overview">
            <summary><h3>{ "Overview" }</h3>
                <span class="overview-line">
                    { format!("{} · {} participants in all · median {}",
                        counted(stats.trials, "trial", "trials"), count(stats.enrollment_total as usize), median) }
                </span>
            </summary>
            <dl class="enrollment" data-testid="enrollment">
                <div><dt>{ "Total enrollment" }</dt><dd>{ count(stats.enrollment_total as usize) }</dd></div>
                <div><dt>{ "Median enrollment" }</dt><dd>{ median.clone() }</dd></div>
                <div><dt>{ "Trials giving a count" }</dt>
                    <dd>{ format!("{} of {}", count(stats.enrollment_counted), count(stats.trials)) }</dd></div>
            </dl>
            <div class="overview-grid">
                { status_chart(&stats) }
                { phase_chart(&stats) }
                { timeline(&stats) }
            </div>
        </details>
    }
}

/// One bar of a bar chart.
struct Bar {
    label: String,
    value: usize,
    class: &'static str,
}

fn status_chart(stats: &Stats) -> Html {
    let bars = stats
        .by_status
        .iter()
        .map(|(status, n)| Bar {
            label: status.map_or_else(|| "Not stated".to_string(), code_words),
            value: *n,
            class: status.map_or("status-unknown", |s| StatusMeaning::of(s).class()),
        })
        .collect::<Vec<_>>();
    bar_chart("By status", "status-chart", &bars)
}

fn phase_chart(stats: &Stats) -> Html {
    let bars = stats
        .by_phase
        .iter()
        .map(|(phases, n)| Bar {
            label: if phases.is_empty() {
                "Not stated".to_string()
            } else {
                phases
                    .iter()
                    .map(|p| phase_words(*p))
                    .collect::<Vec<_>>()
                    .join(" / ")
            },
            value: *n,
            class: if phases.is_empty() {
                "bar-none"
            } else {
                "bar-phase"
            },
        })
        .collect::<Vec<_>>();
    bar_chart("By phase", "phase-chart", &bars)
}

/// A horizontal bar chart: a label, a bar as long as its share of the largest, the number.
fn bar_chart(title: &'static str, class: &'static str, bars: &[Bar]) -> Html {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(1).max(1) as f64;
    let height = ROW * bars.len() as f64 + 4.0;
    let room = WIDTH - LABEL - 40.0;
    let described = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.value))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <figure class={classes!("chart", class)}>
            <figcaption>{ title }</figcaption>
            <svg viewBox={format!("0 0 {} {}", px(WIDTH), px(height))} role="img"
                aria-label={format!("{title}: {described}")} class="bar-chart">
                { for bars.iter().enumerate().map(|(i, bar)| {
                    let y = i as f64 * ROW + 2.0;
                    let w = (bar.value as f64 / max * room).max(2.0);
                    html! {
                        <g class={classes!("bar", bar.class)} data-label={bar.label.clone()} data-value={bar.value.to_string()}>
                            <title>{ format!("{}: {}", bar.label, bar.value) }</title>
                            <text x={px(LABEL - 6.0)} y={px(y + ROW * 0.65)} class="bar-label" text-anchor="end">
                                { clip(&bar.label, 19) }
                            </text>
                            <rect x={px(LABEL)} y={px(y + 3.0)} width={px(w)}
                                height={px(ROW - 6.0)} rx="2" class="bar-fill" />
                            <text x={px(LABEL + w + 4.0)} y={px(y + ROW * 0.65)} class="bar-value">
                                { bar.value.to_string() }
                            </text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// A drawing coordinate, rounded to a whole unit (whole numbers keep float formatting, and
/// its code, out of the page's wasm).
fn px(value: f64) -> String {
    (value.round() as i64).to_string()
}

/// Today as a fractional year, for the timeline's "today" line.
fn today() -> Option<f64> {
    let now = js_sys::Date::new_0();
    let iso = now.to_iso_string().as_string()?;
    fractional_year(iso.get(..10)?)
}

/// Start-to-completion spans of the first [`TIMELINE_ROWS`] trials, on a shared axis of years.
fn timeline(stats: &Stats) -> Html {
    let Some((first, last)) = stats.range else {
        return html! {
            <figure class="chart timeline"><figcaption>{ "Start to completion" }</figcaption>
                <p class="muted">{ "No trial shown gives a start date." }</p></figure>
        };
    };
    let spans: Vec<&Span> = stats.spans.iter().take(TIMELINE_ROWS).collect();
    let (from, to) = (first.floor(), (last.floor() + 1.0).max(first.floor() + 1.0));
    let years = to - from;
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
        .into_iter()
        .find(|s| years / s <= 8.0)
        .unwrap_or(100.0);
    let (left, width) = (110.0, 720.0);
    let room = width - left - 10.0;
    let x = |year: f64| left + (year - from) / years * room;
    let axis = 18.0;
    let height = axis + ROW * 0.8 * spans.len() as f64 + 6.0;
    let ticks: Vec<f64> = (0..)
        .map(|i| (from / step).ceil() * step + i as f64 * step)
        .take_while(|y| *y <= to)
        .collect();
    let today = today().filter(|t| *t >= from && *t <= to);
    let more = stats.spans.len().saturating_sub(spans.len());
    html! {
        <figure class="chart timeline">
            <figcaption>{ "Start to completion" }
                <span class="muted">{ if more > 0 {
                    format!(" — the first {} of the {} trials that give a start date, in the cards' order",
                        count(spans.len()), count(stats.spans.len()))
                } else if stats.spans.len() < stats.trials {
                    format!(" — {} of {} trials give a start date", count(stats.spans.len()), count(stats.trials))
                } else {
                    String::new()
                } }</span>
            </figcaption>
            <svg viewBox={format!("0 0 {} {}", px(width), px(height))} role="img" class="timeline-chart"
                aria-label={format!("Start-to-completion spans of {} trials, {} to {}", spans.len(), px(from), px(to))}>
                { for ticks.iter().map(|year| html! {
                    <g class="tick">
                        <line x1={px(x(*year))} x2={px(x(*year))} y1="14" y2={px(height)} />
                        <text x={px(x(*year))} y="11" text-anchor="middle">{ px(*year) }</text>
                    </g>
                }) }
                if let Some(t) = today {
                    <g class="today">
                        <line x1={px(x(t))} x2={px(x(t))} y1="14" y2={px(height)} />
                        <title>{ "Today" }</title>
                    </g>
                }
                { for spans.iter().enumerate().map(|(row, span)| {
                    let y = axis + row as f64 * ROW * 0.8;
                    let start = x(span.start);
                    let end = span.end.map(x).unwrap_or(start).max(start);
                    let label = span.nct_id.clone().unwrap_or_else(|| clip(&span.title, 14));
                    let tip = format!("{}{}: {} → {}", span.nct_id.as_ref().map(|n| format!("{n} ")).unwrap_or_default(),
                        span.title, span.start_text,
                        match (&span.end_text, span.end_anticipated) {
                            (Some(end), true) => format!("{end} (anticipated)"),
                            (Some(end), false) => end.clone(),
                            (None, _) => "no completion date given".to_string(),
                        });
                    html! {
                        <g class={classes!("span", span.end_anticipated.then_some("anticipated"), span.end.is_none().then_some("open-ended"))}
                            data-nct-id={span.nct_id.clone().unwrap_or_default()}>
                            <title>{ tip }</title>
                            <text x={px(left - 6.0)} y={px(y + ROW * 0.55)} text-anchor="end" class="span-label">{ label }</text>
                            if span.end.is_some() {
                                <rect x={px(start)} y={px(y + 3.0)} width={px((end - start).max(3.0))}
                                    height={px(ROW * 0.8 - 6.0)} rx="2" class="span-bar" />
                            } else {
                                <circle cx={px(start)} cy={px(y + ROW * 0.4)} r="4" class="span-start" />
                            }
                        </g>
                    }
                }) }
            </svg>
            <p class="legend muted">
                <span class="key actual">{ "actual dates" }</span>
                <span class="key anticipated">{ "anticipated completion" }</span>
                <span class="key open-ended">{ "no completion date" }</span>
                <span class="key today">{ "today" }</span>
            </p>
        </figure>
    }
}
