//! Narrowing the collection: the search text, the facet filters and the sort order — a
//! [`View`] — and how a view is written into and read back from a URL fragment.
//!
//! Within one facet the chosen values are alternatives (status Recruiting *or* Completed);
//! the facets and the search all have to hold. A record that does not give a facet's value
//! does not pass that facet's filter.

use crate::collection::search::{Query, SearchText};
use crate::collection::sort::SortKey;
use crate::model::{CtEnum, Phase, Sex, Status, StudyType};
use crate::Study;

/// What the user narrowed the collection to, and how it is sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// The search text as typed.
    pub search: String,
    /// Overall statuses to keep (empty: any).
    pub statuses: Vec<Status>,
    /// Phases to keep: a record passes when one of its phases is chosen (empty: any).
    pub phases: Vec<Phase>,
    /// Study types to keep (empty: any).
    pub study_types: Vec<StudyType>,
    /// Sexes a trial must accept: a trial open to `ALL` accepts either (empty: any).
    pub sexes: Vec<Sex>,
    /// An age in years the trial must accept (between its minimum and maximum age; a bound
    /// it does not give does not limit it).
    pub age: Option<u32>,
    /// Source layouts to keep, by `trialcards.source.layout` name (empty: any; a blank name
    /// chooses nothing).
    pub layouts: Vec<String>,
    /// Keep only trials with posted results (`Some(true)`) or only those without.
    pub has_results: Option<bool>,
    /// The sort order.
    pub sort: SortKey,
    /// Whether the sort is descending.
    pub descending: bool,
}

/// A filter whose values are turned on and off one at a time (a menu of checkboxes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    /// [`View::statuses`].
    Status,
    /// [`View::phases`].
    Phase,
    /// [`View::study_types`].
    StudyType,
    /// [`View::sexes`].
    Sex,
    /// [`View::layouts`].
    Source,
}

impl Facet {
    /// Every facet, in the order the toolbar shows them.
    pub const ALL: &'static [Facet] = &[
        Facet::Status,
        Facet::Phase,
        Facet::StudyType,
        Facet::Sex,
        Facet::Source,
    ];

    /// Its key in the URL fragment ([`View::to_fragment`]): `status`, `phase`, `type`, `sex`,
    /// `source`.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Status => "status",
            Facet::Phase => "phase",
            Facet::StudyType => "type",
            Facet::Sex => "sex",
            Facet::Source => "source",
        }
    }
}

