package main

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"bao/internal/pgtest"

	_ "github.com/jackc/pgx/v5/stdlib"
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
	x.keys("m")
	x.waitFor("│   Alpha")
	x.keys("j", "f")
	x.waitFor("★")
	x.keys("j", "Enter")
	x.waitFor("min read")
	x.keys("2")
	x.waitFor("§ 2/3")
	x.keys("q")
	x.waitFor("3 articles")
	x.keys("q")
	x.waitFor("SSH-EXITED-0")

	// Alice on B: the same.
	y := sshKeyInTmux(t, portB, alice)
	y.waitFor("3 articles")
	// The marks arrive from the store just after the list.
	y.waitGone("● Alpha")
	y.keys("B")
	s := y.waitFor("bookmarks only")
	if !strings.Contains(s, "Beta") || strings.Contains(s, "Alpha") || strings.Contains(s, "Gamma") {
		t.Errorf("on B, bookmarks only:\n%s", s)
	}
	y.keys("B")
	y.waitGone("bookmarks only")
	y.keys("G", "Enter")
	y.waitFor("§ 2/3")
	y.keys("q")
	y.waitFor("3 articles")
	y.keys("q")
	y.waitFor("SSH-EXITED-0")

	// Bob on B: nothing of Alice's.
	z := sshKeyInTmux(t, portB, bob)
	s = z.waitFor("3 articles")
	if n := strings.Count(s, "●"); n != 3 {
		t.Errorf("Bob sees %d unread articles, want 3:\n%s", n, s)
	}
	z.keys("B")
	z.waitFor("bookmarks only")
	if s := z.screen(); strings.Contains(s, "Beta") {
		t.Errorf("Bob sees Alice's bookmark:\n%s", s)
	}
	z.keys("B")
	z.waitGone("bookmarks only")
	z.keys("G", "Enter")
	s = z.waitFor("min read")
	if strings.Contains(s, "§ 2/3") {
		t.Errorf("Bob opens Gamma at Alice's place:\n%s", s)
	}
	z.keys("q")
	z.waitFor("3 articles")

	// A new article, written after both started, is found from B.
	os.WriteFile(filepath.Join(lib, "d.md"), []byte("# Delta: hồ Tây\n\nSen nở kín mặt hồ Tây mùa hè.\n"), 0o644)
	z.waitFor("4 articles")
	z.keys("S")
	z.keys("-l", "sen no kin")
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

// gammaLibrary writes a library with an article of three long sections.
func gammaLibrary(t *testing.T) string {
	t.Helper()
	lib := t.TempDir()
	text := "# Gamma: phố cổ\n\nMở đầu bài.\n\n"
	for _, h := range []string{"Một", "Hai", "Ba"} {
		text += "## " + h + "\n\n" + strings.Repeat("Phố cổ có ba mươi sáu phố phường.\n\n", 30)
	}
	os.WriteFile(filepath.Join(lib, "gamma.md"), []byte(text), 0o644)
	return lib
}

// PostgreSQL stops while a visitor reads: reading goes on, the visitor is
// told once, and when it is back their place is saved again in the same
// session.
func TestPostgresStopsMidSession(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (.ci/run installs it)", tool)
		}
	}
	pg := pgtest.Start(t)
	lib := gammaLibrary(t)
	bin := buildBinary(t)
	_, port, logs := startServe(t, bin, "--state", pg.URL, lib)
	alice := newClientKey(t, "alice")
	x := sshKeyInTmux(t, port, alice)
	x.waitFor("1 article")
	x.keys("Enter")
	x.waitFor("min read")
	x.keys("1")
	x.waitFor("§ 1/3")
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	x.keys("2")
	s := x.waitFor("Not saving reading state")
	if strings.Contains(s, "127.0.0.1:") || strings.Contains(s, "postgres") {
		t.Errorf("the visitor is shown the database's address:\n%s", s)
	}
	x.keys("j")
	x.waitGone("Not saving reading state")
	x.keys("k")
	if s := x.screen(); strings.Contains(s, "Not saving") || !strings.Contains(s, "§ 2/3") {
		t.Errorf("told a second time, or reading stopped:\n%s", s)
	}
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	// The first write after the restart may meet a connection that died
	// with the server; one of the next is saved. The notice stays until the
	// next key, which waits for it (or for a while when the write failed).
	for i := 0; ; i++ {
		if i == 10 {
			t.Fatalf("saving did not resume:\n%s\n%s", x.screen(), logs.String())
		}
		x.keys([]string{"3", "2"}[i%2])
		x.waitFor("§ " + []string{"3", "2"}[i%2] + "/3")
		if x.shows("Saving reading state again", 3*time.Second) {
			break
		}
	}
	x.keys("3")
	x.waitFor("§ 3/3")
	x.keys("q")
	x.waitFor("1 article")
	x.keys("q")
	x.waitFor("SSH-EXITED-0")

	y := sshKeyInTmux(t, port, alice)
	y.waitFor("1 article")
	y.keys("Enter")
	y.waitFor("§ 3/3")
	if !strings.Contains(logs.String(), "state store") {
		t.Errorf("the failure is not in the log:\n%s", logs.String())
	}
}

