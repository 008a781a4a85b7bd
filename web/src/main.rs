//! Mounts the trialcards viewer on the page.

fn main() {
    yew::Renderer::<trialcards_web::App>::new().render();
}
