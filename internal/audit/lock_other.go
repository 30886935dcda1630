//go:build !unix

package audit

// lockDir is a no-op where flock is not available; run one writer per directory.
func lockDir(string) (func(), error) { return func() {}, nil }
