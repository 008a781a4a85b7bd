//! Units as criteria spell them ("/mm³", "×10⁹/L", "10*9/l", "G/L", "µmol/L", "mL/min/1.73
//! m²", "msec", "times ULN", "× institutional upper limit of normal" …) read into one
//! spelling ([`Unit`]), which units each variable is measured in, and the conversions that
//! are exact.

use std::sync::OnceLock;

use super::tokens::plain_digit;
use crate::model::{Unit, Variable};

/// What a unit's spelling names, before the variable it belongs to is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spelled {
    /// A unit of the list.
    Listed(Unit),
    /// "g/L" or "G/L": grams per litre for a protein, 10^9 per litre for a cell count.
    GramsOrGiga,
    /// "×10^4/µL" (as Japanese registries write counts): ten times 10^9/L.
    TenThousandPerUl,
    /// Centimetres (a height's; not in the list).
    Centimetres,
    /// Degrees Celsius (a temperature's; not in the list).
    Celsius,
    /// A unit outside the list (mg, IU/mL, kPa, seconds …): a threshold in it is left out.
    Unlisted,
}

/// The spellings of each unit. In a spelling `×` is any times sign (x, ×, *, ·), `^` an
/// optional power sign (^, *, e, or none: "x109/L" is "x10^9/L" with its superscript lost),
/// `u` also µ and μ, `.` also a decimal comma, `°` also º; a digit is also its superscript;
/// a space is optional, and spaces may stand between any two characters but letters.
fn spellings() -> &'static [(String, Spelled)] {
    static ALL: OnceLock<Vec<(String, Spelled)>> = OnceLock::new();
    ALL.get_or_init(|| {
        use Spelled::{Celsius, Centimetres, GramsOrGiga, Listed, TenThousandPerUl, Unlisted};
        use Unit as U;
        let mut out: Vec<(String, Spelled)> = Vec::new();
        fn add(out: &mut Vec<(String, Spelled)>, list: &[&str], means: Spelled) {
            out.extend(list.iter().map(|s| (s.to_string(), means)));
        }
        add(
            &mut out,
            &["years", "year", "yrs", "yr", "y"],
            Listed(U::Years),
        );
        add(
            &mut out,
            &["months", "month", "mos", "mo", "mths", "mth"],
            Listed(U::Months),
        );
        add(&mut out, &["weeks", "week", "wks", "wk"], Listed(U::Weeks));
        add(&mut out, &["days", "day", "d"], Listed(U::Days));
        add(
            &mut out,
            &["kg", "kgs", "kilogram", "kilograms"],
            Listed(U::Kg),
        );
        add(
            &mut out,
            &[
                "kg/m^2",
                "kg/sqm",
                "kg per m^2",
                "kg per square meter",
                "kg per square metre",
            ],
            Listed(U::KgPerM2),
        );
        add(
            &mut out,
            &["%", "percent", "per cent", "pct"],
            Listed(U::Percent),
        );
        add(
            &mut out,
            &["mg/dl", "mg/100 ml", "mg %", "mg/decilitre", "mg/deciliter"],
            Listed(U::MgPerDl),
        );
        add(
            &mut out,
            &[
                "g/dl",
                "gm/dl",
                "gr/dl",
                "g/100 ml",
                "g/decilitre",
                "g/deciliter",
                "g %",
                "gm %",
            ],
            Listed(U::GPerDl),
        );
        add(
            &mut out,
            &["g/l", "gm/l", "g/litre", "g/liter", "giga/l", "gpt/l"],
            GramsOrGiga,
        );
        add(
            &mut out,
            &[
                "umol/l",
                "micromol/l",
                "micromole/l",
                "micromoles/l",
                "umol/litre",
                "umol/liter",
            ],
            Listed(U::UmolPerL),
        );
        add(
            &mut out,
            &["mmol/l", "mmol/litre", "mmol/liter"],
            Listed(U::MmolPerL),
        );
        add(
            &mut out,
            &[
                "ml/min",
                "ml/minute",
                "ml/mn",
                "cc/min",
                "ml per min",
                "ml per minute",
            ],
            Listed(U::MlPerMin),
        );
        for base in [
            "ml/min",
            "ml/minute",
            "ml per min",
            "ml per minute",
            "ml/mn",
        ] {
            for per in ["/1.73 m^2", " per 1.73 m^2", "/1.73 sqm", "/1.73 m^2 bsa"] {
                out.push((format!("{base}{per}"), Listed(U::MlPerMinPer173)));
            }
        }
        for times in ["×", ""] {
            for power in [
                "10^9/l",
                "10^9/litre",
                "10^9/liter",
                "10^9 cells/l",
                "10^9 per l",
                "10^9 per liter",
                "10^9 per litre",
                "10(9)/l",
                "10^3/ul",
                "10^3/mm^3",
                "10^3/microliter",
                "10^3 cells/ul",
                "10^3 cells/mm^3",
                "10^3 per ul",
                "10^3 per mm^3",
            ] {
                out.push((format!("{times}{power}"), Listed(U::GigaPerL)));
            }
            out.push((format!("{times}10^6/l"), Listed(U::PerUl)));
            for per in ["10^4/ul", "10^4/mm^3", "10^4/microliter", "10^4 cells/ul"] {
                out.push((format!("{times}{per}"), TenThousandPerUl));
            }
        }
        add(
            &mut out,
            &["k/ul", "thousand/ul", "thousand per ul"],
            Listed(U::GigaPerL),
        );
        add(
            &mut out,
            &[
                "/ul",
                "/mm^3",
                "mm^3",
                "/cu mm",
                "/cmm",
                "per ul",
                "per microliter",
                "per microlitre",
                "per mm^3",
                "per cubic millimeter",
                "per cubic millimetre",
                "/microliter",
                "/microlitre",
            ],
            Listed(U::PerUl),
        );
        add(
            &mut out,
            &[
                "cells/ul",
                "cells/mm^3",
                "cells per ul",
                "cells per microliter",
                "cells per microlitre",
                "cells per mm^3",
                "cells/microliter",
                "cells/microlitre",
                "cell/ul",
                "cell/mm^3",
                "cells/cmm",
                "cells/cu mm",
            ],
            Listed(U::CellsPerUl),
        );
        add(&mut out, &["mm hg", "mm of hg", "mm/hg"], Listed(U::MmHg));
        add(
            &mut out,
            &[
                "ms",
                "msec",
                "msecs",
                "millisecond",
                "milliseconds",
                "mseconds",
            ],
            Listed(U::Ms),
        );
        add(
            &mut out,
            &[
                "bpm",
                "beats per minute",
                "beats/min",
                "beats/minute",
                "beats per min",
                "/min",
                "per minute",
            ],
            Listed(U::Bpm),
        );
        add(
            &mut out,
            &[
                "u/l",
                "iu/l",
                "units/l",
                "ui/l",
                "units per liter",
                "units per litre",
            ],
            Listed(U::UPerL),
        );
        add(&mut out, &["ng/ml"], Listed(U::NgPerMl));
        add(
            &mut out,
            &["mg/l", "mg/litre", "mg/liter"],
            Listed(U::MgPerL),
        );
        add(
            &mut out,
            &[
                "copies/ml",
                "copies per ml",
                "cp/ml",
                "copies/milliliter",
                "copies/millilitre",
            ],
            Listed(U::CopiesPerMl),
        );
        // Times the upper limit of normal, in its many wordings; "ULN" alone too ("≤ 2.5 ULN").
        let cores = [
            "uln",
            "upper limit of normal",
            "upper limit of the normal range",
            "upper limit of normal range",
            "upper limit of the normal",
            "upper normal limit",
            "upper limit normal",
            "normal upper limit",
        ];
        let middles = [
            "",
            "the ",
            "institutional ",
            "the institutional ",
            "institution's ",
            "local ",
            "the local ",
            "site ",
        ];
        for times in ["×", "times ", "fold ", "-fold "] {
            for middle in middles {
                for core in cores {
                    out.push((format!("{times}{middle}{core}"), Listed(U::TimesUln)));
                }
            }
        }
        for middle in middles {
            for core in cores {
                out.push((format!("{middle}{core}"), Listed(U::TimesUln)));
            }
        }
        add(&mut out, &["cm", "centimeters", "centimetres"], Centimetres);
        add(
            &mut out,
            &[
                "°c",
                "degrees celsius",
                "degrees c",
                "deg c",
                "celsius",
                "c",
            ],
            Celsius,
        );
        add(
            &mut out,
            &[
                "cm^2",
                "mm^2",
                "mm",
                "m",
                "m^2",
                "mg",
                "g",
                "mcg",
                "ug",
                "ng",
                "pg/ml",
                "ng/dl",
                "ug/dl",
                "ug/l",
                "ug/ml",
                "iu/ml",
                "u/ml",
                "iu",
                "units",
                "ml",
                "l",
                "litres",
                "liters",
                "mmol/mol",
                "kpa",
                "°f",
                "degrees fahrenheit",
                "f",
                "lbs",
                "lb",
                "pounds",
                "mg/m^2",
                "mg/kg",
                "g/g",
                "mg/g",
                "mg/mmol",
                "meq/l",
                "mol/l",
                "nmol/l",
                "pmol/l",
                "hours",
                "hour",
                "hrs",
                "hr",
                "h",
                "minutes",
                "min",
                "seconds",
                "second",
                "sec",
                "secs",
                "s",
                "cycles",
                "cycle",
                "log",
                "log10",
                "lines",
                "doses",
                "points",
                "mmol",
                "mosm/kg",
            ],
            Unlisted,
        );
        out
    })
}

