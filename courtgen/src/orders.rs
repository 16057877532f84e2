//! The orders, judgments, minutes and opinions: made-up cases in the forms of real courts.
//!
//! Every name, case number and word here is invented; the forms (caption layout, the CM/ECF
//! stamp, "IT IS SO ORDERED.", the minutes form's fields) are the courts' own. What it never
//! does: draw (`flow`), or share a layout between papers other than through `shapes`.

use crate::flow::{self, lay, Align, Block};
use crate::pdf::{Doc, Font};
use crate::shapes::*;

const WORD: &str = "Microsoft\u{AE} Word 2016";

/// N.D. Cal. civil order on pleading paper: numbered clauses after "IT IS HEREBY ORDERED
/// that:", "IT IS SO ORDERED.", "Dated:", the judge and "United States District Judge".
pub fn cand_order_scheduling() -> Doc {
    let sheet = pleading(
        Some(flow::district_stamp),
        stamp("3:23-cv-04512-ABC", "59", "03/14/24", 0),
        "",
        "",
    );
    let mut b = vec![Block::Gap(14)];
    b.extend(centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "",
            "NORTHERN DISTRICT OF CALIFORNIA",
        ],
        Font::Roman,
    ));
    b.push(Block::Gap(3));
    b.extend(paren_caption(
        &sheet,
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
        &[
            ("Case No. 3:23-cv-04512-ABC", Font::Roman),
            ("", Font::Roman),
            ("ORDER SETTING CASE SCHEDULE", Font::Bold),
            ("AND REFERRING DISCOVERY", Font::Bold),
            ("DISPUTES", Font::Bold),
            ("", Font::Roman),
            ("Re: Dkt. No. 57", Font::Roman),
        ],
        300.0,
    ));
    b.push(Block::Gap(2));
    b.push(para(
        "On March 7, 2024, the Court held a case management conference in this action. \
         Counsel for Plaintiff Jane Roe and for Defendant Acme Widget Co., Inc. appeared. \
         Having considered the parties\u{2019} joint case management statement (Dkt. No. 57) \
         and the arguments of counsel, and good cause appearing, IT IS HEREBY ORDERED that:",
    ));
    b.push(para(
        "1. The parties shall complete fact discovery by September 30, 2024. Expert \
         disclosures are due October 28, 2024, and rebuttal expert disclosures are due \
         November 25, 2024.",
    ));
    b.push(para(
        "2. All discovery disputes in this action are referred to the assigned magistrate \
         judge for resolution. The parties shall meet and confer in person or by video \
         before filing any joint discovery letter brief.",
    ));
    b.push(para(
        "3. Dispositive motions shall be heard no later than February 20, 2025. The final \
         pretrial conference is set for May 8, 2025, at 2:00 p.m., and a jury trial of \
         five days shall begin on June 2, 2025, at 8:30 a.m., in Courtroom 4, 17th Floor.",
    ));
    b.push(para(
        "4. The parties shall complete private mediation by December 13, 2024, and shall \
         file a joint status report within seven days after the mediation session.",
    ));
    b.push(para(
        "5. No date set by this Order may be changed without leave of Court, on a showing \
         of good cause.",
    ));
    b.push(para("IT IS SO ORDERED."));
    b.extend(dated_and_signed(
        &sheet,
        "Dated: March 14, 2024",
        &[
            "______________________________",
            "ALMA B. CASTELLANOS",
            "United States District Judge",
        ],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20240314101500-07'00'")
}

/// E.D. Cal. criminal order: continuing a status conference and excluding time, signed by a
/// magistrate judge.
pub fn caed_order_criminal() -> Doc {
    let sheet = pleading(
        Some(flow::district_stamp),
        stamp("1:22-cr-00123-ABC", "88", "11/02/23", 0),
        "",
        "",
    );
    let mut b = vec![Block::Gap(10)];
    b.extend(centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "",
            "EASTERN DISTRICT OF CALIFORNIA",
        ],
        Font::Roman,
    ));
    b.push(Block::Gap(3));
    b.extend(paren_caption(
        &sheet,
        &[
            "UNITED STATES OF AMERICA,",
            "",
            "      Plaintiff,",
            "",
            "      v.",
            "",
            "DESMOND T. ELLERBY,",
            "",
            "      Defendant.",
        ],
        &[
            ("Case No. 1:22-cr-00123-ABC", Font::Roman),
            ("", Font::Roman),
            ("ORDER CONTINUING STATUS", Font::Bold),
            ("CONFERENCE AND EXCLUDING", Font::Bold),
            ("TIME UNDER THE SPEEDY TRIAL", Font::Bold),
            ("ACT", Font::Bold),
        ],
        300.0,
    ));
    b.push(Block::Gap(2));
    b.push(para(
        "The Court has read and considered the parties\u{2019} request to continue the status \
         conference set for November 6, 2023. Defense counsel needs more time to review the \
         discovery produced on October 20, 2023, which runs to some 4,000 pages, and to \
         consult with the defendant about it.",
    ));
    b.push(para(
        "The Court finds that the ends of justice served by the continuance outweigh the best \
         interest of the public and the defendant in a speedy trial. 18 U.S.C. \
         \u{a7} 3161(h)(7)(A), (B)(iv).",
    ));
    b.push(para(
        "Accordingly, the status conference is continued to January 8, 2024, at 1:00 p.m. \
         The time from November 6, 2023, through January 8, 2024, inclusive, is excluded \
         from the time within which trial must commence.",
    ));
    b.push(para("IT IS SO ORDERED."));
    b.extend(dated_and_signed(
        &sheet,
        "Dated: November 2, 2023",
        &[
            "/s/ Theodora P. Marchetti",
            "UNITED STATES MAGISTRATE JUDGE",
        ],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20231102153000-07'00'")
}

/// C.D. Cal. stand-alone proposed order, filed as an attachment (`Document 59-1`, with the
/// court's `Page ID #:`): an attorney block, "[PROPOSED] ORDER GRANTING ...", unsigned, the
/// date line blank.
pub fn cacd_proposed_order() -> Doc {
    let sheet = pleading(
        Some(flow::cacd_stamp),
        stamp("2:23-cv-04512-ABC-XYZ", "59-1", "03/14/24", 812),
        "[PROPOSED] ORDER GRANTING LEAVE TO FILE FIRST AMENDED COMPLAINT",
        "",
    );
    let mut b = attorney_block(
        &sheet,
        &[
            "PRIYA N. OKONKWO (SBN 301122)",
            "pokonkwo@harlanvance.example",
            "HARLAN & VANCE LLP",
            "400 South Grand Avenue, Suite 1200",
            "Los Angeles, California 90071",
            "Telephone: (213) 555-0142",
            "",
            "Attorneys for Plaintiff",
            "BRIGHTWATER FARMS, LLC",
        ],
    );
    b.push(Block::Gap(3));
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
            "BRIGHTWATER FARMS, LLC, a",
            "California limited liability company,",
            "",
            "      Plaintiff,",
            "",
            "      v.",
            "",
            "NORTHGATE LOGISTICS, INC.; and",
            "DOES 1 through 10, inclusive,",
            "",
            "      Defendants.",
        ],
        &[
            ("Case No. 2:23-cv-04512-ABC-XYZ", Font::Roman),
            ("", Font::Roman),
            ("[PROPOSED] ORDER GRANTING", Font::Bold),
            ("PLAINTIFF\u{2019}S MOTION FOR LEAVE", Font::Bold),
            ("TO FILE FIRST AMENDED", Font::Bold),
            ("COMPLAINT", Font::Bold),
            ("", Font::Roman),
            ("Judge: Hon. Adrian B. Colfax", Font::Roman),
        ],
        300.0,
    ));
    b.push(Block::Gap(2));
    b.push(para(
        "The Court, having considered Plaintiff Brightwater Farms, LLC\u{2019}s Motion for \
         Leave to File First Amended Complaint, the papers filed in support of and in \
         opposition to it, and the arguments of counsel, and good cause appearing, hereby \
         GRANTS the Motion.",
    ));
    b.push(para(
        "Plaintiff shall file its First Amended Complaint, in the form attached as Exhibit 1 \
         to the Declaration of Priya N. Okonkwo, within seven days of the date of this Order. \
         Defendant shall answer or otherwise respond within fourteen days after service.",
    ));
    b.push(para("IT IS SO ORDERED."));
    b.push(Block::Gap(1));
    b.extend(dated_and_signed(
        &sheet,
        "Dated: ____________________",
        &[
            "______________________________",
            "Hon. Adrian B. Colfax",
            "United States District Judge",
        ],
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20240314090000-07'00'")
}

/// S.D.N.Y. order: the caption boxed by dashed lines, "-against-", "23 Civ. 4512 (ABC)",
/// "SO ORDERED." with "Dated: New York, New York", the date, the judge's name and title.
pub fn nysd_order() -> Doc {
    let sheet = plain(
        Some(flow::district_stamp),
        stamp("1:23-cv-07719-RGM", "41", "03/14/24", 0),
    );
    let dash = "-".repeat(80) + " x";
    let l = sheet.left;
    let mut b = vec![
        at(l, "UNITED STATES DISTRICT COURT", Font::Roman, 1),
        at(l, "SOUTHERN DISTRICT OF NEW YORK", Font::Roman, 1),
        at(l, &dash, Font::Roman, 1),
        Block::Row {
            pieces: vec![
                piece(
                    l,
                    "HOLLIS & DRAKE PARTNERS, L.P.,",
                    Font::Roman,
                    Align::Left,
                ),
                piece(397.0, ":", Font::Roman, Align::Left),
            ],
            slots: 1,
        },
        Block::Row {
            pieces: vec![piece(397.0, ":", Font::Roman, Align::Left)],
            slots: 1,
        },
        Block::Row {
            pieces: vec![
                piece(l + 108.0, "Plaintiff,", Font::Roman, Align::Left),
                piece(397.0, ":", Font::Roman, Align::Left),
                piece(415.0, "23 Civ. 7719 (RGM)", Font::Roman, Align::Left),
            ],
            slots: 1,
        },
        Block::Row {
            pieces: vec![piece(397.0, ":", Font::Roman, Align::Left)],
            slots: 1,
        },
        Block::Row {
            pieces: vec![
                piece(l + 72.0, "-against-", Font::Roman, Align::Left),
                piece(397.0, ":", Font::Roman, Align::Left),
                piece(445.0, "ORDER", Font::Bold, Align::Left),
            ],
            slots: 1,
        },
        Block::Row {
            pieces: vec![piece(397.0, ":", Font::Roman, Align::Left)],
            slots: 1,
        },
        Block::Row {
            pieces: vec![
                piece(
                    l,
                    "QUENTIN V. ASHGROVE and MERIDIAN",
                    Font::Roman,
                    Align::Left,
                ),
                piece(397.0, ":", Font::Roman, Align::Left),
            ],
            slots: 1,
        },
        Block::Row {
            pieces: vec![
                piece(l, "HOLDINGS CORP.,", Font::Roman, Align::Left),
                piece(397.0, ":", Font::Roman, Align::Left),
            ],
            slots: 1,
        },
        Block::Row {
            pieces: vec![
                piece(l + 108.0, "Defendants.", Font::Roman, Align::Left),
                piece(397.0, ":", Font::Roman, Align::Left),
            ],
            slots: 1,
        },
        at(l, &dash, Font::Roman, 1),
        Block::Gap(1),
        at(
            l,
            "RAYMOND G. MORCOTT, United States District Judge:",
            Font::Roman,
            2,
        ),
    ];
    b.push(para(
        "On February 26, 2024, Defendants moved to stay discovery pending the resolution of \
         their motion to dismiss the amended complaint. Plaintiff opposes the stay. For the \
         reasons that follow, the motion is GRANTED in part.",
    ));
    b.push(para(
        "A court may stay discovery for good cause while a dispositive motion is pending. \
         Fed. R. Civ. P. 26(c). Courts weigh the breadth of the discovery sought, the burden \
         of answering it, the strength of the pending motion, and the prejudice a stay would \
         cause. The motion to dismiss raises substantial questions of personal jurisdiction \
         over Mr. Ashgrove, and the document requests served on him reach back ten years.",
    ));
    b.push(para(
        "Accordingly, discovery directed to Defendant Quentin V. Ashgrove is stayed pending \
         the Court\u{2019}s decision on the motion to dismiss. Discovery between Plaintiff and \
         Defendant Meridian Holdings Corp. shall proceed on the schedule previously set. The \
         Clerk of Court is respectfully directed to terminate the motion at ECF No. 37.",
    ));
    b.push(Block::Gap(1));
    b.push(at(l + 36.0, "SO ORDERED.", Font::Roman, 2));
    b.push(Block::Gap(1));
    b.push(at(l, "Dated: New York, New York", Font::Roman, 1));
    b.push(at(l + 36.0, "March 14, 2024", Font::Roman, 1));
    b.push(Block::Gap(2));
    b.push(at(330.0, "______________________________", Font::Roman, 1));
    b.push(at(345.0, "RAYMOND G. MORCOTT", Font::Roman, 1));
    b.push(at(330.0, "United States District Judge", Font::Roman, 1));
    // This one's word processor embedded its serif font.
    Doc {
        embed_serif: true,
        ..flow::doc(lay(&sheet, &b), WORD, "D:20240314113000-04'00'")
    }
}

/// D.D.C. order: "Civil Action No. 22-1234 (ABC)", a centred caption, "it is hereby ORDERED"
/// paragraphs, signed "/s/" with the date below the title.
pub fn dcd_order() -> Doc {
    let sheet = plain(
        Some(flow::district_stamp),
        stamp("1:22-cv-01234-LMK", "27", "08/09/23", 0),
    );
    let cx = 306.0;
    let mut b = centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "FOR THE DISTRICT OF COLUMBIA",
        ],
        Font::Bold,
    );
    b.push(Block::Gap(2));
    b.extend(paren_caption(
        &sheet,
        &[
            "CASCADE ADVOCATES FOR OPEN",
            "RECORDS,",
            "",
            "      Plaintiff,",
            "",
            "      v.",
            "",
            "DEPARTMENT OF THE INTERIOR,",
            "",
            "      Defendant.",
        ],
        &[
            ("", Font::Roman),
            ("", Font::Roman),
            ("", Font::Roman),
            ("", Font::Roman),
            ("Civil Action No. 22-1234 (LMK)", Font::Roman),
        ],
        310.0,
    ));
    b.push(Block::Gap(2));
    b.push(center_at(cx, "ORDER", Font::Bold, 2));
    b.push(para(
        "This Freedom of Information Act case concerns records of the agency\u{2019}s 2021 \
         review of grazing permits. Upon consideration of the parties\u{2019} Joint Status \
         Report, ECF No. 26, in which the parties report that the agency has completed its \
         production and that the only remaining dispute concerns attorney\u{2019}s fees, it \
         is hereby",
    ));
    b.push(para(
        "ORDERED that Plaintiff shall file any motion for attorney\u{2019}s fees and costs on \
         or before September 22, 2023; and it is further",
    ));
    b.push(para(
        "ORDERED that Defendant shall file its opposition within twenty-one days after the \
         motion is filed, and Plaintiff shall file any reply within fourteen days after \
         that.",
    ));
    b.push(Block::Gap(1));
    b.push(at(sheet.left + 36.0, "SO ORDERED.", Font::Roman, 2));
    b.push(Block::Gap(2));
    b.push(at(330.0, "/s/ Lena M. Kowalczyk", Font::Italic, 1));
    b.push(at(330.0, "LENA M. KOWALCZYK", Font::Roman, 1));
    b.push(at(330.0, "United States District Judge", Font::Roman, 1));
    b.push(Block::Gap(1));
    b.push(at(sheet.left, "Date: August 9, 2023", Font::Roman, 1));
    flow::doc(lay(&sheet, &b), WORD, "D:20230809160000-04'00'")
}

