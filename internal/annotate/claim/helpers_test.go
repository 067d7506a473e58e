package claim

import (
	"sync"
	"testing"

	"github.com/claimtrace/claimtrace/internal/annotate/attrib"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

var (
	stageOnce sync.Once
	stageVal  *Stage
	lexVal    *lexicon.Lexicon
	stageErr  error
)

// testStage builds one Stage over the embedded lexicon for all tests.
func testStage(tb testing.TB) (*Stage, *lexicon.Lexicon) {
	tb.Helper()
	stageOnce.Do(func() {
		lexVal, stageErr = lexicon.Load()
		if stageErr != nil {
			return
		}
		var f *attrib.Finder
		f, stageErr = attrib.New(lexVal, attrib.DefaultConfig())
		if stageErr != nil {
			return
		}
		stageVal, stageErr = New(lexVal, f, DefaultConfig())
	})
	if stageErr != nil {
		tb.Fatal(stageErr)
	}
	return stageVal, lexVal
}
