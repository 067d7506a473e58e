package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	off := newProgress(&b, false)
	off.tick(10, 0)
	off.clear()
	if b.Len() != 0 {
		t.Fatalf("progress off wrote %q", b.String())
	}
	on := newProgress(&b, true)
	on.last = time.Now().Add(-2 * time.Second)
	on.tick(5, 1)
	if !strings.Contains(b.String(), "5 documents, 1 failed") {
		t.Errorf("progress line = %q", b.String())
	}
	on.tick(6, 1) // within a second: no redraw
	if strings.Count(b.String(), "documents") != 1 {
		t.Errorf("redrew within a second: %q", b.String())
	}
	on.clear()
	if !strings.HasSuffix(b.String(), "\r\033[K") {
		t.Errorf("clear did not erase the line: %q", b.String())
	}
}
