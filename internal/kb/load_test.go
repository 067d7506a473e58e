package kb

import (
	"context"
	"runtime"
	"runtime/debug"
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
// (heap-MB, in use; the target for the resident KB is < 300 MB). Before
// each load the previous KB is dropped and the heap returned to the OS,
// so that every load starts like the first one of a process: from a small
// heap, with the collector's goal low and pages still to be faulted in.
func BenchmarkLoad(b *testing.B) {
	var k *KB
	for b.Loop() {
		b.StopTimer()
		k = nil
		debug.FreeOSMemory()
		b.StartTimer()
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
