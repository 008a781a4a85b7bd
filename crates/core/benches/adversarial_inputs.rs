//! Hostile inputs built to make a parser slow, deep or large: shared by the adversarial
//! benchmark (which prints their parse times), the stack-depth tests (`tests/hostile.rs`) and
//! the linearity test (`tests/linear.rs`, which builds each family at several sizes).

#![allow(dead_code)]

/// A family of hostile inputs: what it is, the size the benchmark uses, and how to build one
/// at any size.
pub struct Family {
    /// What the input is, for the printed table.
    pub name: &'static str,
    /// The benchmark's size (lines, bytes or depth, as `build` counts it).
    pub full: usize,
    /// Builds the input at a size.
    pub build: fn(usize) -> String,
}

/// One hostile input: what it is, and its text.
pub struct Hostile {
    /// What the input is, for the printed table.
    pub name: &'static str,
    /// Its text.
    pub text: String,
}

fn repeat_lines(head: &str, count: usize, line: impl Fn(usize) -> String) -> String {
    let mut text = String::from(head);
    for i in 0..count {
        text.push_str(&line(i));
        text.push('\n');
    }
    text
}

/// A Veeva page up to its inclusion criteria, which it reads without a length limit.
const VEEVA_CRITERIA: &str =
    "ClinicalTrials.Veeva\n\nMenu\n\nA Hostile Page\n\nIdentifiers\n\nNCT09990001\n\nInclusion criteria\n\n";

/// A Veeva page whose inclusion criteria nest `depth` levels deep, one tab a level.
pub fn nested_bullets(depth: usize) -> String {
    repeat_lines(VEEVA_CRITERIA, depth, |i| {
        format!("{}- level {i}", "\t".repeat(i))
    })
}

/// Every hostile input. `scale` divides the big counts (1 for the benchmark; the tests use a
/// smaller copy of each).
pub fn all(scale: usize) -> Vec<Hostile> {
    families()
        .into_iter()
        .map(|f| Hostile {
            name: f.name,
            text: (f.build)((f.full / scale).max(1)),
        })
        .collect()
}

/// A page head with a title and an NCT ID, for the generic reader.
const ID_HEAD: &str = "Brief Title: A Hostile Page\nNCT ID: NCT09990001\n";

/// A long intervention name (about 200 bytes), numbered so that every one differs.
fn long_name(i: usize) -> String {
    format!(
        "Fictional allogeneic umbilical cord mesenchymal stromal cells, expanded in culture and \
         given as one intravenous infusion of two million cells per kilogram, preparation {i:06}"
    )
}

/// A Veeva page of `arms` arms, each naming two of the `arms` interventions its "Treatments"
/// section lists (long names): the finishing pass links every intervention to its arms.
fn veeva_arms(arms: usize, shared: bool) -> String {
    let mut text = String::from(
        "ClinicalTrials.Veeva\n\nMenu\n\nA Hostile Page of Arms\n\nIdentifiers\n\nNCT09990001\n\nTreatments\n\n",
    );
    for i in 0..arms {
        text.push_str(&format!("Drug: {}\n", long_name(i)));
    }
    text.push_str(&format!(
        "\n{} participants in {arms} patient groups\n\n",
        arms * 10
    ));
    for i in 0..arms {
        let (a, b) = if shared { (0, 1) } else { (i, (i + 1) % arms) };
        text.push_str(&format!(
            "Arm {i}\nExperimental group\nDescription:\nThe arm's own dose {i}\nTreatments:\n\
             Drug: {}\nDrug: {}\n",
            long_name(a),
            long_name(b)
        ));
    }
    text.push_str("\nTrial contacts and locations\n\n1\n");
    text
}

