package compare

import "container/heap"

// heapItem is a candidate merge of groups x and y with the sizes they had when scored;
// a popped item whose sizes no longer match is stale and skipped.
type heapItem struct {
	x, y   int
	score  float64
	nx, ny int
}

// pairHeap is a max-heap of candidate merges, best score first; ties break on the
// lower indices so results do not depend on map order.
type pairHeap struct{ items []heapItem }

func (h *pairHeap) Len() int { return len(h.items) }
func (h *pairHeap) Less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	if a.score != b.score {
		return a.score > b.score
	}
	if a.x != b.x {
		return a.x < b.x
	}
	return a.y < b.y
}
func (h *pairHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *pairHeap) Push(x any)    { h.items = append(h.items, x.(heapItem)) }
func (h *pairHeap) Pop() any {
	it := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return it
}

func (h *pairHeap) push(it heapItem) { heap.Push(h, it) }
func (h *pairHeap) pop() heapItem    { return heap.Pop(h).(heapItem) }
func (h *pairHeap) len() int         { return len(h.items) }
