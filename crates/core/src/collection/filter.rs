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
    /// Source layouts to keep, by `trialcards.source.layout` name (empty: any).
    pub layouts: Vec<String>,
    /// Keep only trials with posted results (`Some(true)`) or only those without.
    pub has_results: Option<bool>,
    /// The sort order.
    pub sort: SortKey,
    /// Whether the sort is descending.
    pub descending: bool,
}

impl View {
    /// Whether any filter or the search narrows the collection.
    pub fn is_narrowed(&self) -> bool {
        !Query::parse(&self.search).is_empty()
            || !self.statuses.is_empty()
            || !self.phases.is_empty()
            || !self.study_types.is_empty()
            || !self.sexes.is_empty()
            || self.age.is_some()
            || !self.layouts.is_empty()
            || self.has_results.is_some()
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
    /// (CT.gov codes, comma-separated, in the normal form of [`View::normalized`]), `age`
    /// (years), `source` (layout names, comma-separated), `results` (`yes` or `no`), `sort`
    /// ([`SortKey::name`], left out for the loaded order) and `order` (`desc` when
    /// descending). Values are percent-encoded as UTF-8: every byte but the unreserved ASCII
    /// `A–Z a–z 0–9 - . _ ~`, so a comma inside a value (`%2C`) never splits it.
    /// `View::from_fragment(&view.to_fragment()) == view.normalized()` for every view.
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
                "status",
                codes(v.statuses.iter().map(|s| s.code()).collect()),
            );
        }
        if !v.phases.is_empty() {
            put("phase", codes(v.phases.iter().map(|s| s.code()).collect()));
        }
        if !v.study_types.is_empty() {
            put(
                "type",
                codes(v.study_types.iter().map(|s| s.code()).collect()),
            );
        }
        if !v.sexes.is_empty() {
            put("sex", codes(v.sexes.iter().map(|s| s.code()).collect()));
        }
        if let Some(age) = v.age {
            put("age", age.to_string());
        }
        if !v.layouts.is_empty() {
            let names: Vec<String> = v.layouts.iter().map(|l| encode(l)).collect();
            put("source", names.join(","));
        }
        if let Some(yes) = v.has_results {
            put("results", if yes { "yes" } else { "no" }.to_string());
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
                "age" => {
                    if let Ok(age) = decode(value).trim().parse::<u32>() {
                        v.age = Some(age);
                    }
                }
                "source" => v.layouts.extend(items()),
                "results" => match decode(value).to_lowercase().as_str() {
                    "yes" | "true" => v.has_results = Some(true),
                    "no" | "false" => v.has_results = Some(false),
                    _ => {}
                },
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
            && (v.layouts.is_empty() || v.layouts.contains(&study.trialcards.source.layout))
            && v.has_results
                .is_none_or(|want| study.has_results.unwrap_or(false) == want)
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
