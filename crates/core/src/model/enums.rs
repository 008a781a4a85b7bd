//! The CT.gov v2 enums, each variant spelled exactly as the spec spells it.

use serde::{Deserialize, Serialize};

/// What every CT.gov enum offers: its spec name, all variants and their codes.
pub trait CtEnum: Sized + Copy + 'static {
    /// The enum's name in the CT.gov OpenAPI spec (for example `Status`).
    const SPEC_NAME: &'static str;
    /// Every variant, in the spec's order.
    const ALL: &'static [Self];
    /// The CT.gov code (for example `ENROLLING_BY_INVITATION`).
    fn code(self) -> &'static str;
    /// The variant whose CT.gov code is exactly `code`.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! ct_enum {
    ($(#[$meta:meta])* $name:ident = $spec:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(
                #[doc = concat!("CT.gov `", $code, "`.")]
                #[serde(rename = $code)]
                $variant,
            )+
        }
        impl CtEnum for $name {
            const SPEC_NAME: &'static str = $spec;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }
    };
}

ct_enum!(
    /// The overall recruitment status of a study (`overallStatus`).
    Status = "Status" {
    ActiveNotRecruiting => "ACTIVE_NOT_RECRUITING",
    Completed => "COMPLETED",
    EnrollingByInvitation => "ENROLLING_BY_INVITATION",
    NotYetRecruiting => "NOT_YET_RECRUITING",
    Recruiting => "RECRUITING",
    Suspended => "SUSPENDED",
    Terminated => "TERMINATED",
    Withdrawn => "WITHDRAWN",
    Available => "AVAILABLE",
    NoLongerAvailable => "NO_LONGER_AVAILABLE",
    TemporarilyNotAvailable => "TEMPORARILY_NOT_AVAILABLE",
    ApprovedForMarketing => "APPROVED_FOR_MARKETING",
    Withheld => "WITHHELD",
    Unknown => "UNKNOWN",
});

ct_enum!(
    /// The recruitment status of one location.
    RecruitmentStatus = "RecruitmentStatus" {
    ActiveNotRecruiting => "ACTIVE_NOT_RECRUITING",
    Completed => "COMPLETED",
    EnrollingByInvitation => "ENROLLING_BY_INVITATION",
    NotYetRecruiting => "NOT_YET_RECRUITING",
    Recruiting => "RECRUITING",
    Suspended => "SUSPENDED",
    Terminated => "TERMINATED",
    Withdrawn => "WITHDRAWN",
    Available => "AVAILABLE",
});

ct_enum!(
    /// The kind of study.
    StudyType = "StudyType" {
    ExpandedAccess => "EXPANDED_ACCESS",
    Interventional => "INTERVENTIONAL",
    Observational => "OBSERVATIONAL",
});

ct_enum!(
    /// A trial phase.
    Phase = "Phase" {
    Na => "NA",
    EarlyPhase1 => "EARLY_PHASE1",
    Phase1 => "PHASE1",
    Phase2 => "PHASE2",
    Phase3 => "PHASE3",
    Phase4 => "PHASE4",
});

ct_enum!(
    /// The sexes a study accepts.
    Sex = "Sex" {
    Female => "FEMALE",
    Male => "MALE",
    All => "ALL",
});

ct_enum!(
    /// An age group (`stdAges`).
    StandardAge = "StandardAge" {
    Child => "CHILD",
    Adult => "ADULT",
    OlderAdult => "OLDER_ADULT",
});

ct_enum!(
    /// The kind of a secondary identifier.
    SecondaryIdType = "SecondaryIdType" {
    Nih => "NIH",
    Fda => "FDA",
    Va => "VA",
    Cdc => "CDC",
    Ahrq => "AHRQ",
    Samhsa => "SAMHSA",
    OtherGrant => "OTHER_GRANT",
    EudractNumber => "EUDRACT_NUMBER",
    Ctis => "CTIS",
    Registry => "REGISTRY",
    Other => "OTHER",
});

ct_enum!(
    /// The kind of organisation a sponsor is.
    AgencyClass = "AgencyClass" {
    Nih => "NIH",
    Fed => "FED",
    OtherGov => "OTHER_GOV",
    Indiv => "INDIV",
    Industry => "INDUSTRY",
    Network => "NETWORK",
    Ambig => "AMBIG",
    Other => "OTHER",
    Unknown => "UNKNOWN",
});

