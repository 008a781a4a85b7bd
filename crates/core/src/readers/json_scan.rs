//! Where each value of a JSON text is: a hand-written scanner (serde_json gives no positions)
//! that walks the text once, without recursion, and finds every value with its place in the
//! document (its object key or array index under its parent) and its lines — a scalar its own
//! line, an object or array the lines from its opening to its closing bracket. Lines are counted
//! as [`crate::lines::scan`] counts them: `\n`, `\r\n` and a lone `\r` each end one.
//!
//! [`provenance`] then maps a study's values onto the record read from it: a modelled value
//! keeps its pointer (the record has CT.gov's shape), a part kept under `trialcards.unmodelled`
//! (keyed by its input pointer) is found under `/trialcards/unmodelled/<key>`, and a value
//! whose lines are its nearest recorded ancestor's gets no entry of its own (that ancestor
//! covers it), so a one-line record is a single entry.
//!
//! Robust to any text: what is not JSON the scanner understands gives `None` (never a panic),
//! and where it disagrees with serde's reading a value is simply left to its ancestor.

use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// No node (the root's parent, a member without a key).
const NONE: u32 = u32::MAX;

/// A pointer longer than this (a hostile key) gets no entry, nor do the values under it: their
/// nearest ancestor covers them, and the provenance stays linear in the input.
const MAX_POINTER: usize = 1024;

/// What a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Scalar,
    Object,
    Array,
}

/// One value of the text.
#[derive(Debug, Clone, Copy)]
struct Node {
    kind: Kind,
    parent: u32,
    /// For an object member, the byte range of its key between the quotes (escapes as
    /// written); `(NONE, NONE)` otherwise.
    key: (u32, u32),
    /// Whether that key holds an escape (else it is its own decoded text).
    escaped: bool,
    /// Its first and last lines.
    first: u32,
    last: u32,
}

/// Every value of a JSON text, in document order (a parent before its children), with each
/// node's children.
#[derive(Debug)]
pub(crate) struct Tree<'a> {
    text: &'a str,
    nodes: Vec<Node>,
    /// The children of node `i` are `kids[starts[i]..starts[i + 1]]`, in document order.
    starts: Vec<u32>,
    kids: Vec<u32>,
}

/// An open object or array while scanning.
struct Open {
    node: u32,
    object: bool,
    /// In an object: whether the next string is a key.
    expect_key: bool,
}