impl View {
    /// Turns `value` on in `facet` when it is off, and off when it is on. The value is a
    /// CT.gov code (in any case), or for [`Facet::Source`] a layout name; a code the facet
    /// does not know, or a blank name, changes nothing.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        match facet {
            Facet::Status => flip(&mut self.statuses, code(value)),
            Facet::Phase => flip(&mut self.phases, code(value)),
            Facet::StudyType => flip(&mut self.study_types, code(value)),
            Facet::Sex => flip(&mut self.sexes, code(value)),
            Facet::Source => flip(
                &mut self.layouts,
                Some(value.to_string()).filter(|v| !v.is_empty()),
            ),
        }
    }

    /// The results filter by name, as the fragment and the toolbar's menu write it: `yes`
    /// (only trials with posted results), `no`, or empty for any.
    pub fn results_name(&self) -> &'static str {
        match self.has_results {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        }
    }

    /// Sets the results filter from its name ([`View::results_name`]; also `true` and
    /// `false`, in any case); any other name is any.
    pub fn set_results(&mut self, name: &str) {
        self.has_results = results_named(name);
    }

    /// Whether any filter or the search narrows the collection.
    pub fn is_narrowed(&self) -> bool {
        !Query::parse(&self.search).is_empty()
            || !self.statuses.is_empty()
            || !self.phases.is_empty()
            || !self.study_types.is_empty()
            || !self.sexes.is_empty()
            || self.age.is_some()
            || self.layouts.iter().any(|l| !l.is_empty())
            || self.has_results.is_some()
    }

    /// The view without its search and filters, sorted as it is ("Clear filters").
    pub fn cleared(&self) -> View {
        View {
            sort: self.sort,
            descending: self.descending,
            ..View::default()
        }
    }

    /// A matcher for this view's filters, with the query parsed once.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher {
            view: self,
            query: Query::parse(&self.search),
        }
    }

    /// The view in its normal form, the one [`View::from_fragment`] gives back: each list's
    /// values once, CT.gov codes in CT.gov's order ([`CtEnum::ALL`]), layout names sorted
    /// with blank ones dropped. The search text, age, results, sort and order are kept as
    /// they are. Filtering does not depend on the form: a view and its normal form keep the
    /// same records.
    pub fn normalized(&self) -> View {
        let mut layouts: Vec<String> = self
            .layouts
            .iter()
            .filter(|l| !l.is_empty())
            .cloned()
            .collect();
        layouts.sort();
        layouts.dedup();
        View {
            search: self.search.clone(),
            statuses: in_code_order(&self.statuses),
            phases: in_code_order(&self.phases),
            study_types: in_code_order(&self.study_types),
            sexes: in_code_order(&self.sexes),
            age: self.age,
            layouts,
            has_results: self.has_results,
            sort: self.sort,
            descending: self.descending,
        }
    }

    /// The view as a URL fragment without the `#` (`q=stem%20cell&status=RECRUITING&sort=start`);
    /// empty for the default view. Only what differs from the default is written.
    ///
    /// Keys, in this order: `q` (the search text as typed), `status`, `phase`, `type`, `sex`
    /// (CT.gov codes, comma-separated, in the normal form of [`View::normalized`]), `source`
    /// (layout names, comma-separated), `results` (`yes` or `no`), `sort`
    /// ([`SortKey::name`], left out for the loaded order) and `order` (`desc` when
    /// descending). Values are percent-encoded as UTF-8: every byte but the unreserved ASCII
    /// `A–Z a–z 0–9 - . _ ~`, so a comma inside a value (`%2C`) never splits it.
    /// The age a trial must accept is never written: an age typed to screen a person is
    /// health data, and the address is shared, bookmarked and kept in the history.
    /// `View::from_fragment(&view.to_fragment())` is `view.normalized()` without its age.
    pub fn to_fragment(&self) -> String {
        let v = self.normalized();
        let mut parts: Vec<String> = Vec::new();
        let mut put = |key: &str, value: String| parts.push(format!("{key}={value}"));
        if !v.search.is_empty() {
            put("q", encode(&v.search));
        }
        let codes = |list: Vec<&str>| list.join(",");
        if !v.statuses.is_empty() {
            put(
                Facet::Status.key(),
                codes(v.statuses.iter().map(|s| s.code()).collect()),
            );
        }
        if !v.phases.is_empty() {
            put(
                Facet::Phase.key(),
                codes(v.phases.iter().map(|s| s.code()).collect()),
            );
        }
        if !v.study_types.is_empty() {
            put(
                Facet::StudyType.key(),
                codes(v.study_types.iter().map(|s| s.code()).collect()),
            );
        }
        if !v.sexes.is_empty() {
            put(
                Facet::Sex.key(),
                codes(v.sexes.iter().map(|s| s.code()).collect()),
            );
        }
        if !v.layouts.is_empty() {
            let names: Vec<String> = v.layouts.iter().map(|l| encode(l)).collect();
            put(Facet::Source.key(), names.join(","));
        }
        if v.has_results.is_some() {
            put("results", v.results_name().to_string());
        }
        if v.sort != SortKey::Loaded {
            put("sort", v.sort.name().to_string());
        }
        if v.descending {
            put("order", "desc".to_string());
        }
        parts.join("&")
    }

    /// Reads a fragment written by [`View::to_fragment`] (with or without its `#`). Unknown keys
    /// and values are skipped, so an old or hand-edited bookmark still opens.
    ///
    /// Lenient: codes in any case, `+` as a space, a `%` not followed by two hex digits kept
    /// as it is, bytes that are not UTF-8 replaced by U+FFFD. A key given twice adds to a
    /// list (`status=RECRUITING&status=COMPLETED`) or, for a single value, the last one wins.
    /// The result is in normal form ([`View::normalized`]).
    pub fn from_fragment(fragment: &str) -> Self {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut v = View::default();
        for part in fragment.split('&') {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let items = || value.split(',').map(decode);
            match decode(key).as_str() {
                "q" => v.search = decode(value),
                "status" => v
                    .statuses
                    .extend(items().filter_map(|c| code::<Status>(&c))),
                "phase" => v.phases.extend(items().filter_map(|c| code::<Phase>(&c))),
                "type" => v
                    .study_types
                    .extend(items().filter_map(|c| code::<StudyType>(&c))),
                "sex" => v.sexes.extend(items().filter_map(|c| code::<Sex>(&c))),
                "source" => v.layouts.extend(items()),
                "results" => {
                    if let Some(yes) = results_named(&decode(value)) {
                        v.has_results = Some(yes);
                    }
                }
                "sort" => {
                    if let Some(key) = SortKey::from_name(&decode(value).to_lowercase()) {
                        v.sort = key;
                    }
                }
                "order" => match decode(value).to_lowercase().as_str() {
                    "desc" => v.descending = true,
                    "asc" => v.descending = false,
                    _ => {}
                },
                _ => {}
            }
        }
        v.normalized()
    }
}

