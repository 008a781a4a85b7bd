//! Full-text search: a query is words and "quoted phrases", every one of which must occur
//! (case-insensitively) somewhere in the record — titles, conditions, keywords, interventions,
//! sponsor and collaborators, criteria, summary and description, outcomes, IDs, locations.

use std::ops::Range;

use crate::collection::words::{code_words, phase_words};
use crate::model::{Contact, CriterionItem, CtEnum};
use crate::Study;

/// The searchable text of one record, built once and searched on every keystroke.
///
/// Every text a person could look for is kept, folded for matching: lowercased character by
/// character (Unicode's `char::to_lowercase`), every run of whitespace made one space,
/// markdown escapes (`\\<`) dropped. A field's values are separated by a line break, so a
/// phrase never matches across two values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchText {
    /// (field label, lowercased text) for every field that has text.
    sections: Vec<(&'static str, String)>,
}

impl SearchText {
    /// The searchable text of `study`, under the labels the card uses: "Title", "Identifiers",
    /// "Status", "Dates", "Design", "Conditions", "Keywords", "Interventions", "Arms",
    /// "Description", "Eligibility", "Outcomes", "Sponsor", "Investigators", "Contacts",
    /// "Locations", "References", "Related trials", "Results", "Data sharing", "MeSH terms",
    /// "Documents", "Other details" and "Text not recognised". CT.gov codes are searchable in words ("Recruiting", "Phase 2").
    ///
    /// Only where the record was read from (file name, layout) and the parser's notes are
    /// left out: they are not the trial's text.
    pub fn of(study: &Study) -> Self {
        let mut b = Builder::default();
        let p = &study.protocol_section;
        let id = &p.identification_module;
        b.opt("Title", &id.brief_title);
        b.opt("Title", &id.official_title);
        b.opt("Title", &id.acronym);

        b.opt("Identifiers", &id.nct_id);
        b.all("Identifiers", &id.nct_id_aliases);
        if let Some(org) = &id.org_study_id_info {
            b.opt("Identifiers", &org.id);
            b.opt("Identifiers", &org.id_type);
            b.opt("Identifiers", &org.link);
        }
        for sid in &id.secondary_id_infos {
            b.opt("Identifiers", &sid.id);
            b.code("Identifiers", sid.id_type);
            b.opt("Identifiers", &sid.domain);
            b.opt("Identifiers", &sid.link);
        }

        let st = &p.status_module;
        b.code("Status", st.overall_status);
        b.code("Status", st.last_known_status);
        b.opt("Status", &st.why_stopped);
        b.opt("Dates", &st.status_verified_date);
        b.opt("Dates", &st.study_first_submit_date);
        for date in [
            &st.start_date_struct,
            &st.primary_completion_date_struct,
            &st.completion_date_struct,
            &st.study_first_post_date_struct,
            &st.results_first_post_date_struct,
            &st.last_update_post_date_struct,
        ]
        .into_iter()
        .flatten()
        {
            b.opt("Dates", &date.date);
        }

        let d = &p.design_module;
        b.code("Design", d.study_type);
        for phase in &d.phases {
            b.add("Design", &phase_words(*phase));
        }
        if let Some(info) = &d.design_info {
            b.code("Design", info.allocation);
            b.code("Design", info.intervention_model);
            b.opt("Design", &info.intervention_model_description);
            b.code("Design", info.primary_purpose);
            b.code("Design", info.observational_model);
            b.code("Design", info.time_perspective);
            if let Some(m) = &info.masking_info {
                b.code("Design", m.masking);
                b.opt("Design", &m.masking_description);
                for who in &m.who_masked {
                    b.code("Design", Some(*who));
                }
            }
        }

        b.all("Conditions", &p.conditions_module.conditions);
        b.all("Keywords", &p.conditions_module.keywords);

        let a = &p.arms_interventions_module;
        for i in &a.interventions {
            b.add("Interventions", &i.display_name());
            b.opt("Interventions", &i.description);
            b.all("Interventions", &i.other_names);
            b.all("Interventions", &i.arm_group_labels);
        }
        for arm in &a.arm_groups {
            b.opt("Arms", &arm.label);
            b.code("Arms", arm.arm_type);
            b.opt("Arms", &arm.description);
            b.all("Arms", &arm.intervention_names);
        }

        b.opt("Description", &p.description_module.brief_summary);
        b.opt("Description", &p.description_module.detailed_description);

        let e = &p.eligibility_module;
        b.opt("Eligibility", &e.study_population);
        b.opt("Eligibility", &e.eligibility_criteria);
        if let Some(tree) = &study.trialcards.criteria {
            // The record's criteria text is built from this tree for pages; a record read
            // from elsewhere may hold only one of the two, so both are searched.
            b.all("Eligibility", &tree.preamble);
            let mut stack: Vec<&CriterionItem> =
                tree.exclusion.iter().chain(&tree.inclusion).rev().collect();
            while let Some(item) = stack.pop() {
                b.add("Eligibility", &item.text);
                stack.extend(item.children.iter().rev());
            }
        }
        b.opt("Eligibility", &e.minimum_age);
        b.opt("Eligibility", &e.maximum_age);

        let o = &p.outcomes_module;
        for outcome in o
            .primary_outcomes
            .iter()
            .chain(&o.secondary_outcomes)
            .chain(&o.other_outcomes)
        {
            b.opt("Outcomes", &outcome.measure);
            b.opt("Outcomes", &outcome.description);
            b.opt("Outcomes", &outcome.time_frame);
        }

        let sc = &p.sponsor_collaborators_module;
        for sponsor in sc.lead_sponsor.iter().chain(&sc.collaborators) {
            b.opt("Sponsor", &sponsor.name);
        }
        if let Some(r) = &sc.responsible_party {
            b.opt("Sponsor", &r.investigator_full_name);
            b.opt("Sponsor", &r.investigator_title);
            b.opt("Sponsor", &r.investigator_affiliation);
        }
        if let Some(org) = &id.organization {
            b.opt("Sponsor", &org.full_name);
        }

        let c = &p.contacts_locations_module;
        for official in &c.overall_officials {
            b.opt("Investigators", &official.name);
            b.opt("Investigators", &official.affiliation);
        }
        for contact in &c.central_contacts {
            b.contact("Contacts", contact);
        }
        for l in &c.locations {
            for part in [&l.facility, &l.city, &l.state, &l.zip, &l.country] {
                b.opt("Locations", part);
            }
            for contact in &l.contacts {
                b.contact("Locations", contact);
            }
        }
        b.all("Locations", &study.trialcards.countries);

        for r in &p.references_module.references {
            b.opt("References", &r.citation);
            b.opt("References", &r.pmid);
        }
        for doi in &study.trialcards.reference_dois {
            b.add("References", &doi.doi);
        }

        for t in &study.trialcards.related_trials {
            b.opt("Related trials", &t.nct_id);
            b.opt("Related trials", &t.title);
        }

        if let Some(r) = &study.trialcards.results {
            b.opt("Results", &r.overview);
            b.opt("Results", &r.primary_outcome_time_frame);
            b.opt("Results", &r.results_posted_date);
            b.opt("Results", &r.participant_flow);
            for s in &r.sections {
                b.add("Results", &s.label);
                b.add("Results", &s.value);
            }
        }

        // The v2 parts modelled in issue 13: submit dates, the old responsible-party fields,
        // links and IPD documents, IPD sharing, MeSH terms, uploaded documents and the derived
        // bookkeeping.
        for date in [
            &st.study_first_submit_qc_date,
            &st.results_first_submit_date,
            &st.results_first_submit_qc_date,
            &st.disp_first_submit_date,
            &st.disp_first_submit_qc_date,
            &st.last_update_submit_date,
        ] {
            b.opt("Dates", date);
        }
        if let Some(date) = &st.disp_first_post_date_struct {
            b.opt("Dates", &date.date);
        }
        if let Some(access) = &st.expanded_access_info {
            b.opt("Identifiers", &access.nct_id);
        }
        if let Some(r) = &sc.responsible_party {
            b.opt("Sponsor", &r.old_name_title);
            b.opt("Sponsor", &r.old_organization);
        }
        let refs = &p.references_module;
        for link in &refs.see_also_links {
            b.opt("References", &link.label);
            b.opt("References", &link.url);
        }
        for ipd in &refs.avail_ipds {
            for part in [&ipd.id, &ipd.ipd_type, &ipd.url, &ipd.comment] {
                b.opt("References", part);
            }
        }
        let ipd = &p.ipd_sharing_statement_module;
        for part in [
            &ipd.description,
            &ipd.time_frame,
            &ipd.access_criteria,
            &ipd.url,
        ] {
            b.opt("Data sharing", part);
        }
        for kind in &ipd.info_types {
            b.code("Data sharing", Some(*kind));
        }
        b.code("Eligibility", p.eligibility_module.sampling_method);
        let derived = &study.derived_section;
        for browse in [
            &derived.condition_browse_module,
            &derived.intervention_browse_module,
        ] {
            for mesh in browse.meshes.iter().chain(&browse.ancestors) {
                b.opt("MeSH terms", &mesh.term);
                b.opt("MeSH terms", &mesh.id);
            }
            for leaf in &browse.browse_leaves {
                b.opt("MeSH terms", &leaf.name);
                b.opt("MeSH terms", &leaf.as_found);
                b.opt("MeSH terms", &leaf.id);
            }
            for branch in &browse.browse_branches {
                b.opt("MeSH terms", &branch.name);
                b.opt("MeSH terms", &branch.abbrev);
            }
        }
        for doc in &study.document_section.large_document_module.large_docs {
            for part in [
                &doc.label,
                &doc.type_abbrev,
                &doc.filename,
                &doc.date,
                &doc.upload_date,
            ] {
                b.opt("Documents", part);
            }
        }
        let misc = &derived.misc_info_module;
        b.opt("Dates", &misc.version_holder);
        b.all("Locations", &misc.removed_countries);
        if let Some(t) = &misc.submission_tracking {
            b.opt("Dates", &t.estimated_results_first_submit_date);
            if let Some(date) = t
                .first_mcp_info
                .as_ref()
                .and_then(|m| m.post_date_struct.as_ref())
            {
                b.opt("Dates", &date.date);
            }
            for info in &t.submission_infos {
                for date in [&info.release_date, &info.unrelease_date, &info.reset_date] {
                    b.opt("Dates", date);
                }
            }
        }

        for f in &study.trialcards.other_fields {
            b.add("Other details", &f.label);
            b.add("Other details", &f.value);
        }
        // Parts of a CT.gov record the model does not name: every string in them, walked
        // with a stack (the JSON's depth is the input's).
        let mut stack: Vec<&serde_json::Value> =
            study.trialcards.unmodelled.values().rev().collect();
        while let Some(value) = stack.pop() {
            match value {
                serde_json::Value::String(s) => b.add("Other details", s),
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(map) => stack.extend(map.values().rev()),
                _ => {}
            }
        }

        for l in &study.trialcards.unrecognized {
            b.add("Text not recognised", &l.text);
        }
        SearchText {
            sections: b.sections,
        }
    }

