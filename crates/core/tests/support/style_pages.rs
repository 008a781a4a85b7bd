//! The style matrix's generator: fictional trial records, and page styles that render a record
//! the ways registry sites present data (labelled lines, labels above values, labels glued to
//! values, badge strips, markdown, tables, tabs, saved HTML, site chrome …). Shared by
//! `tests/style_matrix.rs` (per-field accuracy) and `tests/reading_properties.rs` (properties).
//!
//! Wording varies per record through [`pick`], a fixed function of the record's seed, so every
//! run renders the same pages while the matrix does not rest on one spelling.

// Each test binary that includes this module uses a different part of it.
#![allow(dead_code)]

/// One intervention of a fictional record.
#[derive(Debug, Clone, Copy)]
pub struct Iv {
    /// The CT.gov `InterventionType` code (`DRUG`, `BIOLOGICAL` …).
    pub kind: &'static str,
    /// Its name.
    pub name: &'static str,
    /// A description line, for some.
    pub description: Option<&'static str>,
}

/// One fictional trial, with every value as CT.gov v2 would store it.
#[derive(Debug, Clone, Copy)]
pub struct Record {
    /// Picks the record's wording variants.
    pub seed: usize,
    /// The brief title.
    pub title: &'static str,
    /// The NCT ID, if the page has one.
    pub nct_id: Option<&'static str>,
    /// Another registry's ID, shown when there is no NCT ID.
    pub other_id: Option<&'static str>,
    /// The CT.gov `Status` code.
    pub status: &'static str,
    /// The CT.gov `Phase` codes (empty for an observational study).
    pub phases: &'static [&'static str],
    /// The CT.gov `StudyType` code.
    pub study_type: &'static str,
    /// The enrollment count.
    pub enrollment: u64,
    /// `ACTUAL` or `ESTIMATED`, for some.
    pub enrollment_type: Option<&'static str>,
    /// The CT.gov `Sex` code.
    pub sex: &'static str,
    /// The minimum age as CT.gov writes it ("18 Years").
    pub min_age: Option<&'static str>,
    /// The maximum age as CT.gov writes it.
    pub max_age: Option<&'static str>,
    /// The lead sponsor's name.
    pub sponsor: &'static str,
    /// The conditions.
    pub conditions: &'static [&'static str],
    /// The interventions.
    pub interventions: &'static [Iv],
    /// The inclusion criteria.
    pub inclusion: &'static [&'static str],
    /// The exclusion criteria.
    pub exclusion: &'static [&'static str],
    /// The start date (year, month, day); not scored, shown so dates sit among the fields.
    pub start: (u32, u32, u32),
    /// A one-sentence summary, shown by some styles (not scored).
    pub summary: &'static str,
}

impl Record {
    /// The ID the page shows: the NCT ID, else the other registry's.
    pub fn shown_id(&self) -> &'static str {
        self.nct_id.or(self.other_id).unwrap_or("")
    }
}

const fn iv(kind: &'static str, name: &'static str, description: Option<&'static str>) -> Iv {
    Iv {
        kind,
        name,
        description,
    }
}

