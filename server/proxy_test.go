package server

import (
	"crypto/ed25519"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bao/articles"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// dialVia connects from the loopback address local to addr, writes
// header (when not empty) and then speaks SSH.
func dialVia(local, addr, header string, key ed25519.PrivateKey) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if header != "" {
		if _, err := c.Write([]byte(header)); err != nil {
			c.Close()
			return nil, err
		}
	}
	c.SetDeadline(time.Now().Add(10 * time.Second))
	signer, _ := gossh.NewSignerFromKey(key)
	cfg := &gossh.ClientConfig{User: "reader", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}}
	cc, chans, reqs, err := gossh.NewClientConn(c, addr, cfg)
	if err != nil {
		c.Close()
		return nil, err
	}
	c.SetDeadline(time.Time{})
	return gossh.NewClient(cc, chans, reqs), nil
}

// served checks that a client got in, and lets it go.
func served(t *testing.T, what string) func(*gossh.Client, error) {
	return func(c *gossh.Client, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("%s was refused: %v", what, err)
			return
		}
		c.Close()
	}
}

// refused checks that a client did not get in.
func refused(t *testing.T, what string) func(*gossh.Client, error) {
	return func(c *gossh.Client, err error) {
		t.Helper()
		if err == nil {
			c.Close()
			t.Errorf("%s was served", what)
		}
	}
}

func proxyHeader(client string, port int, addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return fmt.Sprintf("PROXY TCP4 %s 127.0.0.1 %d %s\r\n", client, port, p)
}

// With --proxy-protocol, a trusted proxy's header gives the client's
// address to the limits and the logs; anyone else's header is refused, and
// a trusted proxy must send one.
func TestProxyProtocol(t *testing.T) {
	logs, addr := proxiedServer(t)
	key := newKey(t)

	// A trusted proxy that connects and says nothing holds up no one.
	silent, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()

	first, err := dialVia("127.0.0.1", addr, proxyHeader("198.51.100.7", 40001, addr), key)
	if err != nil {
		t.Fatalf("a client through the trusted proxy: %v", err)
	}
	defer first.Close()
	refused(t, "a second connection from the same client address (the limit is one)")(dialVia("127.0.0.1", addr, proxyHeader("198.51.100.7", 40002, addr), key))
	served(t, "another client address through the same proxy")(dialVia("127.0.0.1", addr, proxyHeader("198.51.100.8", 40003, addr), key))
	refused(t, "a PROXY header from an address that is not a trusted proxy")(dialVia("127.0.0.2", addr, proxyHeader("203.0.113.9", 40004, addr), key))
	served(t, "a direct client without a header")(dialVia("127.0.0.2", addr, "", key))
	refused(t, "the trusted proxy's connection without a header")(dialVia("127.0.0.1", addr, "", key))
	waitLog(t, logs, "PROXY header from an address that is not a trusted proxy")
	waitLog(t, logs, "too many open connections")
	out := logs.String()
	if !strings.Contains(out, "198.51.100.7") {
		t.Errorf("the log does not name the client's address:\n%s", out)
	}
	if strings.Contains(out, "203.0.113.9") {
		t.Errorf("the log believed an untrusted header:\n%s", out)
	}
}

// proxiedServer starts a server that takes PROXY headers from 127.0.0.1
// and allows one connection per client address, and returns its log and
// address.
func proxiedServer(t *testing.T) (*syncLog, string) {
	t.Helper()
	var logs syncLog
	trusted, _ := ParseTrustedProxies("127.0.0.1")
	_, addr := testServer(t, articles.Sample(), func(c *Config) {
		c.ProxyProtocol, c.TrustedProxies = true, trusted
		c.ConnsPerIP = 1
		c.Logger = log.New(&logs)
	})
	return &logs, addr
}

func waitLog(t *testing.T, logs *syncLog, text string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(logs.String(), text); {
		if time.Now().After(deadline) {
			t.Fatalf("the log never said %q:\n%s", text, logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// The same through a real HAProxy in TCP mode with send-proxy-v2.
func TestThroughHAProxy(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		t.Skip("haproxy not installed (.ci/run installs it)")
	}
	logs, addr := proxiedServer(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	front := l.Addr().String()
	l.Close()
	cfg := filepath.Join(t.TempDir(), "haproxy.cfg")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`global
	maxconn 200
defaults
	mode tcp
	timeout connect 5s
	timeout client 1m
	timeout server 1m
frontend ssh
	bind %s
	default_backend bao
backend bao
	server bao %s send-proxy-v2
`, front, addr)), 0o644)
	cmd := exec.Command(haproxy, "-db", "-f", cfg)
	out := &syncLog{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err := net.Dial("tcp", front); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("haproxy did not start:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	key := newKey(t)
	a, err := dialVia("127.0.0.5", front, "", key)
	if err != nil {
		t.Fatalf("through haproxy: %v\n%s", err, logs.String())
	}
	defer a.Close()
	// A reader's session is logged with the client's address.
	sess, err := a.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitLog(t, logs, "remote=127.0.0.5:")
	refused(t, "a second connection from 127.0.0.5 through haproxy (the limit is one per address)")(dialVia("127.0.0.5", front, "", key))
	served(t, "127.0.0.6 through haproxy (the limit must see the client, not the balancer)")(dialVia("127.0.0.6", front, "", key))
	refused(t, "a direct connection with a PROXY header, not from the balancer")(dialVia("127.0.0.2", addr, proxyHeader("198.51.100.7", 40001, addr), key))
	waitLog(t, logs, "not a trusted proxy")
}
