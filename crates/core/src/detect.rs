//! The layout detector: finds where each registry page starts in an input and which layout it has.

use crate::fields::ids;
use crate::lines::{self, Line};
use crate::readers::sites::{self, SITES};
use crate::reading::chrome;

/// A page layout: the name recorded in `trialcards.source.layout` and the words a card uses
/// for it. The sites' layouts are their rows in the readers' table of sites (`SITES`); the generic
/// reader and the structured formats have theirs here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    name: &'static str,
    words: &'static str,
}

impl Layout {
    /// A layout with its recorded name and its words for people.
    pub const fn new(name: &'static str, words: &'static str) -> Layout {
        Layout { name, words }
    }

    /// Any other page: the reading layer's generic reader.
    pub const GENERIC: Layout = Layout::new("generic", "page of another site (best effort)");
    /// ClinicalTrials.gov API v2 JSON (never detected in page text: see [`crate::formats`]).
    pub const CTGOV_JSON: Layout = Layout::new("ctgov-json", "ClinicalTrials.gov JSON record");
    /// Classic ClinicalTrials.gov XML (never detected in page text).
    pub const CTGOV_XML: Layout = Layout::new("ctgov-xml", "ClinicalTrials.gov XML record");
    /// ClinicalTrials.gov's CSV download (never detected in page text).
    pub const CTGOV_CSV: Layout = Layout::new("ctgov-csv", "ClinicalTrials.gov CSV row");

    /// The name recorded in `trialcards.source.layout`.
    pub fn name(self) -> &'static str {
        self.name
    }

    /// What a card calls a page of the layout ("ClinicalTrials.Veeva page").
    pub fn words(self) -> &'static str {
        self.words
    }

    /// The layout recorded as `name`, if trialcards has one of that name.
    pub fn named(name: &str) -> Option<Layout> {
        [
            Layout::GENERIC,
            Layout::CTGOV_JSON,
            Layout::CTGOV_XML,
            Layout::CTGOV_CSV,
        ]
        .iter()
        .chain(sites::LAYOUTS)
        .copied()
        .find(|l| l.name == name)
    }
}

/// One page of an input: its layout and its lines `start..end` (indices into the scanned lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSpan {
    /// The page's layout.
    pub layout: Layout,
    /// Index of the page's first line.
    pub start: usize,
    /// Index one past the page's last line.
    pub end: usize,
}