/// The fictional records: every CT.gov status trials use, every phase combination, both study
/// types, all three sexes, one-bound ages, and pages with another registry's ID instead of an
/// NCT ID. All invented.
pub const RECORDS: &[Record] = &[
    Record {
        seed: 0,
        title: "Umbilical Cord Mesenchymal Stromal Cells for Knee Osteoarthritis: a Dose-Finding Study",
        nct_id: Some("NCT09990101"),
        other_id: None,
        status: "RECRUITING",
        phases: &["PHASE1", "PHASE2"],
        study_type: "INTERVENTIONAL",
        enrollment: 48,
        enrollment_type: Some("ESTIMATED"),
        sex: "ALL",
        min_age: Some("40 Years"),
        max_age: Some("75 Years"),
        sponsor: "Northbridge Cell Therapy Institute",
        conditions: &["Knee Osteoarthritis"],
        interventions: &[
            iv("DRUG", "hUC-MSC infusion (low dose)", Some("One intra-articular injection of 10 million cells.")),
            iv("DRUG", "hUC-MSC infusion (high dose)", Some("One intra-articular injection of 50 million cells.")),
            iv("OTHER", "Saline placebo", None),
        ],
        inclusion: &[
            "Aged 40 to 75 years",
            "Knee pain on most days for at least 6 months",
            "Kellgren-Lawrence grade 2 or 3 on a recent radiograph",
            "Able to give written informed consent",
        ],
        exclusion: &[
            "Intra-articular steroid injection within 3 months",
            "Active infection of the target knee",
            "Pregnancy or breastfeeding",
        ],
        start: (2025, 6, 28),
        summary: "A randomized, placebo-controlled study of two cell doses in painful knee osteoarthritis.",
    },
    Record {
        seed: 1,
        title: "Bone Marrow Stromal Cells After Acute Ischemic Stroke",
        nct_id: Some("NCT09990102"),
        other_id: None,
        status: "NOT_YET_RECRUITING",
        phases: &["PHASE2"],
        study_type: "INTERVENTIONAL",
        enrollment: 60,
        enrollment_type: None,
        sex: "ALL",
        min_age: Some("18 Years"),
        max_age: Some("80 Years"),
        sponsor: "Vellmar University Hospital",
        conditions: &["Ischemic Stroke", "Hemiparesis"],
        interventions: &[
            iv("BIOLOGICAL", "Autologous BM-MSC", Some("Cells grown from the patient's own marrow, given once.")),
            iv("PROCEDURE", "Intra-arterial catheter delivery", None),
        ],
        inclusion: &[
            "Ischemic stroke in the middle cerebral artery territory",
            "Enrolment within 30 days of stroke onset",
            "Modified Rankin Scale score of 3 or 4",
        ],
        exclusion: &[
            "Hemorrhagic transformation on imaging",
            "Known malignancy within 5 years",
        ],
        start: (2026, 1, 15),
        summary: "An open-label study of one intra-arterial dose of marrow cells after stroke.",
    },
    Record {
        seed: 2,
        title: "A Registry of Long-Term Outcomes After Stromal Cell Therapy",
        nct_id: Some("NCT09990103"),
        other_id: None,
        status: "ENROLLING_BY_INVITATION",
        phases: &[],
        study_type: "OBSERVATIONAL",
        enrollment: 300,
        enrollment_type: Some("ESTIMATED"),
        sex: "ALL",
        min_age: Some("18 Years"),
        max_age: None,
        sponsor: "Calder Regenerative Medicine Network",
        conditions: &["Graft Versus Host Disease", "Crohn Disease", "Osteoarthritis"],
        interventions: &[iv("OTHER", "Annual follow-up visit", Some("A clinic visit with blood tests once a year."))],
        inclusion: &[
            "Received a stromal cell product in an earlier trial of the network",
            "Able to attend yearly visits",
        ],
        exclusion: &["Withdrew consent in the earlier trial", "Unable to travel to a network site"],
        start: (2024, 3, 1),
        summary: "A ten-year follow-up of people who received stromal cells in earlier trials.",
    },
    Record {
        seed: 3,
        title: "Adipose-Derived Stromal Cells for Diabetic Foot Ulcers",
        nct_id: None,
        other_id: Some("ISRCTN99912345"),
        status: "COMPLETED",
        phases: &["PHASE3"],
        study_type: "INTERVENTIONAL",
        enrollment: 120,
        enrollment_type: Some("ACTUAL"),
        sex: "ALL",
        min_age: Some("18 Years"),
        max_age: Some("85 Years"),
        sponsor: "Harrowgate Wound Research Trust",
        conditions: &["Diabetic Foot Ulcer"],
        interventions: &[
            iv("BIOLOGICAL", "ADSC topical gel", Some("Applied to the ulcer weekly for 8 weeks.")),
            iv("OTHER", "Standard wound care", None),
        ],
        inclusion: &[
            "Type 1 or type 2 diabetes",
            "One plantar ulcer of at least 1 square centimetre",
            "Ulcer present for at least 4 weeks",
            "Adequate blood flow to the foot",
            "Willing to attend weekly dressing visits",
        ],
        exclusion: &[
            "Osteomyelitis under the ulcer",
            "Glycated haemoglobin above 12 percent",
            "Dialysis",
            "Use of systemic steroids",
        ],
        start: (2021, 9, 6),
        summary: "A randomized comparison of a cell gel with standard care for foot ulcers.",
    },
    Record {
        seed: 4,
        title: "Menstrual Blood-Derived Stem Cells in Premature Ovarian Insufficiency",
        nct_id: None,
        other_id: Some("ChiCTR2400089123"),
        status: "TERMINATED",
        phases: &["EARLY_PHASE1"],
        study_type: "INTERVENTIONAL",
        enrollment: 12,
        enrollment_type: Some("ACTUAL"),
        sex: "FEMALE",
        min_age: Some("20 Years"),
        max_age: Some("40 Years"),
        sponsor: "Lianhu Medical University Affiliated Hospital",
        conditions: &["Premature Ovarian Insufficiency"],
        interventions: &[iv("BIOLOGICAL", "MenSC intraovarian injection", None)],
        inclusion: &[
            "Amenorrhea for at least 4 months before age 40",
            "Raised follicle-stimulating hormone on two tests",
        ],
        exclusion: &[
            "Chromosomal abnormality",
            "Previous ovarian surgery",
            "Current hormone therapy",
        ],
        start: (2024, 11, 2),
        summary: "A first-in-human study of cells injected into the ovary.",
    },
    Record {
        seed: 5,
        title: "Stromal Cell Exosome Eye Drops for Dry Eye Disease",
        nct_id: Some("NCT09990106"),
        other_id: None,
        status: "WITHDRAWN",
        phases: &["PHASE1"],
        study_type: "INTERVENTIONAL",
        enrollment: 0,
        enrollment_type: Some("ACTUAL"),
        sex: "ALL",
        min_age: Some("18 Years"),
        max_age: Some("70 Years"),
        sponsor: "Ostrava Ophthalmic Research Ltd",
        conditions: &["Dry Eye Disease", "Sjogren Syndrome"],
        interventions: &[
            iv("DRUG", "MSC-exosome eye drops", Some("One drop in each eye twice a day for 4 weeks.")),
            iv("DRUG", "Artificial tears", None),
        ],
        inclusion: &[
            "Dry eye symptoms for at least 3 months",
            "Tear break-up time under 10 seconds",
            "Schirmer test under 10 millimetres",
        ],
        exclusion: &[
            "Contact lens wear during the study",
            "Eye surgery within 6 months",
            "Active eye infection",
            "Punctal plugs",
            "Glaucoma treatment",
        ],
        start: (2025, 2, 10),
        summary: "A safety study of eye drops made from stromal cell vesicles.",
    },
    Record {
        seed: 6,
        title: "Mesenchymal Stromal Cells in Steroid-Refractory Acute GvHD of Children and Adults",
        nct_id: None,
        other_id: Some("DRKS00099123"),
        status: "SUSPENDED",
        phases: &["PHASE2", "PHASE3"],
        study_type: "INTERVENTIONAL",
        enrollment: 80,
        enrollment_type: Some("ESTIMATED"),
        sex: "ALL",
        min_age: Some("6 Months"),
        max_age: Some("70 Years"),
        sponsor: "Rheinau Transplant Study Group",
        conditions: &["Acute Graft Versus Host Disease"],
        interventions: &[
            iv("BIOLOGICAL", "Pooled third-party MSC", Some("Four weekly intravenous infusions.")),
            iv("DRUG", "Ruxolitinib", None),
            iv("OTHER", "Best available therapy", None),
        ],
        inclusion: &[
            "Grade II to IV acute graft versus host disease",
            "No response to steroids after 7 days",
            "First allogeneic stem cell transplant",
            "Weight of at least 5 kilograms",
            "Consent from the patient or a parent",
            "Expected survival of at least 4 weeks",
        ],
        exclusion: &[
            "Relapse of the underlying malignancy",
            "Uncontrolled infection",
        ],
        start: (2023, 5, 20),
        summary: "A randomized study of pooled stromal cells added to second-line treatment.",
    },
    Record {
        seed: 7,
        title: "Intracavernous Stromal Cell Injection for Erectile Dysfunction After Prostatectomy",
        nct_id: None,
        other_id: Some("2031-000123-45"),
        status: "UNKNOWN",
        phases: &["PHASE4"],
        study_type: "INTERVENTIONAL",
        enrollment: 36,
        enrollment_type: None,
        sex: "MALE",
        min_age: Some("45 Years"),
        max_age: Some("74 Years"),
        sponsor: "Saltmarsh Urology Clinic",
        conditions: &["Erectile Dysfunction", "Prostate Cancer"],
        interventions: &[
            iv("BIOLOGICAL", "Autologous adipose stromal vascular fraction", None),
            iv("DEVICE", "Vacuum erection device", Some("Used daily for 12 weeks.")),
        ],
        inclusion: &[
            "Radical prostatectomy at least 12 months earlier",
            "Erectile function score under 17",
            "Stable relationship",
        ],
        exclusion: &[
            "Radiotherapy to the pelvis",
            "Use of anticoagulants",
            "Penile prosthesis",
        ],
        start: (2022, 8, 1),
        summary: "A post-approval study of cell injections with a vacuum device.",
    },
    Record {
        seed: 8,
        title: "A Walking Program With or Without Stromal Cell Injections in Frail Older Adults",
        nct_id: Some("NCT09990108"),
        other_id: None,
        status: "ACTIVE_NOT_RECRUITING",
        phases: &["NA"],
        study_type: "INTERVENTIONAL",
        enrollment: 90,
        enrollment_type: Some("ACTUAL"),
        sex: "ALL",
        min_age: Some("65 Years"),
        max_age: None,
        sponsor: "Brennholt Ageing Research Foundation",
        conditions: &["Frailty", "Sarcopenia"],
        interventions: &[
            iv("BEHAVIORAL", "Supervised walking program", Some("Three sessions a week for 6 months.")),
            iv("DEVICE", "Wearable step counter", None),
            iv("BIOLOGICAL", "Allogeneic MSC injection", None),
        ],
        inclusion: &[
            "Aged 65 years or older",
            "Frailty score of 4 or more",
            "Able to walk 10 metres with or without a stick",
            "Lives in the community",
        ],
        exclusion: &[
            "Heart failure of class III or IV",
            "Dementia",
            "Planned hip or knee surgery",
        ],
        start: (2024, 6, 3),
        summary: "A randomized study of exercise, with or without cell injections, in frail older adults.",
    },
    Record {
        seed: 9,
        title: "Observational Study of Stromal Cell Donor Characteristics",
        nct_id: Some("NCT09990109"),
        other_id: None,
        status: "COMPLETED",
        phases: &[],
        study_type: "OBSERVATIONAL",
        enrollment: 150,
        enrollment_type: Some("ACTUAL"),
        sex: "ALL",
        min_age: None,
        max_age: Some("65 Years"),
        sponsor: "Kestrel Biobank Consortium",
        conditions: &["Healthy Donors"],
        interventions: &[iv("PROCEDURE", "Bone marrow aspiration", Some("A single aspiration from the hip bone."))],
        inclusion: &[
            "Healthy adult volunteering to donate marrow",
            "Body mass index between 18 and 35",
        ],
        exclusion: &[
            "Blood-borne infection",
            "Bleeding disorder",
            "Pregnancy",
        ],
        start: (2020, 1, 13),
        summary: "A study of how donor age and sex relate to the growth of donated cells.",
    },
];

