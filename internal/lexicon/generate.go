package lexicon

// The month and weekday lists are generated from the CLDR tables in
// go-dateparser (the version go.mod pins) so that no month name is typed by
// hand; the output is committed and go test never regenerates it.
//go:generate go run gen.go
