//! The first check of one person against a record: the facts given (age, sex, whether a
//! healthy volunteer, measurements) against the record's ages, sex and healthy-volunteer
//! field and against each criterion's thresholds. A trial *excludes* the person when a fact
//! is outside those; otherwise the person is *possible*, with the criteria a person must still
//! read. It never says "eligible": most criteria are words, not numbers.
//!
//! How a criterion's thresholds count: an inclusion criterion excludes when a threshold is not
//! met, an exclusion criterion when one is (an inclusion criterion that starts "No …" counts
//! as an exclusion). Thresholds joined by "or" are alternatives (all must fail to exclude); a
//! criterion that names a condition ("if", "unless", "for patients with …") decides only when
//! all its thresholds agree. Nested items are all required, unless their lead-in says "one of
//! the following". Units are converted only where the conversion is exact (`units::convert`);
//! otherwise the criterion is left for a person to read.

use serde::Serialize;

use super::numbers::parse_number;
use super::tokens::{tokens, Kind};
use super::units::{self, read_unit, unit_for, Spelled};
use crate::collection::filter::age_in_years;
use crate::model::{Comparator, CriterionItem, Sex, Study, Threshold, Unit, Variable};

/// The sex of the person checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatientSex {
    /// Female.
    Female,
    /// Male.
    Male,
}

/// What is known of the person checked. Health data: the core keeps nothing of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patient {
    /// Age in years (fractions allowed).
    pub age: Option<f64>,
    /// Sex.
    pub sex: Option<PatientSex>,
    /// Whether the person is a healthy volunteer.
    pub healthy: Option<bool>,
    /// Measurements ("anc=1.2x10^9/L").
    pub facts: Vec<Fact>,
}

/// One measurement of the person.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// What was measured.
    pub variable: Variable,
    /// The number.
    pub value: f64,
    /// Its unit, if given.
    pub unit: Option<Unit>,
    /// The number as it was written ("1.0"), for the sentences that quote it.
    pub written: String,
}

/// Why a measurement (`VARIABLE=NUMBER[UNIT]`) could not be read. Its message names the
/// variable and what is wrong, never the number given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactError {
    /// There is no `=`.
    NoValue,
    /// The name is none of [`Variable`]'s codes.
    UnknownVariable(String),
    /// What follows `=` does not start with a number.
    NotANumber(Variable),
    /// The unit after the number is not one trialcards knows.
    UnknownUnit(Variable),
    /// The variable is not measured in that unit.
    WrongUnit(Variable, Unit),
}

impl std::fmt::Display for FactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let units = |v: &Variable| {
            let list: Vec<&str> = units::allowed(*v).iter().map(|u| u.code()).collect();
            if list.is_empty() {
                "no unit".to_string()
            } else {
                list.join(", ")
            }
        };
        match self {
            FactError::NoValue => write!(
                f,
                "a measurement is written VARIABLE=NUMBER[UNIT], such as anc=1.2x10^9/L; this \
                 one has no '='"
            ),
            FactError::UnknownVariable(name) => {
                let names: Vec<&str> = Variable::ALL.iter().map(|v| v.code()).collect();
                write!(
                    f,
                    "unknown variable '{name}': use one of {}",
                    names.join(", ")
                )
            }
            FactError::NotANumber(v) => write!(
                f,
                "{}: the value is not a number (write {}=NUMBER[UNIT])",
                v.code(),
                v.code()
            ),
            FactError::UnknownUnit(v) => write!(
                f,
                "{}: the unit is not one trialcards knows ({} takes {})",
                v.code(),
                v.code(),
                units(v)
            ),
            FactError::WrongUnit(v, unit) => write!(
                f,
                "{}: {} is not measured in {} (it takes {})",
                v.code(),
                v.code(),
                unit.code(),
                units(v)
            ),
        }
    }
}

impl std::error::Error for FactError {}