/// One of `options`, chosen by the record's seed and a salt (one salt per place a choice is made),
/// so wording varies across records but never across runs.
pub fn pick<T: Copy>(r: &Record, salt: usize, options: &[T]) -> T {
    options[(r.seed * 7 + salt * 5 + r.seed / 3) % options.len()]
}

/// The fields the matrix scores, as the issue names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The NCT ID, or the other registry's ID as a secondary ID.
    Id,
    /// The overall status.
    Status,
    /// The phases, as a set.
    Phases,
    /// The study type.
    StudyType,
    /// The enrollment count.
    Enrollment,
    /// The sexes eligible.
    Sex,
    /// The minimum and maximum ages.
    Ages,
    /// The lead sponsor's name.
    Sponsor,
    /// The conditions, as a set.
    Conditions,
    /// The interventions' names (and types, where the page shows them).
    Interventions,
    /// How many inclusion and exclusion items the criteria tree holds.
    Criteria,
}

impl Field {
    /// Every scored field, in the order the table prints them.
    pub const ALL: [Field; 12] = [
        Field::Title,
        Field::Id,
        Field::Status,
        Field::Phases,
        Field::StudyType,
        Field::Enrollment,
        Field::Sex,
        Field::Ages,
        Field::Sponsor,
        Field::Conditions,
        Field::Interventions,
        Field::Criteria,
    ];

    /// The column heading.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Id => "id",
            Field::Status => "status",
            Field::Phases => "phases",
            Field::StudyType => "type",
            Field::Enrollment => "enroll",
            Field::Sex => "sex",
            Field::Ages => "ages",
            Field::Sponsor => "sponsor",
            Field::Conditions => "conds",
            Field::Interventions => "interv",
            Field::Criteria => "criteria",
        }
    }
}

/// One way of presenting a record.
pub struct Style {
    /// A short name for the table.
    pub name: &'static str,
    /// The file name the page is parsed under (`page.html` for saved web pages).
    pub file_name: &'static str,
    /// The fields the style shows.
    pub shown: &'static [Field],
    /// Whether the style shows each intervention's type.
    pub shows_intervention_types: bool,
    /// Renders a record as the page's text.
    pub render: fn(&Record) -> String,
}

impl Style {
    /// Whether the style is a saved web page rather than text.
    pub fn is_html(&self) -> bool {
        self.file_name.ends_with(".html")
    }
}

const ALL_FIELDS: &[Field] = &Field::ALL;

/// Every style but the search-result card's lacks nothing.
const CARD_FIELDS: &[Field] = &[
    Field::Title,
    Field::Id,
    Field::Status,
    Field::Phases,
    Field::StudyType,
    Field::Enrollment,
    Field::Sex,
    Field::Ages,
    Field::Sponsor,
    Field::Conditions,
    Field::Interventions,
];

/// The page styles, in the order.
pub fn styles() -> Vec<Style> {
    let s = |name, file_name, shown, types, render| Style {
        name,
        file_name,
        shown,
        shows_intervention_types: types,
        render,
    };
    vec![
        s(
            "label-colon",
            "page.txt",
            ALL_FIELDS,
            true,
            label_colon as fn(&Record) -> String,
        ),
        s(
            "label-next-line",
            "page.txt",
            ALL_FIELDS,
            false,
            label_next_line,
        ),
        s("glued-labels", "page.txt", ALL_FIELDS, true, glued_labels),
        s("badge-strip", "page.txt", ALL_FIELDS, true, badge_strip),
        s("md-table", "page.txt", ALL_FIELDS, true, markdown_table),
        s("md-list", "page.txt", ALL_FIELDS, true, markdown_list),
        s("tab-separated", "page.txt", ALL_FIELDS, true, tab_separated),
        s("pipe-cells", "page.txt", ALL_FIELDS, true, pipe_cells),
        s("site-chrome", "page.txt", ALL_FIELDS, false, site_chrome),
        s(
            "type-above-name",
            "page.txt",
            ALL_FIELDS,
            true,
            type_above_name,
        ),
        s("display-words", "page.txt", ALL_FIELDS, true, display_words),
        s("ctgov-codes", "page.txt", ALL_FIELDS, true, ctgov_codes),
        s(
            "registry-synonyms",
            "page.txt",
            ALL_FIELDS,
            true,
            registry_synonyms,
        ),
        s("html-dl", "page.html", ALL_FIELDS, true, html_dl),
        s("html-table", "page.html", ALL_FIELDS, true, html_table),
        s("dot-card", "page.txt", CARD_FIELDS, true, dot_card),
        s("ctgov-classic", "page.txt", ALL_FIELDS, true, ctgov_classic),
    ]
}

// ---- site chrome ----

/// Lines a site prints above a trial's page.
pub const CHROME_ABOVE: &[&str] = &[
    "MedTrialsHub",
    "CellTrials Finder",
    "Skip to main content",
    "search",
    "Search trials",
    "Back to results",
    "Home  Trials  About  Contact",
    "Home > Trials > Cell therapy",
    "Menu",
    "Sign in",
    "We use cookies to improve your experience. Accept all",
    "Share this page",
];

/// Lines a site prints below a trial's page.
pub const CHROME_BELOW: &[&str] = &[
    "© 2026 MedTrialsHub. All rights reserved.",
    "Privacy Policy | Terms of Use",
    "Contact us",
    "Back to top",
    "About this site",
    "Follow us",
    "Accessibility statement",
    "We use cookies to improve your experience. Accept all",
];

// ---- wording ----

/// The display words for a status code.
pub fn status_words(r: &Record, salt: usize) -> &'static str {
    let options: &[&str] = match r.status {
        "RECRUITING" => &["Recruiting"],
        "NOT_YET_RECRUITING" => &["Not yet recruiting", "Not Yet Recruiting"],
        "ACTIVE_NOT_RECRUITING" => &["Active, not recruiting", "Active, Not Recruiting"],
        "COMPLETED" => &["Completed"],
        "TERMINATED" => &["Terminated"],
        "WITHDRAWN" => &["Withdrawn"],
        "SUSPENDED" => &["Suspended"],
        "ENROLLING_BY_INVITATION" => &["Enrolling by invitation", "Enrolling by Invitation"],
        _ => &["Unknown status", "Unknown"],
    };
    pick(r, salt, options)
}

fn phase_number(code: &str) -> (&'static str, &'static str) {
    match code {
        "PHASE1" => ("1", "I"),
        "PHASE2" => ("2", "II"),
        "PHASE3" => ("3", "III"),
        _ => ("4", "IV"),
    }
}

