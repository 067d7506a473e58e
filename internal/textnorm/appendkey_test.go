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

func TestAppendWords(t *testing.T) {
	for _, s := range []string{"", "al hasaka", "الحسكة و دير الزور", "sant julia de loria", "ŝ ĉ", "a\xc3"} {
		key := Key(s)
		got := AppendWords([]Token{{Text: "x"}}, key)
		want := Words(key)
		if len(got) != len(want)+1 || got[0].Text != "x" {
			t.Fatalf("AppendWords(%q) = %v, want x then %v", key, got, want)
		}
		for i := range want {
			if got[i+1] != want[i] {
				t.Errorf("AppendWords(%q)[%d] = %v, want %v", key, i+1, got[i+1], want[i])
			}
		}
	}
}