/// Scans `text`, one JSON value, whose first line is line `first_line` of the source.
/// `None` when it is not JSON as the scanner reads it (or larger than 4 GB).
pub(crate) fn scan(text: &str, first_line: usize) -> Option<Tree<'_>> {
    let bytes = text.as_bytes();
    let len = u32::try_from(bytes.len()).ok().filter(|l| *l < NONE)?;
    let mut line = u32::try_from(first_line).ok()?;
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // The key read and not yet given to its value: its range and whether it holds an escape.
    let mut key: Option<(u32, u32, bool)> = None;
    let mut i = 0usize;
    // Adds a value under the innermost open container (or as the root).
    let add = |nodes: &mut Vec<Node>,
               stack: &[Open],
               key: &mut Option<(u32, u32, bool)>,
               kind: Kind,
               line: u32|
     -> Option<u32> {
        let (parent, key) = match stack.last() {
            Some(open) if open.object => {
                if open.expect_key {
                    return None;
                }
                (open.node, key.take()?)
            }
            Some(open) => (open.node, (NONE, NONE, false)),
            // One root value only.
            None if nodes.is_empty() => (NONE, (NONE, NONE, false)),
            None => return None,
        };
        let id = u32::try_from(nodes.len()).ok().filter(|id| *id < NONE)?;
        nodes.push(Node {
            kind,
            parent,
            key: (key.0, key.1),
            escaped: key.2,
            first: line,
            last: line,
        });
        Some(id)
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line = line.saturating_add(1);
                i += 1;
            }
            b'\r' => {
                line = line.saturating_add(1);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
            }
            b' ' | b'\t' => i += 1,
            b @ (b'{' | b'[') => {
                let object = b == b'{';
                let kind = if object { Kind::Object } else { Kind::Array };
                let node = add(&mut nodes, &stack, &mut key, kind, line)?;
                stack.push(Open {
                    node,
                    object,
                    expect_key: object,
                });
                i += 1;
            }
            b @ (b'}' | b']') => {
                let open = stack.pop()?;
                if open.object != (b == b'}') {
                    return None;
                }
                nodes.get_mut(open.node as usize)?.last = line;
                i += 1;
            }
            b':' => {
                let top = stack.last_mut()?;
                if !top.object || !top.expect_key || key.is_none() {
                    return None;
                }
                top.expect_key = false;
                i += 1;
            }
            b',' => {
                let top = stack.last_mut()?;
                top.expect_key = top.object;
                i += 1;
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                let mut escaped = false;
                loop {
                    match *bytes.get(j)? {
                        b'"' => break,
                        b'\\' => {
                            escaped = true;
                            j += 2;
                        }
                        // A raw line break is not allowed in a JSON string.
                        b'\n' | b'\r' => return None,
                        _ => j += 1,
                    }
                }
                let is_key = stack.last().is_some_and(|t| t.object && t.expect_key);
                if is_key {
                    if key.is_some() {
                        return None;
                    }
                    // Both fit: `j < len < NONE`.
                    key = Some((start as u32, j as u32, escaped));
                } else {
                    add(&mut nodes, &stack, &mut key, Kind::Scalar, line)?;
                }
                i = j + 1;
            }
            _ => {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'+' | b'-' | b'.')
                {
                    i += 1;
                }
                if i == start {
                    return None;
                }
                add(&mut nodes, &stack, &mut key, Kind::Scalar, line)?;
            }
        }
    }
    if !stack.is_empty() || nodes.is_empty() || len == 0 {
        return None;
    }
    // Children lists: count, prefix sums, fill (document order keeps siblings in order).
    let mut starts = vec![0u32; nodes.len() + 1];
    for n in &nodes[1..] {
        starts[n.parent as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut fill = starts.clone();
    let mut kids = vec![0u32; nodes.len() - 1];
    for (id, n) in nodes.iter().enumerate().skip(1) {
        let slot = &mut fill[n.parent as usize];
        kids[*slot as usize] = id as u32;
        *slot += 1;
    }
    Some(Tree {
        text,
        nodes,
        starts,
        kids,
    })
}

impl<'a> Tree<'a> {
    /// The root value.
    pub(crate) const ROOT: u32 = 0;

    /// The lines of node `id`, `[first, last]`.
    pub(crate) fn lines(&self, id: u32) -> [usize; 2] {
        let n = &self.nodes[id as usize];
        [n.first as usize, n.last as usize]
    }

    fn children(&self, id: u32) -> &[u32] {
        let from = self.starts[id as usize] as usize;
        let to = self.starts[id as usize + 1] as usize;
        &self.kids[from..to]
    }

    /// The key of an object member, escapes resolved.
    fn key(&self, id: u32) -> Option<Cow<'a, str>> {
        let node = &self.nodes[id as usize];
        let (from, to) = node.key;
        if from == NONE {
            return None;
        }
        let raw = self.text.get(from as usize..to as usize)?;
        if !node.escaped {
            return Some(Cow::Borrowed(raw));
        }
        let quoted = self.text.get(from as usize - 1..to as usize + 1)?;
        serde_json::from_str::<String>(quoted).ok().map(Cow::Owned)
    }

    /// The member `key` of the object `id` (the last, when the key repeats), found by looking
    /// through its members: for a small object, or a single lookup ([`Members`] indexes
    /// large objects).
    pub(crate) fn member(&self, id: u32, key: &str) -> Option<u32> {
        if self.nodes[id as usize].kind != Kind::Object {
            return None;
        }
        let children = self.children(id);
        children
            .iter()
            .rev()
            .copied()
            .find(|&c| self.key(c).is_some_and(|k| k == key))
    }

    /// Item `index` of the array `id`.
    pub(crate) fn item(&self, id: u32, index: usize) -> Option<u32> {
        (self.nodes[id as usize].kind == Kind::Array)
            .then(|| self.children(id).get(index).copied())
            .flatten()
    }
}

