//! The names, abbreviations and spellings criteria use for each variable ("ANC", "absolute
//! neutrophil count", "neutrophils"; "SGPT"; "WHO performance status" …), and finding them in
//! a criterion's tokens. Some names only look like a variable's ("gestational age", "weight
//! loss", "direct bilirubin", "transferrin saturation"): they are found too, and name none.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::tokens::{Kind, Token};
use crate::model::Variable;

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    /// A variable.
    Variable(Variable),
    /// Blood pressure: "140/90 mmHg" is systolic and diastolic.
    BloodPressure,
    /// Something that only looks like a variable.
    Other,
}

/// Each variable's names, in lower case, words separated by spaces (a sign between two words,
/// as in "c-reactive" or "PaO2/FiO2", is skipped when matching).
const NAMES: &[(Variable, &[&str])] = {
    use Variable as V;
    &[
        (V::Age, &["age", "aged", "ages", "age range"]),
        (
            V::Weight,
            &[
                "weight",
                "body weight",
                "bodyweight",
                "weighing",
                "weighs",
                "weigh",
                "weight at screening",
            ],
        ),
        (V::Height, &["height", "body height", "stature"]),
        (
            V::Bmi,
            &[
                "bmi",
                "body mass index",
                "body mass index bmi",
                "quetelet index",
            ],
        ),
        (
            V::Ecog,
            &[
                "ecog",
                "ecog ps",
                "ecog performance status",
                "ecog performance score",
                "ecog performance",
                "ecog score",
                "ecog status",
                "who performance status",
                "who ps",
                "who performance",
                "who ecog",
                "ecog who",
                "performance status",
                "ps",
                "zubrod",
                "zubrod performance status",
                "eastern cooperative oncology group",
                "eastern cooperative oncology group performance status",
                "eastern cooperative oncology group ecog performance status",
            ],
        ),
        (
            V::Karnofsky,
            &[
                "karnofsky",
                "kps",
                "karnofsky performance status",
                "karnofsky performance score",
                "karnofsky score",
                "karnofsky index",
                "karnofsky performance",
                "karnofsky scale",
                "karnofsky performance scale",
            ],
        ),
        (
            V::Lansky,
            &[
                "lansky",
                "lansky play performance",
                "lansky score",
                "lansky performance",
                "lansky play",
                "lansky performance status",
                "lansky play performance scale",
            ],
        ),
        (
            V::LifeExpectancy,
            &[
                "life expectancy",
                "expected survival",
                "estimated survival",
                "life expectation",
                "survival expectancy",
                "expected life expectancy",
                "predicted life expectancy",
                "anticipated survival",
                "expected to survive",
                "estimated life expectancy",
            ],
        ),
        (
            V::Lvef,
            &[
                "lvef",
                "left ventricular ejection fraction",
                "ejection fraction",
                "ef",
                "lv ejection fraction",
                "left ventricle ejection fraction",
                "lvef ef",
            ],
        ),
        (
            V::SystolicBp,
            &[
                "systolic blood pressure",
                "systolic bp",
                "sbp",
                "systolic",
                "systolic pressure",
                "systolic arterial pressure",
            ],
        ),
        (
            V::DiastolicBp,
            &[
                "diastolic blood pressure",
                "diastolic bp",
                "dbp",
                "diastolic",
                "diastolic pressure",
                "diastolic arterial pressure",
            ],
        ),
        (
            V::HeartRate,
            &[
                "heart rate",
                "resting heart rate",
                "pulse",
                "pulse rate",
                "heartrate",
                "resting pulse",
            ],
        ),
        (
            V::Qtc,
            &[
                "qtc",
                "qtcf",
                "qtcb",
                "qtc interval",
                "qtcf interval",
                "qtcb interval",
                "corrected qt",
                "corrected qt interval",
                "qt interval corrected",
                "qtc f",
                "qt qtc",
                "qtc fridericia",
                "fridericia corrected qt interval",
                "fridericia s corrected qt interval",
                "fridericia's corrected qt interval",
            ],
        ),
        (
            V::Spo2,
            &[
                "spo2",
                "sao2",
                "oxygen saturation",
                "o2 saturation",
                "pulse oximetry",
                "peripheral oxygen saturation",
                "saturation",
                "oxygen saturation spo2",
                "arterial oxygen saturation",
            ],
        ),
        (
            V::Pao2Fio2,
            &[
                "pao2 fio2",
                "pao2 fio2 ratio",
                "p f ratio",
                "pf ratio",
                "pao2 to fio2 ratio",
                "horowitz index",
                "p f",
                "pao2 fio2 ratio p f",
            ],
        ),
        (
            V::Fev1,
            &[
                "fev1",
                "fev 1",
                "forced expiratory volume in 1 second",
                "forced expiratory volume in one second",
                "forced expiratory volume in 1 s",
                "forced expiratory volume in the first second",
            ],
        ),
        (
            V::Dlco,
            &[
                "dlco",
                "dl co",
                "tlco",
                "diffusing capacity",
                "diffusion capacity",
                "diffusing capacity for carbon monoxide",
                "diffusing capacity of the lung for carbon monoxide",
                "dlco corrected",
                "dlco adjusted",
                "corrected dlco",
            ],
        ),
        (
            V::Temperature,
            &[
                "temperature",
                "body temperature",
                "fever",
                "temp",
                "axillary temperature",
                "oral temperature",
            ],
        ),
        (
            V::Hemoglobin,
            &[
                "hemoglobin",
                "haemoglobin",
                "hb",
                "hgb",
                "hemoglobin level",
                "haemoglobin level",
                "hemoglobin concentration",
                "haemoglobin concentration",
                "serum hemoglobin",
            ],
        ),
        (
            V::Platelets,
            &[
                "platelets",
                "platelet",
                "platelet count",
                "platelets count",
                "plt",
                "plts",
                "thrombocytes",
                "thrombocyte count",
                "platelet counts",
                "thrombocyte",
            ],
        ),
        (
            V::Anc,
            &[
                "anc",
                "absolute neutrophil count",
                "absolute neutrophils count",
                "neutrophils",
                "neutrophil count",
                "absolute neutrophils",
                "neutrophil",
                "neutrophile",
                "neutrophiles",
                "absolute granulocyte count",
                "agc",
                "granulocytes",
                "granulocyte count",
                "absolute neutrophil",
                "neutrophil granulocytes",
                "absolute neutrophil counts",
                "neutrophil counts",
            ],
        ),
        (
            V::Wbc,
            &[
                "wbc",
                "white blood cell count",
                "white blood cells",
                "white blood cell",
                "white cell count",
                "leukocytes",
                "leukocyte count",
                "leucocytes",
                "leucocyte count",
                "wcc",
                "white blood count",
                "total leukocyte count",
                "white blood cell wbc count",
                "wbc count",
                "leukocyte",
                "total white cell count",
            ],
        ),
        (
            V::Lymphocytes,
            &[
                "lymphocytes",
                "lymphocyte count",
                "absolute lymphocyte count",
                "alc",
                "lymphocyte",
                "absolute lymphocytes",
                "lymphocyte counts",
            ],
        ),
        (
            V::Cd4,
            &[
                "cd4",
                "cd4 count",
                "cd4 cell count",
                "cd4 t cell count",
                "cd4 t cells",
                "cd4 t cell",
                "cd4 cells",
                "cd4 lymphocyte count",
                "cd4 t lymphocyte count",
                "cd4 t lymphocytes",
                "cd4 counts",
                "cd4 cell counts",
                "cd4 t cell counts",
                "cd4 lymphocytes",
            ],
        ),
        (
            V::Inr,
            &[
                "inr",
                "international normalized ratio",
                "international normalised ratio",
                "pt inr",
                "inr pt",
                "prothrombin time inr",
            ],
        ),
        (
            V::Aptt,
            &[
                "aptt",
                "ptt",
                "activated partial thromboplastin time",
                "partial thromboplastin time",
                "a ptt",
            ],
        ),
        (
            V::Creatinine,
            &[
                "creatinine",
                "serum creatinine",
                "creatinine level",
                "scr",
                "serum creatinine level",
                "plasma creatinine",
                "creatinine sérique",
                "blood creatinine",
                "s creatinine",
                "creat",
            ],
        ),
        (
            V::CreatinineClearance,
            &[
                "creatinine clearance",
                "crcl",
                "cr cl",
                "clcr",
                "calculated creatinine clearance",
                "estimated creatinine clearance",
                "measured creatinine clearance",
                "clearance of creatinine",
                "creatinine clearance crcl",
            ],
        ),
        (
            V::Egfr,
            &[
                "egfr",
                "gfr",
                "estimated glomerular filtration rate",
                "glomerular filtration rate",
                "estimated gfr",
                "e gfr",
                "calculated gfr",
                "estimated glomerular filtration rate egfr",
            ],
        ),
        (
            V::Bilirubin,
            &[
                "bilirubin",
                "total bilirubin",
                "serum bilirubin",
                "tbil",
                "t bili",
                "tbili",
                "bili",
                "serum total bilirubin",
                "total serum bilirubin",
                "bilirubin total",
                "total bilirubin level",
                "bilirubin level",
            ],
        ),
        (
            V::Alt,
            &[
                "alt",
                "alanine aminotransferase",
                "alanine transaminase",
                "sgpt",
                "alat",
                "gpt",
                "serum alanine aminotransferase",
                "alanine amino transferase",
            ],
        ),
        (
            V::Ast,
            &[
                "ast",
                "aspartate aminotransferase",
                "aspartate transaminase",
                "sgot",
                "asat",
                "serum aspartate aminotransferase",
                "aspartate amino transferase",
            ],
        ),
        (
            V::AlkalinePhosphatase,
            &[
                "alkaline phosphatase",
                "alp",
                "alk phos",
                "alkp",
                "serum alkaline phosphatase",
                "alkaline phosphatases",
            ],
        ),
        (
            V::Albumin,
            &[
                "albumin",
                "serum albumin",
                "alb",
                "albumin level",
                "albuminemia",
            ],
        ),
        (
            V::Hba1c,
            &[
                "hba1c",
                "hb a1c",
                "a1c",
                "hemoglobin a1c",
                "haemoglobin a1c",
                "glycated hemoglobin",
                "glycated haemoglobin",
                "glycosylated hemoglobin",
                "glycosylated haemoglobin",
                "glycohemoglobin",
                "glycohaemoglobin",
                "hgba1c",
                "hgb a1c",
                "glycated hemoglobin a1c",
                "glycated haemoglobin hba1c",
                "glycated hemoglobin hba1c",
            ],
        ),
        (
            V::Glucose,
            &[
                "glucose",
                "blood glucose",
                "fasting glucose",
                "fasting plasma glucose",
                "fpg",
                "fasting blood glucose",
                "fbg",
                "plasma glucose",
                "blood sugar",
                "fasting blood sugar",
                "serum glucose",
                "random glucose",
                "random blood glucose",
                "glycemia",
                "glycaemia",
                "fasting glycemia",
                "fasting glycaemia",
            ],
        ),
        (
            V::Crp,
            &[
                "crp",
                "c reactive protein",
                "hs crp",
                "hscrp",
                "high sensitivity c reactive protein",
                "c reactive protein crp",
                "serum crp",
            ],
        ),
        (
            V::ViralLoad,
            &[
                "viral load",
                "hiv rna",
                "hiv 1 rna",
                "plasma hiv rna",
                "plasma hiv 1 rna",
                "hbv dna",
                "hcv rna",
                "hiv viral load",
                "hiv 1 viral load",
                "plasma viral load",
                "vl",
                "serum hbv dna",
                "hiv rna level",
                "hiv 1 rna level",
            ],
        ),
    ]
};