    /// The (label, folded text) of every field that has text, in the record's order.
    pub fn sections(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.sections.iter().map(|(l, t)| (*l, t.as_str()))
    }
}

/// Collects sections, one per label, in the order the labels are first used.
#[derive(Default)]
struct Builder {
    sections: Vec<(&'static str, String)>,
}

impl Builder {
    fn add(&mut self, label: &'static str, value: &str) {
        if value.chars().all(char::is_whitespace) {
            return;
        }
        let at = match self.sections.iter().rposition(|(l, _)| *l == label) {
            Some(at) => {
                self.sections[at].1.push('\n');
                at
            }
            None => {
                self.sections
                    .push((label, String::with_capacity(value.len())));
                self.sections.len() - 1
            }
        };
        fold_into(value, &mut self.sections[at].1);
    }

    fn opt(&mut self, label: &'static str, value: &Option<String>) {
        if let Some(v) = value {
            self.add(label, v);
        }
    }

    fn all(&mut self, label: &'static str, values: &[String]) {
        for v in values {
            self.add(label, v);
        }
    }

    fn code<E: CtEnum>(&mut self, label: &'static str, value: Option<E>) {
        if let Some(v) = value {
            self.add(label, &code_words(v));
        }
    }

    fn contact(&mut self, label: &'static str, c: &Contact) {
        for part in [&c.name, &c.phone, &c.phone_ext, &c.email] {
            self.opt(label, part);
        }
    }
}

/// Appends `text` to `out` folded for matching: lowercased character by character, each run
/// of whitespace one space, none at either end, and CT.gov's markdown escapes dropped (a
/// backslash before ASCII punctuation, as in `BMI \<30`), so what the card shows is found.
fn fold_into(text: &str, out: &mut String) {
    let mut started = false;
    let mut space = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            space = started;
            continue;
        }
        if is_escape(text, at, c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        started = true;
        out.extend(c.to_lowercase());
    }
}