/// Finds object members by key: in a small object by looking through its members from the
/// last (most objects of a study have a few keys), in a larger one by an index built once (the
/// last of duplicate keys wins, as serde reads them).
struct Members<'t, 'a> {
    tree: &'t Tree<'a>,
    objects: HashMap<u32, HashMap<Cow<'a, str>, u32>>,
}

/// Objects with more members than this are indexed ([`Members`]).
const INDEXED_FROM: usize = 16;

impl<'t, 'a> Members<'t, 'a> {
    fn new(tree: &'t Tree<'a>) -> Self {
        Members {
            tree,
            objects: HashMap::new(),
        }
    }

    fn get(&mut self, id: u32, key: &str) -> Option<u32> {
        if self.tree.nodes[id as usize].kind != Kind::Object {
            return None;
        }
        let tree = self.tree;
        let children = tree.children(id);
        if children.len() <= INDEXED_FROM {
            return tree.member(id, key);
        }
        let members = self.objects.entry(id).or_insert_with(|| {
            children
                .iter()
                .filter_map(|&c| Some((tree.key(c)?, c)))
                .collect()
        });
        members.get(key).copied()
    }

    /// The value at `pointer` (RFC 6901) below node `id`.
    fn resolve(&mut self, id: u32, pointer: &str) -> Option<u32> {
        let mut at = id;
        if pointer.is_empty() {
            return Some(at);
        }
        for token in pointer.strip_prefix('/')?.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            at = match self.tree.nodes[at as usize].kind {
                Kind::Object => self.get(at, &token)?,
                Kind::Array => self.tree.item(at, token.parse().ok()?)?,
                Kind::Scalar => return None,
            };
        }
        Some(at)
    }
}

/// Pointers of the record the reader sets itself, never read from these lines.
const SKIPPED: &[&str] = &[
    "/trialcards/source",
    "/trialcards/diagnostics",
    "/trialcards/provenance",
];

/// The provenance of the record read from the study at node `study` of `tree`: `input` is the
/// study's value as serde read it, `kept` the record's JSON before the unmodelled parts were
/// added, and `unmodelled` the record's unmodelled parts (by input pointer).
pub(crate) fn provenance(
    tree: &Tree<'_>,
    study: u32,
    input: &Value,
    kept: &Value,
    unmodelled: &BTreeMap<String, Value>,
) -> BTreeMap<String, [usize; 2]> {
    let mut walk = Walk {
        members: Members::new(tree),
        out: Vec::new(),
    };
    let root = tree.lines(study);
    walk.run(String::new(), kept, input, study, None);
    let already = kept.pointer("/trialcards/unmodelled");
    for (key, value) in unmodelled {
        if already.and_then(|u| u.get(key)).is_some() {
            continue;
        }
        let Some(node) = walk.members.resolve(study, key) else {
            continue;
        };
        let mut pointer = String::from("/trialcards/unmodelled/");
        crate::reading::spans::push_token(&mut pointer, key);
        walk.run(pointer, value, value, node, Some(root));
    }
    // Sorted once, not inserted one by one. Each pointer is found once: every value is visited
    // once, and an unmodelled part the record already holds is skipped above.
    walk.out.into_iter().collect()
}

/// A step from a parent to a child.
#[derive(Clone, Copy)]
enum Step<'v> {
    /// The walk's start (its pointer is already written).
    Start,
    Key(&'v str),
    Index(usize),
}

/// One value to visit: the record's, the input's, the node, where its parent's pointer ends,
/// and the lines of its nearest recorded ancestor.
struct Frame<'v> {
    out: &'v Value,
    input: &'v Value,
    node: u32,
    parent_len: usize,
    step: Step<'v>,
    above: Option<[usize; 2]>,
}

