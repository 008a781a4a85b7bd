//! The criteria list builder: page lines → a tree of items (bullets `•`/`* `, double bullets `• •`,
//! numbers `1.`, inline numbering `1.A; 2.B`, `(1) … (2) …` inside one item, nesting by indent),
//! split into inclusion and exclusion, and rendered back as CT.gov markdown.

use crate::fields::markup::unescape;
use crate::lines::{normalize_label, Line};
use crate::model::{CriteriaTree, CriterionItem};

/// Bullet characters pages use.
const BULLETS: &[char] = &['•', '·', '▪', '◦', '●', '*', '-', '–'];

/// Splits a list marker off `text`: ("•", rest), ("1.", rest), ("(2)", rest), or (None, text).
/// Repeated bullets ("• • x") count as one.
pub fn parse_marker(text: &str) -> (Option<String>, &str) {
    let mut rest = text;
    let mut bullet = false;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if BULLETS.contains(&c) && (after.starts_with(char::is_whitespace) || after.is_empty()) {
            bullet = true;
            rest = after.trim_start();
        } else {
            break;
        }
    }
    if bullet {
        return (Some("•".to_string()), rest);
    }
    let digits = text.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        let after = &text[digits..];
        for sep in ['.', ')'] {
            if let Some(tail) = after.strip_prefix(sep) {
                if tail.starts_with(char::is_whitespace) {
                    return (Some(text[..digits + 1].to_string()), tail.trim_start());
                }
            }
        }
    }
    if let Some(inner) = text.strip_prefix('(') {
        let d = inner.bytes().take_while(|b| b.is_ascii_digit()).count();
        if (1..=2).contains(&d) {
            if let Some(tail) = inner[d..].strip_prefix(')') {
                if tail.starts_with(char::is_whitespace) {
                    return (Some(text[..d + 2].to_string()), tail.trim_start());
                }
            }
        }
    }
    let mut chars = text.chars();
    if let (Some(l), Some(sep), Some(sp)) = (chars.next(), chars.next(), chars.next()) {
        if l.is_ascii_lowercase() && (sep == '.' || sep == ')') && sp == ' ' {
            return (Some(text[..2].to_string()), text[2..].trim_start());
        }
    }
    (None, text)
}

fn clean_piece(s: &str) -> String {
    s.trim().trim_end_matches([';', ',']).trim().to_string()
}

/// Finds `needle` at or after `from` where it starts a new item: at the start, or after whitespace
/// or `;`, and either followed by a non-digit or preceded by item-ending punctuation.
fn find_item_start(text: &str, needle: &str, from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(pos) = text[i..].find(needle) {
        let at = i + pos;
        let before = text[..at].trim_end_matches(char::is_whitespace);
        let spaced = at == 0 || text[..at].ends_with(char::is_whitespace) || before.ends_with(';');
        let ended = before.is_empty() || before.ends_with([';', '.', ',', ':', ')']);
        let next_digit = text[at + needle.len()..].starts_with(|c: char| c.is_ascii_digit());
        if spaced && (ended || !next_digit) && (at == 0 || !before.is_empty()) {
            return Some(at);
        }
        i = at + needle.len();
    }
    None
}

/// Splits inline numbering in one line ("1.Subjects …; 2.4-70 years; 3.…") into items, each number
/// in sequence; item 2 of that example is "4-70 years". `None` unless there are at least two items.
pub fn split_inline_numbered(text: &str) -> Option<Vec<(String, String)>> {
    let sep = match text.as_bytes() {
        [b'1', s @ (b'.' | b')'), ..] => *s as char,
        _ => return None,
    };
    let mut starts = vec![(0usize, format!("1{sep}"))];
    let mut k = 2;
    loop {
        let needle = format!("{k}{sep}");
        let from = starts.last().map(|(s, m)| s + m.len()).unwrap_or(0);
        match find_item_start(text, &needle, from) {
            Some(at) if at > 0 => starts.push((at, needle)),
            _ => break,
        }
        k += 1;
    }
    if starts.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    for (i, (at, marker)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map(|(s, _)| *s).unwrap_or(text.len());
        out.push((marker.clone(), clean_piece(&text[at + marker.len()..end])));
    }
    Some(out)
}

