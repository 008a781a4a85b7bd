use super::*;

/// A record read from CT.gov JSON with these criteria (inclusion items, exclusion items) and
/// eligibility fields.
fn trial(inclusion: &[&str], exclusion: &[&str], fields: serde_json::Value) -> Study {
    let mut text = String::new();
    if !inclusion.is_empty() {
        text.push_str("Inclusion Criteria:\n\n");
        for i in inclusion {
            text.push_str(&format!("* {i}\n"));
        }
    }
    if !exclusion.is_empty() {
        text.push_str("\nExclusion Criteria:\n\n");
        for e in exclusion {
            text.push_str(&format!("* {e}\n"));
        }
    }
    let mut module = serde_json::json!({ "eligibilityCriteria": text });
    if let (Some(m), serde_json::Value::Object(extra)) = (module.as_object_mut(), fields) {
        m.extend(extra);
    }
    let json = serde_json::json!({"protocolSection": {
        "identificationModule": {"nctId": "NCT09990077"},
        "eligibilityModule": module,
    }});
    let out = crate::parse("trial.json", &serde_json::to_string_pretty(&json).unwrap());
    out.records.into_iter().next().expect("a record")
}

fn person(facts: &[&str]) -> Patient {
    Patient {
        facts: facts.iter().map(|f| Fact::parse(f).expect(f)).collect(),
        ..Patient::default()
    }
}

fn verdict(inclusion: &[&str], exclusion: &[&str], facts: &[&str]) -> Verdict {
    check(
        &trial(inclusion, exclusion, serde_json::json!({})),
        &person(facts),
    )
}

#[test]
fn inclusion_and_exclusion_give_opposite_checks() {
    // (criterion, a value that meets it, a value that does not)
    let cases = [
        ("ANC ≥ 1.5 x 10^9/L", "anc=2.0x10^9/L", "anc=1.0x10^9/L"),
        (
            "Platelets > 100,000/mm³",
            "platelets=150000/uL",
            "platelets=80000/uL",
        ),
        (
            "Hemoglobin at least 9 g/dL",
            "hemoglobin=10g/dL",
            "hemoglobin=8g/dL",
        ),
        (
            "Total bilirubin ≤ 1.5 × ULN",
            "bilirubin=1xULN",
            "bilirubin=2xULN",
        ),
        (
            "Serum creatinine less than 1.5 mg/dL",
            "creatinine=1.0mg/dL",
            "creatinine=2mg/dL",
        ),
        ("ECOG performance status 0-1", "ecog=1", "ecog=2"),
        ("Karnofsky score above 60", "karnofsky=70", "karnofsky=60"),
        ("BMI between 18.5 and 30 kg/m2", "bmi=25", "bmi=31"),
        ("LVEF ≥ 50%", "lvef=55", "lvef=45"),
        ("QTcF under 470 ms", "qtc=440", "qtc=470"),
        ("ECOG 2", "ecog=2", "ecog=1"),
    ];
    for (criterion, meets, fails) in cases {
        let inclusion_meets = verdict(&[criterion], &[], &[meets]);
        let inclusion_fails = verdict(&[criterion], &[], &[fails]);
        let exclusion_meets = verdict(&[], &[criterion], &[meets]);
        let exclusion_fails = verdict(&[], &[criterion], &[fails]);
        assert_eq!(
            inclusion_meets.verdict,
            VerdictKind::Possible,
            "{criterion} {meets}"
        );
        assert_eq!(
            inclusion_fails.verdict,
            VerdictKind::Excluded,
            "{criterion} {fails}"
        );
        assert_eq!(
            exclusion_meets.verdict,
            VerdictKind::Excluded,
            "{criterion} {meets}"
        );
        assert_eq!(
            exclusion_fails.verdict,
            VerdictKind::Possible,
            "{criterion} {fails}"
        );
        assert_eq!(inclusion_fails.reasons[0].kind, ReasonKind::Inclusion);
        assert_eq!(exclusion_meets.reasons[0].kind, ReasonKind::Exclusion);
        // A criterion checked to the end needs no reading.
        assert!(
            inclusion_meets.unchecked.is_empty(),
            "{criterion}: {:?}",
            inclusion_meets.unchecked
        );
    }
}