/// The display words for the record's phases; `None` when it has none.
pub fn phase_words(r: &Record, salt: usize) -> Option<String> {
    Some(match r.phases {
        [] => return None,
        ["NA"] => pick(r, salt, &["Not Applicable", "N/A"]).to_string(),
        ["EARLY_PHASE1"] => pick(r, salt, &["Early Phase 1", "Early Phase I"]).to_string(),
        [one] => {
            let (n, roman) = phase_number(one);
            match pick(r, salt, &[0, 1]) {
                0 => format!("Phase {n}"),
                _ => format!("Phase {roman}"),
            }
        }
        [a, b, ..] => {
            let ((na, ra), (nb, rb)) = (phase_number(a), phase_number(b));
            match pick(r, salt, &[0, 1, 2]) {
                0 => format!("Phase {na}/Phase {nb}"),
                1 => format!("Phase {na}/{nb}"),
                _ => format!("Phase {ra}/{rb}"),
            }
        }
    })
}

/// The study type's display words.
pub fn type_words(r: &Record, salt: usize) -> &'static str {
    match r.study_type {
        "INTERVENTIONAL" => pick(
            r,
            salt,
            &["Interventional", "Interventional (Clinical Trial)"],
        ),
        _ => pick(r, salt, &["Observational", "Observational study"]),
    }
}

/// The sex code's display words.
pub fn sex_words(r: &Record, salt: usize) -> &'static str {
    match r.sex {
        "FEMALE" => "Female",
        "MALE" => "Male",
        _ => pick(r, salt, &["All", "Both"]),
    }
}

/// An enrollment type's display word ("Estimated").
fn enrollment_type_word(code: &str) -> &'static str {
    if code == "ACTUAL" {
        "Actual"
    } else {
        "Estimated"
    }
}

/// The enrollment value, sometimes with its type.
pub fn enrollment_words(r: &Record, salt: usize) -> String {
    let n = r.enrollment;
    match (pick(r, salt, &[0, 1, 2]), r.enrollment_type) {
        (1, Some(t)) => format!("{n} ({})", enrollment_type_word(t)),
        (2, _) => format!("{n} participants"),
        _ => n.to_string(),
    }
}

/// One age bound with no number-unit change ("18 Years").
fn age_number(age: &str) -> &str {
    age.split(' ').next().unwrap_or(age)
}

/// Both age bounds as one value ("18 Years to 70 Years", "65 Years and older", "18+").
pub fn ages_words(r: &Record, salt: usize) -> String {
    match (r.min_age, r.max_age) {
        (Some(min), Some(max)) => match pick(r, salt, &[0, 1, 2]) {
            0 => format!("{min} to {max}"),
            1 => format!("{min} - {max}"),
            _ => format!("Between {min} and {max}"),
        },
        (Some(min), None) => match pick(r, salt, &[0, 1, 2]) {
            0 => format!("{min} and older"),
            1 => format!("{min} and over"),
            _ => format!("{}+", age_number(min)),
        },
        (None, Some(max)) => match pick(r, salt, &[0, 1]) {
            0 => format!("Up to {max}"),
            _ => format!("{max} and younger"),
        },
        (None, None) => String::new(),
    }
}

/// An intervention type's display word ("Drug", "Biological").
pub fn type_display(code: &str) -> &'static str {
    match code {
        "DRUG" => "Drug",
        "BIOLOGICAL" => "Biological",
        "DEVICE" => "Device",
        "PROCEDURE" => "Procedure",
        "BEHAVIORAL" => "Behavioral",
        "DIETARY_SUPPLEMENT" => "Dietary Supplement",
        "RADIATION" => "Radiation",
        "GENETIC" => "Genetic",
        _ => "Other",
    }
}

/// "Drug: name" for each intervention.
fn typed_interventions(r: &Record) -> Vec<String> {
    r.interventions
        .iter()
        .map(|i| format!("{}: {}", type_display(i.kind), i.name))
        .collect()
}

fn month_name(m: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS[(m as usize + 11) % 12]
}

/// The start date in one of the spellings sites use.
pub fn date_words(r: &Record, salt: usize) -> String {
    let (y, m, d) = r.start;
    match pick(r, salt, &[0, 1, 2, 3]) {
        0 => format!("{} {d}, {y}", month_name(m)),
        1 => format!("{d:02}/{m:02}/{y}"),
        2 => format!("{y}-{m:02}"),
        _ => format!("{y}-{m:02}-{d:02}"),
    }
}

/// The criteria items with a list marker ("- ", "* ", "1. ", "• ").
fn marked(r: &Record, salt: usize, items: &[&str]) -> Vec<String> {
    let marker = pick(r, salt, &["- ", "* ", "1. ", "• "]);
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match marker {
            "1. " => format!("{}. {item}", i + 1),
            m => format!("{m}{item}"),
        })
        .collect()
}

fn id_label(r: &Record, salt: usize) -> &'static str {
    if r.nct_id.is_some() {
        pick(
            r,
            salt,
            &[
                "NCT ID",
                "ClinicalTrials.gov ID",
                "NCT Number",
                "Registration Number",
                "Trial ID",
            ],
        )
    } else {
        pick(
            r,
            salt,
            &[
                "Registry ID",
                "Trial ID",
                "Registration Number",
                "Main ID",
                "Primary Registry ID",
            ],
        )
    }
}

fn title_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &["Title", "Brief Title", "Study Title", "Trial Title"],
    )
}

fn status_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &[
            "Recruitment Status",
            "Overall status",
            "Status",
            "Overall Recruitment Status",
        ],
    )
}

fn phase_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &["Phase", "Study Phase", "Phase(s)", "Trial Phase"],
    )
}

fn type_label(r: &Record, salt: usize) -> &'static str {
    pick(r, salt, &["Study Type", "Type of study", "Study type"])
}

fn enrollment_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &[
            "Enrollment",
            "Target Enrollment",
            "Sample Size",
            "Target Recruitment",
            "Number of participants",
        ],
    )
}

fn sex_label(r: &Record, salt: usize) -> &'static str {
    pick(r, salt, &["Sex", "Gender", "Sexes Eligible", "Sex/Gender"])
}

fn sponsor_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &["Lead Sponsor", "Sponsor", "Sponsor Name", "Study Sponsor"],
    )
}

fn conditions_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &[
            "Conditions",
            "Condition",
            "Condition(s)",
            "Disease",
            "Indication/Condition",
        ],
    )
}

fn interventions_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &[
            "Interventions",
            "Intervention",
            "Intervention(s)",
            "Treatment",
        ],
    )
}

fn inclusion_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &[
            "Inclusion Criteria",
            "Inclusion criteria",
            "Key Inclusion Criteria",
        ],
    )
}

fn exclusion_label(r: &Record, salt: usize) -> &'static str {
    pick(
        r,
        salt,
        &[
            "Exclusion Criteria",
            "Exclusion criteria",
            "Key Exclusion Criteria",
        ],
    )
}

/// The age lines as `(label, value)` pairs: one combined range, or a bound per line.
fn age_pairs(r: &Record, salt: usize) -> Vec<(&'static str, String)> {
    if pick(r, salt, &[true, false]) {
        let label = pick(r, salt + 1, &["Ages", "Age", "Age Range", "Ages Eligible"]);
        vec![(label, ages_words(r, salt + 2))]
    } else {
        let mut out = Vec::new();
        if let Some(min) = r.min_age {
            out.push((
                pick(r, salt + 3, &["Minimum Age", "Min Age", "Age (min)"]),
                min.to_string(),
            ));
        }
        if let Some(max) = r.max_age {
            out.push((
                pick(r, salt + 3, &["Maximum Age", "Max Age", "Age (max)"]),
                max.to_string(),
            ));
        }
        out
    }
}

