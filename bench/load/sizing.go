package main

import (
	"context"
	"fmt"
	"net/http"
)

// pageSize finds the user/list page size whose answer is closest to target bytes, by
// binary search over 1..maxSize (the answer grows with the page size). It returns the size
// and the answer's length.
func pageSize(ctx context.Context, cl *http.Client, base, token string, target, maxSize int) (int, int, error) {
	length := func(size int) (int, error) {
		b, err := userListCall(base, token, size, "").fetch(ctx, cl)
		if err != nil {
			return 0, fmt.Errorf("user/list size %d from the simulator: %w", size, err)
		}
		return len(b), nil
	}
	return closest(length, target, maxSize)
}

// closest searches 1..hi for the n whose f(n) (non-decreasing) is nearest to target.
func closest(f func(int) (int, error), target, hi int) (int, int, error) {
	if hi < 1 {
		return 0, 0, fmt.Errorf("no page size to try (max %d)", hi)
	}
	lo, top := 1, hi
	for lo < top { // smallest n with f(n) >= target, or hi
		mid := (lo + top) / 2
		v, err := f(mid)
		if err != nil {
			return 0, 0, err
		}
		if v >= target {
			top = mid
		} else {
			lo = mid + 1
		}
	}
	n := lo
	v, err := f(n)
	if err != nil {
		return 0, 0, err
	}
	if n == 1 || v < target { // every size is above (or below) the target
		return n, v, nil
	}
	pv, err := f(n - 1) // below the target: nearer?
	if err != nil {
		return 0, 0, err
	}
	if target-pv <= v-target {
		return n - 1, pv, nil
	}
	return n, v, nil
}
