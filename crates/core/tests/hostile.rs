//! Hostile inputs (the adversarial benchmark's set, scaled down) parse on a thread with a
//! 1 MiB stack — a browser's WebAssembly stack is about that size — so no input can drive the
//! parser, the serializer or the drop of its records into deep recursion. Their times are
//! printed by `cargo bench -p trialcards-core --bench adversarial`, not asserted here.

#[path = "../benches/adversarial_inputs.rs"]
mod adversarial_inputs;

use trialcards_core::model::CriterionItem;
use trialcards_core::testing::MAX_DEPTH;
use trialcards_core::{parse, ParseOutput};

/// Parses, serializes and reads back `text` on a thread with a 1 MiB stack.
fn parse_on_small_stack(text: String) -> ParseOutput {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            let out = parse("hostile.txt", &text);
            let json = serde_json::to_string(&out).expect("serializes");
            let back: ParseOutput = serde_json::from_str(&json).expect("reads back");
            assert_eq!(back.records.len(), out.records.len());
            out
        })
        .unwrap()
        .join()
        .expect("no stack overflow, no panic")
}

fn depth(items: &[CriterionItem]) -> usize {
    let mut deepest = 0;
    let mut pending: Vec<(&CriterionItem, usize)> = items.iter().map(|i| (i, 1)).collect();
    while let Some((item, d)) = pending.pop() {
        deepest = deepest.max(d);
        pending.extend(item.children.iter().map(|c| (c, d + 1)));
    }
    deepest
}

#[test]
fn every_hostile_input_gives_records_or_a_reason() {
    for input in adversarial_inputs::all(10) {
        let out = parse_on_small_stack(input.text);
        assert!(
            !out.records.is_empty() || !out.diagnostics.is_empty(),
            "{}: neither a record nor a reason",
            input.name
        );
    }
}

#[test]
fn nesting_ten_thousand_deep_is_capped() {
    let out = parse_on_small_stack(adversarial_inputs::nested_bullets(10_000));
    let tree = out.records[0].trialcards.criteria.as_ref().unwrap();
    assert_eq!(depth(&tree.inclusion), MAX_DEPTH + 1);
    // Every level's text is kept: items past the cap join the deepest list.
    let mut count = 0;
    let mut pending: Vec<&CriterionItem> = tree.inclusion.iter().collect();
    while let Some(item) = pending.pop() {
        count += 1;
        pending.extend(item.children.iter());
    }
    assert_eq!(count, 10_000);
}

#[test]
fn many_pages_and_many_lines_are_all_kept() {
    let inputs = adversarial_inputs::all(10);
    let by_name = |prefix: &str| {
        let input = inputs.iter().find(|i| i.name.starts_with(prefix)).unwrap();
        parse_on_small_stack(input.text.clone())
    };
    assert_eq!(by_name("100,000 Veeva page starts").records.len(), 10_000);
    assert_eq!(by_name("100,000 meddatax ID lines").records.len(), 10_000);
    let bullets = by_name("a million bullets");
    let tree = bullets.records[0].trialcards.criteria.as_ref().unwrap();
    assert_eq!(tree.inclusion.len(), 100_000);
    // Nothing but IDs, one a line, is a list of trials: one record per ID, traced to its line.
    let ids = by_name("a page of only NCT IDs");
    assert_eq!(ids.records.len(), 100_000);
    assert_eq!(ids.records[0].nct_id(), Some("NCT00000000"));
    assert_eq!(ids.records[99_999].nct_id(), Some("NCT00099999"));
    assert_eq!(
        ids.records[99_999].trialcards.provenance["/protocolSection/identificationModule/nctId"],
        [100_000, 100_000]
    );
}

#[test]
fn text_after_a_pages_footer_is_kept() {
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/veeva_avatar_sponsor_nested_numbered_lead_in.txt"),
    )
    .unwrap();
    let out = parse(
        "page.txt",
        &format!("{page}\nA note pasted after the page\nAnd another\n"),
    );
    assert_eq!(out.records.len(), 1);
    let kept: Vec<&str> = out.records[0]
        .trialcards
        .unrecognized
        .iter()
        .map(|u| u.text.as_str())
        .collect();
    assert!(
        kept.ends_with(&["A note pasted after the page", "And another"]),
        "{kept:?}"
    );
}
