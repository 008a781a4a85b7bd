//! A card's source text as read: numbered lines, each marked as read into a field or not
//! placed, the field each read line went into (a button that shows it on the card), and the
//! lines a value was read from highlighted and scrolled into view. Only a window of lines
//! around them is rendered, so a 470,000-line source stays responsive.

use std::ops::Range;
use std::rc::Rc;

use trialcards_core::collection::fields::Field;
use trialcards_core::collection::source_view::{fields_of_lines, marks, window, LineMark};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::display::count;
use crate::state::SourceRef;
use crate::worker::Parser;

/// Lines rendered before and after the highlighted ones (and twice as many from the top when
/// nothing is highlighted); each "Show more" adds [`MORE_LINES`].
pub const WINDOW_LINES: usize = 200;

/// How many lines each "Show earlier/later lines" adds.
pub const MORE_LINES: usize = 500;

/// Props of [`SourceView`].
#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    /// The source the record came from.
    pub source: SourceRef,
    /// The record's index among the source's records.
    pub index: usize,
    /// The lines to highlight and scroll to, `[first, last]` (1-based, inclusive).
    #[prop_or_default]
    pub at: Option<[usize; 2]>,
    /// The card's element id, the prefix of its fields' ids (`card-3-0`).
    pub card_id: AttrValue,
}

/// The source text of one record, as read.
#[component]
pub fn SourceView(props: &SourceViewProps) -> Html {
    let more = use_state(|| 0usize);
    let highlighted = use_node_ref();
    // The source as read, worked out once per source and record (a source is compared by
    // identity), not on each "Show more" or highlight. A saved page's shown text comes from the
    // worker, so it arrives a moment later; it is kept with the source and record it is of.
    let key = (props.source.clone(), props.index);
    let read = use_state(|| None::<((SourceRef, usize), Rc<SourceRead>)>);
    {
        let read = read.clone();
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let shown = Parser::shared().shown_text(&key.0.text).await;
                if let Some(source_read) = SourceRead::of(&key.0, key.1, shown) {
                    read.set(Some((key, Rc::new(source_read))));
                }
            });
        });
    }
    let read = read
        .as_ref()
        .filter(|(of, _)| *of == key)
        .map(|(_, read)| read.clone());
    {
        // Each time other lines are asked for (and once they have arrived), the first of them
        // is scrolled to and focused.
        let highlighted = highlighted.clone();
        use_effect_with((props.at, read.is_some()), move |_| {
            if let Some(element) = highlighted.cast::<web_sys::HtmlElement>() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                element.scroll_into_view_with_scroll_into_view_options(&options);
                let _ = element.focus();
            }
        });
    }
    {
        // Other lines asked for start from the standard window again.
        let more = more.clone();
        use_effect_with(props.at, move |_| more.set(0));
    }
    let Some(read) = read else {
        return html! {
            <div class="source-view" role="region" aria-label="The text this card was read from">
                <p class="muted" data-testid="source-reading">{ "Reading the source text…" }</p>
            </div>
        };
    };
    let (lines, marks, fields) = (&read.lines, &read.marks, &read.fields);
    let range = window(lines.len(), props.at, WINDOW_LINES + *more);
    let is_highlighted = |n: usize| props.at.is_some_and(|[a, b]| (a..=b).contains(&n));
    let first_highlighted = props
        .at
        .map(|[a, _]| a.clamp(range.start, range.end.saturating_sub(1).max(1)));
    let show_more = {
        let more = more.clone();
        Callback::from(move |_: MouseEvent| more.set(*more + MORE_LINES))
    };
    let card_id = props.card_id.clone();
    html! {
        <div class="source-view" role="region" aria-label="The text this card was read from">
            <p class="source-legend">
                <span class="legend read">{ "read into a field" }</span>
                <span class="legend unplaced">{ "not placed (kept under Text not recognised)" }</span>
                <span class="legend other">{ "unmarked: blank, or the site's own text" }</span>
            </p>
            if let Some(file) = &read.elsewhere {
                <p class="source-elsewhere" data-testid="source-elsewhere">
                    { format!("This record was read back from trialcards JSON. Its values were first read from {file}; the lines each value names are lines of that file, which is not loaded, so none are marked here.") }
                </p>
            }
            if range.start > 1 {
                <p class="more-note">
                    { format!("Lines 1–{} are not shown. ", count(range.start - 1)) }
                    <button type="button" class="link-button" onclick={show_more.clone()}>{ "Show earlier lines" }</button>
                </p>
            }
            <ol class="sv-lines" start={range.start.to_string()}>
                { for range.clone().map(|n| {
                    let mark = match marks.get(n - 1) {
                        Some(LineMark::Read) => "read",
                        Some(LineMark::NotPlaced) => "unplaced",
                        _ => "other",
                    };
                    let field = fields.get(n - 1).copied().flatten();
                    // The field is named on the first line of each run of its lines.
                    let named = field.filter(|f| n == range.start || fields.get(n - 2).copied().flatten().map(|g| g.key) != Some(f.key));
                    let node = if Some(n) == first_highlighted { highlighted.clone() } else { NodeRef::default() };
                    html! {
                        <li class={classes!("sv-line", mark, is_highlighted(n).then_some("highlighted"))}
                            ref={node} tabindex={is_highlighted(n).then_some("-1")}
                            data-line={n.to_string()}>
                            <span class="line-text">{ &read.text[lines[n - 1].clone()] }</span>
                            if let Some(field) = named {
                                <button type="button" class="line-field link-button"
                                    aria-label={format!("Line {n} was read into {}: show it on the card", field.label)}
                                    onclick={show_field(format!("{card_id}-{}", field.key))}>
                                    { format!("→ {}", field.label) }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ol>
            if range.end <= lines.len() {
                <p class="more-note">
                    { format!("Lines {}–{} are not shown. ", count(range.end), count(lines.len())) }
                    <button type="button" class="link-button" onclick={show_more}>{ "Show later lines" }</button>
                </p>
            }
        </div>
    }
}

/// A record's source text as read: the text, its lines (byte ranges), what became of each
/// line, and the field each read line went into.
struct SourceRead {
    text: Rc<str>,
    lines: Vec<Range<usize>>,
    marks: Vec<LineMark>,
    fields: Vec<Option<&'static Field>>,
    /// The file the record's lines are of, when it is not this one (our JSON read back).
    elsewhere: Option<String>,
}

impl SourceRead {
    /// The source of `source`'s `index`-th record, whose lines count in `text` (the text the
    /// source showed); `None` when it has no such record.
    fn of(source: &SourceRef, index: usize, text: Rc<str>) -> Option<Self> {
        let study = source.records.get(index)?;
        let start = text.as_ptr() as usize;
        let lines: Vec<Range<usize>> = trialcards_core::source_lines(&text)
            .into_iter()
            .map(|line| {
                let at = line.as_ptr() as usize - start;
                at..at + line.len()
            })
            .collect();
        Some(SourceRead {
            elsewhere: study
                .trialcards
                .provenance_source
                .as_ref()
                .map(|first| first.file_name.clone()),
            marks: marks(study, lines.len()),
            fields: fields_of_lines(study, lines.len()),
            lines,
            text,
        })
    }
}

/// Opens the card section holding the element `id`, scrolls it into view and focuses it.
fn show_field(id: String) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let Some(element) = gloo::utils::document().get_element_by_id(&id) else {
            return;
        };
        if let Ok(Some(details)) = element.closest("details") {
            let _ = details.set_attribute("open", "");
        }
        element.scroll_into_view();
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    })
}
