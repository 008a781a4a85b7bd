//! Saved web pages (`.html`, `.mhtml`): their visible text goes to the page-text readers, so a
//! page saved as HTML gives the same record as the same page copied as text; the container is
//! recorded in `trialcards.source.format`.

use super::read;
use crate::input::normalize::normalize;
use crate::input::{html_text, mhtml};
use crate::model::{Diagnostic, Severity};
use crate::ParseOutput;

/// Reads a page saved as HTML ("Webpage, HTML only" or "Webpage, complete").
pub(crate) fn read_html(name: &str, html: &str) -> ParseOutput {
    read_page(name, html, "html")
}

/// Reads a page saved as a single file (MHTML): its HTML part, decoded, is read as HTML.
pub(crate) fn read_mhtml(name: &str, text: &str) -> ParseOutput {
    match mhtml::html_part(text.as_bytes()) {
        Some(html) => read_page(name, &html, "mhtml"),
        None => ParseOutput {
            records: Vec::new(),
            diagnostics: vec![Diagnostic::new(
                Severity::Error,
                None,
                format!(
                    "{name} looks like a web page saved as a single file (MHTML), but it holds \
                     no HTML part to read"
                ),
            )],
        },
    }
}

fn read_page(name: &str, html: &str, container: &str) -> ParseOutput {
    let page = html_text::html_to_text(html);
    let visible = normalize(&page.text);
    let embedded = page
        .embedded_studies
        .first()
        .and_then(|json| embedded_study(name, json));
    let from_json = embedded.is_some();
    let mut out = embedded.unwrap_or_else(|| read(name, &visible));
    for record in &mut out.records {
        record.trialcards.source.format = Some(container.to_string());
        // An embedded record's lines are its script's, which the page's visible text (the
        // source text) does not hold: its values get the lines the page shows them on.
        if from_json {
            record.trialcards.provenance = super::locate::locate(record, &visible);
            super::locate::locate_criteria(record, &visible);
            crate::eligibility::annotate(record, true);
        }
    }
    out
}

/// The record of a CT.gov v2 study the page embeds as JSON (anywhere inside the script's
/// JSON, e.g. `props.pageProps.study`), read by the CT.gov JSON reader. `None` when the JSON
/// does not parse or holds no study that gives a record: the page's visible text is read
/// instead. The walk is iterative; serde_json already bounds the nesting depth.
fn embedded_study(name: &str, json: &str) -> Option<ParseOutput> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let mut pending = vec![&value];
    while let Some(v) = pending.pop() {
        match v {
            serde_json::Value::Object(map) if map.contains_key("protocolSection") => {
                let out = super::ctgov_json::read(name, &v.to_string());
                return (!out.records.is_empty()).then_some(out);
            }
            serde_json::Value::Object(map) => pending.extend(map.values()),
            serde_json::Value::Array(items) => pending.extend(items.iter()),
            _ => {}
        }
    }
    None
}