/// Whether a times sign is `c`.
fn times_sign(c: char) -> bool {
    matches!(c, 'x' | 'X' | '×' | '*' | '·' | '✕')
}

/// Whether the character `c` may be spelled by the spelling character `s` (the rules of
/// [`spellings`]).
fn same_char(s: char, c: char) -> bool {
    match s {
        '×' => times_sign(c),
        'u' => matches!(c, 'u' | 'U' | 'µ' | 'μ'),
        '.' => matches!(c, '.' | ','),
        '°' => matches!(c, '°' | 'º' | '˚'),
        d if d.is_ascii_digit() => plain_digit(c) == d,
        l if l.is_ascii_alphabetic() => c.to_ascii_lowercase() == l,
        other => c == other,
    }
}

/// How many bytes of `text` (from its start) spell `spelling`, by the rules of
/// [`spellings`]; `None` when it does not.
fn spelled(text: &str, spelling: &str) -> Option<usize> {
    let mut at = 0;
    let mut prev: Option<char> = None;
    let skip_spaces = |at: &mut usize| {
        while let Some(c) = text[*at..].chars().next().filter(|c| c.is_whitespace()) {
            *at += c.len_utf8();
        }
    };
    for s in spelling.chars() {
        if s == ' ' {
            skip_spaces(&mut at);
            prev = Some(' ');
            continue;
        }
        let between_letters =
            prev.is_some_and(|p| p.is_ascii_alphabetic()) && s.is_ascii_alphabetic();
        if prev.is_some() && !between_letters {
            skip_spaces(&mut at);
        }
        prev = Some(s);
        let c = text[at..].chars().next();
        if s == '^' {
            if let Some(c @ ('^' | '*' | 'e' | 'E')) = c {
                at += c.len_utf8();
            }
            continue;
        }
        let c = c?;
        if !same_char(s, c) {
            return None;
        }
        at += c.len_utf8();
    }
    // A spelling that ends in a letter or digit ends a word.
    let last = spelling.chars().last()?;
    let next = text[at..].chars().next();
    if last.is_alphanumeric() && next.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(at)
}

