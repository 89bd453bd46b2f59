//! Days since 1970 as calendar dates, without a date library: a file's time in `placard status`
//! and a PDF/A's creation date both need only this.

/// The proleptic Gregorian date `days` after 1970-01-01. Works in 400-year eras, which repeat
/// exactly (146,097 days each), counting years from March so that the leap day falls last.
pub fn civil_date(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(59), (1970, 3, 1));
        assert_eq!(civil_date(20_423), (2025, 12, 1));
        assert_eq!(civil_date(20_819), (2027, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29), "the leap day of a year divisible by 400");
        assert_eq!(civil_date(47_541), (2100, 3, 1), "2100 is not a leap year");
        assert_eq!(civil_date(-1), (1969, 12, 31));
    }

    #[test]
    fn every_day_for_three_centuries_follows_the_one_before() {
        let mut previous = civil_date(-1);
        for days in 0..(300 * 366) {
            let (year, month, day) = civil_date(days);
            let (py, pm, pd) = previous;
            let next_day = (year, month, day) == (py, pm, pd + 1);
            let next_month =
                day == 1 && ((year == py && month == pm + 1) || (year == py + 1 && month == 1 && pm == 12));
            assert!(next_day || next_month, "{previous:?} then {:?}", (year, month, day));
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let length = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1];
            assert!(day <= length);
            previous = (year, month, day);
        }
    }
}
