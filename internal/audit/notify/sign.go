package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// Header names of a webhook delivery.
const (
	HeaderSignature = "X-Signature" // sha256=<hex HMAC-SHA-256(secret, timestamp "." body)>
	HeaderTimestamp = "X-Timestamp" // Unix seconds when this attempt was signed
	HeaderBatchID   = "X-Batch-Id"  // the same on every retry of a batch, for deduplication
)

// Sign returns the X-Signature value for a body sent at timestamp. The timestamp is part of
// the signed text, so a captured delivery cannot be replayed later with a fresh timestamp.
func Sign(secret []byte, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(timestamp))
	m.Write([]byte{'.'})
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// VerifySignature checks a delivery as a receiver should: the signature must match and the
// timestamp must be within maxSkew of now.
func VerifySignature(secret []byte, timestamp, signature string, body []byte, now time.Time, maxSkew time.Duration) bool {
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	if d := now.Sub(time.Unix(ts, 0)); d > maxSkew || d < -maxSkew {
		return false
	}
	if !strings.HasPrefix(signature, "sha256=") {
		return false
	}
	return hmac.Equal([]byte(Sign(secret, timestamp, body)), []byte(signature))
}