/// The scalar fields as `(label, value)` pairs, in a site-like order; `salt` varies the wording.
fn scalar_pairs(r: &Record, salt: usize) -> Vec<(&'static str, String)> {
    let mut out = vec![(id_label(r, salt), r.shown_id().to_string())];
    out.push((
        status_label(r, salt + 1),
        status_words(r, salt + 1).to_string(),
    ));
    if let Some(p) = phase_words(r, salt + 2) {
        out.push((phase_label(r, salt + 2), p));
    }
    out.push((type_label(r, salt + 3), type_words(r, salt + 3).to_string()));
    out.push((enrollment_label(r, salt + 4), enrollment_words(r, salt + 4)));
    out.push((sex_label(r, salt + 5), sex_words(r, salt + 5).to_string()));
    out.extend(age_pairs(r, salt + 6));
    out.push((sponsor_label(r, salt + 7), r.sponsor.to_string()));
    out.push(("Start Date", date_words(r, salt + 8)));
    out
}

/// The criteria as heading lines and marked items, optionally under an eligibility heading.
fn criteria_lines(r: &Record, salt: usize, colon: bool) -> Vec<String> {
    let mut out = Vec::new();
    if pick(r, salt, &[true, false]) {
        out.push("Eligibility Criteria".to_string());
    }
    let c = if colon { ":" } else { "" };
    out.push(format!("{}{c}", inclusion_label(r, salt + 1)));
    out.extend(marked(r, salt + 2, r.inclusion));
    out.push(format!("{}{c}", exclusion_label(r, salt + 1)));
    out.extend(marked(r, salt + 2, r.exclusion));
    out
}

fn join_lines(lines: Vec<String>) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

// ---- the styles ----

/// Style 1: `Label: value` lines, one per line.
pub fn label_colon(r: &Record) -> String {
    let mut lines = vec![format!("{}: {}", title_label(r, 1), r.title)];
    lines.extend(
        scalar_pairs(r, 2)
            .into_iter()
            .map(|(l, v)| format!("{l}: {v}")),
    );
    let sep = pick(r, 3, &["; ", ", "]);
    lines.push(format!(
        "{}: {}",
        conditions_label(r, 4),
        r.conditions.join(sep)
    ));
    lines.push(format!(
        "{}: {}",
        interventions_label(r, 5),
        typed_interventions(r).join("; ")
    ));
    lines.extend(criteria_lines(r, 6, true));
    join_lines(lines)
}

/// Style 2: Each label on its own line, its value on the next line(s); lists one item a line.
pub fn label_next_line(r: &Record) -> String {
    let blank = pick(r, 11, &[true, false]);
    let mut blocks: Vec<Vec<String>> = Vec::new();
    if pick(r, 12, &[true, false]) {
        blocks.push(vec![r.title.to_string()]);
    } else {
        blocks.push(vec![title_label(r, 13).to_string(), r.title.to_string()]);
    }
    for (l, v) in scalar_pairs(r, 14) {
        blocks.push(vec![l.to_string(), v]);
    }
    let mut conditions = vec![conditions_label(r, 15).to_string()];
    conditions.extend(r.conditions.iter().map(|c| c.to_string()));
    blocks.push(conditions);
    let mut interventions = vec![interventions_label(r, 16).to_string()];
    interventions.extend(r.interventions.iter().map(|i| i.name.to_string()));
    blocks.push(interventions);
    blocks.push(criteria_lines(r, 17, false));
    let joiner = if blank { "\n\n" } else { "\n" };
    let mut text = blocks
        .into_iter()
        .map(|b| b.join("\n"))
        .collect::<Vec<_>>()
        .join(joiner);
    text.push('\n');
    text
}

/// Style 3: Blocks that lost their line breaks: a value runs into the next label.
pub fn glued_labels(r: &Record) -> String {
    let mut lines = vec![r.title.to_string(), r.shown_id().to_string()];
    let sponsor_label = pick(r, 21, &["Lead Sponsor", "Sponsor"]);
    match phase_words(r, 22) {
        Some(p) => lines.push(format!("{p}{sponsor_label}")),
        None => lines.push(sponsor_label.to_string()),
    }
    lines.push(r.sponsor.to_string());
    lines.push(format!("{}Status", type_words(r, 23)));
    let results = pick(r, 24, &[" No Results Posted", ""]);
    lines.push(format!(
        "{}{results}Indication/Condition",
        status_words(r, 25)
    ));
    lines.extend(r.conditions.iter().map(|c| c.to_string()));
    lines.push(format!("Sex{}", pick(r, 26, &["", " / Gender"])));
    lines.push(format!("{}Age", sex_words(r, 27)));
    lines.push(ages_words(r, 28));
    lines.push(pick(r, 29, &["Enrollment", "Participants"]).to_string());
    lines.push(format!("{}{}", r.enrollment, r.summary));
    lines.push("Interventions".to_string());
    lines.extend(typed_interventions(r));
    lines.extend(criteria_lines(r, 30, false));
    join_lines(lines)
}

/// Style 4: A strip of badges with no labels (phase, status, type), the rest labelled.
pub fn badge_strip(r: &Record) -> String {
    let mut lines = vec![r.title.to_string()];
    match pick(r, 31, &[0, 1, 2]) {
        0 => {
            let codes = r.phases.join("/");
            lines.push(format!("{codes}{}{}", status_words(r, 32), r.study_type));
        }
        1 => {
            lines.push(status_words(r, 32).to_string());
            lines.extend(phase_words(r, 33));
            lines.push(type_words(r, 34).to_string());
        }
        _ => {
            lines.extend(phase_words(r, 33));
            lines.push(status_words(r, 32).to_string());
            lines.push(type_words(r, 34).to_string());
        }
    }
    lines.push(format!("{}: {}", id_label(r, 35), r.shown_id()));
    lines.push(format!(
        "{}: {}",
        enrollment_label(r, 36),
        enrollment_words(r, 36)
    ));
    lines.push(format!("{}: {}", sex_label(r, 37), sex_words(r, 37)));
    lines.extend(
        age_pairs(r, 38)
            .into_iter()
            .map(|(l, v)| format!("{l}: {v}")),
    );
    lines.push(format!("{}: {}", sponsor_label(r, 39), r.sponsor));
    lines.push(format!(
        "{}: {}",
        conditions_label(r, 40),
        r.conditions.join("; ")
    ));
    lines.push(format!(
        "{}: {}",
        interventions_label(r, 41),
        typed_interventions(r).join("; ")
    ));
    lines.extend(criteria_lines(r, 42, true));
    join_lines(lines)
}

/// Style 5: Markdown table rows with header separator lines; the criteria as lists below.
pub fn markdown_table(r: &Record) -> String {
    let mut lines = vec![format!("# {}", r.title), String::new()];
    let header = pick(r, 51, &["| Field | Value |", "| | |", "| Key facts | |"]);
    lines.push(header.to_string());
    lines.push(pick(r, 52, &["|---|---|", "| --- | --- |", "|:--|:--|"]).to_string());
    for (l, v) in scalar_pairs(r, 53) {
        lines.push(format!("| {l} | {v} |"));
    }
    let sep = pick(r, 54, &["; ", "<br>"]);
    lines.push(format!(
        "| {} | {} |",
        conditions_label(r, 55),
        r.conditions.join(sep)
    ));
    lines.push(format!(
        "| {} | {} |",
        interventions_label(r, 56),
        typed_interventions(r).join(sep)
    ));
    lines.push(String::new());
    lines.extend(criteria_lines(r, 57, true));
    join_lines(lines)
}