#[test]
fn why_says_the_value_the_bound_and_the_line() {
    let v = verdict(
        &["Able to swallow tablets", "ANC ≥ 1.5 x 10^9/L"],
        &[],
        &["anc=1.0 10^9/L"],
    );
    assert_eq!(v.verdict, VerdictKind::Excluded);
    let line = v.reasons[0].lines.unwrap()[0];
    assert_eq!(
        v.reasons[0].why,
        format!("ANC 1.0 10^9/L is below the inclusion minimum ≥ 1.5 10^9/L (line {line})")
    );
    assert_eq!(
        v.reasons[0].criterion.as_deref(),
        Some("ANC ≥ 1.5 x 10^9/L")
    );
    let v = verdict(&[], &["AST > 2.5 × ULN"], &["ast=3xULN"]);
    assert!(v.reasons[0]
        .why
        .starts_with("AST 3 x ULN meets the exclusion > 2.5 x ULN (line"));
    let v = verdict(&["Creatinine ≤ 1.5 mg/dL"], &[], &["creatinine=150umol/L"]);
    assert!(
        v.reasons[0].why.starts_with(
            "creatinine 150 umol/L (1.696 mg/dL) is above the inclusion maximum ≤ 1.5 mg/dL"
        ),
        "{}",
        v.reasons[0].why
    );
}

#[test]
fn age_sex_and_healthy_volunteers_from_the_record() {
    let study = trial(
        &["Able to give consent"],
        &[],
        serde_json::json!({"minimumAge": "18 Years", "maximumAge": "65 Years", "sex": "FEMALE",
            "healthyVolunteers": false}),
    );
    let at = |age: f64| {
        check(
            &study,
            &Patient {
                age: Some(age),
                ..Patient::default()
            },
        )
    };
    assert_eq!(
        at(72.0).reasons[0].why,
        "age 72 is over the maximum 65 Years"
    );
    assert_eq!(
        at(16.0).reasons[0].why,
        "age 16 is under the minimum 18 Years"
    );
    // At 65 and a half one is 65: not over "65 Years".
    assert_eq!(at(65.5).verdict, VerdictKind::Possible);
    assert_eq!(at(66.0).verdict, VerdictKind::Excluded);
    assert_eq!(at(18.0).verdict, VerdictKind::Possible);
    let man = Patient {
        sex: Some(PatientSex::Male),
        healthy: Some(true),
        ..Patient::default()
    };
    let v = check(&study, &man);
    let kinds: Vec<ReasonKind> = v.reasons.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [ReasonKind::Sex, ReasonKind::Healthy]);
    assert_eq!(
        v.reasons[0].why,
        "male, and the trial takes female participants only"
    );
    // The one criterion is words: a person must read it.
    assert_eq!(v.unchecked.len(), 1);
    assert_eq!(v.unchecked[0].criterion, "Able to give consent");
    let baby = trial(&[], &[], serde_json::json!({"maximumAge": "6 Months"}));
    let months = |m: f64| {
        check(
            &baby,
            &Patient {
                age: Some(m / 12.0),
                ..Patient::default()
            },
        )
        .verdict
    };
    assert_eq!(months(6.5), VerdictKind::Possible);
    assert_eq!(months(7.0), VerdictKind::Excluded);
}

#[test]
fn an_age_in_the_criteria_is_checked_in_its_unit() {
    let v = check(
        &trial(&["Aged 18-75 years"], &[], serde_json::json!({})),
        &Patient {
            age: Some(80.0),
            ..Patient::default()
        },
    );
    assert_eq!(v.verdict, VerdictKind::Excluded);
    assert!(v.reasons[0]
        .why
        .starts_with("age 80 years is outside the inclusion range 18–75 years"));
    let v = check(
        &trial(
            &["Children at least 6 months old"],
            &[],
            serde_json::json!({}),
        ),
        &Patient {
            age: Some(0.25),
            ..Patient::default()
        },
    );
    assert_eq!(v.verdict, VerdictKind::Excluded, "{v:?}");
}

#[test]
fn units_convert_only_where_exact() {
    let v = verdict(&["Platelets ≥ 100 x 10^9/L"], &[], &["platelets=90000/mm3"]);
    assert_eq!(v.verdict, VerdictKind::Excluded);
    let v = verdict(&["Hemoglobin ≥ 9 g/dL"], &[], &["hemoglobin=95g/L"]);
    assert_eq!(v.verdict, VerdictKind::Possible);
    let v = verdict(&["Hemoglobin ≥ 9 g/dL"], &[], &["hemoglobin=85g/L"]);
    assert_eq!(v.verdict, VerdictKind::Excluded);
    let v = verdict(&["Total bilirubin ≤ 2 mg/dL"], &[], &["bilirubin=40umol/L"]);
    assert_eq!(v.verdict, VerdictKind::Excluded);
    let v = verdict(&["CD4 count > 200 cells/mm3"], &[], &["cd4=150/uL"]);
    assert_eq!(v.verdict, VerdictKind::Excluded);
    // Glucose's mg/dL and mmol/L are not converted: the criterion is left for a person.
    let v = verdict(&["Fasting glucose < 126 mg/dL"], &[], &["glucose=8mmol/L"]);
    assert_eq!(v.verdict, VerdictKind::Possible);
    assert!(
        v.unchecked[0].why.contains("not converted"),
        "{:?}",
        v.unchecked
    );
    // A value without its unit is compared only where the variable has a usual one.
    let v = verdict(&["ANC ≥ 1.5 x 10^9/L"], &[], &["anc=1.0"]);
    assert_eq!(v.verdict, VerdictKind::Possible);
    assert!(v.unchecked[0].why.starts_with("give ANC with its unit"));
    let v = verdict(&["BMI ≤ 30 kg/m2"], &[], &["bmi=32"]);
    assert_eq!(v.verdict, VerdictKind::Excluded);
    // x ULN is no absolute unit.
    let v = verdict(&["ALT ≤ 3 × ULN"], &[], &["alt=200U/L"]);
    assert_eq!(v.verdict, VerdictKind::Possible);
}

