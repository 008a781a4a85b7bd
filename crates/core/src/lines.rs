//! The line scanner (text → numbered, trimmed lines) and the shared label/synonym
//! table that maps the labels registries print to the field they name.

/// One line of the input, trimmed, with its 1-based number and indentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The 1-based line number in the whole input.
    pub no: usize,
    /// The line without leading and trailing whitespace.
    pub text: &'a str,
    /// How many whitespace characters preceded the text.
    pub indent: usize,
}

impl Line<'_> {
    /// Whether the line holds no text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// The non-blank lines of `text`, numbered from 1 (blank lines count): what the readers'
/// unit tests feed a section reader.
#[cfg(test)]
pub(crate) fn non_blank(text: &str) -> Vec<Line<'_>> {
    scan(text).into_iter().filter(|l| !l.is_blank()).collect()
}

/// Splits `text` into lines (`\n`, `\r\n` or a lone `\r`, as in old Mac files), numbering them
/// from 1.
pub fn scan(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    raw_lines(text)
        .enumerate()
        .map(|(i, (_, raw))| {
            let trimmed_start = raw.trim_start();
            let indent = raw[..raw.len() - trimmed_start.len()].chars().count();
            Line {
                no: i + 1,
                text: trimmed_start.trim_end(),
                indent,
            }
        })
        .collect()
}

/// The byte offset where each line [`scan`] finds begins (with the same line breaks), followed
/// by the text's length: line `i` spans `starts[i]..starts[i + 1]`.
pub fn line_starts(text: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = raw_lines(text).map(|(start, _)| start).collect();
    starts.push(text.len());
    starts
}

/// Each line of `text` with the byte offset where it starts, without its line break.
fn raw_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let from = start;
        match bytes[from..].iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(at) => {
                let end = from + at;
                let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                start = end + if crlf { 2 } else { 1 };
                Some((from, &text[from..end]))
            }
            None => {
                done = true;
                Some((from, &text[from..]))
            }
        }
    })
}

/// The fields a label on a registry page can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The NCT ID.
    NctId,
    /// The brief title.
    BriefTitle,
    /// The official title.
    OfficialTitle,
    /// The acronym.
    Acronym,
    /// The overall status.
    OverallStatus,
    /// The phase or phases.
    Phase,
    /// The study type.
    StudyType,
    /// The enrollment.
    Enrollment,
    /// The start date.
    StartDate,
    /// The primary completion date.
    PrimaryCompletionDate,
    /// The completion date.
    CompletionDate,
    /// The last update date.
    LastUpdate,
    /// The date the study was first submitted to (registered with) its registry.
    FirstSubmitted,
    /// The first posted date.
    FirstPosted,
    /// The results first posted date.
    ResultsFirstPosted,
    /// The sexes accepted.
    Sex,
    /// The minimum age.
    MinimumAge,
    /// The maximum age.
    MaximumAge,
    /// An age range.
    Ages,
    /// Whether healthy volunteers are accepted.
    HealthyVolunteers,
    /// The lead sponsor.
    LeadSponsor,
    /// The lead sponsor's class.
    SponsorClass,
    /// The allocation.
    Allocation,
    /// The interventional model.
    InterventionModel,
    /// The primary purpose.
    PrimaryPurpose,
    /// The masking.
    Masking,
    /// The observational model.
    ObservationalModel,
    /// The time perspective.
    TimePerspective,
    /// The sponsor's study ID.
    OrgStudyId,
    /// Conditions.
    Conditions,
    /// Keywords.
    Keywords,
    /// Interventions.
    Interventions,
    /// The brief summary.
    BriefSummary,
    /// The detailed description.
    DetailedDescription,
    /// The primary outcome's time frame.
    PrimaryOutcomeTimeFrame,
    /// Countries where the study recruits.
    Countries,
}