/// Eleventh Circuit clerk's order on a motion (`USCA11 Case:` stamp): stacked caption,
/// "ORDER:", "FOR THE COURT - BY DIRECTION:", the clerk.
pub fn ca11_order() -> Doc {
    let sheet = plain(
        Some(flow::ca11_stamp),
        stamp("23-12345", "12", "03/14/2024", 0),
    );
    let mut b = centered(
        &sheet,
        &[
            "IN THE UNITED STATES COURT OF APPEALS",
            "",
            "FOR THE ELEVENTH CIRCUIT",
            "",
            "____________________",
            "",
            "No. 23-12345",
            "____________________",
            "",
            "DELPHINE OYELARAN,",
            "",
            "Plaintiff-Appellant,",
            "",
            "versus",
            "",
            "SUNCOAST MUTUAL INSURANCE COMPANY,",
            "",
            "Defendant-Appellee.",
            "____________________",
            "",
            "Appeal from the United States District Court",
            "for the Southern District of Florida",
            "D.C. Docket No. 1:22-cv-20417-PQR",
            "____________________",
        ],
        Font::Roman,
    );
    b.push(Block::Gap(2));
    b.push(at(sheet.left, "ORDER:", Font::Bold, 2));
    b.push(para(
        "Appellant\u{2019}s motion for a thirty-day extension of time to file her initial \
         brief is GRANTED. The initial brief and the appendix are due April 15, 2024. No \
         further extension will be granted absent extraordinary circumstances.",
    ));
    b.push(Block::Gap(2));
    b.push(at(300.0, "FOR THE COURT - BY DIRECTION:", Font::Roman, 2));
    b.push(Block::Gap(1));
    b.push(at(300.0, "CORNELIA A. WEXFORD", Font::Roman, 1));
    b.push(at(
        300.0,
        "Clerk of the United States Court of",
        Font::Roman,
        1,
    ));
    b.push(at(
        300.0,
        "Appeals for the Eleventh Circuit",
        Font::Roman,
        1,
    ));
    flow::doc(
        lay(&sheet, &b),
        "Microsoft\u{AE} Word for Microsoft 365",
        "D:20240314081200-04'00'",
    )
}

