package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
)

// readMO parses a GNU gettext .mo catalogue into msgid → msgstr. Only the
// first form of plural entries is kept and the header (empty msgid) is
// skipped. The format: a magic number that also gives the byte order, a
// revision, the number of strings N, and the offsets of two tables of N
// (length, offset) pairs, one for the original strings and one for the
// translations.
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("mo: %w", err)
	}
	m, err := parseMO(b)
	if err != nil {
		return nil, fmt.Errorf("mo %s: %w", path, err)
	}
	return m, nil
}

// parseMO decodes the bytes of a .mo file; see readMO.
func parseMO(b []byte) (map[string]string, error) {
	if len(b) < 20 {
		return nil, errors.New("too short")
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, errors.New("bad magic number")
	}
	if rev := bo.Uint32(b[4:]) >> 16; rev > 1 {
		return nil, fmt.Errorf("unknown major revision %d", rev)
	}
	n := uint64(bo.Uint32(b[8:]))
	origTab := uint64(bo.Uint32(b[12:]))
	transTab := uint64(bo.Uint32(b[16:]))
	size := uint64(len(b))
	if origTab+8*n > size || transTab+8*n > size {
		return nil, fmt.Errorf("%d strings do not fit in %d bytes", n, size)
	}
	str := func(tab, i uint64) (string, error) {
		l := uint64(bo.Uint32(b[tab+8*i:]))
		off := uint64(bo.Uint32(b[tab+8*i+4:]))
		if off+l > size {
			return "", fmt.Errorf("string %d out of bounds", i)
		}
		return string(b[off : off+l]), nil
	}
	m := make(map[string]string, n)
	for i := range n {
		id, err := str(origTab, i)
		if err != nil {
			return nil, err
		}
		tr, err := str(transTab, i)
		if err != nil {
			return nil, err
		}
		if id == "" {
			continue // header
		}
		id, _, _ = strings.Cut(id, "\x00")
		tr, _, _ = strings.Cut(tr, "\x00")
		m[id] = tr
	}
	return m, nil
}
