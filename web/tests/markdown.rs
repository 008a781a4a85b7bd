//! Markdown from untrusted pages, rendered in a real browser: it formats, and it
//! can never run script, load anything, or link anywhere but http(s) and mailto.

use trialcards_web::components::{safe_url, web_url, Markdown, MarkdownProps};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

async fn render(text: &str) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = MarkdownProps {
        text: text.to_string().into(),
    };
    yew::Renderer::<Markdown>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
fn a_web_url_is_http_or_https_with_a_host() {
    assert_eq!(
        web_url(" https://example.org/share?x=1 ").as_deref(),
        Some("https://example.org/share?x=1")
    );
    assert_eq!(
        web_url("HTTP://example.org").as_deref(),
        Some("HTTP://example.org")
    );
    for bad in [
        "mailto:a@example.org",
        "javascript:alert(1)",
        "http:example.org",
        "https:///path",
        "https://",
        "//example.org",
        "example.org",
        "https://exa mple.org",
        "data:text/html,x",
    ] {
        assert_eq!(web_url(bad), None, "{bad}");
    }
}

#[wasm_bindgen_test]
fn only_http_https_and_mailto_urls_survive() {
    assert_eq!(
        safe_url("https://example.org/a").as_deref(),
        Some("https://example.org/a")
    );
    assert_eq!(
        safe_url("HTTP://example.org").as_deref(),
        Some("HTTP://example.org")
    );
    assert_eq!(
        safe_url("mailto:a@b.org").as_deref(),
        Some("mailto:a@b.org")
    );
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "/relative/path",
        "//evil.example/x",
        "java\tscript:alert(1)",
        "https://ok.org/\u{0}x",
        "",
    ] {
        assert_eq!(safe_url(bad), None, "{bad:?}");
    }
}

#[wasm_bindgen_test]
async fn formats_paragraphs_lists_emphasis_and_ct_gov_escapes() {
    let root = render("First *para* with 1×10\\^6 cells and \\<30 kg.\n\n* one\n* **two**\n").await;
    let html = root.inner_html();
    assert!(html.contains("<em>para</em>"), "{html}");
    assert!(html.contains("<li><strong>two</strong></li>"), "{html}");
    assert!(root
        .text_content()
        .unwrap()
        .contains("1×10^6 cells and <30 kg."));
    root.remove();
}

#[wasm_bindgen_test]
async fn raw_html_is_text_and_no_element_of_its_own() {
    let root = render(
        "<script>window.__pwned = 1</script>\n\nHi <img src=x onerror=\"window.__pwned=1\"> \
         <b onclick=\"x()\">bold?</b>\n\n<iframe src=\"https://evil.example\"></iframe>",
    )
    .await;
    for tag in ["script", "img", "b", "iframe"] {
        assert!(
            root.query_selector(tag).unwrap().is_none(),
            "no <{tag}> element"
        );
    }
    let text = root.text_content().unwrap();
    assert!(
        text.contains("<script>window.__pwned = 1</script>"),
        "{text}"
    );
    assert!(text.contains("<img src=x onerror="), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
async fn dangerous_links_lose_their_href_and_safe_ones_open_safely() {
    let root = render(
        "[js](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.org/p) \
         [mail](mailto:a@b.org) ![pic](https://tracker.example/pixel.png)",
    )
    .await;
    let hrefs: Vec<String> = (0..root.query_selector_all("a").unwrap().length())
        .filter_map(|i| root.query_selector_all("a").unwrap().item(i))
        .map(|n| {
            wasm_bindgen::JsCast::unchecked_into::<Element>(n)
                .get_attribute("href")
                .unwrap()
        })
        .collect();
    assert_eq!(
        hrefs,
        [
            "https://example.org/p",
            "mailto:a@b.org",
            "https://tracker.example/pixel.png"
        ]
    );
    for link in ["https://example.org/p", "https://tracker.example/pixel.png"] {
        let a = root
            .query_selector(&format!("a[href='{link}']"))
            .unwrap()
            .unwrap();
        assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "images are never loaded"
    );
    assert!(
        root.text_content().unwrap().contains("js"),
        "a dropped link keeps its text"
    );
    root.remove();
}
