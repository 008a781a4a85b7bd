//! The example pages behind "Load examples": fictional trials we wrote, one per
//! layout trialcards reads, bundled into the app (no request is made for them).

/// (name shown in the sources list, page text).
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "Example: ClinicalTrials.Veeva page.txt",
        include_str!("../examples/veeva_knee_cartilage_msc.txt"),
    ),
    (
        "Example: meddatax.com study page.txt",
        include_str!("../examples/meddatax_crohn_fistula_msc.txt"),
    ),
    (
        "Example: meddatax.com results page.txt",
        include_str!("../examples/meddatax_results_gvhd_msc.txt"),
    ),
    (
        "Example: another registry's page.txt",
        include_str!("../examples/other_registry_lupus_msc.txt"),
    ),
];
