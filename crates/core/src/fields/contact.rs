//! Contact blocks as registry pages print them: a name line, then optional phone and e-mail
//! lines ("Robin Example, MD" ⏎ "+1 555 0100 ext. 12" ⏎ "robin@example.org").

use super::markup::unescape;
use crate::model::Contact;

/// Whether a line is an e-mail address: an `@` and no space.
pub fn is_email(text: &str) -> bool {
    text.contains('@') && !text.contains(' ')
}

/// Whether a line is a phone number: at least six digits, with only separators, `+`,
/// parentheses and an "ext" extension besides.
pub fn looks_like_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().ext".contains(c) || c == '/')
}

/// Splits "555 0100 ext. 12" into the number and the extension ("555 0100", "12").
pub fn split_phone_ext(text: &str) -> (&str, Option<&str>) {
    match text.split_once(" ext") {
        Some((phone, ext)) => (phone.trim(), Some(ext.trim_start_matches(['.', ' ']))),
        None => (text, None),
    }
}

/// Adds one line of a contact block to `contacts`: an e-mail or phone line fills that slot of
/// the last contact while it is empty; any other line starts a new contact with that name.
pub fn add_contact_line(contacts: &mut Vec<Contact>, text: &str) {
    match contacts.last_mut() {
        Some(c) if c.email.is_none() && is_email(text) => c.email = Some(text.to_string()),
        Some(c) if c.phone.is_none() && looks_like_phone(text) => {
            let (phone, ext) = split_phone_ext(text);
            c.phone = Some(phone.to_string());
            c.phone_ext = ext.map(str::to_string);
        }
        _ => contacts.push(Contact {
            name: Some(unescape(text)),
            ..Default::default()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_told_apart() {
        // (text, e-mail, phone)
        let cases: &[(&str, bool, bool)] = &[
            ("robin@example.org", true, false),
            ("write to robin@example.org", false, false),
            ("+1 555 0100 200", false, true),
            ("(555) 010-0200 ext. 12", false, true),
            ("555/010020", false, true),
            ("12345", false, false),
            ("Robin Example, MD", false, false),
            ("", false, false),
        ];
        for (text, email, phone) in cases {
            assert_eq!(is_email(text), *email, "{text}");
            assert_eq!(looks_like_phone(text), *phone, "{text}");
        }
    }

    #[test]
    fn extensions_split_from_the_number() {
        let cases: &[(&str, (&str, Option<&str>))] = &[
            ("555 0100 ext. 12", ("555 0100", Some("12"))),
            ("555 0100 ext 7", ("555 0100", Some("7"))),
            ("+1 555 0100", ("+1 555 0100", None)),
        ];
        for (text, want) in cases {
            assert_eq!(split_phone_ext(text), *want, "{text}");
        }
    }

    #[test]
    fn a_block_of_lines_gives_contacts() {
        let mut contacts = Vec::new();
        for line in [
            "Robin Example, MD",
            "+1 555 0100 ext. 3",
            "robin@example.org",
            "second@example.org",
            "Kit Sample",
            "kit@example.org",
        ] {
            add_contact_line(&mut contacts, line);
        }
        let got: Vec<_> = contacts
            .iter()
            .map(|c| {
                (
                    c.name.as_deref(),
                    c.phone.as_deref(),
                    c.phone_ext.as_deref(),
                    c.email.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Robin Example, MD"),
                    Some("+1 555 0100"),
                    Some("3"),
                    Some("robin@example.org")
                ),
                // A second address has no slot left: it starts a contact of its own.
                (Some("second@example.org"), None, None, None),
                (Some("Kit Sample"), None, None, Some("kit@example.org")),
            ]
        );
    }

    #[test]
    fn a_phone_or_address_before_any_name_is_a_name() {
        let mut contacts = Vec::new();
        add_contact_line(&mut contacts, "555 0100 200");
        assert_eq!(contacts.len(), 1);
        assert_eq!(contacts[0].name.as_deref(), Some("555 0100 200"));
    }
}
