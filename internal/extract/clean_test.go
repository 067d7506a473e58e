package extract

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// newTestCleaner builds a Cleaner from the embedded lexicon.
func newTestCleaner(tb testing.TB) *Cleaner {
	tb.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		tb.Fatalf("lexicon.Load: %v", err)
	}
	c, err := NewCleaner(lex, DefaultCleanConfig())
	if err != nil {
		tb.Fatalf("NewCleaner: %v", err)
	}
	return c
}

// checkCleanInvariants verifies what every Clean result must satisfy,
// whatever the input: valid UTF-8 out, every removal non-empty, At inside the
// output on a rune boundary, RawAt pointing at the removed text in the input,
// removals ordered by RawAt, and nothing but whitespace lost: the
// non-whitespace runes of the input are exactly those of the output plus the
// removed texts.
func checkCleanInvariants(tb testing.TB, in, out string, rms []doc.Removal) {
	tb.Helper()
	if !utf8.ValidString(out) {
		tb.Fatalf("output is not valid UTF-8: %q", out)
	}
	valid := utf8.ValidString(in)
	repaired := strings.ToValidUTF8(in, "\uFFFD")
	prevRaw := -1
	for i, r := range rms {
		switch {
		case r.Text == "":
			tb.Fatalf("removal %d has empty text: %+v", i, r)
		case r.Kind != doc.RemovedBoilerplate && r.Kind != doc.RemovedDuplicate && r.Kind != doc.RemovedSplice:
			tb.Fatalf("removal %d has kind %q", i, r.Kind)
		case r.At < 0 || r.At > len(out) || !utf8.RuneStart(byteAt(out, r.At)):
			tb.Fatalf("removal %d At %d outside output of %d bytes or mid-rune", i, r.At, len(out))
		case r.RawAt < prevRaw:
			tb.Fatalf("removal %d RawAt %d before previous %d: not in order", i, r.RawAt, prevRaw)
		case !strings.Contains(repaired, r.Text):
			tb.Fatalf("removal %d text %q does not occur in the input", i, r.Text)
		case valid && (r.RawAt < 0 || r.RawAt+len(r.Text) > len(in) || in[r.RawAt:r.RawAt+len(r.Text)] != r.Text):
			tb.Fatalf("removal %d text %q not at RawAt %d", i, r.Text, r.RawAt)
		}
		prevRaw = r.RawAt
	}
	count := map[rune]int{}
	for _, r := range repaired {
		if !unicode.IsSpace(r) {
			count[r]++
		}
	}
	take := func(s, what string) {
		for _, r := range s {
			if unicode.IsSpace(r) {
				continue
			}
			count[r]--
			if count[r] < 0 {
				tb.Fatalf("%s holds %q more often than the input", what, r)
			}
		}
	}
	take(out, "output")
	for _, r := range rms {
		take(r.Text, "removals")
	}
	for r, n := range count {
		if n != 0 {
			tb.Fatalf("%d × %q of the input are neither in the output nor removed", n, r)
		}
	}
}

// at returns the byte at i, or a rune-start byte at the end of s.
func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

type wantRemoval struct{ kind, text string }