/// Names that look like a variable's and are something else.
const OTHERS: &[&str] = &[
    "gestational age",
    "bone age",
    "age at diagnosis",
    "age of onset",
    "age at onset",
    "childbearing age",
    "child bearing age",
    "reproductive age",
    "age appropriate",
    "weight loss",
    "weight gain",
    "weight change",
    "weight reduction",
    "molecular weight",
    "low molecular weight",
    "birth weight",
    "weight bearing",
    "birthweight",
    "direct bilirubin",
    "conjugated bilirubin",
    "indirect bilirubin",
    "unconjugated bilirubin",
    "albumin creatinine ratio",
    "albumin to creatinine ratio",
    "urine albumin",
    "urinary albumin",
    "albumin bound",
    "protein creatinine ratio",
    "protein to creatinine ratio",
    "urine protein creatinine ratio",
    "urine creatinine",
    "creatinine kinase",
    "creatine kinase",
    "neutrophil lymphocyte ratio",
    "neutrophil to lymphocyte ratio",
    "cd4 cd8 ratio",
    "transferrin saturation",
    "pulse pressure",
    "glucose 6 phosphate",
    "glucose 6 phosphate dehydrogenase",
    "glucose tolerance",
    "infiltrating lymphocytes",
    "tumor infiltrating lymphocytes",
    "tumour infiltrating lymphocytes",
    "qt prolongation",
    "egfr mutation",
    "egfr mutations",
    "egfr exon",
    "egfr tki",
    "egfr tkis",
    "egfr inhibitor",
    "egfr inhibitors",
    "egfr positive",
    "egfr mutant",
    "egfr amplification",
    "ps 341",
    "hemoglobinopathy",
    "hb s",
    "hbs",
    "hbsag",
    "hbeag",
];