/// Adds `value` to `chosen`, or takes it out when it is there already; `None` changes nothing.
fn flip<T: PartialEq>(chosen: &mut Vec<T>, value: Option<T>) {
    let Some(value) = value else { return };
    match chosen.iter().position(|v| *v == value) {
        Some(at) => {
            chosen.remove(at);
        }
        None => chosen.push(value),
    }
}

/// The results filter a name chooses: `yes`/`true`, `no`/`false` in any case; `None` for any
/// other.
fn results_named(name: &str) -> Option<bool> {
    match name.trim().to_lowercase().as_str() {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    }
}

/// `values` once each, in the enum's order.
fn in_code_order<E: CtEnum + PartialEq>(values: &[E]) -> Vec<E> {
    E::ALL
        .iter()
        .copied()
        .filter(|e| values.contains(e))
        .collect()
}

/// The value whose CT.gov code is `text`, in any case.
fn code<E: CtEnum>(text: &str) -> Option<E> {
    E::from_code(text.trim().to_uppercase().as_str())
}

/// Percent-encodes `text` as UTF-8: everything but the unreserved ASCII `A–Z a–z 0–9 - . _ ~`.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Decodes percent-encoding leniently: `+` is a space, a `%` without two hex digits after it
/// stays as it is, and bytes that are not UTF-8 become U+FFFD.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hex = |at: usize| bytes.get(at).and_then(|h| (*h as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A view's filters, ready to test many records.
#[derive(Debug, Clone)]
pub struct Matcher<'a> {
    view: &'a View,
    query: Query,
}

impl Matcher<'_> {
    /// The parsed search query.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Whether `study` (with its searchable text) passes every filter and the search.
    ///
    /// Sex: a trial open to `ALL` accepts `FEMALE` and `MALE`. Age: a trial accepts an age
    /// between its minimum and maximum ([`age_in_years`]); a bound it does not give (or that
    /// cannot be read) does not limit it, so a trial with neither accepts any age. Results:
    /// a record that does not say counts as having none.
    pub fn matches(&self, study: &Study, text: &SearchText) -> bool {
        let v = self.view;
        let p = &study.protocol_section;
        chosen(&v.statuses, p.status_module.overall_status)
            && (v.phases.is_empty() || p.design_module.phases.iter().any(|x| v.phases.contains(x)))
            && chosen(&v.study_types, p.design_module.study_type)
            && (v.sexes.is_empty()
                || p.eligibility_module
                    .sex
                    .is_some_and(|sex| v.sexes.iter().any(|want| *want == sex || sex == Sex::All)))
            && v.age.is_none_or(|age| accepts_age(study, age))
            && (v.layouts.iter().all(String::is_empty)
                || v.layouts
                    .iter()
                    .any(|l| !l.is_empty() && *l == study.trialcards.source.layout))
            && v.has_results
                .is_none_or(|want| study.has_posted_results() == want)
            && self.query.matches(text)
    }
}