#[test]
fn alternatives_conditions_negations_and_nesting() {
    let either = "Serum creatinine ≤ 1.5 × ULN or creatinine clearance ≥ 60 mL/min";
    assert_eq!(
        verdict(
            &[either],
            &[],
            &["creatinine=2xULN", "creatinine_clearance=70mL/min"]
        )
        .verdict,
        VerdictKind::Possible
    );
    assert_eq!(
        verdict(
            &[either],
            &[],
            &["creatinine=2xULN", "creatinine_clearance=50mL/min"]
        )
        .verdict,
        VerdictKind::Excluded
    );
    let gilbert = "Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for patients with Gilbert's syndrome)";
    let v = verdict(&[gilbert], &[], &["bilirubin=2xULN"]);
    assert_eq!(v.verdict, VerdictKind::Possible);
    assert!(
        v.unchecked[0].why.contains("condition"),
        "{:?}",
        v.unchecked
    );
    assert_eq!(
        verdict(&[gilbert], &[], &["bilirubin=4xULN"]).verdict,
        VerdictKind::Excluded
    );
    assert_eq!(
        verdict(&[gilbert], &[], &["bilirubin=1xULN"]).verdict,
        VerdictKind::Possible
    );
    // "No …" in the inclusion criteria reads as an exclusion.
    let v = verdict(&["No QTcF > 470 ms at screening"], &[], &["qtc=480ms"]);
    assert_eq!(v.verdict, VerdictKind::Excluded);
    assert_eq!(v.reasons[0].kind, ReasonKind::Exclusion);
    // Nested items are all required, unless their lead-in offers a choice.
    let nested = "Adequate organ function:\n  * ANC ≥ 1.5 x 10^9/L\n  * Platelets ≥ 100 x 10^9/L";
    let v = verdict(&[nested], &[], &["anc=2x10^9/L", "platelets=50x10^9/L"]);
    assert_eq!(v.verdict, VerdictKind::Excluded);
    assert_eq!(
        v.reasons[0].criterion.as_deref(),
        Some("Platelets ≥ 100 x 10^9/L")
    );
    let choice = "One of the following:\n  * ECOG 0-1\n  * Karnofsky ≥ 80";
    assert_eq!(
        verdict(&[choice], &[], &["ecog=2", "karnofsky=90"]).verdict,
        VerdictKind::Possible
    );
    assert_eq!(
        verdict(&[choice], &[], &["ecog=2", "karnofsky=70"]).verdict,
        VerdictKind::Excluded
    );
}

#[test]
fn what_is_not_given_is_left_unchecked() {
    let v = verdict(
        &[
            "Histologically confirmed disease",
            "ANC ≥ 1.5 x 10^9/L",
            "Age ≥ 18 years",
        ],
        &["Platelets < 50,000/mm3"],
        &[],
    );
    assert_eq!(v.verdict, VerdictKind::Possible);
    let why: Vec<&str> = v.unchecked.iter().map(|u| u.why.as_str()).collect();
    assert_eq!(
        why,
        [
            "no threshold read from it",
            "needs ANC (not given)",
            "needs age (not given)",
            "needs platelets (not given)"
        ]
    );
    assert_eq!(v.unchecked[3].kind, ReasonKind::Exclusion);
    assert!(v.unchecked.iter().all(|u| u.lines.is_some()));
    // A criterion that says more than its thresholds still needs reading when they hold.
    let v = verdict(
        &["ANC ≥ 1.5 x 10^9/L without growth factor support in the past week"],
        &[],
        &["anc=2x10^9/L"],
    );
    assert_eq!(v.verdict, VerdictKind::Possible);
    assert_eq!(v.unchecked.len(), 1);
}

#[test]
fn a_record_without_items_leaves_its_whole_text_unchecked() {
    let json = r#"{"protocolSection": {"eligibilityModule": {"eligibilityCriteria": "Adults who can walk"}}}"#;
    let study = &crate::parse("t.json", json).records[0];
    let v = check(study, &Patient::default());
    assert_eq!(v.verdict, VerdictKind::Possible);
    assert_eq!(v.unchecked[0].criterion, "Adults who can walk");
    assert_eq!(v.nct_id, None);
}