/// Splits "(1) … (2) …" inside one item: the text before "(1)" and the numbered parts.
pub fn split_parenthesized(text: &str) -> Option<(String, Vec<(String, String)>)> {
    let mut starts: Vec<(usize, String)> = Vec::new();
    let mut k = 1;
    loop {
        let needle = format!("({k})");
        let from = starts.last().map(|(s, m)| s + m.len()).unwrap_or(0);
        let found = text[from..].find(&needle).map(|p| from + p).filter(|&at| {
            at == 0
                || text[..at].ends_with(char::is_whitespace)
                || text[..at].ends_with([';', ':', ',', '.'])
        });
        match found {
            Some(at) => starts.push((at, needle)),
            None => break,
        }
        k += 1;
    }
    if starts.len() < 2 {
        return None;
    }
    let prefix = clean_piece(&text[..starts[0].0]);
    let mut parts = Vec::new();
    for (i, (at, marker)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map(|(s, _)| *s).unwrap_or(text.len());
        parts.push((marker.clone(), clean_piece(&text[at + marker.len()..end])));
    }
    Some((prefix, parts))
}

fn item(text: String, marker: Option<String>, line: usize) -> CriterionItem {
    CriterionItem {
        text,
        marker,
        line: Some(line),
        children: Vec::new(),
        thresholds: Vec::new(),
    }
}

/// How deep criteria nest at most. Registries nest two or three levels; deeper items (a
/// hostile page can indent ten thousand levels) join the deepest list, so the tree, and
/// everything that walks it recursively (rendering, serializing, dropping), stays shallow.
pub const MAX_DEPTH: usize = 8;

/// The item list at `depth` along the last items of `root`.
fn list_at(root: &mut Vec<CriterionItem>, depth: usize) -> &mut Vec<CriterionItem> {
    let mut list = root;
    for _ in 0..depth {
        if list.is_empty() {
            break;
        }
        let last = list.len() - 1;
        list = &mut list[last].children;
    }
    list
}

/// Adds an item, splitting "(1) … (2) …" into children (or siblings when nothing precedes "(1)").
fn push_item(list: &mut Vec<CriterionItem>, text: &str, marker: Option<String>, line: usize) {
    match split_parenthesized(text) {
        Some((prefix, parts)) if !prefix.is_empty() => {
            let mut parent = item(prefix, marker, line);
            parent.children = parts
                .into_iter()
                .map(|(m, t)| item(t, Some(m), line))
                .collect();
            list.push(parent);
        }
        Some((_, parts)) => {
            list.extend(parts.into_iter().map(|(m, t)| item(t, Some(m), line)));
        }
        None => list.push(item(text.to_string(), marker, line)),
    }
}

/// Builds the item tree from non-blank lines: nesting follows indentation among list items; a
/// line without marker is a paragraph (a child of the open item when indented under it).
/// Texts keep their escapes; see [`unescape_items`].
pub fn build_items(lines: &[Line<'_>]) -> Vec<CriterionItem> {
    let mut root: Vec<CriterionItem> = Vec::new();
    let mut open: Vec<usize> = Vec::new(); // indents of the open list items, outermost first
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let entries = match split_inline_numbered(line.text) {
            Some(parts) => parts.into_iter().map(|(m, t)| (Some(m), t)).collect(),
            None => {
                let (m, rest) = parse_marker(line.text);
                vec![(m, rest.to_string())]
            }
        };
        for (marker, text) in entries {
            if marker.is_none() {
                if open.last().is_some_and(|&top| line.indent > top) {
                    let depth = open.len().min(MAX_DEPTH + 1);
                    push_item(list_at(&mut root, depth), &text, None, line.no);
                } else {
                    open.clear();
                    push_item(&mut root, &text, None, line.no);
                }
                continue;
            }
            while open.last().is_some_and(|&top| top >= line.indent) {
                open.pop();
            }
            let depth = open.len().min(MAX_DEPTH);
            push_item(list_at(&mut root, depth), &text, marker, line.no);
            if open.len() <= MAX_DEPTH {
                open.push(line.indent);
            } else if let Some(top) = open.last_mut() {
                // Past the cap, siblings and deeper items alike join the deepest list.
                *top = line.indent;
            }
        }
    }
    root
}