ct_enum!(
    /// Whether a date is actual or estimated.
    DateType = "DateType" {
    Actual => "ACTUAL",
    Estimated => "ESTIMATED",
});

ct_enum!(
    /// Who is responsible for the registration.
    ResponsiblePartyType = "ResponsiblePartyType" {
    Sponsor => "SPONSOR",
    PrincipalInvestigator => "PRINCIPAL_INVESTIGATOR",
    SponsorInvestigator => "SPONSOR_INVESTIGATOR",
});

ct_enum!(
    /// How participants are allocated to arms.
    DesignAllocation = "DesignAllocation" {
    Randomized => "RANDOMIZED",
    NonRandomized => "NON_RANDOMIZED",
    Na => "NA",
});

ct_enum!(
    /// The interventional model.
    InterventionalAssignment = "InterventionalAssignment" {
    SingleGroup => "SINGLE_GROUP",
    Parallel => "PARALLEL",
    Crossover => "CROSSOVER",
    Factorial => "FACTORIAL",
    Sequential => "SEQUENTIAL",
});

ct_enum!(
    /// The primary purpose of an interventional study.
    PrimaryPurpose = "PrimaryPurpose" {
    Treatment => "TREATMENT",
    Prevention => "PREVENTION",
    Diagnostic => "DIAGNOSTIC",
    Ect => "ECT",
    SupportiveCare => "SUPPORTIVE_CARE",
    Screening => "SCREENING",
    HealthServicesResearch => "HEALTH_SERVICES_RESEARCH",
    BasicScience => "BASIC_SCIENCE",
    DeviceFeasibility => "DEVICE_FEASIBILITY",
    Other => "OTHER",
});

ct_enum!(
    /// The observational model.
    ObservationalModel = "ObservationalModel" {
    Cohort => "COHORT",
    CaseControl => "CASE_CONTROL",
    CaseOnly => "CASE_ONLY",
    CaseCrossover => "CASE_CROSSOVER",
    EcologicOrCommunity => "ECOLOGIC_OR_COMMUNITY",
    FamilyBased => "FAMILY_BASED",
    DefinedPopulation => "DEFINED_POPULATION",
    NaturalHistory => "NATURAL_HISTORY",
    Other => "OTHER",
});

ct_enum!(
    /// The time perspective of an observational study.
    DesignTimePerspective = "DesignTimePerspective" {
    Retrospective => "RETROSPECTIVE",
    Prospective => "PROSPECTIVE",
    CrossSectional => "CROSS_SECTIONAL",
    Other => "OTHER",
});

ct_enum!(
    /// Whether enrollment is actual or estimated.
    EnrollmentType = "EnrollmentType" {
    Actual => "ACTUAL",
    Estimated => "ESTIMATED",
});

ct_enum!(
    /// The role of an arm.
    ArmGroupType = "ArmGroupType" {
    Experimental => "EXPERIMENTAL",
    ActiveComparator => "ACTIVE_COMPARATOR",
    PlaceboComparator => "PLACEBO_COMPARATOR",
    ShamComparator => "SHAM_COMPARATOR",
    NoIntervention => "NO_INTERVENTION",
    Other => "OTHER",
});

ct_enum!(
    /// The kind of an intervention.
    InterventionType = "InterventionType" {
    Behavioral => "BEHAVIORAL",
    Biological => "BIOLOGICAL",
    CombinationProduct => "COMBINATION_PRODUCT",
    Device => "DEVICE",
    DiagnosticTest => "DIAGNOSTIC_TEST",
    DietarySupplement => "DIETARY_SUPPLEMENT",
    Drug => "DRUG",
    Genetic => "GENETIC",
    Procedure => "PROCEDURE",
    Radiation => "RADIATION",
    Other => "OTHER",
});

ct_enum!(
    /// The role of a contact.
    ContactRole = "ContactRole" {
    StudyChair => "STUDY_CHAIR",
    StudyDirector => "STUDY_DIRECTOR",
    PrincipalInvestigator => "PRINCIPAL_INVESTIGATOR",
    SubInvestigator => "SUB_INVESTIGATOR",
    Contact => "CONTACT",
});

ct_enum!(
    /// The role of an overall official.
    OfficialRole = "OfficialRole" {
    StudyChair => "STUDY_CHAIR",
    StudyDirector => "STUDY_DIRECTOR",
    PrincipalInvestigator => "PRINCIPAL_INVESTIGATOR",
    SubInvestigator => "SUB_INVESTIGATOR",
});

