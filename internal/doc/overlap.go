package doc

import "sort"

// layerIndex lets a stage ask which elements of a layer overlap a range in
// O(log n + k) instead of scanning the layer for every sentence — which
// made long documents quadratic. It works for any layer sorted by start
// (as every stage writes them), nested spans included: maxEnd[i] is the
// largest end among elements 0..i, so it never decreases.
type layerIndex struct {
	n      int
	head   any // identity of the layer's backing array when indexed
	starts []int
	maxEnd []int
	sorted bool
}

// overlapCache holds one index per layer. It is not part of the contract
// (unexported, never serialised) and is rebuilt when a layer changes.
type overlapCache struct {
	mentions, times, quantities, claims layerIndex
}

func (x *layerIndex) build(n int, head any, span func(i int) (int, int)) {
	x.n, x.head, x.sorted = n, head, true
	x.starts = x.starts[:0]
	x.maxEnd = x.maxEnd[:0]
	m := -1
	for i := range n {
		s, e := span(i)
		if i > 0 && s < x.starts[i-1] {
			x.sorted = false
		}
		m = max(m, e)
		x.starts = append(x.starts, s)
		x.maxEnd = append(x.maxEnd, m)
	}
}

// rng returns [from, to): every element overlapping [lo, hi) lies in it
// (callers still test each one). An unsorted layer gives the whole range.
func (x *layerIndex) rng(lo, hi int) (int, int) {
	if !x.sorted {
		return 0, x.n
	}
	from := sort.SearchInts(x.maxEnd, lo+1) // first element whose ends reach past lo
	to := sort.SearchInts(x.starts, hi)     // first element starting at or after hi
	if to < from {
		to = from
	}
	return from, to
}

func (d *Document) cache() *overlapCache {
	if d.overlaps == nil {
		d.overlaps = &overlapCache{}
	}
	return d.overlaps
}

// lookup answers a range query on one layer, rebuilding its index when
// the layer's length or backing array changed since the last query.
func lookup[T any](x *layerIndex, xs []T, span func(*T) (int, int), lo, hi int) (int, int) {
	if len(xs) == 0 {
		return 0, 0
	}
	if head := &xs[0]; x.n != len(xs) || x.head != any(head) {
		x.build(len(xs), head, func(i int) (int, int) { return span(&xs[i]) })
	}
	return x.rng(lo, hi)
}

// MentionRange returns the index range of d.Mentions that may overlap
// [lo, hi); test each element for overlap. Stages call it per sentence, so
// long documents stay linear.
func (d *Document) MentionRange(lo, hi int) (int, int) {
	return lookup(&d.cache().mentions, d.Mentions, func(m *Mention) (int, int) { return m.Start, m.End }, lo, hi)
}

// TimeRange is MentionRange for d.Times.
func (d *Document) TimeRange(lo, hi int) (int, int) {
	return lookup(&d.cache().times, d.Times, func(t *Time) (int, int) { return t.Start, t.End }, lo, hi)
}

// QuantityRange is MentionRange for d.Quantities.
func (d *Document) QuantityRange(lo, hi int) (int, int) {
	return lookup(&d.cache().quantities, d.Quantities, func(q *Quantity) (int, int) { return q.Start, q.End }, lo, hi)
}

// ClaimRange is MentionRange for d.Claims.
func (d *Document) ClaimRange(lo, hi int) (int, int) {
	return lookup(&d.cache().claims, d.Claims, func(c *Claim) (int, int) { return c.Start, c.End }, lo, hi)
}
