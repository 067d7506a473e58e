package kb

import (
	"context"
	"testing"
)

func BenchmarkLoadNoPlaces(b *testing.B) {
	for b.Loop() {
		if _, err := Load(context.Background(), Options{NoPlaces: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
