package mention

import "testing"

// TestMetonymy: a capital followed by a verb of saying or wanting stands
// for its country; the same name as a place stays the city.
func TestMetonymy(t *testing.T) {
	e := testEnv(t)
	tests := []struct {
		name, text, surface, want string
	}{
		{"en subject of wanting", "The source said Washington is looking for an excuse to stay in the region for longer.", "Washington", "iso:US"},
		{"ar subject", "وقال المصدر إن واشنطن تبحث عن ذريعة لتبرير بقائها في المنطقة لفترة أطول.", "واشنطن", "iso:US"},
		{"nl subject", "Volgens diplomaten is de toon veranderd: Moskou eist eerst garanties van de andere partijen.", "Moskou", "iso:RU"},
		{"fr subject", "Selon le ministère, Téhéran dément toute implication dans l'attaque contre la base américaine.", "Téhéran", "iso:IR"},
		{"en literal place", "The delegation arrived in Washington on Monday and met officials at the State Department.", "Washington", ""},
		{"en outlet keeps its name", "The Washington Post said the talks had failed after two days of meetings in the capital.", "The Washington Post", "ct:washington-post"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := e.analyze(t, tt.text)
			found := false
			for _, m := range d.Mentions {
				if m.Text != tt.surface {
					continue
				}
				found = true
				got := ""
				if m.Entity != nil {
					got = *m.Entity
				}
				if tt.want != "" && got != tt.want {
					t.Errorf("%q -> %q, want %q", m.Text, got, tt.want)
				}
				if tt.want == "" && len(got) > 4 && got[:4] == "iso:" {
					t.Errorf("%q taken for its country %s", m.Text, got)
				}
			}
			if !found && tt.want != "" {
				t.Errorf("no mention %q in %s", tt.surface, dump(d.Mentions))
			}
		})
	}
}
