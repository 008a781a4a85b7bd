//! A number a criterion sets for one measurable thing ("ANC ≥ 1.5 × 10^9/L"), as the
//! `thresholds` of a criterion item: which variable, how it is compared, the number(s), the
//! unit in one spelling, and the criterion's own words it was read from.

use serde::de::Deserializer;
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

/// Declares a closed list of codes: the enum, its serde spelling and its list of variants.
macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $code)]
                $variant,
            )+
        }
        impl $name {
            /// Every value, in the order the list declares them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The value's code, as it is written in a record.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// The value whose code is exactly `code`.
            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

codes!(
    /// What a threshold measures.
    Variable {
        /// Age.
        Age => "age",
        /// Body weight.
        Weight => "weight",
        /// Height (in centimetres; the unit list has none for it).
        Height => "height",
        /// Body mass index.
        Bmi => "bmi",
        /// ECOG (WHO, Zubrod) performance status, 0 to 5.
        Ecog => "ecog",
        /// Karnofsky performance status, 0 to 100.
        Karnofsky => "karnofsky",
        /// Lansky play-performance score, 0 to 100.
        Lansky => "lansky",
        /// Life expectancy.
        LifeExpectancy => "life_expectancy",
        /// Left ventricular ejection fraction.
        Lvef => "lvef",
        /// Systolic blood pressure.
        SystolicBp => "systolic_bp",
        /// Diastolic blood pressure.
        DiastolicBp => "diastolic_bp",
        /// Heart rate.
        HeartRate => "heart_rate",
        /// Corrected QT interval (QTc, QTcF, QTcB).
        Qtc => "qtc",
        /// Peripheral oxygen saturation.
        Spo2 => "spo2",
        /// PaO2/FiO2 ratio.
        Pao2Fio2 => "pao2_fio2",
        /// Forced expiratory volume in one second.
        Fev1 => "fev1",
        /// Diffusing capacity for carbon monoxide.
        Dlco => "dlco",
        /// Body temperature (in °C; the unit list has none for it).
        Temperature => "temperature",
        /// Hemoglobin.
        Hemoglobin => "hemoglobin",
        /// Platelet count.
        Platelets => "platelets",
        /// Absolute neutrophil count.
        Anc => "anc",
        /// White blood cell count.
        Wbc => "wbc",
        /// Lymphocyte count.
        Lymphocytes => "lymphocytes",
        /// CD4 count.
        Cd4 => "cd4",
        /// International normalized ratio.
        Inr => "inr",
        /// Activated partial thromboplastin time.
        Aptt => "aptt",
        /// Serum creatinine.
        Creatinine => "creatinine",
        /// Creatinine clearance.
        CreatinineClearance => "creatinine_clearance",
        /// Estimated glomerular filtration rate.
        Egfr => "egfr",
        /// Total bilirubin.
        Bilirubin => "bilirubin",
        /// Alanine aminotransferase (SGPT).
        Alt => "alt",
        /// Aspartate aminotransferase (SGOT).
        Ast => "ast",
        /// Alkaline phosphatase.
        AlkalinePhosphatase => "alkaline_phosphatase",
        /// Serum albumin.
        Albumin => "albumin",
        /// Glycated hemoglobin.
        Hba1c => "hba1c",
        /// Blood glucose.
        Glucose => "glucose",
        /// C-reactive protein.
        Crp => "crp",
        /// Viral load (HIV, HBV or HCV RNA or DNA).
        ViralLoad => "viral_load",
    }
);

impl Variable {
    /// How a sentence names it: "ANC", "platelets", "ECOG".
    pub fn label(self) -> &'static str {
        use Variable as V;
        match self {
            V::Age => "age",
            V::Weight => "weight",
            V::Height => "height",
            V::Bmi => "BMI",
            V::Ecog => "ECOG",
            V::Karnofsky => "Karnofsky",
            V::Lansky => "Lansky",
            V::LifeExpectancy => "life expectancy",
            V::Lvef => "LVEF",
            V::SystolicBp => "systolic blood pressure",
            V::DiastolicBp => "diastolic blood pressure",
            V::HeartRate => "heart rate",
            V::Qtc => "QTc",
            V::Spo2 => "SpO2",
            V::Pao2Fio2 => "PaO2/FiO2",
            V::Fev1 => "FEV1",
            V::Dlco => "DLCO",
            V::Temperature => "temperature",
            V::Hemoglobin => "hemoglobin",
            V::Platelets => "platelets",
            V::Anc => "ANC",
            V::Wbc => "WBC",
            V::Lymphocytes => "lymphocytes",
            V::Cd4 => "CD4",
            V::Inr => "INR",
            V::Aptt => "aPTT",
            V::Creatinine => "creatinine",
            V::CreatinineClearance => "creatinine clearance",
            V::Egfr => "eGFR",
            V::Bilirubin => "bilirubin",
            V::Alt => "ALT",
            V::Ast => "AST",
            V::AlkalinePhosphatase => "alkaline phosphatase",
            V::Albumin => "albumin",
            V::Hba1c => "HbA1c",
            V::Glucose => "glucose",
            V::Crp => "CRP",
            V::ViralLoad => "viral load",
        }
    }
}