/// Style 6: Markdown: a `#` title, `- **Label:** value` items, `##` sections with `- item` lists.
pub fn markdown_list(r: &Record) -> String {
    let mut lines = vec![format!("# {}", r.title), String::new()];
    for (l, v) in scalar_pairs(r, 61) {
        lines.push(format!("- **{l}:** {v}"));
    }
    lines.push(String::new());
    lines.push(format!("## {}", conditions_label(r, 62)));
    lines.extend(r.conditions.iter().map(|c| format!("- {c}")));
    lines.push(String::new());
    lines.push(format!("## {}", interventions_label(r, 63)));
    lines.extend(typed_interventions(r).into_iter().map(|i| format!("- {i}")));
    lines.push(String::new());
    lines.push("## Eligibility".to_string());
    lines.push(format!("### {}", inclusion_label(r, 64)));
    lines.extend(r.inclusion.iter().map(|c| format!("- {c}")));
    lines.push(format!("### {}", exclusion_label(r, 64)));
    lines.extend(r.exclusion.iter().map(|c| format!("- {c}")));
    join_lines(lines)
}

/// Style 7: `Label<TAB>value`, as a copied two-column table; list items in the value column.
pub fn tab_separated(r: &Record) -> String {
    let mut lines = vec![format!("{}\t{}", title_label(r, 71), r.title)];
    lines.extend(
        scalar_pairs(r, 72)
            .into_iter()
            .map(|(l, v)| format!("{l}\t{v}")),
    );
    let cell_list = |label: &str, items: Vec<String>| {
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                if i == 0 {
                    format!("{label}\t{item}")
                } else {
                    format!("\t{item}")
                }
            })
            .collect::<Vec<_>>()
    };
    let conditions = r.conditions.iter().map(|c| c.to_string()).collect();
    lines.extend(cell_list(conditions_label(r, 73), conditions));
    lines.extend(cell_list(
        interventions_label(r, 74),
        typed_interventions(r),
    ));
    lines.extend(cell_list(
        inclusion_label(r, 75),
        marked(r, 76, r.inclusion),
    ));
    lines.extend(cell_list(
        exclusion_label(r, 75),
        marked(r, 76, r.exclusion),
    ));
    join_lines(lines)
}

/// Style 8: `Label |` and `value |` lines, as a saved page's table flattens its cells, with stray
/// `|` and `|||` lines.
pub fn pipe_cells(r: &Record) -> String {
    let mut lines = vec![r.title.to_string(), "|||".to_string()];
    let cell = |lines: &mut Vec<String>, label: &str, values: Vec<String>| {
        lines.push(format!("{label} |"));
        let n = values.len();
        for (i, v) in values.into_iter().enumerate() {
            lines.push(if i + 1 == n { format!("{v} |") } else { v });
        }
    };
    for (i, (l, v)) in scalar_pairs(r, 81).into_iter().enumerate() {
        cell(&mut lines, l, vec![v]);
        if i % 4 == 3 {
            lines.push("|".to_string());
        }
    }
    let conditions = r.conditions.iter().map(|c| c.to_string()).collect();
    cell(&mut lines, conditions_label(r, 82), conditions);
    cell(
        &mut lines,
        interventions_label(r, 83),
        typed_interventions(r),
    );
    lines.push("|||".to_string());
    cell(
        &mut lines,
        inclusion_label(r, 84),
        marked(r, 85, r.inclusion),
    );
    cell(
        &mut lines,
        exclusion_label(r, 84),
        marked(r, 85, r.exclusion),
    );
    join_lines(lines)
}

/// Site chrome lines above and below a page, chosen by the record's seed.
pub fn with_chrome(r: &Record, page: &str) -> String {
    let above: Vec<&str> = (0..4).map(|i| pick(r, 90 + i, CHROME_ABOVE)).collect();
    let below: Vec<&str> = (0..3).map(|i| pick(r, 95 + i, CHROME_BELOW)).collect();
    let mut text = above.join("\n");
    text.push_str("\n\n");
    text.push_str(page);
    text.push('\n');
    text.push_str(&below.join("\n"));
    text.push('\n');
    text
}

/// Style 9: Site chrome (site name, menus, breadcrumbs, cookie banner, footer) around style 2's page.
pub fn site_chrome(r: &Record) -> String {
    with_chrome(r, &label_next_line(r))
}

/// Style 10: Each intervention's type on its own line above its name, then its description.
pub fn type_above_name(r: &Record) -> String {
    let mut lines = vec![r.title.to_string()];
    lines.extend(
        scalar_pairs(r, 101)
            .into_iter()
            .map(|(l, v)| format!("{l}: {v}")),
    );
    lines.push(format!(
        "{}: {}",
        conditions_label(r, 102),
        r.conditions.join("; ")
    ));
    lines.push(interventions_label(r, 103).to_string());
    let upper = pick(r, 104, &[true, false]);
    for i in r.interventions {
        lines.push(if upper {
            i.kind.to_string()
        } else {
            type_display(i.kind).to_string()
        });
        lines.push(i.name.to_string());
        lines.extend(i.description.map(str::to_string));
    }
    lines.extend(criteria_lines(r, 105, true));
    join_lines(lines)
}

/// The standard age groups a range spans, as CT.gov prints them after a range.
fn age_groups(r: &Record) -> String {
    let months = |age: &str| {
        let n: u32 = age_number(age).parse().unwrap_or(0);
        if age.ends_with("Months") {
            n
        } else {
            n * 12
        }
    };
    let min = r.min_age.map_or(0, months);
    let max = r.max_age.map_or(u32::MAX, months);
    let mut groups = Vec::new();
    if min < 18 * 12 {
        groups.push("Child");
    }
    if min < 65 * 12 && max >= 18 * 12 {
        groups.push("Adult");
    }
    if max >= 65 * 12 {
        groups.push("Older Adult");
    }
    groups.join(", ")
}

/// Style 11: The display-word spellings sites use for codes, ages, sexes and dates.
pub fn display_words(r: &Record) -> String {
    let mut lines = vec![r.title.to_string()];
    lines.push(format!("{}: {}", id_label(r, 111), r.shown_id()));
    lines.push(format!("Status: {}", status_words(r, 112)));
    if let Some(p) = phase_words(r, 113) {
        lines.push(format!("Phase: {p}"));
    }
    lines.push(format!("Study Type: {}", type_words(r, 114)));
    lines.push(format!("Enrollment: {}", enrollment_words(r, 115)));
    let sex = match r.sex {
        "FEMALE" => pick(r, 116, &["Female", "Female only"]),
        "MALE" => pick(r, 116, &["Male", "Male only"]),
        _ => pick(r, 116, &["Both males and females", "All Sexes", "All"]),
    };
    lines.push(format!("{}: {sex}", sex_label(r, 117)));
    let ages = match pick(r, 118, &[0, 1]) {
        0 => ages_words(r, 119),
        _ => format!("{} ({})", ages_words(r, 119), age_groups(r)),
    };
    lines.push(format!("Ages Eligible for Study: {ages}"));
    lines.push(format!(
        "Healthy volunteers: {}",
        pick(
            r,
            120,
            &[
                "Does not accept healthy volunteers",
                "No",
                "Accepts healthy volunteers"
            ]
        )
    ));
    lines.push(format!("{}: {}", sponsor_label(r, 121), r.sponsor));
    lines.push(format!("Study Start: {}", date_words(r, 122)));
    lines.push(format!(
        "{}: {}",
        conditions_label(r, 123),
        r.conditions.join(", ")
    ));
    lines.push(format!(
        "{}: {}",
        interventions_label(r, 124),
        typed_interventions(r).join(", ")
    ));
    lines.extend(criteria_lines(r, 125, true));
    join_lines(lines)
}

