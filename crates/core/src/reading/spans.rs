//! The line span each value was read from, kept on the record under `trialcards.spans` by the
//! value's path in the record (`protocolSection.statusModule.overallStatus`; a list item with
//! its index, `protocolSection.conditionsModule.conditions[1]`).

use crate::fields::assign::assign;
use crate::lines::{Label, Line};
use crate::model::{CriteriaTree, LineSpan, Study};

/// Record paths of values no label names, as the layout readers fill them.
pub(crate) mod keys {
    /// The NCT IDs a page lists beside the record's own.
    pub(crate) const NCT_ID_ALIASES: &str = "protocolSection.identificationModule.nctIdAliases";
    /// The secondary IDs (a list).
    pub(crate) const SECONDARY_IDS: &str = "protocolSection.identificationModule.secondaryIdInfos";
    /// The collaborators (a list).
    pub(crate) const COLLABORATORS: &str =
        "protocolSection.sponsorCollaboratorsModule.collaborators";
    /// The responsible party's type.
    pub(crate) const RESPONSIBLE_PARTY_TYPE: &str =
        "protocolSection.sponsorCollaboratorsModule.responsibleParty.type";
    /// The arm groups (a list).
    pub(crate) const ARM_GROUPS: &str = "protocolSection.armsInterventionsModule.armGroups";
    /// Who is masked.
    pub(crate) const WHO_MASKED: &str =
        "protocolSection.designModule.designInfo.maskingInfo.whoMasked";
    /// The eligibility criteria text.
    pub(crate) const ELIGIBILITY_CRITERIA: &str =
        "protocolSection.eligibilityModule.eligibilityCriteria";
    /// The central contacts (a list).
    pub(crate) const CENTRAL_CONTACTS: &str =
        "protocolSection.contactsLocationsModule.centralContacts";
    /// The overall officials (a list).
    pub(crate) const OFFICIALS: &str = "protocolSection.contactsLocationsModule.overallOfficials";
    /// The locations (a list; a location's contacts are `locations[i].contacts`).
    pub(crate) const LOCATIONS: &str = "protocolSection.contactsLocationsModule.locations";
    /// The references (a list).
    pub(crate) const REFERENCES: &str = "protocolSection.referencesModule.references";
    /// Whether results are posted.
    pub(crate) const HAS_RESULTS: &str = "hasResults";
    /// The funder types a page lists (a list).
    pub(crate) const FUNDER_TYPES: &str = "trialcards.funderTypes";
    /// The number of sites a page announces.
    pub(crate) const LOCATION_COUNT: &str = "trialcards.locationCount";
    /// Other trials a page lists (a list).
    pub(crate) const RELATED_TRIALS: &str = "trialcards.relatedTrials";
    /// DOIs found in references (a list).
    pub(crate) const REFERENCE_DOIS: &str = "trialcards.referenceDois";
    /// The results overview paragraph.
    pub(crate) const RESULTS_OVERVIEW: &str = "trialcards.results.overview";
    /// The date results were posted.
    pub(crate) const RESULTS_POSTED: &str = "trialcards.results.resultsPostedDate";
    /// The participant flow text.
    pub(crate) const PARTICIPANT_FLOW: &str = "trialcards.results.participantFlow";
    /// Other results sections kept as text (a list).
    pub(crate) const RESULTS_SECTIONS: &str = "trialcards.results.sections";
}

