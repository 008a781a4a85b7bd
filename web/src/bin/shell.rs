//! Mounts the shell, the first visit's small page (see `trialcards_web::handoff`): it ends
//! when the viewer loads.

use std::cell::RefCell;
use std::rc::Rc;

fn main() {
    let handle = Rc::new(RefCell::new(Some(
        yew::Renderer::<trialcards_web::shell::Shell>::new().render(),
    )));
    trialcards_web::handoff::on_end_shell(move || {
        if let Some(handle) = handle.borrow_mut().take() {
            handle.destroy();
        }
    });
}
