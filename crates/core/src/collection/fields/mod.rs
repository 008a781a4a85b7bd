//! The one presentation layer: every field a record can give, with its key, its label, the
//! card section it belongs to, how it is shown, and its values read from a record.
//!
//! The card renders its sections from [`FIELDS`], the search text is built from it, compare
//! and reconcile set its values side by side, and the CSV and RIS writers take their cells
//! from it (under CT.gov's own column names). A new field is one entry here, and it appears
//! in all of them.
//!
//! Values come in two forms ([`Form`]): in the words a card shows (`Active, not recruiting`,
//! `Phase 2`) and as ClinicalTrials.gov's CSV download writes them (`ACTIVE_NOT_RECRUITING`,
//! `PHASE2`).

mod people;
mod protocol;
mod record;
mod summary;
#[cfg(test)]
mod tests;

use crate::collection::words::code_words;
use crate::model::{CtEnum, DateStruct};
use crate::Study;

/// Where on a card a field is shown; its title also labels the field's text in search
/// ("Found in: Eligibility").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The card's header: the title and the NCT ID.
    Header,
    /// The status, shown as the header's badges.
    Status,
    /// The facts at a glance under the header.
    KeyFacts,
    /// The conditions and interventions under the key facts.
    Topics,
    /// Summary, description and keywords.
    Description,
    /// Who may take part.
    Eligibility,
    /// The study's design.
    Design,
    /// Arms and interventions.
    Arms,
    /// Outcome measures.
    Outcomes,
    /// Sponsors, responsible party and funders.
    Sponsors,
    /// Monitoring committee and FDA regulation.
    Oversight,
    /// Contacts, investigators and locations.
    Contacts,
    /// Titles and identifiers.
    Identifiers,
    /// Every date of the record's history.
    Dates,
    /// Publications and links.
    References,
    /// Sharing of individual participant data.
    DataSharing,
    /// Documents uploaded to ClinicalTrials.gov.
    Documents,
    /// MeSH terms ClinicalTrials.gov matched.
    Mesh,
    /// Trials the page lists as related.
    Related,
    /// Results as the page gives them.
    Results,
    /// Labelled values the model has no field for.
    Other,
    /// Lines of the page the parser could not place.
    NotRecognised,
}

impl Section {
    /// The sections a card shows as collapsible parts below its header, key facts and
    /// topics, in order.
    pub const PARTS: &'static [Section] = &[
        Section::Description,
        Section::Eligibility,
        Section::Design,
        Section::Arms,
        Section::Outcomes,
        Section::Sponsors,
        Section::Oversight,
        Section::Contacts,
        Section::Identifiers,
        Section::Dates,
        Section::References,
        Section::DataSharing,
        Section::Documents,
        Section::Mesh,
        Section::Related,
        Section::Results,
        Section::Other,
        Section::NotRecognised,
    ];

    /// The section's title, as the card heads it and search names it.
    pub fn title(self) -> &'static str {
        match self {
            Section::Header => "Title and ID",
            Section::Status => "Status",
            Section::KeyFacts => "Key facts",
            Section::Topics => "Conditions and interventions",
            Section::Description => "Summary and description",
            Section::Eligibility => "Eligibility",
            Section::Design => "Design",
            Section::Arms => "Arms and interventions",
            Section::Outcomes => "Outcome measures",
            Section::Sponsors => "Sponsors",
            Section::Oversight => "Oversight",
            Section::Contacts => "Contacts and locations",
            Section::Identifiers => "Identifiers",
            Section::Dates => "Dates",
            Section::References => "References",
            Section::DataSharing => "Sharing of participant data",
            Section::Documents => "Study documents",
            Section::Mesh => "MeSH terms",
            Section::Related => "Related trials",
            Section::Results => "Results",
            Section::Other => "Other details",
            Section::NotRecognised => "Text not recognised",
        }
    }

    /// A class name for the section's element (`eligibility`, `data-sharing`).
    pub fn class(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Status => "status",
            Section::KeyFacts => "key-facts",
            Section::Topics => "topics",
            Section::Description => "description",
            Section::Eligibility => "eligibility",
            Section::Design => "design",
            Section::Arms => "arms",
            Section::Outcomes => "outcomes",
            Section::Sponsors => "sponsors",
            Section::Oversight => "oversight",
            Section::Contacts => "contacts",
            Section::Identifiers => "identifiers",
            Section::Dates => "dates",
            Section::References => "references",
            Section::DataSharing => "data-sharing",
            Section::Documents => "documents",
            Section::Mesh => "mesh",
            Section::Related => "related",
            Section::Results => "results",
            Section::Other => "other",
            Section::NotRecognised => "unrecognized",
        }
    }
}

