//! Hostile inputs built to make a parser slow, deep or large: shared by the adversarial
//! benchmark (which prints their parse times) and the stack-depth tests.

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
    let n = |count: usize| (count / scale).max(1);
    let id_head = "Brief Title: A Hostile Page\nNCT ID: NCT09990001\n";
    vec![
        Hostile {
            name: "one 10 MB line (inline criteria)",
            text: format!(
                "NCT ID: NCT09990001\nInclusion Criteria: {}",
                "age \u{2265} 18; ".repeat(n(10 * 1024 * 1024) / 11)
            ),
        },
        Hostile {
            name: "one 10 MB line without a space",
            text: format!("Brief Title: {}", "x".repeat(n(10 * 1024 * 1024))),
        },
        Hostile {
            name: "a million bullets",
            text: repeat_lines(
                VEEVA_CRITERIA,
                n(1_000_000),
                |i| format!("- criterion {i}"),
            ),
        },
        Hostile {
            name: "bullets nested 10,000 deep",
            text: nested_bullets(n(10_000)),
        },
        Hostile {
            name: "100,000 repeated labels",
            text: repeat_lines(id_head, n(100_000), |i| {
                ["Phase: Phase 2", "Overall Status: Recruiting", "Sponsor: Fictional", "Enrollment: 12"]
                    [i % 4]
                    .to_string()
            }),
        },
        Hostile {
            name: "a page of only NCT IDs",
            text: repeat_lines("", n(1_000_000), |i| format!("NCT{:08}", i)),
        },
        Hostile {
            name: "100,000 labelled NCT IDs",
            text: repeat_lines("", n(100_000), |i| format!("NCT Number: NCT{:08}", i)),
        },
        Hostile {
            name: "100,000 Veeva page starts",
            text: repeat_lines("", n(100_000), |_| "ClinicalTrials.Veeva".to_string()),
        },
        Hostile {
            name: "100,000 meddatax ID lines",
            text: repeat_lines("", n(100_000), |i| {
                format!("Title {i}\nNCT ID: NCT{:08}\nLast Updated: 2031-01-01", i)
            }),
        },
        Hostile {
            name: "(1) … (100,000) in one line",
            text: format!(
                "NCT ID: NCT09990001\nInclusion Criteria:\n- Any of {}",
                (1..=n(100_000)).map(|i| format!("({i}) x ")).collect::<String>()
            ),
        },
        Hostile {
            name: "HTML nested 10,000 deep",
            text: format!(
                "<!DOCTYPE html><title>NCT09990001</title>{}<p>NCT ID: NCT09990001</p>{}",
                "<div><ul><li>".repeat(n(10_000)),
                "</li></ul></div>".repeat(n(10_000))
            ),
        },
        Hostile {
            name: "JSON nested 10,000 deep",
            text: format!(
                "{{\"protocolSection\":{{\"identificationModule\":{{\"nctId\":\"NCT09990001\"}}}},\"x\":{}{}}}",
                "[".repeat(n(10_000)),
                "]".repeat(n(10_000))
            ),
        },
        Hostile {
            name: "XML nested 100,000 deep",
            text: format!(
                "<clinical_study><id_info><nct_id>NCT09990001</nct_id></id_info>{}{}</clinical_study>",
                "<a>".repeat(n(100_000)),
                "</a>".repeat(n(100_000))
            ),
        },
        Hostile {
            name: "CSV with a 10 MB cell",
            text: format!(
                "NCT Number,Study Title\nNCT09990001,\"{}\"\n",
                "y".repeat(n(10 * 1024 * 1024))
            ),
        },
        Hostile {
            name: "embedded record nested 10,000 deep",
            text: format!(
                "{id_head}Raw JSON\n{{'protocolSection': {{'x': {}{}}}}}\n",
                "[".repeat(n(10_000)),
                "]".repeat(n(10_000))
            ),
        },
        Hostile {
            name: "embedded record cut in a 10 MB string",
            text: format!(
                "{id_head}{{'protocolSection': {{'designModule': {{'phases': ['PHASE2']}}, 'x': '{}",
                "a\\'".repeat(n(10 * 1024 * 1024) / 3)
            ),
        },
        Hostile {
            name: "100,000 one-line embedded records",
            text: repeat_lines(id_head, n(100_000), |i| {
                format!("{{\"protocolSection\": {{\"x\": {i}}}}}")
            }),
        },
        Hostile {
            name: "100,000 table header rows",
            text: repeat_lines(id_head, n(100_000), |i| {
                ["Condition or disease Intervention/treatment Phase", "Knee Pain Drug: X Phase 2"]
                    [i % 2]
                    .to_string()
            }),
        },
        Hostile {
            name: "table rows that never split",
            text: repeat_lines(id_head, n(100_000), |i| match i % 2 {
                0 => "Condition Recruitment Status Phase Enrollment".to_string(),
                _ => format!("{}Phase 2 Phase 3 Recruiting {i}", "Knee Pain Phase ".repeat(9)),
            }),
        },
        Hostile {
            name: "markdown quotes nested 10,000 deep",
            text: format!(
                "NCT ID: NCT09990001\nBrief Summary: {}deep\n",
                "> ".repeat(n(10_000))
            ),
        },
    ]
}
