//! Markup: removing CT.gov's markdown escapes from plain fields, and joining page lines into
//! CT.gov markdown for markup fields (summary, description, arm descriptions).

use crate::fields::criteria;
use crate::lines::Line;

/// Characters CT.gov escapes with a backslash.
const ESCAPABLE: &str = "\\`*_{}[]()<>#+-.!|^&~";

/// Removes markdown escapes (`\<` → `<`, `\^` → `^`) for plain-text fields.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if ESCAPABLE.contains(next) {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Whether a line starts a markdown or rendered list item.
fn is_list_line(text: &str) -> bool {
    criteria::parse_marker(text).0.is_some()
}

/// Joins the lines of a markup field into CT.gov markdown: rendered bullets ("•") become `*`,
/// nesting is kept, paragraphs are separated by a blank line, list items by a newline.
/// Escapes are kept.
pub fn lines_to_markdown(lines: &[Line<'_>]) -> Option<String> {
    let body: Vec<Line<'_>> = lines.iter().copied().filter(|l| !l.is_blank()).collect();
    if body.is_empty() {
        return None;
    }
    if body.iter().any(|l| is_list_line(l.text)) {
        let items = criteria::build_items(&body);
        return Some(criteria::render_markdown(&items));
    }
    Some(body.iter().map(|l| l.text).collect::<Vec<_>>().join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::scan;

    #[test]
    fn unescape_removes_markdown_escapes() {
        assert_eq!(
            unescape(r"BMI \<30, 1×10\^6 \& more \[x\] \*"),
            "BMI <30, 1×10^6 & more [x] *"
        );
        assert_eq!(unescape(r"a \ b"), r"a \ b");
    }

    #[test]
    fn markdown_from_lines() {
        let lines = scan("First paragraph.\n\nSecond \\<here\\>.");
        assert_eq!(
            lines_to_markdown(&lines).as_deref(),
            Some("First paragraph.\n\nSecond \\<here\\>.")
        );
        let lines = scan("Intro:\n\n  1. One\n\n    • Nested\n  2. Two");
        assert_eq!(
            lines_to_markdown(&lines).as_deref(),
            Some("Intro:\n\n1. One\n   * Nested\n2. Two")
        );
    }
}
