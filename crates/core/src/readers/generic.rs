//! The reader for pages of any other site, standing on the reading layer ([`crate::reading`]):
//! the record's own NCT ID (or, without one, another registry's ID), labelled pairs in every
//! arrangement (one line, a label line over its value lines, glued labels), labelled lists
//! (an intervention's type may stand on its own line above its name), badges with no label,
//! inclusion/exclusion criteria blocks, tables whose header row names the fields, the record a
//! page embeds as data (its fields fill what the page's own values leave empty), and a title
//! chosen past the site's chrome. Every value keeps the lines it was read from; the rest is
//! unplaced.

use std::collections::{HashMap, HashSet};

use super::results_page::{self, classic, table::Style, Part, Placed};
use super::{note, unplaced, ReadPage};
use crate::fields::assign::assign;
use crate::fields::criteria::{self, CriteriaPart};
use crate::fields::ids;
use crate::fields::markup::{lines_to_markdown, unescape};
use crate::lines::{normalize_label, Label, Line};
use crate::model::enums::{DateType, EnrollmentType, InterventionType, Phase};
use crate::model::{ArmGroup, SecondaryIdInfo, Severity, Study};
use crate::reading::arms;
use crate::reading::badges::{badge, Badge};
use crate::reading::chrome::is_chrome;
use crate::reading::glue::{glue_points, unglue};
use crate::reading::pairs::{bare_label, fits, is_decoration, is_typed, on_line, plain};
use crate::reading::table::{self, Header};
use crate::reading::{embedded, spans, title};
use crate::vocab;

/// Headings after which a page lists other trials: their NCT IDs are not this record's.
const RELATED_HEADINGS: &[&str] = &["related", "similar", "more trials", "other trials"];

/// Labels whose value may be a list, one item a line, under the label.
const LIST_LABELS: &[Label] = &[
    Label::Conditions,
    Label::Interventions,
    Label::Keywords,
    Label::Countries,
];

/// Labels whose value may run over several lines and paragraphs.
const TEXT_LABELS: &[Label] = &[Label::BriefSummary, Label::DetailedDescription];

/// Section headings registry pages share; a list under a label ends at one of them.
const SECTION_HEADINGS: &[&str] = &[
    "about",
    "about this trial",
    "arms",
    "arms and interventions",
    "collaborators",
    "contact",
    "contacts",
    "contacts and locations",
    "design",
    "eligibility",
    "eligibility criteria",
    "ethics review",
    "funding",
    "key facts",
    "locations",
    "outcomes",
    "outcome measures",
    "primary outcome",
    "primary outcomes",
    "secondary outcome",
    "secondary outcomes",
    "publications",
    "references",
    "results",
    "sponsors",
    "study design",
    "study details",
    "trial details",
    "participation criteria",
    "study overview",
    "study plan",
    "design details",
    "contacts and locations",
    "collaborators and investigators",
    "more information",
    "study record dates",
    "publications",
];

/// The most lines a labelled list or criteria block takes (keeps a stray label from eating a page).
const MAX_BLOCK_LINES: usize = 200;

/// The most rows a table under a header row takes.
const MAX_TABLE_ROWS: usize = 50;

/// The longest line read as an empty field's caption ("Information provided by (Responsible
/// Party):").
const MAX_CAPTION: usize = 80;

/// How the record a page embeds is named in its diagnostics.
const EMBEDDED_LABEL: &str = "the record embedded in the page";

/// Whether `text` is one of the shared section headings.
fn is_section_heading(text: &str) -> bool {
    text.len() < 60 && crate::lines::with_label(text, |key| SECTION_HEADINGS.contains(&key))
}

/// Whether a line under a list label is no item of the list: a section heading, a registry label
/// ("Primary Outcome(s)"), or another "Label: value" (except a typed intervention).
fn ends_list(label: Label, value: &str) -> bool {
    is_section_heading(value)
        || value.contains("(s)")
        || value.contains(':')
            && !(label == Label::Interventions && vocab::typed_intervention(value).is_some())
}

fn is_related_heading(text: &str) -> bool {
    if text.len() >= 60 {
        return false;
    }
    // The headings are ASCII: lowercased on the stack, then searched.
    let mut buf = [0u8; 60];
    let lower = &mut buf[..text.len()];
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    let lower = String::from_utf8_lossy(lower);
    RELATED_HEADINGS.iter().any(|h| lower.contains(h))
}