ct_enum!(
    /// The kind of a reference.
    ReferenceType = "ReferenceType" {
    Background => "BACKGROUND",
    Result => "RESULT",
    Derived => "DERIVED",
});

ct_enum!(
    /// The masking of a study.
    DesignMasking = "DesignMasking" {
    None => "NONE",
    Single => "SINGLE",
    Double => "DOUBLE",
    Triple => "TRIPLE",
    Quadruple => "QUADRUPLE",
});

ct_enum!(
    /// Who is masked.
    WhoMasked = "WhoMasked" {
    Participant => "PARTICIPANT",
    CareProvider => "CARE_PROVIDER",
    Investigator => "INVESTIGATOR",
    OutcomesAssessor => "OUTCOMES_ASSESSOR",
});

ct_enum!(
    /// How an observational study chose its participants (`samplingMethod`).
    SamplingMethod = "SamplingMethod" {
    ProbabilitySample => "PROBABILITY_SAMPLE",
    NonProbabilitySample => "NON_PROBABILITY_SAMPLE",
});

ct_enum!(
    /// Whether individual participant data will be shared (`ipdSharing`).
    IpdSharing = "IpdSharing" {
    Yes => "YES",
    No => "NO",
    Undecided => "UNDECIDED",
});

ct_enum!(
    /// A kind of document shared with the participant data (`infoTypes`).
    IpdSharingInfoType = "IpdSharingInfoType" {
    StudyProtocol => "STUDY_PROTOCOL",
    Sap => "SAP",
    Icf => "ICF",
    Csr => "CSR",
    AnalyticCode => "ANALYTIC_CODE",
});

ct_enum!(
    /// The status of the expanded access record a study links to (`statusForNctId`).
    ExpandedAccessStatus = "ExpandedAccessStatus" {
    Available => "AVAILABLE",
    NoLongerAvailable => "NO_LONGER_AVAILABLE",
    TemporarilyNotAvailable => "TEMPORARILY_NOT_AVAILABLE",
    ApprovedForMarketing => "APPROVED_FOR_MARKETING",
});

ct_enum!(
    /// How closely a MeSH browse leaf matches the study (`relevance`).
    BrowseLeafRelevance = "BrowseLeafRelevance" {
    Low => "LOW",
    High => "HIGH",
});

ct_enum!(
    /// What a baseline or outcome measure's values are (`paramType`).
    MeasureParam = "MeasureParam" {
    GeometricMean => "GEOMETRIC_MEAN",
    GeometricLeastSquaresMean => "GEOMETRIC_LEAST_SQUARES_MEAN",
    LeastSquaresMean => "LEAST_SQUARES_MEAN",
    LogMean => "LOG_MEAN",
    Mean => "MEAN",
    Median => "MEDIAN",
    Number => "NUMBER",
    CountOfParticipants => "COUNT_OF_PARTICIPANTS",
    CountOfUnits => "COUNT_OF_UNITS",
});

ct_enum!(
    /// What a measure's spread or limits are (`dispersionType`).
    MeasureDispersionType = "MeasureDispersionType" {
    Na => "NA",
    StandardDeviation => "STANDARD_DEVIATION",
    StandardError => "STANDARD_ERROR",
    InterQuartileRange => "INTER_QUARTILE_RANGE",
    FullRange => "FULL_RANGE",
    Confidence80 => "CONFIDENCE_80",
    Confidence90 => "CONFIDENCE_90",
    Confidence95 => "CONFIDENCE_95",
    Confidence975 => "CONFIDENCE_975",
    Confidence99 => "CONFIDENCE_99",
    ConfidenceOther => "CONFIDENCE_OTHER",
    GeometricCoefficient => "GEOMETRIC_COEFFICIENT",
});

ct_enum!(
    /// The kind of a posted outcome measure.
    OutcomeMeasureType = "OutcomeMeasureType" {
    Primary => "PRIMARY",
    Secondary => "SECONDARY",
    OtherPreSpecified => "OTHER_PRE_SPECIFIED",
    PostHoc => "POST_HOC",
});

ct_enum!(
    /// Whether an outcome measure's data are posted (`reportingStatus`).
    ReportingStatus = "ReportingStatus" {
    NotPosted => "NOT_POSTED",
    Posted => "POSTED",
});

