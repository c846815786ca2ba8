package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bao/internal/pgtest"
)

// sshKeyInTmux is sshInTmux with the client's own key: the server knows
// the visitor by it.
func sshKeyInTmux(t *testing.T, port, key string) tmux {
	t.Helper()
	x := tmux{t, filepath.Join(t.TempDir(), "tmux.sock")}
	ssh := "ssh -tt -F /dev/null -i " + key + " -o IdentitiesOnly=yes -p " + port + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR 127.0.0.1"
	x.run("new-session", "-d", "-s", "bao", "-x", "100", "-y", "30", "TERM=xterm-256color "+ssh+"; echo SSH-EXITED-$?; sleep 30")
	t.Cleanup(func() { exec.Command("tmux", "-S", x.socket, "kill-server").Run() })
	return x
}

// newClientKey makes an SSH key pair for a visitor and returns the private
// key's path.
func newClientKey(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	return path
}

// hostKeyOf asks the server on port for its host key.
func hostKeyOf(t *testing.T, port string) string {
	t.Helper()
	out, err := exec.Command("ssh-keyscan", "-p", port, "-t", "ed25519", "127.0.0.1").Output()
	if err != nil {
		t.Fatalf("ssh-keyscan: %v", err)
	}
	f := strings.Fields(string(out))
	if len(f) < 3 {
		t.Fatalf("ssh-keyscan printed %q", out)
	}
	return f[len(f)-1]
}

// Two instances of bao serve share one PostgreSQL database, one library
// and one host key: a visitor who reads on one finds their marks, bookmark
// and place on the other; another visitor finds none of it; and an article
// added to the library after both started is found by library search.
func TestTwoInstancesShareState(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh", "ssh-keygen", "ssh-keyscan"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (.ci/run installs it)", tool)
		}
	}
	pg := pgtest.Start(t)
	lib := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "# Alpha: cầu Long Biên\n\nMở đầu bài một.\n\n## Lịch sử\n\nCầu được xây từ năm 1898.\n\n## Hôm nay\n\nXe máy đi trên cầu.\n",
		"b.md": "# Beta: chợ Bến Thành\n\nMở đầu bài hai.\n\n## Giờ mở cửa\n\nChợ mở từ sáng sớm.\n",
		"c.md": "# Gamma: phố cổ\n\nMở đầu bài ba.\n\n## Một\n\n" + strings.Repeat("Phố cổ có ba mươi sáu phố phường.\n\n", 30) + "## Hai\n\n" + strings.Repeat("Đoạn hai.\n\n", 30) + "## Ba\n\n" + strings.Repeat("Đoạn ba.\n\n", 30),
	} {
		os.WriteFile(filepath.Join(lib, name), []byte(text), 0o644)
	}
	bin := buildBinary(t)
	hostKey := filepath.Join(t.TempDir(), "host_key")
	_, portA, logsA := startServe(t, bin, "--host-key", hostKey, "--state", pg.URL, lib)
	_, portB, logsB := startServe(t, bin, "--host-key", hostKey, "--state", pg.URL, lib)
	if a, b := hostKeyOf(t, portA), hostKeyOf(t, portB); a != b {
		t.Errorf("the instances present different host keys:\n%s\n%s", a, b)
	}
	alice, bob := newClientKey(t, "alice"), newClientKey(t, "bob")

	// Alice on A: marks Alpha read, bookmarks Beta, leaves Gamma at § 2.
	x := sshKeyInTmux(t, portA, alice)
	x.waitFor("3 articles")
	keys := func(x tmux, k ...string) { x.run(append([]string{"send-keys", "-t", "bao"}, k...)...) }
	keys(x, "m")
	x.waitFor("│   Alpha")
	keys(x, "j", "f")
	x.waitFor("★")
	keys(x, "j", "Enter")
	x.waitFor("min read")
	keys(x, "2")
	x.waitFor("§ 2/3")
	keys(x, "q")
	x.waitFor("3 articles")
	keys(x, "q")
	x.waitFor("SSH-EXITED-0")

	// Alice on B: the same.
	y := sshKeyInTmux(t, portB, alice)
	s := y.waitFor("3 articles")
	if strings.Contains(s, "● Alpha") {
		t.Errorf("on B, Alpha is unread:\n%s", s)
	}
	keys(y, "B")
	s = y.waitFor("bookmarks only")
	if !strings.Contains(s, "Beta") || strings.Contains(s, "Alpha") || strings.Contains(s, "Gamma") {
		t.Errorf("on B, bookmarks only:\n%s", s)
	}
	keys(y, "B")
	y.waitGone("bookmarks only")
	keys(y, "G", "Enter")
	y.waitFor("§ 2/3")
	keys(y, "q")
	y.waitFor("3 articles")
	keys(y, "q")
	y.waitFor("SSH-EXITED-0")

	// Bob on B: nothing of Alice's.
	z := sshKeyInTmux(t, portB, bob)
	s = z.waitFor("3 articles")
	if n := strings.Count(s, "●"); n != 3 {
		t.Errorf("Bob sees %d unread articles, want 3:\n%s", n, s)
	}
	keys(z, "B")
	z.waitFor("bookmarks only")
	if s := z.screen(); strings.Contains(s, "Beta") {
		t.Errorf("Bob sees Alice's bookmark:\n%s", s)
	}
	keys(z, "B")
	z.waitGone("bookmarks only")
	keys(z, "G", "Enter")
	s = z.waitFor("min read")
	if strings.Contains(s, "§ 2/3") {
		t.Errorf("Bob opens Gamma at Alice's place:\n%s", s)
	}
	keys(z, "q")
	z.waitFor("3 articles")

	// A new article, written after both started, is found from B.
	os.WriteFile(filepath.Join(lib, "d.md"), []byte("# Delta: hồ Tây\n\nSen nở kín mặt hồ Tây mùa hè.\n"), 0o644)
	z.waitFor("4 articles")
	keys(z, "S")
	keys(z, "-l", "sen no kin")
	s = z.waitFor("Delta")
	if !strings.Contains(s, "hồ Tây") {
		t.Errorf("library search on B:\n%s", s)
	}
	for _, logs := range []*syncBuffer{logsA, logsB} {
		if strings.Contains(logs.String(), "not saving") {
			t.Errorf("an instance does not save state:\n%s", logs.String())
		}
	}
}