/// How a field's values are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of plain text.
    Text,
    /// Markdown (CT.gov's free-text fields), rendered safely.
    Markdown,
    /// A list of plain items.
    List,
    /// A list of short terms, shown as chips.
    Chips,
    /// A date (`2024`, `2024-03`, `2024-03-15`), with its kind when the record says it.
    Date,
    /// A number.
    Count,
    /// A CT.gov code, in words.
    Code,
    /// Text whose line breaks and spacing matter (a table as the page showed it).
    Preformatted,
    /// A web address, shown as a link when it is http(s).
    Link,
    /// The record's items of one kind (arms, contacts, references …), each with its parts; the
    /// card lays them out by the field's key, and the values are each item's words.
    Entries,
}

/// Which of the layer's users show a field. Search reads every field whatever its uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uses {
    /// The card, compare and reconcile.
    All,
    /// The card only: a combined value ("40 Years to 75 Years") whose parts compare apart.
    Card,
    /// Compare and reconcile only: a part the card shows inside another field.
    Compare,
    /// Neither: a cell of an export (and search).
    Export,
}

/// The form a field's values are given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// As a card shows them: codes in words, text trimmed.
    Words,
    /// As ClinicalTrials.gov's CSV download writes them: codes as codes, text as read.
    Code,
}

/// One field of a record.
#[derive(Clone, Copy)]
pub struct Field {
    /// A stable key (the CT.gov v2 name where it has one, e.g. `overallStatus`).
    pub key: &'static str,
    /// The field's name as a reader knows it ("Overall status").
    pub label: &'static str,
    /// The card section that shows it.
    pub section: Section,
    /// How it is shown.
    pub kind: Kind,
    /// Which users show it.
    pub uses: Uses,
    /// The column of ClinicalTrials.gov's CSV download it fills, if any.
    pub csv: Option<&'static str>,
    /// What joins its values into one (for compare and reconcile).
    pub joiner: &'static str,
    /// The JSON pointers of the record's values the field shows (a list's pointer stands for
    /// its items, `…/conditions` for `…/conditions/0` …): where its provenance is looked up.
    pub pointers: &'static [&'static str],
    read: fn(&Study, &mut Values),
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field").field("key", &self.key).finish()
    }
}

impl Field {
    /// The field's values in `study`, in `form`; blank values are left out.
    pub fn values_in(&self, study: &Study, form: Form) -> Vec<String> {
        self.read_in(study, form).items
    }

    /// Every text of the field in `study` a person could search for: its values, their note
    /// and the items' details.
    pub fn searched(&self, study: &Study) -> Vec<String> {
        let mut values = self.read_in(study, Form::Words);
        values.items.extend(values.note);
        values.items.append(&mut values.details);
        values.items
    }

    /// The field's values as a card shows them, with the note the card adds after them (a
    /// date's or an enrollment's kind: "estimated"), which compare leaves out.
    pub fn shown(&self, study: &Study) -> (Vec<String>, Option<String>) {
        let values = self.read_in(study, Form::Words);
        (values.items, values.note)
    }

    fn read_in(&self, study: &Study, form: Form) -> Values {
        let mut values = Values {
            form,
            items: Vec::new(),
            note: None,
            details: Vec::new(),
        };
        (self.read)(study, &mut values);
        values
    }

    /// The field's values as a card shows them.
    pub fn values(&self, study: &Study) -> Vec<String> {
        self.values_in(study, Form::Words)
    }

    /// The field's values as one text (joined by [`Field::joiner`]), or `None` when the
    /// record does not give it: what compare and reconcile set side by side.
    pub fn value(&self, study: &Study) -> Option<String> {
        let values = self.values(study);
        (!values.is_empty()).then(|| values.join(self.joiner))
    }

    /// The source lines the field's values in `study` were read from, `[first, last]`: the
    /// provenance of its pointers, of the values under them, or of their nearest ancestor.
    /// `None` when the record has no provenance for it.
    pub fn lines(&self, study: &Study) -> Option<[usize; 2]> {
        let provenance = &study.trialcards.provenance;
        let mut span: Option<[usize; 2]> = None;
        let mut widen = |[a, b]: [usize; 2]| {
            span = Some(span.map_or([a, b], |[x, y]| [x.min(a), y.max(b)]));
        };
        for pointer in self.pointers {
            let mut found = false;
            for (key, lines) in provenance.range(pointer.to_string()..) {
                let under = key.strip_prefix(pointer);
                match under {
                    Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                        found = true;
                        widen(*lines);
                    }
                    _ => break,
                }
            }
            if !found {
                if let Some(lines) = ancestor_lines(study, pointer) {
                    widen(lines);
                }
            }
        }
        span
    }

    /// The source lines of the field's `index`-th item (`…/conditions/2`), or of its
    /// nearest ancestor; `None` when the record has no provenance for it.
    pub fn item_lines(&self, study: &Study, index: usize) -> Option<[usize; 2]> {
        let pointer = self.pointers.first()?;
        ancestor_lines(study, &format!("{pointer}/{index}"))
    }

    /// Whether two of the field's values say the same thing: [`same_date`] for dates,
    /// [`same_value`] for the rest.
    pub fn agrees(&self, a: &str, b: &str) -> bool {
        match self.kind {
            Kind::Date => same_date(a, b),
            _ => same_value(a, b),
        }
    }

    /// Whether the card shows the field.
    pub fn on_card(&self) -> bool {
        matches!(self.uses, Uses::All | Uses::Card)
    }

    /// Whether compare and reconcile show the field.
    pub fn compared(&self) -> bool {
        matches!(self.uses, Uses::All | Uses::Compare)
    }
}