/// Whether `c`, at byte `at` of `text`, is a markdown escape: a backslash before ASCII
/// punctuation.
fn is_escape(text: &str, at: usize, c: char) -> bool {
    c == '\\'
        && text
            .get(at + 1..)
            .is_some_and(|rest| rest.starts_with(|n: char| n.is_ascii_punctuation()))
}

/// A parsed search query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The lowercased words and phrases, each of which must match.
    terms: Vec<String>,
}

impl Query {
    /// Reads what the user typed: words split on spaces, "double-quoted phrases" kept whole.
    ///
    /// A quote (straight, or the typographic “ and ”) opens or closes a phrase, also inside a
    /// word; a quote left open runs to the end. Terms are folded like [`SearchText`] (lowercase,
    /// one space between a phrase's words); empty terms are dropped and repeated ones kept once.
    pub fn parse(text: &str) -> Self {
        let mut terms: Vec<String> = Vec::new();
        let mut raw = String::new();
        let mut in_phrase = false;
        let mut flush = |raw: &mut String| {
            let mut term = String::new();
            fold_into(raw, &mut term);
            raw.clear();
            if !term.is_empty() && !terms.contains(&term) {
                terms.push(term);
            }
        };
        for c in text.chars() {
            if matches!(c, '"' | '“' | '”') {
                flush(&mut raw);
                in_phrase = !in_phrase;
            } else if c.is_whitespace() && !in_phrase {
                flush(&mut raw);
            } else {
                raw.push(c);
            }
        }
        flush(&mut raw);
        Query { terms }
    }

