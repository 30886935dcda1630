package vault

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

const maxKeyFile = 1 << 20

// LoadKeyringFile reads a keyring file. It refuses a file that other users may read or
// write (mode & 0o007 != 0): like an SSH private key, a vault key file must be private.
// Group access is allowed for deployments that share a service group.
func LoadKeyringFile(path string) (*Keyring, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("vault keyring: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("vault keyring: %w", err)
	}
	if st.Mode().Perm()&0o007 != 0 {
		return nil, fmt.Errorf("vault keyring: %s has mode %04o; other users must have no access (chmod 600 %s)",
			path, st.Mode().Perm(), path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, fmt.Errorf("vault keyring: reading %s: %w", path, err)
	}
	if len(data) > maxKeyFile {
		return nil, fmt.Errorf("vault keyring: %s is larger than %d bytes", path, maxKeyFile)
	}
	k, err := ParseKeyring(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// LoadOrCreateKeyringFile loads path, or, when it does not exist, generates a keyring
// and writes it there with mode 0600 (the embedded and demo deployments). created tells
// which happened. Shared backends must not use this: each replica would invent its own
// token key and tokens would differ between replicas.
func LoadOrCreateKeyringFile(path string) (k *Keyring, created bool, err error) {
	k, err = LoadKeyringFile(path)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return k, false, err
	}
	k, err = GenerateKeyring()
	if err != nil {
		return nil, false, err
	}
	if err := writeKeyringFile(path, k, false); err != nil {
		if errors.Is(err, fs.ErrExist) { // another process created it first: use theirs
			k, err = LoadKeyringFile(path)
			return k, false, err
		}
		return nil, false, err
	}
	return k, true, nil
}

// WriteKeyringFile writes k to path with mode 0600, atomically (temporary file, fsync,
// rename), replacing an existing file: the step after WithNewKey in a rotation.
func WriteKeyringFile(path string, k *Keyring) error { return writeKeyringFile(path, k, true) }

func writeKeyringFile(path string, k *Keyring, replace bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("vault keyring: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".keyring-*")
	if err != nil {
		return fmt.Errorf("vault keyring: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename or link
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("vault keyring: %w", err)
	}
	if _, err := tmp.Write(k.Encode()); err != nil {
		tmp.Close()
		return fmt.Errorf("vault keyring: writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("vault keyring: writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("vault keyring: writing %s: %w", path, err)
	}
	if replace {
		err = os.Rename(tmp.Name(), path)
	} else {
		err = os.Link(tmp.Name(), path) // fails with ErrExist instead of replacing a racing creator's file
	}
	if err != nil {
		return fmt.Errorf("vault keyring: %w", err)
	}
	return nil
}