// waitPosition waits until the store holds a position in section sec
// (counted from 1) for the only article, for any reader.
func waitPosition(t *testing.T, url string, sec int) {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for deadline := time.Now().Add(10 * time.Second); ; {
		var n int
		db.QueryRow(`SELECT count(*) FROM positions WHERE section = $1`, sec-1).Scan(&n)
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no position in section %d was saved", sec)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Instance A is killed (SIGKILL) while a visitor reads through HAProxy:
// the visitor connects again through the balancer, reaches B, and finds
// the place of their last key press.
func TestKilledInstanceThroughHAProxy(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh", "ssh-keygen", "haproxy"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (.ci/run installs it)", tool)
		}
	}
	pg := pgtest.Start(t)
	lib := gammaLibrary(t)
	bin := buildBinary(t)
	hostKey := filepath.Join(t.TempDir(), "host_key")
	a, portA, _ := startServe(t, bin, "--host-key", hostKey, "--state", pg.URL, lib)
	_, portB, _ := startServe(t, bin, "--host-key", hostKey, "--state", pg.URL, lib)
	front := freePort(t)
	cfg := filepath.Join(t.TempDir(), "haproxy.cfg")
	os.WriteFile(cfg, []byte(`global
	maxconn 100
defaults
	mode tcp
	timeout connect 2s
	timeout client 1m
	timeout server 1m
	retries 3
	option redispatch
frontend ssh
	bind 127.0.0.1:`+front+`
	default_backend bao
backend bao
	balance first
	server a 127.0.0.1:`+portA+`
	server b 127.0.0.1:`+portB+`
`), 0o644)
	hap := exec.Command("haproxy", "-db", "-f", cfg)
	if err := hap.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hap.Process.Kill(); hap.Wait() })
	waitListening(t, front, &syncBuffer{})

	alice := newClientKey(t, "alice")
	x := sshKeyInTmux(t, front, alice)
	x.waitFor("1 article")
	x.keys("Enter")
	x.waitFor("min read")
	x.keys("2")
	x.waitFor("§ 2/3")
	waitPosition(t, pg.URL, 2)
	a.Process.Signal(syscall.SIGKILL)
	x.waitFor("SSH-EXITED-")

	y := sshKeyInTmux(t, front, alice)
	y.waitFor("1 article")
	y.keys("Enter")
	y.waitFor("§ 2/3")
}

// Four instances started at once on an empty database migrate it once.
func TestFourInstancesMigrateOnce(t *testing.T) {
	pg := pgtest.Start(t)
	url, err := pg.NewDatabase()
	if err != nil {
		t.Fatal(err)
	}
	bin := buildBinary(t)
	lib := gammaLibrary(t)
	var ports []string
	var cmds []*exec.Cmd
	var logs []*syncBuffer
	for range 4 {
		port := freePort(t)
		l := &syncBuffer{}
		cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:"+port, "--host-key", filepath.Join(t.TempDir(), "key"), "--state", url, lib)
		cmd.Stderr = l
		ports, cmds, logs = append(ports, port), append(cmds, cmd), append(logs, l)
	}
	for _, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	}
	for i, port := range ports {
		waitListening(t, port, logs[i])
		if strings.Contains(logs[i].String(), "not saving") {
			t.Errorf("instance %d could not open the database:\n%s", i, logs[i].String())
		}
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows, versions int
	if err := db.QueryRow(`SELECT count(*), count(DISTINCT version) FROM schema_version`).Scan(&rows, &versions); err != nil {
		t.Fatal(err)
	}
	if rows != versions || rows == 0 {
		t.Errorf("schema_version has %d rows for %d versions: a migration ran more than once", rows, versions)
	}
}
