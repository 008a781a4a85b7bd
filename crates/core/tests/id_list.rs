//! A text of nothing but trial IDs, one a line, is a list of trials: one small record per
//! distinct ID, not a page per line.

#[test]
fn a_list_of_ids_gives_one_record_per_trial_at_its_first_line() {
    let ids = ["NCT09990001", "NCT09990002", "2023-000123-45"];
    let text: String = (0..30_000).map(|i| format!("{}\n", ids[i % 3])).collect();
    let parsed = trialcards_core::parse("ids.txt", &text);
    assert_eq!(parsed.records.len(), 3);
    for (record, line) in parsed.records.iter().zip([1, 2, 3]) {
        // Each is the record of its first line read alone as a page.
        let alone = trialcards_core::parse("ids.txt", &format!("{}\n", ids[line - 1]));
        let mut expected = alone.records[0].clone();
        for lines in expected.trialcards.provenance.values_mut() {
            *lines = [line, line];
        }
        for unplaced in &mut expected.trialcards.unrecognized {
            unplaced.line = line;
        }
        assert_eq!(record, &expected, "line {line}");
    }
    assert!(parsed.diagnostics.iter().any(|d| d.message
        == "ids.txt: this is a list of trial IDs: its 30000 lines name 3 trials, one record each"));
}