/// C.D. Cal. CIVIL MINUTES - GENERAL: the boxed fields (Case No., Date, Title), "Present:
/// The Honorable", the clerk and reporter, "Proceedings: (IN CHAMBERS) ORDER ...", and the
/// preparer's initials at the end.
pub fn cacd_minutes() -> Doc {
    let mut sheet = plain(
        Some(flow::cacd_stamp),
        stamp("2:24-cv-01187-ABC-XYZ", "33", "06/21/24", 402),
    );
    sheet.footer = minutes_footer;
    sheet.size = 11.0;
    sheet.slot = 13.0;
    sheet.slots = 50;
    let l = sheet.left;
    let mut b = centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "CENTRAL DISTRICT OF CALIFORNIA",
        ],
        Font::SansBold,
    );
    b.push(center_at(
        306.0,
        "CIVIL MINUTES - GENERAL",
        Font::SansBold,
        2,
    ));
    b.push(Block::Rule);
    b.push(Block::Row {
        pieces: vec![
            piece(l, "Case No.", Font::SansBold, Align::Left),
            piece(l + 60.0, "2:24-cv-01187-ABC-XYZ", Font::Sans, Align::Left),
            piece(400.0, "Date", Font::SansBold, Align::Left),
            piece(440.0, "June 21, 2024", Font::Sans, Align::Left),
        ],
        slots: 1,
    });
    b.push(Block::Row {
        pieces: vec![
            piece(l, "Title", Font::SansBold, Align::Left),
            piece(
                l + 60.0,
                "Teodoro Salcido v. Pinecrest Home Lending, LLC, et al.",
                Font::Sans,
                Align::Left,
            ),
        ],
        slots: 1,
    });
    b.push(Block::Rule);
    b.push(Block::Row {
        pieces: vec![
            piece(l, "Present: The Honorable", Font::SansBold, Align::Left),
            piece(
                l + 130.0,
                "ADRIAN B. COLFAX, UNITED STATES DISTRICT JUDGE",
                Font::Sans,
                Align::Left,
            ),
        ],
        slots: 2,
    });
    b.push(Block::Row {
        pieces: vec![
            piece(l + 60.0, "Marisol Tran", Font::Sans, Align::Center),
            piece(306.0, "Not Reported", Font::Sans, Align::Center),
            piece(480.0, "N/A", Font::Sans, Align::Center),
        ],
        slots: 1,
    });
    b.push(Block::Row {
        pieces: vec![
            piece(l + 60.0, "Deputy Clerk", Font::SansBold, Align::Center),
            piece(
                306.0,
                "Court Reporter / Recorder",
                Font::SansBold,
                Align::Center,
            ),
            piece(480.0, "Tape No.", Font::SansBold, Align::Center),
        ],
        slots: 1,
    });
    b.push(Block::Row {
        pieces: vec![
            piece(
                l + 110.0,
                "Attorneys Present for Plaintiff:",
                Font::SansBold,
                Align::Center,
            ),
            piece(
                420.0,
                "Attorneys Present for Defendants:",
                Font::SansBold,
                Align::Center,
            ),
        ],
        slots: 2,
    });
    b.push(Block::Row {
        pieces: vec![
            piece(l + 110.0, "None Present", Font::Sans, Align::Center),
            piece(420.0, "None Present", Font::Sans, Align::Center),
        ],
        slots: 1,
    });
    b.push(Block::Rule);
    b.push(Block::Row {
        pieces: vec![
            piece(l, "Proceedings:", Font::SansBold, Align::Left),
            piece(
                l + 80.0,
                "(IN CHAMBERS) ORDER GRANTING DEFENDANTS\u{2019} MOTION TO",
                Font::SansBold,
                Align::Left,
            ),
        ],
        slots: 1,
    });
    b.push(at(
        l + 80.0,
        "DISMISS WITH LEAVE TO AMEND [DKT. 24]",
        Font::SansBold,
        1,
    ));
    b.push(Block::Gap(1));
    let sans = |t: &str| Block::Para {
        text: t.into(),
        indent: 36.0,
        spacing: 2,
        inset: 0.0,
        font: Font::Sans,
    };
    b.push(sans(
        "Plaintiff Teodoro Salcido brings claims under the Real Estate Settlement Procedures \
         Act and state law arising from the servicing of his home loan. Defendants move to \
         dismiss the complaint for failure to state a claim. The Court finds the motion \
         suitable for decision without oral argument and vacates the hearing set for June \
         24, 2024. See Fed. R. Civ. P. 78(b); L.R. 7-15.",
    ));
    b.push(sans(
        "The complaint alleges that Plaintiff sent a qualified written request on August 3, \
         2023, but it does not allege what the request asked for or what damages followed \
         from any failure to respond. Those facts are needed to state a claim under 12 U.S.C. \
         \u{a7} 2605(e).",
    ));
    b.push(sans(
        "For these reasons, the motion is GRANTED. Plaintiff may file an amended complaint \
         within twenty-one days of this order. Failure to do so will result in dismissal of \
         the federal claim with prejudice.",
    ));
    b.push(sans("IT IS SO ORDERED."));
    b.push(Block::Gap(4));
    b.push(Block::Row {
        pieces: vec![piece(470.0, ":", Font::Sans, Align::Left)],
        slots: 1,
    });
    b.push(Block::Row {
        pieces: vec![
            piece(360.0, "Initials of Preparer", Font::Sans, Align::Left),
            piece(470.0, "mt", Font::Sans, Align::Left),
        ],
        slots: 1,
    });
    flow::doc(lay(&sheet, &b), WORD, "D:20240621143000-07'00'")
}