/// Style 12: CT.gov's code spellings ("NOT_YET_RECRUITING", "PHASE1, PHASE2", "DRUG: name").
pub fn ctgov_codes(r: &Record) -> String {
    let mut lines = vec![format!("Brief Title: {}", r.title)];
    lines.push(format!("NCT Number: {}", r.shown_id()));
    lines.push(format!("Overall Status: {}", r.status));
    if !r.phases.is_empty() {
        lines.push(format!(
            "Phases: {}",
            r.phases.join(pick(r, 121, &[", ", "|"]))
        ));
    }
    lines.push(format!("Study Type: {}", r.study_type));
    match r.enrollment_type {
        Some(t) => lines.push(format!("Enrollment: {} ({t})", r.enrollment)),
        None => lines.push(format!("Enrollment: {}", r.enrollment)),
    }
    lines.push(format!("Sex: {}", r.sex));
    lines.extend(r.min_age.map(|a| format!("Minimum Age: {a}")));
    lines.extend(r.max_age.map(|a| format!("Maximum Age: {a}")));
    lines.push(format!("Lead Sponsor: {}", r.sponsor));
    lines.push(format!("Conditions: {}", r.conditions.join("|")));
    lines.push("Interventions:".to_string());
    lines.extend(
        r.interventions
            .iter()
            .map(|i| format!("{}: {}", i.kind, i.name)),
    );
    lines.push("Eligibility Criteria:".to_string());
    lines.push("Inclusion Criteria:".to_string());
    lines.extend(r.inclusion.iter().map(|c| format!("* {c}")));
    lines.push("Exclusion Criteria:".to_string());
    lines.extend(r.exclusion.iter().map(|c| format!("* {c}")));
    join_lines(lines)
}

/// The label another registry gives its own ID.
fn registry_id_label(r: &Record) -> &'static str {
    match r.shown_id() {
        id if id.starts_with("NCT") => "ClinicalTrials.gov number",
        id if id.starts_with("ISRCTN") => "ISRCTN",
        id if id.starts_with("DRKS") => "DRKS ID",
        id if id.starts_with("ChiCTR") => "Registration number",
        _ => "EudraCT number",
    }
}

/// Style 13: Another registry's synonyms: a WHO-like page or an ISRCTN/EU-like page.
pub fn registry_synonyms(r: &Record) -> String {
    let mut lines = Vec::new();
    let numbered = |items: &[&str]| -> Vec<String> {
        items
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}) {c}", i + 1))
            .collect()
    };
    if pick(r, 131, &[true, false]) {
        lines.push(format!("Main ID: {}", r.shown_id()));
        lines.push(format!("Public title: {}", r.title));
        lines.push(format!(
            "Scientific title: A study of {}",
            r.summary.trim_end_matches('.')
        ));
        lines.push(format!("Primary sponsor: {}", r.sponsor));
        lines.push(format!("Recruitment status: {}", status_words(r, 132)));
        lines.push(format!("Target sample size: {}", r.enrollment));
        lines.push(format!("Study type: {}", type_words(r, 133)));
        lines.extend(phase_words(r, 134).map(|p| format!("Phase: {p}")));
        lines.push(format!("Date of first enrolment: {}", date_words(r, 135)));
        lines.extend(r.min_age.map(|a| format!("Inclusion agemin: {a}")));
        lines.extend(r.max_age.map(|a| format!("Inclusion agemax: {a}")));
        lines.push(format!("Inclusion gender: {}", sex_words(r, 136)));
        lines.push("Health condition(s) or problem(s) studied:".to_string());
        lines.extend(r.conditions.iter().map(|c| c.to_string()));
        lines.push("Intervention(s):".to_string());
        lines.extend(typed_interventions(r));
        lines.push("Key inclusion & exclusion criteria".to_string());
        lines.push("Inclusion criteria:".to_string());
        lines.extend(numbered(r.inclusion));
        lines.push("Exclusion criteria:".to_string());
        lines.extend(numbered(r.exclusion));
    } else {
        lines.push(r.title.to_string());
        lines.push(format!("{}: {}", registry_id_label(r), r.shown_id()));
        lines.push(format!("Public title: {}", r.title));
        lines.push(format!(
            "{}: {}",
            pick(r, 137, &["Overall trial status", "Trial status"]),
            status_words(r, 138)
        ));
        lines.push(format!("Target number of participants: {}", r.enrollment));
        lines.push(format!("Primary study design: {}", type_words(r, 139)));
        lines.extend(phase_words(r, 140).map(|p| format!("Phase: {p}")));
        lines.push("Participant type(s): Patient".to_string());
        lines.push(format!("Age group: {}", age_groups(r)));
        lines.extend(r.min_age.map(|a| format!("Lower age limit: {a}")));
        lines.extend(r.max_age.map(|a| format!("Upper age limit: {a}")));
        lines.push(format!("Sex: {}", sex_words(r, 141)));
        lines.push("Condition category: Cell therapy".to_string());
        lines.push(format!("Condition: {}", r.conditions.join("; ")));
        lines.push("Intervention(s):".to_string());
        lines.extend(typed_interventions(r));
        lines.push(format!("Sponsor organisation: {}", r.sponsor));
        lines.push("Participant inclusion criteria".to_string());
        lines.extend(numbered(r.inclusion));
        lines.push("Participant exclusion criteria".to_string());
        lines.extend(numbered(r.exclusion));
    }
    join_lines(lines)
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html_list(items: &[String]) -> String {
    let lis: String = items
        .iter()
        .map(|i| format!("<li>{}</li>", esc(i)))
        .collect();
    format!("<ul>{lis}</ul>")
}

fn html_page(r: &Record, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} | MedTrialsHub</title>\
         <style>dt {{ font-weight: bold }}</style></head>\n<body>\n{body}\n</body></html>\n",
        esc(r.title)
    )
}

fn html_criteria(r: &Record) -> String {
    let inc: Vec<String> = r.inclusion.iter().map(|s| s.to_string()).collect();
    let exc: Vec<String> = r.exclusion.iter().map(|s| s.to_string()).collect();
    format!(
        "<h2>Eligibility</h2>\n<h3>{}</h3>\n{}\n<h3>{}</h3>\n{}",
        inclusion_label(r, 151),
        html_list(&inc),
        exclusion_label(r, 151),
        html_list(&exc)
    )
}

/// Style 14: A saved web page with a `<dl>` of labels and values.
pub fn html_dl(r: &Record) -> String {
    let mut dl = String::from("<dl>\n");
    for (l, v) in scalar_pairs(r, 141) {
        dl.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(l), esc(&v)));
    }
    let conditions: Vec<String> = r.conditions.iter().map(|c| c.to_string()).collect();
    dl.push_str(&format!(
        "<dt>{}</dt><dd>{}</dd>\n",
        conditions_label(r, 142),
        html_list(&conditions)
    ));
    dl.push_str(&format!(
        "<dt>{}</dt><dd>{}</dd>\n</dl>",
        interventions_label(r, 143),
        html_list(&typed_interventions(r))
    ));
    let body = format!(
        "<main>\n<h1>{}</h1>\n{dl}\n{}\n</main>",
        esc(r.title),
        html_criteria(r)
    );
    html_page(r, &body)
}

