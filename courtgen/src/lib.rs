//! courtgen draws the made-up court papers that are ordex's test fixtures, as court software
//! draws them: standard-14 fonts with their real metrics, one text object per line at
//! absolute positions, justified paragraphs, pleading paper's 28 margin numbers, CM/ECF stamps
//! of several courts; and from those papers, scans, OCR'd scans, broken files and hostile
//! mutants.
//!
//! Code map: `widths` (AFM glyph widths), `pdf` (pages and the file, via lopdf), `flow`
//! (laying text onto sheets, stamps, footers), `shapes` (captions, attorney and signature
//! blocks), `orders` and `filings` (the papers' texts), `scan` (page images and OCR layers),
//! `broken` (broken files and fuzz regressions). [`all`] is every fixture, the binary writes
//! them out, and ordex's determinism test compares them with the committed files.
//!
//! Invariants: the same bytes on every run (no clock, no randomness, fixed object order and
//! compression); every name, case number and text is invented. What it never does: read a
//! file, or copy a real document.

pub mod broken;
pub mod filings;
pub mod flow;
pub mod orders;
pub mod pdf;
pub mod scan;
pub mod shapes;
pub mod widths;

/// One fixture: its path under the fixtures folder and its bytes.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// Path relative to the fixtures folder (`cand-order-...-01.pdf`, `scanned/...`,
    /// `fuzz/...`).
    pub path: String,
    /// What it is for, one line (for `docs/fixtures.md` and `courtgen --list`).
    pub purpose: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

fn fx(path: &str, purpose: &'static str, bytes: Vec<u8>) -> Fixture {
    Fixture {
        path: path.into(),
        purpose,
        bytes,
    }
}

