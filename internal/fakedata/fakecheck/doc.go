// Package fakecheck holds validators written independently of the fakedata generators:
// each one re-derives its rule from the published algorithm (often in an equivalent but
// different formulation, such as "the weighted sum including the check character is 0
// mod 11" instead of "compute the check character and compare"). Tests use it to keep the
// generators honest and the benchmark labels truthful. It is test tooling: production
// detection lives in internal/detect and must not import it.
package fakecheck
