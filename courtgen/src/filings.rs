//! The parties' papers and the other kinds a docket holds: a notice of motion, a declaration,
//! a stipulation with its proposed order, a brief, a deposition transcript, an exhibit, a
//! letter, a notice of appearance, a complaint, a verdict form and a summons.
//!
//! Every name, case number and word is invented, in the forms courts and firms use. What it
//! never does: draw (`flow`).

use crate::flow::{self, lay, Align, Block, MarginNumbers, Sheet};
use crate::pdf::{width, Doc, Font, Page};
use crate::shapes::*;

const WORD: &str = "Microsoft\u{AE} Word 2016";

fn roe_caption(sheet: &Sheet, title: &[&str], extra: &[&str]) -> Vec<Block> {
    let mut right: Vec<(&str, Font)> = vec![
        ("Case No. 3:23-cv-04512-ABC", Font::Roman),
        ("", Font::Roman),
    ];
    right.extend(title.iter().map(|t| (*t, Font::Bold)));
    right.push(("", Font::Roman));
    right.extend(extra.iter().map(|t| (*t, Font::Roman)));
    let mut b = centered(
        sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "",
            "NORTHERN DISTRICT OF CALIFORNIA",
        ],
        Font::Roman,
    );
    b.push(Block::Gap(2));
    b.extend(paren_caption(
        sheet,
        &[
            "JANE ROE, an individual,",
            "",
            "      Plaintiff,",
            "",
            "      v.",
            "",
            "ACME WIDGET CO., INC., a Delaware",
            "corporation,",
            "",
            "      Defendant.",
        ],
        &right,
        300.0,
    ));
    b.push(Block::Gap(2));
    b
}

fn roe_attorneys(sheet: &Sheet) -> Vec<Block> {
    attorney_block(
        sheet,
        &[
            "DANIEL K. FAIRWEATHER (SBN 287004)",
            "dfairweather@fairweatherlaw.example",
            "FAIRWEATHER LAW GROUP, P.C.",
            "1 Embarcadero Plaza, Suite 900",
            "San Francisco, California 94111",
            "Telephone: (415) 555-0187",
            "",
            "Attorneys for Plaintiff",
            "JANE ROE",
        ],
    )
}