codes!(
    /// How a criterion compares its variable with the number.
    Comparator {
        /// Below the value.
        Less => "<",
        /// At or below the value.
        LessOrEqual => "<=",
        /// Above the value.
        Greater => ">",
        /// At or above the value.
        GreaterOrEqual => ">=",
        /// Exactly the value.
        Equal => "=",
        /// From the value to `upper`, both included.
        Between => "between",
    }
);

impl Comparator {
    /// The sign a sentence shows: `<`, `≤`, `>`, `≥`, `=`; "between" for a range.
    pub fn sign(self) -> &'static str {
        match self {
            Comparator::Less => "<",
            Comparator::LessOrEqual => "≤",
            Comparator::Greater => ">",
            Comparator::GreaterOrEqual => "≥",
            Comparator::Equal => "=",
            Comparator::Between => "between",
        }
    }
}

codes!(
    /// A threshold's unit, in one spelling.
    Unit {
        /// Years.
        Years => "years",
        /// Months.
        Months => "months",
        /// Weeks.
        Weeks => "weeks",
        /// Days.
        Days => "days",
        /// Kilograms.
        Kg => "kg",
        /// Kilograms per square metre.
        KgPerM2 => "kg/m2",
        /// Per cent.
        Percent => "%",
        /// Times the upper limit of normal.
        TimesUln => "x ULN",
        /// Milligrams per decilitre.
        MgPerDl => "mg/dL",
        /// Grams per decilitre.
        GPerDl => "g/dL",
        /// Grams per litre.
        GPerL => "g/L",
        /// Micromoles per litre.
        UmolPerL => "umol/L",
        /// Millimoles per litre.
        MmolPerL => "mmol/L",
        /// Millilitres per minute.
        MlPerMin => "mL/min",
        /// Millilitres per minute per 1.73 m² of body surface.
        MlPerMinPer173 => "mL/min/1.73m2",
        /// Billions (10^9) per litre.
        GigaPerL => "10^9/L",
        /// Per microlitre (per mm³).
        PerUl => "/uL",
        /// Millimetres of mercury.
        MmHg => "mmHg",
        /// Milliseconds.
        Ms => "ms",
        /// Beats per minute.
        Bpm => "bpm",
        /// Cells per microlitre.
        CellsPerUl => "cells/uL",
        /// Units per litre.
        UPerL => "U/L",
        /// Nanograms per millilitre.
        NgPerMl => "ng/mL",
        /// Milligrams per litre.
        MgPerL => "mg/L",
        /// Copies per millilitre.
        CopiesPerMl => "copies/mL",
    }
);

