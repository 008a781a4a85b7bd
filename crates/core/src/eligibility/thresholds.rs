//! Reading the thresholds out of one criterion's text: each variable's name, then within a few
//! words a comparison, a number (or a range) and its unit ("ANC ≥ 1.5 × 10^9/L", "ECOG 0 or 1",
//! "aged 18-75 years", "bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for Gilbert's)"); an age written
//! without its name ("Patients 18 years or older", "≥ 18 years of age"); blood pressure as
//! "140/90 mmHg". A number whose unit the variable is not measured in is about something else
//! and left out. Hand-written scanning over [tokens](super::tokens), linear in the text.

use super::comparators::{lead_at, range_join_at, trail_at, Lead, LONGEST_LEAD};
use super::numbers::parse_number;
use super::tokens::{tokens, Kind, Token};
use super::units::{self, read_unit, unit_for, Spelled};
use super::variables::{mentions, Mention, Named};
use crate::model::{Comparator, Threshold, Unit, Variable};

/// How many tokens may stand between a variable's name and its comparison ("Platelet count
/// must be at least …").
const WINDOW: usize = 6;

/// How many further bounds one name may take ("≤ 1.5 mg/dL or ≤ 133 µmol/L").
const MORE_BOUNDS: usize = 4;

/// The most thresholds one criterion gives: a criterion sets a handful, and a hostile one of a
/// million "age ≥ 18" stays linear.
const MAX_THRESHOLDS: usize = 32;

/// Words that may stand between a name and its number.
const NAME_FILLER: &[&str] = &[
    "level",
    "levels",
    "count",
    "counts",
    "value",
    "values",
    "of",
    "is",
    "are",
    "must",
    "be",
    "should",
    "at",
    "screening",
    "baseline",
    "concentration",
    "score",
    "status",
    "ratio",
    "measured",
    "by",
    "serum",
    "plasma",
    "blood",
    "total",
    "absolute",
    "result",
    "results",
    "index",
    "interval",
    "scale",
    "fraction",
    "rate",
    "calculated",
    "estimated",
    "corrected",
    "performance",
    "play",
    "fasting",
    "resting",
    "the",
    "a",
    "an",
    "with",
    "has",
    "have",
    "having",
    "remains",
    "entry",
    "enrollment",
    "enrolment",
    "visit",
    "predicted",
    "test",
    "percentage",
    "range",
    "grade",
    "documented",
    "confirmed",
    "laboratory",
    "lab",
    "local",
    "central",
    "time",
    "in",
    "and",
    "or",
    "on",
    "per",
    "cockcroft",
    "gault",
    "equation",
    "formula",
    "mdrd",
    "ckd",
    "epi",
    "using",
    "room",
    "air",
    "without",
    "transfusion",
    "support",
    "growth",
    "factor",
    "any",
    "all",
    "both",
    "either",
    "equal",
    "ecg",
    "echo",
    "echocardiogram",
    "muga",
    "within",
    "days",
    "prior",
    "registration",
    "randomization",
    "randomisation",
    "inclusion",
    "qualifying",
    "recent",
    "most",
    "x",
    "cells",
    "cell",
];

/// Words that may stand between one bound and the next for the same name.
const BOUND_FILLER: &[&str] = &[
    "or",
    "and",
    "if",
    "for",
    "in",
    "with",
    "patients",
    "patient",
    "subjects",
    "participants",
    "females",
    "males",
    "women",
    "men",
    "female",
    "male",
    "the",
    "case",
    "of",
    "those",
    "liver",
    "bone",
    "metastases",
    "metastasis",
    "hepatic",
    "involvement",
    "gilbert's",
    "gilbert",
    "gilberts",
    "syndrome",
    "known",
    "documented",
    "due",
    "to",
    "when",
    "who",
    "have",
    "has",
    "without",
    "unless",
    "except",
    "on",
    "respectively",
    "disease",
    "presence",
    "marrow",
    "tumor",
    "tumour",
    "hepatocellular",
    "carcinoma",
    "hcc",
    "cancer",
    "infiltration",
    "children",
    "adults",
    "aged",
    "under",
    "over",
    "years",
    "age",
    "ages",
    "i",
    "e",
    "eg",
    "e.g",
    "ie",
    "mild",
    "renal",
    "impairment",
    "elderly",
    "asian",
    "caucasian",
    "subject",
    "participant",
];

/// Nouns for people: a number of years right after one is an age ("Women ≥ 50 years").
const PEOPLE: &[&str] = &[
    "patients",
    "patient",
    "subjects",
    "subject",
    "participants",
    "participant",
    "adults",
    "adult",
    "men",
    "women",
    "males",
    "females",
    "male",
    "female",
    "children",
    "child",
    "adolescents",
    "adolescent",
    "boys",
    "girls",
    "people",
    "persons",
    "person",
    "individuals",
    "individual",
    "volunteers",
    "volunteer",
    "infants",
    "infant",
    "neonates",
    "newborns",
    "students",
    "outpatients",
    "inpatients",
    "residents",
    "pts",
    "youths",
    "teenagers",
];

