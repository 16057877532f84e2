//! Dates as judges write them, read into ISO "YYYY-MM-DD".
//!
//! [`parse_date`] finds the first real calendar date in a piece of text (a "Dated:" line, a
//! signature block, an order's closing) in the forms US courts print: "April 20, 2022",
//! "Apr. 20, 2022", "May 3rd, 2022", "20 April 2022", "this 3rd day of May, 2022" (also with the
//! year in words, "two thousand twenty-five"), "5/3/22", "05/03/2022" and "2022-05-03".
//!
//! It never guesses: a date without a day ("April 2022") or without a year ("April 20"), a blank
//! day ("this ____ day of May, 2022") or an impossible day ("February 30, 2021") is no date, and
//! numeric dates are read month first only, as US courts write them. It does no I/O.

use crate::pattern::Pattern;

use regex::{Captures, Regex};

/// A month name or its abbreviation, as a regex group named `name` (case-insensitive at use).
fn month(name: &str) -> String {
    format!(
        r"(?P<{name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept(?:ember)?|sep|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
    )
}

/// A year in words from 2000 to 2099: "two thousand", "two thousand and nine", "two thousand
/// twenty-five".
const YEAR_WORDS: &str = r"two\s+thousand(?:\s+(?:and\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine))?\b";

/// Every supported form, one alternative each, with its own group names:
/// `o_` "3rd day of May, 2022", `m_` "May 3, 2022", `d_` "3 May 2022", `n_` "5/3/22",
/// `i_` "2022-05-03".
static DATE_RE: Pattern = Pattern::new(|| {
    let ordinal = r"(?:st|nd|rd|th)?";
    let comma = r"(?:\s*,\s*|\s+)";
    let day_of = format!(
        r"\b(?P<o_day>[0-9]{{1,2}}){ordinal}\s+day\s+of\s+{}{comma}(?:a\.?\s?d\.?\s+)?(?:(?P<o_year>[0-9]{{4}})\b|(?P<o_words>{YEAR_WORDS}))",
        month("o_mon")
    );
    let month_first = format!(
        // A day's two digits set apart by a kerning gap ("September 2 3 , 2020") are one day.
        r"\b{}\s*(?P<m_day>[0-9](?: ?[0-9])?){ordinal}{comma}(?P<m_year>[0-9]{{4}})\b",
        month("m_mon")
    );
    let day_first = format!(
        r"\b(?P<d_day>[0-9]{{1,2}}){ordinal}\s+(?:of\s+)?{},?\s+(?P<d_year>[0-9]{{4}})\b",
        month("d_mon")
    );
    let numeric = r"\b(?P<n_mon>[0-9]{1,2})/(?P<n_day>[0-9]{1,2})/(?P<n_year>[0-9]{4}|[0-9]{2})\b";
    let iso = r"\b(?P<i_year>[0-9]{4})-(?P<i_mon>[0-9]{1,2})-(?P<i_day>[0-9]{1,2})\b";
    let pattern = format!(r"(?i){day_of}|{month_first}|{day_first}|{numeric}|{iso}");
    // Built from the fixed pieces above; it always compiles.
    Regex::new(&pattern).expect("date pattern from fixed pieces compiles")
});

/// The first date in `text` as ISO "YYYY-MM-DD", from forms judges' signature blocks and orders use:
/// "April 20, 2022", "Apr. 20, 2022", "April 20 , 2022", "20 April 2022", "this 3rd day of May, 2022",
/// "this 3rd day of May 2022", "the 15th day of January, 2021", "5/3/22", "05/03/2022", "2022-05-03",
/// "May 3rd, 2022"; None when there is none or it is not a real calendar date.
pub fn parse_date(text: &str) -> Option<String> {
    DATE_RE
        .get()
        .captures_iter(text)
        .find_map(|caps| read(&caps))
}

/// The last date in `text`: its byte span and ISO form (a date set at a line's end, beside a
/// title: "Clerk of Court      October 20, 2025").
pub fn last_date(text: &str) -> Option<(usize, usize, String)> {
    DATE_RE
        .get()
        .captures_iter(text)
        .filter_map(|caps| {
            let m = caps.get(0)?;
            read(&caps).map(|d| (m.start(), m.end(), d))
        })
        .last()
}

