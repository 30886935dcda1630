package proxy

// PoisonReleasedBuffers turns on the zeroing of body buffers as calls hand them back
// (bufpool.go) and returns a function that turns it off.
func PoisonReleasedBuffers() (undo func()) {
	poisonReleased.Store(true)
	return func() { poisonReleased.Store(false) }
}