/// The minutes form's footer: the form number, its name and "Page i of n".
fn minutes_footer(_: &flow::FooterInfo, page: usize, of: usize) -> Vec<(f64, f64, f64, String)> {
    vec![
        (120.0, 40.0, 8.0, "CV-90 (10/08)".into()),
        (306.0, 40.0, 8.0, "CIVIL MINUTES - GENERAL".into()),
        (500.0, 40.0, 8.0, format!("Page {page} of {of}")),
    ]
}

/// S.D. Ind. final judgment (`PageID #:` stamp): a short judgment entered under Rule 58,
/// signed by the judge, the clerk's attestation beside it.
pub fn insd_judgment() -> Doc {
    let sheet = plain(
        Some(flow::insd_stamp),
        stamp("1:23-cv-00871-JQS-WNV", "64", "01/30/24", 45),
    );
    let mut b = centered(
        &sheet,
        &[
            "UNITED STATES DISTRICT COURT",
            "SOUTHERN DISTRICT OF INDIANA",
            "INDIANAPOLIS DIVISION",
        ],
        Font::Roman,
    );
    b.push(Block::Gap(2));
    b.extend(paren_caption(
        &sheet,
        &[
            "WENDELL F. HARCOURT,",
            "",
            "      Plaintiff,",
            "",
            "      v.",
            "",
            "LIMESTONE VALLEY COMMUNITY",
            "HOSPITAL, INC.,",
            "",
            "      Defendant.",
        ],
        &[
            ("", Font::Roman),
            ("", Font::Roman),
            ("", Font::Roman),
            ("", Font::Roman),
            ("No. 1:23-cv-00871-JQS-WNV", Font::Roman),
        ],
        310.0,
    ));
    b.push(Block::Gap(2));
    b.push(center_at(306.0, "FINAL JUDGMENT", Font::Bold, 2));
    b.push(para(
        "The Court, having this day granted Defendant\u{2019}s motion for summary judgment, \
         now enters final judgment pursuant to Federal Rule of Civil Procedure 58. Judgment \
         is entered in favor of Defendant Limestone Valley Community Hospital, Inc. and \
         against Plaintiff Wendell F. Harcourt. Plaintiff shall take nothing by his \
         complaint, which is dismissed with prejudice.",
    ));
    b.push(Block::Gap(1));
    b.push(at(sheet.left, "Date: 1/30/2024", Font::Roman, 2));
    b.push(Block::Gap(1));
    b.push(at(330.0, "Hon. Jessamyn Q. Stroud, Judge", Font::Roman, 1));
    b.push(at(330.0, "United States District Court", Font::Roman, 1));
    b.push(at(330.0, "Southern District of Indiana", Font::Roman, 1));
    b.push(Block::Gap(2));
    b.push(at(sheet.left, "Roger A. Pemberton, Clerk", Font::Roman, 1));
    b.push(Block::Gap(1));
    b.push(at(
        sheet.left,
        "BY: ______________________________",
        Font::Roman,
        1,
    ));
    b.push(at(
        sheet.left + 36.0,
        "Deputy Clerk, U.S. District Court",
        Font::Roman,
        1,
    ));
    b.push(Block::Gap(2));
    b.push(at(
        sheet.left,
        "Distribution to all counsel of record via CM/ECF.",
        Font::Roman,
        1,
    ));
    flow::doc(lay(&sheet, &b), WORD, "D:20240130141000-05'00'")
}

