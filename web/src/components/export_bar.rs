//! Export as a download: JSON (an array of our records), CSV (ClinicalTrials.gov's columns,
//! optionally with a UTF-8 byte order mark for spreadsheet programs), RIS (for reference
//! managers), the groups CSV (every source of each trial, for a review's duplicate count), or
//! the posted results as the results CSV (one row per outcome measurement) and the events CSV
//! (one row per adverse-event term and group) — of the trials shown, or of every trial loaded. One record per trial, the one its card
//! shows, except in the groups CSV, which has a row for each of a trial's sources. A CSV for Excel names each cell longer than Excel keeps (the file holds it
//! whole).

use std::rc::Rc;

use gloo::file::{Blob, ObjectUrl};
use trialcards_core::export::{
    cells_over_excel_limit, csv_rows, rows_to_csv, to_events_csv, to_groups_csv, to_json,
    to_results_csv, to_ris, CsvOptions, LongCell, EXCEL_CELL_LIMIT,
};
use trialcards_core::Study;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::display::count;
use crate::trials::Trial;

/// Props of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The trials shown, in the order shown.
    pub shown: Rc<Vec<Rc<Trial>>>,
    /// Every trial loaded.
    pub all: Rc<Vec<Rc<Trial>>>,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
    Ris,
    Groups,
    Results,
    Events,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv | Format::Groups | Format::Results | Format::Events => "csv",
            Format::Ris => "ris",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv | Format::Groups | Format::Results | Format::Events => {
                "text/csv;charset=utf-8"
            }
            Format::Ris => "application/x-research-info-systems",
        }
    }
}

/// The export buttons.
#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let everything = use_state(|| false);
    let bom = use_state(|| false);
    let status = use_state(String::new);
    let long_cells = use_state(Vec::<LongCell>::new);
    let narrowed = props.shown.len() != props.all.len();
    // Once per change of the trials, not on every render of the bar.
    let any_results = *use_memo(props.all.clone(), |all| {
        all.iter().any(|t| t.study().has_posted_results())
    });
    let export = |format: Format| {
        let (shown, all, everything, bom, status, long_cells) = (
            props.shown.clone(),
            props.all.clone(),
            *everything && narrowed,
            *bom,
            status.clone(),
            long_cells.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let trials = if everything { &all } else { &shown };
            let studies: Vec<&Study> = trials.iter().map(|t| t.study()).collect();
            let options = CsvOptions {
                byte_order_mark: bom,
            };
            let (text, long) = match format {
                Format::Json => (to_json(&studies), Vec::new()),
                Format::Csv => csv(&studies, bom),
                Format::Ris => (to_ris(&studies), Vec::new()),
                Format::Groups => {
                    let sources: Vec<&Study> = trials
                        .iter()
                        .flat_map(|t| t.members.iter().map(|m| m.study()))
                        .collect();
                    (to_groups_csv(&sources, options), Vec::new())
                }
                Format::Results => (to_results_csv(&studies, options), Vec::new()),
                Format::Events => (to_events_csv(&studies, options), Vec::new()),
            };
            let name = file_name(format, studies.len());
            status.set(match download(&name, format.mime(), &text) {
                Ok(()) => format!("Saved {name}"),
                Err(why) => format!("Could not save {name}: {why}"),
            });
            long_cells.set(long);
        })
    };
    let scope = |all: bool| {
        let everything = everything.clone();
        Callback::from(move |_: Event| everything.set(all))
    };
    let toggle_bom = {
        let bom = bom.clone();
        Callback::from(move |_: Event| bom.set(!*bom))
    };
    if props.all.is_empty() {
        return Html::default();
    }
    html! {
        <div class="export-bar" data-testid="export" role="group" aria-labelledby="export-label">
            <span id="export-label" class="export-label">{ "Export" }</span>
            if narrowed {
                <label><input type="radio" name="export-scope" checked={!*everything} onchange={scope(false)} />
                    { format!(" the {} shown", count(props.shown.len())) }</label>
                <label><input type="radio" name="export-scope" checked={*everything} onchange={scope(true)} />
                    { format!(" all {}", count(props.all.len())) }</label>
            }
            <button type="button" class="secondary" onclick={export(Format::Csv)}
                title="One row per trial, with ClinicalTrials.gov's CSV columns">{ "CSV" }</button>
            <button type="button" class="secondary" onclick={export(Format::Ris)}
                title="For Zotero, EndNote, Covidence and other reference managers">{ "RIS" }</button>
            <button type="button" class="secondary" onclick={export(Format::Json)}
                title="An array of the records, ClinicalTrials.gov API v2 shape">{ "JSON" }</button>
            <button type="button" class="secondary" onclick={export(Format::Groups)}
                title="One row per source, grouped into trials by shared registry IDs: the duplicates for a PRISMA count">
                { "Groups CSV" }</button>
            if any_results {
                <button type="button" class="secondary" onclick={export(Format::Results)}
                    title="The posted results, one row per outcome measurement and group: the long format a meta-analysis or a pivot table takes">
                    { "Results CSV" }</button>
                <button type="button" class="secondary" onclick={export(Format::Events)}
                    title="The posted adverse events, one row per term and group: affected, at risk, events">
                    { "Events CSV" }</button>
            }
            <label class="bom" title="Lets Excel read accented letters in the CSV correctly">
                <input type="checkbox" checked={*bom} onchange={toggle_bom} />{ " CSV for Excel (UTF-8 mark)" }
            </label>
            <span class="export-status" aria-live="polite">{ (*status).clone() }</span>
            { long_cells_warning(&long_cells) }
        </div>
    }
}