/// Every fixture, in a fixed order.
pub fn all() -> Vec<Fixture> {
    use orders::*;
    let w = pdf::write;
    let cand = cand_order_scheduling();
    let caed = caed_order_criminal();
    let nysd = nysd_order();
    let ca11 = ca11_order();
    let ca3 = ca3_opinion();
    let mut v = vec![
        fx("cand-order-scheduling-clauses-01.pdf", "N.D. Cal. civil order on pleading paper: 28 margin numbers, ')' caption, numbered clauses after 'IT IS HEREBY ORDERED that:', Dated/judge/title", w(&cand)),
        fx("caed-order-criminal-continuance-01.pdf", "E.D. Cal. criminal order (1:22-cr-00123-ABC), unnumbered decretal paragraph, '/s/' magistrate judge", w(&caed)),
        fx("cacd-proposed-order-attachment-01.pdf", "C.D. Cal. stand-alone [PROPOSED] ORDER filed as attachment 'Document 59-1' with 'Page ID #:', attorney block, unsigned, blank date", w(&cacd_proposed_order())),
        fx("nysd-order-stay-discovery-01.pdf", "S.D.N.Y. order outside California: dashed-box caption, '23 Civ. 7719 (RGM)', '-against-', SO ORDERED, 'Dated: New York, New York', no margin numbers; its serif font embedded (a CFF program, FontFile3)", w(&nysd)),
        fx("dcd-order-fees-schedule-01.pdf", "D.D.C. order: 'Civil Action No. 22-1234 (LMK)', 'ORDERED that ...; and it is further' paragraphs, '/s/' signature, date below", w(&dcd_order())),
        fx("ca11-order-clerk-extension-01.pdf", "Eleventh Circuit clerk's order, 'USCA11 Case:' stamp, stacked caption, 'FOR THE COURT - BY DIRECTION:'", w(&ca11)),
        fx("cacd-minute-order-chambers-01.pdf", "C.D. Cal. CIVIL MINUTES - GENERAL form: Case No./Date/Title, 'Present: The Honorable', '(IN CHAMBERS) ORDER', Initials of Preparer", w(&cacd_minutes())),
        fx("ganb-order-relief-stay-01.pdf", "Bankr. N.D. Ga. order: the two-line bankruptcy stamp ('Doc 45 ... Entered ... Desc Main' / 'Document Page 1 of 1'), signature at the top, 'IN RE:' caption, 'END OF DOCUMENT'", w(&ganb_order())),
        fx("insd-judgment-final-01.pdf", "S.D. Ind. final judgment, 'PageID #:' stamp, judge and clerk signature blocks", w(&insd_judgment())),
        fx("ca3-opinion-affirmed-01.pdf", "Third Circuit non-precedential opinion over two pages, 'Case: 23-1234 Document: 45 Page: 1 Date Filed:' stamp, headings I./II./III., ends 'AFFIRMED.', starred footnote", w(&ca3)),
        fx("cand-motion-notice-compel-01.pdf", "N.D. Cal. notice of motion and motion: attorney block, PLEASE TAKE NOTICE, hearing lines in caption, '/s/' counsel, 'Attorneys for Plaintiff' (not an order)", w(&filings::cand_motion())),
        fx("cand-declaration-attachment-01.pdf", "N.D. Cal. declaration filed as 'Document 45-2': numbered paragraphs, penalty of perjury, 'Executed on' (not an order)", w(&filings::cand_declaration())),
        fx("cacd-stipulation-proposed-order-01.pdf", "C.D. Cal. stipulation (WHEREAS recitals, two counsel signatures) ending in [PROPOSED] ORDER, 'PURSUANT TO STIPULATION, IT IS SO ORDERED.', blank date", w(&filings::cacd_stipulation())),
        fx("caed-brief-opposition-01.pdf", "E.D. Cal. memorandum of points and authorities in opposition: headings I./A., citations, counsel signature (not an order)", w(&filings::caed_brief())),
        fx("cand-transcript-deposition-01.pdf", "Deposition transcript exhibit: cover, pages of 25 numbered lines in Courier with Q./A., 'Page 12' header, reporter's footer, word index", w(&filings::transcript())),
        fx("cand-exhibit-slip-letter-01.pdf", "Exhibit attachment 'Document 30-3': 'EXHIBIT A' slip sheet, then a letter between counsel", w(&filings::exhibit())),
        fx("nysd-letter-extension-01.pdf", "S.D.N.Y. letter to the judge on letterhead, 'Re:' line, counsel's signature (not an order)", w(&filings::nysd_letter())),
        fx("cand-notice-appearance-01.pdf", "N.D. Cal. notice of appearance of counsel (not an order)", w(&filings::cand_notice())),
        fx("casd-complaint-damages-01.pdf", "S.D. Cal. complaint: COMPLAINT FOR DAMAGES, JURY TRIAL DEMANDED, numbered allegations, prayer for relief (not an order)", w(&filings::casd_complaint())),
        fx("waed-verdict-form-01.pdf", "E.D. Wash. verdict form: 'We, the jury', QUESTION NO. 1, Yes/No blanks, FOREPERSON (not an order)", w(&filings::waed_verdict())),
        fx("txsd-summons-ao440-01.pdf", "S.D. Tex. summons in the form of AO 440 (other)", w(&filings::txsd_summons())),
        fx("caed-order-scanned-image-01.pdf", "The E.D. Cal. criminal order scanned: one 1-bit page image at 300 dpi, only the CM/ECF stamp as live text (needs OCR)", w(&scan::twin(&caed, 300.0, scan::Kind::Whole))),
        fx("caed-order-ocr-layer-01.pdf", "The same scan with an OCR text layer: the words drawn invisibly (3 Tr) over the image", w(&scan::ocr_layer(&caed, 300.0, scan::Noise::None))),
        fx("caed-order-ocr-layer-noisy-01.pdf", "The OCR'd scan with typical noise: a split year ('20 23') and the stamp doubled (in the image and the text layer as well as live)", w(&scan::ocr_layer(&caed, 300.0, scan::Noise::Typical))),
        fx("broken-empty-zero-filled-01.pdf", "A download preallocated at its size (4 KiB of zero bytes) that never received its content: error record 'empty' (a zero-byte file is every empty file, so none is committed; the unit tests and the real documents hold one)", vec![0; 4096]),
        fx("broken-html-session-expired-01.pdf", "An HTML 'session expired' page saved as .pdf: error record 'not_pdf'", broken::html_page()),
        fx("broken-encrypted-needs-password-01.pdf", "Encrypted (RC4, revision 2) with a user password: error record 'encrypted'", pdf::write_encrypted(&ca11, "filer-only", "clerk-owner")),
        fx("cand-order-encrypted-no-password-01.pdf", "Encrypted with an empty user password (only an owner password): decrypted and read, ok record", pdf::write_encrypted(&cand, "", "clerk-owner")),
        fx("broken-truncated-no-xref-01.pdf", "The Third Circuit opinion cut short after its second page, before the cross-reference table and %%EOF: partly recovered, ok with a warning", broken::truncated(&w(&ca3), 0.8)),
    ];
    v.push(fx(
        "scanned/cand-order-scheduling-clauses-01-twin.pdf",
        "Scanned twin (300 dpi, 1 bit) of the N.D. Cal. pleading-paper order, for tests/ocr.rs",
        w(&scan::twin(&cand, 300.0, scan::Kind::Whole)),
    ));
    v.push(fx(
        "scanned/nysd-order-stay-discovery-01-twin.pdf",
        "Scanned twin of the S.D.N.Y. order",
        w(&scan::twin(&nysd, 300.0, scan::Kind::Whole)),
    ));
    v.push(fx(
        "scanned/ca11-order-clerk-extension-01-twin.pdf",
        "Scanned twin of the Eleventh Circuit order",
        w(&scan::twin(&ca11, 300.0, scan::Kind::Whole)),
    ));
    v.push(fx(
        "scanned/ca11-order-clerk-extension-01-strips.pdf",
        "The same scan cut into three image strips",
        w(&scan::twin(&ca11, 300.0, scan::Kind::Strips(3))),
    ));
    v.push(fx(
        "scanned/ca11-order-clerk-extension-01-vector.pdf",
        "The same page at 150 dpi drawn as filled rectangles, no image",
        w(&scan::twin(&ca11, 150.0, scan::Kind::Vector)),
    ));
    for (name, bytes) in broken::mutants(&w(&nysd)) {
        v.push(Fixture {
            path: format!("fuzz/nysd-order-{name}.bin"),
            purpose: "The S.D.N.Y. order broken in one known way (tests/fuzz_regressions.rs)",
            bytes,
        });
    }
    v
}