/// A meddatax page (labelled rendering) of `groups` study groups, each naming two of the
/// `groups` interventions its "Interventions" section lists (long names).
fn meddatax_groups(groups: usize) -> String {
    let mut text = String::from(
        "A Hostile Page of Groups\n\nNCT ID: NCT09990001\n\nLast Updated: 2031-01-01\n\nStudy Results\n\n\
         Results pending\n\nBasic Information\n\nRecruitment Status\n\nRECRUITING\n\nStudy Groups\n\n\
         Review each arm or cohort in the study, along with the interventions and objectives \
         associated with them.\n\n",
    );
    for i in 0..groups {
        let j = (i + 1) % groups;
        text.push_str(&format!(
            "Group {i}\n\nThe group's own dose {i}\n\nGroup Type EXPERIMENTAL\n\n{}\n\n\
             Intervention Type DRUG\n\nGiven once, preparation {i}\n\n{}\n\nIntervention Type DRUG\n\n\
             Given once, preparation {j}\n\n",
            long_name(i),
            long_name(j),
        ));
    }
    text.push_str(
        "Interventions\n\nLearn about the drugs, procedures, or behavioral strategies being tested \
         and how they are applied within this trial.\n\n",
    );
    for i in 0..groups {
        text.push_str(&format!(
            "{}\n\nGiven once, preparation {i}\n\nIntervention Type DRUG\n\n",
            long_name(i)
        ));
    }
    text
}

/// A generic page of `arms` arms ("Experimental: Arm i"), each naming two long-named
/// interventions ("Drug: …"), which join the record's interventions once each.
fn generic_arms(arms: usize) -> String {
    let mut text = format!("{ID_HEAD}Arms and Interventions\n");
    for i in 0..arms {
        text.push_str(&format!(
            "Experimental: Arm {i}\nDrug: {}\nDrug: {}\n",
            long_name(i),
            long_name((i + 1) % arms)
        ));
    }
    text
}

/// A meddatax results page's head, up to its participant flow's heading.
const RESULTS_HEAD: &str = "Trial Outcomes & Findings for A Hostile Page (NCT NCT09990001)\n\
                            NCT ID: NCT09990001\nParticipant Flow\n";

/// A meddatax results page whose flow table, between bar lines, has `groups` groups and two
/// rows of a count each.
fn results_wide_table(groups: usize) -> String {
    let mut text = format!("{RESULTS_HEAD}| Measure |\n");
    for g in 0..groups {
        text.push_str(&format!("Group {g}\nDescription {g}.\n|\n"));
    }
    text.push_str(&format!("|{}\n", "---|".repeat(groups + 1)));
    for milestone in ["STARTED", "COMPLETED"] {
        text.push_str(&format!("|\nOverall Study\n{milestone}\n|\n"));
        for g in 0..groups {
            text.push_str(&format!("{g}\n|\n"));
        }
    }
    text
}

/// A meddatax results page whose flow table, one cell a line, has `rows` rows, each in a
/// period of its own.
fn results_periods(rows: usize) -> String {
    let mut text = format!("{RESULTS_HEAD}Measure\nArm A\nThe only arm.\n");
    for i in 0..rows {
        text.push_str(&format!("Period {i}\nSTARTED\n{i}\n"));
    }
    text
}

/// A classic results tab whose adverse events list `events` terms, each under an organ
/// system of its own, for two groups.
fn classic_events(events: usize) -> String {
    let mut text = format!(
        "{ID_HEAD}Adverse Events\nArm/Group Title\tA\tB\nHide Serious Adverse Events\n\
         Affected / at Risk (%)\t# Events\tAffected / at Risk (%)\t# Events\n"
    );
    for i in 0..events {
        text.push_str(&format!(
            "Organ system {i}\nTerm {i} † 1\t1/9 (11.11%)\t{i}\t0/9 (0.00%)\t0\n"
        ));
    }
    text.push_str("† Indicates events were collected by systematic assessment\n");
    text
}