/// The synonym table: every spelling (normalised by [`normalize_label`]) and its field.
const SYNONYMS: &[(&str, Label)] = &[
    ("nct id", Label::NctId),
    ("nct number", Label::NctId),
    ("study nct id", Label::NctId),
    ("clinicaltrials gov identifier", Label::NctId),
    ("clinicaltrials gov id", Label::NctId),
    ("us nct number", Label::NctId),
    ("main id", Label::NctId),
    ("brief title", Label::BriefTitle),
    ("public title", Label::BriefTitle),
    ("study title", Label::BriefTitle),
    ("title", Label::BriefTitle),
    ("official title", Label::OfficialTitle),
    ("scientific title", Label::OfficialTitle),
    ("acronym", Label::Acronym),
    ("status", Label::OverallStatus),
    ("recruitment status", Label::OverallStatus),
    ("overall status", Label::OverallStatus),
    ("overall recruitment status", Label::OverallStatus),
    ("phase", Label::Phase),
    ("phases", Label::Phase),
    ("clinical phase", Label::Phase),
    ("study phase", Label::Phase),
    ("study type", Label::StudyType),
    ("study classification", Label::StudyType),
    ("enrollment", Label::Enrollment),
    ("total enrollment", Label::Enrollment),
    ("target enrollment", Label::Enrollment),
    ("target sample size", Label::Enrollment),
    ("actual enrollment", Label::Enrollment),
    ("estimated enrollment", Label::Enrollment),
    ("start date", Label::StartDate),
    ("study start date", Label::StartDate),
    ("study start", Label::StartDate),
    ("recruitment start date", Label::StartDate),
    ("date of first enrolment", Label::StartDate),
    ("primary completion date", Label::PrimaryCompletionDate),
    ("primary completion", Label::PrimaryCompletionDate),
    ("completion date", Label::CompletionDate),
    ("study completion date", Label::CompletionDate),
    ("study completion", Label::CompletionDate),
    ("final completion", Label::CompletionDate),
    ("global end of trial date", Label::CompletionDate),
    ("end of trial date", Label::CompletionDate),
    ("last updated", Label::LastUpdate),
    ("last update posted", Label::LastUpdate),
    ("last update", Label::LastUpdate),
    ("last edited", Label::LastUpdate),
    ("first posted", Label::FirstPosted),
    ("date of registration", Label::FirstSubmitted),
    ("submission date", Label::FirstSubmitted),
    ("date submitted", Label::FirstSubmitted),
    ("registration date", Label::FirstSubmitted),
    ("date registered", Label::FirstSubmitted),
    ("first submitted", Label::FirstSubmitted),
    ("study first submitted", Label::FirstSubmitted),
    ("first submitted date", Label::FirstSubmitted),
    ("date first submitted", Label::FirstSubmitted),
    ("first post", Label::FirstPosted),
    ("results first posted", Label::ResultsFirstPosted),
    ("sex", Label::Sex),
    ("eligible sex", Label::Sex),
    ("gender", Label::Sex),
    ("sexes eligible for study", Label::Sex),
    ("minimum eligible age", Label::MinimumAge),
    ("minimum age", Label::MinimumAge),
    ("age minimum", Label::MinimumAge),
    ("maximum eligible age", Label::MaximumAge),
    ("maximum age", Label::MaximumAge),
    ("age maximum", Label::MaximumAge),
    ("ages", Label::Ages),
    ("age", Label::Ages),
    ("ages eligible for study", Label::Ages),
    ("accepts healthy volunteers", Label::HealthyVolunteers),
    ("healthy volunteers", Label::HealthyVolunteers),
    ("volunteers", Label::HealthyVolunteers),
    ("sponsor", Label::LeadSponsor),
    ("lead sponsor", Label::LeadSponsor),
    ("primary sponsor", Label::LeadSponsor),
    ("sponsored by", Label::LeadSponsor),
    ("sponsor organisation name", Label::LeadSponsor),
    ("sponsor class", Label::SponsorClass),
    ("allocation", Label::Allocation),
    ("allocation method", Label::Allocation),
    ("intervention model", Label::InterventionModel),
    ("interventional model", Label::InterventionModel),
    ("primary purpose", Label::PrimaryPurpose),
    ("primary study purpose", Label::PrimaryPurpose),
    ("masking", Label::Masking),
    ("blinding strategy", Label::Masking),
    ("observational model", Label::ObservationalModel),
    ("time perspective", Label::TimePerspective),
    ("org study id", Label::OrgStudyId),
    ("other study id numbers", Label::OrgStudyId),
    ("sponsor protocol code", Label::OrgStudyId),
    ("conditions", Label::Conditions),
    ("condition", Label::Conditions),
    ("conditions studied", Label::Conditions),
    ("condition or disease", Label::Conditions),
    ("health condition s or problem s studied", Label::Conditions),
    ("health condition s or problem s", Label::Conditions),
    ("medical condition s investigated", Label::Conditions),
    ("medical condition", Label::Conditions),
    ("keywords", Label::Keywords),
    ("interventions", Label::Interventions),
    ("intervention", Label::Interventions),
    ("intervention s", Label::Interventions),
    ("intervention treatment", Label::Interventions),
    ("brief summary", Label::BriefSummary),
    ("detailed description", Label::DetailedDescription),
    ("primary outcome timeframe", Label::PrimaryOutcomeTimeFrame),
    ("primary outcome time frame", Label::PrimaryOutcomeTimeFrame),
    ("countries", Label::Countries),
    ("country", Label::Countries),
    // What other sites print for the same fields.
    ("registration number", Label::NctId),
    ("registration no", Label::NctId),
    ("trial registration number", Label::NctId),
    ("registry number", Label::NctId),
    ("registry id", Label::NctId),
    ("trial registration", Label::NctId),
    ("trial id", Label::NctId),
    ("trial number", Label::NctId),
    ("nctid", Label::NctId),
    ("nct no", Label::NctId),
    ("clinicaltrials gov number", Label::NctId),
    ("clinicaltrials gov nct number", Label::NctId),
    ("trial title", Label::BriefTitle),
    ("full title", Label::OfficialTitle),
    ("official study title", Label::OfficialTitle),
    ("trial status", Label::OverallStatus),
    ("overall trial status", Label::OverallStatus),
    ("study status", Label::OverallStatus),
    ("current status", Label::OverallStatus),
    ("recruiting status", Label::OverallStatus),
    ("trial phase", Label::Phase),
    ("phase of trial", Label::Phase),
    ("phase of study", Label::Phase),
    ("type of study", Label::StudyType),
    ("trial type", Label::StudyType),
    ("study design type", Label::StudyType),
    ("enrolment", Label::Enrollment),
    ("target enrolment", Label::Enrollment),
    ("target recruitment", Label::Enrollment),
    ("target size", Label::Enrollment),
    ("sample size", Label::Enrollment),
    ("planned enrollment", Label::Enrollment),
    ("planned sample size", Label::Enrollment),
    ("number of participants", Label::Enrollment),
    ("target number of participants", Label::Enrollment),
    ("enrollment count", Label::Enrollment),
    ("enrollment actual", Label::Enrollment),
    ("enrollment estimated", Label::Enrollment),
    ("enrollment anticipated", Label::Enrollment),
    ("trial start date", Label::StartDate),
    ("recruitment start date", Label::StartDate),
    ("end date", Label::CompletionDate),
    ("study end date", Label::CompletionDate),
    ("trial end date", Label::CompletionDate),
    ("overall trial end date", Label::CompletionDate),
    ("sexes eligible", Label::Sex),
    ("eligible sexes", Label::Sex),
    ("sexes", Label::Sex),
    ("gender eligibility", Label::Sex),
    ("inclusion gender", Label::Sex),
    ("age range", Label::Ages),
    ("eligible ages", Label::Ages),
    ("ages eligible", Label::Ages),
    ("age limits", Label::Ages),
    ("age eligibility", Label::Ages),
    ("lower age limit", Label::MinimumAge),
    ("upper age limit", Label::MaximumAge),
    ("min age", Label::MinimumAge),
    ("max age", Label::MaximumAge),
    ("agemin", Label::MinimumAge),
    ("agemax", Label::MaximumAge),
    ("inclusion agemin", Label::MinimumAge),
    ("inclusion agemax", Label::MaximumAge),
    ("healthy volunteers accepted", Label::HealthyVolunteers),
    ("sponsor name", Label::LeadSponsor),
    ("sponsor organisation", Label::LeadSponsor),
    ("sponsor organization", Label::LeadSponsor),
    ("lead organisation", Label::LeadSponsor),
    ("lead organization", Label::LeadSponsor),
    ("blinding", Label::Masking),
    ("masking blinding", Label::Masking),
    ("indication", Label::Conditions),
    ("indications", Label::Conditions),
    ("indication condition", Label::Conditions),
    ("condition s", Label::Conditions),
    ("conditions diseases", Label::Conditions),
    ("disease condition", Label::Conditions),
    ("condition disease", Label::Conditions),
    ("health condition", Label::Conditions),
    ("health conditions", Label::Conditions),
    ("interventions treatments", Label::Interventions),
    ("intervention name", Label::Interventions),
    ("study drug", Label::Interventions),
    ("summary", Label::BriefSummary),
    ("study summary", Label::BriefSummary),
    ("lay summary", Label::BriefSummary),
    ("plain language summary", Label::BriefSummary),
    ("plain english summary", Label::BriefSummary),
    ("description", Label::DetailedDescription),
    ("study description", Label::DetailedDescription),
    ("trial description", Label::DetailedDescription),
    ("location countries", Label::Countries),
    ("recruitment countries", Label::Countries),
    ("country of recruitment", Label::Countries),
    ("study sponsor", Label::LeadSponsor),
    ("sex gender", Label::Sex),
    ("gender sex", Label::Sex),
    ("age min", Label::MinimumAge),
    ("age max", Label::MaximumAge),
    ("minimum age limit", Label::MinimumAge),
    ("maximum age limit", Label::MaximumAge),
    ("primary study design", Label::StudyType),
    ("study design category", Label::StudyType),
    ("trial sponsor", Label::LeadSponsor),
    ("sponsor collaborators", Label::LeadSponsor),
    ("phase s", Label::Phase),
    ("study phase s", Label::Phase),
    ("disease s", Label::Conditions),
    ("diseases conditions", Label::Conditions),
    ("target disease", Label::Conditions),
    ("studied condition", Label::Conditions),
    ("age group", Label::Ages),
    ("eligible age", Label::Ages),
    ("age limit", Label::Ages),
    ("number of subjects", Label::Enrollment),
    ("number of patients", Label::Enrollment),
    ("target participants", Label::Enrollment),
    ("recruitment target", Label::Enrollment),
    ("interventions used", Label::Interventions),
    ("drug s", Label::Interventions),
    ("countries of recruitment", Label::Countries),
];