func TestClean(t *testing.T) {
	c := newTestCleaner(t)
	const (
		nlCaption = "Demonstranten bij het stadhuis van Utrecht op 3 maart"
		enCaption = "Rescue workers search the rubble in Antakya on Tuesday"
		deCaption = "Soldaten patrouillieren an der Grenze bei Görlitz am Montag"
		arCaption = "عناصر من الجيش السوري في ريف حمص الشرقي أمس"
		frQuote   = "La sécurité alimentaire est devenue une question de survie"
	)
	tests := []struct {
		name     string
		in       string
		want     string   // exact output, when set
		contains []string // substrings the output must hold
		absent   []string // substrings the output must not hold
		once     []string // substrings that must occur exactly once
		removed  []wantRemoval
	}{
		// Splices.
		{
			name: "nl mid-word splice",
			in: "Onrust in Utrecht\n\n" + nlCaption + "\n\n" +
				"Volgens de woordvoerder werden veertig demon" + nlCaption + "stranten na een uur vrijgelaten.\n",
			want: "Onrust in Utrecht\n\n" + nlCaption + "\n\n" +
				"Volgens de woordvoerder werden veertig demonstranten na een uur vrijgelaten.\n",
			removed: []wantRemoval{{doc.RemovedSplice, nlCaption}},
		},
		{
			name: "en between-words splice",
			in: "Quake toll rises\n\n" + enCaption + "\n\n" +
				"The governor said the search would continue through the night " + enCaption + "and that more teams were on their way.",
			contains: []string{"through the night and that more teams"},
			once:     []string{enCaption},
			removed:  []wantRemoval{{doc.RemovedSplice, enCaption}},
		},
		{
			name: "en splice glued after a full stop",
			in: "Quake toll rises\n\nThe governor spoke at noon.\n\n" +
				"The search would continue through the night." + enCaption + "More teams were on their way.\n\n" + enCaption,
			contains: []string{"through the night. More teams"},
			once:     []string{enCaption},
			removed:  []wantRemoval{{doc.RemovedSplice, enCaption}},
		},
		{
			name: "de mid-word splice with caption after the paragraph",
			in: "Lage an der Grenze\n\nDie Bundes" + deCaption + "polizei kontrollierte am Wochenende mehr als 300 Fahrzeuge.\n\n" +
				deCaption + "\n",
			contains: []string{"Die Bundespolizei kontrollierte"},
			once:     []string{deCaption},
			removed:  []wantRemoval{{doc.RemovedSplice, deCaption}},
		},
		{
			name: "ar splice between words",
			in: "هجوم في البادية\n\n" + arCaption + "\n\n" +
				"وقال مصدر ميداني إن الهجوم " + arCaption + "استهدف حافلة للجيش على الطريق الدولي.",
			contains: []string{"إن الهجوم استهدف حافلة"},
			once:     []string{arCaption},
			removed:  []wantRemoval{{doc.RemovedSplice, arCaption}},
		},
		{
			name: "fr pull quote removes the standalone copy",
			in: "Sommet de Rome\n\nLe ministre a déclaré : « " + frQuote + " », avant de quitter la salle.\n\n" +
				frQuote + "\n\nLa réunion reprendra demain.",
			want:    "Sommet de Rome\n\nLe ministre a déclaré : « " + frQuote + " », avant de quitter la salle.\n\nLa réunion reprendra demain.",
			removed: []wantRemoval{{doc.RemovedDuplicate, frQuote}},
		},
		{
			name: "occurrence between spaces mid-sentence is left alone",
			in: "Talks in Doha\n\nThe main obstacle remained the sequencing of releases\n\n" +
				"Officials said The main obstacle remained the sequencing of releases and little else.",
			want: "Talks in Doha\n\nThe main obstacle remained the sequencing of releases\n\n" +
				"Officials said The main obstacle remained the sequencing of releases and little else.",
		},
		{
			name: "a caption ending in a number inside a longer number is not a splice",
			in: "Kop\n\nPatrouilles in de haven van Latakia op 1\n\nPatrouilles in de haven van Latakia op 18 januari, meldt het ministerie.\n\n" +
				"Patrouilles in de haven van Latakia op 1x",
			want: "Kop\n\nPatrouilles in de haven van Latakia op 1\n\nPatrouilles in de haven van Latakia op 18 januari, meldt het ministerie.\n\n" +
				"Patrouilles in de haven van Latakia op 1x",
		},
		{
			name:    "title repeated in the lede stays",
			in:      "Army says twelve killed in prison attack\n\nThe army says twelve killed in prison attack on Thursday, a statement read.\n",
			want:    "Army says twelve killed in prison attack\n\nThe army says twelve killed in prison attack on Thursday, a statement read.\n",
			removed: nil,
		},
		{
			name: "short line inside a paragraph is not a splice",
			in:   "Conclusies\n\nDe conclusies van het rapport zijn hard.\n",
			want: "Conclusies\n\nDe conclusies van het rapport zijn hard.\n",
		},
		// Boilerplate.
		{
			name: "nl comment form at the end",
			in: "Kop\n\nDe tekst van het artikel.\n\nAuteur is journalist in Den Haag.\n\nGeef een reactie\n\n" +
				"Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *\n\nReactie *\n\nNaam *\n\nE-mail *\n\nSite\n",
			want: "Kop\n\nDe tekst van het artikel.\n\nAuteur is journalist in Den Haag.\n",
			removed: []wantRemoval{
				{doc.RemovedBoilerplate, "Geef een reactie"},
				{doc.RemovedBoilerplate, "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *"},
				{doc.RemovedBoilerplate, "Reactie *"},
				{doc.RemovedBoilerplate, "Naam *"},
				{doc.RemovedBoilerplate, "E-mail *"},
				{doc.RemovedBoilerplate, "Site"},
			},
		},
		{
			name: "en WordPress trailer with separator and exact line mid-article",
			in: "Headline\n\nFirst paragraph.\n\nShare this:\n\nSecond paragraph.\n\nRead more: the long road to Idlib\n\nLast paragraph.\n\n* * *\n\n" +
				"SHARE THIS:\nTwitter\nFacebook\n\nLike this:\n\nLike Loading...\n\nRelated\n\nLeave a Reply Cancel reply\n\n" +
				"Your email address will not be published. Required fields are marked *",
			want: "Headline\n\nFirst paragraph.\n\nSecond paragraph.\n\nRead more: the long road to Idlib\n\nLast paragraph.",
			removed: []wantRemoval{
				{doc.RemovedBoilerplate, "Share this:"},
				{doc.RemovedBoilerplate, "* * *"},
				{doc.RemovedBoilerplate, "SHARE THIS:"},
				{doc.RemovedBoilerplate, "Twitter"},
				{doc.RemovedBoilerplate, "Facebook"},
				{doc.RemovedBoilerplate, "Like this:"},
				{doc.RemovedBoilerplate, "Like Loading..."},
				{doc.RemovedBoilerplate, "Related"},
				{doc.RemovedBoilerplate, "Leave a Reply Cancel reply"},
				{doc.RemovedBoilerplate, "Your email address will not be published. Required fields are marked *"},
			},
		},
		{
			name: "ar comment form without tanween and copyright",
			in: "عنوان الخبر\n\nنص المقال هنا.\n\nاترك تعليقا\n\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n\n" +
				"© 2024 جميع الحقوق محفوظة",
			want: "عنوان الخبر\n\nنص المقال هنا.",
			removed: []wantRemoval{
				{doc.RemovedBoilerplate, "اترك تعليقا"},
				{doc.RemovedBoilerplate, "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"},
				{doc.RemovedBoilerplate, "© 2024 جميع الحقوق محفوظة"},
			},
		},
		{
			name: "ar share line with tanween mid-article",
			in:   "عنوان\n\nفقرة أولى.\n\nشاركْ\n\nاترك تعليقاً\n\nفقرة ثانية.",
			want: "عنوان\n\nفقرة أولى.\n\nفقرة ثانية.",
			removed: []wantRemoval{
				{doc.RemovedBoilerplate, "شاركْ"},
				{doc.RemovedBoilerplate, "اترك تعليقاً"},
			},
		},
		{
			name: "fr comment form with typographic apostrophe",
			in: "Titre\n\nLe texte.\n\nJ’aime :\n\nLaisser un commentaire\n\n" +
				"Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
			want: "Titre\n\nLe texte.",
			removed: []wantRemoval{
				{doc.RemovedBoilerplate, "J’aime :"},
				{doc.RemovedBoilerplate, "Laisser un commentaire"},
				{doc.RemovedBoilerplate, "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"},
			},
		},
		{
			name: "de comment form and cookie notice",
			in: "Titel\n\nDer Text.\n\nTeilen mit:\n\nMehr Text.\n\nSchreibe einen Kommentar Antwort abbrechen\n\n" +
				"Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert\n\n—\n\n" +
				"Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.",
			want: "Titel\n\nDer Text.\n\nMehr Text.",
			removed: []wantRemoval{
				{doc.RemovedBoilerplate, "Teilen mit:"},
				{doc.RemovedBoilerplate, "Schreibe einen Kommentar Antwort abbrechen"},
				{doc.RemovedBoilerplate, "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"},
				{doc.RemovedBoilerplate, "—"},
				{doc.RemovedBoilerplate, "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten."},
			},
		},
		{
			name: "prefix and end phrases mid-article stay",
			in:   "Title\n\nWebsite\n\nFollow us on the road: a reporter's diary from Mosul.\n\nThe end of the story.\n",
			want: "Title\n\nWebsite\n\nFollow us on the road: a reporter's diary from Mosul.\n\nThe end of the story.\n",
		},
		{
			name: "trailing separator alone stays",
			in:   "Title\n\nThe story.\n\n***\n",
			want: "Title\n\nThe story.\n\n***\n",
		},
		// Slugs.
		{
			name:    "ar slug glued to an English title",
			in:      "Attack on the army. Hidden support.هجوم-على-الجيش-دعم-خفي\n\nBody text.",
			want:    "Attack on the army. Hidden support.\n\nBody text.",
			removed: []wantRemoval{{doc.RemovedBoilerplate, "هجوم-على-الجيش-دعم-خفي"}},
		},
		{
			name:    "ar slug glued to an Arabic title",
			in:      "عنوان الخبر هنا.كلمة-كلمة-كلمة-كلمة\n\nنص.",
			want:    "عنوان الخبر هنا.\n\nنص.",
			removed: []wantRemoval{{doc.RemovedBoilerplate, "كلمة-كلمة-كلمة-كلمة"}},
		},
		{
			name:    "latin slug alone on its line",
			in:      "Police arrest four in Rotterdam\nsome-article-title-here-123\n\nThe text.",
			want:    "Police arrest four in Rotterdam\n\nThe text.",
			removed: []wantRemoval{{doc.RemovedBoilerplate, "some-article-title-here-123"}},
		},
		{
			name:    "latin slug glued to a Latin title",
			in:      "Police arrest four in Rotterdam.police-arrest-four-in-rotterdam\n\nThe text.",
			want:    "Police arrest four in Rotterdam.\n\nThe text.",
			removed: []wantRemoval{{doc.RemovedBoilerplate, "police-arrest-four-in-rotterdam"}},
		},
		{
			name:    "foreign-script slug at the end of a line",
			in:      "Breaking news from Aleppo هجوم-على-حلب-اليوم\n\nText.",
			want:    "Breaking news from Aleppo\n\nText.",
			removed: []wantRemoval{{doc.RemovedBoilerplate, "هجوم-على-حلب-اليوم"}},
		},
		{
			name:    "foreign-script slug at the start of a line",
			in:      "breaking-news-from-aleppo-today عاجل من حلب\n\nنص.",
			want:    "عاجل من حلب\n\nنص.",
			removed: []wantRemoval{{doc.RemovedBoilerplate, "breaking-news-from-aleppo-today"}},
		},
		{
			name: "hyphenated phrases, URLs, ISBNs and road names are not slugs",
			in: "A state-of-the-art facility opened near the border.\n\nSee https://example.com/some-article-title-here for more.\n\n" +
				"978-3-16-148410-0\n\nطريق دير-الزور-تدمر-البوكمال الصحراوي\n\nIt was a one-in-a-million chance.\n\nAl-Dayr-az-Zur-Road",
			want: "A state-of-the-art facility opened near the border.\n\nSee https://example.com/some-article-title-here for more.\n\n" +
				"978-3-16-148410-0\n\nطريق دير-الزور-تدمر-البوكمال الصحراوي\n\nIt was a one-in-a-million chance.\n\nAl-Dayr-az-Zur-Road",
		},
		// Duplicates.
		{
			name:    "nl consecutive caption lines",
			in:      "Kop\n\nRussische schepen in de haven van Tartus op 2 mei\nRussische schepen in de haven van Tartus op 2 mei\n\nTekst.",
			want:    "Kop\n\nRussische schepen in de haven van Tartus op 2 mei\n\nTekst.",
			removed: []wantRemoval{{doc.RemovedDuplicate, "Russische schepen in de haven van Tartus op 2 mei"}},
		},
		{
			name: "short repeated headings and separators stay",
			in:   "Kop\n\nConclusies\n\nTekst een.\n\n***\n\nConclusies\n\n***\n\nTekst twee.",
			want: "Kop\n\nConclusies\n\nTekst een.\n\n***\n\nConclusies\n\n***\n\nTekst twee.",
		},
		{
			name:    "en caption repeating the title",
			in:      "The latest attack on the army. Hidden support for the group.\n\nBody.\n\nPic: The latest attack on the army. Hidden support for the group\n\nMore body.",
			want:    "The latest attack on the army. Hidden support for the group.\n\nBody.\n\nMore body.",
			removed: []wantRemoval{{doc.RemovedDuplicate, "Pic: The latest attack on the army. Hidden support for the group"}},
		},
		{
			name:    "de caption repeating an earlier paragraph",
			in:      "Titel\n\nDie Brücke über den Rhein wurde am Montag gesperrt.\n\nBild: Die Brücke über den Rhein wurde am Montag gesperrt\n\nText.",
			want:    "Titel\n\nDie Brücke über den Rhein wurde am Montag gesperrt.\n\nText.",
			removed: []wantRemoval{{doc.RemovedDuplicate, "Bild: Die Brücke über den Rhein wurde am Montag gesperrt"}},
		},
		{
			name:    "ar caption with spaced colon repeating the title",
			in:      "هجوم داعش الأخير على الجيش السوري\n\nنص الخبر.\n\nالصورة : هجوم داعش الأخير على الجيش السوري",
			want:    "هجوم داعش الأخير على الجيش السوري\n\nنص الخبر.",
			removed: []wantRemoval{{doc.RemovedDuplicate, "الصورة : هجوم داعش الأخير على الجيش السوري"}},
		},
		{
			name: "caption that repeats nothing stays",
			in:   "Kop\n\nFoto: ANP\n\nTekst.\n\nFoto: ANP",
			want: "Kop\n\nFoto: ANP\n\nTekst.\n\nFoto: ANP",
		},
		{
			name:    "later paragraph repeated verbatim with other spacing",
			in:      "Title\n\nThe minister resigned on Friday evening.\n\nOther text.\n\nThe  minister resigned\ton Friday evening.",
			want:    "Title\n\nThe minister resigned on Friday evening.\n\nOther text.",
			removed: []wantRemoval{{doc.RemovedDuplicate, "The  minister resigned\ton Friday evening."}},
		},
		// Whitespace.
		{
			name: "CRLF and blank-line runs",
			in:   "\r\n\r\nTitle\r\n\r\n\r\n\r\nText one.\rText two.\r\n  \r\n\r\n",
			want: "Title\n\nText one.\nText two.\n",
		},
		{name: "empty", in: "", want: ""},
		{name: "only blank lines", in: "\n \n\t\n", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rms := c.Clean(tt.in)
			checkCleanInvariants(t, tt.in, out, rms)
			if tt.want != "" || tt.contains == nil && tt.absent == nil && tt.once == nil {
				if out != tt.want {
					t.Errorf("Clean output\n got: %q\nwant: %q", out, tt.want)
				}
			}
			for _, s := range tt.contains {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(out, s) {
					t.Errorf("output still holds %q:\n%s", s, out)
				}
			}
			for _, s := range tt.once {
				if n := strings.Count(out, s); n != 1 {
					t.Errorf("output holds %q %d times, want once:\n%s", s, n, out)
				}
			}
			if len(rms) != len(tt.removed) {
				t.Fatalf("got %d removals, want %d: %+v", len(rms), len(tt.removed), rms)
			}
			for i, w := range tt.removed {
				if rms[i].Kind != w.kind || rms[i].Text != w.text {
					t.Errorf("removal %d = %s %q, want %s %q", i, rms[i].Kind, rms[i].Text, w.kind, w.text)
				}
				if rms[i].Reason == "" {
					t.Errorf("removal %d has no reason", i)
				}
			}
		})
	}
}