/// Words around a number of years that make it a time, not an age ("for at least 6 months",
/// "within 4 weeks", "3 months after surgery").
const TIME_NOT_AGE: &[&str] = &[
    "within",
    "for",
    "since",
    "during",
    "after",
    "before",
    "prior",
    "previous",
    "previously",
    "past",
    "last",
    "post",
    "ago",
    "duration",
    "history",
    "diagnosed",
    "diagnosis",
    "treatment",
    "therapy",
    "interval",
    "follow",
    "stable",
    "gestation",
    "gestational",
    "postmenstrual",
    "born",
    "lasting",
    "following",
    "from",
    "until",
    "every",
    "per",
    "each",
    "elapsed",
    "washout",
    "treated",
    "surgery",
    "transplant",
    "transplantation",
    "exposure",
    "symptoms",
    "onset",
];

/// One comparison read at a place in the text.
#[derive(Debug, Clone, Copy)]
struct Bound {
    /// The comparison, when the text says one (a bare number has none).
    comparator: Option<Comparator>,
    value: f64,
    upper: Option<f64>,
    /// The second number of "140/90" (blood pressure).
    second: Option<f64>,
    /// The unit as spelled.
    unit: Option<Spelled>,
    /// A range's lower end's own unit, when it gives one ("6 months to 17 years").
    low_unit: Option<Spelled>,
    /// "of age" or "old" follows.
    age_words: bool,
    /// Its tokens, `first..end`.
    first: usize,
    end: usize,
}