#[test]
fn facts_read_in_the_spellings_criteria_use() {
    let f = Fact::parse("anc=1.2x10^9/L").unwrap();
    assert_eq!(
        (f.variable, f.value, f.unit),
        (Variable::Anc, 1.2, Some(Unit::GigaPerL))
    );
    let f = Fact::parse("Platelets=150.000/mm3").unwrap();
    assert_eq!((f.value, f.unit), (150_000.0, Some(Unit::PerUl)));
    let f = Fact::parse("creatinine = 1,1 mg/dL").unwrap();
    assert_eq!((f.value, f.unit), (1.1, Some(Unit::MgPerDl)));
    let f = Fact::parse("life-expectancy=6months").unwrap();
    assert_eq!(
        (f.variable, f.unit),
        (Variable::LifeExpectancy, Some(Unit::Months))
    );
    let f = Fact::parse("platelets=15x10^4/uL").unwrap();
    assert_eq!(
        (f.value, f.unit, f.written.as_str()),
        (150.0, Some(Unit::GigaPerL), "150")
    );
    let f = Fact::parse("karnofsky=80%").unwrap();
    assert_eq!(f.unit, None);
    assert_eq!(f.written, "80");
    assert_eq!(Fact::parse("ecog=1").unwrap().unit, None);
    let errors = [
        ("ferritin=20", FactError::UnknownVariable("ferritin".into())),
        ("anc", FactError::NoValue),
        ("anc=high", FactError::NotANumber(Variable::Anc)),
        ("anc=1.2 furlongs", FactError::UnknownUnit(Variable::Anc)),
        (
            "weight=70%",
            FactError::WrongUnit(Variable::Weight, Unit::Percent),
        ),
        ("anc=", FactError::NotANumber(Variable::Anc)),
    ];
    for (spec, want) in errors {
        let got = Fact::parse(spec).unwrap_err();
        assert_eq!(got, want, "{spec}");
        // The message names the variable and never repeats the value given.
        let message = got.to_string();
        if let Some((_, value)) = spec.split_once('=').filter(|(_, v)| !v.is_empty()) {
            assert!(!message.contains(value), "{message}");
        }
    }
    assert!(FactError::UnknownVariable("ferritin".into())
        .to_string()
        .starts_with("unknown variable 'ferritin': use one of age, weight, height"));
}

#[test]
fn a_verdict_is_written_as_the_cli_prints_it() {
    let v = verdict(&["ANC ≥ 1.5 x 10^9/L"], &[], &["anc=1.0x10^9/L"]);
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["nctId"], "NCT09990077");
    assert_eq!(json["verdict"], "excluded");
    assert_eq!(json["reasons"][0]["kind"], "inclusion");
    assert!(json["reasons"][0]["lines"].is_array());
    assert_eq!(json["unchecked"], serde_json::json!([]));
}

#[test]
fn an_age_that_says_whom_a_criterion_applies_to_is_a_condition_not_a_requirement() {
    let lansky = "Lansky play-performance score of at least 50 for patients younger than 16 years";
    let karnofsky = "Karnofsky ≥ 60 for patients 16 years and older";
    let aged = |age: f64, facts: &[&str]| {
        let mut p = person(facts);
        p.age = Some(age);
        check(&trial(&[lansky, karnofsky], &[], serde_json::json!({})), &p)
    };
    // An adult is not held to the children's score, nor a child to the adults'.
    let adult = aged(30.0, &["karnofsky=70"]);
    assert_eq!(adult.verdict, VerdictKind::Possible, "{adult:?}");
    assert_eq!(aged(10.0, &["lansky=60"]).verdict, VerdictKind::Possible);
    // Within the ages it names, the criterion decides.
    let child = aged(10.0, &["lansky=40"]);
    assert_eq!(child.verdict, VerdictKind::Excluded);
    assert_eq!(child.reasons.len(), 1, "{child:?}");
    assert!(child.reasons[0].why.contains("Lansky 40"), "{child:?}");
    assert_eq!(aged(30.0, &["karnofsky=50"]).verdict, VerdictKind::Excluded);
    // With no age given, a score outside the bound cannot exclude: it may be the other age's.
    let unknown = verdict(&[lansky], &[], &["lansky=40"]);
    assert_eq!(unknown.verdict, VerdictKind::Possible, "{unknown:?}");
    assert!(unknown.unchecked[0].why.contains("ages"), "{unknown:?}");
    // An age that is the criterion's own requirement still is one.
    let own = "Aged 18 to 65 years with ECOG ≤ 2";
    let mut p = person(&["ecog=1"]);
    p.age = Some(70.0);
    let old = check(&trial(&[own], &[], serde_json::json!({})), &p);
    assert_eq!(old.verdict, VerdictKind::Excluded, "{old:?}");
}
