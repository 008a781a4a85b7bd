//! A measure's table, as the baseline and each outcome print it: the header's groups with
//! their numbers analysed, and the data rows, each a category (its class before it when the
//! label names one) with one measurement a group, read as the measure's dispersion implies.

use super::cells::{self, Bracket, Measured};
use super::table::{Head, Row};
use super::{group_id, join, Ctx};
use crate::lines::Line;
use crate::model::{
    CtEnum, Denom, DenomCount, MeasureCategory, MeasureClass, MeasureDispersionType, MeasureGroup,
    MeasureParam, Measurement, Study,
};

const BASELINE: &str = "resultsSection.baselineCharacteristicsModule";

/// Whether a line says what a measure's values are or their unit.
pub(crate) fn is_info(text: &str) -> bool {
    cells::param_phrase(text).is_some() || cells::unit_line(text).is_some()
}

/// A header's groups (IDs `prefix` and their place) and numbers analysed, their spans under
/// `module` and their texts taken.
pub(crate) fn groups_of(
    cx: &mut Ctx<'_>,
    heads: &[Head<'_>],
    prefix: &str,
    module: &str,
) -> (Vec<MeasureGroup>, Vec<Denom>) {
    let mut groups = Vec::new();
    let mut counts = Vec::new();
    let mut units: Option<String> = None;
    let mut denom_lines = Vec::new();
    for (g, h) in heads.iter().enumerate() {
        groups.push(MeasureGroup {
            id: Some(group_id(prefix, g)),
            title: Some(h.title.text.to_string()),
            description: (!h.description.is_empty()).then(|| join(&h.description)),
        });
        let at = format!("{module}.groups[{g}]");
        cx.group_head(&at, h);
        let Some(d) = h.denom else { continue };
        let Some((n, u)) = denom_value(d.text) else {
            continue;
        };
        if units.as_deref().is_some_and(|x| x != u) {
            continue;
        }
        units = Some(u.to_string());
        cx.at(
            &format!("{module}.denoms[0].counts[{}]", counts.len()),
            [&d],
        );
        counts.push(DenomCount {
            group_id: Some(group_id(prefix, g)),
            value: Some(n.to_string()),
        });
        denom_lines.push(d);
        cx.take(&d);
    }
    let denoms = if counts.is_empty() {
        Vec::new()
    } else {
        cx.at(&format!("{module}.denoms[0]"), &denom_lines);
        vec![Denom { units, counts }]
    };
    (groups, denoms)
}

/// A number analysed: "n=15 Participants", or a bare count (the classic tab's, in
/// participants).
pub(crate) fn denom_value(text: &str) -> Option<(&str, &str)> {
    cells::denom(text).or_else(|| cells::is_number(text).then_some((text, "Participants")))
}

/// Whether any cell of a row holds a value (a row without one is no row of the table).
pub(crate) fn has_values(r: &Row<'_>) -> bool {
    r.cells
        .iter()
        .any(|c| c.first().is_some_and(|l| cells::measured(l.text).is_some()))
}

/// The measure a row belongs to: a baseline measure or an outcome, by its index.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target {
    /// A baseline measure.
    Baseline(usize),
    /// An outcome measure.
    Outcome(usize),
}

/// The parts of a measure a row fills.
struct Parts<'s> {
    classes: &'s mut Vec<MeasureClass>,
    unit: &'s mut Option<String>,
    param: &'s mut Option<MeasureParam>,
    dispersion: Option<MeasureDispersionType>,
}

impl Target {
    /// The measure's record path.
    fn path(self) -> String {
        match self {
            Target::Baseline(m) => format!("{BASELINE}.measures[{m}]"),
            Target::Outcome(o) => format!("{}[{o}]", super::outcomes::OUTCOMES),
        }
    }

    /// The prefix of its groups' IDs.
    fn prefix(self) -> &'static str {
        match self {
            Target::Baseline(_) => "BG",
            Target::Outcome(_) => "OG",
        }
    }

    fn parts(self, study: &mut Study) -> Parts<'_> {
        let r = &mut study.results_section;
        match self {
            Target::Baseline(m) => {
                let m = &mut r.baseline_characteristics_module.measures[m];
                Parts {
                    dispersion: m.dispersion_type,
                    classes: &mut m.classes,
                    unit: &mut m.unit_of_measure,
                    param: &mut m.param_type,
                }
            }
            Target::Outcome(o) => {
                let o = &mut r.outcome_measures_module.outcome_measures[o];
                Parts {
                    dispersion: o
                        .dispersion_type
                        .as_deref()
                        .and_then(MeasureDispersionType::from_code),
                    classes: &mut o.classes,
                    unit: &mut o.unit_of_measure,
                    param: &mut o.param_type,
                }
            }
        }
    }
}

/// Whether a dispersion gives limits (a range or interval) rather than one spread.
fn gives_limits(d: MeasureDispersionType) -> bool {
    use MeasureDispersionType as D;
    !matches!(
        d,
        D::Na | D::StandardDeviation | D::StandardError | D::GeometricCoefficient
    )
}

