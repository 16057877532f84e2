//! End-to-end checks on PDFs built in the test: what the real fixtures cannot show on demand.

mod common;

use common::{pdf, pleading_page, Op};
use ordex::{process, Config};

fn record(bytes: Vec<u8>) -> serde_json::Value {
    serde_json::to_value(process("synthetic.pdf", bytes, &Config::default())).unwrap()
}

#[test]
fn line_numbers_and_stamp_are_removed_and_parsed() {
    let body = [
        "The Court has read the stipulation of the parties",
        "and finds good cause for it.",
        "IT IS SO ORDERED.",
    ];
    let pages = vec![
        pleading_page(1, 2, 10, &body),
        pleading_page(2, 2, 1, &["Nothing more on this page."]),
    ];
    let r = record(pdf(&pages));
    assert_eq!(r["status"], "ok");
    assert_eq!(r["ecf"]["case_number"], "2:21-cv-03318-PQR");
    assert_eq!(r["ecf"]["document_number"], "34");
    assert_eq!(r["ecf"]["filed"], "2022-04-20");
    assert_eq!(r["ecf"]["page_count"], 2);
    assert_eq!(r["quality"]["line_number_pages"], serde_json::json!([1, 2]));
    let text = r["pages"][0]["text"].as_str().unwrap();
    assert_eq!(text, "The Court has read the stipulation of the parties\nand finds good cause for it.\nIT IS SO ORDERED.");
    assert!(!r["pages"][1]["text"]
        .as_str()
        .unwrap()
        .contains("Case 2:21"));
}

#[test]
fn text_under_a_black_box_is_left_out_with_a_warning() {
    let page = vec![
        Op::Text(
            72.0,
            700.0,
            12.0,
            "The settlement amount was SECRET dollars.",
        ),
        // A black box painted over "SECRET" after the text (a redaction that kept the text).
        Op::Fill(222.0, 696.0, 47.0, 14.0, 0.0),
        Op::Text(72.0, 650.0, 12.0, "A grey box does not hide anything."),
        Op::Fill(72.0, 646.0, 40.0, 14.0, 0.6),
    ];
    let r = record(pdf(&[page]));
    let text = r["pages"][0]["text"].as_str().unwrap();
    assert!(!text.contains("SECRET"), "{text}");
    assert!(text.contains("The settlement amount was"), "{text}");
    assert!(
        text.contains("A grey box does not hide anything."),
        "{text}"
    );
    let warnings = r["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("redaction")),
        "{warnings:?}"
    );
}

#[test]
fn damaged_xref_is_recovered() {
    let mut bytes = pdf(&[vec![Op::Text(72.0, 700.0, 12.0, "Recovered text.")]]);
    // Point startxref at nonsense: the reader must rebuild the table by scanning.
    let at = bytes.windows(9).rposition(|w| w == b"startxref").unwrap();
    bytes.truncate(at);
    bytes.extend_from_slice(b"startxref\n999999\n%%EOF\n");
    let r = record(bytes);
    assert_eq!(r["status"], "ok", "{r}");
    assert_eq!(r["pages"][0]["text"], "Recovered text.");
}

#[test]
fn truncated_file_is_an_error_record_not_a_panic() {
    let bytes = pdf(&[vec![Op::Text(72.0, 700.0, 12.0, "Lost.")]]);
    let r = record(bytes[..40].to_vec());
    assert_eq!(r["status"], "error");
    assert_eq!(r["error"]["kind"], "damaged");
    let msg = r["error"]["message"].as_str().unwrap();
    assert!(msg.contains("truncated (no end-of-file marker"), "{msg}");
}

#[test]
fn truncated_file_gives_the_pages_it_has_with_a_warning() {
    let pages: Vec<Vec<Op>> = (1..=4)
        .map(|i| {
            vec![Op::Text(
                72.0,
                700.0,
                12.0,
                if i < 3 { "Kept." } else { "Lost." },
            )]
        })
        .collect();
    let bytes = pdf(&pages);
    // Cut inside the third page's content stream: the page tree, pages 1 and 2 and the third
    // page's object (without its text) come before the cut, the fourth page after it.
    let cut = bytes
        .windows(5)
        .position(|w| w == b"Lost.")
        .expect("the third page's text");
    let r = record(bytes[..cut].to_vec());
    assert_eq!(r["status"], "ok", "{r}");
    let warnings = r["warnings"].to_string();
    assert!(
        warnings.contains("truncated: no end-of-file marker; 3 of 4 pages (75%) recovered"),
        "{warnings}"
    );
    assert_eq!(r["pages"][0]["text"], "Kept.");
    assert_eq!(r["pages"][1]["text"], "Kept.");
    assert_eq!(r["pages"][2]["text"], "");
}