/// N.D. Cal. notice of motion and motion to compel: the attorney block, "PLEASE TAKE NOTICE
/// that on ...", the relief sought, counsel's "/s/" signature with "Attorneys for Plaintiff".
pub fn cand_motion() -> Doc {
    let sheet = pleading(
        Some(flow::district_stamp),
        stamp("3:23-cv-04512-ABC", "61", "04/02/24", 0),
        "PLAINTIFF\u{2019}S NOTICE OF MOTION AND MOTION TO COMPEL",
        "Case No. 3:23-cv-04512-ABC",
    );
    let mut b = roe_attorneys(&sheet);
    b.push(Block::Gap(3));
    b.extend(roe_caption(
        &sheet,
        &[
            "PLAINTIFF\u{2019}S NOTICE OF MOTION",
            "AND MOTION TO COMPEL",
            "PRODUCTION OF DOCUMENTS",
        ],
        &[
            "Date: May 9, 2024",
            "Time: 10:00 a.m.",
            "Courtroom: 4, 17th Floor",
            "Judge: Hon. Alma B. Castellanos",
        ],
    ));
    b.push(at(
        sheet.left,
        "TO ALL PARTIES AND THEIR ATTORNEYS OF RECORD:",
        Font::Roman,
        2,
    ));
    b.push(para(
        "PLEASE TAKE NOTICE that on May 9, 2024, at 10:00 a.m., or as soon thereafter as the \
         matter may be heard, in Courtroom 4 of the above-entitled Court, located at 450 \
         Golden Gate Avenue, San Francisco, California, Plaintiff Jane Roe will and hereby \
         does move the Court for an order compelling Defendant Acme Widget Co., Inc. to \
         produce the documents responsive to Plaintiff\u{2019}s Requests for Production Nos. \
         4 through 11.",
    ));
    b.push(para(
        "The motion is made under Federal Rules of Civil Procedure 26 and 37 on the grounds \
         that Defendant has withheld its internal safety reports without stating any \
         privilege. The motion is based on this Notice of Motion and Motion, the \
         accompanying Memorandum of Points and Authorities, the Declaration of Daniel K. \
         Fairweather and its exhibits, the pleadings and papers on file, and such argument \
         as the Court may hear.",
    ));
    b.push(at(
        sheet.left + 36.0,
        "STATEMENT OF RELIEF SOUGHT",
        Font::Bold,
        2,
    ));
    b.push(para(
        "Plaintiff asks the Court to order Defendant to produce all responsive documents \
         within fourteen days and to pay the reasonable expenses of this motion.",
    ));
    b.push(Block::Gap(1));
    b.push(Block::Row {
        pieces: vec![
            piece(sheet.left, "Dated: April 2, 2024", Font::Roman, Align::Left),
            piece(
                320.0,
                "FAIRWEATHER LAW GROUP, P.C.",
                Font::Roman,
                Align::Left,
            ),
        ],
        slots: 2,
    });
    b.push(Block::Gap(1));
    b.extend(signature(
        320.0,
        &[
            "By: /s/ Daniel K. Fairweather",
            "      Daniel K. Fairweather",
            "",
            "Attorneys for Plaintiff",
            "JANE ROE",
        ],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20240402170000-07'00'")
}

/// N.D. Cal. declaration filed as an attachment (`Document 45-2`): numbered paragraphs, "I
/// declare under penalty of perjury ...", "Executed on ...", the declarant's signature.
pub fn cand_declaration() -> Doc {
    let sheet = pleading(
        Some(flow::district_stamp),
        stamp("3:23-cv-04512-ABC", "45-2", "01/19/24", 0),
        "DECLARATION OF HENRIK S. MOLLENKAMP",
        "Case No. 3:23-cv-04512-ABC",
    );
    let mut b = roe_attorneys(&sheet);
    b.push(Block::Gap(3));
    b.extend(roe_caption(
        &sheet,
        &[
            "DECLARATION OF HENRIK S.",
            "MOLLENKAMP IN SUPPORT OF",
            "PLAINTIFF\u{2019}S MOTION FOR",
            "PRELIMINARY INJUNCTION",
        ],
        &[],
    ));
    b.push(para("I, Henrik S. Mollenkamp, declare as follows:"));
    for t in [
        "1. I am an engineer licensed in the State of California and have worked on the \
         design of industrial fasteners for nineteen years. I have personal knowledge of the \
         facts stated in this declaration and, if called as a witness, could and would \
         testify competently to them.",
        "2. In November 2023 I examined six model AW-40 brackets sold by Defendant. Four of \
         the six showed hairline cracks at the weld seam under a load of 300 pounds, well \
         under the rated load of 500 pounds.",
        "3. Attached as Exhibit A is a true and correct copy of the test report I prepared on \
         December 4, 2023, with the photographs taken during the tests.",
        "4. In my opinion, to a reasonable degree of engineering certainty, brackets from the \
         same production lot are likely to fail in ordinary use.",
    ] {
        b.push(para(t));
    }
    b.push(para(
        "I declare under penalty of perjury under the laws of the United States of America \
         that the foregoing is true and correct.",
    ));
    b.push(para(
        "Executed on January 18, 2024, at Oakland, California.",
    ));
    b.push(Block::Gap(2));
    b.extend(signature(
        320.0,
        &["/s/ Henrik S. Mollenkamp", "Henrik S. Mollenkamp"],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20240119120000-08'00'")
}

/// C.D. Cal. stipulation ending in a proposed order: the parties' recitals ("WHEREAS"), both
/// counsel's signatures, then "[PROPOSED] ORDER" and "PURSUANT TO STIPULATION, IT IS SO
/// ORDERED." with a blank date line and the judge's title.
pub fn cacd_stipulation() -> Doc {
    let sheet = pleading(
        Some(flow::cacd_stamp),
        stamp("2:23-cv-04512-ABC-XYZ", "48", "02/09/24", 640),
        "STIPULATION TO CONTINUE MEDIATION DEADLINE; [PROPOSED] ORDER",
        "",
    );
    let mut b = attorney_block(
        &sheet,
        &[
            "PRIYA N. OKONKWO (SBN 301122)",
            "HARLAN & VANCE LLP",
            "400 South Grand Avenue, Suite 1200",
            "Los Angeles, California 90071",
            "Attorneys for Plaintiff BRIGHTWATER FARMS, LLC",
            "",
            "GIDEON R. TASHJIAN (SBN 275530)",
            "TASHJIAN BOYCE LLP",
            "2029 Century Park East, 14th Floor",
            "Los Angeles, California 90067",
            "Attorneys for Defendant NORTHGATE LOGISTICS, INC.",
        ],
    );
    b.push(Block::Gap(2));
    b.extend(centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "",
            "CENTRAL DISTRICT OF CALIFORNIA",
        ],
        Font::Roman,
    ));
    b.push(Block::Gap(2));
    b.extend(paren_caption(
        &sheet,
        &[
            "BRIGHTWATER FARMS, LLC,",
            "",
            "      Plaintiff,",
            "",
            "      v.",
            "",
            "NORTHGATE LOGISTICS, INC.,",
            "",
            "      Defendant.",
        ],
        &[
            ("Case No. 2:23-cv-04512-ABC-XYZ", Font::Roman),
            ("", Font::Roman),
            ("JOINT STIPULATION TO", Font::Bold),
            ("CONTINUE MEDIATION", Font::Bold),
            ("DEADLINE; [PROPOSED] ORDER", Font::Bold),
        ],
        300.0,
    ));
    b.push(Block::Gap(2));
    b.push(para(
        "Plaintiff Brightwater Farms, LLC and Defendant Northgate Logistics, Inc., through \
         their counsel of record, stipulate as follows:",
    ));
    b.push(para(
        "WHEREAS, the Court\u{2019}s Scheduling Order (Dkt. No. 31) requires the parties to \
         complete mediation by March 1, 2024;",
    ));
    b.push(para(
        "WHEREAS, the mediator the parties selected is unavailable until March 22, 2024, and \
         the parties have exchanged the documents needed for a productive session;",
    ));
    b.push(para(
        "NOW, THEREFORE, the parties stipulate and respectfully request that the Court \
         continue the deadline to complete mediation to April 5, 2024. No other date is \
         affected.",
    ));
    b.push(Block::Gap(1));
    b.push(Block::Row {
        pieces: vec![
            piece(
                sheet.left,
                "Dated: February 9, 2024",
                Font::Roman,
                Align::Left,
            ),
            piece(320.0, "HARLAN & VANCE LLP", Font::Roman, Align::Left),
        ],
        slots: 2,
    });
    b.extend(signature(
        320.0,
        &["By: /s/ Priya N. Okonkwo", "Attorneys for Plaintiff"],
    ));
    b.push(Block::Gap(1));
    b.push(Block::Row {
        pieces: vec![
            piece(
                sheet.left,
                "Dated: February 9, 2024",
                Font::Roman,
                Align::Left,
            ),
            piece(320.0, "TASHJIAN BOYCE LLP", Font::Roman, Align::Left),
        ],
        slots: 2,
    });
    b.extend(signature(
        320.0,
        &["By: /s/ Gideon R. Tashjian", "Attorneys for Defendant"],
    ));
    b.push(Block::PageBreak);
    b.push(heading(&sheet, "[PROPOSED] ORDER"));
    b.push(para(
        "Having considered the parties\u{2019} Joint Stipulation, and good cause appearing, the \
         deadline to complete mediation is continued to April 5, 2024.",
    ));
    b.push(para("PURSUANT TO STIPULATION, IT IS SO ORDERED."));
    b.push(Block::Gap(1));
    b.extend(dated_and_signed(
        &sheet,
        "Dated: ______________________",
        &[
            "______________________________",
            "HON. ADRIAN B. COLFAX",
            "UNITED STATES DISTRICT JUDGE",
        ],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20240209110000-08'00'")
}

/// E.D. Cal. opposition brief: "MEMORANDUM OF POINTS AND AUTHORITIES IN OPPOSITION TO ...",
/// headings I., II., A., B., citations, counsel's signature.
pub fn caed_brief() -> Doc {
    let sheet = pleading(
        Some(flow::district_stamp),
        stamp("2:23-cv-01876-DEF-GHI", "22", "10/16/23", 0),
        "OPPOSITION TO MOTION TO DISMISS",
        "Case No. 2:23-cv-01876-DEF-GHI",
    );
    let mut b = attorney_block(
        &sheet,
        &[
            "MIRANDA J. SOLBERG (SBN 312590)",
            "SOLBERG & ITO LLP",
            "1215 K Street, Suite 1700",
            "Sacramento, California 95814",
            "Telephone: (916) 555-0163",
            "",
            "Attorneys for Plaintiffs",
        ],
    );
    b.push(Block::Gap(3));
    b.extend(centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "",
            "EASTERN DISTRICT OF CALIFORNIA",
        ],
        Font::Roman,
    ));
    b.push(Block::Gap(2));
    b.extend(paren_caption(
        &sheet,
        &[
            "RIVERBEND ORCHARDS",
            "COOPERATIVE, et al.,",
            "",
            "      Plaintiffs,",
            "",
            "      v.",
            "",
            "CALDERA IRRIGATION DISTRICT,",
            "",
            "      Defendant.",
        ],
        &[
            ("Case No. 2:23-cv-01876-DEF-GHI", Font::Roman),
            ("", Font::Roman),
            ("PLAINTIFFS\u{2019} MEMORANDUM OF", Font::Bold),
            ("POINTS AND AUTHORITIES IN", Font::Bold),
            ("OPPOSITION TO DEFENDANT\u{2019}S", Font::Bold),
            ("MOTION TO DISMISS", Font::Bold),
        ],
        300.0,
    ));
    b.push(Block::Gap(2));
    b.push(at(sheet.left, "I.    INTRODUCTION", Font::Bold, 2));
    b.push(para(
        "The District asks the Court to dismiss a complaint that pleads, in detail, how it \
         cut the growers\u{2019} water deliveries in 2022 while selling the same water to an \
         outside buyer. The motion rests on facts outside the complaint and should be denied.",
    ));
    b.push(at(sheet.left, "II.   ARGUMENT", Font::Bold, 2));
    b.push(at(
        sheet.left + 36.0,
        "A.    The Complaint States a Due Process Claim",
        Font::Bold,
        2,
    ));
    b.push(para(
        "A complaint survives a motion to dismiss when it pleads enough facts to state a \
         claim that is plausible on its face. Bell Atl. Corp. v. Twombly, 550 U.S. 544, 570 \
         (2007). The growers allege that their delivery contracts gave them a property \
         interest in a set allocation of water, and that the District reduced it without \
         notice or a hearing. Compl. \u{b6}\u{b6} 22\u{2013}31. Nothing more is needed at \
         this stage.",
    ));
    b.push(at(
        sheet.left + 36.0,
        "B.    The Claims Are Timely",
        Font::Bold,
        2,
    ));
    b.push(para(
        "The District argues that the claims accrued in 2020, when it adopted its drought \
         policy. But the growers were injured only when the policy was applied to them, in \
         the spring of 2022, and they filed suit within two years of that.",
    ));
    b.push(at(sheet.left, "III.  CONCLUSION", Font::Bold, 2));
    b.push(para("For these reasons, the motion should be denied."));
    b.push(Block::Gap(1));
    b.push(Block::Row {
        pieces: vec![
            piece(
                sheet.left,
                "Dated: October 16, 2023",
                Font::Roman,
                Align::Left,
            ),
            piece(320.0, "Respectfully submitted,", Font::Roman, Align::Left),
        ],
        slots: 2,
    });
    b.extend(signature(
        320.0,
        &[
            "SOLBERG & ITO LLP",
            "",
            "/s/ Miranda J. Solberg",
            "Miranda J. Solberg",
            "Attorneys for Plaintiffs",
        ],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20231016190000-07'00'")
}

/// A deposition transcript filed as an exhibit: a cover page, then transcript pages of 25
/// numbered lines in Courier with "Page N" at the top, Q./A. colloquy, and the reporting
/// firm's footer; the last page a condensed word index.
pub fn transcript() -> Doc {
    let stamp_info = stamp("3:23-cv-04512-ABC", "62-4", "04/02/24", 0);
    let info = stamp_info.clone();
    let of = 4;
    let mut pages = Vec::new();
    let stamp_line = |page: &mut Page, n: usize| {
        page.set_stamp(&flow::district_stamp(&info, n, of));
    };
    // Cover.
    let mut cover = Page::letter();
    stamp_line(&mut cover, 1);
    let mut y = 700.0;
    for (t, gap) in [
        ("UNITED STATES DISTRICT COURT", 16.0),
        ("NORTHERN DISTRICT OF CALIFORNIA", 40.0),
        ("JANE ROE, an individual,", 16.0),
        ("           Plaintiff,", 16.0),
        (
            "     vs.                        Case No. 3:23-cv-04512-ABC",
            16.0,
        ),
        ("ACME WIDGET CO., INC.,", 16.0),
        ("           Defendant.", 48.0),
        ("        VIDEOTAPED DEPOSITION OF TOBIN P. VERHOEVEN", 16.0),
        ("                 Oakland, California", 16.0),
        ("              Tuesday, February 13, 2024", 64.0),
        ("Reported by: Ines M. Carvalho, CSR No. 98765", 16.0),
        ("Job No. 240213-OAK", 16.0),
    ] {
        cover.text(Font::Mono, 12.0, 108.0, y, t, 0.0);
        y -= gap;
    }
    cover_footer(&mut cover);
    pages.push(cover);
    let lines_p12 = [
        "     Q.   And when did you first see the test",
        "report?",
        "     A.   In late December. It came in an email",
        "from the quality group.",
        "     Q.   Who in the quality group?",
        "     A.   I believe it was Ms. Adeyemi. She ran",
        "the weld line audits that year.",
        "     Q.   Did you read it when you received it?",
        "     A.   I skimmed it. I read it more closely",
        "after the recall meeting.",
        "     Q.   When was the recall meeting?",
        "     A.   The second week of January, I think",
        "the tenth.",
        "          MR. TASHJIAN: Objection. Vague as to",
        "     \"recall meeting.\"",
        "BY MS. OKONKWO:",
        "     Q.   You can answer.",
        "     A.   It was a meeting about whether to pull",
        "the AW-40 brackets. We called it the recall",
        "meeting.",
        "     Q.   Who attended?",
        "     A.   Myself, the plant manager, two people",
        "from legal, and Ms. Adeyemi.",
        "     Q.   Was a decision made at that meeting?",
        "     A.   Not that day.",
    ];
    let lines_p13 = [
        "     Q.   When was a decision made?",
        "     A.   About a week later, by email.",
        "     Q.   What was the decision?",
        "     A.   To stop shipping from the November",
        "lot and to test the rest.",
        "     Q.   Were any brackets from the November",
        "lot shipped after that email?",
        "     A.   Not to my knowledge.",
        "     Q.   Did anyone tell customers who had",
        "already received them?",
        "          MR. TASHJIAN: Objection. Calls for",
        "     speculation. Go ahead.",
        "          THE WITNESS: I don't know. That was",
        "     handled by sales.",
        "BY MS. OKONKWO:",
        "     Q.   Let me hand you what has been marked",
        "as Exhibit 14.",
        "          (Exhibit 14 was marked for",
        "          identification.)",
        "BY MS. OKONKWO:",
        "     Q.   Do you recognize this document?",
        "     A.   Yes. It's the email I just described.",
        "     Q.   Is that your name in the cc line?",
        "     A.   Yes.",
        "     Q.   Thank you. Let's take a short break.",
    ];
    for (i, (number, lines)) in [(12, &lines_p12), (13, &lines_p13)].into_iter().enumerate() {
        let mut page = Page::letter();
        stamp_line(&mut page, i + 2);
        page.text(
            Font::Mono,
            12.0,
            480.0,
            730.0,
            &format!("Page {number}"),
            0.0,
        );
        // The transcript's box: a rule at the left of the text and at the right.
        page.rule(100.0, 100.0, 100.0, 715.0, 0.5);
        page.rule(530.0, 100.0, 530.0, 715.0, 0.5);
        let m = MarginNumbers {
            count: 25,
            x_right: 92.0,
            top: 700.0,
            pitch: 24.0,
            font: Font::Mono,
            size: 12.0,
        };
        for (k, line) in lines.iter().enumerate() {
            let y = m.top - m.pitch * k as f64;
            let s = (k + 1).to_string();
            page.text(
                Font::Mono,
                12.0,
                m.x_right - width(Font::Mono, 12.0, &s),
                y,
                &s,
                0.0,
            );
            page.text(Font::Mono, 12.0, 108.0, y, line, 0.0);
        }
        cover_footer(&mut page);
        pages.push(page);
    }
    // The condensed word index.
    let mut index = Page::letter();
    stamp_line(&mut index, 4);
    index.text(Font::SansBold, 10.0, 72.0, 730.0, "Word Index", 0.0);
    let words = [
        ("adeyemi", "12:6, 12:23"),
        ("audits", "12:7"),
        ("aw-40", "12:19"),
        ("brackets", "12:19, 13:6"),
        ("decision", "12:24, 13:1, 13:3"),
        ("email", "12:3, 13:2, 13:7, 13:22"),
        ("exhibit", "13:17, 13:18"),
        ("identification", "13:19"),
        ("lot", "13:5, 13:7"),
        ("meeting", "12:11, 12:15, 12:18, 12:20, 12:24"),
        ("november", "13:4, 13:6"),
        ("objection", "12:14, 13:11"),
        ("quality", "12:4, 12:5"),
        ("recall", "12:15, 12:19"),
        ("report", "12:2"),
        ("shipping", "13:4"),
    ];
    let mut y = 706.0;
    for (w, refs) in words {
        index.text(Font::Sans, 9.0, 72.0, y, w, 0.0);
        index.text(Font::Sans, 9.0, 170.0, y, refs, 0.0);
        y -= 13.0;
    }
    cover_footer(&mut index);
    pages.push(index);
    flow::doc(pages, "CaseViewNet 7.2", "D:20240215094500-08'00'")
}

fn cover_footer(page: &mut Page) {
    let s = "ACME REPORTING SERVICES (555) 010-0000";
    let w = width(Font::Mono, 10.0, s);
    page.text(Font::Mono, 10.0, (page.width - w) / 2.0, 60.0, s, 0.0);
}

/// An exhibit filed as an attachment (`Document 30-3`): the slip sheet "EXHIBIT A" alone,
/// large and centred, then the exhibit itself, a letter between counsel.
pub fn exhibit() -> Doc {
    let info = stamp("3:23-cv-04512-ABC", "30-3", "12/08/23", 0);
    let mut slip = Page::letter();
    slip.set_stamp(&flow::district_stamp(&info, 1, 2));
    let t = "EXHIBIT A";
    slip.text(
        Font::Bold,
        48.0,
        (612.0 - width(Font::Bold, 48.0, t)) / 2.0,
        400.0,
        t,
        0.0,
    );
    let mut sheet = plain(None, info.clone());
    sheet.footer = flow::no_footer;
    // The letter is page 2 of the filed attachment: laid out alone, then stamped as such.
    let mut letter = lay(&sheet, &exhibit_letter_blocks(&sheet)).remove(0);
    letter.set_stamp(&flow::district_stamp(&info, 2, 2));
    flow::doc(vec![slip, letter], WORD, "D:20231208150000-08'00'")
}

fn exhibit_letter_blocks(sheet: &Sheet) -> Vec<Block> {
    let l = sheet.left;
    let mut b = vec![
        center_at(306.0, "FAIRWEATHER LAW GROUP, P.C.", Font::Bold, 1),
        center_at(
            306.0,
            "1 Embarcadero Plaza, Suite 900 | San Francisco, California 94111",
            Font::Roman,
            1,
        ),
        Block::Gap(3),
        at(l, "November 20, 2023", Font::Roman, 2),
        at(l, "VIA EMAIL", Font::Bold, 1),
        Block::Gap(1),
        at(l, "Gideon R. Tashjian, Esq.", Font::Roman, 1),
        at(l, "Tashjian Boyce LLP", Font::Roman, 1),
        at(l, "2029 Century Park East, 14th Floor", Font::Roman, 1),
        at(l, "Los Angeles, California 90067", Font::Roman, 1),
        Block::Gap(1),
        at(
            l + 36.0,
            "Re:   Roe v. Acme Widget Co., Inc., No. 3:23-cv-04512-ABC",
            Font::Bold,
            2,
        ),
        at(l, "Dear Mr. Tashjian:", Font::Roman, 2),
    ];
    for t in [
        "I write about Acme\u{2019}s responses to Plaintiff\u{2019}s First Set of Requests for \
         Production, served on November 1. Acme objected to Requests Nos. 4 through 11 as \
         overbroad but did not say whether any documents are being withheld on the basis of \
         those objections, as Rule 34(b)(2)(C) requires.",
        "Please let me know by December 1 whether Acme will supplement its responses. If it \
         will not, I am available to meet and confer on December 4 or 5.",
    ] {
        b.push(single(t, 0.0, 0.0));
        b.push(Block::Gap(1));
    }
    b.push(at(330.0, "Very truly yours,", Font::Roman, 2));
    b.push(Block::Gap(1));
    b.push(at(330.0, "/s/ Daniel K. Fairweather", Font::Italic, 1));
    b.push(at(330.0, "Daniel K. Fairweather", Font::Roman, 1));
    b
}

/// S.D.N.Y. letter to the judge on firm letterhead, filed on the docket ("Re:" line with the
/// short case name and number), signed by counsel.
pub fn nysd_letter() -> Doc {
    let mut sheet = plain(
        Some(flow::district_stamp),
        stamp("1:23-cv-07719-RGM", "39", "03/01/24", 0),
    );
    sheet.footer = flow::no_footer;
    let l = sheet.left;
    let mut b = vec![
        center_at(306.0, "PELLWORTH HOLLINS LLP", Font::Bold, 1),
        center_at(
            306.0,
            "1290 Avenue of the Americas, New York, New York 10104",
            Font::Roman,
            1,
        ),
        Block::Gap(3),
        at(400.0, "March 1, 2024", Font::Roman, 2),
        at(l, "VIA ECF", Font::Bold, 1),
        Block::Gap(1),
        at(l, "The Honorable Raymond G. Morcott", Font::Roman, 1),
        at(l, "United States District Court", Font::Roman, 1),
        at(l, "Southern District of New York", Font::Roman, 1),
        at(l, "500 Pearl Street", Font::Roman, 1),
        at(l, "New York, New York 10007", Font::Roman, 1),
        Block::Gap(1),
        at(
            l + 36.0,
            "Re:   Hollis & Drake Partners, L.P. v. Ashgrove, No. 23 Civ. 7719 (RGM)",
            Font::Bold,
            2,
        ),
        at(l, "Dear Judge Morcott:", Font::Roman, 2),
    ];
    for t in [
        "We represent Plaintiff in this action and write, with Defendants\u{2019} consent, to \
         request a two-week extension of Plaintiff\u{2019}s time to oppose the motion to stay \
         discovery, from March 4 to March 18, 2024. This is Plaintiff\u{2019}s first request \
         for an extension of this deadline, and it would not affect any other date.",
        "We thank the Court for its attention to this matter.",
    ] {
        b.push(single(t, 36.0, 0.0));
        b.push(Block::Gap(1));
    }
    b.push(at(330.0, "Respectfully submitted,", Font::Roman, 2));
    b.push(Block::Gap(1));
    b.push(at(330.0, "/s/ Eleanor V. Quist", Font::Italic, 1));
    b.push(at(330.0, "Eleanor V. Quist", Font::Roman, 1));
    b.push(Block::Gap(2));
    b.push(at(l, "cc: All counsel of record (via ECF)", Font::Roman, 1));
    flow::doc(lay(&sheet, &b), WORD, "D:20240301100000-05'00'")
}

/// N.D. Cal. notice of appearance of counsel: one page on pleading paper.
pub fn cand_notice() -> Doc {
    let sheet = pleading(
        Some(flow::district_stamp),
        stamp("3:23-cv-04512-ABC", "12", "08/29/23", 0),
        "NOTICE OF APPEARANCE OF COUNSEL",
        "Case No. 3:23-cv-04512-ABC",
    );
    let mut b = attorney_block(
        &sheet,
        &[
            "GIDEON R. TASHJIAN (SBN 275530)",
            "gtashjian@tashjianboyce.example",
            "TASHJIAN BOYCE LLP",
            "2029 Century Park East, 14th Floor",
            "Los Angeles, California 90067",
            "",
            "Attorneys for Defendant",
            "ACME WIDGET CO., INC.",
        ],
    );
    b.push(Block::Gap(3));
    b.extend(roe_caption(
        &sheet,
        &["NOTICE OF APPEARANCE OF", "COUNSEL"],
        &[],
    ));
    b.push(at(
        sheet.left,
        "TO THE CLERK OF THE COURT AND ALL PARTIES OF RECORD:",
        Font::Roman,
        2,
    ));
    b.push(para(
        "PLEASE TAKE NOTICE that Gideon R. Tashjian of Tashjian Boyce LLP, a member of the \
         bar of this Court, hereby appears as counsel for Defendant Acme Widget Co., Inc. in \
         the above-captioned action, and requests that all notices and papers be served on \
         him at the address above.",
    ));
    b.push(Block::Gap(1));
    b.push(Block::Row {
        pieces: vec![
            piece(
                sheet.left,
                "Dated: August 29, 2023",
                Font::Roman,
                Align::Left,
            ),
            piece(320.0, "TASHJIAN BOYCE LLP", Font::Roman, Align::Left),
        ],
        slots: 2,
    });
    b.extend(signature(
        320.0,
        &["By: /s/ Gideon R. Tashjian", "Attorneys for Defendant"],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20230829090000-07'00'")
}

/// S.D. Cal. complaint: "COMPLAINT FOR DAMAGES", "DEMAND FOR JURY TRIAL", numbered
/// allegations under headings, the prayer for relief, counsel's signature.
pub fn casd_complaint() -> Doc {
    let sheet = pleading(
        Some(flow::district_stamp),
        stamp("3:24-cv-00318-JKL-MNO", "1", "02/16/24", 0),
        "COMPLAINT FOR DAMAGES",
        "",
    );
    let mut b = attorney_block(
        &sheet,
        &[
            "ROSALIND T. ACHTERBERG (SBN 296651)",
            "ACHTERBERG LEGAL, APC",
            "600 West Broadway, Suite 700",
            "San Diego, California 92101",
            "",
            "Attorneys for Plaintiff",
            "NAOMI E. BRISCOE-LANG",
        ],
    );
    b.push(Block::Gap(3));
    b.extend(centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "",
            "SOUTHERN DISTRICT OF CALIFORNIA",
        ],
        Font::Roman,
    ));
    b.push(Block::Gap(2));
    b.extend(paren_caption(
        &sheet,
        &[
            "NAOMI E. BRISCOE-LANG, an",
            "individual,",
            "",
            "      Plaintiff,",
            "",
            "      v.",
            "",
            "HARBORVIEW TRANSIT",
            "AUTHORITY; and DOES 1-20,",
            "",
            "      Defendants.",
        ],
        &[
            ("Case No. '24CV0318 JKL MNO", Font::Roman),
            ("", Font::Roman),
            ("COMPLAINT FOR DAMAGES", Font::Bold),
            ("", Font::Roman),
            ("1. Negligence", Font::Roman),
            ("2. Violation of 42 U.S.C. \u{a7} 12132", Font::Roman),
            ("", Font::Roman),
            ("JURY TRIAL DEMANDED", Font::Bold),
        ],
        300.0,
    ));
    b.push(Block::Gap(2));
    b.push(para(
        "Plaintiff Naomi E. Briscoe-Lang alleges as follows against Defendants Harborview \
         Transit Authority and Does 1 through 20:",
    ));
    b.push(heading(&sheet, "JURISDICTION AND VENUE"));
    for t in [
        "1. This Court has jurisdiction over the federal claim under 28 U.S.C. \u{a7} 1331 and \
         over the state claim under 28 U.S.C. \u{a7} 1367.",
        "2. Venue is proper in this District because the events giving rise to the claims \
         occurred in San Diego County.",
    ] {
        b.push(para(t));
    }
    b.push(heading(&sheet, "FACTUAL ALLEGATIONS"));
    for t in [
        "3. Plaintiff uses a wheelchair. On October 3, 2023, she boarded a Harborview bus at \
         the Old Town station. The bus\u{2019}s ramp had been reported broken four times in \
         the preceding month.",
        "4. When Plaintiff left the bus at Fifth Avenue, the ramp gave way, and she fell to \
         the pavement, fracturing her wrist.",
    ] {
        b.push(para(t));
    }
    b.push(heading(&sheet, "PRAYER FOR RELIEF"));
    b.push(para(
        "WHEREFORE, Plaintiff prays for judgment against Defendants as follows:",
    ));
    for t in [
        "A. General and special damages in an amount to be proved at trial;",
        "B. Reasonable attorney\u{2019}s fees and costs of suit; and",
        "C. Such other relief as the Court deems just and proper.",
    ] {
        b.push(para(t));
    }
    b.push(heading(&sheet, "DEMAND FOR JURY TRIAL"));
    b.push(para(
        "Plaintiff demands a trial by jury on all claims so triable.",
    ));
    b.push(Block::Row {
        pieces: vec![
            piece(
                sheet.left,
                "Dated: February 16, 2024",
                Font::Roman,
                Align::Left,
            ),
            piece(320.0, "ACHTERBERG LEGAL, APC", Font::Roman, Align::Left),
        ],
        slots: 2,
    });
    b.extend(signature(
        320.0,
        &["By: /s/ Rosalind T. Achterberg", "Attorneys for Plaintiff"],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20240216130000-08'00'")
}

/// E.D. Wash. verdict form: "We, the jury, ... answer the questions as follows", "Question
/// No. 1", "Yes ___ No ___", the foreperson's signature.
pub fn waed_verdict() -> Doc {
    let sheet = plain(
        Some(flow::district_stamp),
        stamp("2:22-cv-00219-PQS", "141", "09/27/23", 0),
    );
    let l = sheet.left;
    let mut b = centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "EASTERN DISTRICT OF WASHINGTON",
        ],
        Font::Roman,
    );
    b.push(Block::Gap(2));
    b.extend(paren_caption(
        &sheet,
        &[
            "COLUMBIA RIDGE HAULING, LLC,",
            "",
            "      Plaintiff,",
            "",
            "      v.",
            "",
            "PALOUSE GRAIN SERVICES, INC.,",
            "",
            "      Defendant.",
        ],
        &[
            ("No. 2:22-cv-00219-PQS", Font::Roman),
            ("", Font::Roman),
            ("VERDICT FORM", Font::Bold),
        ],
        310.0,
    ));
    b.push(Block::Gap(2));
    b.push(single(
        "We, the jury in the above-entitled action, unanimously answer the questions submitted \
         to us as follows:",
        36.0,
        0.0,
    ));
    b.push(Block::Gap(1));
    for (q, text) in [
        (
            "QUESTION NO. 1:",
            "Did Defendant breach the hauling contract of March 1, 2021?",
        ),
        (
            "QUESTION NO. 2:",
            "Was Defendant\u{2019}s breach a cause of damage to Plaintiff?",
        ),
    ] {
        b.push(at(l, q, Font::Bold, 2));
        b.push(single(text, 36.0, 0.0));
        b.push(Block::Row {
            pieces: vec![
                piece(l + 72.0, "Yes ____X____", Font::Roman, Align::Left),
                piece(l + 220.0, "No _________", Font::Roman, Align::Left),
            ],
            slots: 2,
        });
        b.push(Block::Gap(1));
    }
    b.push(at(l, "QUESTION NO. 3:", Font::Bold, 2));
    b.push(single(
        "What amount of damages, if any, do you award Plaintiff?",
        36.0,
        0.0,
    ));
    b.push(at(l + 72.0, "$ 184,500.00", Font::Roman, 2));
    b.push(Block::Gap(1));
    b.push(single(
        "Please sign and date this form and notify the bailiff that you have reached a \
         verdict.",
        36.0,
        0.0,
    ));
    b.push(Block::Gap(2));
    b.push(Block::Row {
        pieces: vec![
            piece(l, "DATED: September 27, 2023", Font::Roman, Align::Left),
            piece(
                330.0,
                "______________________________",
                Font::Roman,
                Align::Left,
            ),
        ],
        slots: 1,
    });
    b.push(at(330.0, "FOREPERSON", Font::Roman, 1));
    flow::doc(lay(&sheet, &b), WORD, "D:20230927161500-07'00'")
}

/// S.D. Tex. summons in a civil action, in the form of AO 440: the court's heading, the
/// parties in boxes, "To: (Defendant's name and address)", the clerk's signature line.
pub fn txsd_summons() -> Doc {
    let sheet = plain(
        Some(flow::district_stamp),
        stamp("4:24-cv-00562", "3", "02/20/24", 0),
    );
    let l = sheet.left;
    let mut b = vec![at(
        l,
        "AO 440 (Rev. 06/12) Summons in a Civil Action",
        Font::Sans,
        1,
    )];
    b.push(Block::Gap(2));
    b.extend(centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "for the",
            "Southern District of Texas",
        ],
        Font::Roman,
    ));
    b.push(Block::Gap(2));
    for (i, (t, f)) in [
        ("GULFSTAR MARINE SUPPLY, INC.", Font::Roman),
        ("Plaintiff(s)", Font::Italic),
        ("v.", Font::Roman),
        ("BAYOU CREST FABRICATORS, LLC", Font::Roman),
        ("Defendant(s)", Font::Italic),
    ]
    .into_iter()
    .enumerate()
    {
        let mut pieces = vec![
            piece(l + 100.0, t, f, Align::Center),
            piece(l + 230.0, ")", Font::Roman, Align::Left),
        ];
        if i == 2 {
            pieces.push(piece(
                l + 250.0,
                "Civil Action No. 4:24-cv-00562",
                Font::Roman,
                Align::Left,
            ));
        }
        b.push(Block::Row { pieces, slots: 1 });
    }
    b.push(Block::Gap(2));
    b.push(center_at(306.0, "SUMMONS IN A CIVIL ACTION", Font::Bold, 2));
    b.push(at(
        l,
        "To: (Defendant\u{2019}s name and address)  Bayou Crest Fabricators, LLC",
        Font::Roman,
        1,
    ));
    b.push(at(
        l + 160.0,
        "c/o its registered agent, 1400 Travis Street, Houston, Texas 77002",
        Font::Roman,
        1,
    ));
    b.push(Block::Gap(1));
    b.push(at(
        l + 36.0,
        "A lawsuit has been filed against you.",
        Font::Roman,
        2,
    ));
    b.push(single(
        "Within 21 days after service of this summons on you (not counting the day you received \
         it) you must serve on the plaintiff an answer to the attached complaint or a motion \
         under Rule 12 of the Federal Rules of Civil Procedure. The answer or motion must be \
         served on the plaintiff or plaintiff\u{2019}s attorney, whose name and address are: \
         Tobias W. Renfro, Renfro & Castille PLLC, 700 Louisiana Street, Suite 2100, Houston, \
         Texas 77002.",
        36.0,
        0.0,
    ));
    b.push(Block::Gap(1));
    b.push(single(
        "If you fail to respond, judgment by default will be entered against you for the \
         relief demanded in the complaint. You also must file your answer or motion with the \
         court.",
        36.0,
        0.0,
    ));
    b.push(Block::Gap(2));
    b.push(at(
        330.0,
        "ODESSA D. HOLLENBECK, CLERK OF COURT",
        Font::Roman,
        1,
    ));
    b.push(Block::Gap(2));
    b.push(Block::Row {
        pieces: vec![
            piece(l, "Date: 02/20/2024", Font::Roman, Align::Left),
            piece(330.0, "s/ Carla Pinedo-Ruiz", Font::Italic, Align::Left),
        ],
        slots: 1,
    });
    b.push(at(
        330.0,
        "Signature of Clerk or Deputy Clerk",
        Font::Italic,
        1,
    ));
    flow::doc(
        lay(&sheet, &b),
        "Adobe LiveCycle Designer 11.0",
        "D:20240220101000-06'00'",
    )
}
