//! Mounts the shell, the first visit's small page (see `trialcards_web::handoff`): it ends
//! when the viewer loads.
//!
//! The shell draws into an element of its own, removed when it ends: Yew listens for events
//! on the element it renders into, and a destroyed app's listeners stay there; on `<body>`,
//! where the viewer renders, the shell's would take the viewer's events for its own.

use std::cell::RefCell;
use std::rc::Rc;

fn main() {
    let document = gloo::utils::document();
    let root = document
        .create_element("div")
        .expect("a div can be created");
    root.set_id("trialcards-shell");
    let _ = gloo::utils::body().append_child(&root);
    let handle = yew::Renderer::<trialcards_web::shell::Shell>::with_root(root.clone()).render();
    let held = Rc::new(RefCell::new(Some((handle, root))));
    trialcards_web::handoff::on_end_shell(move || {
        if let Some((handle, root)) = held.borrow_mut().take() {
            handle.destroy();
            root.remove();
        }
    });
}