impl Bound {
    /// Its end in the text.
    fn end_byte(&self, tokens: &[Token<'_>]) -> usize {
        tokens[self.end - 1].end
    }
}

/// Whether the count's unit (per µL, per mm³) follows, where "50.000" is fifty thousand.
fn count_unit(unit: Option<(Spelled, usize)>) -> bool {
    matches!(
        unit,
        Some((Spelled::Listed(Unit::PerUl | Unit::CellsPerUl), _))
    )
}

/// The token index at or after byte `at`.
fn token_at(tokens: &[Token<'_>], from: usize, at: usize) -> usize {
    let mut k = from;
    while k < tokens.len() && tokens[k].start < at {
        k += 1;
    }
    k
}

/// A number at token `j` and the unit after it: its value, unit, and the token after both.
fn number_at(
    text: &str,
    tokens: &[Token<'_>],
    j: usize,
    stop: usize,
) -> Option<(f64, Option<Spelled>, usize)> {
    let t = tokens
        .get(j)
        .filter(|t| t.kind == Kind::Number && j < stop)?;
    let unit = read_unit(&text[t.end..]);
    let value = parse_number(t.text, count_unit(unit))?;
    let next = match unit {
        Some((_, n)) => token_at(tokens, j + 1, t.end + n),
        None => j + 1,
    };
    Some((value, unit.map(|(u, _)| u), next.min(stop.max(j + 1))))
}

/// A comparison starting at token `i` (before `stop`): an optional comparison word, a number
/// or a range, its unit, and words after it ("or older"). `score` allows "0 or 1" and "0, 1 or
/// 2" as ranges; `pair` reads "140/90".
fn bound_at(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    stop: usize,
    score: bool,
    pair: bool,
) -> Option<Bound> {
    let (lead, j) = match lead_at(tokens, i) {
        Some((lead, j)) if j < stop => (Some(lead), j),
        _ => (None, i),
    };
    // "≤ ULN", "≤ the upper limit of normal": once the upper limit.
    if let (Some(Lead::Compare(c)), Some(t)) = (lead, tokens.get(j)) {
        if t.kind == Kind::Word {
            if let Some((Spelled::Listed(Unit::TimesUln), n)) = read_unit(&text[t.start..]) {
                let end = token_at(tokens, j, t.start + n).min(stop).max(j + 1);
                return Some(Bound {
                    comparator: Some(c),
                    value: 1.0,
                    upper: None,
                    second: None,
                    unit: Some(Spelled::Listed(Unit::TimesUln)),
                    low_unit: None,
                    age_words: false,
                    first: i,
                    end,
                });
            }
        }
    }
    let (value, unit, mut k) = number_at(text, tokens, j, stop)?;
    let mut bound = Bound {
        comparator: match lead {
            Some(Lead::Compare(c)) => Some(c),
            _ => None,
        },
        value,
        upper: None,
        second: None,
        unit,
        low_unit: None,
        age_words: false,
        first: i,
        end: k,
    };
    if pair && tokens.get(k).is_some_and(|t| t.is_sign('/')) {
        if let Some((second, unit2, after)) = number_at(text, tokens, k + 1, stop) {
            bound.second = Some(second);
            bound.unit = unit2.or(unit);
            bound.end = after;
            k = after;
        }
    }
    // A range: "18 to 65", "0-2", "between 18 and 65", "0, 1 or 2".
    let between = lead == Some(Lead::Range);
    if bound.second.is_none() {
        let mut upper = None;
        let mut at = k;
        while let Some(n) = range_join_at(tokens, at, between, score).filter(|&n| n < stop) {
            let Some((value2, unit2, after)) = number_at(text, tokens, n, stop) else {
                break;
            };
            upper = Some(value2);
            bound.unit = unit2.or(bound.unit);
            at = after;
            if !score {
                break;
            }
        }
        let mixed = unit.is_some() && bound.unit != unit;
        if let Some(upper) = upper.filter(|&u| u >= bound.value || mixed) {
            bound.low_unit = unit.filter(|_| mixed);
            bound.comparator = Some(Comparator::Between);
            bound.upper = Some(upper);
            k = at;
            bound.end = at;
            if tokens.get(k).is_some_and(|t| t.is("inclusive")) {
                k += 1;
                bound.end = k;
            } else if tokens.get(k).is_some_and(|t| t.is_sign('('))
                && tokens.get(k + 1).is_some_and(|t| t.is("inclusive"))
                && tokens.get(k + 2).is_some_and(|t| t.is_sign(')'))
            {
                k += 3;
                bound.end = k;
            }
        } else if between {
            return None;
        }
    }
    // "of age", "old", "years-old", then "or older".
    let mut after = k;
    while after < stop
        && tokens
            .get(after)
            .is_some_and(|t| t.is("of") || t.is("age") || t.is("old") || t.is_sign('-'))
        && after < k + 3
    {
        after += 1;
    }
    if after > k && (k..after).any(|x| tokens[x].is("age") || tokens[x].is("old")) {
        bound.age_words = true;
        bound.end = after;
        k = after;
    }
    // "18 or older"; a bound that has its comparison already leaves "or over 70" to the next.
    if bound.upper.is_none() && bound.comparator.is_none() {
        if let Some((c, n)) = trail_at(tokens, k).filter(|&(_, n)| n <= stop) {
            bound.comparator = Some(c);
            bound.end = n;
        }
    }
    Some(bound)
}

/// A threshold for `variable` from `bound`, its unit made the variable's (`None` when the
/// variable is not measured in it), its words `text[start..]` up to the bound's end.
fn threshold(
    variable: Variable,
    bound: &Bound,
    value: f64,
    text: &str,
    start: usize,
    tokens: &[Token<'_>],
) -> Option<Threshold> {
    let comparator = bound.comparator?;
    let (unit, scale) = match bound.unit {
        Some(spelled) => (unit_for(variable, spelled).ok()?, units::scale(spelled)),
        None => (None, 1.0),
    };
    let unit = match (variable, unit) {
        (Variable::Age, None) => Some(Unit::Years),
        // A life expectancy without its unit says nothing.
        (Variable::LifeExpectancy, None) => return None,
        (_, unit) => unit,
    };
    Some(Threshold {
        variable,
        comparator,
        value: value * scale,
        upper: bound.upper.map(|u| u * scale),
        unit,
        text: text[start..bound.end_byte(tokens)].trim().to_string(),
    })
}

/// Whether the variable is a score read as "= 2" when no comparison is written.
fn is_score(v: Variable) -> bool {
    matches!(v, Variable::Ecog | Variable::Karnofsky | Variable::Lansky)
}

/// The thresholds one criterion's text sets, in the order it gives them.
pub fn read_thresholds(text: &str) -> Vec<Threshold> {
    let tokens = tokens(text);
    let found = mentions(&tokens);
    let clause_ends = clause_ends(&tokens);
    let mut out: Vec<Threshold> = Vec::new();
    // Tokens read as part of some threshold (an age is not read from them again).
    let mut used = vec![false; tokens.len()];
    let mut m = 0;
    while m < found.len() && out.len() < MAX_THRESHOLDS {
        // Names joined by "/", "and", "or", "," share one comparison ("AST/ALT ≤ 2.5 × ULN").
        let mut group = vec![found[m]];
        while let Some(next) = found.get(m + group.len()) {
            let last = group[group.len() - 1];
            let joined = (last.end..next.first).all(|k| {
                let t = &tokens[k];
                matches!(t.text, "/" | "," | "&" | "(" | ")" | "-" | "+")
                    || t.is("and")
                    || t.is("or")
                    || t.is("either")
                    || t.is("both")
            });
            if !joined {
                break;
            }
            group.push(*next);
        }
        m += group.len();
        // A name's aside in parentheses ("DLCO (adjusted for hemoglobin) < 40%") may name
        // another variable; the name's comparison comes after it.
        let aside = aside_end(&tokens, group[group.len() - 1].end);
        let next = found[m..].iter().find(|n| n.first >= aside);
        let stop = next.map_or(tokens.len(), |n| n.first).min(
            clause_ends
                .get(group[group.len() - 1].end)
                .copied()
                .unwrap_or(tokens.len()),
        );
        let variables: Vec<Named> = group
            .iter()
            .map(|g| g.named)
            .filter(|n| *n != Named::Other)
            .fold(Vec::new(), |mut acc, n| {
                if !acc.contains(&n) {
                    acc.push(n);
                }
                acc
            });
        if variables.is_empty() || group.iter().any(|g| g.named == Named::Other) {
            continue;
        }
        let score = variables
            .iter()
            .all(|n| matches!(n, Named::Variable(v) if is_score(*v)));
        let pair = variables.contains(&Named::BloodPressure);
        let start = tokens[group[0].first].start;
        let lead_before = lead_before(&tokens, group[0].first);
        let bounds = bounds_after(text, &tokens, group[group.len() - 1].end, stop, score, pair);
        let mut read: Vec<Threshold> = Vec::new();
        for (i, mut bound) in split_mixed(bounds).into_iter().enumerate() {
            if bound.comparator.is_none() {
                bound.comparator = match (i, lead_before) {
                    (0, Some(c)) => Some(c),
                    _ if score => Some(Comparator::Equal),
                    _ => None,
                };
            }
            let mut placed = false;
            for named in &variables {
                let made = match named {
                    Named::Variable(v) => {
                        vec![threshold(*v, &bound, bound.value, text, start, &tokens)]
                    }
                    Named::BloodPressure => match bound.second {
                        Some(diastolic) => vec![
                            threshold(
                                Variable::SystolicBp,
                                &bound,
                                bound.value,
                                text,
                                start,
                                &tokens,
                            ),
                            threshold(
                                Variable::DiastolicBp,
                                &bound,
                                diastolic,
                                text,
                                start,
                                &tokens,
                            ),
                        ],
                        None => Vec::new(),
                    },
                    Named::Other => Vec::new(),
                };
                for t in made.into_iter().flatten() {
                    placed = true;
                    read.push(t);
                }
            }
            if placed {
                for u in used.iter_mut().take(bound.end).skip(bound.first) {
                    *u = true;
                }
            }
        }
        out.extend(merge_ranges(read));
    }
    read_ages(text, &tokens, &found, &clause_ends, &mut used, &mut out);
    out.truncate(MAX_THRESHOLDS);
    share_units(text, &mut out);
    let mut unique: Vec<Threshold> = Vec::new();
    for t in out {
        if !unique.iter().any(|u| u.same_bound(&t)) {
            unique.push(t);
        }
    }
    unique
}

/// A unit written once after alternatives or a list ("SBP ≥ 140 or DBP ≥ 90 mmHg", "ANC ≥ 1.5
/// and platelets ≥ 100 × 10^9/L") is also the unit of the bounds before it that give none,
/// when their variable is measured in it and only "or", "and" or a comma stands between.
fn share_units(text: &str, out: &mut [Threshold]) {
    let mut placed: Vec<(usize, usize, usize)> = out
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            text.find(t.text.as_str())
                .map(|at| (at, at + t.text.len(), i))
        })
        .collect();
    placed.sort_unstable();
    for k in (0..placed.len().saturating_sub(1)).rev() {
        let (_, end, i) = placed[k];
        let (next_start, _, j) = placed[k + 1];
        let (Some(unit), None) = (out[j].unit, out[i].unit) else {
            continue;
        };
        let joined = next_start >= end
            && tokens(&text[end..next_start])
                .iter()
                .all(|t| t.is("or") || t.is("and") || t.is_sign(',') || t.is_sign('/'));
        // The INR is a ratio itself: "INR ≤ 1.5 and aPTT ≤ 1.5 × ULN" gives the INR none.
        let ratio = out[i].variable == Variable::Inr;
        if joined && !ratio && units::allowed(out[i].variable).contains(&unit) {
            out[i].unit = Some(unit);
        }
    }
}

/// A range whose ends are in different units ("6 months to 17 years") as its two bounds, each
/// in its own unit.
fn split_mixed(bounds: Vec<Bound>) -> Vec<Bound> {
    let mut out = Vec::with_capacity(bounds.len());
    for b in bounds {
        match (b.comparator, b.low_unit, b.upper) {
            (Some(Comparator::Between), Some(low), Some(upper)) => {
                out.push(Bound {
                    comparator: Some(Comparator::GreaterOrEqual),
                    upper: None,
                    unit: Some(low),
                    low_unit: None,
                    ..b
                });
                out.push(Bound {
                    comparator: Some(Comparator::LessOrEqual),
                    value: upper,
                    upper: None,
                    low_unit: None,
                    ..b
                });
            }
            _ => out.push(b),
        }
    }
    out
}

/// For each token, where its clause ends: the next ";" (or the end). One pass from the end.
fn clause_ends(tokens: &[Token<'_>]) -> Vec<usize> {
    let mut out = vec![tokens.len(); tokens.len()];
    let mut end = tokens.len();
    for k in (0..tokens.len()).rev() {
        if tokens[k].is_sign(';') {
            end = k;
        }
        out[k] = end;
    }
    out
}

/// Where an aside in parentheses or brackets that opens at `at` ends (the token after its
/// closing one), when it closes within a few words; `at` when none opens there.
fn aside_end(tokens: &[Token<'_>], at: usize) -> usize {
    const ASIDE: usize = 10;
    if !tokens.get(at).is_some_and(|t| matches!(t.text, "(" | "[")) {
        return at;
    }
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate().skip(at).take(ASIDE) {
        match t.text {
            "(" | "[" => depth += 1,
            ")" | "]" => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            ";" => break,
            _ => {}
        }
    }
    at
}

/// A comparison word just before a name ("Minimum age 18", "a maximum BMI of 35").
fn lead_before(tokens: &[Token<'_>], first: usize) -> Option<Comparator> {
    (first.saturating_sub(3)..first).find_map(|i| match lead_at(tokens, i) {
        Some((Lead::Compare(c), end)) if end == first && !matches!(c, Comparator::Equal) => {
            let word = tokens[i].kind == Kind::Word;
            word.then_some(c)
        }
        _ => None,
    })
}

/// The bounds a name takes: the first within [`WINDOW`] words of filler, then more joined by
/// "or", "and", "(" and a few words ("for patients with liver metastases").
fn bounds_after(
    text: &str,
    tokens: &[Token<'_>],
    from: usize,
    stop: usize,
    score: bool,
    pair: bool,
) -> Vec<Bound> {
    let mut out: Vec<Bound> = Vec::new();
    let mut at = from;
    let mut depth = 0usize; // open parentheses skipped
    let mut skipped = 0;
    while at < stop && skipped <= WINDOW {
        if let Some(bound) = bound_at(text, tokens, at, stop, score, pair) {
            out.push(bound);
            at = bound.end;
            break;
        }
        let t = &tokens[at];
        if t.kind == Kind::Number {
            return out;
        }
        match t.text {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            _ => {}
        }
        let filler = t.kind == Kind::Sign
            || depth > 0
            || NAME_FILLER.iter().any(|w| t.is(w))
            || t.text.chars().count() <= 2;
        if !filler {
            return out;
        }
        skipped += 1;
        at += 1;
    }
    if out.is_empty() {
        return out;
    }
    // Further bounds: each starts with a comparison word (or restates the last in parentheses,
    // "≥ 1.5 × 10^9/L (1500/mm³)").
    let mut more = 0;
    let mut gap = 0;
    while at < stop && more < MORE_BOUNDS && gap <= WINDOW {
        let t = &tokens[at];
        let opens = t.is_sign('(');
        let explicit = lead_at(tokens, at).is_some_and(|(l, _)| matches!(l, Lead::Compare(_)));
        if explicit || (opens && tokens.get(at + 1).is_some_and(|n| n.kind == Kind::Number)) {
            let from = if opens && !explicit { at + 1 } else { at };
            if let Some(mut bound) = bound_at(text, tokens, from, stop, score, pair) {
                if bound.comparator.is_none() {
                    if !opens || bound.unit.is_none() {
                        return out;
                    }
                    bound.comparator = out.last().and_then(|b| b.comparator);
                }
                at = bound.end;
                out.push(bound);
                more += 1;
                gap = 0;
                continue;
            }
        }
        if t.kind == Kind::Number {
            break;
        }
        let filler =
            (t.kind == Kind::Sign && t.text != ";") || BOUND_FILLER.iter().any(|w| t.is(w));
        if !filler {
            break;
        }
        gap += 1;
        at += 1;
    }
    out
}

/// "≥ 18 and ≤ 75 years" is one range, 18 to 75 years; a unit given once is both bounds'.
fn merge_ranges(read: Vec<Threshold>) -> Vec<Threshold> {
    let mut out: Vec<Threshold> = Vec::new();
    for t in read {
        if let Some(last) = out.last_mut() {
            let same = last.variable == t.variable
                && (last.unit == t.unit || last.unit.is_none() || t.unit.is_none());
            let lower = last.comparator == Comparator::GreaterOrEqual;
            let upper = t.comparator == Comparator::LessOrEqual;
            if same && lower && upper && t.value >= last.value {
                last.comparator = Comparator::Between;
                last.upper = Some(t.value);
                last.unit = last.unit.or(t.unit);
                last.text = if t.text.len() > last.text.len() {
                    t.text
                } else {
                    last.text.clone()
                };
                continue;
            }
            // "≥ 18 and < 75 years": the unit after the upper bound is the lower one's too.
            let lower_then_upper =
                matches!(
                    last.comparator,
                    Comparator::Greater | Comparator::GreaterOrEqual
                ) && matches!(t.comparator, Comparator::Less | Comparator::LessOrEqual);
            if same && lower_then_upper && last.unit.is_none() {
                last.unit = t.unit;
            }
        }
        out.push(t);
    }
    out
}

/// Ages written without the word "age": a number of years after a word for people ("Women ≥
/// 50 years"), before "of age" or "old", or alone as the whole criterion ("18-65 years"); not
/// a time ("for at least 6 months", "within 4 weeks").
fn read_ages(
    text: &str,
    tokens: &[Token<'_>],
    found: &[Mention],
    clause_ends: &[usize],
    used: &mut [bool],
    out: &mut Vec<Threshold>,
) {
    let mut named = vec![false; tokens.len()];
    for m in found {
        named[m.first..m.end].iter_mut().for_each(|n| *n = true);
    }
    // The first and last tokens that are no sign: a bound between them is not alone.
    let first_word = tokens.iter().position(|t| t.kind != Kind::Sign);
    let last_word = tokens.iter().rposition(|t| t.kind != Kind::Sign);
    // The first number at or after each token: an age is a number of years, and a bound's
    // number is never more than a lead's length after where the bound starts.
    let mut next_number = vec![usize::MAX; tokens.len() + 1];
    for k in (0..tokens.len()).rev() {
        next_number[k] = if tokens[k].kind == Kind::Number {
            k
        } else {
            next_number[k + 1]
        };
    }
    let mut i = 0;
    while i < tokens.len() && out.len() < MAX_THRESHOLDS {
        if used[i] || named[i] || next_number[i] > i.saturating_add(LONGEST_LEAD) {
            i += 1;
            continue;
        }
        let stop = clause_ends[i];
        let Some(bound) = bound_at(text, tokens, i, stop, false, false) else {
            i += 1;
            continue;
        };
        let time = matches!(
            bound.unit,
            Some(Spelled::Listed(
                Unit::Years | Unit::Months | Unit::Weeks | Unit::Days
            ))
        );
        if !time || bound.comparator.is_none() || (bound.first..bound.end).any(|k| used[k]) {
            i += 1;
            continue;
        }
        let before: Vec<&Token<'_>> = tokens[i.saturating_sub(3)..i]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        let after: Vec<&Token<'_>> = tokens[bound.end..(bound.end + 2).min(tokens.len())]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        // "younger than", "older than" and "or older" compare ages only.
        let age_words = bound.age_words
            || tokens[bound.first.min(i)..bound.end]
                .iter()
                .any(|t| t.is("younger") || t.is("older"));
        let not_age = !age_words
            && (before.iter().any(|t| TIME_NOT_AGE.iter().any(|w| t.is(w)))
                || after.iter().any(|t| TIME_NOT_AGE.iter().any(|w| t.is(w))));
        let people = before
            .last()
            .is_some_and(|t| PEOPLE.iter().any(|w| t.is(w)))
            || before.iter().any(|t| t.is("aged") || t.is("age"));
        let alone = first_word.is_some_and(|f| f >= i) && last_word.is_some_and(|l| l < bound.end);
        if not_age || !(age_words || people || alone) {
            i += 1;
            continue;
        }
        if let Some(t) = threshold(
            Variable::Age,
            &bound,
            bound.value,
            text,
            tokens[i].start,
            tokens,
        ) {
            out.push(t);
            for u in used.iter_mut().take(bound.end).skip(bound.first) {
                *u = true;
            }
            i = bound.end;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Comparator as C;
    use Unit as U;
    use Variable as V;

    /// The one threshold `text` sets, as (variable, comparator, value, upper, unit).
    fn one(text: &str) -> (Variable, Comparator, f64, Option<f64>, Option<Unit>) {
        let all = read_thresholds(text);
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        let t = &all[0];
        assert!(text.contains(&t.text), "{text}: {:?}", t.text);
        (t.variable, t.comparator, t.value, t.upper, t.unit)
    }

    #[test]
    fn every_comparator_phrasing() {
        let cases = [
            (
                "ANC ≥ 1.5 x 10^9/L",
                (V::Anc, C::GreaterOrEqual, 1.5, None, Some(U::GigaPerL)),
            ),
            (
                "Hemoglobin => 9 g/dL",
                (V::Hemoglobin, C::GreaterOrEqual, 9.0, None, Some(U::GPerDl)),
            ),
            (
                "Platelets >= 100 x 10^9/L",
                (
                    V::Platelets,
                    C::GreaterOrEqual,
                    100.0,
                    None,
                    Some(U::GigaPerL),
                ),
            ),
            (
                "Body weight greater than or equal to 45 kg",
                (V::Weight, C::GreaterOrEqual, 45.0, None, Some(U::Kg)),
            ),
            (
                "Life expectancy of at least 12 weeks",
                (
                    V::LifeExpectancy,
                    C::GreaterOrEqual,
                    12.0,
                    None,
                    Some(U::Weeks),
                ),
            ),
            (
                "BMI no more than 35 kg/m2",
                (V::Bmi, C::LessOrEqual, 35.0, None, Some(U::KgPerM2)),
            ),
            (
                "HbA1c up to 10%",
                (V::Hba1c, C::LessOrEqual, 10.0, None, Some(U::Percent)),
            ),
            (
                "QTcF not exceeding 470 ms",
                (V::Qtc, C::LessOrEqual, 470.0, None, Some(U::Ms)),
            ),
            (
                "Karnofsky score above 60",
                (V::Karnofsky, C::Greater, 60.0, None, None),
            ),
            (
                "Fasting glucose under 7 mmol/L",
                (V::Glucose, C::Less, 7.0, None, Some(U::MmolPerL)),
            ),
            (
                "Patients over 18 years of age",
                (V::Age, C::Greater, 18.0, None, Some(U::Years)),
            ),
            (
                "CRP less than 10 mg/L",
                (V::Crp, C::Less, 10.0, None, Some(U::MgPerL)),
            ),
            (
                "Viral load more than 1000 copies/mL",
                (V::ViralLoad, C::Greater, 1000.0, None, Some(U::CopiesPerMl)),
            ),
            (
                "Serum creatinine ≤ 1.5 mg/dL",
                (V::Creatinine, C::LessOrEqual, 1.5, None, Some(U::MgPerDl)),
            ),
            (
                "Total bilirubin =< 1.5 x ULN",
                (V::Bilirubin, C::LessOrEqual, 1.5, None, Some(U::TimesUln)),
            ),
            (
                "Age 18 to 65 years",
                (V::Age, C::Between, 18.0, Some(65.0), Some(U::Years)),
            ),
            (
                "ECOG performance status 0-2",
                (V::Ecog, C::Between, 0.0, Some(2.0), None),
            ),
            ("ECOG PS 0–2", (V::Ecog, C::Between, 0.0, Some(2.0), None)),
            (
                "Aged between 18 and 65 inclusive",
                (V::Age, C::Between, 18.0, Some(65.0), Some(U::Years)),
            ),
            (
                "Men and women aged 18-75 years",
                (V::Age, C::Between, 18.0, Some(75.0), Some(U::Years)),
            ),
            (
                "ANC ≥ 1.5 x 10^9/L",
                (V::Anc, C::GreaterOrEqual, 1.5, None, Some(U::GigaPerL)),
            ),
            (
                "Platelet count > 100,000/mm³",
                (V::Platelets, C::Greater, 100_000.0, None, Some(U::PerUl)),
            ),
            (
                "AST ≤ 2.5 × ULN",
                (V::Ast, C::LessOrEqual, 2.5, None, Some(U::TimesUln)),
            ),
            (
                "Total bilirubin ≤ 1,5 x ULN",
                (V::Bilirubin, C::LessOrEqual, 1.5, None, Some(U::TimesUln)),
            ),
            (
                "Platelets ≥ 50.000/mm3",
                (
                    V::Platelets,
                    C::GreaterOrEqual,
                    50_000.0,
                    None,
                    Some(U::PerUl),
                ),
            ),
            ("ECOG 0 or 1", (V::Ecog, C::Between, 0.0, Some(1.0), None)),
            ("ECOG ≤ 2", (V::Ecog, C::LessOrEqual, 2.0, None, None)),
            (
                "ECOG 0, 1 or 2",
                (V::Ecog, C::Between, 0.0, Some(2.0), None),
            ),
            (
                "18 years or older",
                (V::Age, C::GreaterOrEqual, 18.0, None, Some(U::Years)),
            ),
            (
                "Minimum age 18 years",
                (V::Age, C::GreaterOrEqual, 18.0, None, Some(U::Years)),
            ),
            (
                "WHO performance status 2",
                (V::Ecog, C::Equal, 2.0, None, None),
            ),
            (
                "ALT ≤ ULN",
                (V::Alt, C::LessOrEqual, 1.0, None, Some(U::TimesUln)),
            ),
            (
                "LVEF < 50% by echocardiogram",
                (V::Lvef, C::Less, 50.0, None, Some(U::Percent)),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(one(text), want, "{text}");
        }
    }

    #[test]
    fn every_unit_phrasing() {
        let cases = [
            ("Platelets ≥ 100,000/mm3", U::PerUl),
            ("Platelets ≥ 100,000/mm³", U::PerUl),
            ("Platelets ≥ 100,000/µl", U::PerUl),
            ("Platelets ≥ 100,000 per microliter", U::PerUl),
            ("ANC ≥ 1.5x10^9/L", U::GigaPerL),
            ("ANC ≥ 1.5 ×10⁹/L", U::GigaPerL),
            ("ANC ≥ 1.5 10*9/l", U::GigaPerL),
            ("ANC ≥ 1.5 G/L", U::GigaPerL),
            ("Creatinine ≤ 133 µmol/L", U::UmolPerL),
            ("Creatinine ≤ 133 umol/l", U::UmolPerL),
            ("Creatinine ≤ 133 μmol/L", U::UmolPerL),
            ("eGFR ≥ 60 mL/min/1.73 m²", U::MlPerMinPer173),
            ("QTc ≤ 470 msec", U::Ms),
            ("ALT ≤ 3 times ULN", U::TimesUln),
            ("ALT ≤ 3 × upper limit of normal", U::TimesUln),
            ("ALT ≤ 3 x institutional ULN", U::TimesUln),
            ("Hemoglobin ≥ 90 g/L", U::GPerL),
            ("CD4 count ≥ 200 cells/µL", U::CellsPerUl),
            ("Heart rate > 100 beats per minute", U::Bpm),
            ("Systolic blood pressure > 160 mmHg", U::MmHg),
            ("Creatinine clearance ≥ 50 mL/min", U::MlPerMin),
            ("AST ≤ 100 IU/L", U::UPerL),
            ("PSA < 4 ng/mL", U::NgPerMl),
        ];
        for (text, want) in cases {
            let got = read_thresholds(text);
            if text.starts_with("PSA") {
                // PSA is no variable of the list: nothing is read.
                assert!(got.is_empty(), "{text}: {got:?}");
                continue;
            }
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].unit, Some(want), "{text}");
        }
    }

    #[test]
    fn shared_names_ranges_pairs_and_alternatives() {
        let t = read_thresholds(
            "AST and ALT ≤ 2.5 × ULN (≤ 5 × ULN for patients with liver metastases)",
        );
        let got: Vec<(Variable, f64)> = t.iter().map(|t| (t.variable, t.value)).collect();
        assert_eq!(
            got,
            vec![(V::Ast, 2.5), (V::Alt, 2.5), (V::Ast, 5.0), (V::Alt, 5.0)]
        );
        let t = read_thresholds("Uncontrolled hypertension (blood pressure > 150/100 mmHg)");
        let got: Vec<(Variable, f64)> = t.iter().map(|t| (t.variable, t.value)).collect();
        assert_eq!(got, vec![(V::SystolicBp, 150.0), (V::DiastolicBp, 100.0)]);
        assert_eq!(t[0].unit, Some(U::MmHg));
        let t = read_thresholds("Age ≥ 18 and ≤ 75 years");
        assert_eq!(t.len(), 1);
        assert_eq!(
            (t[0].comparator, t[0].value, t[0].upper),
            (C::Between, 18.0, Some(75.0))
        );
        let t = read_thresholds("ANC ≥ 1.5 × 10^9/L (1500/mm³)");
        assert_eq!(t.len(), 2);
        assert_eq!(
            (t[1].comparator, t[1].value, t[1].unit),
            (C::GreaterOrEqual, 1500.0, Some(U::PerUl))
        );
        // An aside naming another variable does not take the name's comparison.
        assert_eq!(
            one("DLCO (adjusted for hemoglobin) < 40% of predicted"),
            (V::Dlco, C::Less, 40.0, None, Some(U::Percent))
        );
        let t = read_thresholds("Creatinine clearance (Cockcroft-Gault) ≥ 60 mL/min");
        assert_eq!(t[0].variable, V::CreatinineClearance);
        // A unit written once after alternatives is theirs too, where they are measured in it.
        let t = read_thresholds("SBP ≥ 140 or DBP ≥ 90 mmHg");
        let got: Vec<_> = t.iter().map(|t| (t.variable, t.unit)).collect();
        assert_eq!(
            got,
            [
                (V::SystolicBp, Some(U::MmHg)),
                (V::DiastolicBp, Some(U::MmHg))
            ]
        );
        let t = read_thresholds("ANC ≥ 1.5 and platelets ≥ 100 × 10^9/L");
        assert_eq!(t[0].unit, Some(U::GigaPerL));
        let t = read_thresholds("Hemoglobin ≥ 9 and platelets ≥ 100 × 10^9/L");
        assert_eq!((t[0].variable, t[0].unit), (V::Hemoglobin, None));
        let t = read_thresholds("INR ≤ 1.5 and aPTT ≤ 1.5 × ULN");
        assert_eq!((t[0].variable, t[0].unit), (V::Inr, None));
        let t = read_thresholds("ECOG ≤ 1 with LVEF ≥ 50%");
        assert_eq!((t[0].variable, t[0].unit), (V::Ecog, None));
    }

    #[test]
    fn mixed_units_alternatives_and_counts_per_ten_thousand() {
        let t = read_thresholds("Aged 6 months to 17 years");
        let got: Vec<_> = t.iter().map(|t| (t.comparator, t.value, t.unit)).collect();
        assert_eq!(
            got,
            vec![
                (C::GreaterOrEqual, 6.0, Some(U::Months)),
                (C::LessOrEqual, 17.0, Some(U::Years))
            ]
        );
        let t = read_thresholds("Aged under 18 or over 70 years");
        let got: Vec<_> = t.iter().map(|t| (t.comparator, t.value)).collect();
        assert_eq!(got, vec![(C::Less, 18.0), (C::Greater, 70.0)]);
        assert_eq!(
            one("Not older than 75 years"),
            (V::Age, C::LessOrEqual, 75.0, None, Some(U::Years))
        );
        assert_eq!(
            one("Platelet count ≥ 10×10^4/μL"),
            (
                V::Platelets,
                C::GreaterOrEqual,
                100.0,
                None,
                Some(U::GigaPerL)
            )
        );
    }

    #[test]
    fn numbers_about_something_else_are_left_out() {
        for text in [
            "Weight loss of more than 10% in 3 months",
            "Prior chemotherapy within 4 weeks",
            "Ankle pain for at least 6 months",
            "Born at 36 weeks of gestation or later",
            "Platelet transfusion within 7 days",
            "EGFR mutation in exon 19",
            "At least 2 prior lines of therapy",
            "Hemoglobin A1c",
            "Direct bilirubin > 1.5 × ULN",
            "HBV DNA < 2000 IU/mL",
        ] {
            assert!(
                read_thresholds(text).is_empty(),
                "{text}: {:?}",
                read_thresholds(text)
            );
        }
    }
}