/// The unit `rest` starts with (after any spaces), and how many bytes of `rest` it takes:
/// the longest spelling that matches.
pub(crate) fn read_unit(rest: &str) -> Option<(Spelled, usize)> {
    let lead = rest.len() - rest.trim_start().len();
    let text = &rest[lead..];
    let first = text.chars().next()?;
    if first.is_ascii_digit() && !text.starts_with("10") {
        return None;
    }
    let all = spellings();
    let mut best: Option<(Spelled, usize)> = None;
    // Only the spellings whose first character the text's first can be.
    let lower = first.to_ascii_lowercase();
    let starts = [
        Some(lower),
        times_sign(first).then_some('×'),
        matches!(first, 'µ' | 'μ').then_some('u'),
        (first == ',').then_some('.'),
        matches!(first, 'º' | '˚').then_some('°'),
        Some(plain_digit(first)).filter(|d| *d != first),
    ];
    let mut tried: Vec<char> = Vec::with_capacity(starts.len());
    for start in starts.into_iter().flatten() {
        if tried.contains(&start) {
            continue;
        }
        tried.push(start);
        for &i in by_first_char(start) {
            let (spelling, means) = &all[i];
            if let Some(n) = spelled(text, spelling) {
                if best.is_none_or(|(_, b)| n > b) {
                    best = Some((*means, n));
                }
            }
        }
    }
    best.map(|(means, n)| (means, lead + n))
}