/// One name, as its words, and what it names.
struct Name {
    words: Vec<&'static str>,
    named: Named,
}

/// Every name, grouped by its first word (each group in the tables' order), for a lookup per
/// token.
fn names() -> &'static HashMap<&'static str, Vec<Name>> {
    static ALL: OnceLock<HashMap<&'static str, Vec<Name>>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<Name> = Vec::new();
        for (variable, list) in NAMES {
            for name in *list {
                all.push(Name {
                    words: name.split(' ').collect(),
                    named: Named::Variable(*variable),
                });
            }
        }
        for name in [
            "blood pressure",
            "bp",
            "arterial blood pressure",
            "arterial pressure",
            "resting blood pressure",
        ] {
            all.push(Name {
                words: name.split(' ').collect(),
                named: Named::BloodPressure,
            });
        }
        for name in OTHERS {
            all.push(Name {
                words: name.split(' ').collect(),
                named: Named::Other,
            });
        }
        let mut grouped: HashMap<&'static str, Vec<Name>> = HashMap::new();
        for name in all {
            grouped.entry(name.words[0]).or_default().push(name);
        }
        grouped
    })
}

/// A name found in a criterion: what it names and the tokens it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// What it names.
    pub named: Named,
    /// Its first token.
    pub first: usize,
    /// The token after its last.
    pub end: usize,
}

