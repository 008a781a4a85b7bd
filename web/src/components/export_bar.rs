//! Export as a download: JSON (an array of our records), CSV (ClinicalTrials.gov's columns,
//! optionally with a UTF-8 byte order mark for spreadsheet programs) or RIS (for reference
//! managers) — of the trials shown, or of every trial loaded. One record per trial: the one
//! its card shows.

use std::rc::Rc;

use trialcards_core::export::{to_csv, to_json, to_ris, CsvOptions};
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
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Ris => "ris",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv;charset=utf-8",
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
    let narrowed = props.shown.len() != props.all.len();
    let export = |format: Format| {
        let (shown, all, everything, bom, status) = (
            props.shown.clone(),
            props.all.clone(),
            *everything && narrowed,
            *bom,
            status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let trials = if everything { &all } else { &shown };
            let studies: Vec<&Study> = trials.iter().map(|t| t.study()).collect();
            let text = match format {
                Format::Json => to_json(&studies),
                Format::Csv => to_csv(
                    &studies,
                    CsvOptions {
                        byte_order_mark: bom,
                    },
                ),
                Format::Ris => to_ris(&studies),
            };
            let name = file_name(format, studies.len());
            status.set(match download(&name, format.mime(), &text) {
                Ok(()) => format!("Saved {name}"),
                Err(why) => format!("Could not save {name}: {why}"),
            });
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
            <label class="bom" title="Lets Excel read accented letters in the CSV correctly">
                <input type="checkbox" checked={*bom} onchange={toggle_bom} />{ " CSV for Excel (UTF-8 mark)" }
            </label>
            <span class="export-status" aria-live="polite">{ (*status).clone() }</span>
        </div>
    }
}

/// `trialcards-12-trials-2026-11-23.csv`.
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
    format!("trialcards-{what}-{today}.{}", format.extension())
}

/// Offers `text` as a file download named `name`: a Blob behind a temporary object URL,
/// clicked through a link with the `download` attribute. Nothing leaves the browser.
fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
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
    // The download has started by now; the URL is released a moment later.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
