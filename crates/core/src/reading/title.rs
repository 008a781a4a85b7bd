//! A page's title when no label names it: the first heading-like line after the site's chrome,
//! before the first labelled block or ID, else the line just above that block, else the first
//! title-like line of the page. Site names, menus, badges, labels and notes are never titles.

use super::badges::badge;
use super::chrome::{is_chrome, is_site_name};
use super::pairs::{bare_label, on_line, plain};
use crate::case::Cased;
use crate::fields::ids;
use crate::lines::Line;

/// Whether `text` could be a trial's title: words (at least `min_words`), not chrome, not a
/// site's name, not a label, pair, badge or ID, not a note ("Note: …") or an exclamation.
pub(crate) fn is_title_like(raw: &str, min_words: usize) -> bool {
    let text = plain(raw);
    let words = text.split_whitespace().count();
    if words < min_words || words > 80 || text.len() > 600 {
        return false;
    }
    if !text.chars().any(char::is_alphabetic)
        || text.starts_with(|c: char| c.is_lowercase())
        || text.ends_with([':', '!', '?', '|', ','])
    {
        return false;
    }
    // "Note: …", "Warning: …": a short word before a colon opens a notice, not a title.
    if let Some((head, _)) = text.split_once(": ") {
        if head.split_whitespace().count() <= 3 {
            return false;
        }
    }
    let lower = text.lowercased();
    !(is_chrome(&text)
        || is_site_name(&text)
        || lower.contains("clinicaltrials.gov")
        || bare_label(&text).is_some()
        || on_line(&text).is_some()
        || badge(&text).is_some()
        || ids::is_nct_id(&text)
        || !ids::find_registry_ids(&text).is_empty() && words <= 2)
}

/// The index of the title line among `lines`, where `head_end` is the index of the first line
/// holding an ID or a labelled value (`lines.len()` when there is none).
pub(crate) fn title_line(lines: &[Line<'_>], head_end: usize) -> Option<usize> {
    let head = &lines[..head_end.min(lines.len())];
    // A markdown heading the site did not put there for itself.
    if let Some(k) = head
        .iter()
        .position(|l| l.text.starts_with("# ") && is_title_like(l.text, 2))
    {
        return Some(k);
    }
    if let Some(k) = head.iter().position(|l| is_title_like(l.text, 4)) {
        return Some(k);
    }
    // A title printed under the trial's ID ("ISRCTN…" then the title).
    if let Some(k) = (head_end..lines.len())
        .filter(|&k| !lines[k].is_blank())
        .take(3)
        .skip(1)
        .take_while(|&k| !starts_block(lines[k].text))
        .find(|&k| is_title_like(lines[k].text, 4))
    {
        if ids::find_nct_ids(lines[head_end].text).len()
            + ids::find_registry_ids(lines[head_end].text).len()
            > 0
            && plain(lines[head_end].text).split_whitespace().count() <= 3
        {
            return Some(k);
        }
    }
    // A short title just above the first block ("ACT-MSC Pilot").
    if let Some(k) = head.iter().rposition(|l| !l.is_blank()) {
        if is_title_like(head[k].text, 2) {
            return Some(k);
        }
    }
    lines.iter().position(|l| is_title_like(l.text, 6))
}

/// Whether a line opens a labelled block (a label alone or a labelled value).
fn starts_block(raw: &str) -> bool {
    let text = plain(raw);
    bare_label(&text).is_some() || on_line(&text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::scan;

    fn title(text: &str, head_end: usize) -> Option<&str> {
        let lines = scan(text);
        title_line(&lines, head_end)
            .map(|k| lines[k].text)
            .map(|t| {
                // Borrow from the input: find the line again.
                text.lines().find(|l| l.trim() == t).unwrap().trim()
            })
    }

    #[test]
    fn the_title_follows_the_sites_chrome() {
        let page = "MedTrialsHub\nsearch\nBack to results\n\nStromal Cells for Knee Osteoarthritis in Adults\n\nStatus\nRecruiting\n";
        assert_eq!(
            title(page, 6),
            Some("Stromal Cells for Knee Osteoarthritis in Adults")
        );
        let page = "World Health Organization site\nSkip Navigation Links\nNote: This record shows only some elements.\nA Trial of Cells\nMain ID: NCT09990001\n";
        assert_eq!(title(page, 4), Some("A Trial of Cells"));
        let page = "Registry\nSearch\nAdvanced search\nISRCTN90000001\nCells for Fictional Tendon Tears\nStatus\nRecruiting\n";
        assert_eq!(title(page, 3), Some("Cells for Fictional Tendon Tears"));
        let page = "Home > Trials > Cells\n# MSC-KNEE Pilot\nNCT09990001\n";
        assert_eq!(title(page, 2), Some("# MSC-KNEE Pilot"));
    }

    #[test]
    fn site_names_and_badges_are_never_titles() {
        assert!(!is_title_like("ClinicalTrials.gov Menu", 2));
        assert!(!is_title_like("EU Clinical Trials Register", 2));
        assert!(!is_title_like("PHASE1/PHASE2", 1));
        assert!(!is_title_like("Active, not recruiting", 2));
        assert!(!is_title_like("Recruitment Status: Recruiting", 2));
        assert!(!is_title_like(
            "We're building a better site. Tell us what you think!",
            4
        ));
        assert!(is_title_like(
            "Umbilical Cord MSCs for Acute Respiratory Distress: a Phase 2 Trial",
            4
        ));
    }
}