/// Where a page of a known site starts, judged from the line at `i`: the first site whose
/// start rule holds there.
fn page_start(lines: &[Line<'_>], i: usize) -> Option<(usize, Layout)> {
    SITES
        .iter()
        .find_map(|site| (site.start)(lines, i).map(|at| (at, site.layout)))
}

/// Splits an input into pages. Pages start at a layout's start marker; text before the first
/// marker belongs to the first page, unless it names a trial of its own (then it is a page of
/// its own). A page of a layout with a known end (Veeva's footer, meddatax's closing list of
/// related trials) ends there, and what follows it up to the next start is a page of its own
/// when it names a trial. Text without markers is one page whose layout is judged by its
/// headings, or several when the site's header line (its first line) recurs before another
/// trial. An input without any sign of a registry page gives no span.
pub fn detect_pages(lines: &[Line<'_>]) -> Vec<PageSpan> {
    let mut starts: Vec<(usize, Layout)> = Vec::new();
    for i in 0..lines.len() {
        if let Some((at, layout)) = page_start(lines, i) {
            if starts.last().is_none_or(|(s, _)| *s < at) {
                starts.push((at, layout));
            }
        }
    }
    let mut spans = Vec::new();
    let first = starts.first().map_or(lines.len(), |(at, _)| *at);
    let preface = &lines[..first];
    if starts.is_empty() || names_a_trial(preface) {
        spans.extend(unmarked_pages(lines, 0, first));
    }
    for (k, (at, layout)) in starts.iter().enumerate() {
        let start = if k == 0 && spans.is_empty() { 0 } else { *at };
        let next = starts.get(k + 1).map(|(s, _)| *s).unwrap_or(lines.len());
        let page = &lines[*at..next];
        let end = sites::site(*layout)
            .and_then(|site| (site.end)(page))
            .map(|e| at + e)
            .filter(|&e| e < next && names_a_trial(&lines[e..next]))
            .unwrap_or(next);
        spans.push(PageSpan {
            layout: *layout,
            start,
            end,
        });
        if end < next {
            spans.extend(unmarked_pages(lines, end, next));
        }
    }
    spans
}

/// The pages of a list of trial IDs, one a line and nothing else (a reviewer's list, a search
/// export's ID column): one one-line page per distinct ID, at its first line, so a list of
/// 400,000 lines naming one trial gives one record, not a page per line. `None` unless there
/// are two IDs or more and every line that is not blank is one ID alone.
pub(crate) fn id_list_pages(lines: &[Line<'_>]) -> Option<Vec<PageSpan>> {
    let mut seen = std::collections::HashSet::new();
    let mut spans = Vec::new();
    let mut ids = 0usize;
    for (i, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_blank()) {
        let id = first_trial_id(line.text).filter(|id| *id == line.text)?;
        ids += 1;
        if seen.insert(id) {
            spans.push(PageSpan {
                layout: Layout::GENERIC,
                start: i,
                end: i + 1,
            });
        }
    }
    (ids >= 2).then_some(spans)
}

/// The pages in `lines[from..to]`, a stretch without start markers: one page judged by its
/// headings, split where its first line (the site's header) recurs before another trial, and
/// where a labelled trial ID ("NCT Number: …", "Main ID: …") names another trial than the
/// page's own. Such a page begins after the last line before its ID that belongs to the page
/// before: one naming a trial or holding a labelled value (its header and title come along).
fn unmarked_pages(lines: &[Line<'_>], from: usize, to: usize) -> Vec<PageSpan> {
    let stretch = &lines[from..to];
    let Some(header) = stretch.iter().position(|l| !l.is_blank()) else {
        return Vec::new();
    };
    let header_text = stretch[header].text;
    // named[i]: how many of the first i lines name a trial (so each test below is O(1));
    // counted only when the header line recurs at all (most pages: never).
    let recurs = stretch[header + 1..].iter().any(|l| l.text == header_text);
    let mut named = Vec::with_capacity(if recurs { stretch.len() + 1 } else { 0 });
    if recurs {
        named.push(0usize);
        for l in stretch {
            named.push(named[named.len() - 1] + usize::from(first_trial_id(l.text).is_some()));
        }
    }
    let mut cuts = vec![0];
    let mut page_id: Option<&str> = first_trial_id(header_text);
    for (i, l) in stretch.iter().enumerate().skip(header + 1) {
        let page_start = cuts[cuts.len() - 1];
        if recurs
            && l.text == header_text
            && named[i] > named[page_start]
            && named[stretch.len()] > named[i]
        {
            cuts.push(i);
            page_id = None;
            continue;
        }
        let Some(id) = labelled_trial_id(l.text) else {
            // The first trial a page names, labelled or not ("EudraCT number |" over its
            // value), is its own until a labelled ID says otherwise.
            if page_id.is_none() {
                page_id = first_trial_id(l.text);
            }
            continue;
        };
        match page_id {
            None => page_id = Some(id),
            Some(own) if own != id => {
                let k = header_start(stretch, page_start, i, id);
                if k > page_start {
                    cuts.push(k);
                }
                page_id = Some(id);
            }
            Some(_) => {}
        }
    }
    cuts.push(stretch.len());
    cuts.windows(2)
        .filter_map(|w| {
            let layout = judged_layout(&stretch[w[0]..w[1]])?;
            Some(PageSpan {
                layout,
                start: from + w[0],
                end: from + w[1],
            })
        })
        .collect()
}

/// Where the page whose labelled ID (`new_id`) stands at `i` begins: a page's header and title take a few
/// lines above it, so walk back at most that far, never past `page_start` (the page before's
/// first line) or a line that belongs to the page before.
fn header_start(stretch: &[Line<'_>], page_start: usize, i: usize, new_id: &str) -> usize {
    let mut k = i;
    let mut taken = 0;
    // A value line under a label alone ("Organisation" over a name) is the label's.
    let under_label = |j: usize| {
        j > 0 && {
            let above = stretch[j - 1].text;
            above.len() <= 60
                && crate::reading::pairs::bare_label(&crate::reading::pairs::plain(above)).is_some()
        }
    };
    while k > page_start + 1
        && taken < HEADER_LINES
        && !belongs_before(&stretch[k - 1], new_id)
        && !under_label(k - 1)
    {
        k -= 1;
        taken += usize::from(!stretch[k].is_blank());
    }
    while k < i && stretch[k].is_blank() {
        k += 1;
    }
    // A site's header opens with its name: when the lines taken hold one, the page starts
    // there (the lines above it end the page before).
    (k..i)
        .find(|&j| !stretch[j].is_blank() && chrome::is_site_name(stretch[j].text))
        .unwrap_or(k)
}

/// Where the next page begins in a page that starts at `lines[0]` and shows no end of its own:
/// at the header above a labelled ID naming another trial than the page's first one (the
/// header's first line, and the ID's line). For the sites whose pages have no footer.
pub(crate) fn another_trial_starts(lines: &[Line<'_>]) -> Option<(usize, usize)> {
    let mut own: Option<&str> = None;
    for (i, l) in lines.iter().enumerate() {
        match (labelled_trial_id(l.text), own) {
            (Some(id), None) => own = Some(id),
            (Some(id), Some(o)) if o != id => {
                let k = header_start(lines, 0, i, id);
                return (k > 0).then_some((k, i));
            }
            _ => {}
        }
    }
    None
}

/// How many lines a page of an unknown site shows above its labelled ID at most (the site's
/// header and navigation, and the title).
const HEADER_LINES: usize = 6;

/// The trial ID a labelled ID line gives ("NCT Number: NCT…", "Main ID: ISRCTN…").
fn labelled_trial_id(text: &str) -> Option<&str> {
    let (label, value) = lines::split_labelled(text)?;
    if label != lines::Label::NctId {
        return None;
    }
    first_trial_id(value)
}

/// The first trial ID `text` names, if any.
fn first_trial_id(text: &str) -> Option<&str> {
    ids::find_nct_ids(text)
        .first()
        .copied()
        .or_else(|| ids::find_registry_ids(text).first().map(|r| r.id))
}

/// Whether a line is part of the page before a new page's header (the new page's trial is
/// `new_id`): it names another trial, holds a labelled value or a typed one ("Drug: X",
/// "Experimental: Y"), is a label alone or a badge ("Recruiting"), heads a criteria part
/// ("Exclusion Criteria: …"), is a table cell (`… |`), holds an e-mail address (a contact's)
/// or is a line of a record the page shows as data (`}`, `"key": value`), which a site's header
/// and a title never are.
fn belongs_before(line: &Line<'_>, new_id: &str) -> bool {
    let t = line.text;
    first_trial_id(t).is_some_and(|id| id != new_id)
        || t.split_whitespace().any(|w| {
            w.split_once('@')
                .is_some_and(|(name, host)| !name.is_empty() && host.contains('.'))
        })
        || crate::reading::pairs::on_line(&crate::reading::pairs::plain(t)).is_some()
        || crate::fields::criteria::sub_heading(t).is_some()
        || t.starts_with('|')
        || t.ends_with('|')
        || t.starts_with(['{', '}', '[', ']'])
        || t.starts_with('"') && t.contains("\":")
        || t.len() <= 80
            && (crate::reading::pairs::page_label(t.trim_end_matches(':')).is_some()
                || crate::vocab::typed_intervention(t).is_some()
                || crate::reading::arms::arm_line(t).is_some()
                || crate::reading::badges::badge(t).is_some())
}

/// The layout of a page without a start marker, judged by its headings; `None` when blank.
fn judged_layout(lines: &[Line<'_>]) -> Option<Layout> {
    if let Some(site) = SITES.iter().find(|site| (site.judged)(lines)) {
        Some(site.layout)
    } else if lines.iter().any(|l| !l.is_blank()) {
        Some(Layout::GENERIC)
    } else {
        None
    }
}

/// Whether `lines` name a trial: an NCT ID or another registry's trial ID anywhere in them.
fn names_a_trial(lines: &[Line<'_>]) -> bool {
    lines.iter().any(|l| first_trial_id(l.text).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::scan;

    #[test]
    fn a_list_of_ids_is_one_page_per_distinct_trial() {
        let text = "NCT09990001\n\nNCT09990002\nNCT09990001\n2023-000123-45\nNCT09990002\n";
        let lines = scan(text);
        let pages = id_list_pages(&lines).expect("a list of IDs");
        let starts: Vec<usize> = pages.iter().map(|p| p.start).collect();
        assert_eq!(starts, [0, 2, 4]);
        assert!(pages.iter().all(|p| p.end == p.start + 1));
        // One ID, or a line with more than an ID, is not a list.
        assert_eq!(id_list_pages(&scan("NCT09990001\n")), None);
        assert_eq!(
            id_list_pages(&scan("NCT09990001\nNCT09990002 A trial\n")),
            None
        );
    }

    #[test]
    fn two_pages_pasted_one_after_the_other() {
        let text = "ClinicalTrials.Veeva\nMenu\nA\n\nClinicalTrials.Veeva\nMenu\nB\n";
        let lines = scan(text);
        let pages = detect_pages(&lines);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].start, 4);
        assert!(pages.iter().all(|p| p.layout.name() == "veeva"));
    }

    #[test]
    fn pages_of_two_unknown_sites_split_above_the_second_ones_labelled_id() {
        let text = "Site A\nA Trial of Walking\nNCT Number: NCT09990001\nPhase: Phase 2\n\
                    Registry B\nSkip navigation\nA Trial of Swimming\nMain ID: NCT09990002\n\
                    Recruitment status: Recruiting\nRelated: NCT09990003\n";
        let lines = scan(text);
        let pages = detect_pages(&lines);
        assert_eq!(pages.len(), 2, "{pages:?}");
        assert_eq!(lines[pages[1].start].text, "Registry B");
        assert_eq!((pages[0].end, pages[1].end), (4, lines.len()));
    }

    #[test]
    fn a_pages_record_data_criteria_and_own_id_stay_on_their_side() {
        // The first page ends in its criteria and its record as data; the second page's header
        // names its own trial.
        let text = "A Trial of Walking\nNCT ID: NCT09990001\nInclusion Criteria: Adults\n{\n\
                    \"protocolSection\": {}\n}\nViewing Study NCT09990002\nA Trial of Naps\n\
                    NCT ID: NCT09990002\n";
        let lines = scan(text);
        let pages = detect_pages(&lines);
        assert_eq!(pages.len(), 2, "{pages:?}");
        assert_eq!(lines[pages[1].start].text, "Viewing Study NCT09990002");
    }

    #[test]
    fn meddatax_page_starts_at_its_title() {
        let text = "junk\nA Fictional Title\nNCT ID: NCT09990002\nLast Updated: 2024-01-01\nStudy Results\n";
        let lines = scan(text);
        let pages = detect_pages(&lines);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].layout.name(), "meddatax");
    }

    #[test]
    fn a_label_or_heading_other_sites_share_claims_no_known_site() {
        // "NCT ID:" over a "Conditions" heading, and three headings meddatax shares with
        // other sites: no meddatax marks, so the generic reader reads it.
        let text = "Trial Finder\nA Fictional Study of Rowing\nNCT ID: NCT09990003\n\
                    Conditions\nBack pain\nKeywords\nrowing\nLocations\nFictional Town\n";
        let pages = detect_pages(&scan(text));
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].layout, Layout::GENERIC);
    }

    #[test]
    fn every_site_layout_is_found_by_its_name() {
        let rows: Vec<Layout> = SITES.iter().map(|site| site.layout).collect();
        assert_eq!(
            rows,
            sites::LAYOUTS,
            "the layouts list follows the sites' rows"
        );
        for site in SITES {
            assert_eq!(Layout::named(site.layout.name()), Some(site.layout));
        }
        assert_eq!(Layout::named("generic"), Some(Layout::GENERIC));
        assert_eq!(Layout::named("nowhere"), None);
    }

    #[test]
    fn plain_prose_is_generic_and_empty_text_is_nothing() {
        assert_eq!(detect_pages(&scan("just words")).len(), 1);
        assert!(detect_pages(&scan("\n  \n")).is_empty());
    }
}
