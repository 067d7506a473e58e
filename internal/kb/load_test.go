package kb

import (
	"context"
	"runtime"
	"testing"
)

func BenchmarkLoadNoPlaces(b *testing.B) {
	for b.Loop() {
		if _, err := Load(context.Background(), Options{NoPlaces: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad loads the whole built-in KB with its index, the way
// `claimtrace analyze` does. It reports the wall time per load in ms (the
// target is < 1000) and the heap the loaded KB keeps after a collection
// (heap-MB, in use; the target for the resident KB is < 300 MB).
func BenchmarkLoad(b *testing.B) {
	var k *KB
	for b.Loop() {
		k = nil // let the previous KB go before the next load
		var err error
		if k, err = Load(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/load")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
	runtime.KeepAlive(k)
}