/// Removes markdown escapes from every item's text (criteria items are plain text).
pub fn unescape_items(items: &mut [CriterionItem]) {
    for it in items {
        it.text = unescape(&it.text);
        unescape_items(&mut it.children);
    }
}

fn flatten(items: &[CriterionItem], indent: usize, out: &mut Vec<(bool, String)>) {
    for it in items {
        match it.marker.as_deref() {
            None => {
                out.push((true, format!("{}{}", " ".repeat(indent), it.text)));
                flatten(&it.children, indent, out);
            }
            Some(m) => {
                let numbered = m
                    .strip_suffix(['.', ')'])
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
                let md = if numbered { m } else { "*" };
                out.push((false, format!("{}{} {}", " ".repeat(indent), md, it.text)));
                flatten(&it.children, indent + md.len() + 1, out);
            }
        }
    }
}

/// Renders items as CT.gov markdown: `* item`, `1. item`, nested items indented under their parent.
pub fn render_markdown(items: &[CriterionItem]) -> String {
    let mut flat = Vec::new();
    flatten(items, 0, &mut flat);
    let mut out = String::new();
    let mut prev_para = false;
    for (i, (para, text)) in flat.iter().enumerate() {
        if i > 0 {
            out.push_str(if *para || prev_para { "\n\n" } else { "\n" });
        }
        out.push_str(text);
        prev_para = *para;
    }
    out
}

/// Which list lines go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriteriaPart {
    /// Text before any inclusion/exclusion heading.
    Preamble,
    /// Inclusion criteria.
    Inclusion,
    /// Exclusion criteria.
    Exclusion,
}

/// Recognises an inclusion/exclusion sub-heading ("Inclusion Criteria:", "Key exclusion criteria")
/// and returns the part it opens and any text after its colon.
pub fn sub_heading(text: &str) -> Option<(CriteriaPart, &str)> {
    let (head, rest) = match text.find(':') {
        Some(i) => (&text[..i], text[i + 1..].trim()),
        None => (text, ""),
    };
    // Both parts' names end in "clusion"; most lines are neither (checked without allocating).
    let named = head.len() <= 80
        && head
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"clusion"));
    if !named {
        return None;
    }
    let norm = normalize_label(head);
    let words = norm.split(' ').count();
    if words > 4 {
        return None;
    }
    let part = if norm == "inclusion" || norm.ends_with("inclusion criteria") {
        CriteriaPart::Inclusion
    } else if norm == "exclusion" || norm.ends_with("exclusion criteria") {
        CriteriaPart::Exclusion
    } else {
        return None;
    };
    Some((part, rest))
}

/// Builds the criteria tree from a section's lines; `start` is the part lines go to until a
/// sub-heading says otherwise. Item texts keep escapes.
pub fn build_tree(lines: &[Line<'_>], start: CriteriaPart, tree: &mut CriteriaTree) {
    let mut part = start;
    let mut segment: Vec<Line<'_>> = Vec::new();
    let flush = |part: CriteriaPart, seg: &mut Vec<Line<'_>>, tree: &mut CriteriaTree| {
        let items = build_items(seg);
        seg.clear();
        match part {
            CriteriaPart::Preamble => tree.preamble.extend(items.into_iter().map(|i| i.text)),
            CriteriaPart::Inclusion => tree.inclusion.extend(items),
            CriteriaPart::Exclusion => tree.exclusion.extend(items),
        }
    };
    for line in lines {
        if parse_marker(line.text).0.is_none() {
            if let Some((next, rest)) = sub_heading(line.text) {
                flush(part, &mut segment, tree);
                part = next;
                if !rest.is_empty() {
                    let offset = line.text.len() - rest.len();
                    segment.push(Line {
                        no: line.no,
                        text: &line.text[offset..],
                        indent: line.indent,
                    });
                }
                continue;
            }
        }
        segment.push(*line);
    }
    flush(part, &mut segment, tree);
}

