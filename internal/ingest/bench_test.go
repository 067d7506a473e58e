package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeCorpus writes a JSONL file of n documents of about 5 KB each, in
// Dutch, Arabic and English, and returns its path and size.
func writeCorpus(b *testing.B, n int) (string, int64) {
	b.Helper()
	paras := []string{
		"Naar verluidt zijn ongeveer 3.500 strijders van Islamitische Staat ontsnapt uit de gevangenis in al-Hasaka. ",
		"قالت مصادر محلية إن الاشتباكات استمرت في الحسكة لليوم الثالث على التوالي، وسط أنباء عن فرار عدد من السجناء. ",
		"A source on the ground said more than 200 people were killed, while officials put the toll at 154. ",
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := range n {
		var text strings.Builder
		for text.Len() < 5000 {
			text.WriteString(paras[(i+text.Len())%len(paras)])
		}
		rec := map[string]string{
			"text": text.String(), "url": "https://example.org/article/" + strconv.Itoa(i),
			"title": "Article " + strconv.Itoa(i), "published": "2022-02-09", "outlet": "Example News",
		}
		if err := enc.Encode(rec); err != nil {
			b.Fatal(err)
		}
	}
	p := filepath.Join(b.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return p, int64(buf.Len())
}

// BenchmarkReadJSONL reads 10,000 documents of about 5 KB from one JSONL
// file; MB/s is input bytes.
func BenchmarkReadJSONL(b *testing.B) {
	p, size := writeCorpus(b, 10000)
	cfg := DefaultConfig()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range Read(context.Background(), cfg, []string{p}, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 10000 {
			b.Fatalf("read %d documents", n)
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkReadFiles reads a directory of 1,000 text and HTML files.
func BenchmarkReadFiles(b *testing.B) {
	dir := b.TempDir()
	body := strings.Repeat("Naar verluidt zijn ongeveer 3.500 strijders ontsnapt. ", 90)
	var size int64
	for i := range 1000 {
		name, data := "t"+strconv.Itoa(i)+".txt", body
		if i%2 == 1 {
			name, data = "h"+strconv.Itoa(i)+".html", "<!doctype html><html><body><p>"+body+"</p></body></html>"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, err := range Read(context.Background(), DefaultConfig(), []string{dir}, nil) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSniff(b *testing.B) {
	head := bytes.Repeat([]byte("Naar verluidt zijn ongeveer 3.500 strijders ontsnapt. "), 1300)[:HeadSize]
	b.SetBytes(int64(len(head)))
	for b.Loop() {
		Sniff(head)
	}
}
