//! Every value our enums serialize to is one of the CT.gov spec's values for that enum
//! (read from /work/shared/ctgov/ctg-oas-v2.0.5.yaml by plain line scanning; skipped when absent).

use std::collections::HashMap;
use std::path::PathBuf;
use trialcards_core::model::enums::for_each_enum;

/// Enum name → its values, from the `components/schemas` part of the spec.
fn spec_enums(yaml: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut current: Option<String> = None;
    let mut in_enum = false;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if indent == 4 && t.ends_with(':') {
            current = Some(t.trim_end_matches(':').to_string());
            in_enum = false;
        } else if indent == 6 && t == "enum:" {
            in_enum = true;
        } else if in_enum && t.starts_with("- ") {
            if let Some(name) = &current {
                out.entry(name.clone())
                    .or_default()
                    .push(t[2..].trim_matches('"').to_string());
            }
        } else if indent <= 6 {
            in_enum = false;
        }
    }
    out
}

#[test]
fn every_enum_value_is_in_the_spec() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ctgov/ctg-oas-v2.0.5.yaml");
    let Ok(yaml) = std::fs::read_to_string(&path) else {
        println!("notice: {} is absent; test skipped", path.display());
        return;
    };
    let spec = spec_enums(&yaml);
    let mut checked = 0;
    for_each_enum(|name, codes| {
        let values = spec
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not an enum of the spec"));
        for code in codes {
            assert!(
                values.iter().any(|v| v == code),
                "{name}: {code} is not a spec value"
            );
            checked += 1;
        }
    });
    assert!(checked > 100, "only {checked} values checked");
}