/// The spellings (their indexes in [`spellings`]) that start with the spelling character `c`.
fn by_first_char(c: char) -> &'static [usize] {
    static INDEX: OnceLock<Vec<(char, Vec<usize>)>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, (spelling, _)) in spellings().iter().enumerate() {
            let Some(first) = spelling.chars().next() else {
                continue;
            };
            match index.iter_mut().find(|(c, _)| *c == first) {
                Some((_, list)) => list.push(i),
                None => index.push((first, vec![i])),
            }
        }
        index
    });
    index
        .iter()
        .find(|(first, _)| *first == c)
        .map_or(&[], |(_, list)| list.as_slice())
}

/// What a unit's spelling means for `variable`: the unit (none for a score's "%", a height's
/// cm and a temperature's °C), or `Err` when the variable is not measured in it (the threshold
/// is then about something else, and left out).
pub(crate) fn unit_for(variable: Variable, spelled: Spelled) -> Result<Option<Unit>, ()> {
    use Variable as V;
    let unit = match spelled {
        Spelled::Listed(u) => u,
        Spelled::GramsOrGiga if is_cell_count(variable) => Unit::GigaPerL,
        Spelled::GramsOrGiga => Unit::GPerL,
        Spelled::TenThousandPerUl if is_cell_count(variable) => Unit::GigaPerL,
        Spelled::Centimetres if variable == V::Height => return Ok(None),
        Spelled::Celsius if variable == V::Temperature => return Ok(None),
        Spelled::Centimetres | Spelled::Celsius | Spelled::TenThousandPerUl | Spelled::Unlisted => {
            return Err(())
        }
    };
    if matches!(variable, V::Karnofsky | V::Lansky) && unit == Unit::Percent {
        return Ok(None);
    }
    if allowed(variable).contains(&unit) {
        Ok(Some(unit))
    } else {
        Err(())
    }
}

/// What a number in `spelled` is multiplied by to be in the unit [`unit_for`] gives: 10 for
/// "×10^4/µL" (read as 10^9/L), else 1.
pub(crate) fn scale(spelled: Spelled) -> f64 {
    match spelled {
        Spelled::TenThousandPerUl => 10.0,
        _ => 1.0,
    }
}

/// Whether the variable is a count of cells.
pub(crate) fn is_cell_count(variable: Variable) -> bool {
    use Variable as V;
    matches!(
        variable,
        V::Platelets | V::Anc | V::Wbc | V::Lymphocytes | V::Cd4
    )
}

/// The units `variable` is measured in (a threshold in another is about something else).
pub(crate) fn allowed(variable: Variable) -> &'static [Unit] {
    use Unit as U;
    use Variable as V;
    match variable {
        V::Age | V::LifeExpectancy => &[U::Years, U::Months, U::Weeks, U::Days],
        V::Weight => &[U::Kg],
        V::Bmi => &[U::KgPerM2],
        V::Height | V::Temperature | V::Ecog | V::Karnofsky | V::Lansky => &[],
        V::Lvef | V::Spo2 | V::Fev1 | V::Dlco | V::Hba1c => &[U::Percent],
        V::SystolicBp | V::DiastolicBp => &[U::MmHg],
        V::Pao2Fio2 => &[U::MmHg],
        V::HeartRate => &[U::Bpm],
        V::Qtc => &[U::Ms],
        V::Hemoglobin => &[U::GPerDl, U::GPerL, U::MmolPerL],
        V::Platelets | V::Anc | V::Wbc | V::Lymphocytes => &[U::GigaPerL, U::PerUl, U::CellsPerUl],
        V::Cd4 => &[U::CellsPerUl, U::PerUl, U::GigaPerL, U::Percent],
        V::Inr | V::Aptt => &[U::TimesUln],
        V::Creatinine => &[U::MgPerDl, U::UmolPerL, U::MmolPerL, U::TimesUln],
        V::Bilirubin => &[U::MgPerDl, U::UmolPerL, U::TimesUln],
        V::CreatinineClearance | V::Egfr => &[U::MlPerMin, U::MlPerMinPer173],
        V::Alt | V::Ast | V::AlkalinePhosphatase => &[U::TimesUln, U::UPerL],
        V::Albumin => &[U::GPerDl, U::GPerL],
        V::Glucose => &[U::MgPerDl, U::MmolPerL],
        V::Crp => &[U::MgPerL, U::MgPerDl],
        V::ViralLoad => &[U::CopiesPerMl],
    }
}