struct Walk<'t, 'a> {
    members: Members<'t, 'a>,
    /// Each pointer given an entry and its lines, in the order found.
    out: Vec<(String, [usize; 2])>,
}

impl Walk<'_, '_> {
    /// Visits `out` (at `pointer`), read from `input` at `node`, and everything under it:
    /// depth first with an explicit stack, one pointer buffer cut back to each parent's length.
    fn run<'v>(
        &mut self,
        mut pointer: String,
        out: &'v Value,
        input: &'v Value,
        node: u32,
        above: Option<[usize; 2]>,
    ) {
        let tree = self.members.tree;
        let mut stack = vec![Frame {
            out,
            input,
            node,
            parent_len: pointer.len(),
            step: Step::Start,
            above,
        }];
        while let Some(f) = stack.pop() {
            pointer.truncate(f.parent_len);
            match f.step {
                Step::Start => {}
                Step::Key(k) => {
                    pointer.push('/');
                    crate::reading::spans::push_token(&mut pointer, k);
                }
                Step::Index(i) => {
                    use std::fmt::Write;
                    // Writing to a String cannot fail.
                    let _ = write!(pointer, "/{i}");
                }
            }
            if pointer.len() > MAX_POINTER || SKIPPED.contains(&pointer.as_str()) {
                continue;
            }
            let lines = tree.lines(f.node);
            let above = if f.above == Some(lines) {
                f.above
            } else {
                self.out.push((pointer.clone(), lines));
                Some(lines)
            };
            let len = pointer.len();
            match (f.out, f.input) {
                (Value::Object(o), Value::Object(i)) => {
                    for (k, v) in o.iter().rev() {
                        let (Some(w), Some(c)) = (i.get(k), self.members.get(f.node, k)) else {
                            continue;
                        };
                        stack.push(Frame {
                            out: v,
                            input: w,
                            node: c,
                            parent_len: len,
                            step: Step::Key(k),
                            above,
                        });
                    }
                }
                (Value::Array(o), Value::Array(i)) => {
                    // Which input item each kept item was read from: the same index, or, when
                    // the record dropped items (a code it does not know), in order.
                    let pairs: Vec<(usize, usize)> = if o.len() == i.len() {
                        (0..o.len()).map(|k| (k, k)).collect()
                    } else {
                        let mut pairs = Vec::new();
                        let mut next = 0;
                        for (k, w) in i.iter().enumerate() {
                            if o.get(next) == Some(w) {
                                pairs.push((next, k));
                                next += 1;
                            }
                        }
                        pairs
                    };
                    for &(at, from) in pairs.iter().rev() {
                        let Some(c) = tree.item(f.node, from) else {
                            continue;
                        };
                        stack.push(Frame {
                            out: &o[at],
                            input: &i[from],
                            node: c,
                            parent_len: len,
                            step: Step::Index(at),
                            above,
                        });
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lines_of(text: &str) -> Vec<[usize; 2]> {
        let tree = scan(text, 1).expect("scans");
        (0..tree.nodes.len() as u32)
            .map(|i| tree.lines(i))
            .collect()
    }

    #[test]
    fn scalars_have_their_line_and_containers_their_brackets() {
        let text = "{\n  \"a\": 1,\r\n  \"b\": [\r    \"x\",\n    true\n  ]\n}";
        assert_eq!(lines_of(text), [[1, 7], [2, 2], [3, 6], [4, 4], [5, 5]]);
        let tree = scan(text, 10).unwrap();
        assert_eq!(tree.lines(Tree::ROOT), [10, 16]);
    }

    #[test]
    fn keys_are_decoded_and_the_last_duplicate_wins() {
        let text = r#"{"a\/b": 1, "c": 2, "c": [3]}"#;
        let tree = scan(text, 1).unwrap();
        let mut m = Members::new(&tree);
        assert_eq!(m.get(0, "a/b"), Some(1));
        assert_eq!(m.get(0, "c"), Some(3));
        assert_eq!(m.resolve(0, "/c/0"), Some(4));
        assert_eq!(m.resolve(0, "/a~1b"), Some(1));
        assert_eq!(m.resolve(0, "/nothing"), None);
        assert_eq!(m.resolve(0, "/c/x"), None);
        // An escaped key matches by its decoded text, a plain one by its bytes, both ways.
        let tree = scan(r#"{"\u0063d": 1, "cd2": 2, "c\"": 3}"#, 1).unwrap();
        assert_eq!(tree.member(0, "cd"), Some(1));
        assert_eq!(tree.member(0, "cd2"), Some(2));
        assert_eq!(tree.member(0, "c\""), Some(3));
        assert_eq!(tree.member(0, "\\u0063d"), None);
    }

    #[test]
    fn what_is_not_json_gives_none_and_never_panics() {
        for bad in [
            "",
            "  ",
            "{",
            "}",
            "[1,",
            "{\"a\" 1}",
            "{1: 2}",
            "\"abc",
            "\"a\\",
            "[1] [2]",
            "{\"a\":}",
            "{\"a\":1:2}",
            "[}",
            "\"line\nbreak\"",
            "\u{1}",
            "{\"a\":[1,{\"b\":\"\\\"}\"]}]",
        ] {
            let _ = scan(bad, 1);
        }
        assert!(scan("{", 1).is_none());
        assert!(scan("[1] [2]", 1).is_none());
        assert!(scan("{\"a\" 1}", 1).is_none());
        assert!(scan("\"a\\\"b\"", 1).is_some());
    }

    #[test]
    fn deep_input_needs_no_recursion() {
        let depth = 200_000;
        let text = "[".repeat(depth) + &"]".repeat(depth);
        let tree = scan(&text, 1).unwrap();
        assert_eq!(tree.nodes.len(), depth);
    }

    #[test]
    fn modelled_values_keep_their_pointer_and_dropped_ones_move_to_unmodelled() {
        let text = "{\n \"p\": {\n  \"phases\": [\n   \"ONE\",\n   \"FUTURE\",\n   \"TWO\"\n  ],\n  \"x\": 5\n },\n \"tiny\": {\"a\": 1}\n}";
        let input: Value = serde_json::from_str(text).unwrap();
        let kept = json!({"p": {"phases": ["ONE", "TWO"]}, "tiny": {"a": 1}});
        let unmodelled = BTreeMap::from([
            ("/p/phases/1".to_string(), json!("FUTURE")),
            ("/p/x".to_string(), json!(5)),
        ]);
        let tree = scan(text, 1).unwrap();
        let got = provenance(&tree, Tree::ROOT, &input, &kept, &unmodelled);
        let want: BTreeMap<String, [usize; 2]> = [
            ("", [1, 11]),
            ("/p", [2, 9]),
            ("/p/phases", [3, 7]),
            ("/p/phases/0", [4, 4]),
            ("/p/phases/1", [6, 6]),
            ("/tiny", [10, 10]),
            ("/trialcards/unmodelled/~1p~1phases~11", [5, 5]),
            ("/trialcards/unmodelled/~1p~1x", [8, 8]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_one_line_record_is_one_entry() {
        let text = r#"{"p": {"a": [1, 2]}, "q": "x"}"#;
        let input: Value = serde_json::from_str(text).unwrap();
        let tree = scan(text, 4).unwrap();
        let got = provenance(&tree, Tree::ROOT, &input, &input, &BTreeMap::new());
        assert_eq!(got, BTreeMap::from([(String::new(), [4, 4])]));
    }

    #[test]
    fn a_disagreeing_scan_leaves_values_to_their_ancestor() {
        // The record has values the scanned text does not: they get no entry.
        let tree = scan("{\n\"a\": 1\n}", 1).unwrap();
        let input = json!({"a": 1, "b": [1, 2]});
        let got = provenance(&tree, Tree::ROOT, &input, &input, &BTreeMap::new());
        assert_eq!(got.keys().collect::<Vec<_>>(), ["", "/a"]);
    }
}
