//! Splits a JSON array of studies, or the `studies` list of a search page, into the text of
//! each item as the text arrives piece by piece: a byte scanner that follows strings and
//! brackets (no recursion, no value built), keeps the line each item starts on, and the search
//! page's `nextPageToken`. Lines are counted at `\n`: the text it is given has had its line
//! breaks made `\n` already, as the whole-file reader's has.

/// One item of the list: its text (without the whitespace around it) and its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The item's JSON text.
    pub text: String,
    /// The 1-based line of the input it starts on.
    pub line: usize,
}

/// The scanner's state between pieces.
#[derive(Debug)]
pub(crate) struct ItemSplitter {
    depth: u32,
    in_string: bool,
    escaped: bool,
    line: usize,
    /// The depth inside the list whose items are split out: 1 for a top-level array, 2 for a
    /// search page's `studies`.
    list_depth: Option<u32>,
    /// The top-level value is an object (a search page).
    object: bool,
    /// The top-level value has been closed.
    closed: bool,
    /// Text after the top-level value's end.
    pub trailing: bool,
    /// The item being read: its text so far and its first line.
    item: Option<Found>,
    /// In the top-level object: the next string is a key, the key being read, the last key.
    expect_key: bool,
    key: Option<String>,
    last_key: String,
    /// `nextPageToken`'s value as written (being read while `token_open`).
    pub token: Option<String>,
    token_open: bool,
}

impl ItemSplitter {
    /// A scanner at the start of the input.
    pub fn new() -> Self {
        ItemSplitter {
            depth: 0,
            in_string: false,
            escaped: false,
            line: 1,
            list_depth: None,
            object: false,
            closed: false,
            trailing: false,
            item: None,
            expect_key: false,
            key: None,
            last_key: String::new(),
            token: None,
            token_open: false,
        }
    }