/// The date one match of [`DATE_RE`] spells, if it is a real one.
fn read(caps: &Captures) -> Option<String> {
    let num = |name: &str| {
        caps.name(name)?
            .as_str()
            .replace(' ', "")
            .parse::<u32>()
            .ok()
    };
    let mon = |name: &str| month_number(caps.name(name)?.as_str());
    let (year, month, day) = if caps.name("o_day").is_some() {
        let year = match caps.name("o_words") {
            Some(words) => year_from_words(words.as_str())?,
            None => four_digit_year(num("o_year")?)?,
        };
        (year, mon("o_mon")?, num("o_day")?)
    } else if caps.name("m_day").is_some() {
        (
            four_digit_year(num("m_year")?)?,
            mon("m_mon")?,
            num("m_day")?,
        )
    } else if caps.name("d_day").is_some() {
        (
            four_digit_year(num("d_year")?)?,
            mon("d_mon")?,
            num("d_day")?,
        )
    } else if let Some(year) = caps.name("n_year") {
        let short = year.as_str().len() == 2;
        let year = num("n_year")?;
        let year = if short {
            two_digit_year(year)
        } else {
            four_digit_year(year)?
        };
        (year, num("n_mon")?, num("n_day")?)
    } else {
        (
            four_digit_year(num("i_year")?)?,
            num("i_mon")?,
            num("i_day")?,
        )
    };
    (day >= 1 && day <= days_in_month(year, month)?)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// 1 to 12 for a month name or abbreviation the pattern accepted.
fn month_number(name: &str) -> Option<u32> {
    let prefix: String = name.chars().take(3).flat_map(char::to_lowercase).collect();
    let number = match prefix.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(number)
}

/// A four-digit year, refusing "0000"-style years no document is dated in.
fn four_digit_year(year: u32) -> Option<u32> {
    (1000..=9999).contains(&year).then_some(year)
}

/// "22" -> 2022, "85" -> 1985: 00-69 are 20xx, 70-99 are 19xx.
fn two_digit_year(year: u32) -> u32 {
    if year < 70 {
        2000 + year
    } else {
        1900 + year
    }
}

/// The year that [`YEAR_WORDS`] matched, e.g. "two thousand twenty-five" -> 2025.
fn year_from_words(words: &str) -> Option<u32> {
    let lower = words.to_lowercase();
    let rest = lower.split_once("thousand")?.1;
    let mut year = 2000;
    for word in rest.split(|c: char| c.is_whitespace() || c == '-') {
        year += match word {
            "" | "and" => 0,
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            _ => return None,
        };
    }
    Some(year)
}

/// Days in `month` of `year` (Gregorian), `None` for a month outside 1..=12.
pub fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    Some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(
            parse_date(input).as_deref(),
            expected,
            "parse_date({input:?})"
        );
    }

    #[test]
    fn month_name_first() {
        check("April 20, 2022", Some("2022-04-20"));
        check("Apr. 20, 2022", Some("2022-04-20"));
        check("April 20 , 2022", Some("2022-04-20"));
        check("April 20 2022", Some("2022-04-20"));
        // A kerning gap inside the day.
        check("Dated: September 2 3 , 2020", Some("2020-09-23"));
        check("May 1 2020", Some("2020-05-01"));
        check("May 3rd, 2022", Some("2022-05-03"));
        check("Dated: August 5, 2016", Some("2016-08-05"));
        check("DATED: June 30, 2020", Some("2020-06-30"));
        check("ENTERED October 2, 2019.", Some("2019-10-02"));
        check("Sept. 9, 2019", Some("2019-09-09"));
        check(
            "Dated:\n\nDecember 1, 2020\nUNITED STATES DISTRICT JUDGE",
            Some("2020-12-01"),
        );
        check(
            "IT IS SO ORDERED.\nDated: March\u{a0}15, 2021",
            Some("2021-03-15"),
        );
    }

    #[test]
    fn day_first() {
        check("20 April 2022", Some("2022-04-20"));
        check(
            "Heard in the Supreme Court on 23 March 2021.",
            Some("2021-03-23"),
        );
        check(
            "an order entered on 2\nFebruary 2018 by Judge",
            Some("2018-02-02"),
        );
        check("this 3rd day of May, 2022", Some("2022-05-03"));
        check("this 3rd day of May 2022", Some("2022-05-03"));
        check("the 15th day of January, 2021", Some("2021-01-15"));
        check(
            "DATED this the 16th day of April, 2021.",
            Some("2021-04-16"),
        );
        check(
            "on the\n15th day of July, two thousand twenty-five.",
            Some("2025-07-15"),
        );
        check(
            "this 1st day of March, two thousand nineteen",
            Some("2019-03-01"),
        );
    }

    #[test]
    fn numeric() {
        check("5/3/22", Some("2022-05-03"));
        check("05/03/2022", Some("2022-05-03"));
        check("12/31/99", Some("1999-12-31"));
        check("1/1/70", Some("1970-01-01"));
        check("2/29/00", Some("2000-02-29"));
        check("Filed 06/30/20 Page 2 of 9", Some("2020-06-30"));
        check("2022-05-03", Some("2022-05-03"));
    }

    #[test]
    fn first_real_date_wins() {
        check(
            "Filed 12/02/20. Dated: December 1, 2020",
            Some("2020-12-02"),
        );
        check(
            "Dated this _____ day of September, 2021; entered 9/30/21",
            Some("2021-09-30"),
        );
        check("February 30, 2021 (sic); March 1, 2021", Some("2021-03-01"));
    }

    #[test]
    fn not_dates() {
        check("Case No. 2:17-cv-04999", None);
        check("Page 1 of 2", None);
        check("February 30, 2021", None);
        check("February 29, 2021", None);
        check("April 31, 2022", None);
        check("13/45/2020", None);
        check("2022-13-01", None);
        check("Docket No. 2019-06-0263", None);
        check("April 2022", None);
        check("April 20", None);
        check("Dated this _____ day of September, 2021", None);
        check("DATED: ______________________", None);
        check("Marshall 20, 2020", None);
        check("the parties may 2 weeks", None);
        check("T.C. Memo. 2020-26", None);
        check("April 0, 2022", None);
        check("5/3", None);
        check("", None);
    }

    #[test]
    fn leap_years() {
        check("February 29, 2020", Some("2020-02-29"));
        check("February 29, 1900", None);
        check("February 29, 2000", Some("2000-02-29"));
    }
}
