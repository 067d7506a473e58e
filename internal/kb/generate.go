package kb

// The generated layers (data/generated/*.tsv.gz) are rebuilt from local
// copies of the data packages named in data/SOURCES.md; CLAIMTRACE_KB_SRC
// points at them. A plain build or test never regenerates.
//
//go:generate go run ./gen -src $CLAIMTRACE_KB_SRC -out data/generated