/// The unit a fact given without one is in: age in years, weight in kg, blood pressure in
/// mmHg …; `None` when the variable has no usual unit (a score, or a lab value whose units
/// differ between countries).
pub(crate) fn usual_unit(variable: Variable) -> Option<Unit> {
    use Unit as U;
    use Variable as V;
    match variable {
        V::Age => Some(U::Years),
        V::Weight => Some(U::Kg),
        V::Bmi => Some(U::KgPerM2),
        V::Lvef | V::Spo2 | V::Hba1c => Some(U::Percent),
        V::SystolicBp | V::DiastolicBp => Some(U::MmHg),
        V::HeartRate => Some(U::Bpm),
        V::Qtc => Some(U::Ms),
        _ => None,
    }
}

/// `value` of `variable` in `from` as a number in `to`, when the conversion is exact: the same
/// unit; months and years (×12); days and weeks (×7); g/dL and g/L, mg/dL and mg/L (×10);
/// creatinine mg/dL and µmol/L (×88.42), bilirubin (×17.1); for cell counts /µL, cells/µL
/// and 10^9/L (×1000). Age also converts between years and weeks or days (a year of 365.25
/// days, as CT.gov's ages are read). Glucose's mg/dL and mmol/L are not converted: the factor
/// (18.016) is not exact enough to decide a person at the threshold.
pub(crate) fn convert(variable: Variable, value: f64, from: Unit, to: Unit) -> Option<f64> {
    use Unit as U;
    if from == to {
        return Some(value);
    }
    let factor = |a: Unit, b: Unit| -> Option<f64> {
        // How many `b` one `a` is.
        Some(match (a, b) {
            (U::Years, U::Months) => 12.0,
            (U::Weeks, U::Days) => 7.0,
            (U::Years, U::Weeks) if variable == Variable::Age => 365.25 / 7.0,
            (U::Years, U::Days) if variable == Variable::Age => 365.25,
            (U::Months, U::Weeks) if variable == Variable::Age => 365.25 / 12.0 / 7.0,
            (U::Months, U::Days) if variable == Variable::Age => 365.25 / 12.0,
            (U::GPerDl, U::GPerL) | (U::MgPerDl, U::MgPerL) => 10.0,
            (U::MgPerDl, U::UmolPerL) if variable == Variable::Creatinine => 88.42,
            (U::MgPerDl, U::UmolPerL) if variable == Variable::Bilirubin => 17.1,
            (U::GigaPerL, U::PerUl | U::CellsPerUl) if is_cell_count(variable) => 1000.0,
            (U::PerUl, U::CellsPerUl) if is_cell_count(variable) => 1.0,
            _ => return None,
        })
    };
    if let Some(f) = factor(from, to) {
        Some(value * f)
    } else {
        factor(to, from).map(|f| value / f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Spelled::Listed as S;

    fn unit(text: &str) -> Option<Spelled> {
        read_unit(text).map(|(u, _)| u)
    }

    #[test]
    fn every_spelling_the_criteria_use_reads_as_its_unit() {
        let cases = [
            ("/mm3", S(Unit::PerUl)),
            ("/mm³", S(Unit::PerUl)),
            ("/µl", S(Unit::PerUl)),
            ("/μL", S(Unit::PerUl)),
            ("per microliter", S(Unit::PerUl)),
            ("x10^9/L", S(Unit::GigaPerL)),
            ("×10⁹/L", S(Unit::GigaPerL)),
            ("x 10^9 /L", S(Unit::GigaPerL)),
            ("10*9/l", S(Unit::GigaPerL)),
            ("x 109/L", S(Unit::GigaPerL)),
            ("× 10³/µL", S(Unit::GigaPerL)),
            ("G/L", Spelled::GramsOrGiga),
            ("µmol/L", S(Unit::UmolPerL)),
            ("umol/l", S(Unit::UmolPerL)),
            ("μmol/L", S(Unit::UmolPerL)),
            ("mL/min/1.73 m²", S(Unit::MlPerMinPer173)),
            ("ml/min/1,73m2", S(Unit::MlPerMinPer173)),
            ("mL/min", S(Unit::MlPerMin)),
            ("msec", S(Unit::Ms)),
            ("ms", S(Unit::Ms)),
            ("times ULN", S(Unit::TimesUln)),
            ("× upper limit of normal", S(Unit::TimesUln)),
            ("x institutional ULN", S(Unit::TimesUln)),
            ("x ULN", S(Unit::TimesUln)),
            ("xULN", S(Unit::TimesUln)),
            ("ULN", S(Unit::TimesUln)),
            ("times the upper limit of normal", S(Unit::TimesUln)),
            ("kg/m²", S(Unit::KgPerM2)),
            ("kg/m2", S(Unit::KgPerM2)),
            ("mmHg", S(Unit::MmHg)),
            ("mm Hg", S(Unit::MmHg)),
            ("beats per minute", S(Unit::Bpm)),
            ("cells/mm3", S(Unit::CellsPerUl)),
            ("cells/µL", S(Unit::CellsPerUl)),
            ("IU/L", S(Unit::UPerL)),
            ("copies/mL", S(Unit::CopiesPerMl)),
            ("mg/dL", S(Unit::MgPerDl)),
            ("g/dl", S(Unit::GPerDl)),
            ("mg/L", S(Unit::MgPerL)),
            ("mmol/L", S(Unit::MmolPerL)),
            ("ng/mL", S(Unit::NgPerMl)),
            ("%", S(Unit::Percent)),
            ("years", S(Unit::Years)),
            ("months", S(Unit::Months)),
            ("weeks", S(Unit::Weeks)),
            ("days", S(Unit::Days)),
            ("kg", S(Unit::Kg)),
            ("cm", Spelled::Centimetres),
            ("°C", Spelled::Celsius),
            ("mg", Spelled::Unlisted),
            ("IU/mL", Spelled::Unlisted),
            ("mmol/mol", Spelled::Unlisted),
        ];
        for (text, want) in cases {
            assert_eq!(unit(text), Some(want), "{text}");
        }
        // A word that only starts like a unit is none.
        assert_eq!(unit("dose"), None);
        assert_eq!(unit("years-old"), Some(S(Unit::Years)));
        assert_eq!(unit(" mg/dL, and"), Some(S(Unit::MgPerDl)));
        assert_eq!(read_unit(" mg/dL, and").map(|(_, n)| n), Some(6));
    }

    #[test]
    fn a_unit_means_what_its_variable_is_measured_in() {
        assert_eq!(
            unit_for(Variable::Platelets, Spelled::GramsOrGiga),
            Ok(Some(Unit::GigaPerL))
        );
        assert_eq!(
            unit_for(Variable::Hemoglobin, Spelled::GramsOrGiga),
            Ok(Some(Unit::GPerL))
        );
        assert_eq!(unit_for(Variable::Karnofsky, S(Unit::Percent)), Ok(None));
        assert_eq!(unit_for(Variable::Weight, S(Unit::Percent)), Err(()));
        assert_eq!(unit_for(Variable::Height, Spelled::Centimetres), Ok(None));
        assert_eq!(unit_for(Variable::Anc, Spelled::Unlisted), Err(()));
    }

    #[test]
    fn only_exact_conversions() {
        let near = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(near(
            convert(Variable::Creatinine, 1.0, Unit::MgPerDl, Unit::UmolPerL),
            88.42
        ));
        assert!(near(
            convert(Variable::Creatinine, 88.42, Unit::UmolPerL, Unit::MgPerDl),
            1.0
        ));
        assert!(near(
            convert(Variable::Bilirubin, 2.0, Unit::MgPerDl, Unit::UmolPerL),
            34.2
        ));
        assert!(near(
            convert(Variable::Hemoglobin, 9.0, Unit::GPerDl, Unit::GPerL),
            90.0
        ));
        assert!(near(
            convert(Variable::Anc, 1.5, Unit::GigaPerL, Unit::PerUl),
            1500.0
        ));
        assert!(near(
            convert(
                Variable::Platelets,
                100_000.0,
                Unit::CellsPerUl,
                Unit::GigaPerL
            ),
            100.0
        ));
        assert!(near(
            convert(Variable::Cd4, 200.0, Unit::PerUl, Unit::CellsPerUl),
            200.0
        ));
        assert!(near(
            convert(Variable::Age, 1.5, Unit::Years, Unit::Months),
            18.0
        ));
        assert_eq!(
            convert(Variable::Glucose, 126.0, Unit::MgPerDl, Unit::MmolPerL),
            None
        );
        assert_eq!(
            convert(Variable::Albumin, 3.0, Unit::MgPerDl, Unit::UmolPerL),
            None
        );
        assert_eq!(
            convert(Variable::Egfr, 60.0, Unit::MlPerMin, Unit::MlPerMinPer173),
            None
        );
        assert_eq!(
            convert(Variable::LifeExpectancy, 3.0, Unit::Months, Unit::Weeks),
            None
        );
    }
}