/// The items of a list written on one line: split at `;`, ` | `, `<br>` and `•`; at commas when
/// every piece is a typed intervention ("Drug: A, Other: B"), or for conditions when at most
/// one piece is a single word and the first is not (so "Leukemia, Myeloid, Acute" and
/// "Diabetes, Type 2" stay one condition).
fn list_items(label: Label, value: &str) -> Vec<&str> {
    let pieces: Vec<&str> = value
        .split([';', '|', '•'])
        .flat_map(|p| p.split("<br>"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() > 1 || label == Label::Countries {
        return pieces;
    }
    let commas: Vec<&str> = value.split(", ").map(str::trim).collect();
    if commas.len() < 2 || commas.iter().any(|c| c.is_empty()) {
        return vec![value];
    }
    let split = match label {
        Label::Interventions => commas
            .iter()
            .all(|c| vocab::typed_intervention(c).is_some()),
        Label::Conditions | Label::Keywords => {
            let single_word = |c: &str| !c.contains(' ') && !c.contains('-');
            let single = commas.iter().filter(|c| single_word(c)).count();
            // A heading written inverted ("Diabetes, Type 2", "Carcinoma, Non-Small-Cell
            // Lung") starts with its one-word head noun.
            let inverted = commas.first().is_some_and(|c| single_word(c));
            single <= 1
                && !inverted
                && commas
                    .iter()
                    .all(|c| c.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit()))
        }
        _ => false,
    };
    if split {
        commas
    } else {
        vec![value]
    }
}

/// A table cell or decoration line of a flattened table ("Label |", "|||").
fn is_cell(text: &str) -> bool {
    is_decoration(text) || text.ends_with('|') || text.starts_with('|')
}

/// A line that starts something else: a label, a labelled pair, a markdown heading, a
/// section heading, a criteria part or a table's header row.
fn starts_something(raw: &str) -> bool {
    let text = plain(raw);
    raw.starts_with('#')
        || bare_label(&text).is_some()
        || on_line(&text).is_some()
        || criteria::sub_heading(&text).is_some()
        || is_section_heading(&text)
        || table::header(&text).is_some()
}

/// An intervention's type standing alone on its line above the name ("DRUG", "Biological").
fn intervention_type_line(text: &str) -> Option<InterventionType> {
    if text.split_whitespace().count() > 3 || text.contains(':') {
        return None;
    }
    vocab::lookup::<InterventionType>(text)
}

/// The enrollment type a label says ("Actual Enrollment", "Enrollment (Estimated)").
fn enrollment_type_of_label(label_text: &str) -> Option<EnrollmentType> {
    let norm = normalize_label(label_text);
    let has = |w: &str| norm.split(' ').any(|x| x == w);
    if has("actual") {
        Some(EnrollmentType::Actual)
    } else if has("estimated") || has("anticipated") || has("target") || has("planned") {
        Some(EnrollmentType::Estimated)
    } else {
        None
    }
}

/// Sets the enrollment or date type from the label when the value did not say ("Enrollment
/// (Actual)", "Study Start (Estimated)").
fn type_from_label(study: &mut Study, label: Label, label_text: &str) {
    let Some(kind) = enrollment_type_of_label(label_text) else {
        return;
    };
    let s = &mut study.protocol_section.status_module;
    let date = match label {
        Label::Enrollment => {
            if let Some(info) = study
                .protocol_section
                .design_module
                .enrollment_info
                .as_mut()
            {
                info.enrollment_type.get_or_insert(kind);
            }
            return;
        }
        Label::StartDate => &mut s.start_date_struct,
        Label::PrimaryCompletionDate => &mut s.primary_completion_date_struct,
        Label::CompletionDate => &mut s.completion_date_struct,
        _ => return,
    };
    if let Some(d) = date.as_mut() {
        d.date_type.get_or_insert(match kind {
            EnrollmentType::Actual => DateType::Actual,
            EnrollmentType::Estimated => DateType::Estimated,
        });
    }
}

/// A page being read: its lines (glued lines split) and what has been placed.
struct Reader<'a> {
    lines: Vec<Line<'a>>,
    study: Study,
    /// Which lines went into the record (or were decoration).
    used: Vec<bool>,
    /// How many labelled values were placed.
    labels_found: usize,
    /// The first line index holding an ID or a labelled value: the title stands above it.
    head_end: Option<usize>,
    /// Values with no label, by line index.
    badges: Vec<(usize, Badge)>,
    /// The first NCT ID the page shows outside lists of related trials, with its line index.
    first_nct: Option<(String, usize)>,
    registry_ids: Vec<(ids::RegistryId<'a>, usize)>,
    /// The IDs in `registry_ids`, to keep each once without searching the list.
    registry_seen: HashSet<&'a str>,
    /// The record's interventions by name (indices into its list), for the arms' lookups;
    /// brought up to date with the list (which only grows while lines are read) before each.
    intervention_index: HashMap<String, Vec<usize>>,
    /// How many of the record's interventions `intervention_index` holds.
    interventions_indexed: usize,
    /// What the page's tables may still spend on finding cells ([`table::CHECK_BUDGET`]).
    table_budget: usize,
    /// The record the page embeds, when it has one.
    embedded: Option<EmbeddedRecord>,
    /// The line indices of ClinicalTrials.gov's classic results tab, read apart.
    results_tab: Option<std::ops::Range<usize>>,
}

/// A record the page embeds as data, read as a v2 study.
struct EmbeddedRecord {
    study: Study,
    /// The indices of its lines (`at..end`) among the reader's lines.
    at: usize,
    end: usize,
    /// Its first and last line numbers.
    from: usize,
    to: usize,
    /// Whether the page stops inside it.
    cut: bool,
}

/// The first record embedded in `lines` as data (from a line starting with `{`) that is a v2
/// study, and the range of `lines` its text takes. Each line is read at most once as part
/// of a candidate's text.
fn find_embedded(lines: &[Line<'_>]) -> Option<(std::ops::Range<usize>, Study, bool)> {
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].text.starts_with('{') {
            i += 1;
            continue;
        }
        let Some(found) = embedded::read(&lines[i..]) else {
            i += 1;
            continue;
        };
        let end = i + found.lines.max(1);
        let line = lines[i].no;
        if let Some(study) = super::ctgov_json::read_embedded(&found.json, line, EMBEDDED_LABEL) {
            return Some((i..end, study, found.cut));
        }
        i = end;
    }
    None
}

/// The page's lines with glued lines split ([`unglue`]), except an embedded record's text,
/// which is kept as it is; and that record.
fn unglue_around_record<'a>(lines: &[Line<'a>]) -> (Vec<Line<'a>>, Option<EmbeddedRecord>) {
    let Some((range, study, cut)) = find_embedded(lines) else {
        return (unglue(lines), None);
    };
    let mut out = unglue(&lines[..range.start]);
    let at = out.len();
    out.extend_from_slice(&lines[range.clone()]);
    let end = out.len();
    out.extend(unglue(&lines[range.end..]));
    let record = EmbeddedRecord {
        study,
        at,
        end,
        from: lines[range.start].no,
        to: lines[range.end - 1].no,
        cut,
    };
    (out, Some(record))
}

/// Whether a table column takes a value from every row (a list, or phases), rather than one.
fn accumulates(label: Label) -> bool {
    LIST_LABELS.contains(&label) || label == Label::Phase
}

