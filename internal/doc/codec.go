package doc

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// Encoder writes documents as JSON Lines (one object per line), or indented
// JSON for humans. It does not escape <, > and & so that article text stays
// readable; consumers must treat text as data, never as HTML.
type Encoder struct {
	w      *bufio.Writer
	enc    *json.Encoder
	pretty bool
}

// NewEncoder returns an Encoder writing to w; pretty indents each document.
func NewEncoder(w io.Writer, pretty bool) *Encoder {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	return &Encoder{w: bw, enc: enc, pretty: pretty}
}

// Encode writes one document and flushes, so a crash after Encode returns
// never loses a document that was reported as written.
func (e *Encoder) Encode(d *Document) error {
	if err := e.enc.Encode(d); err != nil {
		return fmt.Errorf("encode document %s: %w", short(d.ID), err)
	}
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("write document %s: %w", short(d.ID), err)
	}
	return nil
}

// Decode reads one claimtrace/v1 document from a JSON line.
func Decode(line []byte) (*Document, error) {
	var d Document
	if err := json.Unmarshal(line, &d); err != nil {
		return nil, fmt.Errorf("decode document: %w", err)
	}
	return &d, nil
}
