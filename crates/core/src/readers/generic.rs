//! The best-effort reader for any other page: the record's own NCT ID, a title, and
//! "Label: value" / "Label ⏎ value" pairs found through the shared synonym table; the rest unplaced.

use super::{note, unplaced, ReadPage};
use crate::fields::assign::assign;
use crate::fields::ids;
use crate::fields::markup::unescape;
use crate::lines::{lookup_label, split_labelled, Label, Line};
use crate::model::{Severity, Study};

/// Headings after which a page lists other trials: their NCT IDs are not this record's.
const RELATED_HEADINGS: &[&str] = &["related", "similar", "more trials", "other trials"];

/// Strips markdown and table decoration: "# ", "> ", "- ", "**", "|".
fn plain(text: &str) -> String {
    let t = text.trim_start_matches(['#', '>']).trim_start();
    let t = t.strip_prefix("- ").unwrap_or(t);
    let t = t.trim_matches('|').trim();
    t.replace("**", "").trim().to_string()
}

fn is_related_heading(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.len() < 60 && RELATED_HEADINGS.iter().any(|h| lower.contains(h))
}

/// A line that could be a title: several words, not a label, not site chrome.
fn could_be_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words >= 6
        && !text.contains(": ")
        && !text.to_lowercase().contains("clinicaltrials.gov")
        && !text.ends_with(['!', '?', '|'])
}

/// Reads a page of an unknown layout. `None` when the text shows no sign of a registry page
/// (no NCT ID and fewer than two known labels).
pub(crate) fn read(lines: &[Line<'_>]) -> Option<ReadPage> {
    let mut study = Study::default();
    let mut labels_found = 0;
    let mut used = vec![false; lines.len()];
    let mut in_related = false;
    let mut first_nct: Option<String> = None;
    let mut heading_title: Option<String> = None;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if l.is_blank() {
            used[i] = true;
            i += 1;
            continue;
        }
        let text = plain(l.text);
        if is_related_heading(&text) {
            in_related = true;
        }
        if !in_related && first_nct.is_none() {
            first_nct = ids::find_nct_ids(&text).first().map(|s| s.to_string());
        }
        if heading_title.is_none() && l.text.starts_with("# ") {
            heading_title = Some(text.clone());
            used[i] = true;
        }
        if let Some((label, value)) = split_labelled(&text) {
            let related_id = in_related && label == Label::NctId;
            if !value.is_empty() && !related_id {
                match assign(&mut study, label, value) {
                    Ok(()) => {
                        labels_found += 1;
                        used[i] = true;
                    }
                    Err(why) => note(&mut study, Severity::Info, Some(l.no), why),
                }
                i += 1;
                continue;
            }
        }
        let bare = text.trim_end_matches(':');
        if let (Some(label), Some(next)) = (lookup_label(bare), lines.get(i + 1)) {
            let value = plain(next.text);
            if !next.is_blank()
                && lookup_label(value.trim_end_matches(':')).is_none()
                && assign(&mut study, label, &value).is_ok()
            {
                {
                    labels_found += 1;
                    used[i] = true;
                    used[i + 1] = true;
                    i += 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    if study.nct_id().is_none() {
        study.protocol_section.identification_module.nct_id = first_nct.clone();
        if first_nct.is_some() {
            note(
                &mut study,
                Severity::Info,
                None,
                "The NCT ID is the first one on the page; the page does not label it.".into(),
            );
        }
    }
    if study.brief_title().is_none() {
        let title = heading_title.or_else(|| {
            lines
                .iter()
                .enumerate()
                .find(|(_, l)| could_be_title(l.text))
                .map(|(k, l)| {
                    used[k] = true;
                    plain(l.text)
                })
        });
        study.protocol_section.identification_module.brief_title = title.map(|t| unescape(&t));
    }
    if study.nct_id().is_none() && labels_found < 2 {
        return None;
    }
    for (k, l) in lines.iter().enumerate() {
        if !used[k] {
            unplaced(&mut study, l, None);
        }
    }
    note(
        &mut study,
        Severity::Info,
        None,
        "This page's layout is not one trialcards knows; only labelled values were read.".into(),
    );
    Some(ReadPage {
        study,
        complete: true,
    })
}