/// Third Circuit non-precedential opinion (`Case: 23-1234 Document: 45 Page: 1 Date Filed:` stamp)
/// over two pages, ending "AFFIRMED.", its starred note at the foot of page 1.
pub fn ca3_opinion() -> Doc {
    let sheet = plain(
        Some(flow::ca3_stamp),
        stamp("23-1234", "45", "03/14/2024", 0),
    );
    let mut b = centered(&sheet, &["NOT PRECEDENTIAL"], Font::Bold);
    b.push(Block::Gap(1));
    b.extend(centered(
        &sheet,
        &[
            "UNITED STATES COURT OF APPEALS",
            "FOR THE THIRD CIRCUIT",
            "_______________",
            "",
            "No. 23-1234",
            "_______________",
            "",
            "ORSOLYA KERTESZ,",
            "Appellant",
            "",
            "v.",
            "",
            "BRANDYWINE TOOL & DIE, INC.",
            "_______________",
            "",
            "On Appeal from the United States District Court",
            "for the Eastern District of Pennsylvania",
            "(D.C. Civil No. 2:21-cv-03310)",
            "District Judge: Honorable Harold J. Vanterpool",
            "_______________",
            "",
            "Submitted under Third Circuit L.A.R. 34.1(a)",
            "February 6, 2024",
            "",
            "Before: ABERNATHY, LUCERO-STAHL, and OKAFOR, Circuit Judges",
            "",
            "(Filed: March 14, 2024)",
            "_______________",
            "",
        ],
        Font::Roman,
    ));
    b.push(center_at(306.0, "OPINION*", Font::Bold, 2));
    b.push(Block::Footnote {
        mark: "*".into(),
        text: "This disposition is not an opinion of the full Court and, under I.O.P. 5.7, does \
               not constitute binding precedent."
            .into(),
    });
    b.push(center_at(306.0, "_______________", Font::Roman, 1));
    b.push(Block::Gap(1));
    b.push(at(sheet.left, "OKAFOR, Circuit Judge.", Font::Roman, 2));
    b.push(para(
        "Orsolya Kertesz appeals the District Court\u{2019}s order granting summary judgment \
         to her former employer, Brandywine Tool & Die, Inc., on her claims of age \
         discrimination. Because she did not produce evidence from which a reasonable jury \
         could find that the company\u{2019}s stated reason for her layoff was a pretext, we \
         will affirm.",
    ));
    b.push(at(sheet.left, "I.", Font::Bold, 2));
    b.push(para(
        "Kertesz worked as a quality inspector for eleven years. In 2020 the company lost \
         its largest customer and eliminated the second shift, laying off nine employees, \
         among them Kertesz, who was then fifty-eight. She sued under the Age Discrimination \
         in Employment Act, and the District Court granted summary judgment to the company.",
    ));
    b.push(at(sheet.left, "II.", Font::Bold, 2));
    b.push(para(
        "We review a grant of summary judgment de novo, viewing the record in the light \
         most favorable to the non-moving party. The company met its burden of production by \
         pointing to the loss of the customer and the elimination of the shift. Kertesz \
         responds that two younger inspectors kept their jobs, but both worked on the first \
         shift, which was not cut, and she offers nothing else to discredit the \
         company\u{2019}s reason. A plaintiff must point to weaknesses or contradictions in \
         the employer\u{2019}s explanation such that a factfinder could rationally find it \
         unworthy of credence. She has not done so.",
    ));
    b.push(at(sheet.left, "III.", Font::Bold, 2));
    b.push(para(
        "For these reasons, we will affirm the judgment of the District Court.",
    ));
    b.push(Block::Gap(2));
    b.push(at(sheet.left, "AFFIRMED.", Font::Bold, 2));
    flow::doc(lay(&sheet, &b), WORD, "D:20240314100000-05'00'")
}