impl Fact {
    /// Reads `VARIABLE=NUMBER[UNIT]`: a variable's code (`anc`, `life_expectancy`; `-` for `_`
    /// too, any case), `=`, a number (a decimal comma allowed) and optionally a unit in any
    /// spelling criteria use (`1.2x10^9/L`, `1200/mm3`, `1.1 mg/dL`, `6months`).
    pub fn parse(spec: &str) -> Result<Fact, FactError> {
        let (name, value) = spec.split_once('=').ok_or(FactError::NoValue)?;
        let code = name.trim().to_ascii_lowercase().replace('-', "_");
        let variable = Variable::from_code(&code)
            .ok_or_else(|| FactError::UnknownVariable(name.trim().into()))?;
        let value = value.trim();
        let digits = value
            .char_indices()
            .take_while(|&(i, c)| {
                c.is_ascii_digit()
                    || (matches!(c, '.' | ',')
                        && value[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
            })
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if digits == 0 || !value.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(FactError::NotANumber(variable));
        }
        let (number, rest) = value.split_at(digits);
        let rest = rest.trim();
        let (unit, scale) = if rest.is_empty() {
            (None, 1.0)
        } else {
            match read_unit(rest) {
                Some((spelled, n)) if n == rest.len() => match unit_for(variable, spelled) {
                    Ok(unit) => (unit, units::scale(spelled)),
                    Err(()) => match spelled {
                        Spelled::Listed(u) => return Err(FactError::WrongUnit(variable, u)),
                        _ => return Err(FactError::UnknownUnit(variable)),
                    },
                },
                _ => return Err(FactError::UnknownUnit(variable)),
            }
        };
        let count = matches!(unit, Some(Unit::PerUl | Unit::CellsPerUl));
        let value = parse_number(number, count).ok_or(FactError::NotANumber(variable))?;
        // "15x10^4/uL" is 150 10^9/L, and is written so.
        let written = if scale == 1.0 {
            number.to_string()
        } else {
            shown(value * scale)
        };
        Ok(Fact {
            variable,
            value: value * scale,
            unit,
            written,
        })
    }
}

/// What the check says of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictKind {
    /// A fact given is outside what the record accepts.
    Excluded,
    /// Nothing given rules the person out; the criteria in `unchecked` need reading.
    Possible,
}

/// What a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReasonKind {
    /// The record's minimum or maximum age.
    Age,
    /// The sex the record takes.
    Sex,
    /// Whether it takes healthy volunteers.
    Healthy,
    /// An inclusion criterion.
    Inclusion,
    /// An exclusion criterion.
    Exclusion,
}

/// Why the record excludes the person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// What it is about.
    pub kind: ReasonKind,
    /// The criterion's text, for a criterion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The criterion's source lines, `[first, last]`, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<[usize; 2]>,
    /// A sentence: "age 72 is over the maximum 65 Years".
    pub why: String,
}

/// A criterion the check could not decide: a person must read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unchecked {
    /// Inclusion or exclusion.
    pub kind: ReasonKind,
    /// The criterion's text.
    pub criterion: String,
    /// Its source lines, `[first, last]`, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<[usize; 2]>,
    /// Why it is left: "no threshold read from it", "needs ANC (not given)" …
    pub why: String,
}

/// The check of one record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// The record's NCT ID.
    pub nct_id: Option<String>,
    /// Excluded or possible.
    pub verdict: VerdictKind,
    /// Why it excludes the person (empty when possible).
    pub reasons: Vec<Reason>,
    /// The criteria left for a person to read.
    pub unchecked: Vec<Unchecked>,
}

