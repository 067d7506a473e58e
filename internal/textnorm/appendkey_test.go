package textnorm

import "testing"

func TestAppendKey(t *testing.T) {
	buf := []byte("prefix|")
	for _, s := range []string{"", "Al-Ḥasaka", "Dā‘iš", "والحسكة", "Sant Julià de Lòria", "Ğayš", "CAFÉ ß", "pаypal"} {
		got := AppendKey(buf[:7], s)
		if string(got[:7]) != "prefix|" || string(got[7:]) != Key(s) {
			t.Errorf("AppendKey(%q) = %q, want prefix|%q", s, got, Key(s))
		}
		buf = got[:0:cap(got)]
		buf = append(buf, "prefix|"...)
	}
	if n := testing.AllocsPerRun(100, func() { buf = AppendKey(buf[:0], "Sant Julià de Lòria") }); n != 0 {
		t.Errorf("AppendKey into a large enough buffer allocates %v times", n)
	}
}