/// The families of hostile inputs, each at the benchmark's size.
pub fn families() -> Vec<Family> {
    vec![
        Family {
            name: "one 10 MB line (inline criteria)",
            full: 10 * 1024 * 1024,
            build: |bytes| {
                format!(
                    "NCT ID: NCT09990001\nInclusion Criteria: {}",
                    "age \u{2265} 18; ".repeat(bytes / 11)
                )
            },
        },
        Family {
            name: "one 1 MB criterion of names and numbers",
            full: 1024 * 1024,
            build: |bytes| {
                format!(
                    "NCT ID: NCT09990001\nInclusion Criteria:\n- {}",
                    "ANC and platelets \u{2265} 1,5 x 10^9/L or 18 years ".repeat(bytes / 48)
                )
            },
        },
        Family {
            name: "one 10 MB line without a space",
            full: 10 * 1024 * 1024,
            build: |bytes| format!("Brief Title: {}", "x".repeat(bytes)),
        },
        Family {
            name: "a million bullets",
            full: 1_000_000,
            build: |n| repeat_lines(VEEVA_CRITERIA, n, |i| format!("- criterion {i}")),
        },
        Family {
            name: "bullets nested 10,000 deep",
            full: 10_000,
            build: nested_bullets,
        },
        Family {
            name: "100,000 repeated labels",
            full: 100_000,
            build: |n| {
                repeat_lines(ID_HEAD, n, |i| {
                    [
                        "Phase: Phase 2",
                        "Overall Status: Recruiting",
                        "Sponsor: Fictional",
                        "Enrollment: 12",
                    ][i % 4]
                        .to_string()
                })
            },
        },
        Family {
            name: "a page of only NCT IDs",
            full: 1_000_000,
            build: |n| repeat_lines("", n, |i| format!("NCT{:08}", i)),
        },
        Family {
            name: "100,000 labelled NCT IDs",
            full: 100_000,
            build: |n| repeat_lines("", n, |i| format!("NCT Number: NCT{:08}", i)),
        },
        Family {
            name: "100,000 Veeva page starts",
            full: 100_000,
            build: |n| repeat_lines("", n, |_| "ClinicalTrials.Veeva".to_string()),
        },
        Family {
            name: "100,000 meddatax ID lines",
            full: 100_000,
            build: |n| {
                repeat_lines("", n, |i| {
                    format!("Title {i}\nNCT ID: NCT{:08}\nLast Updated: 2031-01-01", i)
                })
            },
        },
        Family {
            name: "(1) … (100,000) in one line",
            full: 100_000,
            build: |n| {
                format!(
                    "NCT ID: NCT09990001\nInclusion Criteria:\n- Any of {}",
                    (1..=n).map(|i| format!("({i}) x ")).collect::<String>()
                )
            },
        },
        Family {
            name: "HTML nested 10,000 deep",
            full: 10_000,
            build: |n| {
                format!(
                    "<!DOCTYPE html><title>NCT09990001</title>{}<p>NCT ID: NCT09990001</p>{}",
                    "<div><ul><li>".repeat(n),
                    "</li></ul></div>".repeat(n)
                )
            },
        },
        Family {
            name: "JSON nested 10,000 deep",
            full: 10_000,
            build: |n| {
                format!(
                    "{{\"protocolSection\":{{\"identificationModule\":{{\"nctId\":\"NCT09990001\"}}}},\"x\":{}{}}}",
                    "[".repeat(n),
                    "]".repeat(n)
                )
            },
        },
        Family {
            name: "XML nested 100,000 deep",
            full: 100_000,
            build: |n| {
                format!(
                    "<clinical_study><id_info><nct_id>NCT09990001</nct_id></id_info>{}{}</clinical_study>",
                    "<a>".repeat(n),
                    "</a>".repeat(n)
                )
            },
        },
        Family {
            name: "CSV with a 10 MB cell",
            full: 10 * 1024 * 1024,
            build: |bytes| {
                format!(
                    "NCT Number,Study Title\nNCT09990001,\"{}\"\n",
                    "y".repeat(bytes)
                )
            },
        },
        Family {
            name: "embedded record nested 10,000 deep",
            full: 10_000,
            build: |n| {
                format!(
                    "{ID_HEAD}Raw JSON\n{{'protocolSection': {{'x': {}{}}}}}\n",
                    "[".repeat(n),
                    "]".repeat(n)
                )
            },
        },
        Family {
            name: "embedded record cut in a 10 MB string",
            full: 10 * 1024 * 1024,
            build: |bytes| {
                format!(
                    "{ID_HEAD}{{'protocolSection': {{'designModule': {{'phases': ['PHASE2']}}, 'x': '{}",
                    "a\\'".repeat(bytes / 3)
                )
            },
        },
        Family {
            name: "100,000 one-line embedded records",
            full: 100_000,
            build: |n| {
                repeat_lines(ID_HEAD, n, |i| {
                    format!("{{\"protocolSection\": {{\"x\": {i}}}}}")
                })
            },
        },
        Family {
            name: "100,000 table header rows",
            full: 100_000,
            build: |n| {
                repeat_lines(ID_HEAD, n, |i| {
                    [
                        "Condition or disease Intervention/treatment Phase",
                        "Knee Pain Drug: X Phase 2",
                    ][i % 2]
                        .to_string()
                })
            },
        },
        Family {
            name: "table rows that never split",
            full: 100_000,
            build: |n| {
                repeat_lines(ID_HEAD, n, |i| match i % 2 {
                    0 => "Condition Recruitment Status Phase Enrollment".to_string(),
                    _ => format!(
                        "{}Phase 2 Phase 3 Recruiting {i}",
                        "Knee Pain Phase ".repeat(9)
                    ),
                })
            },
        },
        Family {
            name: "markdown quotes nested 10,000 deep",
            full: 10_000,
            build: |n| {
                format!(
                    "NCT ID: NCT09990001\nBrief Summary: {}deep\n",
                    "> ".repeat(n)
                )
            },
        },
        Family {
            name: "Veeva: 10,000 arms × interventions, long names",
            full: 10_000,
            build: |n| veeva_arms(n, false),
        },
        Family {
            name: "Veeva: 10,000 arms giving the same two",
            full: 10_000,
            build: |n| veeva_arms(n, true),
        },
        Family {
            name: "meddatax: 10,000 groups × interventions",
            full: 10_000,
            build: meddatax_groups,
        },
        Family {
            name: "generic: 10,000 arms × interventions",
            full: 10_000,
            build: generic_arms,
        },
        Family {
            name: "results page: a flow table of 10,000 groups",
            full: 10_000,
            build: results_wide_table,
        },
        Family {
            name: "results page: 100,000 flow periods",
            full: 100_000,
            build: results_periods,
        },
        Family {
            name: "results page: 100,000 \"Measure\" lines",
            full: 100_000,
            build: |n| format!("{RESULTS_HEAD}{}", "Measure\nArm A\n".repeat(n)),
        },
        Family {
            name: "classic results tab: 100,000 adverse events",
            full: 100_000,
            build: classic_events,
        },
        Family {
            name: "100,000 registry IDs",
            full: 100_000,
            build: |n| {
                repeat_lines(ID_HEAD, n, |i| match i % 3 {
                    0 => format!("ISRCTN{:08}", i),
                    1 => format!("Other ID: 2031-{:06}-01", i % 1_000_000),
                    _ => format!("DRKS{:08}", i),
                })
            },
        },
        Family {
            name: "WHO: 100,000 secondary IDs",
            full: 100_000,
            build: |n| {
                let mut text = String::from(
                    "Register: Fictional Registry\nLast refreshed on: 3 March 2031\n\
                     Main ID: FLR-2031-0042\nDate of registration: 07/12/2030\n\
                     Public title: A Hostile Page\nSecondary ID(s)\n",
                );
                for i in 0..n {
                    text.push_str(&format!("HOSP-{i:07}\n"));
                }
                text
            },
        },
    ]
}
