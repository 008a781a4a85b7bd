//! A criterion's text as tokens: words, numbers and single signs, each with its byte range,
//! so that what is recognised over tokens can be cut back out of the text exactly.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, then letters or digits ("ANC", "FEV1", "HbA1c", "SpO₂").
    Word,
    /// Digits, with the separators inside a number ("1.5", "100,000", "100 000").
    Number,
    /// Any other character that is not a space ("≥", "/", "(").
    Sign,
}

/// One token: its kind and where it is in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// What it is.
    pub kind: Kind,
    /// Its text.
    pub text: &'a str,
    /// Its byte range in the text.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
}

impl Token<'_> {
    /// Whether it is the word `word` (ASCII letters in any case; sub- and superscript digits as
    /// digits).
    pub fn is(&self, word: &str) -> bool {
        self.kind == Kind::Word && same_word(self.text, word)
    }

    /// Whether it is the sign `c`.
    pub fn is_sign(&self, c: char) -> bool {
        self.kind == Kind::Sign && self.text.starts_with(c)
    }
}

/// `c` as a plain ASCII digit when it is a sub- or superscript digit.
pub(crate) fn plain_digit(c: char) -> char {
    match c {
        '⁰' | '₀' => '0',
        '¹' | '₁' => '1',
        '²' | '₂' => '2',
        '³' | '₃' => '3',
        '⁴' | '₄' => '4',
        '⁵' | '₅' => '5',
        '⁶' | '₆' => '6',
        '⁷' | '₇' => '7',
        '⁸' | '₈' => '8',
        '⁹' | '₉' => '9',
        _ => c,
    }
}

/// Whether `text` spells `word` (`word` lower-case ASCII).
pub(crate) fn same_word(text: &str, word: &str) -> bool {
    // Plain ASCII (nearly every word) is compared a byte at a time: a character of `text` that
    // is not ASCII can only ever match as a sub- or superscript digit.
    if text.is_ascii() {
        return text.len() == word.len()
            && text
                .bytes()
                .zip(word.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b);
    }
    let mut a = text.chars().map(|c| plain_digit(c).to_ascii_lowercase());
    let mut b = word.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// `text` lower-cased into `buf` when it is ASCII and fits (nearly every token), so that it can
/// be looked up without a new string; `None` otherwise.
pub(crate) fn lower_ascii<'b>(text: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !text.is_ascii() || text.len() > buf.len() {
        return None;
    }
    let lower = &mut buf[..text.len()];
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// The tokens of `text`, in order. Linear in the text.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind;
        let mut end = start + c.len_utf8();
        if c.is_ascii_digit() {
            kind = Kind::Number;
            loop {
                let rest = &text[end..];
                let mut it = rest.chars();
                match (it.next(), it.next()) {
                    (Some(d), _) if d.is_ascii_digit() => end += 1,
                    (Some('.' | ','), Some(d)) if d.is_ascii_digit() => end += 2,
                    // A space between thousands ("100 000"): exactly three digits follow.
                    (Some(' ' | '\u{a0}' | '\u{202f}'), Some(_)) if thousands_after(rest) => {
                        end += rest.chars().next().map_or(1, char::len_utf8) + 3;
                    }
                    _ => break,
                }
            }
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
        } else if c.is_alphabetic() {
            kind = Kind::Word;
            while let Some(&(i, n)) = chars.peek() {
                let apostrophe = matches!(n, '\'' | '’')
                    && text[i + n.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                // Letters and digits go on a word, and an apostrophe between letters.
                if n.is_alphanumeric() || apostrophe {
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        } else {
            kind = Kind::Sign;
        }
        out.push(Token {
            kind,
            text: &text[start..end],
            start,
            end,
        });
    }
    out
}

/// Whether `rest` (starting at a space inside a number) is that space and then exactly three
/// digits that end the number.
fn thousands_after(rest: &str) -> bool {
    let mut it = rest.chars();
    it.next();
    let digits: String = it.clone().take(3).collect();
    let after = it.nth(3);
    digits.len() == 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !after.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The byte-wise comparison of ASCII words agrees with comparing character by
        /// character, in any case and with sub- and superscript digits.
        #[test]
        fn words_compare_as_character_by_character(
            text in "[a-zA-Z0-9²₂é]{0,6}",
            word in "[a-z0-9]{0,6}",
        ) {
            let slow = text
                .chars()
                .map(|c| plain_digit(c).to_ascii_lowercase())
                .eq(word.chars());
            proptest::prop_assert_eq!(same_word(&text, &word), slow);
            let upper = word.to_ascii_uppercase();
            proptest::prop_assert!(same_word(&upper, &word));
        }
    }

    fn shown(text: &str) -> Vec<(Kind, &str)> {
        tokens(text).into_iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn words_numbers_and_signs() {
        use Kind::*;
        assert_eq!(
            shown("ANC≥1.5 x 10⁹/L, SpO₂ 92%"),
            vec![
                (Word, "ANC"),
                (Sign, "≥"),
                (Number, "1.5"),
                (Word, "x"),
                (Number, "10"),
                (Sign, "⁹"),
                (Sign, "/"),
                (Word, "L"),
                (Sign, ","),
                (Word, "SpO₂"),
                (Number, "92"),
                (Sign, "%"),
            ]
        );
        assert_eq!(
            shown("100 000/mm3 or 1,5 ULN; Gilbert's 18years"),
            vec![
                (Number, "100 000"),
                (Sign, "/"),
                (Word, "mm3"),
                (Word, "or"),
                (Number, "1,5"),
                (Word, "ULN"),
                (Sign, ";"),
                (Word, "Gilbert's"),
                (Number, "18"),
                (Word, "years"),
            ]
        );
        // Two numbers a space apart stay two unless the second is a group of three digits.
        assert_eq!(
            shown("ECOG 0 1"),
            vec![(Word, "ECOG"), (Number, "0"), (Number, "1")]
        );
        assert_eq!(shown("18 1000"), vec![(Number, "18"), (Number, "1000")]);
    }

    #[test]
    fn words_compare_without_case_and_with_plain_digits() {
        assert!(same_word("SpO₂", "spo2"));
        assert!(same_word("QTcF", "qtcf"));
        assert!(!same_word("QTc", "qtcf"));
    }
}