ct_enum!(
    /// How adverse events were collected (`assessmentType`).
    EventAssessment = "EventAssessment" {
    NonSystematicAssessment => "NON_SYSTEMATIC_ASSESSMENT",
    SystematicAssessment => "SYSTEMATIC_ASSESSMENT",
});

ct_enum!(
    /// How long a sponsor may hold back a publication (`restrictionType`).
    AgreementRestrictionType = "AgreementRestrictionType" {
    Lte60 => "LTE60",
    Gt60 => "GT60",
    Other => "OTHER",
});

ct_enum!(
    /// The kind of an analysis estimate's dispersion.
    AnalysisDispersionType = "AnalysisDispersionType" {
    StandardDeviation => "STANDARD_DEVIATION",
    StandardErrorOfMean => "STANDARD_ERROR_OF_MEAN",
});

ct_enum!(
    /// Whether a confidence interval is one- or two-sided (`ciNumSides`).
    ConfidenceIntervalNumSides = "ConfidenceIntervalNumSides" {
    OneSided => "ONE_SIDED",
    TwoSided => "TWO_SIDED",
});

ct_enum!(
    /// The hypothesis an analysis tests (`nonInferiorityType`).
    NonInferiorityType = "NonInferiorityType" {
    Superiority => "SUPERIORITY",
    NonInferiority => "NON_INFERIORITY",
    Equivalence => "EQUIVALENCE",
    Other => "OTHER",
    NonInferiorityOrEquivalence => "NON_INFERIORITY_OR_EQUIVALENCE",
    SuperiorityOrOther => "SUPERIORITY_OR_OTHER",
    NonInferiorityOrEquivalenceLegacy => "NON_INFERIORITY_OR_EQUIVALENCE_LEGACY",
    SuperiorityOrOtherLegacy => "SUPERIORITY_OR_OTHER_LEGACY",
});

impl InterventionType {
    /// The label CT.gov shows before an intervention name ("Biological" in "Biological: X").
    pub fn display(self) -> &'static str {
        match self {
            Self::Behavioral => "Behavioral",
            Self::Biological => "Biological",
            Self::CombinationProduct => "Combination Product",
            Self::Device => "Device",
            Self::DiagnosticTest => "Diagnostic Test",
            Self::DietarySupplement => "Dietary Supplement",
            Self::Drug => "Drug",
            Self::Genetic => "Genetic",
            Self::Procedure => "Procedure",
            Self::Radiation => "Radiation",
            Self::Other => "Other",
        }
    }
}

/// Calls `f` with the spec name and codes of every enum of the model (used by the spec test).
pub fn for_each_enum(mut f: impl FnMut(&'static str, Vec<&'static str>)) {
    fn codes<E: CtEnum>() -> (&'static str, Vec<&'static str>) {
        (E::SPEC_NAME, E::ALL.iter().map(|v| v.code()).collect())
    }
    for (name, list) in [
        codes::<Status>(),
        codes::<RecruitmentStatus>(),
        codes::<StudyType>(),
        codes::<Phase>(),
        codes::<Sex>(),
        codes::<StandardAge>(),
        codes::<SecondaryIdType>(),
        codes::<AgencyClass>(),
        codes::<DateType>(),
        codes::<ResponsiblePartyType>(),
        codes::<DesignAllocation>(),
        codes::<InterventionalAssignment>(),
        codes::<PrimaryPurpose>(),
        codes::<ObservationalModel>(),
        codes::<DesignTimePerspective>(),
        codes::<EnrollmentType>(),
        codes::<ArmGroupType>(),
        codes::<InterventionType>(),
        codes::<ContactRole>(),
        codes::<OfficialRole>(),
        codes::<ReferenceType>(),
        codes::<DesignMasking>(),
        codes::<WhoMasked>(),
        codes::<SamplingMethod>(),
        codes::<IpdSharing>(),
        codes::<IpdSharingInfoType>(),
        codes::<ExpandedAccessStatus>(),
        codes::<BrowseLeafRelevance>(),
        codes::<MeasureParam>(),
        codes::<MeasureDispersionType>(),
        codes::<OutcomeMeasureType>(),
        codes::<ReportingStatus>(),
        codes::<EventAssessment>(),
        codes::<AgreementRestrictionType>(),
        codes::<AnalysisDispersionType>(),
        codes::<ConfidenceIntervalNumSides>(),
        codes::<NonInferiorityType>(),
    ] {
        f(name, list);
    }
}
