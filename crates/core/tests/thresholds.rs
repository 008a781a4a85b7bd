//! How well thresholds are read from criteria: our own criterion lines
//! (`tests/fixtures/criteria/thresholds.tsv`, fictional, in the styles registries write them),
//! each with the thresholds it sets, against what [`read_thresholds`] reads. Prints precision
//! and recall per variable and overall; fails only below a generous floor, so the numbers stay
//! visible as the reader changes:
//!
//! `cargo test -p trialcards-core --test thresholds -- --nocapture`

use std::collections::BTreeMap;

use trialcards_core::eligibility::read_thresholds;
use trialcards_core::model::{Comparator, Threshold, Unit, Variable};

/// A threshold as the file writes it and the reader's are compared: variable, comparator,
/// value, upper, unit.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    variable: Variable,
    comparator: Comparator,
    value: f64,
    upper: Option<f64>,
    unit: Option<Unit>,
}

impl Expected {
    fn of(t: &Threshold) -> Expected {
        Expected {
            variable: t.variable,
            comparator: t.comparator,
            value: t.value,
            upper: t.upper,
            unit: t.unit,
        }
    }

    /// Reads `anc >= 1.5 10^9/L`, `age between 18..65 years`, `ecog <= 2`.
    fn parse(spec: &str) -> Expected {
        let mut words = spec.split_whitespace();
        let variable = words.next().and_then(Variable::from_code);
        let comparator = words.next().and_then(Comparator::from_code);
        let (value, upper) = match words.next().map(|v| v.split_once("..").unwrap_or((v, ""))) {
            Some((v, u)) => (v.parse().ok(), u.parse().ok()),
            None => (None, None),
        };
        let unit: Vec<&str> = words.collect();
        let unit = (!unit.is_empty()).then(|| unit.join(" "));
        let (Some(variable), Some(comparator), Some(value)) = (variable, comparator, value) else {
            panic!("not a threshold: {spec:?}");
        };
        Expected {
            variable,
            comparator,
            value,
            upper,
            unit: unit.map(|u| Unit::from_code(&u).unwrap_or_else(|| panic!("unit {u:?}"))),
        }
    }

    fn same(&self, other: &Expected) -> bool {
        let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
        self.variable == other.variable
            && self.comparator == other.comparator
            && near(self.value, other.value)
            && match (self.upper, other.upper) {
                (Some(a), Some(b)) => near(a, b),
                (None, None) => true,
                _ => false,
            }
            && self.unit == other.unit
    }
}

/// One line of the file: the part, the criterion, what it sets.
struct Case {
    part: String,
    criterion: String,
    expected: Vec<Expected>,
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/criteria/thresholds.tsv"
    );
    let text = std::fs::read_to_string(path).expect("the criteria file");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 3, "three cells: {line:?}");
            Case {
                part: cells[0].to_string(),
                criterion: cells[1].to_string(),
                expected: cells[2]
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(Expected::parse)
                    .collect(),
            }
        })
        .collect()
}

/// Counts per variable: thresholds expected, read, and read right.
#[derive(Default, Clone, Copy)]
struct Counts {
    expected: usize,
    read: usize,
    right: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.read == 0 {
            1.0
        } else {
            self.right as f64 / self.read as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.right as f64 / self.expected as f64
        }
    }
}

#[test]
fn thresholds_precision_and_recall_per_variable() {
    let cases = cases();
    assert!(cases.len() >= 120, "{} criterion lines", cases.len());
    assert!(cases.iter().all(|c| c.part == "I" || c.part == "E"));
    let mut per: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    for case in &cases {
        let read = read_thresholds(&case.criterion);
        for t in &read {
            // A threshold's words are the criterion's own.
            assert!(
                case.criterion.contains(&t.text),
                "{:?} not in {:?}",
                t.text,
                case.criterion
            );
        }
        let mut got: Vec<Expected> = read.iter().map(Expected::of).collect();
        for e in &case.expected {
            per.entry(e.variable.code()).or_default().expected += 1;
        }
        for g in &got {
            per.entry(g.variable.code()).or_default().read += 1;
        }
        let mut missed = Vec::new();
        for e in &case.expected {
            match got.iter().position(|g| g.same(e)) {
                Some(at) => {
                    per.entry(e.variable.code()).or_default().right += 1;
                    got.remove(at);
                }
                None => missed.push(e.clone()),
            }
        }
        if !missed.is_empty() || !got.is_empty() {
            misses.push(format!(
                "{} {:?}\n    missed {:?}\n    wrong  {:?}",
                case.part, case.criterion, missed, got
            ));
        }
    }
    let total = per.values().fold(Counts::default(), |a, c| Counts {
        expected: a.expected + c.expected,
        read: a.read + c.read,
        right: a.right + c.right,
    });
    println!(
        "{:<22} {:>8} {:>5} {:>6} {:>9} {:>7}",
        "variable", "expected", "read", "right", "precision", "recall"
    );
    for (variable, c) in per.iter().chain([(&"overall", &total)]) {
        println!(
            "{:<22} {:>8} {:>5} {:>6} {:>9.3} {:>7.3}",
            variable,
            c.expected,
            c.read,
            c.right,
            c.precision(),
            c.recall()
        );
    }
    println!("{} criterion lines; not read as expected:", cases.len());
    for m in &misses {
        println!("  {m}");
    }
    assert!(
        total.precision() >= 0.8,
        "precision {:.3}",
        total.precision()
    );
    assert!(total.recall() >= 0.7, "recall {:.3}", total.recall());
}

#[test]
fn every_variable_and_unit_has_a_criterion_of_the_file() {
    let cases = cases();
    let expected: Vec<&Expected> = cases.iter().flat_map(|c| &c.expected).collect();
    for v in Variable::ALL {
        assert!(
            expected.iter().any(|e| e.variable == *v),
            "no criterion sets {}",
            v.code()
        );
    }
    for u in Unit::ALL {
        if matches!(u, Unit::NgPerMl | Unit::Days) {
            continue; // PSA and the like are no variable of the list; days are in the unit tests.
        }
        assert!(
            expected.iter().any(|e| e.unit == Some(*u)),
            "no criterion in {}",
            u.code()
        );
    }
}
