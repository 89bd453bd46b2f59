//! A file time as people read it, without a date library: `YYYY-MM-DD HH:MM` in UTC
//! (the calendar is `placard_core::civil_date`).

use std::time::{SystemTime, UNIX_EPOCH};

use placard_core::civil_date;

/// `time` to the minute, in UTC. Times before 1970 show as 1970-01-01 00:00.
pub fn utc_minute(time: SystemTime) -> String {
    let seconds = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_date(days as i64);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}", rest / 3600, rest % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn at(seconds: u64) -> String {
        utc_minute(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    #[test]
    fn known_instants() {
        assert_eq!(at(0), "1970-01-01 00:00");
        // `date -u -d @951782400`: the leap day of a year divisible by 400.
        assert_eq!(at(951_782_400), "2000-02-29 00:00");
        assert_eq!(at(1_709_210_096), "2024-02-29 12:34");
        assert_eq!(at(1_798_761_599), "2026-12-31 23:59");
        assert_eq!(at(4_107_542_400), "2100-03-01 00:00", "2100 is not a leap year");
    }
}