/// Every field, in the order a card shows them: header, status, key facts, topics, then each of
/// [`Section::PARTS`] in turn.
pub static FIELDS: &[&[Field]] = &[
    summary::HEADER,
    summary::STATUS,
    summary::KEY_FACTS,
    protocol::TOPICS,
    protocol::DESCRIPTION,
    protocol::ELIGIBILITY,
    protocol::DESIGN,
    protocol::ARMS,
    protocol::OUTCOMES,
    people::SPONSORS,
    people::OVERSIGHT,
    people::CONTACTS,
    record::IDENTIFIERS,
    summary::DATES,
    record::REFERENCES,
    record::DATA_SHARING,
    record::DOCUMENTS,
    record::MESH,
    record::RELATED,
    record::RESULTS,
    record::OTHER,
    record::NOT_RECOGNISED,
];

/// Every field, in card order.
pub fn all() -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().flat_map(|group| group.iter())
}

/// The fields compare and reconcile show, in card order.
pub fn compared() -> impl Iterator<Item = &'static Field> {
    all().filter(|f| f.compared())
}

/// The fields of `section` the card shows, in order.
pub fn in_section(section: Section) -> impl Iterator<Item = &'static Field> {
    all().filter(move |f| f.section == section && f.on_card())
}

/// The field whose key is `key`.
pub fn field_by_key(key: &str) -> Option<&'static Field> {
    all().find(|f| f.key == key)
}

/// The field that fills `column` of ClinicalTrials.gov's CSV download.
pub fn field_for_column(column: &str) -> Option<&'static Field> {
    all().find(|f| f.csv == Some(column))
}

/// The values of the field `key` in `study`, in `form` (none for an unknown key).
pub fn values_of(study: &Study, key: &str, form: Form) -> Vec<String> {
    field_by_key(key).map_or_else(Vec::new, |f| f.values_in(study, form))
}

/// The provenance of the value at `pointer`, or of its nearest ancestor
/// ([`TrialcardsExtras::covering`](crate::model::TrialcardsExtras::covering)).
pub fn ancestor_lines(study: &Study, pointer: &str) -> Option<[usize; 2]> {
    study.trialcards.covering(pointer).map(|(_, lines)| lines)
}

/// Collects one field's values in its form.
pub struct Values {
    form: Form,
    items: Vec<String>,
    note: Option<String>,
    details: Vec<String>,
}

impl Values {
    /// The form values are collected in.
    fn form(&self) -> Form {
        self.form
    }

    /// Adds a text: in [`Form::Words`] trimmed and unless blank; in [`Form::Code`] exactly as
    /// read, unless empty (a lone `\r` is a value CT.gov's CSV must guard).
    fn str(&mut self, value: &str) {
        let blank = match self.form {
            Form::Words => value.chars().all(char::is_whitespace),
            Form::Code => value.is_empty(),
        };
        if blank {
            return;
        }
        self.items.push(match self.form {
            Form::Words => value.trim().to_string(),
            Form::Code => value.to_string(),
        });
    }

    /// Adds a text the record may give.
    fn text(&mut self, value: &Option<String>) {
        if let Some(v) = value {
            self.str(v);
        }
    }

    /// Adds each text.
    fn all(&mut self, values: &[String]) {
        for v in values {
            self.str(v);
        }
    }

    /// Adds a CT.gov code, in words or as its code.
    fn code<E: CtEnum>(&mut self, value: Option<E>) {
        if let Some(v) = value {
            let text = self.code_text(v);
            self.items.push(text);
        }
    }

    /// Adds each CT.gov code.
    fn codes<E: CtEnum>(&mut self, values: &[E]) {
        for v in values {
            self.code(Some(*v));
        }
    }

    /// A code in this form.
    fn code_text<E: CtEnum>(&self, value: E) -> String {
        match self.form {
            Form::Words => code_words(value),
            Form::Code => value.code().to_string(),
        }
    }