// TestCleanAt checks that At points where the removed piece stood.
func TestCleanAt(t *testing.T) {
	c := newTestCleaner(t)
	const cap = "Rescue workers search the rubble in Antakya on Tuesday"
	in := "Title.slug-of-the-title-here\r\n\r\nThe search goes on " + cap + "through the night.\r\n\r\n" + cap + "\r\n\r\nShare this:\r\n"
	out, rms := c.Clean(in)
	checkCleanInvariants(t, in, out, rms)
	want := map[string]int{
		"slug-of-the-title-here": len("Title."),
		cap:                      strings.Index(out, "through"),
		"Share this:":            len(strings.TrimSuffix(out, "\n")), // the end of the last line
	}
	if len(rms) != len(want) {
		t.Fatalf("got %d removals, want %d: %+v", len(rms), len(want), rms)
	}
	for _, r := range rms {
		if w, ok := want[r.Text]; !ok || r.At != w {
			t.Errorf("removal %q At = %d, want %d (output %q)", r.Text, r.At, w, out)
		}
	}
}

func TestNewCleanerErrors(t *testing.T) {
	if _, err := NewCleaner(nil, DefaultCleanConfig()); !errors.Is(err, ErrNoLexicon) {
		t.Errorf("nil lexicon: err = %v, want ErrNoLexicon", err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewCleaner(lex, CleanConfig{MinSpliceBytes: -1}); err == nil {
		t.Error("negative MinSpliceBytes: no error")
	}
	if _, err := NewCleaner(lex, CleanConfig{MinSpliceBytes: 700}); err == nil {
		t.Error("MinSpliceBytes above MaxSpliceBytes: no error")
	}
	if _, err := NewCleaner(lex, CleanConfig{}); err != nil {
		t.Errorf("zero config should mean defaults: %v", err)
	}
	for name, body := range map[string]string{
		"unknown mode": "Leave a reply\tsometimes\n",
		"no letters":   "***\n",
	} {
		fsys := fstest.MapFS{"data/en/boilerplate.txt": {Data: []byte(body)}}
		lx, err := lexicon.LoadFS(fsys, "data")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NewCleaner(lx, DefaultCleanConfig()); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestCleanerConcurrent runs one Cleaner from many goroutines; with -race it
// proves Clean keeps no shared mutable state.
func TestCleanerConcurrent(t *testing.T) {
	c := newTestCleaner(t)
	in := benchText(2)
	want, _ := c.Clean(in)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got, _ := c.Clean(in); got != want {
					t.Error("concurrent Clean gave a different result")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Share this:", "share this"},
		{"  LEAVE   a Reply *", "leave a reply"},
		{"J’aime", "j'aime"},
		{"Het e-mailadres", "het emailadres"},
		{"اترك تعليقاً", "اترك تعليقا"},
		{"أضف تعليق", "اضف تعليق"},
		{"اشتراک‌گذاری", "اشتراك گذاري"},
		{"— Like Loading… —", "like loading"},
		{"© 2024 Foo", "2024 foo"},
		{"***", ""},
	}
	for _, tt := range tests {
		if got := string(foldPhrase(nil, tt.in)); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOffsetMap(t *testing.T) {
	// "aXXb" → "aYb": in [1,3) became out [1,2).
	m := offsetMap{{inStart: 1, inEnd: 3, outStart: 1, outEnd: 2}}
	for _, tt := range []struct{ in, out int }{{0, 0}, {1, 1}, {2, 1}, {3, 2}, {4, 3}} {
		if got := m.forward(tt.in); got != tt.out {
			t.Errorf("forward(%d) = %d, want %d", tt.in, got, tt.out)
		}
	}
	for _, tt := range []struct{ out, in int }{{0, 0}, {1, 1}, {2, 3}, {3, 4}} {
		if got := m.backward(tt.out); got != tt.in {
			t.Errorf("backward(%d) = %d, want %d", tt.out, got, tt.in)
		}
	}
}

// TestBoilerplateLists checks the lexicon data itself: every language the
// clean-up promises has a list, and every phrase, written as the last line
// of an article, is removed (exact phrases also mid-article), so a typo in a
// mode or a phrase that folds oddly shows up here.
func TestBoilerplateLists(t *testing.T) {
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := newTestCleaner(t)
	for _, lang := range []string{"ar", "de", "en", "es", "fa", "fr", "id", "it", "nl", "pl", "pt", "ru", "tr"} {
		if len(lex.List(lang, "boilerplate")) == 0 {
			t.Errorf("%s: no boilerplate list", lang)
		}
		if len(lex.List(lang, "caption_labels")) == 0 {
			t.Errorf("%s: no caption_labels list", lang)
		}
	}
	const body = "Headline of the story\n\nThe article itself, long enough to be prose.\n\n"
	for _, e := range lex.All("boilerplate") {
		in := body + e.Text + "\n"
		out, rms := c.Clean(in)
		if out != body[:len(body)-1] || len(rms) != 1 || rms[0].Text != e.Text {
			t.Errorf("%s %q (%s) at the end: not removed alone: %q %+v", e.Lang, e.Text, e.Value, out, rms)
		}
		if e.Value != "" && e.Value != "exact" {
			continue
		}
		in = body + e.Text + "\n\nMore prose after it.\n"
		if out, rms := c.Clean(in); len(rms) != 1 || strings.Contains(out, e.Text) {
			t.Errorf("%s %q mid-article: not removed: %+v", e.Lang, e.Text, rms)
		}
	}
}

// TestCaptionLabels checks every caption label: a caption repeating the
// title behind it is removed as a duplicate.
func TestCaptionLabels(t *testing.T) {
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := newTestCleaner(t)
	const title = "Protesters gather outside the parliament in the capital"
	for _, e := range lex.All("caption_labels") {
		caption := e.Text + " " + title
		in := title + ".\n\nThe article itself.\n\n" + caption + "\n\nMore prose.\n"
		out, rms := c.Clean(in)
		if strings.Contains(out, caption) || len(rms) != 1 || rms[0].Kind != doc.RemovedDuplicate {
			t.Errorf("%s label %q: caption not removed as duplicate: %+v", e.Lang, e.Text, rms)
		}
	}
}