/// Reads ClinicalTrials.gov's classic results tab in `lines`, when they hold one, into the
/// record's results: the tab's line indices and what each of its parts placed (a part's
/// heading is placed: it names the part).
pub(crate) fn read_results_tab(
    study: &mut Study,
    lines: &[Line<'_>],
) -> Option<(std::ops::Range<usize>, Vec<Placed>)> {
    let parts = classic::locate(lines);
    let range = parts.first()?.from..parts.last()?.to;
    let placed = parts
        .iter()
        .map(|p| {
            // The adverse events' and more information's headings start lists of their own.
            let from = match p.part {
                Part::Events | Part::MoreInfo => p.from,
                _ => p.from + 1,
            };
            let body: Vec<Line<'_>> = lines[from..p.to]
                .iter()
                .copied()
                .filter(|l| !l.is_blank())
                .collect();
            results_page::read(study, p.part, Style::Classic, &body)
        })
        .collect();
    Some((range, placed))
}

/// Reads a page of an unknown layout. `None` when the text shows no sign of a registry page
/// (no NCT ID, no other registry's ID, and fewer than two labelled or badge values).
pub(crate) fn read(lines: &[Line<'_>]) -> Option<ReadPage> {
    let mut page = read_lines(lines)?;
    note(
        &mut page.study,
        Severity::Info,
        None,
        "This page's layout is not one trialcards knows; its values were read by how sites \
         present them (labels, badges, lists)."
            .into(),
    );
    Some(page)
}

/// [`read`] without its note on the layout: what a site's own reader builds on, for the
/// labels, badges and lists its pages share with every other site.
pub(crate) fn read_lines(lines: &[Line<'_>]) -> Option<ReadPage> {
    let (lines, embedded) = unglue_around_record(lines);
    let mut r = Reader::new(lines);
    r.embedded = embedded;
    r.read_results_tab();
    r.walk();
    // The embedded record fills what the page's labels left empty, before the guesses do
    // (badges, the first NCT ID, a title line).
    let embeds = r.fill_from_embedded();
    let badges_placed = r.place_badges();
    r.place_ids();
    r.place_title();
    if r.study.nct_id().is_none()
        && r.registry_ids.is_empty()
        && r.labels_found + badges_placed < 2
        && !embeds
    {
        return None;
    }
    let Reader {
        lines,
        mut study,
        used,
        ..
    } = r;
    for (k, l) in lines.iter().enumerate() {
        if !used[k] {
            unplaced(&mut study, l, None);
        }
    }
    Some(ReadPage {
        study,
        complete: true,
    })
}

impl<'a> Reader<'a> {
    /// A reader of `lines`, nothing placed yet.
    fn new(lines: Vec<Line<'a>>) -> Self {
        let n = lines.len();
        Reader {
            lines,
            study: Study::default(),
            used: vec![false; n],
            labels_found: 0,
            head_end: None,
            badges: Vec::new(),
            first_nct: None,
            registry_ids: Vec::new(),
            registry_seen: HashSet::new(),
            intervention_index: HashMap::new(),
            interventions_indexed: 0,
            table_budget: table::CHECK_BUDGET,
            embedded: None,
            results_tab: None,
        }
    }

    /// Marks the lines `from..to` as placed.
    fn use_lines(&mut self, from: usize, to: usize) {
        self.used[from..to].iter_mut().for_each(|u| *u = true);
    }

    /// Notes that line `i` begins the page's content (an ID or a labelled value).
    fn content_at(&mut self, i: usize) {
        self.head_end.get_or_insert(i);
    }

    /// Places a value under a label, keeping the lines it came from (`from..=to` as indices);
    /// a list label's value on one line may hold several items.
    fn place(&mut self, label: Label, value: &str, from: usize, to: usize) -> Result<(), String> {
        let (a, b) = (self.lines[from].no, self.lines[to].no);
        if !LIST_LABELS.contains(&label) {
            return spans::placed(&mut self.study, label, a, b, |s| assign(s, label, value));
        }
        let mut result = Err("the label has no value".to_string());
        for item in list_items(label, value) {
            let placed = spans::placed(&mut self.study, label, a, b, |s| assign(s, label, item));
            if result.is_err() {
                result = placed;
            }
        }
        result
    }

    /// Reads ClinicalTrials.gov's classic results tab, when the page has one, into the
    /// record's results; its lines are then left out of the walk, and those it could not place
    /// are unplaced.
    fn read_results_tab(&mut self) {
        let Some((range, placed)) = read_results_tab(&mut self.study, &self.lines) else {
            return;
        };
        let unused: HashSet<usize> = placed
            .iter()
            .flat_map(|p| p.unused.iter().copied())
            .collect();
        for k in range.clone() {
            let l = self.lines[k];
            self.used[k] = l.is_blank() || !unused.contains(&l.no);
        }
        if placed.iter().any(|p| p.any) {
            let no = self.lines[range.start].no;
            self.study.has_results = Some(true);
            spans::at(&mut self.study, spans::keys::HAS_RESULTS, no, no);
        }
        self.results_tab = Some(range);
    }

    /// One pass over the lines: IDs, criteria blocks, pairs, label blocks and badges.
    fn walk(&mut self) {
        let mut in_related = false;
        let mut i = 0;
        while i < self.lines.len() {
            let l = self.lines[i];
            if l.is_blank() {
                self.used[i] = true;
                i += 1;
                continue;
            }
            if let Some(tab) = self.results_tab.as_ref().filter(|t| t.start == i) {
                i = tab.end;
                continue;
            }
            if let Some(end) = self.embedded.as_ref().filter(|e| e.at == i).map(|e| e.end) {
                // The embedded record's text: its values fill what the page leaves empty.
                self.content_at(i);
                self.use_lines(i, end);
                i = end;
                continue;
            }
            let text = plain(l.text);
            if text.is_empty() || is_decoration(l.text) {
                // Table decoration only ("|", "|||", "|---|").
                self.used[i] = true;
                i += 1;
                continue;
            }
            if is_related_heading(&text) {
                in_related = true;
            }
            if !in_related {
                self.note_ids(i, l.text, &text);
                if let Some(end) = self.criteria_block(i).or_else(|| self.arm_block(i)) {
                    self.content_at(i);
                    self.use_lines(i, end);
                    i = end;
                    continue;
                }
            }
            let tables = !in_related && self.table_budget > 0;
            if let Some(header) = tables.then(|| table::header(&text)).flatten() {
                if let Some(end) = self.table_block(i, &header) {
                    self.content_at(i);
                    self.use_lines(i, end);
                    i = end;
                    continue;
                }
            }
            if let Some(pair) = on_line(&text) {
                let related_id = in_related && pair.label == Label::NctId;
                if !pair.value.is_empty() && !related_id {
                    self.content_at(i);
                    let value = pair.value.clone();
                    match self.place(pair.label, &value, i, i) {
                        Ok(()) => {
                            type_from_label(&mut self.study, pair.label, pair.label_text);
                            self.labels_found += 1;
                            self.used[i] = true;
                        }
                        // Another registry's ID under an ID label ("Main ID") is a secondary ID.
                        Err(_) if !ids::find_registry_ids(&value).is_empty() => self.used[i] = true,
                        Err(why) => {
                            // A labelled field all the same: the page is a registry page.
                            self.labels_found += 1;
                            self.kept_as_text(i, pair.label_text, why)
                        }
                    }
                    i += 1;
                    continue;
                }
            }
            if let Some(label) = bare_label(&text) {
                if let Some(end) = self.labelled_block(i, label) {
                    self.content_at(i);
                    self.labels_found += 1;
                    self.use_lines(i, end);
                    i = end;
                    continue;
                }
            }
            if !in_related {
                if let Some(b) = badge(&text) {
                    self.badges.push((i, b));
                }
            }
            i += 1;
        }
    }

    /// A labelled value its field did not accept: kept as text, with a diagnostic.
    fn kept_as_text(&mut self, i: usize, label_text: &str, why: String) {
        let no = self.lines[i].no;
        note(
            &mut self.study,
            Severity::Info,
            Some(no),
            format!("{why} (under \"{label_text}\"; kept as text)"),
        );
    }

    /// Notes the IDs line `i` shows (the first NCT ID; other registries' IDs).
    fn note_ids(&mut self, i: usize, raw: &'a str, text: &str) {
        let mut found = false;
        if self.first_nct.is_none() {
            if let Some(id) = ids::find_nct_ids(text).first() {
                self.first_nct = Some((id.to_string(), i));
                found = true;
            }
        }
        for r in ids::find_registry_ids(raw) {
            found = true;
            if self.registry_seen.insert(r.id) {
                self.registry_ids.push((r, self.lines[i].no));
            }
        }
        if found {
            self.content_at(i);
        }
    }

    /// Badges go to fields no label filled, when they agree: one status, one set of phases, one
    /// study type; "N/A" is a phase only beside another badge. Returns how many were placed.
    fn place_badges(&mut self) -> usize {
        let badges = std::mem::take(&mut self.badges);
        let mut placed = 0;
        let beside_another = |i: usize| {
            badges
                .iter()
                .any(|(j, b)| (*j + 1 == i || i + 1 == *j) && *b != Badge::NotApplicable)
        };
        let agreed = |pick: &dyn Fn(&Badge) -> bool| -> Option<(usize, Badge)> {
            let mut found: Option<(usize, Badge)> = None;
            for (i, b) in badges.iter().filter(|(_, b)| pick(b)) {
                match &found {
                    None => found = Some((*i, b.clone())),
                    Some((_, f)) if f == b => {}
                    Some(_) => return None,
                }
            }
            found
        };
        let p = &self.study.protocol_section;
        let (no_status, no_phase, no_type) = (
            p.status_module.overall_status.is_none(),
            p.design_module.phases.is_empty(),
            p.design_module.study_type.is_none(),
        );
        if no_status {
            if let Some((i, Badge::Status(s))) = agreed(&|b| matches!(b, Badge::Status(_))) {
                self.study.protocol_section.status_module.overall_status = Some(s);
                self.badge_placed(i, "protocolSection.statusModule.overallStatus");
                placed += 1;
            }
        }
        if no_phase {
            let phases = agreed(&|b| matches!(b, Badge::Phases(_))).or_else(|| {
                agreed(&|b| *b == Badge::NotApplicable)
                    .filter(|(i, _)| beside_another(*i))
                    .map(|(i, _)| (i, Badge::Phases(vec![Phase::Na])))
            });
            if let Some((i, Badge::Phases(ph))) = phases {
                self.study.protocol_section.design_module.phases = ph;
                self.badge_placed(i, "protocolSection.designModule.phases");
                placed += 1;
            }
        }
        if no_type {
            if let Some((i, Badge::StudyType(t))) = agreed(&|b| matches!(b, Badge::StudyType(_))) {
                self.study.protocol_section.design_module.study_type = Some(t);
                self.badge_placed(i, "protocolSection.designModule.studyType");
                placed += 1;
            }
        }
        if self.study.protocol_section.eligibility_module.sex.is_none() {
            if let Some((i, Badge::Sex(x))) = agreed(&|b| matches!(b, Badge::Sex(_))) {
                self.study.protocol_section.eligibility_module.sex = Some(x);
                self.badge_placed(i, "protocolSection.eligibilityModule.sex");
                placed += 1;
            }
        }
        if self
            .study
            .protocol_section
            .eligibility_module
            .healthy_volunteers
            .is_none()
        {
            if let Some((i, Badge::HealthyVolunteers(h))) =
                agreed(&|b| matches!(b, Badge::HealthyVolunteers(_)))
            {
                self.study
                    .protocol_section
                    .eligibility_module
                    .healthy_volunteers = Some(h);
                self.badge_placed(i, "protocolSection.eligibilityModule.healthyVolunteers");
                placed += 1;
            }
        }
        let e = &self.study.protocol_section.eligibility_module;
        if e.minimum_age.is_none() && e.maximum_age.is_none() {
            if let Some((i, Badge::Ages(r))) = agreed(&|b| matches!(b, Badge::Ages(_))) {
                let e = &mut self.study.protocol_section.eligibility_module;
                let (has_min, has_max) = (r.minimum.is_some(), r.maximum.is_some());
                e.minimum_age = r.minimum;
                e.maximum_age = r.maximum;
                if has_min {
                    self.badge_placed(i, "protocolSection.eligibilityModule.minimumAge");
                }
                if has_max {
                    self.badge_placed(i, "protocolSection.eligibilityModule.maximumAge");
                }
                placed += 1;
            }
        }
        if self.study.has_results.is_none() {
            if let Some((i, Badge::Results(r))) = agreed(&|b| matches!(b, Badge::Results(_))) {
                self.study.has_results = Some(r);
                self.badge_placed(i, "hasResults");
            }
        }
        placed
    }

    /// Records the span of a badge placed at line index `i` and marks the line used.
    fn badge_placed(&mut self, i: usize, path: &str) {
        let no = self.lines[i].no;
        spans::at(&mut self.study, path, no, no);
        self.used[i] = true;
        self.content_at(i);
    }

    /// The page's own NCT ID when no label gave it, and other registries' IDs as secondary IDs.
    fn place_ids(&mut self) {
        if self.study.nct_id().is_none() {
            if let Some((id, i)) = self.first_nct.take() {
                self.study.protocol_section.identification_module.nct_id = Some(id);
                let no = self.lines[i].no;
                spans::at(
                    &mut self.study,
                    "protocolSection.identificationModule.nctId",
                    no,
                    no,
                );
                if ids::is_nct_id(plain(self.lines[i].text).as_str()) {
                    self.used[i] = true;
                }
                note(
                    &mut self.study,
                    Severity::Info,
                    None,
                    "The NCT ID is the first one on the page; the page does not label it.".into(),
                );
            }
        }
        let mut id_module = &mut self.study.protocol_section.identification_module;
        // The IDs already listed, as a set: each registry ID is looked up, not searched for.
        let mut listed: HashSet<String> = id_module
            .secondary_id_infos
            .iter()
            .filter_map(|s| s.id.clone())
            .collect();
        for (r, no) in &self.registry_ids {
            if listed.insert(r.id.to_string()) {
                id_module.secondary_id_infos.push(SecondaryIdInfo {
                    id: Some(r.id.to_string()),
                    id_type: Some(r.kind),
                    domain: r.domain.map(str::to_string),
                    link: None,
                });
                let at = id_module.secondary_id_infos.len() - 1;
                spans::item(&mut self.study, spans::keys::SECONDARY_IDS, at, *no, *no);
                id_module = &mut self.study.protocol_section.identification_module;
            }
        }
    }

    /// The title, when no label gave one: past the site's chrome, above the first block.
    fn place_title(&mut self) {
        if self.study.brief_title().is_some() {
            return;
        }
        let head_end = self.head_end.unwrap_or(self.lines.len());
        let Some(k) = title::title_line(&self.lines, head_end) else {
            return;
        };
        if self.used[k] {
            return;
        }
        self.used[k] = true;
        let no = self.lines[k].no;
        self.study
            .protocol_section
            .identification_module
            .brief_title = Some(unescape(&plain(self.lines[k].text)));
        spans::at(
            &mut self.study,
            "protocolSection.identificationModule.briefTitle",
            no,
            no,
        );
    }

    /// A label alone on its line at `at`, its value on the lines below (up to two blank lines
    /// first): one line for most fields, paragraphs for summaries, one item a line for lists.
    /// Returns the index after the block when a value was placed.
    fn labelled_block(&mut self, at: usize, label: Label) -> Option<usize> {
        let mut j = at + 1;
        while self.lines.get(j).is_some_and(|l| l.is_blank()) && j < at + 3 {
            j += 1;
        }
        let first = *self.lines.get(j).filter(|l| !l.is_blank())?;
        let value = plain(first.text);
        if is_typed(label) {
            if fits(label, &value) {
                self.place(label, &value, j, j).ok()?;
                type_from_label(&mut self.study, label, self.lines[at].text);
                return Some(j + 1);
            }
            // A value glued to the text after it ("33A prospective …"): the part before the
            // first glue point, when that part fits; the rest stays for the next line's turn.
            if let Some(&cut) = glue_points(first.text).first() {
                let head = first.text[..cut].trim();
                if fits(label, head) {
                    self.place(label, head, j, j).ok()?;
                    self.lines[j].text = first.text[cut..].trim();
                    self.use_lines(at, j);
                    return Some(j);
                }
            }
            if starts_something(first.text) || !value.chars().any(char::is_alphanumeric) {
                return None;
            }
            let label_text = self.lines[at].text.trim_end_matches(':');
            let why = format!("\"{value}\" is not a value of this field trialcards knows");
            self.labels_found += 1;
            self.kept_as_text(j, label_text, why);
            return None;
        }
        let single = !TEXT_LABELS.contains(&label) && !LIST_LABELS.contains(&label);
        if single && value.ends_with(':') && !starts_something(first.text) {
            return self.value_past_caption(j, label);
        }
        if starts_something(first.text) || value.ends_with(':') || is_decoration(first.text) {
            return None;
        }
        if TEXT_LABELS.contains(&label) {
            if is_cell(first.text) {
                return None;
            }
            return self.text_block(j, label);
        }
        if !LIST_LABELS.contains(&label) {
            self.place(label, &value, j, j).ok()?;
            return Some(j + 1);
        }
        self.list_block(j, label)
    }

    /// A label with no value of its own, then (at `caption`) another field's caption that
    /// trialcards does not know, ending with a colon ("Sponsor:" then "Information provided by
    /// (Responsible Party):"), then a value line right below it: the value is the label's.
    /// Returns the index after the value.
    fn value_past_caption(&mut self, caption: usize, label: Label) -> Option<usize> {
        let j = caption + 1;
        let line = *self.lines.get(j).filter(|l| !l.is_blank())?;
        let value = plain(line.text);
        let is_value = self.lines[caption].text.len() <= MAX_CAPTION
            && !value.ends_with(':')
            && !starts_something(line.text)
            && !is_cell(line.text)
            && value.chars().any(char::is_alphanumeric);
        if !is_value {
            return None;
        }
        self.place(label, &value, j, j).ok()?;
        Some(j + 1)
    }

    /// A header row of labels at `at` over rows of values ([`table::split_row`]): each row's
    /// cells placed under their labels (a list column gets an item a row, any other column
    /// one value). Returns the index after the table when its rows filled two columns or more.
    fn table_block(&mut self, at: usize, header: &Header) -> Option<usize> {
        let columns = header.labels.len();
        let mut taken = vec![false; columns];
        let mut seen = vec![false; columns];
        let mut rows: Vec<(usize, Vec<(usize, String)>)> = Vec::new();
        let mut j = at + 1;
        while self.lines.get(j).is_some_and(|l| is_decoration(l.text)) {
            j += 1;
        }
        while let Some(l) = self.lines.get(j) {
            if l.is_blank() || rows.len() >= MAX_TABLE_ROWS || starts_something(l.text) {
                break;
            }
            let text = plain(l.text);
            let Some(cells) = table::split_row(&text, header, &taken, &mut self.table_budget)
            else {
                break;
            };
            for c in &cells {
                seen[c.column] = true;
                taken[c.column] |= !accumulates(header.labels[c.column]);
            }
            let cells = cells.iter().map(|c| (c.column, c.text.to_string()));
            rows.push((j, cells.collect()));
            j += 1;
        }
        if seen.iter().filter(|s| **s).count() < 2 {
            return None;
        }
        for (line, cells) in rows {
            for (column, text) in cells {
                self.place_cell(header.labels[column], &text, line);
            }
        }
        Some(j)
    }

    /// Places a table cell's value (an interventions cell holds one or more, each with its type).
    fn place_cell(&mut self, label: Label, text: &str, line: usize) {
        let items = match label {
            Label::Interventions => table::intervention_items(text).unwrap_or_else(|| vec![text]),
            _ => vec![text],
        };
        for item in items {
            if self.place(label, item, line, line).is_ok() {
                self.labels_found += 1;
            }
        }
    }

    /// Fills what the page's own labels left empty from the record it embeds (when it is the
    /// same trial), with the embedded record's lines as the span of each value it gave, and
    /// notes saying so. Returns whether the page embeds a record.
    fn fill_from_embedded(&mut self) -> bool {
        let Some(e) = self.embedded.take() else {
            return false;
        };
        let first_nct = self.first_nct.as_ref().map(|(id, _)| id.as_str());
        let mine = self.study.nct_id().or(first_nct);
        if let (Some(mine), Some(theirs)) = (mine, e.study.nct_id()) {
            if mine != theirs {
                // Another trial's record: its text stays unplaced.
                let message = format!(
                    "The page embeds a record of another trial ({theirs}); it was not read into \
                     this one."
                );
                note(&mut self.study, Severity::Info, Some(e.from), message);
                self.used[e.at..e.end].iter_mut().for_each(|u| *u = false);
                return true;
            }
        }
        let filled = super::fill::fill_empty(&mut self.study, &e.study);
        for path in &filled.paths {
            spans::at(&mut self.study, path, e.from, e.to);
        }
        self.note_embedded(&e, &filled);
        let own = e.study.trialcards.diagnostics.into_iter();
        let own = own.filter(|d| d.message.starts_with(EMBEDDED_LABEL));
        self.study.trialcards.diagnostics.extend(own);
        true
    }

    /// The notes on an embedded record read: how many values it gave, whether the page stops
    /// inside it, and where it differs from the page's own values.
    fn note_embedded(&mut self, e: &EmbeddedRecord, filled: &super::fill::Filled) {
        let cut = if e.cut {
            " The page stops inside the record, so it was read up to its last complete value."
        } else {
            ""
        };
        let message = format!(
            "The page embeds its ClinicalTrials.gov record as data; {} of its values filled \
             fields the page's own labels left empty.{cut}",
            filled.paths.len()
        );
        note(&mut self.study, Severity::Info, Some(e.from), message);
        if filled.differing.is_empty() {
            return;
        }
        let shown: Vec<&str> = filled
            .differing
            .iter()
            .take(5)
            .map(String::as_str)
            .collect();
        let more = match filled.differing.len() - shown.len() {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let message = format!(
            "The page and the record it embeds differ in {}{more}; the page's own values are \
             kept.",
            shown.join(", ")
        );
        note(&mut self.study, Severity::Info, Some(e.from), message);
    }

    /// Paragraphs under a summary or description label, up to the next label or heading.
    fn text_block(&mut self, from: usize, label: Label) -> Option<usize> {
        let mut end = from;
        while let Some(l) = self.lines.get(end) {
            if end - from >= MAX_BLOCK_LINES
                || (!l.is_blank() && (starts_something(l.text) || is_cell(l.text)))
            {
                break;
            }
            // A short line right above a label or heading is that block's caption.
            let next = self.lines.get(end + 1);
            if end > from
                && !l.is_blank()
                && l.text.split_whitespace().count() <= 6
                && !l.text.ends_with(['.', ';', ')'])
                && next.is_some_and(|n| !n.is_blank() && starts_something(n.text))
            {
                break;
            }
            end += 1;
        }
        while end > from && self.lines[end - 1].is_blank() {
            end -= 1;
        }
        let body: Vec<Line<'_>> = self.lines[from..end]
            .iter()
            .map(|l| Line {
                text: l.text.trim_start_matches(['#', '>']).trim(),
                ..*l
            })
            .collect();
        let text = lines_to_markdown(&body)?;
        self.place(label, &text, from, end - 1).ok()?;
        Some(end)
    }

    /// One item a line under a list label. Under an interventions label, a line that is only an
    /// intervention type gives the type of the name on the next line, and the lines after that
    /// name, up to the next type line, describe it.
    fn list_block(&mut self, from: usize, label: Label) -> Option<usize> {
        let mut placed = false;
        let mut pending_type: Option<InterventionType> = None;
        let mut typed_entries = false;
        let mut end = from;
        while let Some(l) = self.lines.get(end) {
            if end - from >= MAX_BLOCK_LINES || starts_something(l.text) {
                break;
            }
            if l.is_blank() {
                // A blank line ends the list unless more items of its kind follow it.
                let next = self.lines[end..].iter().find(|n| !n.is_blank());
                let more = next.is_some_and(|n| {
                    n.text.starts_with(['-', '•', '*'])
                        || label == Label::Interventions
                            && (typed_entries && intervention_type_line(n.text).is_some()
                                || vocab::typed_intervention(n.text).is_some())
                });
                if !more {
                    break;
                }
                end += 1;
                continue;
            }
            let value = plain(l.text);
            let (_, value) = criteria::parse_marker(&value);
            if ends_list(label, value) {
                break;
            }
            if label == Label::Interventions {
                if let Some(t) = intervention_type_line(value) {
                    pending_type = Some(t);
                    typed_entries = true;
                    end += 1;
                    continue;
                }
                if typed_entries && pending_type.is_none() {
                    // A line describing the intervention named above it.
                    let arms = &mut self.study.protocol_section.arms_interventions_module;
                    if let Some(iv) = arms.interventions.last_mut() {
                        let d = iv.description.get_or_insert_with(String::new);
                        if !d.is_empty() {
                            d.push(' ');
                        }
                        d.push_str(&unescape(value));
                        end += 1;
                        continue;
                    }
                }
            }
            let value = value.to_string();
            if self.place(label, &value, end, end).is_ok() {
                placed = true;
                if let Some(t) = pending_type.take() {
                    let arms = &mut self.study.protocol_section.arms_interventions_module;
                    if let Some(iv) = arms.interventions.last_mut() {
                        iv.intervention_type = Some(t);
                    }
                }
            }
            end += 1;
        }
        placed.then_some(end)
    }

    /// An arm: "Experimental: High dose" and the lines below it up to the next arm, blank
    /// line or block (its interventions, "Drug: X", and its description). The arm's
    /// interventions join the record's list when the page did not list them already. Returns
    /// the index after the block.
    fn arm_block(&mut self, at: usize) -> Option<usize> {
        let head = plain(self.lines[at].text);
        let (kind, label) = arms::arm_line(&head)?;
        let mut arm = ArmGroup {
            label: Some(label.to_string()),
            arm_type: Some(kind),
            ..ArmGroup::default()
        };
        let mut description: Vec<String> = Vec::new();
        let mut j = at + 1;
        while let Some(l) = self.lines.get(j).filter(|l| !l.is_blank()) {
            let text = plain(l.text);
            if let Some((kind, name, shown)) = arms::arm_intervention(&text) {
                self.arm_intervention(kind, name, j);
                arm.intervention_names.push(shown);
            } else if arms::arm_line(&text).is_some() || starts_something(l.text) {
                break;
            } else {
                description.push(text);
            }
            j += 1;
        }
        if !description.is_empty() {
            arm.description = Some(description.join("\n"));
        }
        let arms = &mut self
            .study
            .protocol_section
            .arms_interventions_module
            .arm_groups;
        arms.push(arm);
        let path = format!(
            "protocolSection.armsInterventionsModule.armGroups[{}]",
            arms.len() - 1
        );
        let (a, b) = (self.lines[at].no, self.lines[j - 1].no);
        spans::at(&mut self.study, &path, a, b);
        self.labels_found += 1;
        Some(j)
    }

    /// An arm's intervention, added to the record's interventions unless already there.
    fn arm_intervention(&mut self, kind: InterventionType, name: &str, line: usize) {
        let list = &self
            .study
            .protocol_section
            .arms_interventions_module
            .interventions;
        // Index the interventions added since the last call (names never change; a type may
        // be set later, so it is read from the list itself).
        if list.len() < self.interventions_indexed {
            self.intervention_index.clear();
            self.interventions_indexed = 0;
        }
        for (i, iv) in list.iter().enumerate().skip(self.interventions_indexed) {
            if let Some(n) = &iv.name {
                self.intervention_index
                    .entry(n.clone())
                    .or_default()
                    .push(i);
            }
        }
        self.interventions_indexed = list.len();
        let known = self
            .intervention_index
            .get(name)
            .is_some_and(|at| at.iter().any(|&i| list[i].intervention_type == Some(kind)));
        if !known {
            let text = format!("{}: {name}", kind.display());
            // A typed name always fits the interventions field.
            let _ = self.place(Label::Interventions, &text, line, line);
        }
    }

    /// An inclusion/exclusion block: "Inclusion Criteria:" (with its items inline,
    /// `;`-separated, or on the lines below) and what follows up to the next label or heading.
    /// Feeds the criteria tree; returns the index after the block.
    fn criteria_block(&mut self, at: usize) -> Option<usize> {
        let first = self.lines[at];
        let text = first.text.trim_start_matches('#').trim();
        criteria::sub_heading(text)?;
        let mut block: Vec<Line<'_>> = Vec::new();
        push_criteria_line(&mut block, Line { text, ..first });
        let mut end = at + 1;
        while let Some(l) = self.lines.get(end) {
            if end - at >= MAX_BLOCK_LINES || is_related_heading(l.text) {
                break;
            }
            let is_part = criteria::sub_heading(l.text).is_some();
            // A bulleted or numbered item is a criterion even when it reads "Age ≥ 18 years".
            let is_item = criteria::parse_marker(l.text).0.is_some();
            let ends = starts_something(l.text) && !is_item || is_chrome(l.text);
            if !is_part && !l.is_blank() && ends {
                break;
            }
            push_criteria_line(&mut block, *l);
            end += 1;
        }
        let tree = self
            .study
            .trialcards
            .criteria
            .get_or_insert_with(Default::default);
        criteria::build_tree(&block, CriteriaPart::Preamble, tree);
        let last = self.lines[at..end]
            .iter()
            .rev()
            .find(|l| !l.is_blank())
            .map_or(first.no, |l| l.no);
        let key = "protocolSection.eligibilityModule.eligibilityCriteria";
        let from = self
            .study
            .trialcards
            .spans
            .get(key)
            .map_or(first.no, |s| s.from);
        spans::at(&mut self.study, key, from, last);
        Some(end)
    }
}

/// Adds a line to a criteria block; a part heading with its items inline and `;`-separated
/// ("Exclusion Criteria: Heart disease; Open wounds") becomes the heading and one line per item.
fn push_criteria_line<'a>(block: &mut Vec<Line<'a>>, line: Line<'a>) {
    match line.text.split_once(':') {
        Some((head, rest)) if rest.contains(';') && criteria::sub_heading(line.text).is_some() => {
            block.push(Line {
                text: head.trim(),
                ..line
            });
            for piece in rest.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                block.push(Line {
                    text: piece,
                    indent: 0,
                    ..line
                });
            }
        }
        _ => block.push(line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::scan;
    use crate::model::enums::{Sex, Status, StudyType};
    use crate::reading::glue::unglue;

    fn read_text(text: &str) -> Option<Study> {
        read(&scan(text)).map(|p| p.study)
    }

    /// A reader of `text`'s lines, nothing read yet.
    fn reader(text: &str) -> Reader<'_> {
        Reader::new(unglue(&scan(text)))
    }

    fn sponsor(s: &Study) -> Option<&str> {
        s.protocol_section
            .sponsor_collaborators_module
            .lead_sponsor
            .as_ref()
            .and_then(|l| l.name.as_deref())
    }

    #[test]
    fn labelled_block_reads_the_value_under_its_label() {
        let mut r = reader("Lead Sponsor\n\nFictional University\nStatus: Recruiting\n");
        assert_eq!(r.labelled_block(0, Label::LeadSponsor), Some(3));
        assert_eq!(sponsor(&r.study), Some("Fictional University"));
        // A typed field's value must fit it.
        let mut r = reader("Sex\nsometimes\n");
        assert_eq!(r.labelled_block(0, Label::Sex), None);
        assert!(r.study.protocol_section.eligibility_module.sex.is_none());
    }

    #[test]
    fn labelled_block_reads_past_an_empty_fields_caption() {
        let mut r = reader(
            "Sponsor:\nInformation provided by (Responsible Party):\nFictional Lakeside College\n",
        );
        assert_eq!(r.labelled_block(0, Label::LeadSponsor), Some(3));
        assert_eq!(sponsor(&r.study), Some("Fictional Lakeside College"));
        // A caption with no value under it gives the label none.
        let mut r = reader("Sponsor:\nOrganization:\n\nRaw JSON\n");
        assert_eq!(r.labelled_block(0, Label::LeadSponsor), None);
        assert_eq!(sponsor(&r.study), None);
    }

    #[test]
    fn list_block_takes_one_item_a_line_up_to_the_next_label() {
        let mut r = reader("Conditions\nKnee Pain\n- Hip Pain\nSex: All\n");
        assert_eq!(r.list_block(1, Label::Conditions), Some(3));
        assert_eq!(
            r.study.protocol_section.conditions_module.conditions,
            ["Knee Pain", "Hip Pain"]
        );
        assert_eq!(
            r.study.trialcards.spans["protocolSection.conditionsModule.conditions[1]"].from,
            3
        );
    }

    #[test]
    fn text_block_keeps_paragraphs_up_to_the_next_label() {
        let mut r = reader(
            "Brief Summary\nA made-up study of naps.\n\nIt lasts a week.\nStatus: Recruiting\n",
        );
        assert_eq!(r.text_block(1, Label::BriefSummary), Some(4));
        assert_eq!(
            r.study
                .protocol_section
                .description_module
                .brief_summary
                .as_deref(),
            Some("A made-up study of naps.\n\nIt lasts a week.")
        );
    }

    #[test]
    fn criteria_block_builds_the_tree_up_to_the_next_label() {
        let mut r = reader(
            "Inclusion Criteria:\n- Adults\n- Knee pain\nExclusion Criteria:\n- Pregnancy\n\
             Sponsor: Fictional College\n",
        );
        assert_eq!(r.criteria_block(0), Some(5));
        let tree = r.study.trialcards.criteria.as_ref().unwrap();
        assert_eq!((tree.inclusion.len(), tree.exclusion.len()), (2, 1));
        assert_eq!(
            r.criteria_block(5),
            None,
            "a labelled pair is no criteria block"
        );
    }

    #[test]
    fn place_badges_takes_agreeing_badges_for_unfilled_fields() {
        let mut r = reader("A Fictional Trial of Naps\nRecruiting\nPhase 2\nNCT09990101\n");
        r.walk();
        assert_eq!(r.place_badges(), 2);
        let p = &r.study.protocol_section;
        assert_eq!(p.status_module.overall_status, Some(Status::Recruiting));
        assert_eq!(p.design_module.phases, [Phase::Phase2]);
        // Two statuses disagree: neither is taken.
        let mut r = reader("Recruiting\nCompleted\n");
        r.walk();
        assert_eq!(r.place_badges(), 0);
        assert!(r
            .study
            .protocol_section
            .status_module
            .overall_status
            .is_none());
    }

    #[test]
    fn list_items_split_one_line_lists() {
        assert_eq!(
            list_items(Label::Conditions, "Asthma; Cough"),
            ["Asthma", "Cough"]
        );
        assert_eq!(
            list_items(Label::Interventions, "Drug: A, Other: B"),
            ["Drug: A", "Other: B"]
        );
        assert_eq!(
            list_items(Label::Conditions, "Leukemia, Myeloid, Acute"),
            ["Leukemia, Myeloid, Acute"]
        );
        assert_eq!(
            list_items(Label::Interventions, "Rest, then walking"),
            ["Rest, then walking"]
        );
    }

    #[test]
    fn intervention_type_line_is_a_type_alone() {
        assert_eq!(intervention_type_line("DRUG"), Some(InterventionType::Drug));
        assert_eq!(
            intervention_type_line("Dietary Supplement"),
            Some(InterventionType::DietarySupplement)
        );
        assert_eq!(intervention_type_line("Drug: aspirin"), None);
        assert_eq!(intervention_type_line("Drug given twice a day"), None);
        assert_eq!(intervention_type_line("Placebo"), None);
    }

    #[test]
    fn table_block_reads_a_header_row_over_its_rows() {
        let mut r = reader(
            "Condition or disease Intervention/treatment Phase\n\
             Knee Pain Drug: Fictionol Drug: Placebo Phase 2\nHip Pain\n\nSex: All\n",
        );
        let header = table::header(r.lines[0].text).unwrap();
        assert_eq!(r.table_block(0, &header), Some(3));
        let p = &r.study.protocol_section;
        assert_eq!(p.conditions_module.conditions, ["Knee Pain", "Hip Pain"]);
        let names: Vec<_> = p
            .arms_interventions_module
            .interventions
            .iter()
            .map(|i| (i.intervention_type, i.name.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                (Some(InterventionType::Drug), Some("Fictionol")),
                (Some(InterventionType::Drug), Some("Placebo"))
            ]
        );
        assert_eq!(p.design_module.phases, [Phase::Phase2]);
        // Rows that fill one column only are no table.
        let mut r = reader("Condition Phase\nKnee Pain\n");
        let header = table::header(r.lines[0].text).unwrap();
        assert_eq!(r.table_block(0, &header), None);
        assert!(r
            .study
            .protocol_section
            .conditions_module
            .conditions
            .is_empty());
    }

    #[test]
    fn an_embedded_record_fills_what_the_page_leaves_empty() {
        let s = read_text(
            "NCT ID: NCT09990061\nStatus: Recruiting\n\
             {'protocolSection': {'statusModule': {'overallStatus': 'COMPLETED'}, \
             'conditionsModule': {'conditions': ['Fictional Fever']}, 'designModule': {'phases': ['PHA",
        )
        .unwrap();
        let p = &s.protocol_section;
        assert_eq!(p.status_module.overall_status, Some(Status::Recruiting));
        assert_eq!(p.conditions_module.conditions, ["Fictional Fever"]);
        assert!(p.design_module.phases.is_empty());
        let notes: Vec<&str> = s
            .trialcards
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert!(
            notes.iter().any(
                |m| m.contains("embeds its ClinicalTrials.gov record as data")
                    && m.contains("stops inside the record")
            ),
            "{notes:?}"
        );
        assert!(notes
            .iter()
            .any(|m| m.contains("differ in protocolSection.statusModule.overallStatus")));
        assert!(s.trialcards.unrecognized.is_empty());
        assert_eq!(
            s.trialcards.spans["protocolSection.conditionsModule.conditions[0]"].from,
            3
        );
    }

    #[test]
    fn another_trials_embedded_record_is_not_read() {
        let s = read_text(
            "NCT ID: NCT09990061\nStatus: Recruiting\n\
             {\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT09990062\"}, \
             \"conditionsModule\": {\"conditions\": [\"Fictional Fever\"]}}}\n",
        )
        .unwrap();
        assert!(s.protocol_section.conditions_module.conditions.is_empty());
        assert!(s
            .trialcards
            .diagnostics
            .iter()
            .any(|d| d.message.contains("another trial (NCT09990062")));
        assert_eq!(s.trialcards.unrecognized.len(), 1);
    }

    #[test]
    fn label_lines_over_value_lines() {
        let s = read_text(
            "Status\nUNKNOWN\nLead Sponsor\nFictional University\nRegistration Number\n\
             NCT09990101\nTarget Recruitment\n50\nSex\nAll\n",
        )
        .unwrap();
        let p = &s.protocol_section;
        assert_eq!(p.status_module.overall_status, Some(Status::Unknown));
        assert_eq!(s.nct_id(), Some("NCT09990101"));
        assert_eq!(
            p.design_module
                .enrollment_info
                .as_ref()
                .and_then(|e| e.count),
            Some(50)
        );
        assert_eq!(p.eligibility_module.sex, Some(Sex::All));
        assert_eq!(
            s.trialcards.spans["protocolSection.statusModule.overallStatus"].from,
            2
        );
    }

    #[test]
    fn glued_labels_and_badges() {
        let s = read_text(
            "search\nA Fictional Trial of Cord Cells in Knee Pain\nPHASE1/PHASE2RecruitingINTERVENTIONAL\n\
             Phase 1/Phase 2Lead Sponsor\nFictional Hospital\nTarget Recruitment\n33A prospective, open trial.\n",
        )
        .unwrap();
        let p = &s.protocol_section;
        assert_eq!(
            s.brief_title(),
            Some("A Fictional Trial of Cord Cells in Knee Pain")
        );
        assert_eq!(p.design_module.phases, [Phase::Phase1, Phase::Phase2]);
        assert_eq!(p.status_module.overall_status, Some(Status::Recruiting));
        assert_eq!(p.design_module.study_type, Some(StudyType::Interventional));
        assert_eq!(
            p.sponsor_collaborators_module
                .lead_sponsor
                .as_ref()
                .and_then(|l| l.name.as_deref()),
            Some("Fictional Hospital")
        );
        assert_eq!(
            p.design_module
                .enrollment_info
                .as_ref()
                .and_then(|e| e.count),
            Some(33)
        );
        assert!(s
            .trialcards
            .unrecognized
            .iter()
            .any(|u| u.text.starts_with("A prospective")));
    }

    #[test]
    fn intervention_types_on_their_own_lines() {
        let s = read_text(
            "A Fictional Trial of Two Cell Doses\nNCT09990102\nInterventions\nDRUG\n\
             hUC-MSC infusion (low dose)\nOne infusion of cells.\nBIOLOGICAL\nPlacebo saline\n\nConditions\nKnee Pain\n",
        )
        .unwrap();
        let iv = &s.protocol_section.arms_interventions_module.interventions;
        assert_eq!(iv.len(), 2, "{iv:?}");
        assert_eq!(iv[0].name.as_deref(), Some("hUC-MSC infusion (low dose)"));
        assert_eq!(iv[0].intervention_type, Some(InterventionType::Drug));
        assert_eq!(iv[0].description.as_deref(), Some("One infusion of cells."));
        assert_eq!(iv[1].intervention_type, Some(InterventionType::Biological));
        assert_eq!(
            s.protocol_section.conditions_module.conditions,
            ["Knee Pain"]
        );
    }

    #[test]
    fn a_page_without_an_nct_id_still_gives_a_record() {
        let s = read_text(
            "Home > Trials\nA Fictional Study of Walking in Older Adults\nStatus: Recruiting\nPhase: Phase 2\n",
        )
        .unwrap();
        assert_eq!(s.nct_id(), None);
        assert_eq!(
            s.brief_title(),
            Some("A Fictional Study of Walking in Older Adults")
        );
        assert!(read_text("Shopping list\nmilk\nbread\n").is_none());
    }

    #[test]
    fn a_value_its_field_refuses_is_kept_as_text() {
        let s = read_text("Status: Recruiting\nPhase: Phase 2\nSex\nsometimes\n").unwrap();
        assert!(s.protocol_section.eligibility_module.sex.is_none());
        assert!(s
            .trialcards
            .unrecognized
            .iter()
            .any(|u| u.text == "sometimes"));
        assert!(s
            .trialcards
            .diagnostics
            .iter()
            .any(|d| d.message.contains("kept as text")));
    }
}