/// Style 15: A saved web page with a `<table>` of `<th>` labels and `<td>` values, inside header,
/// nav and footer elements.
pub fn html_table(r: &Record) -> String {
    let mut rows = String::new();
    for (l, v) in scalar_pairs(r, 161) {
        rows.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            esc(l),
            esc(&v)
        ));
    }
    let conditions: Vec<String> = r.conditions.iter().map(|c| c.to_string()).collect();
    rows.push_str(&format!(
        "<tr><th>{}</th><td>{}</td></tr>\n",
        conditions_label(r, 162),
        html_list(&conditions)
    ));
    rows.push_str(&format!(
        "<tr><th>{}</th><td>{}</td></tr>\n",
        interventions_label(r, 163),
        html_list(&typed_interventions(r))
    ));
    let body = format!(
        "<header><a href=\"/\">MedTrialsHub</a><form><input name=\"q\" placeholder=\"search\"></form></header>\n\
         <nav><a href=\"/\">Home</a> <a href=\"/trials\">Trials</a> <a href=\"/about\">About</a></nav>\n\
         <main>\n<h1>{}</h1>\n<table>\n{rows}</table>\n{}\n</main>\n\
         <footer><p>© 2026 MedTrialsHub. All rights reserved.</p><p><a href=\"/privacy\">Privacy Policy</a> | \
         <a href=\"/terms\">Terms of Use</a></p></footer>",
        esc(r.title),
        html_criteria(r)
    );
    html_page(r, &body)
}

/// Style 16: A search-result card: each section on one line, parts separated by ` · `.
pub fn dot_card(r: &Record) -> String {
    let mut first = vec![r.shown_id().to_string()];
    first.extend(phase_words(r, 171));
    first.push(status_words(r, 172).to_string());
    first.push(type_words(r, 173).to_string());
    let enrollment = match r.enrollment_type {
        Some(t) => format!(
            "{} ({})",
            r.enrollment,
            enrollment_type_word(t).to_lowercase()
        ),
        None => r.enrollment.to_string(),
    };
    let second = [
        format!("sponsor: {}", r.sponsor),
        format!("enrollment: {enrollment}"),
        format!("sex: {}", sex_words(r, 174)),
        format!("ages: {}", ages_words(r, 175)),
    ];
    let lines = vec![
        r.title.to_string(),
        first.join(" · "),
        second.join(" · "),
        format!("conditions: {}", r.conditions.join("; ")),
        format!("interventions: {}", typed_interventions(r).join("; ")),
    ];
    join_lines(lines)
}

/// The phases as classic ClinicalTrials.gov's table cell shows them ("Phase 1 Phase 2").
fn classic_phases(r: &Record) -> Option<String> {
    let words: Vec<String> = r
        .phases
        .iter()
        .map(|p| match *p {
            "NA" => "Not Applicable".to_string(),
            "EARLY_PHASE1" => "Early Phase 1".to_string(),
            p => format!("Phase {}", phase_number(p).0),
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Classic ClinicalTrials.gov's table of conditions, interventions and phases, its cell
/// separators lost on copying: a header row of labels over the row. Either one row with any
/// further condition on a line of its own, or each cell's items on lines of their own with
/// the next cell starting on the line of the cell's last item (cells copied with their line
/// breaks); with spaces or tabs between the cells.
fn classic_table(r: &Record) -> Vec<String> {
    let sep = pick(r, 181, &[" ", " ", "\t"]);
    let mut head = vec!["Condition or disease", "Intervention/treatment"];
    let phases = classic_phases(r);
    if phases.is_some() {
        head.push("Phase");
    }
    let mut cells: Vec<Vec<String>> = vec![
        r.conditions.iter().map(|c| c.to_string()).collect(),
        typed_interventions(r),
    ];
    cells.extend(phases.map(|p| vec![p]));
    let mut lines = vec![head.join(sep)];
    if pick(r, 182, &[true, false]) {
        let row: Vec<String> = cells
            .iter()
            .map(|c| c.first().cloned().unwrap_or_default())
            .collect();
        let first_cells: Vec<String> = std::iter::once(row[0].clone())
            .chain(std::iter::once(cells[1].join(" ")))
            .chain(row.iter().skip(2).cloned())
            .collect();
        lines.push(first_cells.join(sep));
        lines.extend(cells[0].iter().skip(1).cloned());
    } else {
        let mut current = String::new();
        for cell in &cells {
            for (i, item) in cell.iter().enumerate() {
                if i == 0 && !current.is_empty() {
                    current.push_str(sep);
                    current.push_str(item);
                } else {
                    if !current.is_empty() {
                        lines.push(std::mem::take(&mut current));
                    }
                    current = item.clone();
                }
            }
        }
        lines.push(current);
    }
    lines
}

/// The age range as classic ClinicalTrials.gov writes it, with the age groups.
fn classic_ages(r: &Record) -> String {
    let range = match (r.min_age, r.max_age) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("{min} and older"),
        (None, Some(max)) => format!("up to {max}"),
        (None, None) => "Child, Adult, Older Adult".to_string(),
    };
    format!("{range}   ({})", age_groups(r))
}

/// Style 17: A classic ClinicalTrials.gov study page: `Label : value` lines, the sponsor on
/// the line below its label (or only below the responsible party's caption), and the table
/// of conditions, interventions and phases copied with its cell separators lost.
pub fn ctgov_classic(r: &Record) -> String {
    let mut lines: Vec<String> = ["ClinicalTrials.gov", "ClinicalTrials.gov Menu", ""]
        .map(String::from)
        .to_vec();
    lines.push(r.title.to_string());
    lines.push(String::new());
    lines.push(match r.nct_id {
        Some(id) => format!("ClinicalTrials.gov Identifier: {id}"),
        None => format!("Other Study ID Numbers: {}", r.shown_id()),
    });
    lines.push(format!("Recruitment Status : {}", status_words(r, 183)));
    lines.push(format!("First Posted : {}", date_words(r, 184)));
    lines.push("Sponsor:".to_string());
    if pick(r, 185, &[true, false]) {
        lines.push(r.sponsor.to_string());
    }
    lines.push("Information provided by (Responsible Party):".to_string());
    lines.push(r.sponsor.to_string());
    lines.push(String::new());
    lines.push("Brief Summary:".to_string());
    lines.push(r.summary.to_string());
    lines.push(String::new());
    lines.extend(classic_table(r));
    lines.push(String::new());
    lines.push("Layout table for study information".to_string());
    lines.push(match r.study_type {
        "INTERVENTIONAL" => "Study Type : Interventional  (Clinical Trial)".to_string(),
        _ => "Study Type : Observational".to_string(),
    });
    let kind = r.enrollment_type.map_or("Estimated", enrollment_type_word);
    lines.push(format!("{kind} Enrollment : {} participants", r.enrollment));
    lines.push(format!("Actual Study Start Date : {}", date_words(r, 186)));
    lines.push(String::new());
    lines.push(format!("Ages Eligible for Study:   {}", classic_ages(r)));
    lines.push(format!("Sexes Eligible for Study:   {}", sex_words(r, 187)));
    lines.push("Accepts Healthy Volunteers:   No".to_string());
    lines.push(String::new());
    lines.push("Criteria".to_string());
    lines.extend(criteria_lines(r, 188, true));
    join_lines(lines)
}