#[cfg(test)]
mod tests {
    use crate::pdf::Doc;

    fn papers() -> Vec<(&'static str, Doc)> {
        use crate::{filings::*, orders::*};
        vec![
            ("cand order", cand_order_scheduling()),
            ("caed order", caed_order_criminal()),
            ("cacd proposed order", cacd_proposed_order()),
            ("nysd order", nysd_order()),
            ("dcd order", dcd_order()),
            ("ca11 order", ca11_order()),
            ("cacd minutes", cacd_minutes()),
            ("insd judgment", insd_judgment()),
            ("ca3 opinion", ca3_opinion()),
            ("ganb order", ganb_order()),
            ("motion", cand_motion()),
            ("declaration", cand_declaration()),
            ("stipulation", cacd_stipulation()),
            ("brief", caed_brief()),
            ("transcript", transcript()),
            ("exhibit", exhibit()),
            ("letter", nysd_letter()),
            ("notice", cand_notice()),
            ("complaint", casd_complaint()),
            ("verdict", waed_verdict()),
            ("summons", txsd_summons()),
        ]
    }

    #[test]
    fn no_two_runs_of_text_overlap_and_all_stay_on_the_page() {
        for (name, doc) in papers() {
            for (i, page) in doc.pages.iter().enumerate() {
                let runs = &page.runs;
                for (a, ra) in runs.iter().enumerate() {
                    let (x0, x1) = (ra.x, ra.x + ra.width());
                    assert!(
                        x0 >= 20.0 && x1 <= page.width - 20.0,
                        "{name} p{}: {:?} runs off the page ({x0:.0}..{x1:.0})",
                        i + 1,
                        ra.text
                    );
                    for rb in &runs[a + 1..] {
                        let same_line = (ra.y - rb.y).abs() < ra.size.max(rb.size) * 0.8;
                        let (y0, y1) = (rb.x, rb.x + rb.width());
                        assert!(
                            !same_line || x1 + 2.0 <= y0 || y1 + 2.0 <= x0,
                            "{name} p{}: {:?} and {:?} overlap",
                            i + 1,
                            ra.text,
                            rb.text
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_paper_carries_its_stamp_on_every_page() {
        for (name, doc) in papers() {
            let n = doc.pages.len();
            for (i, page) in doc.pages.iter().enumerate() {
                let stamp = page
                    .stamp
                    .as_deref()
                    .unwrap_or_else(|| panic!("{name}: no stamp"));
                let page_no = format!("Page: {}", i + 1);
                let page_of = format!("Page {} of {n}", i + 1);
                assert!(
                    stamp.contains(&page_of) || stamp.contains(&page_no),
                    "{name}: {stamp}"
                );
            }
        }
    }
}