/// One cell's value as the measure's dispersion implies; `None` when the cell's bracket does
/// not fit it (a single number under a range).
fn measurement(
    v: &Measured<'_>,
    dispersion: Option<MeasureDispersionType>,
    group: String,
) -> Option<Measurement> {
    let mut m = Measurement {
        group_id: Some(group),
        value: Some(v.value.to_string()),
        ..Measurement::default()
    };
    match (v.bracket, dispersion) {
        (None, _) => {}
        (Some(Bracket::One(s)), d) if d.is_none_or(|d| !gives_limits(d)) => {
            m.spread = Some(s.to_string())
        }
        (Some(Bracket::Two(a, b)), d) if d.is_none_or(gives_limits) => {
            m.lower_limit = Some(a.to_string());
            m.upper_limit = Some(b.to_string());
        }
        _ => return None,
    }
    Some(m)
}

/// Places one data row of a measure's table (`names`: the label's lines left after the title
/// and what the values are, the category last, its class before it): each group's
/// measurement, and a number analysed under a cell as its class's. A row whose class title is
/// the last row's adds a category to that class.
pub(crate) fn place_row(cx: &mut Ctx<'_>, target: Target, names: &[Line<'_>], r: &Row<'_>) {
    let (class_line, category_line) = match names {
        [] => (None, None),
        [c] => (None, Some(*c)),
        [.., a, b] => (Some(*a), Some(*b)),
    };
    let class_title = class_line.map(|l| l.text.to_string());
    let at = target.path();
    let prefix = target.prefix();
    let (c, k, same, table_unit, dispersion) = {
        let p = target.parts(cx.study);
        let same = p.classes.last().is_some_and(|c| c.title == class_title);
        let n = p.classes.len();
        let k = if same {
            p.classes[n - 1].categories.len()
        } else {
            0
        };
        let c = if same { n - 1 } else { n };
        (c, k, same, p.unit.clone(), p.dispersion)
    };
    let class_at = format!("{at}.classes[{c}]");
    let cat_at = format!("{class_at}.categories[{k}]");
    let all: Vec<&Line<'_>> = names.iter().chain(r.cells.iter().flatten()).collect();
    cx.widen(&class_at, all.iter().copied());
    cx.at(&cat_at, all.iter().copied());
    if let Some(l) = class_line {
        cx.at(&format!("{class_at}.title"), [&l]);
        cx.take(&l);
    }
    if let Some(l) = category_line {
        cx.at(&format!("{cat_at}.title"), [&l]);
        cx.take(&l);
    }
    let mut category = MeasureCategory {
        title: category_line.map(|l| l.text.to_string()),
        ..MeasureCategory::default()
    };
    let mut denom = Denom::default();
    let mut denom_lines = Vec::new();
    let mut cell_unit: Option<(String, Line<'_>)> = None;
    for (g, cell) in r.cells.iter().enumerate() {
        let Some(first) = cell.first() else { continue };
        let Some(v) = cells::measured(first.text) else {
            continue;
        };
        let Some(m) = measurement(&v, dispersion, group_id(prefix, g)) else {
            continue;
        };
        let unit = table_unit
            .as_deref()
            .or(cell_unit.as_ref().map(|(u, _)| u.as_str()));
        match (v.unit, unit) {
            (None, _) => {}
            (Some(u), Some(t)) if !u.eq_ignore_ascii_case(t) => continue,
            (Some(_), Some(_)) => {}
            (Some(u), None) => cell_unit = Some((u.to_string(), *first)),
        }
        let m_at = format!("{cat_at}.measurements[{}]", category.measurements.len());
        cx.at(&m_at, cell);
        for (name, value) in [
            ("value", &m.value),
            ("spread", &m.spread),
            ("lowerLimit", &m.lower_limit),
            ("upperLimit", &m.upper_limit),
        ] {
            if value.is_some() {
                cx.at(&format!("{m_at}.{name}"), [first]);
            }
        }
        category.measurements.push(m);
        cx.take(first);
        let Some((l, (n, units))) = cell.get(1).and_then(|l| Some((l, cells::denom(l.text)?)))
        else {
            continue;
        };
        if denom.units.as_deref().is_none_or(|u| u == units) {
            denom.units = Some(units.to_string());
            denom.counts.push(DenomCount {
                group_id: Some(group_id(prefix, g)),
                value: Some(n.to_string()),
            });
            denom_lines.push(*l);
        }
    }
    let (keep_denom, param_set, unit_set) = {
        let p = target.parts(cx.study);
        if !same {
            p.classes.push(MeasureClass {
                title: class_title,
                ..MeasureClass::default()
            });
        }
        let class = &mut p.classes[c];
        class.categories.push(category);
        // A class's numbers analysed are its first row's; a later row's that differ stay text.
        let keep_denom = !denom.counts.is_empty()
            && match class.denoms.first() {
                None => {
                    class.denoms.push(denom);
                    true
                }
                Some(d) => *d == denom,
            };
        let (mut param_set, mut unit_set) = (false, false);
        if let (None, Some((u, _))) = (p.unit.as_ref(), &cell_unit) {
            if cells::is_participants(u) && p.param.is_none() {
                *p.param = Some(MeasureParam::CountOfParticipants);
                param_set = true;
            }
            *p.unit = Some(u.clone());
            unit_set = true;
        }
        (keep_denom, param_set, unit_set)
    };
    if let Some((_, l)) = &cell_unit {
        if param_set {
            cx.at(&format!("{at}.paramType"), [l]);
        }
        if unit_set {
            cx.at(&format!("{at}.unitOfMeasure"), [l]);
        }
    }
    if keep_denom {
        cx.widen(&format!("{class_at}.denoms[0]"), &denom_lines);
        for (i, l) in denom_lines.iter().enumerate() {
            cx.at(&format!("{class_at}.denoms[0].counts[{i}]"), [l]);
            cx.take(l);
        }
    }
}