    /// Scans the next piece of the text, adding each item it completes to `found`.
    pub fn feed(&mut self, text: &str, found: &mut Vec<Found>) {
        let bytes = text.as_bytes();
        // Where the open item, key and token began in this piece (0: in an earlier one).
        let mut item_from = self.item.as_ref().map(|_| 0);
        let mut key_from = self.key.as_ref().map(|_| 0);
        let mut token_from = self.token_open.then_some(0);
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                self.line += 1;
            }
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                    if let (Some(mut key), Some(from)) = (self.key.take(), key_from.take()) {
                        key.push_str(&text[from..i]);
                        self.last_key = key;
                    }
                }
                continue;
            }
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => {}
                b'"' => {
                    self.in_string = true;
                    if self.object && self.depth == 1 && self.expect_key {
                        self.key = Some(String::new());
                        key_from = Some(i + 1);
                    } else {
                        self.value_starts(i, &mut item_from, &mut token_from);
                    }
                }
                b'{' | b'[' => {
                    if self.depth == 0 {
                        if self.closed {
                            self.trailing = true;
                        } else if b == b'[' {
                            self.list_depth = Some(1);
                        } else {
                            self.object = true;
                            self.expect_key = true;
                        }
                    } else {
                        self.value_starts(i, &mut item_from, &mut token_from);
                    }
                    self.depth += 1;
                    if b == b'[' && self.object && self.depth == 2 && self.last_key == "studies" {
                        self.list_depth = Some(2);
                    }
                }
                b'}' | b']' if self.depth > 0 => {
                    if Some(self.depth) == self.list_depth {
                        self.end_item(text, i, &mut item_from, found);
                        self.list_depth = None;
                    } else if self.object && self.depth == 1 {
                        self.end_token(text, i, &mut token_from);
                    }
                    self.depth -= 1;
                    self.closed |= self.depth == 0;
                }
                b',' => {
                    if Some(self.depth) == self.list_depth {
                        self.end_item(text, i, &mut item_from, found);
                    } else if self.object && self.depth == 1 {
                        self.end_token(text, i, &mut token_from);
                        self.expect_key = true;
                    }
                }
                b':' if self.object && self.depth == 1 => self.expect_key = false,
                _ if self.depth == 0 => self.trailing = true,
                _ => self.value_starts(i, &mut item_from, &mut token_from),
            }
        }
        if let (Some(item), Some(from)) = (self.item.as_mut(), item_from) {
            item.text.push_str(&text[from..]);
        }
        if let (Some(key), Some(from)) = (self.key.as_mut(), key_from) {
            key.push_str(&text[from..]);
        }
        if let (Some(token), Some(from), true) = (self.token.as_mut(), token_from, self.token_open)
        {
            token.push_str(&text[from..]);
        }
    }

    /// Whether the input ended inside its JSON (cut off), once all of it has been fed.
    pub fn cut_off(&self) -> bool {
        self.depth > 0 || self.in_string
    }

    /// The item still being read when the input ended (a cut-off list's last item).
    pub fn unfinished(&mut self) -> Option<Found> {
        self.item.take().map(|mut item| {
            item.text.truncate(item.text.trim_end().len());
            item
        })
    }

    /// A value starts at byte `i`: a list item, or the value of `nextPageToken`.
    fn value_starts(
        &mut self,
        i: usize,
        item_from: &mut Option<usize>,
        token_from: &mut Option<usize>,
    ) {
        if Some(self.depth) == self.list_depth && self.item.is_none() {
            self.item = Some(Found {
                text: String::new(),
                line: self.line,
            });
            *item_from = Some(i);
        } else if self.object
            && self.depth == 1
            && self.last_key == "nextPageToken"
            && !self.token_open
            && self.token.is_none()
        {
            self.token = Some(String::new());
            self.token_open = true;
            *token_from = Some(i);
        }
    }

    /// The open item ends before byte `i`.
    fn end_item(
        &mut self,
        text: &str,
        i: usize,
        item_from: &mut Option<usize>,
        found: &mut Vec<Found>,
    ) {
        if let Some(mut item) = self.item.take() {
            item.text.push_str(&text[item_from.take().unwrap_or(0)..i]);
            item.text.truncate(item.text.trim_end().len());
            found.push(item);
        }
    }

    /// The value of `nextPageToken` ends before byte `i`.
    fn end_token(&mut self, text: &str, i: usize, token_from: &mut Option<usize>) {
        if !self.token_open {
            return;
        }
        self.token_open = false;
        if let Some(token) = self.token.as_mut() {
            token.push_str(&text[token_from.take().unwrap_or(0)..i]);
            token.truncate(token.trim_end().len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items of `text` fed in pieces of `size` bytes (at character boundaries).
    fn split(text: &str, size: usize) -> (Vec<Found>, ItemSplitter) {
        let mut splitter = ItemSplitter::new();
        let mut found = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let mut cut = size.min(rest.len());
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            splitter.feed(&rest[..cut], &mut found);
            rest = &rest[cut..];
        }
        (found, splitter)
    }

    #[test]
    fn items_are_found_whatever_the_pieces() {
        let text = "[\n  {\"a\": \"x,]}\\\"\"},\n  {\"b\": [1, {\"c\": 2}]} ,\n\n 3,\"é\"\n]\n";
        for size in [1, 2, 3, 7, 1000] {
            let (found, splitter) = split(text, size);
            let items: Vec<(&str, usize)> =
                found.iter().map(|f| (f.text.as_str(), f.line)).collect();
            assert_eq!(
                items,
                [
                    ("{\"a\": \"x,]}\\\"\"}", 2),
                    ("{\"b\": [1, {\"c\": 2}]}", 3),
                    ("3", 5),
                    ("\"é\"", 5)
                ],
                "pieces of {size}"
            );
            assert!(!splitter.cut_off() && !splitter.trailing);
        }
    }

    #[test]
    fn a_search_page_gives_its_studies_and_its_next_page_token() {
        let text = "{\"totalCount\": 2, \"studies\": [{\"s\": {\"studies\": [9]}}, {\"t\": 1}],\n \"nextPageToken\": \"NF0g5J\"}";
        for size in [1, 5, 1000] {
            let (found, splitter) = split(text, size);
            let items: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
            assert_eq!(items, ["{\"s\": {\"studies\": [9]}}", "{\"t\": 1}"]);
            assert_eq!(splitter.token.as_deref(), Some("\"NF0g5J\""));
        }
    }

    #[test]
    fn a_cut_off_list_is_seen_and_keeps_its_last_item() {
        let (found, mut splitter) = split("[{\"a\": 1}, {\"b\": [2", 4);
        assert_eq!(found.len(), 1);
        assert!(splitter.cut_off());
        assert_eq!(splitter.unfinished().unwrap().text, "{\"b\": [2");
    }
}