    /// Adds "Yes" or "No" (`YES`, `NO` as a code).
    fn yes_no(&mut self, value: Option<bool>) {
        if let Some(yes) = value {
            let text = match (self.form, yes) {
                (Form::Words, true) => "Yes",
                (Form::Words, false) => "No",
                (Form::Code, true) => "YES",
                (Form::Code, false) => "NO",
            };
            self.items.push(text.to_string());
        }
    }

    /// Adds a date as the record keeps it (`2013`, `2013-01`, `2013-01-31`), its kind
    /// ("actual", "estimated") as the note.
    fn date(&mut self, value: &Option<DateStruct>) {
        if let Some(d) = value {
            let before = self.items.len();
            self.text(&d.date);
            if self.items.len() > before {
                self.note_code(d.date_type);
            }
        }
    }

    /// Sets the note to a code's words ("Industry", "Available").
    fn note_words<E: CtEnum>(&mut self, value: Option<E>) {
        if let Some(v) = value {
            self.note = Some(code_words(v));
        }
    }

    /// Sets the note to a code's words, lowercased ("estimated").
    fn note_code<E: CtEnum>(&mut self, value: Option<E>) {
        if let Some(v) = value {
            self.note = Some(code_words(v).to_lowercase());
        }
    }

    /// Adds the given parts of one item as one value, joined by `joiner`.
    fn parts(&mut self, parts: &[Option<&str>], joiner: &str) {
        let given: Vec<&str> = parts
            .iter()
            .flatten()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        if !given.is_empty() {
            self.items.push(given.join(joiner));
        }
    }

    /// Adds a text of the field's items beyond their values (an arm's description, a
    /// contact's phone): searched and shown by the card's layout of the items, not compared.
    fn detail(&mut self, value: &Option<String>) {
        if let Some(v) = value
            .as_deref()
            .filter(|v| !v.chars().all(char::is_whitespace))
        {
            self.details.push(v.to_string());
        }
    }

    /// Adds each text as a detail.
    fn detail_all(&mut self, values: &[String]) {
        for v in values {
            self.detail(&Some(v.clone()));
        }
    }

    /// Adds a code's words as a detail.
    fn detail_code<E: CtEnum>(&mut self, value: Option<E>) {
        if let Some(v) = value {
            self.details.push(code_words(v));
        }
    }

    /// Adds a value made by the caller (unless blank).
    fn push(&mut self, value: String) {
        if !value.chars().all(char::is_whitespace) {
            self.items.push(value);
        }
    }
}

/// A study's page on ClinicalTrials.gov is this followed by its NCT ID.
pub(crate) const STUDY_URL: &str = "https://clinicaltrials.gov/study/";

/// What joins the items of most list values.
const LIST: &str = "; ";

/// A field shown everywhere, its values joined by "; ".
const fn field(
    key: &'static str,
    label: &'static str,
    section: Section,
    kind: Kind,
    read: fn(&Study, &mut Values),
) -> Field {
    Field {
        key,
        label,
        section,
        kind,
        uses: Uses::All,
        csv: None,
        joiner: LIST,
        pointers: &[],
        read,
    }
}

impl Field {
    /// The field, filling CT.gov's CSV `column`.
    const fn csv(mut self, column: &'static str) -> Self {
        self.csv = Some(column);
        self
    }

    /// The field, shown only by `uses`.
    const fn uses(mut self, uses: Uses) -> Self {
        self.uses = uses;
        self
    }

    /// The field, showing the record's values at `pointers`.
    const fn at(mut self, pointers: &'static [&'static str]) -> Self {
        self.pointers = pointers;
        self
    }

    /// The field, its values joined by `joiner`.
    const fn joined(mut self, joiner: &'static str) -> Self {
        self.joiner = joiner;
        self
    }
}

/// Two values of a field say the same thing: equal once case, punctuation and spacing are
/// set aside ("18 Years" and "18 years", "Phase 1; Phase 2" and "PHASE 1;PHASE 2").
///
/// Only letters and digits (Unicode's alphanumeric characters) count, compared lowercased,
/// so CT.gov's markdown escapes (`\<30` and `<30`) are no difference either.
pub fn same_value(a: &str, b: &str) -> bool {
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    }
    // Most pairs are equal byte for byte.
    a == b || folded(a).eq(folded(b))
}

/// Two dates agree when they name the same day, month or year at the precision both give:
/// `2023-09` and `2023-09-30` agree (one is more precise), `2023-09` and `2023-10` do not.
/// Anything that is not a CT.gov date is compared as [`same_value`] does.
pub fn same_date(a: &str, b: &str) -> bool {
    use crate::collection::sort::date_key;
    match (date_key(a), date_key(b)) {
        (Some((y1, m1, d1)), Some((y2, m2, d2))) => {
            let part = |x: u32, y: u32| x == 0 || y == 0 || x == y;
            y1 == y2 && part(m1, m2) && (m1 == 0 || m2 == 0 || part(d1, d2))
        }
        _ => same_value(a, b),
    }
}
