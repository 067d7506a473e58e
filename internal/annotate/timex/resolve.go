package timex

import (
	"strconv"
	"time"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// emit appends a time for the source range [s, e).
func (sc *scan) emit(s, e int, value, prec string, inferred, relative bool) {
	if s < 0 || e > len(sc.text) || s >= e || value == "" {
		return
	}
	sc.out = append(sc.out, doc.Time{
		Start: s, End: e, Text: sc.text[s:e],
		Value: value, Precision: prec, InferredYear: inferred, Relative: relative,
	})
}

// emitDate resolves a matched date and appends it; it returns the token
// after the match, or the start token when the date cannot be resolved (a
// 29 February in a non-leap inferred year), so scanning moves on by one.
func (sc *scan) emitDate(dt date) int {
	s, e := sc.toks[dt.start].s, sc.toks[dt.end-1].e
	if dt.invalid {
		return dt.end
	}
	if dt.rel != 0 {
		if sc.emitMonthRel(s, e, dt.m, dt.rel) {
			return dt.end
		}
		return dt.start
	}
	day := max(dt.d, 1)
	y, inferred := dt.y, false
	if !dt.hasYear {
		var ok bool
		if y, ok = sc.inferYear(dt.m, day); ok {
			inferred = true
		} else {
			y = 0
		}
	}
	if dt.d > 0 && y > 0 && (!validDay(y, dt.m, dt.d) || dt.d2 > 0 && !validDay(y, dt.m, dt.d2)) {
		return dt.start
	}
	var v []byte
	prec := "day"
	switch {
	case dt.d == 0:
		prec = "month"
		v = ym(v, y, dt.m)
	default:
		v = ymd(v, y, dt.m, dt.d)
		if dt.d2 > 0 {
			v = append(v, '/')
			v = ymd(v, y, dt.m, dt.d2)
		} else if dt.hasTime {
			v = append(v, 'T')
			v = pad2(v, dt.hh)
			v = append(v, ':')
			v = pad2(v, dt.mm)
		}
	}
	sc.emit(s, e, string(v), prec, inferred, false)
	return dt.end
}

// inferYear gives a year-less date the publication year, or the year
// before when that would put it more than FutureDays after publication.
// ok is false when the publication year is unknown.
func (sc *scan) inferYear(m, d int) (int, bool) {
	a := sc.anc
	if a.prec < precYear {
		return 0, false
	}
	y := a.t.Year()
	if a.prec == precYear {
		return y, true
	}
	limit := a.t.AddDate(0, 0, sc.s.cfg.FutureDays)
	if a.prec == precMonth {
		limit = a.t.AddDate(0, 1, sc.s.cfg.FutureDays-1) // end of the month + slack
	}
	if time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).After(limit) {
		y--
	}
	return y, true
}

// emitWeekday resolves weekday wd (1 = Monday … 7 = Sunday): dir 0 is the
// most recent such day on or before publication, -1 strictly before, +1
// strictly after. It needs a publication day.
func (sc *scan) emitWeekday(s, e, wd, dir int) bool {
	if sc.anc.prec < precDay {
		return false
	}
	a := sc.anc.t
	cur := isoWeekday(a)
	var t time.Time
	if dir > 0 {
		fwd := (wd - cur + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		t = a.AddDate(0, 0, fwd)
	} else {
		back := (cur - wd + 7) % 7
		if back == 0 && dir < 0 {
			back = 7
		}
		t = a.AddDate(0, 0, -back)
	}
	sc.emit(s, e, string(ymd(nil, t.Year(), int(t.Month()), t.Day())), "day", true, true)
	return true
}

// emitMonthRel resolves "september jongstleden" (dir -1: the last such
// month before the publication month) and "next September" (dir +1).
func (sc *scan) emitMonthRel(s, e, m, dir int) bool {
	if sc.anc.prec < precMonth {
		return false
	}
	y, cur := sc.anc.t.Year(), int(sc.anc.t.Month())
	if dir < 0 && m >= cur {
		y--
	}
	if dir > 0 && m <= cur {
		y++
	}
	sc.emit(s, e, string(ym(nil, y, m)), "month", true, true)
	return true
}

// emitRel resolves a relative phrase: n units from publication.
func (sc *scan) emitRel(s, e int, u unit, n int) bool {
	need := precDay
	switch u {
	case uMonth:
		need = precMonth
	case uYear:
		need = precYear
	}
	if sc.anc.prec < need || n < -5000 || n > 5000 {
		return false
	}
	a := sc.anc.t
	var v []byte
	prec := "day"
	switch u {
	case uDay:
		t := a.AddDate(0, 0, n)
		v = ymd(v, t.Year(), int(t.Month()), t.Day())
	case uWeek:
		y, w := a.AddDate(0, 0, 7*n).ISOWeek()
		if y < 1 || y > 9999 {
			return false
		}
		v = append(itoa4b(v, y), '-', 'W')
		v = pad2(v, w)
		prec = "week"
	case uMonth:
		t := time.Date(a.Year(), a.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		v = ym(v, t.Year(), int(t.Month()))
		prec = "month"
	case uYear:
		v = itoa4b(v, a.Year()+n)
		prec = "year"
	}
	if v == nil {
		return false
	}
	sc.emit(s, e, string(v), prec, true, true)
	return true
}

func isoWeekday(t time.Time) int {
	if wd := int(t.Weekday()); wd != 0 {
		return wd
	}
	return 7
}

// validDay checks day d of month m; year 0 (unknown) allows 29 February.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// ymd appends YYYY-MM-DD, or the truncated --MM-DD when y is 0. Years
// outside 1..9999 append nothing, so the caller drops the time.
func ymd(v []byte, y, m, d int) []byte {
	if y == 0 {
		v = append(v, '-', '-')
	} else {
		if y < 1 || y > 9999 {
			return nil
		}
		v = append(itoa4b(v, y), '-')
	}
	v = append(pad2(v, m), '-')
	return pad2(v, d)
}

// ym appends YYYY-MM, or --MM when y is 0.
func ym(v []byte, y, m int) []byte {
	if y == 0 {
		return pad2(append(v, '-', '-'), m)
	}
	if y < 1 || y > 9999 {
		return nil
	}
	return pad2(append(itoa4b(v, y), '-'), m)
}

func pad2(v []byte, n int) []byte {
	if n < 10 {
		v = append(v, '0')
	}
	return strconv.AppendInt(v, int64(n), 10)
}

func itoa4b(v []byte, y int) []byte {
	if y < 1 || y > 9999 {
		return v
	}
	for d := 1000; d > y && d > 1; d /= 10 {
		v = append(v, '0')
	}
	return strconv.AppendInt(v, int64(y), 10)
}

func itoa4(y int) string {
	if y < 1 || y > 9999 {
		return ""
	}
	return string(itoa4b(nil, y))
}
