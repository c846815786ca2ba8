// Package unprivileged runs a test again as the user nobody when the tests
// run as root, for checks that root would pass whatever the code does
// (unreadable files, read-only directories).
package unprivileged

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Rerun runs the test named name again in a copy of the test
// binary as the user nobody, when this one runs as root, which reads
// every file whatever its mode; it reports whether it did. The copy runs
// with BAO_UNPRIVILEGED set, so the test runs its checks there. Without
// setpriv, or when the copy cannot run, the test is skipped saying why.
func Rerun(t *testing.T, name string) bool {
	t.Helper()
	if os.Geteuid() != 0 || os.Getenv("BAO_UNPRIVILEGED") != "" {
		return false
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root, which reads every file, and setpriv is missing to run the test as nobody")
	}
	dir, err := os.MkdirTemp("", "bao-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777) // the copy, run as nobody, makes its temporary files here
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "test")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin, "-test.run", "^"+name+"$", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "BAO_UNPRIVILEGED=1", "TMPDIR="+dir, "HOME="+dir, "GOCOVERDIR=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+name) {
		t.Fatalf("as nobody, %s did not run:\n%s", name, out)
	}
	t.Logf("ran as nobody:\n%s", out)
	return true
}