impl Verdict {
    /// The verdict as one line of JSON (no line break), as `trialcards check` prints it.
    pub fn json_line(&self) -> String {
        // Strings, numbers and lists only: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A number as a sentence writes it: `18`, `1.5`, `0.333`.
fn shown(value: f64) -> String {
    crate::model::threshold::plain_number(value)
}

/// A number and its unit: "1.5 10^9/L", "50%", "2".
fn with_unit(value: &str, unit: Option<Unit>) -> String {
    match unit {
        None => value.to_string(),
        Some(Unit::Percent) => format!("{value}%"),
        Some(u) => format!("{value} {}", u.code()),
    }
}

/// " (line 41)", " (lines 40–42)", or nothing.
fn at_lines(lines: Option<[usize; 2]>) -> String {
    match lines {
        Some([a, b]) if a == b => format!(" (line {a})"),
        Some([a, b]) => format!(" (lines {a}–{b})"),
        None => String::new(),
    }
}

/// The tolerance of a comparison after a conversion (88.42 × 1.5 is 132.63 to the last bit).
fn tolerance(a: f64, b: f64) -> f64 {
    1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether `value` satisfies `comparator` against `bound` (and `upper`).
fn satisfies(value: f64, comparator: Comparator, bound: f64, upper: Option<f64>) -> bool {
    let eps = tolerance(value, bound);
    match comparator {
        Comparator::Less => value < bound - eps,
        Comparator::LessOrEqual => value <= bound + eps,
        Comparator::Greater => value > bound + eps,
        Comparator::GreaterOrEqual => value >= bound - eps,
        Comparator::Equal => (value - bound).abs() <= eps,
        Comparator::Between => {
            let top = upper.unwrap_or(bound);
            value >= bound - eps && value <= top + tolerance(value, top)
        }
    }
}

/// How a criterion's thresholds are read: as an inclusion or an exclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sense {
    Inclusion,
    Exclusion,
}

impl Sense {
    fn kind(self) -> ReasonKind {
        match self {
            Sense::Inclusion => ReasonKind::Inclusion,
            Sense::Exclusion => ReasonKind::Exclusion,
        }
    }
}

/// What a threshold, a criterion or a list of them says of the person.
#[derive(Debug, Clone, PartialEq)]
enum State {
    /// It does not exclude the person.
    Holds,
    /// It excludes the person, for these sentences.
    Excludes(Vec<String>),
    /// Undecided, for this reason.
    Unknown(String),
}

/// Any member excluding excludes (a list of requirements, or of exclusions).
fn any_excludes(states: Vec<State>) -> State {
    let mut why = Vec::new();
    let mut unknown = None;
    for s in states {
        match s {
            State::Excludes(w) => why.extend(w),
            State::Unknown(u) => unknown = unknown.or(Some(u)),
            State::Holds => {}
        }
    }
    if !why.is_empty() {
        State::Excludes(why)
    } else if let Some(u) = unknown {
        State::Unknown(u)
    } else {
        State::Holds
    }
}

/// Only all members excluding excludes (alternatives).
fn all_exclude(states: Vec<State>) -> State {
    if states.is_empty() {
        return State::Holds;
    }
    let mut why = Vec::new();
    let mut unknown = None;
    for s in states {
        match s {
            State::Excludes(w) => why.extend(w),
            State::Unknown(u) => unknown = unknown.or(Some(u)),
            State::Holds => return State::Holds,
        }
    }
    match unknown {
        Some(u) => State::Unknown(u),
        None => State::Excludes(why),
    }
}

/// The person's value of `variable` in `unit`: the number (converted), and how the person's
/// value reads ("creatinine 150 umol/L (1.7 mg/dL)"). `Err` says why it cannot be compared.
fn value_in(
    patient: &Patient,
    variable: Variable,
    unit: Option<Unit>,
) -> Result<(f64, String), String> {
    let label = variable.label();
    let (value, given, written) = match (variable, patient.age) {
        (Variable::Age, Some(age)) => (age, Some(Unit::Years), shown(age)),
        _ => {
            let fact = patient
                .facts
                .iter()
                .find(|f| f.variable == variable)
                .ok_or_else(|| format!("needs {label} (not given)"))?;
            (fact.value, fact.unit, fact.written.clone())
        }
    };
    let usual = units::usual_unit(variable);
    let given_or_usual = given.or(usual);
    let converted = match (given_or_usual, unit) {
        (None, None) => value,
        (Some(g), None) if units::allowed(variable).is_empty() || Some(g) == usual => value,
        (Some(_), None) => {
            return Err(format!("the criterion gives no unit for {label}"));
        }
        (None, Some(u)) => {
            return Err(format!(
                "give {label} with its unit (the criterion is in {})",
                u.code()
            ))
        }
        (Some(g), Some(u)) => units::convert(variable, value, g, u).ok_or_else(|| {
            format!(
                "{label} in {} is not converted to the criterion's {}",
                g.code(),
                u.code()
            )
        })?,
    };
    let mut text = format!("{label} {}", with_unit(&written, given_or_usual));
    if given_or_usual != unit && unit.is_some() {
        text.push_str(&format!(" ({})", with_unit(&shown(converted), unit)));
    }
    Ok((converted, text))
}

/// What one threshold says of the person, read as `sense`; `lines` are its criterion's.
fn judge(t: &Threshold, sense: Sense, patient: &Patient, lines: Option<[usize; 2]>) -> State {
    let (mut value, person) = match value_in(patient, t.variable, t.unit) {
        Ok(v) => v,
        Err(why) => return State::Unknown(why),
    };
    // An age is in completed years (months …) against an upper bound: at 65½ one is 65.
    if t.variable == Variable::Age
        && matches!(t.comparator, Comparator::Less | Comparator::LessOrEqual)
    {
        value = value.floor();
    }
    let met = if t.variable == Variable::Age && t.comparator == Comparator::Between {
        value >= t.value - tolerance(value, t.value) && value.floor() <= t.upper.unwrap_or(t.value)
    } else {
        satisfies(value, t.comparator, t.value, t.upper)
    };
    let bound = with_unit(&shown(t.value), t.unit);
    let range = || {
        format!(
            "{}–{}",
            shown(t.value),
            with_unit(&shown(t.upper.unwrap_or(t.value)), t.unit)
        )
    };
    let at = at_lines(lines);
    match (sense, met) {
        (Sense::Inclusion, true) | (Sense::Exclusion, false) => State::Holds,
        (Sense::Inclusion, false) => State::Excludes(vec![match t.comparator {
            Comparator::GreaterOrEqual => {
                format!("{person} is below the inclusion minimum ≥ {bound}{at}")
            }
            Comparator::Greater => {
                format!("{person} is not above the inclusion minimum > {bound}{at}")
            }
            Comparator::LessOrEqual => {
                format!("{person} is above the inclusion maximum ≤ {bound}{at}")
            }
            Comparator::Less => {
                format!("{person} is not below the inclusion maximum < {bound}{at}")
            }
            Comparator::Between => {
                format!("{person} is outside the inclusion range {}{at}", range())
            }
            Comparator::Equal => format!("{person} is not the inclusion value {bound}{at}"),
        }]),
        (Sense::Exclusion, true) => State::Excludes(vec![match t.comparator {
            Comparator::Between => {
                format!("{person} is within the exclusion range {}{at}", range())
            }
            c => format!("{person} meets the exclusion {} {bound}{at}", c.sign()),
        }]),
    }
}

/// Words of a criterion that say its thresholds hold only under a condition.
const CONDITIONS: &[&str] = &[
    "if",
    "unless",
    "except",
    "excepting",
    "when",
    "provided",
    "whereas",
    "gilbert",
    "gilbert's",
    "gilberts",
    "metastases",
    "metastasis",
    "involvement",
    "women",
    "men",
    "female",
    "male",
    "females",
    "males",
    "children",
    "adults",
    "elderly",
    "respectively",
    "who",
    "otherwise",
    "whichever",
];

/// Words that say nothing a person must check (lead-ins, nouns of the thresholds' kind).
const FILLER: &[&str] = &[
    "adequate",
    "organ",
    "function",
    "functions",
    "bone",
    "marrow",
    "hepatic",
    "renal",
    "liver",
    "kidney",
    "cardiac",
    "hematologic",
    "haematologic",
    "hematological",
    "haematological",
    "laboratory",
    "lab",
    "values",
    "value",
    "defined",
    "as",
    "by",
    "follows",
    "following",
    "patients",
    "patient",
    "subjects",
    "subject",
    "participants",
    "participant",
    "adults",
    "adult",
    "aged",
    "age",
    "with",
    "and",
    "or",
    "the",
    "of",
    "at",
    "screening",
    "baseline",
    "must",
    "have",
    "has",
    "be",
    "should",
    "is",
    "are",
    "levels",
    "level",
    "count",
    "counts",
    "score",
    "status",
    "performance",
    "serum",
    "plasma",
    "blood",
    "total",
    "measured",
    "within",
    "inclusive",
    "years",
    "old",
    "all",
    "both",
    "normal",
    "range",
    "enrollment",
    "enrolment",
    "study",
    "entry",
    "time",
    "test",
    "tests",
    "results",
    "result",
    "in",
    "on",
    "for",
    "to",
    "from",
    "than",
    "each",
    "per",
    "an",
    "a",
    "limits",
    "limit",
    "following:",
    "sufficient",
    "acceptable",
    "parameters",
    "criteria",
    "meet",
    "meets",
    "demonstrate",
    "demonstrated",
    "documented",
    "defined:",
    "below",
    "above",
    "inclusion",
    "exclusion",
    "greater",
    "less",
    "equal",
    "more",
    "least",
    "most",
    "up",
    "no",
    "not",
    "over",
    "under",
    "x",
    "uln",
    "registration",
    "randomization",
    "randomisation",
    "prior",
    "days",
    "recent",
    "last",
    "obtained",
    "men",
    "women",
    "male",
    "female",
    "males",
    "females",
    "rate",
    "capacity",
    "reserve",
    "haematopoietic",
    "hematopoietic",
    "coagulation",
    "biochemistry",
    "chemistry",
    "hematology",
    "haematology",
    "values:",
    "ecog",
    "who",
];

/// Whether a lead-in's words make its nested items alternatives ("one of the following").
fn alternatives(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "one of the following",
        "any one of",
        "at least one of",
        "one or more of",
        "either",
    ]
    .iter()
    .any(|p| t.contains(p))
        || t.trim_end().ends_with("or:")
}

/// Whether a lead-in's words make its nested items all required together ("all of the
/// following"), for an exclusion.
fn all_together(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains("all of the following") || t.contains("both of the following")
}

/// Whether an inclusion criterion is a negation ("No …", "Without …"), read as an exclusion.
fn negated(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    [
        "no ",
        "not ",
        "without ",
        "absence of ",
        "must not ",
        "none of ",
        "never ",
        "free of ",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// The words of `text` outside its thresholds' own words that a person must still read.
fn other_words(text: &str, thresholds: &[Threshold]) -> bool {
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for t in thresholds {
        if let Some(at) = text.find(t.text.as_str()) {
            covered.push((at, at + t.text.len()));
        }
    }
    tokens(text).iter().any(|tok| {
        tok.kind == Kind::Word
            && tok.text.chars().count() >= 2
            && tok.text.chars().all(char::is_alphabetic)
            && !covered.iter().any(|&(a, b)| a <= tok.start && tok.end <= b)
            && !FILLER.iter().any(|w| tok.is(w))
    })
}

/// How the criterion's words join its thresholds of different variables: an "or" makes them
/// alternatives, an "and" (with no "or") joint conditions.
fn joins(text: &str, thresholds: &[Threshold]) -> (bool, bool) {
    let mut outside = text.to_string();
    let mut names = String::new();
    for t in thresholds {
        if let Some(at) = outside.find(t.text.as_str()) {
            // A shared name's words ("AST or ALT > 5 × ULN") say how its variables join.
            let head: String = t.text.chars().take_while(|c| !c.is_ascii_digit()).collect();
            names.push_str(&head);
            names.push(' ');
            let blank = " ".repeat(t.text.len());
            outside.replace_range(at..at + t.text.len(), &blank);
        }
    }
    let words = |s: &str, w: &str| tokens(s).iter().any(|t| t.is(w));
    let or = words(&outside, "or") || words(&names, "or");
    let and = words(&outside, "and") || words(&outside, "with") || words(&names, "and");
    (or, and)
}

/// Words just before an age that make it say whom a criterion's other thresholds apply to
/// ("Lansky ≥ 50 for patients younger than 16 years", "… in those aged 65 or older").
const AGE_CONDITION: &[&str] = &["for", "in", "if", "when", "among", "where"];

/// The criterion's ages that say whom its other thresholds apply to (not requirements of their
/// own): an age after "for", "in", "if" … in a criterion that also sets another variable.
fn condition_ages(item: &CriterionItem) -> Vec<usize> {
    if !item.thresholds.iter().any(|t| t.variable != Variable::Age) {
        return Vec::new();
    }
    (0..item.thresholds.len())
        .filter(|&i| {
            let t = &item.thresholds[i];
            let Some(at) = (t.variable == Variable::Age)
                .then(|| item.text.find(t.text.as_str()))
                .flatten()
            else {
                return false;
            };
            let before = tokens(&item.text[..at]);
            let words: Vec<_> = before
                .iter()
                .rev()
                .filter(|t| t.kind == Kind::Word)
                .take(3)
                .collect();
            words.iter().any(|w| AGE_CONDITION.iter().any(|c| w.is(c)))
        })
        .collect()
}

/// What the criterion's own thresholds say of the person. An age that says whom the others
/// apply to is a condition: outside it the criterion does not apply; not given, the others
/// cannot exclude.
fn own_state(
    item: &CriterionItem,
    sense: Sense,
    patient: &Patient,
    lines: Option<[usize; 2]>,
) -> State {
    let conditions = condition_ages(item);
    if conditions.is_empty() {
        return thresholds_state(&item.text, &item.thresholds, sense, patient, lines);
    }
    let applies = any_excludes(
        conditions
            .iter()
            .map(|&i| judge(&item.thresholds[i], Sense::Inclusion, patient, lines))
            .collect(),
    );
    let rest: Vec<Threshold> = (0..item.thresholds.len())
        .filter(|i| !conditions.contains(i))
        .map(|i| item.thresholds[i].clone())
        .collect();
    let rest_state = || thresholds_state(&item.text, &rest, sense, patient, lines);
    match applies {
        State::Excludes(_) => State::Holds,
        State::Holds => rest_state(),
        State::Unknown(_) => match rest_state() {
            State::Excludes(_) => {
                State::Unknown("it applies only to some ages, and no age is given".into())
            }
            other => other,
        },
    }
}

/// What a criterion's `thresholds` (read from its `text`) say of the person, all of them
/// requirements.
fn thresholds_state(
    text: &str,
    thresholds: &[Threshold],
    sense: Sense,
    patient: &Patient,
    lines: Option<[usize; 2]>,
) -> State {
    let mut groups: Vec<(Variable, Vec<State>)> = Vec::new();
    for t in thresholds {
        let state = judge(t, sense, patient, lines);
        match groups.iter_mut().find(|(v, _)| *v == t.variable) {
            Some((_, states)) => states.push(state),
            None => groups.push((t.variable, vec![state])),
        }
    }
    let conditional = tokens(text)
        .iter()
        .any(|t| CONDITIONS.iter().any(|w| t.is(w)));
    let per_variable: Vec<State> = groups
        .into_iter()
        .map(|(_, states)| {
            let decided: Vec<&State> = states
                .iter()
                .filter(|s| !matches!(s, State::Unknown(_)))
                .collect();
            let all_decided = decided.len() == states.len();
            let holds = decided.iter().filter(|s| matches!(s, State::Holds)).count();
            if decided.is_empty() {
                return states.into_iter().next().unwrap_or(State::Holds);
            }
            let mixed = holds > 0 && holds < decided.len();
            if conditional && (mixed || !all_decided) {
                return State::Unknown(
                    "it depends on a condition a person must read (if, unless, for patients \
                     with …)"
                        .into(),
                );
            }
            if holds == decided.len() {
                State::Holds
            } else if holds == 0 {
                any_excludes(
                    states
                        .into_iter()
                        .filter(|s| !matches!(s, State::Unknown(_)))
                        .collect(),
                )
            } else {
                State::Unknown(
                    "its thresholds differ for this person (one of them may apply only to some; \
                     a person must read which)"
                        .into(),
                )
            }
        })
        .collect();
    let (or, and) = joins(text, thresholds);
    match sense {
        Sense::Inclusion if or => all_exclude(per_variable),
        Sense::Exclusion if and && !or && per_variable.len() > 1 => all_exclude(per_variable),
        _ => any_excludes(per_variable),
    }
}

/// The check of one criterion (and its nested items): its state, the reasons it excludes, and
/// the criteria it leaves unchecked.
fn criterion(
    item: &CriterionItem,
    sense: Sense,
    pointer: &str,
    study: &Study,
    patient: &Patient,
    unchecked: &mut Vec<Unchecked>,
) -> (State, Vec<Reason>) {
    let sense = match sense {
        Sense::Inclusion if negated(&item.text) => Sense::Exclusion,
        s => s,
    };
    let lines = item
        .line
        .map(|l| [l, l])
        .or_else(|| study.trialcards.covering(pointer).map(|(_, l)| l));
    let more_words = other_words(&item.text, &item.thresholds);
    let own = if item.thresholds.is_empty() {
        if more_words {
            State::Unknown("no threshold read from it".into())
        } else {
            State::Holds
        }
    } else {
        match own_state(item, sense, patient, lines) {
            State::Holds if more_words => {
                State::Unknown("its thresholds hold, and its other words need reading".into())
            }
            s => s,
        }
    };
    let mut reasons = Vec::new();
    if let State::Unknown(why) = &own {
        unchecked.push(Unchecked {
            kind: sense.kind(),
            criterion: item.text.clone(),
            lines,
            why: why.clone(),
        });
    }
    if let State::Excludes(why) = &own {
        reasons.extend(why.iter().map(|w| Reason {
            kind: sense.kind(),
            criterion: Some(item.text.clone()),
            lines,
            why: w.clone(),
        }));
    }
    let mut children = Vec::new();
    let mut child_reasons = Vec::new();
    for (i, child) in item.children.iter().enumerate() {
        let (state, why) = criterion(
            child,
            sense,
            &format!("{pointer}/children/{i}"),
            study,
            patient,
            unchecked,
        );
        children.push(state);
        child_reasons.extend(why);
    }
    let nested = if children.is_empty() {
        State::Holds
    } else if (sense == Sense::Inclusion && alternatives(&item.text))
        || (sense == Sense::Exclusion && all_together(&item.text))
    {
        all_exclude(children)
    } else {
        any_excludes(children)
    };
    if matches!(nested, State::Excludes(_)) {
        reasons.extend(child_reasons);
    }
    let state = any_excludes(vec![own, nested]);
    if !matches!(state, State::Excludes(_)) {
        reasons.clear();
    }
    (state, reasons)
}

/// Checks `patient` against `study`: its minimum and maximum age (in CT.gov's form, "18
/// Years", read in years; an age is under a minimum when below it and over a maximum when its
/// completed years, months … are), its sex, whether it takes healthy volunteers, and each
/// criterion's thresholds.
pub fn check(study: &Study, patient: &Patient) -> Verdict {
    let e = &study.protocol_section.eligibility_module;
    let mut reasons = Vec::new();
    let age = patient.age.or_else(|| {
        let fact = patient.facts.iter().find(|f| f.variable == Variable::Age)?;
        units::convert(
            Variable::Age,
            fact.value,
            fact.unit.unwrap_or(Unit::Years),
            Unit::Years,
        )
    });
    if let Some(age) = age {
        if let Some((min, years)) = e
            .minimum_age
            .as_deref()
            .and_then(|m| age_in_years(m).map(|y| (m, y)))
        {
            if age < years - tolerance(age, years) {
                reasons.push(Reason {
                    kind: ReasonKind::Age,
                    criterion: None,
                    lines: study
                        .trialcards
                        .covering("/protocolSection/eligibilityModule/minimumAge")
                        .map(|(_, l)| l),
                    why: format!("age {} is under the minimum {min}", shown(age)),
                });
            }
        }
        if let Some(max) = e.maximum_age.as_deref() {
            if over_maximum(age, max) {
                reasons.push(Reason {
                    kind: ReasonKind::Age,
                    criterion: None,
                    lines: study
                        .trialcards
                        .covering("/protocolSection/eligibilityModule/maximumAge")
                        .map(|(_, l)| l),
                    why: format!("age {} is over the maximum {max}", shown(age)),
                });
            }
        }
    }
    let sex_lines = || {
        study
            .trialcards
            .covering("/protocolSection/eligibilityModule/sex")
            .map(|(_, l)| l)
    };
    match (e.sex, patient.sex) {
        (Some(Sex::Male), Some(PatientSex::Female)) => reasons.push(Reason {
            kind: ReasonKind::Sex,
            criterion: None,
            lines: sex_lines(),
            why: "female, and the trial takes male participants only".into(),
        }),
        (Some(Sex::Female), Some(PatientSex::Male)) => reasons.push(Reason {
            kind: ReasonKind::Sex,
            criterion: None,
            lines: sex_lines(),
            why: "male, and the trial takes female participants only".into(),
        }),
        _ => {}
    }
    if e.healthy_volunteers == Some(false) && patient.healthy == Some(true) {
        reasons.push(Reason {
            kind: ReasonKind::Healthy,
            criterion: None,
            lines: study
                .trialcards
                .covering("/protocolSection/eligibilityModule/healthyVolunteers")
                .map(|(_, l)| l),
            why: "a healthy volunteer, and the trial takes no healthy volunteers".into(),
        });
    }
    let mut unchecked = Vec::new();
    match &study.trialcards.criteria {
        Some(tree) => {
            for (part, sense, items) in [
                ("inclusion", Sense::Inclusion, &tree.inclusion),
                ("exclusion", Sense::Exclusion, &tree.exclusion),
            ] {
                for (i, item) in items.iter().enumerate() {
                    let pointer = format!("/trialcards/criteria/{part}/{i}");
                    let (_, why) = criterion(item, sense, &pointer, study, patient, &mut unchecked);
                    reasons.extend(why);
                }
            }
        }
        None => {
            if let Some(text) = e
                .eligibility_criteria
                .as_deref()
                .filter(|t| !t.trim().is_empty())
            {
                unchecked.push(Unchecked {
                    kind: ReasonKind::Inclusion,
                    criterion: text.to_string(),
                    lines: study
                        .trialcards
                        .covering("/protocolSection/eligibilityModule/eligibilityCriteria")
                        .map(|(_, l)| l),
                    why: "the criteria are not split into inclusion and exclusion items".into(),
                });
            }
        }
    }
    Verdict {
        nct_id: study.nct_id().map(str::to_string),
        verdict: if reasons.is_empty() {
            VerdictKind::Possible
        } else {
            VerdictKind::Excluded
        },
        reasons,
        unchecked,
    }
}

/// Whether `age` (years) is over the CT.gov maximum `max` ("65 Years", "6 Months"): its
/// completed units are more than the maximum's number.
fn over_maximum(age: f64, max: &str) -> bool {
    let max = max.trim();
    let split = max
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(max.len());
    let (number, unit) = max.split_at(split);
    let (Ok(number), Some(per_unit)) = (
        number.parse::<f64>(),
        age_in_years(&format!("1 {}", unit.trim())),
    ) else {
        return false;
    };
    let completed = (age / per_unit + 1e-9).floor();
    completed > number
}

#[cfg(test)]
mod tests;