/// Lowercases `label`, turns punctuation into spaces and collapses runs of spaces
/// ("ClinicalTrials.gov Identifier:" → "clinicaltrials gov identifier").
pub fn normalize_label(label: &str) -> String {
    fold_words(label, crate::case::lower, ' ')
}

/// `text`'s letters and digits through `case`, each run of other characters between them as
/// one `gap` (none at either end).
pub(crate) fn fold_words(text: &str, case: fn(char) -> char, gap: char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut owed = false;
    for c in text.chars() {
        if !c.is_alphanumeric() {
            owed = true;
            continue;
        }
        if owed && !out.is_empty() {
            out.push(gap);
        }
        owed = false;
        out.push(case(c));
    }
    out
}

/// No label as a page prints it is longer than this (the table's longest is 39 bytes).
const MAX_LABEL_TEXT: usize = 64;

/// [`normalize_label`] of an ASCII `label` into `buf` (at most its length); `None` for text
/// that is not ASCII or does not fit.
pub(crate) fn normalize_ascii<'b>(label: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !label.is_ascii() || label.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    for b in label.bytes() {
        if b.is_ascii_alphanumeric() {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        } else if n > 0 && buf[n - 1] != b' ' {
            buf[n] = b' ';
            n += 1;
        }
    }
    while n > 0 && buf[n - 1] == b' ' {
        n -= 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Calls `f` with [`normalize_label`] of `label`, written on the stack when it is short ASCII
/// (nearly every label) instead of into a new string.
pub(crate) fn with_label<R>(label: &str, f: impl FnOnce(&str) -> R) -> R {
    on_stack(label, normalize_ascii, normalize_label, f)
}

/// Calls `f` with `text` folded by `ascii` into a buffer on the stack when that can (short
/// ASCII), else by `heap` into a new string.
pub(crate) fn on_stack<R>(
    text: &str,
    ascii: for<'b> fn(&str, &'b mut [u8]) -> Option<&'b str>,
    heap: fn(&str) -> String,
    f: impl FnOnce(&str) -> R,
) -> R {
    let mut buf = [0u8; MAX_LABEL_TEXT];
    match ascii(text, &mut buf) {
        Some(folded) => f(folded),
        None => f(&heap(text)),
    }
}

