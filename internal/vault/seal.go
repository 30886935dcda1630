package vault

import (
	"crypto/rand"
	"errors"
	"fmt"
)

// ErrIntegrity means a stored ciphertext does not authenticate under its key id and
// token: it was modified, moved to another token or type, or its key is wrong. The vault
// treats it as an attack or corruption and fails the call rather than reveal anything.
var ErrIntegrity = errors.New("vault entry failed authentication")

// ErrUnknownKey means an entry is sealed under a key id the keyring does not hold (a key
// was removed before rotation finished).
var ErrUnknownKey = errors.New("vault entry sealed under a key id that is not in the keyring")

const nonceSize = 12

// additionalData binds a ciphertext to its key id, type and token, so a ciphertext copied
// to another token (or relabelled with another type or key id) fails to open.
func additionalData(dst []byte, keyID, typ, token string) []byte {
	dst = append(dst, "piivault/v1\x00"...)
	dst = append(dst, keyID...)
	dst = append(dst, 0)
	dst = append(dst, typ...)
	dst = append(dst, 0)
	dst = append(dst, token...)
	return dst
}

// seal encrypts value under the active key: nonce || ciphertext || tag.
func (k *Keyring) seal(typ, token, value string) (keyID string, sealed []byte) {
	keyID = k.active
	aead := k.aeads[keyID]
	var adBuf [128]byte
	ad := additionalData(adBuf[:0], keyID, typ, token)
	out := make([]byte, nonceSize, nonceSize+len(value)+aead.Overhead())
	rand.Read(out) // never fails
	return keyID, aead.Seal(out, out, []byte(value), ad)
}

// open decrypts a sealed value. Errors name the key id, never the content.
func (k *Keyring) open(keyID, typ, token string, sealed []byte) (string, error) {
	aead, ok := k.aead(keyID)
	if !ok {
		return "", fmt.Errorf("%w (key id %q)", ErrUnknownKey, keyID)
	}
	if len(sealed) < nonceSize+aead.Overhead() {
		return "", fmt.Errorf("%w: ciphertext too short (key id %q)", ErrIntegrity, keyID)
	}
	var adBuf [128]byte
	ad := additionalData(adBuf[:0], keyID, typ, token)
	plain, err := aead.Open(nil, sealed[:nonceSize], sealed[nonceSize:], ad)
	if err != nil {
		return "", fmt.Errorf("%w (key id %q)", ErrIntegrity, keyID)
	}
	return string(plain), nil
}
