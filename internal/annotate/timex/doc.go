// Package timex finds date and time expressions in a document's text and
// normalises them to ISO 8601, filling doc.Document.Times.
//
// It finds spans itself, token by token over the textnorm key of the text
// (so Arabic-Indic digits, hamza forms, accents and case do not matter), and
// resolves them with the publication date as anchor. It does not call
// go-dateparser: every form it finds it can also normalise, which keeps it
// fast (no regular expressions, one folding pass) and deterministic.
//
// # What it finds
//
//   - Day, month and year in any order and script: "20 januari 2022",
//     "January 20th, 2022", "5. Mai 2021", "12 марта 2022 года",
//     "٦ كانون الثاني ٢٠٢٢", "20 يناير/كانون الثاني 2022", day ranges
//     ("20–30 January", value "2022-01-20/2022-01-30"), and a clock time
//     right after a date ("06 January 15:23" → "--01-06T15:23").
//   - Numeric dates: 2022-01-20, 20/01/2022, 20.01.2022. They are read day
//     first, unless the first number cannot be a month and the second can
//     (01/20/2022), or Config.MonthFirst asks for American order.
//   - Month and year ("september 2021", "أيلول 2021") with precision month; a
//     year alone only after a cue word ("in 2019", "sinds 2015", "عام 2017")
//     or before a year word ("2019 году", "2019'da"), with precision year.
//   - Weekdays ("donderdag", "يوم الثلاثاء", "last Tuesday"), months with a
//     modifier ("september jongstleden", "أيلول الماضي") and relative phrases
//     ("gisteren", "منذ 3 أيام", "a month ago", "earlier this month").
//
// All language knowledge comes from the lexicon: months and weekdays
// (generated from CLDR), date_words (cue words, ordinals, modifiers) and
// relative_dates (phrases with their shift).
//
// # How values are resolved
//
//   - A date whose year is in the text has inferred_year false.
//   - A date without a year takes the publication year (inferred_year
//     true); if that puts it more than Config.FutureDays after publication,
//     it takes the year before ("3 december" in a January article).
//   - Without a publication year, a year-less date keeps the ISO 8601
//     truncated form "--MM-DD" (or "--MM") with inferred_year false: no year
//     is ever invented. Relative expressions and weekdays are then left out,
//     since they have no value at all.
//   - A bare weekday is the most recent such day on or before publication
//     (news reports the past; on the weekday of publication it is that day);
//     "last"/"jongstleden" forces strictly before, "next" strictly after.
//   - Relative expressions have relative and inferred_year true. Their
//     precision is the unit of the phrase: day, week (value "2022-W05"),
//     month or year.
//
// # What it does not do
//
// It does not flag dates that contradict their context, does not read
// seasons, decades, centuries or clock times on their own, and does not
// resolve relative expressions against a date other than publication (a
// quoted speaker's "a month ago" is resolved against publication all the
// same).
package timex
