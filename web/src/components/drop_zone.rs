//! Drop anywhere: the whole page takes dropped files and folders, with an overlay
//! while something is dragged over it.

use yew::prelude::*;

use crate::intake::Dropped;

/// Props of [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// Called with what each drop carries (read with [`crate::intake::read_dropped`]).
    pub on_drop: Callback<Dropped>,
    /// The page inside the zone.
    pub children: Html,
}

/// Wraps the page; shows "Drop to add" while files are dragged over it.
#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    // dragenter/dragleave fire for every child crossed; count them to know when the drag left.
    let depth = use_mut_ref(|| 0_u32);
    let dragging = use_state(|| false);
    let carries_files = |event: &DragEvent| {
        event.data_transfer().is_some_and(|data| {
            data.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
    };
    let ondragenter = {
        let (depth, dragging) = (depth.clone(), dragging.clone());
        Callback::from(move |event: DragEvent| {
            if carries_files(&event) {
                event.prevent_default();
                *depth.borrow_mut() += 1;
                dragging.set(true);
            }
        })
    };
    let ondragover = Callback::from(move |event: DragEvent| {
        if carries_files(&event) {
            event.prevent_default();
            if let Some(data) = event.data_transfer() {
                data.set_drop_effect("copy");
            }
        }
    });
    let ondragleave = {
        let (depth, dragging) = (depth.clone(), dragging.clone());
        Callback::from(move |_: DragEvent| {
            let mut depth = depth.borrow_mut();
            *depth = depth.saturating_sub(1);
            if *depth == 0 {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (depth, dragging, on_drop) = (depth.clone(), dragging.clone(), props.on_drop.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            *depth.borrow_mut() = 0;
            dragging.set(false);
            if let Some(data) = event.data_transfer() {
                on_drop.emit(Dropped::take(&data));
            }
        })
    };
    html! {
        <div class="drop-zone" {ondragenter} {ondragover} {ondragleave} {ondrop}>
            { props.children.clone() }
            if *dragging {
                <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                    <p>{ "Drop pages or folders to add them" }</p>
                </div>
            }
        </div>
    }
}