/// The record paths a label's value lands in (before any index), and whether it is a list.
fn paths(label: Label) -> (&'static [&'static str], bool) {
    use Label as L;
    match label {
        L::NctId => (&["protocolSection.identificationModule.nctId"], false),
        L::BriefTitle => (&["protocolSection.identificationModule.briefTitle"], false),
        L::OfficialTitle => (
            &["protocolSection.identificationModule.officialTitle"],
            false,
        ),
        L::Acronym => (&["protocolSection.identificationModule.acronym"], false),
        L::OrgStudyId => (
            &["protocolSection.identificationModule.orgStudyIdInfo.id"],
            false,
        ),
        L::OverallStatus => (&["protocolSection.statusModule.overallStatus"], false),
        L::StartDate => (&["protocolSection.statusModule.startDateStruct"], false),
        L::PrimaryCompletionDate => (
            &["protocolSection.statusModule.primaryCompletionDateStruct"],
            false,
        ),
        L::CompletionDate => (
            &["protocolSection.statusModule.completionDateStruct"],
            false,
        ),
        L::LastUpdate => (
            &["protocolSection.statusModule.lastUpdatePostDateStruct"],
            false,
        ),
        L::FirstSubmitted => (
            &["protocolSection.statusModule.studyFirstSubmitDate"],
            false,
        ),
        L::FirstPosted => (
            &["protocolSection.statusModule.studyFirstPostDateStruct"],
            false,
        ),
        L::ResultsFirstPosted => (
            &["protocolSection.statusModule.resultsFirstPostDateStruct"],
            false,
        ),
        L::Phase => (&["protocolSection.designModule.phases"], false),
        L::StudyType => (&["protocolSection.designModule.studyType"], false),
        L::Enrollment => (&["protocolSection.designModule.enrollmentInfo"], false),
        L::Allocation => (
            &["protocolSection.designModule.designInfo.allocation"],
            false,
        ),
        L::InterventionModel => (
            &["protocolSection.designModule.designInfo.interventionModel"],
            false,
        ),
        L::PrimaryPurpose => (
            &["protocolSection.designModule.designInfo.primaryPurpose"],
            false,
        ),
        L::Masking => (
            &["protocolSection.designModule.designInfo.maskingInfo"],
            false,
        ),
        L::ObservationalModel => (
            &["protocolSection.designModule.designInfo.observationalModel"],
            false,
        ),
        L::TimePerspective => (
            &["protocolSection.designModule.designInfo.timePerspective"],
            false,
        ),
        L::Sex => (&["protocolSection.eligibilityModule.sex"], false),
        L::MinimumAge => (&["protocolSection.eligibilityModule.minimumAge"], false),
        L::MaximumAge => (&["protocolSection.eligibilityModule.maximumAge"], false),
        L::Ages => (
            &[
                "protocolSection.eligibilityModule.minimumAge",
                "protocolSection.eligibilityModule.maximumAge",
            ],
            false,
        ),
        L::HealthyVolunteers => (
            &["protocolSection.eligibilityModule.healthyVolunteers"],
            false,
        ),
        L::LeadSponsor => (
            &["protocolSection.sponsorCollaboratorsModule.leadSponsor.name"],
            false,
        ),
        L::SponsorClass => (
            &["protocolSection.sponsorCollaboratorsModule.leadSponsor.class"],
            false,
        ),
        L::Conditions => (&["protocolSection.conditionsModule.conditions"], true),
        L::Keywords => (&["protocolSection.conditionsModule.keywords"], true),
        L::Interventions => (
            &["protocolSection.armsInterventionsModule.interventions"],
            true,
        ),
        L::Countries => (&["trialcards.countries"], true),
        L::BriefSummary => (&["protocolSection.descriptionModule.briefSummary"], false),
        L::DetailedDescription => (
            &["protocolSection.descriptionModule.detailedDescription"],
            false,
        ),
        L::PrimaryOutcomeTimeFrame => (&["trialcards.results.primaryOutcomeTimeFrame"], false),
    }
}

/// The record path of the value `label` fills (for an age range, the minimum age's).
pub(crate) fn path_of(label: Label) -> &'static str {
    paths(label).0[0]
}

/// How many items the list a label fills holds now.
fn list_len(study: &Study, label: Label) -> usize {
    let p = &study.protocol_section;
    match label {
        Label::Conditions => p.conditions_module.conditions.len(),
        Label::Keywords => p.conditions_module.keywords.len(),
        Label::Interventions => p.arms_interventions_module.interventions.len(),
        Label::Countries => study.trialcards.countries.len(),
        _ => 0,
    }
}