/// A number a criterion sets for one variable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    /// What it measures.
    pub variable: Variable,
    /// How the variable is compared with `value`.
    pub comparator: Comparator,
    /// The number (the lower end of a range).
    #[serde(serialize_with = "number")]
    pub value: f64,
    /// The upper end of a range (`between`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "optional_number"
    )]
    pub upper: Option<f64>,
    /// The unit, when the criterion gives one of the list (age is in years when it gives
    /// none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The criterion's own words the threshold was read from.
    pub text: String,
}

impl Unit {
    /// The unit as a sentence shows it: "× 10⁹/L", "× ULN", "/µL", "kg/m²"; the code for the
    /// rest.
    pub fn shown(self) -> &'static str {
        match self {
            Unit::TimesUln => "× ULN",
            Unit::GigaPerL => "× 10⁹/L",
            Unit::PerUl => "/µL",
            Unit::CellsPerUl => "cells/µL",
            Unit::UmolPerL => "µmol/L",
            Unit::KgPerM2 => "kg/m²",
            Unit::MlPerMinPer173 => "mL/min/1.73 m²",
            u => u.code(),
        }
    }

    /// A number followed by the unit as a sentence writes it: "50%", "1.5 × 10⁹/L",
    /// "100,000/µL", "2 mg/dL".
    pub fn after(self, number: &str) -> String {
        match self.shown() {
            "%" => format!("{number}%"),
            shown if shown.starts_with('/') => format!("{number}{shown}"),
            shown => format!("{number} {shown}"),
        }
    }
}

impl Threshold {
    /// Whether `other` sets the same bound: the same variable, comparison, numbers and unit,
    /// whatever words it was read from.
    pub fn same_bound(&self, other: &Threshold) -> bool {
        self.variable == other.variable
            && self.comparator == other.comparator
            && self.value == other.value
            && self.upper == other.upper
            && self.unit == other.unit
    }

    /// How the card reads the threshold to a person: "ANC ≥ 1.5 × 10⁹/L", "Age 18–65 years",
    /// "ECOG ≤ 2", "Platelets ≥ 100,000/µL".
    pub fn reading(&self) -> String {
        let mut label = self.variable.label().to_string();
        if let Some(first) = label.get(..1) {
            let upper = crate::case::Cased::uppercased(first);
            label.replace_range(..1, &upper);
        }
        let number = match (self.comparator, self.upper) {
            (Comparator::Between, Some(upper)) => {
                format!("{}–{}", reading_number(self.value), reading_number(upper))
            }
            (_, _) => reading_number(self.value),
        };
        let value = self.unit.map_or(number.clone(), |u| u.after(&number));
        match self.comparator {
            Comparator::Between if self.upper.is_some() => format!("{label} {value}"),
            c => format!("{label} {} {value}", c.sign()),
        }
    }
}

/// A number with at most three decimals, as a sentence writes it: `18`, `1.5`, `0.333` (never
/// `-0`).
pub(crate) fn plain_number(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    if rounded == 0.0 {
        "0".to_string()
    } else {
        format!("{rounded}")
    }
}

