//! The addresses a card links a record's values to: a trial's ClinicalTrials.gov page, a
//! PubMed record, a DOI, an e-mail address. Each is built only from a value of the expected
//! shape, so page text can never make a link point anywhere else.

/// A study's page on ClinicalTrials.gov, for an NCT ID (`NCT` and eight digits).
pub fn study_url(nct_id: &str) -> Option<String> {
    let digits = nct_id.strip_prefix("NCT")?;
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}{nct_id}", crate::collection::fields::STUDY_URL))
}

/// A PubMed record's page, for a PMID (digits only).
pub fn pubmed_url(pmid: &str) -> Option<String> {
    (!pmid.is_empty() && pmid.len() <= 12 && pmid.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"))
}

/// A DOI (`10.` and no white space) as a https://doi.org link, with characters outside the
/// URL-safe set escaped.
pub fn doi_url(doi: &str) -> Option<String> {
    let doi = doi.trim();
    if !doi.starts_with("10.") || doi.chars().any(char::is_whitespace) {
        return None;
    }
    let mut url = String::from("https://doi.org/");
    for byte in doi.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'.'
            | b'-'
            | b'_'
            | b'/'
            | b'('
            | b')'
            | b';'
            | b':' => url.push(byte as char),
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    Some(url)
}

/// `text` when it looks like an e-mail address (one `@`, a dotted domain, nothing that could
/// make a `mailto:` link say more than the address); else `None` and the text stays unlinked.
pub fn email_address(text: &str) -> Option<&str> {
    let (local, domain) = text.split_once('@')?;
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-'".contains(c))
    };
    (plain(local) && plain(domain) && domain.contains('.')).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_nct_id_makes_a_study_link() {
        assert_eq!(
            study_url("NCT09990102").as_deref(),
            Some("https://clinicaltrials.gov/study/NCT09990102")
        );
        for bad in [
            "NCT0999010",
            "NCT099901021",
            "nct09990102",
            "NCT0999010x",
            "NCT/../x",
        ] {
            assert_eq!(study_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_digits_make_a_pubmed_link() {
        assert_eq!(
            pubmed_url("99999999").as_deref(),
            Some("https://pubmed.ncbi.nlm.nih.gov/99999999/")
        );
        assert_eq!(pubmed_url(""), None);
        assert_eq!(pubmed_url("123 456"), None);
        assert_eq!(pubmed_url("javascript:1"), None);
    }

    #[test]
    fn a_doi_is_escaped_into_its_link() {
        assert_eq!(
            doi_url(" 10.1000/a(b)c ").as_deref(),
            Some("https://doi.org/10.1000/a(b)c")
        );
        assert_eq!(
            doi_url("10.1000/a<b>\"#?").as_deref(),
            Some("https://doi.org/10.1000/a%3Cb%3E%22%23%3F")
        );
        assert_eq!(doi_url("11.1000/x"), None);
        assert_eq!(doi_url("10.1000/a b"), None);
    }

    #[test]
    fn an_email_address_is_plain_or_not_linked() {
        assert_eq!(email_address("nell@example.org"), Some("nell@example.org"));
        for bad in [
            "nell@example",
            "@example.org",
            "nell@exa mple.org",
            "a@b.org?subject=x",
            "a@b@c.org",
            "Call 555",
        ] {
            assert_eq!(email_address(bad), None, "{bad}");
        }
    }
}