/// Runs `place` (which puts a value of `label` into the record) and records the lines
/// `from..=to` as the span of what it placed. Returns what `place` returned.
pub(crate) fn placed<T, E>(
    study: &mut Study,
    label: Label,
    from: usize,
    to: usize,
    place: impl FnOnce(&mut Study) -> Result<T, E>,
) -> Result<T, E> {
    let before = list_len(study, label);
    let result = place(study)?;
    let (keys, list) = paths(label);
    let span = LineSpan { from, to };
    if list {
        for i in before..list_len(study, label) {
            study.trialcards.spans.insert(item_path(keys[0], i), span);
        }
    } else {
        let e = &study.protocol_section.eligibility_module;
        let set = [e.minimum_age.is_some(), e.maximum_age.is_some()];
        for (k, key) in keys.iter().enumerate() {
            // An age range may give one bound only.
            if label != Label::Ages || set[k] {
                study.trialcards.spans.insert((*key).to_string(), span);
            }
        }
    }
    Ok(result)
}

/// Places `value`, read from line `no`, under the field `label` names ([`assign`]), and records
/// the line as its span.
pub(crate) fn assign_at(
    study: &mut Study,
    label: Label,
    value: &str,
    no: usize,
) -> Result<(), String> {
    placed(study, label, no, no, |s| assign(s, label, value))
}

/// Records the lines `from..=to` as the span of the value at `path`.
pub(crate) fn at(study: &mut Study, path: &str, from: usize, to: usize) {
    study
        .trialcards
        .spans
        .insert(path.to_string(), LineSpan { from, to });
}

/// The path of item `index` of the list at `list`.
pub(crate) fn item_path(list: &str, index: usize) -> String {
    format!("{list}[{index}]")
}

/// Records the lines `from..=to` as the span of item `index` of the list at `list`.
pub(crate) fn item(study: &mut Study, list: &str, index: usize, from: usize, to: usize) {
    at(study, &item_path(list, index), from, to);
}

/// Widens the span of the value at `path` to take in the lines `from..=to` (a value read from
/// several places, such as phases on two lines); records it when the value has none yet.
pub(crate) fn widen(study: &mut Study, path: &str, from: usize, to: usize) {
    let span = study
        .trialcards
        .spans
        .entry(path.to_string())
        .or_insert(LineSpan { from, to });
    span.from = span.from.min(from);
    span.to = span.to.max(to);
}