/// Whether `value` is one of `list`, or `list` is empty (any value, even none, passes).
fn chosen<T: PartialEq>(list: &[T], value: Option<T>) -> bool {
    list.is_empty() || value.is_some_and(|x| list.contains(&x))
}

/// Whether `study` accepts someone aged `age` years.
fn accepts_age(study: &Study, age: u32) -> bool {
    let e = &study.protocol_section.eligibility_module;
    let age = f64::from(age);
    let min = e.minimum_age.as_deref().and_then(age_in_years);
    let max = e.maximum_age.as_deref().and_then(age_in_years);
    min.is_none_or(|min| min <= age) && max.is_none_or(|max| age <= max)
}

/// An age such as "18 Years" or "6 Months" in years (fractional), for the age filter.
///
/// A number (decimals allowed) and a unit, in any case, singular or plural: years, months
/// (a twelfth of a year), weeks, days (of a 365.25-day year), hours, minutes; a number alone
/// is years. `None` for anything else ("N/A", "").
pub fn age_in_years(age: &str) -> Option<f64> {
    let age = age.trim();
    let split = age
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(age.len());
    let (number, unit) = age.split_at(split);
    let number: f64 = number.parse().ok().filter(|n: &f64| n.is_finite())?;
    const DAY: f64 = 1.0 / 365.25;
    let per_unit = match unit.trim().to_lowercase().as_str() {
        "" | "year" | "years" | "yr" | "yrs" | "y" => 1.0,
        "month" | "months" | "mo" | "mos" => 1.0 / 12.0,
        "week" | "weeks" | "wk" | "wks" => 7.0 * DAY,
        "day" | "days" | "d" => DAY,
        "hour" | "hours" | "hr" | "hrs" | "h" => DAY / 24.0,
        "minute" | "minutes" | "min" | "mins" => DAY / 1440.0,
        _ => return None,
    };
    Some(number * per_unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::test_records::study;
    use proptest::prelude::*;
    use serde_json::json;

    fn trial(eligibility: serde_json::Value) -> Study {
        study(json!({
            "protocolSection": {
                "identificationModule": {"briefTitle": "Rest for Fatigue"},
                "statusModule": {"overallStatus": "RECRUITING"},
                "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1", "PHASE2"]},
                "eligibilityModule": eligibility
            },
            "trialcards": {"source": {"fileName": "a.txt", "layout": "veeva", "byteLength": 1}}
        }))
    }

    fn passes(view: &View, s: &Study) -> bool {
        view.matcher().matches(s, &SearchText::of(s))
    }

    #[test]
    fn ages_in_years() {
        let cases = [
            ("18 Years", Some(18.0)),
            ("1 Year", Some(1.0)),
            (" 6 Months ", Some(0.5)),
            ("2 Weeks", Some(14.0 / 365.25)),
            ("3 days", Some(3.0 / 365.25)),
            ("12 Hours", Some(0.5 / 365.25)),
            ("30 Minutes", Some(30.0 / 1440.0 / 365.25)),
            ("18", Some(18.0)),
            ("2.5 years", Some(2.5)),
            ("N/A", None),
            ("", None),
            ("Years", None),
            ("18 fortnights", None),
        ];
        for (text, want) in cases {
            let got = age_in_years(text);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-12, "{text}: {g}"),
                _ => assert_eq!(got, want, "{text}"),
            }
        }
    }

    #[test]
    fn sex_all_accepts_either() {
        let all = trial(json!({"sex": "ALL"}));
        let women = trial(json!({"sex": "FEMALE"}));
        let unsaid = trial(json!({}));
        let want = |sexes: Vec<Sex>| View {
            sexes,
            ..View::default()
        };
        assert!(passes(&want(vec![Sex::Female]), &all));
        assert!(passes(&want(vec![Sex::Male]), &all));
        assert!(passes(&want(vec![Sex::Female]), &women));
        assert!(!passes(&want(vec![Sex::Male]), &women));
        assert!(passes(&want(vec![Sex::Male, Sex::Female]), &women));
        assert!(!passes(&want(vec![Sex::All]), &women));
        assert!(!passes(&want(vec![Sex::Female]), &unsaid));
        assert!(passes(&want(vec![]), &unsaid));
    }

    #[test]
    fn an_age_between_the_bounds_a_trial_gives() {
        let at = |age: u32, s: &Study| {
            passes(
                &View {
                    age: Some(age),
                    ..View::default()
                },
                s,
            )
        };
        let adults = trial(json!({"minimumAge": "18 Years", "maximumAge": "65 Years"}));
        assert!(at(18, &adults) && at(40, &adults) && at(65, &adults));
        assert!(!at(17, &adults) && !at(66, &adults));
        let from_18 = trial(json!({"minimumAge": "18 Years"}));
        assert!(at(99, &from_18) && !at(17, &from_18));
        let babies = trial(json!({"maximumAge": "6 Months"}));
        assert!(at(0, &babies) && !at(1, &babies));
        let unreadable = trial(json!({"minimumAge": "N/A", "maximumAge": "12 Years"}));
        assert!(at(0, &unreadable) && !at(13, &unreadable));
        let anyone = trial(json!({}));
        assert!(at(0, &anyone) && at(120, &anyone));
    }

    #[test]
    fn facets_are_alternatives_within_and_all_hold_together() {
        let s = trial(json!({}));
        let mut v = View {
            statuses: vec![Status::Completed, Status::Recruiting],
            phases: vec![Phase::Phase2, Phase::Phase4],
            study_types: vec![StudyType::Interventional],
            layouts: vec!["meddatax".into(), "veeva".into()],
            search: "fatigue \"rest for\"".into(),
            ..View::default()
        };
        assert!(passes(&v, &s));
        v.search = "fatigue sleep".into();
        assert!(!passes(&v, &s));
        v.search.clear();
        v.phases = vec![Phase::Phase3];
        assert!(!passes(&v, &s));
        v.phases.clear();
        v.layouts = vec!["meddatax".into()];
        assert!(!passes(&v, &s));
        v.layouts.clear();
        v.statuses = vec![Status::Completed];
        assert!(!passes(&v, &s));
        // A record that does not give a facet's value does not pass it.
        let bare = study(json!({}));
        for v in [
            View {
                statuses: vec![Status::Recruiting],
                ..View::default()
            },
            View {
                phases: vec![Phase::Phase1],
                ..View::default()
            },
            View {
                study_types: vec![StudyType::Interventional],
                ..View::default()
            },
            View {
                layouts: vec!["veeva".into()],
                ..View::default()
            },
        ] {
            assert!(!passes(&v, &bare), "{v:?}");
        }
        assert!(passes(&View::default(), &bare));
        // A blank layout name chooses nothing, as in the view's normal form.
        let blank = View {
            layouts: vec![String::new()],
            ..View::default()
        };
        assert!(passes(&blank, &bare) && passes(&blank, &s));
        assert!(!blank.is_narrowed());
    }

    #[test]
    fn results_unsaid_count_as_none() {
        let view = |has| View {
            has_results: Some(has),
            ..View::default()
        };
        let unsaid = study(json!({}));
        let with = study(json!({"hasResults": true}));
        let without = study(json!({"hasResults": false}));
        assert!(passes(&view(true), &with) && !passes(&view(false), &with));
        assert!(!passes(&view(true), &without) && passes(&view(false), &without));
        assert!(!passes(&view(true), &unsaid) && passes(&view(false), &unsaid));
    }

    #[test]
    fn clearing_keeps_only_the_sort() {
        let view = View::from_fragment("q=knee&status=RECRUITING&age=40&sort=start&order=desc");
        let cleared = view.cleared();
        assert!(!cleared.is_narrowed());
        assert_eq!(cleared.to_fragment(), "sort=start&order=desc");
    }

    #[test]
    fn is_narrowed_by_a_filter_or_a_real_search() {
        assert!(!View::default().is_narrowed());
        let spaces = View {
            search: "  \"\" ".into(),
            sort: SortKey::Title,
            descending: true,
            ..View::default()
        };
        assert!(!spaces.is_narrowed());
        assert!(View {
            age: Some(3),
            ..View::default()
        }
        .is_narrowed());
    }

    #[test]
    fn fragments_written() {
        assert_eq!(View::default().to_fragment(), "");
        let v = View {
            search: "stem cell, \"bone\" & more".into(),
            statuses: vec![Status::Completed, Status::Recruiting, Status::Completed],
            phases: vec![Phase::Phase2, Phase::EarlyPhase1],
            study_types: vec![StudyType::Observational],
            sexes: vec![Sex::Female],
            age: Some(40),
            layouts: vec!["veeva".into(), "a,b".into(), String::new()],
            has_results: Some(false),
            sort: SortKey::StartDate,
            descending: true,
        };
        assert_eq!(
            v.to_fragment(),
            "q=stem%20cell%2C%20%22bone%22%20%26%20more&status=COMPLETED,RECRUITING\
             &phase=EARLY_PHASE1,PHASE2&type=OBSERVATIONAL&sex=FEMALE\
             &source=a%2Cb,veeva&results=no&sort=start&order=desc"
        );
        // The age is health data: never in the address.
        assert_eq!(
            View::from_fragment(&v.to_fragment()),
            View {
                age: None,
                ..v.normalized()
            }
        );
        let only_order = View {
            descending: true,
            ..View::default()
        };
        assert_eq!(only_order.to_fragment(), "order=desc");
    }

    #[test]
    fn fragments_read_leniently() {
        let v = View::from_fragment(
            "#q=knee+pain%zz%4&status=recruiting,NOPE,,COMPLETED&status=WITHDRAWN&phase=PHASE9\
             &age=abc&age=12&results=YES&sort=bogus&order=desc&colour=blue&source=%FFx&=&&junk",
        );
        assert_eq!(v.search, "knee pain%zz%4");
        assert_eq!(
            v.statuses,
            [Status::Completed, Status::Recruiting, Status::Withdrawn]
        );
        assert!(v.phases.is_empty());
        assert_eq!(v.age, None, "an age in an old bookmark is not read");
        assert_eq!(v.has_results, Some(true));
        assert_eq!(v.sort, SortKey::Loaded);
        assert!(v.descending);
        assert_eq!(v.layouts, ["\u{FFFD}x"]);
        assert_eq!(View::from_fragment(""), View::default());
        assert_eq!(View::from_fragment("#"), View::default());
        assert_eq!(View::from_fragment("q="), View::default());
    }

    #[test]
    fn percent_encoding() {
        assert_eq!(encode("aZ09-._~"), "aZ09-._~");
        assert_eq!(encode("a b+c/é"), "a%20b%2Bc%2F%C3%A9");
        assert_eq!(decode("a%20b%2bc%2F%C3%A9"), "a b+c/é");
        assert_eq!(decode("a+b%"), "a b%");
        assert_eq!(decode("%C3"), "\u{FFFD}");
        assert_eq!(decode("%g1%1"), "%g1%1");
    }

    /// A few different records, for checking that a view and its normal form filter alike.
    fn samples() -> &'static [Study] {
        static SAMPLES: std::sync::OnceLock<Vec<Study>> = std::sync::OnceLock::new();
        SAMPLES.get_or_init(|| {
            let mut bare_layout = trial(json!({"sex": "MALE", "maximumAge": "30 Years"}));
            bare_layout.trialcards.source.layout.clear();
            vec![
                trial(json!({"sex": "ALL", "minimumAge": "18 Years"})),
                bare_layout,
                study(json!({"hasResults": true})),
                crate::collection::test_records::full(),
            ]
        })
    }

    /// Up to four values of `E`, repeats and any order allowed.
    fn pick<E: CtEnum + std::fmt::Debug>() -> impl Strategy<Value = Vec<E>> {
        prop::collection::vec(prop::sample::select(E::ALL), 0..4)
    }

    fn any_view() -> impl Strategy<Value = View> {
        (
            prop_oneof![any::<String>(), "[ a-z&=#%,+\"éİ\u{1F600}]{0,12}"],
            pick::<Status>(),
            pick::<Phase>(),
            pick::<StudyType>(),
            pick::<Sex>(),
            prop::option::of(any::<u32>()),
            prop::collection::vec(prop_oneof![any::<String>(), "[a-z,&=#% ]{0,6}"], 0..4),
            prop::option::of(any::<bool>()),
            prop::sample::select(SortKey::ALL),
            any::<bool>(),
        )
            .prop_map(
                |(
                    search,
                    statuses,
                    phases,
                    study_types,
                    sexes,
                    age,
                    layouts,
                    has_results,
                    sort,
                    descending,
                )| View {
                    search,
                    statuses,
                    phases,
                    study_types,
                    sexes,
                    age,
                    layouts,
                    has_results,
                    sort,
                    descending,
                },
            )
    }

    proptest! {
        #[test]
        fn a_view_survives_its_fragment(view in any_view()) {
            // The age is health data and never in the address; the rest survives.
            let view = View { age: None, ..view };
            let fragment = view.to_fragment();
            prop_assert!(fragment.bytes().all(|b| b.is_ascii_graphic() && b != b'#'), "{}", fragment);
            let back = View::from_fragment(&fragment);
            prop_assert_eq!(&back, &view.normalized());
            prop_assert_eq!(View::from_fragment(&format!("#{fragment}")), back.clone());
            // The normal form is a fixed point, and filters the same way.
            prop_assert_eq!(back.normalized(), back.clone());
            prop_assert_eq!(back.to_fragment(), fragment);
            for s in samples() {
                prop_assert_eq!(passes(&view, s), passes(&back, s));
            }
            prop_assert_eq!(view.is_narrowed(), back.is_narrowed());
        }

        #[test]
        fn any_fragment_reads_without_panic(fragment in any::<String>()) {
            let v = View::from_fragment(&fragment);
            prop_assert_eq!(v.normalized(), v);
        }
    }

    #[test]
    fn a_toggled_value_goes_on_then_off_and_is_written_under_its_facets_key() {
        let mut v = View::default();
        v.toggle(Facet::Status, "RECRUITING");
        v.toggle(Facet::Phase, "phase2");
        v.toggle(Facet::StudyType, "INTERVENTIONAL");
        v.toggle(Facet::Sex, "FEMALE");
        v.toggle(Facet::Source, "veeva");
        assert_eq!(v.statuses, [Status::Recruiting]);
        assert_eq!(v.phases, [Phase::Phase2]);
        let written = v.to_fragment();
        for facet in Facet::ALL {
            assert!(written.contains(&format!("{}=", facet.key())), "{written}");
        }
        assert_eq!(View::from_fragment(&written), v.normalized());
        for facet in Facet::ALL {
            let value = match facet {
                Facet::Status => "RECRUITING",
                Facet::Phase => "PHASE2",
                Facet::StudyType => "INTERVENTIONAL",
                Facet::Sex => "FEMALE",
                Facet::Source => "veeva",
            };
            v.toggle(*facet, value);
        }
        assert_eq!(v, View::default());
        // Unknown codes and blank names change nothing.
        v.toggle(Facet::Status, "SOMETIMES");
        v.toggle(Facet::Source, "");
        assert_eq!(v, View::default());
    }

    #[test]
    fn the_results_filter_reads_and_writes_its_names() {
        let mut v = View::default();
        assert_eq!(v.results_name(), "");
        v.set_results("yes");
        assert_eq!((v.has_results, v.results_name()), (Some(true), "yes"));
        v.set_results("False");
        assert_eq!((v.has_results, v.results_name()), (Some(false), "no"));
        assert_eq!(
            View::from_fragment(&v.to_fragment()).has_results,
            Some(false)
        );
        v.set_results("");
        assert_eq!(v.has_results, None);
    }
}
