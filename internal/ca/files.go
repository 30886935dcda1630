package ca

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File names inside a CA directory.
const (
	CertFile = "ca.pem"
	KeyFile  = "ca-key.pem"
)

// ErrExists is returned by Write when a CA is already there and force is false.
var ErrExists = errors.New("a CA already exists")

// Write stores a CA in dir as ca.pem (0644) and ca-key.pem (0600), creating dir (0700) if
// needed. Without force it refuses to replace either file: integrations trust the old CA,
// and replacing it silently would break them all at once. Each file appears atomically.
func Write(dir string, c *Created, force bool) (certPath, keyPath string, err error) {
	certPath, keyPath = filepath.Join(dir, CertFile), filepath.Join(dir, KeyFile)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", err
	}
	if !force {
		for _, p := range []string{certPath, keyPath} {
			if _, err := os.Lstat(p); err == nil {
				return "", "", fmt.Errorf("%s: %w (use --force to replace it)", p, ErrExists)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return "", "", err
			}
		}
	}
	// The key first: a directory with a certificate but no key is the worse half-state.
	if err := writeAtomic(keyPath, c.KeyPEM, 0o600, force); err != nil {
		return "", "", err
	}
	if err := writeAtomic(certPath, c.CertPEM, 0o644, force); err != nil {
		if !force {
			os.Remove(keyPath) // ours: created a moment ago
		}
		return "", "", err
	}
	return certPath, keyPath, nil
}

// writeAtomic writes data to a temporary file beside path and moves it into place. Without
// replace, the final step is a hard link, which fails rather than clobber a file that
// appeared meanwhile.
func writeAtomic(path string, data []byte, mode os.FileMode, replace bool) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if replace {
		return os.Rename(tmp, path)
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w (use --force to replace it)", path, ErrExists)
		}
		return err
	}
	return nil
}