/// The CSV and, when it is for Excel (`bom`), the cells Excel would not keep whole.
fn csv(studies: &[&Study], bom: bool) -> (String, Vec<LongCell>) {
    let rows = csv_rows(studies);
    let long = if bom {
        cells_over_excel_limit(&rows)
    } else {
        Vec::new()
    };
    let options = CsvOptions {
        byte_order_mark: bom,
    };
    (rows_to_csv(&rows, options), long)
}

/// What Excel would do to the cells over its limit, each named by its trial and column.
fn long_cells_warning(long: &[LongCell]) -> Html {
    if long.is_empty() {
        return Html::default();
    }
    let (cells, them) = match long.len() {
        1 => ("this cell is".to_string(), "it"),
        n => (format!("these {} cells are", count(n)), "them"),
    };
    let intro = format!(
        "Excel keeps at most {} characters in a cell; {cells} longer, and Excel will cut {them} \
         or spill the rest into the cells after {them}. The file holds every character: open it \
         in another program, or export JSON, to read {them} whole.",
        count(EXCEL_CELL_LIMIT)
    );
    html! {
        <div class="export-warnings" role="alert" data-testid="export-warnings">
            <p>{ intro }</p>
            <ul>
                { for long.iter().map(|c| html! {
                    <li>{ format!("{}: {} ({} characters)", c.trial, c.column, count(c.length)) }</li>
                }) }
            </ul>
        </div>
    }
}

/// `trialcards-12-trials-2026-11-23.csv`; the groups CSV is `trialcards-groups-12-trials-…`.
fn file_name(format: Format, trials: usize) -> String {
    let today = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .and_then(|iso| iso.get(..10).map(str::to_string))
        .unwrap_or_default();
    let what = if trials == 1 {
        "1-trial".to_string()
    } else {
        format!("{trials}-trials")
    };
    let kind = match format {
        Format::Groups => "groups-",
        Format::Results => "results-",
        Format::Events => "events-",
        _ => "",
    };
    format!("trialcards-{kind}{what}-{today}.{}", format.extension())
}

/// Offers `text` as a file download named `name`: a Blob behind a temporary object URL,
/// clicked through a link with the `download` attribute. Nothing leaves the browser.
fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no link element".to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.set_class_name("visually-hidden");
    let body = document.body().ok_or("no page body")?;
    body.append_child(&link).map_err(fail)?;
    link.click();
    link.remove();
    // The download has started by now; dropping the URL a moment later revokes it.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    Ok(())
}