    /// Whether the query has no terms (it matches everything).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, lowercased.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether every term occurs somewhere in the record's text (each term within one field).
    pub fn matches(&self, text: &SearchText) -> bool {
        self.terms.iter().all(|term| {
            text.sections
                .iter()
                .any(|(_, section)| section.contains(term.as_str()))
        })
    }

    /// The labels of the fields in which some term occurs, in the record's order.
    pub fn matched_fields(&self, text: &SearchText) -> Vec<&'static str> {
        let mut labels: Vec<&'static str> = Vec::new();
        for (label, section) in &text.sections {
            if !labels.contains(label) && self.terms.iter().any(|t| section.contains(t.as_str())) {
                labels.push(label);
            }
        }
        labels
    }

    /// Where the terms occur in `text` (any case): sorted, non-overlapping byte ranges on
    /// character boundaries, for highlighting.
    ///
    /// `text` is folded as [`SearchText`] folds it (so a phrase's space matches any run of
    /// whitespace, line breaks included, and `\\<30` is found by `<30`) while each folded character remembers the original
    /// character it came from; a match covers the original characters it touches. Every
    /// occurrence counts, overlapping ones too, and ranges that overlap or touch are merged.
    /// One pass over `text` with a Knuth–Morris–Pratt matcher per term: linear in the text's
    /// length times the number of terms.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        if self.terms.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let mut matchers: Vec<Matcher> = self.terms.iter().map(|t| Matcher::new(t)).collect();
        let longest = matchers.iter().map(|m| m.pattern.len()).max().unwrap_or(1);
        // The original start of the last `longest` folded characters, by position modulo `longest`.
        let mut starts = vec![0usize; longest];
        let mut unit = 0usize;
        let mut found: Vec<Range<usize>> = Vec::new();
        let mut feed = |c: char, start: usize, end: usize, found: &mut Vec<Range<usize>>| {
            starts[unit % longest] = start;
            for m in &mut matchers {
                if m.step(c) {
                    let first = unit + 1 - m.pattern.len();
                    found.push(starts[first % longest]..end);
                }
            }
            unit += 1;
        };
        let mut space_from: Option<usize> = None;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                space_from.get_or_insert(at);
                continue;
            }
            if is_escape(text, at, c) {
                continue;
            }
            if let Some(from) = space_from.take() {
                feed(' ', from, at, &mut found);
            }
            let end = at + c.len_utf8();
            for lower in c.to_lowercase() {
                feed(lower, at, end, &mut found);
            }
        }
        found.sort_unstable_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for r in found {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// A Knuth–Morris–Pratt matcher for one term, fed one folded character at a time.
struct Matcher {
    pattern: Vec<char>,
    /// `fallback[i]`: the length of the longest proper prefix of `pattern[..=i]` that is also
    /// its suffix.
    fallback: Vec<usize>,
    /// How many characters of `pattern` the input seen so far ends with.
    state: usize,
}

impl Matcher {
    fn new(term: &str) -> Self {
        let pattern: Vec<char> = term.chars().collect();
        let mut fallback = vec![0; pattern.len()];
        let mut k = 0;
        for i in 1..pattern.len() {
            while k > 0 && pattern[i] != pattern[k] {
                k = fallback[k - 1];
            }
            if pattern[i] == pattern[k] {
                k += 1;
            }
            fallback[i] = k;
        }
        Matcher {
            pattern,
            fallback,
            state: 0,
        }
    }

    /// Feeds `c`; whether a whole occurrence of the pattern ends with it.
    fn step(&mut self, c: char) -> bool {
        while self.state > 0 && self.pattern[self.state] != c {
            self.state = self.fallback[self.state - 1];
        }
        if self.pattern.get(self.state) == Some(&c) {
            self.state += 1;
        }
        if self.state == self.pattern.len() {
            self.state = self.fallback[self.state - 1];
            return true;
        }
        false
    }
}

#[cfg(test)]
// Expected highlights are lists of ranges, however many.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::collection::json_leaves::{bookkeeping, string_leaves};
    use crate::collection::test_records::{full_json, study};
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn terms(q: &str) -> Vec<String> {
        Query::parse(q).terms().to_vec()
    }

    #[test]
    fn a_query_is_words_and_quoted_phrases() {
        assert_eq!(
            terms("stem  Cell \"Bone\tMarrow\""),
            ["stem", "cell", "bone marrow"]
        );
        assert_eq!(
            terms("knee \"open phrase  here"),
            ["knee", "open phrase here"]
        );
        assert_eq!(terms("a\"b c\"d"), ["a", "b c", "d"]);
        assert_eq!(terms("“smart quotes” too"), ["smart quotes", "too"]);
        assert_eq!(terms("Stem stem STEM \"stem\""), ["stem"]);
        assert!(Query::parse("  \"\" \" \t \"  ").is_empty());
        assert!(Query::parse("").is_empty());
        assert_eq!(terms("ÄRZTE İ"), ["ärzte", "i\u{307}"]);
        assert_eq!(terms(r"BMI\<30 a\b"), [r"bmi<30", r"a\b"]);
    }

    /// A study whose conditions are `conditions` and whose description is `description`.
    fn with(conditions: &[&str], description: &str) -> SearchText {
        SearchText::of(&study(json!({"protocolSection": {
            "identificationModule": {"briefTitle": "A Trial"},
            "conditionsModule": {"conditions": conditions},
            "descriptionModule": {"briefSummary": description}
        }})))
    }

    #[test]
    fn every_term_must_occur_each_within_one_field() {
        let text = with(
            &["Breast", "Cancer"],
            "Women with\n  early   BREAST cancer.",
        );
        assert!(Query::parse("breast cancer").matches(&text));
        assert!(Query::parse("\"early breast cancer\"").matches(&text));
        assert!(!Query::parse("breast lung").matches(&text));
        assert!(Query::parse("").matches(&text));
        // Two values of one field are not one phrase.
        let text = with(&["Breast", "Cancer"], "Body mass index \\<30\\.");
        assert!(!Query::parse("\"breast cancer\"").matches(&text));
        assert!(Query::parse("\"index <30.\"").matches(&text));
        assert!(Query::parse("breast cancer").matches(&text));
    }

    #[test]
    fn matched_fields_are_labelled_in_the_record_order() {
        let text = with(&["Trial fatigue"], "A trial of rest.");
        assert_eq!(
            Query::parse("rest trial").matched_fields(&text),
            ["Title", "Conditions", "Description"]
        );
        assert_eq!(
            Query::parse("fatigue").matched_fields(&text),
            ["Conditions"]
        );
        assert!(Query::parse("absent").matched_fields(&text).is_empty());
    }

    #[test]
    fn codes_are_searched_in_words_and_bookkeeping_is_not() {
        let s = study(full_json());
        let text = SearchText::of(&s);
        for q in [
            "\"active, not recruiting\"",
            "\"phase 2\"",
            "\"biological: cord cells\"",
            "randomized",
        ] {
            assert!(Query::parse(q).matches(&text), "{q}");
        }
        for q in ["knee.txt", "veeva", "\"a note from the parser\""] {
            assert!(!Query::parse(q).matches(&text), "{q}");
        }
        let labels: Vec<&str> = text.sections().map(|(l, _)| l).collect();
        assert_eq!(
            labels,
            [
                "Title",
                "Identifiers",
                "Status",
                "Dates",
                "Design",
                "Conditions",
                "Keywords",
                "Interventions",
                "Arms",
                "Description",
                "Eligibility",
                "Outcomes",
                "Sponsor",
                "Investigators",
                "Contacts",
                "Locations",
                "References",
                "Related trials",
                "Results",
                "Data sharing",
                "MeSH terms",
                "Documents",
                "Other details",
                "Text not recognised"
            ]
        );
    }

    /// `record` with the string at `pointer` replaced by `text`, if that string is free text
    /// (a CT.gov code replaced by a word is not kept: the field is an enum).
    fn with_text_at(record: &Value, pointer: &str, text: &str) -> Option<crate::Study> {
        let mut v = record.clone();
        *v.pointer_mut(pointer)? = Value::String(text.to_string());
        let s: crate::Study = serde_json::from_value(v).ok()?;
        let back = serde_json::to_value(&s).ok()?;
        (back.pointer(pointer) == Some(&Value::String(text.to_string()))).then_some(s)
    }

    #[test]
    fn a_word_in_any_free_text_field_of_the_model_is_found() {
        let record = full_json();
        let mut checked = 0;
        for pointer in string_leaves(&record) {
            if bookkeeping(&pointer) {
                continue;
            }
            let Some(s) = with_text_at(&record, &pointer, "Before ZqXwORD after") else {
                continue;
            };
            checked += 1;
            let text = SearchText::of(&s);
            assert!(Query::parse("zqxword").matches(&text), "{pointer}");
            assert!(
                Query::parse("\"before zqxword\"").matches(&text),
                "{pointer}"
            );
        }
        // Every free-text field of the full record (enum codes excluded).
        assert!(checked >= 100, "{checked}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_word_placed_in_any_text_field_is_found(
            word in "[\\p{L}\\p{N}]{1,12}",
            pick in any::<prop::sample::Index>(),
        ) {
            let record = full_json();
            let leaves: Vec<String> = string_leaves(&record)
                .into_iter()
                .filter(|p| !bookkeeping(p) && with_text_at(&record, p, "x").is_some())
                .collect();
            let pointer = &leaves[pick.index(leaves.len())];
            let s = with_text_at(&record, pointer, &format!("some {word} text")).unwrap();
            prop_assert!(Query::parse(&word).matches(&SearchText::of(&s)), "{} {}", pointer, word);
        }

        #[test]
        fn find_in_agrees_with_a_plain_search_of_every_position(
            text in "([aAbB İıẞß\u{307}\n\\\\<]|x){0,40}",
            query in "([aAbB İıẞß\"\\\\<]){0,8}",
        ) {
            let q = Query::parse(&query);
            let got = q.find_in(&text);
            prop_assert_eq!(&got, &naive_find(&q, &text));
            for r in &got {
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(r.start < r.end);
            }
            for pair in got.windows(2) {
                prop_assert!(pair[0].end < pair[1].start);
            }
        }
    }

    /// Folded units of `text` (a whitespace run is one space) with the original span of each.
    fn units(text: &str) -> Vec<(char, Range<usize>)> {
        let mut out: Vec<(char, Range<usize>)> = Vec::new();
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            if c == '\\' && text[end..].starts_with(|n: char| n.is_ascii_punctuation()) {
                continue;
            }
            if c.is_whitespace() {
                match out.last_mut() {
                    Some((' ', span)) if span.end == at => span.end = end,
                    _ => out.push((' ', at..end)),
                }
            } else {
                out.extend(c.to_lowercase().map(|l| (l, at..end)));
            }
        }
        out
    }

    /// Every position, every term: the slow reference for `find_in`.
    fn naive_find(q: &Query, text: &str) -> Vec<Range<usize>> {
        let units = units(text);
        let mut found: Vec<Range<usize>> = Vec::new();
        for term in q.terms() {
            let pattern: Vec<char> = term.chars().collect();
            for i in 0..units.len() {
                let window = &units[i..(i + pattern.len()).min(units.len())];
                if window.len() == pattern.len()
                    && window.iter().zip(&pattern).all(|((c, _), p)| c == p)
                {
                    found.push(window[0].1.start..window[window.len() - 1].1.end);
                }
            }
        }
        found.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in found {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }

    #[test]
    fn find_in_gives_original_byte_ranges() {
        let q = Query::parse("cell \"bone marrow\"");
        let text = "Stem CELLS from Bone\n  Marrow; cells";
        let got = q.find_in(text);
        let shown: Vec<&str> = got.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, ["CELL", "Bone\n  Marrow", "cell"]);
        // Overlapping and touching occurrences become one range.
        assert_eq!(Query::parse("aa").find_in("xaaaay"), [1..5]);
        assert_eq!(Query::parse("foo bar").find_in("foobar"), [0..6]);
        // Characters whose lowercase has another length: İ (2 bytes) → i̇ (3 bytes), ẞ → ß.
        let text = "xİy STRAẞE";
        assert_eq!(Query::parse("i").find_in(text), [1..3]);
        assert_eq!(Query::parse("i\u{307}y").find_in(text), [1..4]);
        assert_eq!(Query::parse("straße").find_in(text), [5..text.len()]);
        // Markdown escapes are not text: `\\<30` is found by `<30`.
        let text = r"BMI \<30 or \* x";
        assert_eq!(Query::parse("\"bmi <30\"").find_in(text), [0..8]);
        assert_eq!(Query::parse("<30").find_in(text), [5..8]);
        assert_eq!(Query::parse(r"\<30").find_in(text), [5..8]);
        assert_eq!(Query::parse("\"or * x\"").find_in(text), [9..text.len()]);
        assert!(Query::parse("").find_in(text).is_empty());
        assert!(Query::parse("zz").find_in(text).is_empty());
    }

    #[test]
    fn find_in_stays_linear_on_a_megabyte_of_matches() {
        // Every position starts a match of the long term, and of the short one.
        let text = "a".repeat(1 << 20);
        let q = Query::parse(&format!("{} a", "a".repeat(200)));
        assert_eq!(q.find_in(&text), [0..text.len()]);
        let text = "ab ".repeat(350_000);
        let q = Query::parse("\"ab ab\" b");
        assert_eq!(q.find_in(&text), [0..text.len() - 1]);
    }
}
