//! The v2 `DocumentSection`: the protocol, statistical analysis plan and consent form a study
//! uploaded to ClinicalTrials.gov.

use serde::{Deserialize, Serialize};

/// The address ClinicalTrials.gov serves an uploaded document from:
/// `https://cdn.clinicaltrials.gov/large-docs/<last two digits of the NCT ID>/<NCT ID>/<file name>`.
/// `None` unless `nct_id` is `NCT` and eight digits and `filename` is a plain file name
/// (letters, digits, `_`, `-` and `.`, not starting with a dot), so the address is never
/// anything but that.
pub fn large_doc_url(nct_id: &str, filename: &str) -> Option<String> {
    let digits = nct_id.strip_prefix("NCT")?;
    let id_ok = digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit());
    let name_ok = !filename.is_empty()
        && !filename.starts_with('.')
        && filename
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    (id_ok && name_ok).then(|| {
        format!(
            "https://cdn.clinicaltrials.gov/large-docs/{}/{nct_id}/{filename}",
            &digits[6..]
        )
    })
}

/// The v2 `DocumentSection`. Empty modules are omitted when serialized.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSection {
    /// The uploaded documents.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub large_document_module: LargeDocumentModule,
}

/// The v2 `LargeDocumentModule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LargeDocumentModule {
    /// Whether the study says it has no statistical analysis plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_sap: Option<bool>,
    /// The documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub large_docs: Vec<LargeDoc>,
}

/// The v2 `LargeDoc`: one uploaded document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LargeDoc {
    /// The kind of document, abbreviated (`Prot`, `SAP`, `ICF`, `Prot_SAP`, `Prot_SAP_ICF`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_abbrev: Option<String>,
    /// Whether it holds the protocol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_protocol: Option<bool>,
    /// Whether it holds the statistical analysis plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_sap: Option<bool>,
    /// Whether it holds the informed consent form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_icf: Option<bool>,
    /// Its title ("Study Protocol and Statistical Analysis Plan").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The document's own date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When it was uploaded (`yyyy-MM-ddTHH:mm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload_date: Option<String>,
    /// Its file name on ClinicalTrials.gov (`Prot_SAP_000.pdf`); see [`large_doc_url`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Its size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::large_doc_url;

    #[test]
    fn the_address_is_ctgovs_own_or_none() {
        assert_eq!(
            large_doc_url("NCT02573259", "Prot_000.pdf").as_deref(),
            Some("https://cdn.clinicaltrials.gov/large-docs/59/NCT02573259/Prot_000.pdf")
        );
        assert_eq!(
            large_doc_url("NCT09990101", "Prot_SAP-1.v2.pdf").as_deref(),
            Some("https://cdn.clinicaltrials.gov/large-docs/01/NCT09990101/Prot_SAP-1.v2.pdf")
        );
        for (nct, file) in [
            ("NCT0999010", "Prot_000.pdf"),
            ("nct09990101", "Prot_000.pdf"),
            ("NCT0999010X", "Prot_000.pdf"),
            ("NCT09990101", ""),
            ("NCT09990101", "../x.pdf"),
            ("NCT09990101", ".hidden"),
            ("NCT09990101", "a/b.pdf"),
            ("NCT09990101", "a b.pdf"),
            ("NCT09990101", "a?b=1"),
            ("NCT09990101", "ü.pdf"),
        ] {
            assert_eq!(large_doc_url(nct, file), None, "{nct} {file}");
        }
    }
}
