//! The Hijri calendar as Saudi Arabia publishes it (Umm al-Qura), converted with ICU4X's
//! `icu_calendar`, whose tables are KACST's own for 1300–1600 AH (a tabular calendar outside
//! them).

use icu_calendar::Date as IcuDate;
use icu_calendar::cal::Hijri;
use jiff::ToSpan;
use jiff::civil::Date;

/// A Hijri date: year (AH), month 1–12, day 1–30.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HijriDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Years this module converts: the Umm al-Qura tables and a margin either side. A number outside
/// them is no Hijri year a newsroom writes.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1300..=1600;

/// The Gregorian day of a Hijri date. Day 30 of a month that has 29 days in the tables (a month
/// begun by sighting a day later than Umm al-Qura) is the day after the 29th.
pub(crate) fn to_gregorian(h: HijriDate) -> Option<Date> {
    if !YEARS.contains(&h.year) || !(1..=12).contains(&h.month) || !(1..=30).contains(&h.day) {
        return None;
    }
    let convert = |day: u8| -> Option<Date> {
        let iso = IcuDate::try_new_hijri_with_calendar(h.year, h.month, day, Hijri::new_umm_al_qura()).ok()?.to_iso();
        Date::new(i16::try_from(iso.era_year().extended_year).ok()?, iso.month().ordinal as i8, iso.day_of_month().0 as i8).ok()
    };
    match convert(h.day) {
        Some(d) => Some(d),
        None if h.day == 30 => convert(29)?.checked_add(1.day()).ok(),
        None => None,
    }
}

/// The Hijri date of a Gregorian day.
pub(crate) fn from_gregorian(d: Date) -> Option<HijriDate> {
    let iso = IcuDate::try_new_iso(i32::from(d.year()), d.month() as u8, d.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some(HijriDate { year: h.era_year().extended_year, month: h.month().ordinal, day: h.day_of_month().0 })
}

/// The first and last Gregorian days of a Hijri month.
pub(crate) fn month_days(year: i32, month: u8) -> Option<(Date, Date)> {
    let first = to_gregorian(HijriDate { year, month, day: 1 })?;
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    let next = to_gregorian(HijriDate { year: ny, month: nm, day: 1 })?;
    Some((first, next.checked_sub(1.day()).ok()?))
}

/// The first and last Gregorian days of a Hijri year.
pub(crate) fn year_days(year: i32) -> Option<(Date, Date)> {
    let first = to_gregorian(HijriDate { year, month: 1, day: 1 })?;
    let next = to_gregorian(HijriDate { year: year + 1, month: 1, day: 1 })?;
    Some((first, next.checked_sub(1.day()).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn g(year: i32, month: u8, day: u8) -> Date {
        to_gregorian(HijriDate { year, month, day }).unwrap()
    }

    #[test]
    fn umm_al_qura_days_match_published_dates() {
        // Saudi announcements and the Umm al-Qura calendar's own tables.
        assert_eq!(g(1446, 9, 1), date(2025, 3, 1)); // 1 Ramadan 1446
        assert_eq!(g(1446, 1, 1), date(2024, 7, 7)); // 1 Muharram 1446
        assert_eq!(g(1436, 10, 15), date(2015, 7, 31)); // a Friday
        assert_eq!(g(1444, 9, 29), date(2023, 4, 20));
        assert_eq!(g(1440, 3, 19), date(2018, 11, 27));
        assert_eq!(g(1440, 4, 25), date(2019, 1, 1));
        assert_eq!(g(1440, 12, 9), date(2019, 8, 10)); // the day of Arafah 1440
        assert_eq!(g(1441, 1, 15), date(2019, 9, 14));
        assert_eq!(g(1445, 12, 10), date(2024, 6, 16)); // Eid al-Adha 1445
    }

    #[test]
    fn gregorian_days_convert_back() {
        assert_eq!(from_gregorian(date(2024, 11, 13)), Some(HijriDate { year: 1446, month: 5, day: 11 }));
        for d in [date(2015, 7, 31), date(2023, 4, 20), date(2019, 8, 10)] {
            assert_eq!(to_gregorian(from_gregorian(d).unwrap()), Some(d));
        }
    }

    #[test]
    fn months_years_and_impossible_days() {
        assert_eq!(month_days(1444, 10), Some((date(2023, 4, 21), date(2023, 5, 20)))); // Shawwal 1444
        assert_eq!(year_days(1446), Some((date(2024, 7, 7), date(2025, 6, 25))));
        assert_eq!(to_gregorian(HijriDate { year: 1446, month: 13, day: 1 }), None);
        assert_eq!(to_gregorian(HijriDate { year: 1446, month: 1, day: 31 }), None);
        assert_eq!(to_gregorian(HijriDate { year: 99, month: 1, day: 1 }), None);
        // Ramadan 1446 has 29 days in the tables (Eid al-Fitr on 30 March 2025): a 30th is
        // the next day.
        assert_eq!(month_days(1446, 9), Some((date(2025, 3, 1), date(2025, 3, 29))));
        assert_eq!(g(1446, 9, 30), date(2025, 3, 30));
    }
}