/// The field a label names, if the synonym table knows it. A leading "Actual", "Estimated" or
/// "Anticipated" ("Actual Study Start Date") names the same field as the label without it.
pub fn lookup_label(label: &str) -> Option<Label> {
    // The table's longest label is 39 bytes normalised; a longer text (a sentence, a value
    // before a colon) is not looked up.
    if label.len() > MAX_LABEL_TEXT {
        return None;
    }
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&str, Label>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| SYNONYMS.iter().copied().collect());
    let find = |k: &str| table.get(k).copied();
    // "Actual Study Start Date", "Study Start (Actual)", "Enrollment (Estimated)".
    const QUALIFIERS: [&str; 3] = ["actual", "estimated", "anticipated"];
    // Labels are short and mostly ASCII: normalised on the stack, without an allocation.
    with_label(label, |key| {
        find(key).or_else(|| {
            QUALIFIERS.iter().find_map(|q| {
                let bare = key
                    .strip_prefix(q)
                    .and_then(|k| k.strip_prefix(' '))
                    .or_else(|| key.strip_suffix(q).and_then(|k| k.strip_suffix(' ')))?;
                find(bare)
            })
        })
    })
}

/// The first and the last words of the labels in [`SYNONYMS`] (the first words with the
/// qualifiers [`lookup_label`] strips), built once from the table.
fn label_edges() -> &'static [std::collections::HashSet<&'static str>; 2] {
    static EDGES: std::sync::OnceLock<[std::collections::HashSet<&'static str>; 2]> =
        std::sync::OnceLock::new();
    EDGES.get_or_init(|| {
        let first = SYNONYMS
            .iter()
            .filter_map(|(k, _)| k.split(' ').next())
            .chain(["actual", "estimated", "anticipated"])
            .collect();
        let last = SYNONYMS
            .iter()
            .filter_map(|(k, _)| k.rsplit(' ').next())
            .collect();
        [first, last]
    })
}

/// Whether a word as a page prints it ("Condition", "Intervention/treatment") can begin a
/// label of the synonym table (`first`) or end one (`!first`): a cheap test before a line is
/// split into labels.
pub(crate) fn is_label_edge(word: &str, first: bool) -> bool {
    let words = &label_edges()[usize::from(!first)];
    // Most words are short and ASCII: lowercased on the stack, without a normalised copy.
    let mut buf = [0u8; 32];
    let bytes = word.as_bytes();
    let token = if first {
        bytes
            .split(|b| !b.is_ascii_alphanumeric())
            .find(|t| !t.is_empty())
    } else {
        bytes
            .rsplit(|b| !b.is_ascii_alphanumeric())
            .find(|t| !t.is_empty())
    };
    match token {
        Some(t) if word.is_ascii() && t.len() <= buf.len() => {
            let key = &mut buf[..t.len()];
            key.copy_from_slice(t);
            key.make_ascii_lowercase();
            words.contains(std::str::from_utf8(key).unwrap_or_default())
        }
        _ => {
            let norm = normalize_label(word);
            let token = if first {
                norm.split(' ').next()
            } else {
                norm.rsplit(' ').next()
            };
            token.is_some_and(|t| words.contains(t))
        }
    }
}

/// Splits "Label: value" at the first colon when the label is in the synonym table.
pub fn split_labelled(text: &str) -> Option<(Label, &str)> {
    let colon = text.find(':')?;
    let label = lookup_label(&text[..colon])?;
    Some((label, text[colon + 1..].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Labels normalise as lower-casing, turning every run of other characters into one
        /// space and trimming would (the way it was first written).
        #[test]
        fn labels_normalise_as_runs_of_spaces(
            text in "([ a-zA-Z0-9.:,()/é–Ü\\t]|phase|Phase |PHASE_|se ){0,16}"
        ) {
            let mut slow = String::new();
            for c in text.chars() {
                if c.is_alphanumeric() {
                    slow.push(crate::case::lower(c));
                } else if !slow.is_empty() && !slow.ends_with(' ') {
                    slow.push(' ');
                }
            }
            proptest::prop_assert_eq!(normalize_label(&text), slow.trim_end());
            let code = crate::vocab::normalize_code(&text);
            let slow_code = slow.trim_end().replace(' ', "_");
            let slow_code = crate::case::Cased::uppercased(slow_code.as_str()).replace("PHASE_", "PHASE");
            proptest::prop_assert_eq!(&code, &slow_code);
            // And on the stack, as the lookups write them.
            proptest::prop_assert_eq!(crate::vocab::with_code(&text, str::to_string), slow_code);
            proptest::prop_assert_eq!(with_label(&text, str::to_string), slow.trim_end());
        }
    }

    #[test]
    fn scan_numbers_lines_and_measures_indent() {
        let lines = scan("a\r\n  • b\n\nc");
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[1].no, 2);
        assert_eq!(lines[1].text, "• b");
        assert_eq!(lines[1].indent, 2);
        assert!(lines[2].is_blank());
    }

    #[test]
    fn labels_are_found_through_synonyms() {
        assert_eq!(
            lookup_label("Recruitment Status"),
            Some(Label::OverallStatus)
        );
        assert_eq!(
            lookup_label("ClinicalTrials.gov Identifier:"),
            Some(Label::NctId)
        );
        assert_eq!(
            lookup_label("Minimum Eligible Age"),
            Some(Label::MinimumAge)
        );
        assert_eq!(lookup_label("Something else"), None);
        assert_eq!(
            lookup_label("Actual Study Start Date"),
            Some(Label::StartDate)
        );
        assert_eq!(
            split_labelled("Public title: A trial"),
            Some((Label::BriefTitle, "A trial"))
        );
    }

    #[test]
    fn labels_normalise_alike_on_the_stack_and_on_the_heap() {
        let mut buf = [0u8; 64];
        for label in [
            "ClinicalTrials.gov Identifier:",
            "  Study Start (Actual) ",
            "A--B",
            "",
        ] {
            assert_eq!(
                normalize_ascii(label, &mut buf).map(str::to_string),
                Some(normalize_label(label)),
                "{label}"
            );
        }
        assert_eq!(normalize_ascii("Pénalité", &mut buf), None);
    }

    #[test]
    fn label_edge_words_gate_header_rows() {
        assert!(is_label_edge("Condition", true));
        assert!(is_label_edge("Intervention/treatment", true));
        assert!(is_label_edge("Intervention/treatment", false));
        assert!(is_label_edge("disease", false));
        assert!(is_label_edge("Estimated", true));
        assert!(!is_label_edge("Knee", true));
        assert!(!is_label_edge("Interventional", false));
        assert!(is_label_edge("Condition(s)", false));
        assert!(!is_label_edge("\u{dc}berblick", true));
    }
}