/// Signs skipped between the words of a name ("c-reactive", "PaO2/FiO2", "CD4+ T-cell").
fn joins_words(t: &Token<'_>) -> bool {
    t.kind == Kind::Sign && matches!(t.text, "-" | "/" | "+" | "." | "'" | "’" | "–" | ":")
}

/// The lower-case ASCII form of a token (sub- and superscript digits plain), to look it up.
fn folded(text: &str) -> String {
    text.chars()
        .map(|c| super::tokens::plain_digit(c).to_ascii_lowercase())
        .collect()
}

/// The names in `tokens`, in order, each the longest that starts at its token; names do not
/// overlap.
pub(crate) fn mentions(tokens: &[Token<'_>]) -> Vec<Mention> {
    let table = names();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind == Kind::Sign {
            i += 1;
            continue;
        }
        // A short ASCII token (nearly every one) is lower-cased on the stack.
        let mut lower = [0u8; 32];
        let folded_text;
        let key = match super::tokens::lower_ascii(t.text, &mut lower) {
            Some(key) => key,
            None => {
                folded_text = folded(t.text);
                folded_text.as_str()
            }
        };
        let Some(group) = table.get(key) else {
            i += 1;
            continue;
        };
        let mut best: Option<(usize, Named)> = None;
        for name in group {
            if let Some(end) = match_name(tokens, i, &name.words) {
                if best.is_none_or(|(b, _)| end > b) {
                    best = Some((end, name.named));
                }
            }
        }
        match best {
            Some((end, named)) => {
                out.push(Mention {
                    named,
                    first: i,
                    end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Where the name `words` ends if it starts at token `i`.
fn match_name(tokens: &[Token<'_>], i: usize, words: &[&str]) -> Option<usize> {
    let mut at = i;
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            while tokens.get(at).is_some_and(joins_words) {
                at += 1;
            }
        }
        let t = tokens.get(at)?;
        if t.kind == Kind::Sign || !super::tokens::same_word(t.text, word) {
            return None;
        }
        at += 1;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::tokens::tokens;

    fn named(text: &str) -> Vec<Named> {
        mentions(&tokens(text))
            .into_iter()
            .map(|m| m.named)
            .collect()
    }

    #[test]
    fn names_abbreviations_and_spellings() {
        use Named::Variable as N;
        use Variable as V;
        let cases: &[(&str, Variable)] = &[
            ("ANC", V::Anc),
            ("absolute neutrophil count", V::Anc),
            ("neutrophils", V::Anc),
            ("Hb", V::Hemoglobin),
            ("haemoglobin", V::Hemoglobin),
            ("SGPT", V::Alt),
            ("SGOT", V::Ast),
            ("eGFR", V::Egfr),
            ("GFR", V::Egfr),
            ("PS", V::Ecog),
            ("performance status", V::Ecog),
            ("WHO performance status", V::Ecog),
            ("total bilirubin", V::Bilirubin),
            ("serum creatinine", V::Creatinine),
            ("CrCl", V::CreatinineClearance),
            ("LVEF", V::Lvef),
            ("ejection fraction", V::Lvef),
            ("QTc", V::Qtc),
            ("QTcF", V::Qtc),
            ("HbA1c", V::Hba1c),
            ("glycated hemoglobin", V::Hba1c),
            ("BMI", V::Bmi),
            ("body mass index", V::Bmi),
            ("C-reactive protein", V::Crp),
            ("PaO2/FiO2", V::Pao2Fio2),
            ("SpO₂", V::Spo2),
            ("HIV-1 RNA", V::ViralLoad),
            ("CD4+ T-cell count", V::Cd4),
            ("Karnofsky performance status", V::Karnofsky),
            ("creatinine clearance", V::CreatinineClearance),
        ];
        for (text, want) in cases {
            assert_eq!(named(text), vec![N(*want)], "{text}");
        }
        assert_eq!(named("AST/ALT"), vec![N(V::Ast), N(V::Alt)]);
        assert_eq!(named("blood pressure"), vec![Named::BloodPressure]);
        for other in [
            "gestational age",
            "weight loss",
            "direct bilirubin",
            "EGFR mutation",
        ] {
            assert_eq!(named(other), vec![Named::Other], "{other}");
        }
        assert_eq!(named("Histologically confirmed cancer"), vec![]);
    }
}
