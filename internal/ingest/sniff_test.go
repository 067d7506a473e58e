package ingest

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomBytes returns n deterministic pseudo-random bytes.
func randomBytes(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	return b
}

// utf16LE encodes s as UTF-16LE with a BOM (ASCII and BMP only).
func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// utf16BE encodes s as UTF-16BE with a BOM (ASCII and BMP only).
func utf16BE(s string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

func TestSniff(t *testing.T) {
	longLine := `{"text":"` + strings.Repeat("word ", 2000) // 10 KB, cut before its end
	tests := []struct {
		name string
		head []byte
		want Kind
	}{
		{"empty", nil, KindText},
		{"plain English", []byte("The ministry said on Monday that 3,500 fighters escaped.\n"), KindText},
		{"Arabic", []byte("قالت مصادر محلية إن الاشتباكات استمرت في الحسكة.\n"), KindText},
		{"Dutch with tabs and CRLF", []byte("Naar verluidt\tzijn er\r\n200 doden.\r\n"), KindText},
		{"windows-1252 bytes", []byte("caf\xe9 na\xefve r\xe9sum\xe9\n"), KindText},
		{"one tag mentioned in prose", []byte("Use the <p> tag for paragraphs.\n"), KindText},
		{"doctype", []byte("<!DOCTYPE html>\n<html><head></head></html>"), KindHTML},
		{"html lower", []byte("<html lang=\"ar\" dir=\"rtl\">"), KindHTML},
		{"BOM and spaces then html", append(append([]byte{}, utf8BOM...), "\n  \t<HTML>"...), KindHTML},
		{"comment first", []byte("<!-- saved from url=(0014)about:internet -->\n<div>x</div>"), KindHTML},
		{"body first", []byte("<body><p>x</p></body>"), KindHTML},
		{"xhtml", []byte(`<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">`), KindHTML},
		{"fragment with tags", []byte("Breaking news\n<p>First paragraph.</p>\n<div class=x><p>Second</p></div>"), KindHTML},
		{"jsonl", []byte("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), KindJSONL},
		{"jsonl leading spaces", []byte("  {\"html\":\"<p>a</p>\"}\n"), KindJSONL},
		{"single json line no newline", []byte(`{"text":"a"}`), KindJSONL},
		{"long first line cut by head", []byte(longLine), KindJSONL},
		{"pretty json is text", []byte("{\n  \"text\": \"a\"\n}\n"), KindText},
		{"brace prose", []byte("{not json} is how a set is written\n"), KindText},
		{"json array is text", []byte(`[{"text":"a"}]`), KindText},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), KindBinary},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), KindBinary},
		{"jpeg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), KindBinary},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), KindBinary},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00"), KindBinary},
		{"gzip", []byte("\x1F\x8B\x08\x00\x00\x00\x00\x00"), KindBinary},
		{"elf", []byte("\x7FELF\x02\x01\x01\x00"), KindBinary},
		{"random bytes", randomBytes(4096), KindBinary},
		{"many NULs", []byte("text\x00\x00\x00\x00 more text"), KindBinary},
		{"control bytes", bytes.Repeat([]byte("ab\x01\x02\x03\x04"), 100), KindBinary},
		{"one NUL in long text", append(bytes.Repeat([]byte("some words here. "), 100), 0), KindText},
		{"windows exe", append(append([]byte("MZ\x90\x00"), make([]byte, 124)...), "PE\x00\x00"...), KindBinary},
		{"MZ prose", []byte("MZ is an abbreviation used in this report.\n"), KindText},
		{"utf-16le text", utf16LE("Hello, عالم\n"), KindText},
		{"utf-16be html", utf16BE("<!DOCTYPE html><p>x</p>"), KindHTML},
		{"utf-16le jsonl", utf16LE("{\"text\":\"a\"}\n"), KindJSONL},
		{"utf-16 without BOM", utf16LE("Hello world, plain text")[2:], KindBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(tt.head); got != tt.want {
				t.Errorf("Sniff(%.40q) = %v, want %v", tt.head, got, tt.want)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{KindText: "text", KindHTML: "html", KindJSONL: "jsonl", KindBinary: "binary", Kind(9): "Kind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{"", "text", "<html>", "{\"text\":\"x\"}\n", "\xFF\xFE<\x00p\x00>\x00", "\x89PNG\r\n\x1a\n", "\x00\x01\x02", "\xEF\xBB\xBF"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		k := Sniff(head)
		if k < KindText || k > KindBinary {
			t.Fatalf("Sniff returned %d", int(k))
		}
	})
}
