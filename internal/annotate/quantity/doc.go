// Package quantity is the pipeline stage that finds quantities: numbers
// with what they mean. "ongeveer 3.500 strijders" becomes value 3500,
// approx, of "strijders"; "meer dan 200" a minimum of 200; "tot 8000 dollar"
// a maximum of 8000 USD; "55 كم" 55 km; "duizenden burgers" a vague amount
// with no value.
//
// It reads each language segment with that language's conventions: decimal
// and thousands separators ("3.500" is 3500 in Dutch, "3,500" in English),
// digits in any script (textnorm.Digits), number words and multipliers
// ("drie", "ثلاثة", "2 miljoen", "40 тысяч"), modifiers that bound or
// soften a number, units normalised to codes (km, percent, USD, SYP, day …),
// the counted noun after the number and a casualty class from cue words in
// the same clause (killed, wounded, captured, escaped, surrendered,
// displaced, held, transferred, attackers, missing).
//
// All language knowledge is data in the lexicon (number_words,
// quantity_modifiers, units, quantity_classes, months); the code only knows
// how such words combine. Adding a language is adding those four files.
//
// What it deliberately leaves alone: numbers in codes and names ("T4",
// "MiG-29", "Covid-19", "S-300"), times ("15:23"), dates and years ("20
// januari 2022", "in 2019"), ordinals ("15th"), labels ("artikel 5",
// "الفرقة 15") and numbers inside time expressions found by the timex stage,
// durations excepted. It never changes the text; every span satisfies
// text[Start:End] == Text, spans are sorted and never overlap.
package quantity