/// The first and last non-blank lines of `lines`, as a span.
pub(crate) fn of_lines(lines: &[Line<'_>]) -> Option<LineSpan> {
    let mut text = lines.iter().filter(|l| !l.is_blank());
    let first = text.next()?.no;
    let last = text.next_back().map_or(first, |l| l.no);
    Some(LineSpan {
        from: first,
        to: last,
    })
}

/// Records `span` for the value at `path`, or forgets the path's span when there is none (for
/// a value set as a whole, possibly to nothing).
pub(crate) fn set(study: &mut Study, path: &str, span: Option<LineSpan>) {
    match span {
        Some(span) => study.trialcards.spans.insert(path.to_string(), span),
        None => study.trialcards.spans.remove(path),
    };
}

/// Runs `build` on the record's criteria tree; when it added criteria, widens the span of the
/// eligibility criteria to the lines `span`.
pub(crate) fn criteria(
    study: &mut Study,
    span: Option<LineSpan>,
    build: impl FnOnce(&mut CriteriaTree),
) {
    let size = |t: &CriteriaTree| t.preamble.len() + t.inclusion.len() + t.exclusion.len();
    let tree = study
        .trialcards
        .criteria
        .get_or_insert_with(Default::default);
    let before = size(tree);
    build(tree);
    let grew = size(tree) > before;
    if let (true, Some(s)) = (grew, span) {
        widen(study, keys::ELIGIBILITY_CRITERIA, s.from, s.to);
    }
}

/// The lines of each item a reader adds to a list, read one line at a time: a line starts the
/// items it adds, or belongs to the last item.
#[derive(Debug, Default)]
pub(crate) struct Items {
    /// How many items the list held before the reader added its own.
    first: usize,
    /// The span of each item added, in order.
    spans: Vec<LineSpan>,
}

impl Items {
    /// For a list that holds `first` items before the reader adds any.
    pub(crate) fn after(first: usize) -> Self {
        Items {
            first,
            spans: Vec::new(),
        }
    }

    /// Notes that line `no` was read into the list, which holds `len` items now: each item the
    /// line added starts at it; when it added none, the last item takes it in.
    pub(crate) fn took(&mut self, len: usize, no: usize) {
        let had = self.first + self.spans.len();
        if len > had {
            let span = LineSpan { from: no, to: no };
            self.spans.extend(std::iter::repeat_n(span, len - had));
        } else if let Some(last) = self.spans.last_mut() {
            last.to = last.to.max(no);
        }
    }

    /// The span of the item at `index` of the list, when the reader added it.
    pub(crate) fn get(&self, index: usize) -> Option<LineSpan> {
        self.spans.get(index.checked_sub(self.first)?).copied()
    }

    /// Records each item's span under `list[index]`, the index moved on by `offset` (for a list
    /// read apart and then appended to the record's).
    pub(crate) fn record(self, study: &mut Study, list: &str, offset: usize) {
        for (k, s) in self.spans.into_iter().enumerate() {
            item(study, list, offset + self.first + k, s.from, s.to);
        }
    }
}

/// What the readers' unit tests read of spans.
#[cfg(test)]
pub(crate) mod testing {
    use crate::lines::Line;
    use crate::model::Study;

    /// The span of the value at `path`, as (from, to).
    pub(crate) fn span(s: &Study, path: &str) -> Option<(usize, usize)> {
        s.trialcards.spans.get(path).map(|l| (l.from, l.to))
    }

    /// The non-blank lines the span of `path` covers, joined with " / ".
    pub(crate) fn spanned_text(s: &Study, lines: &[Line<'_>], path: &str) -> String {
        let (from, to) = span(s, path).unwrap_or_else(|| panic!("{path}: no span"));
        let text: Vec<&str> = lines[from - 1..to]
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text)
            .collect();
        text.join(" / ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placed_value_keeps_its_lines() {
        let mut s = Study::default();
        placed(&mut s, Label::OverallStatus, 4, 5, |s| {
            assign(s, Label::OverallStatus, "Recruiting")
        })
        .unwrap();
        placed(&mut s, Label::Conditions, 7, 7, |s| {
            assign(s, Label::Conditions, "Knee osteoarthritis")
        })
        .unwrap();
        placed(&mut s, Label::Ages, 9, 9, |s| {
            assign(s, Label::Ages, "18 to 65 years")
        })
        .unwrap();
        let spans = &s.trialcards.spans;
        assert_eq!(
            spans["protocolSection.statusModule.overallStatus"],
            LineSpan { from: 4, to: 5 }
        );
        assert_eq!(
            spans["protocolSection.conditionsModule.conditions[0]"],
            LineSpan { from: 7, to: 7 }
        );
        assert!(spans.contains_key("protocolSection.eligibilityModule.maximumAge"));
        let failed = placed(&mut s, Label::Sex, 11, 11, |s| {
            assign(s, Label::Sex, "often")
        });
        assert!(failed.is_err());
        assert!(!spans_has(&s, "protocolSection.eligibilityModule.sex"));
    }

    #[test]
    fn a_value_from_several_lines_spans_them_all() {
        let mut s = Study::default();
        widen(&mut s, "protocolSection.designModule.phases", 7, 7);
        widen(&mut s, "protocolSection.designModule.phases", 3, 4);
        let phases = s.trialcards.spans["protocolSection.designModule.phases"];
        assert_eq!(phases, LineSpan { from: 3, to: 7 });
        set(&mut s, "protocolSection.designModule.phases", None);
        assert!(s.trialcards.spans.is_empty());
    }

    #[test]
    fn a_block_spans_its_first_to_its_last_text_line() {
        let lines = crate::lines::scan("\nOne\n\nTwo\n\n");
        assert_eq!(of_lines(&lines), Some(LineSpan { from: 2, to: 4 }));
        assert_eq!(of_lines(&lines[..2]), Some(LineSpan { from: 2, to: 2 }));
        assert_eq!(of_lines(&lines[4..]), None);
    }

    #[test]
    fn criteria_are_spanned_only_when_the_tree_grows() {
        let mut s = Study::default();
        let span = Some(LineSpan { from: 2, to: 3 });
        criteria(&mut s, span, |_| {});
        assert!(s.trialcards.spans.is_empty());
        criteria(&mut s, span, |t| t.preamble.push("Adults".into()));
        criteria(&mut s, Some(LineSpan { from: 8, to: 9 }), |t| {
            t.preamble.push("Tea drinkers".into())
        });
        assert_eq!(
            s.trialcards.spans[keys::ELIGIBILITY_CRITERIA],
            LineSpan { from: 2, to: 9 }
        );
    }

    #[test]
    fn items_start_where_they_are_added_and_take_in_the_lines_after() {
        let mut s = Study::default();
        // A list that held two items: a line adds the third, the next fills it, then a fourth.
        let mut items = Items::after(2);
        items.took(2, 1);
        items.took(3, 4);
        items.took(3, 5);
        items.took(4, 7);
        assert_eq!(items.get(1), None);
        assert_eq!(items.get(2), Some(LineSpan { from: 4, to: 5 }));
        items.record(&mut s, "list", 10);
        let paths: Vec<_> = s.trialcards.spans.keys().map(String::as_str).collect();
        assert_eq!(paths, ["list[12]", "list[13]"]);
        assert_eq!(s.trialcards.spans["list[13]"], LineSpan { from: 7, to: 7 });
    }

    fn spans_has(s: &Study, k: &str) -> bool {
        s.trialcards.spans.contains_key(k)
    }
}

/// A record path as the page readers write it (`a.b[1].c`) as a JSON pointer (`/a/b/1/c`),
/// each token escaped as RFC 6901 asks (`~` as `~0`, `/` as `~1`).
pub(crate) fn pointer(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    for part in path.split('.') {
        let (name, indices) = match part.find('[') {
            Some(at) => part.split_at(at),
            None => (part, ""),
        };
        out.push('/');
        push_token(&mut out, name);
        for index in indices.split(['[', ']']).filter(|i| !i.is_empty()) {
            out.push('/');
            out.push_str(index);
        }
    }
    out
}

/// Appends one reference token of a JSON pointer, escaped.
pub(crate) fn push_token(out: &mut String, token: &str) {
    // Most tokens need no escape: copied whole.
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Moves a finished page record's working spans into its provenance.
pub(crate) fn into_provenance(study: &mut Study) {
    for (path, span) in std::mem::take(&mut study.trialcards.spans) {
        study
            .trialcards
            .provenance
            .insert(pointer(&path), [span.from, span.to]);
    }
}

#[cfg(test)]
mod pointer_tests {
    use super::pointer;

    #[test]
    fn paths_become_json_pointers() {
        assert_eq!(
            pointer("protocolSection.statusModule.overallStatus"),
            "/protocolSection/statusModule/overallStatus"
        );
        assert_eq!(
            pointer("protocolSection.conditionsModule.conditions[1]"),
            "/protocolSection/conditionsModule/conditions/1"
        );
        assert_eq!(
            pointer("protocolSection.contactsLocationsModule.locations[2].contacts[0]"),
            "/protocolSection/contactsLocationsModule/locations/2/contacts/0"
        );
        assert_eq!(pointer("hasResults"), "/hasResults");
        assert_eq!(pointer("trialcards.a/b~c"), "/trialcards/a~1b~0c");
    }
}