/// A number as a reading shows it: [`plain_number`], thousands grouped from 10,000.
fn reading_number(value: f64) -> String {
    let text = plain_number(value);
    let (sign, rest) = text.strip_prefix('-').map_or(("", &text[..]), |r| ("-", r));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    if whole.len() <= 4 {
        return text;
    }
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Writes a whole number without a fraction (`18`, not `18.0`).
fn number<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() < EXACT {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

fn optional_number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

/// Reads a list of thresholds, leaving out any it cannot read (a variable, comparator or
/// unit this version does not know): the rest of the record is read. The CT.gov JSON reader
/// keeps what was left out under `trialcards.unmodelled`.
pub(crate) fn lenient_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Threshold>, D::Error> {
    let items = match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(items) => items,
        _ => return Ok(Vec::new()),
    };
    Ok(items
        .into_iter()
        .filter_map(|item| crate::json_value::from_value(&item).ok())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threshold(
        variable: Variable,
        comparator: Comparator,
        value: f64,
        upper: Option<f64>,
        unit: Option<Unit>,
    ) -> Threshold {
        Threshold {
            variable,
            comparator,
            value,
            upper,
            unit,
            text: String::new(),
        }
    }

    #[test]
    fn a_reading_shows_the_variable_sign_number_and_unit_as_a_sentence_writes_them() {
        use Comparator as C;
        let cases = [
            (
                threshold(
                    Variable::Anc,
                    C::GreaterOrEqual,
                    1.5,
                    None,
                    Some(Unit::GigaPerL),
                ),
                "ANC ≥ 1.5 × 10⁹/L",
            ),
            (
                threshold(
                    Variable::Age,
                    C::Between,
                    18.0,
                    Some(65.0),
                    Some(Unit::Years),
                ),
                "Age 18–65 years",
            ),
            (
                threshold(Variable::Ecog, C::LessOrEqual, 2.0, None, None),
                "ECOG ≤ 2",
            ),
            (
                threshold(
                    Variable::Platelets,
                    C::GreaterOrEqual,
                    100000.0,
                    None,
                    Some(Unit::PerUl),
                ),
                "Platelets ≥ 100,000/µL",
            ),
            (
                threshold(Variable::Lvef, C::Less, 40.0, None, Some(Unit::Percent)),
                "LVEF < 40%",
            ),
            (
                threshold(
                    Variable::Alt,
                    C::LessOrEqual,
                    2.5,
                    None,
                    Some(Unit::TimesUln),
                ),
                "ALT ≤ 2.5 × ULN",
            ),
            (
                threshold(
                    Variable::Bmi,
                    C::Greater,
                    1234.5678,
                    None,
                    Some(Unit::KgPerM2),
                ),
                "BMI > 1234.568 kg/m²",
            ),
            (
                threshold(
                    Variable::ViralLoad,
                    C::Less,
                    1234567.5,
                    None,
                    Some(Unit::CopiesPerMl),
                ),
                "Viral load < 1,234,567.5 copies/mL",
            ),
        ];
        for (t, reading) in cases {
            assert_eq!(t.reading(), reading);
        }
    }

    #[test]
    fn whole_numbers_are_written_without_a_fraction_and_read_back() {
        let t = Threshold {
            variable: Variable::Age,
            comparator: Comparator::Between,
            value: 18.0,
            upper: Some(65.5),
            unit: Some(Unit::Years),
            text: "aged 18 to 65.5 years".into(),
        };
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(
            json,
            r#"{"variable":"age","comparator":"between","value":18,"upper":65.5,"unit":"years","text":"aged 18 to 65.5 years"}"#
        );
        assert_eq!(serde_json::from_str::<Threshold>(&json).unwrap(), t);
    }

    #[test]
    fn a_threshold_this_version_cannot_read_is_left_out_and_the_rest_stay() {
        #[derive(Deserialize)]
        struct Item {
            #[serde(deserialize_with = "lenient_list")]
            thresholds: Vec<Threshold>,
        }
        let item: Item = serde_json::from_str(
            r#"{"thresholds": [
                {"variable": "ferritin", "comparator": ">", "value": 1, "text": "ferritin > 1"},
                {"variable": "anc", "comparator": ">=", "value": 1.5, "unit": "furlongs", "text": "x"},
                {"variable": "anc", "comparator": ">=", "value": 1.5, "unit": "10^9/L", "text": "ANC ≥ 1.5"}
            ]}"#,
        )
        .unwrap();
        assert_eq!(item.thresholds.len(), 1);
        assert_eq!(item.thresholds[0].text, "ANC ≥ 1.5");
        let odd: Item = serde_json::from_str(r#"{"thresholds": 7}"#).unwrap();
        assert!(odd.thresholds.is_empty());
    }

    #[test]
    fn codes_read_back() {
        for v in Variable::ALL {
            assert_eq!(Variable::from_code(v.code()), Some(*v));
        }
        for u in Unit::ALL {
            assert_eq!(Unit::from_code(u.code()), Some(*u));
        }
        assert_eq!(Variable::ALL.len(), 38);
        assert_eq!(Unit::ALL.len(), 25);
    }
}