/// The criteria as CT.gov writes them: "Inclusion Criteria:\n\n* …\n\nExclusion Criteria:\n\n* …".
pub fn eligibility_text(tree: &CriteriaTree) -> Option<String> {
    let mut blocks: Vec<String> = tree.preamble.clone();
    if !tree.inclusion.is_empty() {
        blocks.push("Inclusion Criteria:".into());
        blocks.push(render_markdown(&tree.inclusion));
    }
    if !tree.exclusion.is_empty() {
        blocks.push("Exclusion Criteria:".into());
        blocks.push(render_markdown(&tree.exclusion));
    }
    (!blocks.is_empty()).then(|| blocks.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::scan;

    fn texts(items: &[CriterionItem]) -> Vec<&str> {
        items.iter().map(|i| i.text.as_str()).collect()
    }

    #[test]
    fn markers() {
        assert_eq!(
            parse_marker("• • A patient"),
            (Some("•".into()), "A patient")
        );
        assert_eq!(parse_marker("* BMI"), (Some("•".into()), "BMI"));
        assert_eq!(parse_marker("12. Twelve"), (Some("12.".into()), "Twelve"));
        assert_eq!(parse_marker("(3) three"), (Some("(3)".into()), "three"));
        assert_eq!(parse_marker("1.5 mg daily"), (None, "1.5 mg daily"));
        assert_eq!(parse_marker("*bold*"), (None, "*bold*"));
    }

    #[test]
    fn inline_numbering_follows_the_sequence() {
        let parts =
            split_inline_numbered("1.Adults who consent; 2.4-70 years; 3.Grade II; 4.ECOG≤2;")
                .unwrap();
        let t: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            t,
            vec!["Adults who consent", "4-70 years", "Grade II", "ECOG≤2"]
        );
        assert_eq!(split_inline_numbered("1. Dose of 2.5 mg"), None);
        assert_eq!(split_inline_numbered("Age 1. to 2."), None);
    }

    #[test]
    fn parenthesized_parts_become_children() {
        let lines = scan("  • Organ failure: (1) heart; (2) liver; (3) kidney");
        let items = build_items(&lines);
        assert_eq!(texts(&items), vec!["Organ failure:"]);
        assert_eq!(texts(&items[0].children), vec!["heart", "liver", "kidney"]);
        assert_eq!(items[0].children[1].marker.as_deref(), Some("(2)"));
    }

    #[test]
    fn nesting_follows_indent() {
        let lines = scan("  1. One\n\n  2. Two:\n\n    • a\n    • b\n  3. Three");
        let items = build_items(&lines);
        assert_eq!(texts(&items), vec!["One", "Two:", "Three"]);
        assert_eq!(texts(&items[1].children), vec!["a", "b"]);
        assert_eq!(
            render_markdown(&items),
            "1. One\n2. Two:\n   * a\n   * b\n3. Three"
        );
    }

    #[test]
    fn combined_section_with_sub_headings_and_preamble() {
        let lines = scan("Visit the sponsor site.\n\nInclusion Criteria:\n\n  • A\n\nExclusion Criteria:\n\n  • B \\<5");
        let mut tree = CriteriaTree::default();
        build_tree(&lines, CriteriaPart::Preamble, &mut tree);
        assert_eq!(tree.preamble, vec!["Visit the sponsor site."]);
        assert_eq!(texts(&tree.inclusion), vec!["A"]);
        assert_eq!(
            eligibility_text(&tree).as_deref(),
            Some("Visit the sponsor site.\n\nInclusion Criteria:\n\n* A\n\nExclusion Criteria:\n\n* B \\<5")
        );
        unescape_items(&mut tree.exclusion);
        assert_eq!(texts(&tree.exclusion), vec!["B <5"]);
    }
}