/// Bankr. N.D. Ga. order (the two-line bankruptcy stamp): the judge's signature and date at
/// the top, as that court enters orders, then the "IN RE:" caption with the chapter, the
/// order, and "END OF DOCUMENT".
pub fn ganb_order() -> Doc {
    let sheet = plain(
        Some(flow::bankruptcy_stamp),
        stamp("23-10456-abc", "45", "03/14/24", 0),
    );
    let l = sheet.left;
    let mut b = vec![
        at(l, "IT IS ORDERED as set forth below:", Font::Roman, 2),
        Block::Row {
            pieces: vec![
                piece(l, "Date: March 14, 2024", Font::Roman, Align::Left),
                piece(
                    330.0,
                    "_____________________________",
                    Font::Roman,
                    Align::Left,
                ),
            ],
            slots: 1,
        },
        at(345.0, "Beatrix L. Anselm", Font::Roman, 1),
        at(330.0, "U.S. Bankruptcy Court Judge", Font::Roman, 1),
        Block::Rule,
        Block::Gap(1),
    ];
    b.extend(centered(
        &sheet,
        &[
            "UNITED STATES BANKRUPTCY COURT",
            "NORTHERN DISTRICT OF GEORGIA",
            "ATLANTA DIVISION",
        ],
        Font::Bold,
    ));
    b.push(Block::Gap(1));
    b.extend(paren_caption(
        &sheet,
        &["IN RE:", "", "HOLLOWAY BRIGHT LLC,", "", "      Debtor."],
        &[
            ("CASE NO. 23-10456-ABC", Font::Roman),
            ("", Font::Roman),
            ("CHAPTER 11", Font::Roman),
        ],
        310.0,
    ));
    b.push(Block::Gap(1));
    b.push(center_at(
        306.0,
        "ORDER GRANTING MOTION FOR RELIEF FROM THE AUTOMATIC STAY",
        Font::Bold,
        2,
    ));
    b.push(para(
        "This matter is before the Court on the Motion for Relief from the Automatic Stay \
         (Doc. No. 38) filed by Peachtree Equipment Finance, LLC (\u{201c}Movant\u{201d}) \
         as to a 2021 wheel loader held by the Debtor. No party objected, and the time to \
         object has passed. Accordingly, it is",
    ));
    b.push(para(
        "ORDERED that the Motion is GRANTED, and the automatic stay of 11 U.S.C. \
         \u{a7} 362(a) is modified to permit Movant to exercise its rights in the wheel loader \
         under applicable non-bankruptcy law. The fourteen-day stay of Fed. R. Bankr. P. \
         4001(a)(3) is waived.",
    ));
    b.push(Block::Gap(1));
    b.push(center_at(306.0, "END OF DOCUMENT", Font::Roman, 2));
    flow::doc(lay(&sheet, &b), WORD, "D:20240314150000-05'00'")
}
