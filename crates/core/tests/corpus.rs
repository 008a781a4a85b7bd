//! The whole corpus under ../shared/corpus: no panic, every page gives a record with the NCT ID
//! and title where the page shows them, and a per-layout table of how many pages gave each key
//! field (`cargo test -p trialcards-core --test corpus -- --nocapture`). The pages are real and
//! not ours to copy: without ../shared the test prints `SKIPPED: …` and checks nothing.

mod common;

use std::collections::BTreeMap;
use trialcards_core::{parse, Study};

const FIELDS: &[&str] = &[
    "nctId", "title", "status", "phase", "enroll", "ages", "conds", "interv", "criteria", "arms",
    "sponsor", "unrec",
];

fn has(s: &Study, field: &str) -> bool {
    let p = &s.protocol_section;
    match field {
        "nctId" => s.nct_id().is_some(),
        "title" => s.brief_title().is_some(),
        "status" => p.status_module.overall_status.is_some(),
        "phase" => !p.design_module.phases.is_empty(),
        "enroll" => p.design_module.enrollment_info.is_some(),
        "ages" => {
            p.eligibility_module.minimum_age.is_some() || p.eligibility_module.maximum_age.is_some()
        }
        "conds" => !p.conditions_module.conditions.is_empty(),
        "interv" => !p.arms_interventions_module.interventions.is_empty(),
        "criteria" => p.eligibility_module.eligibility_criteria.is_some(),
        "arms" => !p.arms_interventions_module.arm_groups.is_empty(),
        "sponsor" => p.sponsor_collaborators_module.lead_sponsor.is_some(),
        _ => !s.trialcards.unrecognized.is_empty(),
    }
}

#[test]
fn corpus_pages_give_records_and_a_field_table() {
    let Some(paths) = common::corpus_pages() else {
        return;
    };
    assert!(!paths.is_empty());
    let mut table: BTreeMap<String, (usize, Vec<usize>)> = BTreeMap::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("page");
        let out = parse(name, &text);
        assert_eq!(out.records.len(), 1, "{name}: {:?}", out.diagnostics);
        let s = &out.records[0];
        // The page's own NCT ID where it shows one in its title block ("NCT ID:", Identifiers, heading).
        let shown = text.lines().take(40).find_map(|l| {
            let l = l.trim();
            l.strip_prefix("NCT ID: ")
                .map(str::to_string)
                .or_else(|| (l.len() == 11 && l.starts_with("NCT")).then(|| l.to_string()))
        });
        if let Some(id) = shown {
            assert_eq!(s.nct_id(), Some(id.as_str()), "{name}");
        }
        let stem = name.trim_end_matches(".txt").trim_end_matches("-results");
        if stem.starts_with("NCT") && text.contains(stem) && s.trialcards.source.layout != "generic"
        {
            assert_eq!(s.nct_id(), Some(stem), "{name}");
        }
        if text.starts_with("ClinicalTrials.Veeva") || text.contains("\nNCT ID: ") {
            assert!(s.brief_title().is_some(), "{name}: title");
        }
        // Other sites get a row each (by their corpus folder), beside the layout they read as.
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        let key = match folder.strip_prefix("other-") {
            Some(site) => format!("{} ({site})", s.trialcards.source.layout),
            None => s.trialcards.source.layout.clone(),
        };
        let row = table.entry(key).or_insert((0, vec![0; FIELDS.len()]));
        row.0 += 1;
        for (i, f) in FIELDS.iter().enumerate() {
            row.1[i] += usize::from(has(s, f));
        }
    }
    println!(
        "\n{:<40}{:>6}{}",
        "layout",
        "pages",
        FIELDS.iter().map(|f| format!("{f:>9}")).collect::<String>()
    );
    for (layout, (n, counts)) in &table {
        println!(
            "{layout:<40}{n:>6}{}",
            counts.iter().map(|c| format!("{c:>9}")).collect::<String>()
        );
    }
}
