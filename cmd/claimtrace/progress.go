package main

import (
	"fmt"
	"io"
	"time"
)

// progress shows a one-line count on an interactive stderr while a long
// analysis runs; in pipes and logs it prints nothing.
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	last  time.Time
	shown bool
}

func newProgress(w io.Writer, on bool) *progress {
	now := time.Now()
	return &progress{w: w, on: on, start: now, last: now}
}

// tick redraws the line at most once a second.
func (p *progress) tick(done, failed int) {
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < time.Second {
		return
	}
	p.last = now
	rate := float64(done) / now.Sub(p.start).Seconds()
	fmt.Fprintf(p.w, "\r\033[Kclaimtrace: %d documents, %d failed, %.0f docs/s", done, failed, rate)
	p.shown = true
}

// clear removes the line before other output goes to stderr.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
