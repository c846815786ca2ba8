// Package pgtest runs a throwaway PostgreSQL cluster for tests: in a new
// temporary directory, on a free loopback port, as an unprivileged user
// (PostgreSQL refuses to run as root; under root the cluster runs as
// nobody), removed when the test ends. Where PostgreSQL is not installed
// or cannot start, the test is skipped with a message.
package pgtest

import (
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the database/sql driver "pgx"
)

// Cluster is a running throwaway cluster.
type Cluster struct {
	dir  string
	bin  string
	port int
	mu   sync.Mutex
	dbs  int
	// URL connects to its database as its superuser, without a password.
	URL string
}

// bindir finds PostgreSQL's server programs: Debian keeps them out of the
// PATH, under /usr/lib/postgresql/VERSION/bin.
func bindir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
		return vb - va
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("initdb is not installed (apt-get install postgresql)")
}

// Start creates and starts a cluster for one test, removed when it ends,
// or skips the test saying why.
func Start(t testing.TB) *Cluster {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Skipf("PostgreSQL cannot be started: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

// New creates and starts a cluster; Close removes it.
func New() (*Cluster, error) {
	bin, err := bindir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "bao-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, bin: bin}
	if os.Geteuid() == 0 {
		if err := os.Chown(dir, 65534, 65534); err != nil {
			c.Close()
			return nil, fmt.Errorf("give the cluster to nobody: %w", err)
		}
	}
	if out, err := c.run("initdb", "-D", c.data(), "-U", "bao", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		c.Close()
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		c.Close()
		return nil, err
	}
	c.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	c.URL = c.urlOf("postgres")
	if err := c.Start(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func (c *Cluster) urlOf(db string) string {
	return fmt.Sprintf("postgres://bao@127.0.0.1:%d/%s?sslmode=disable&connect_timeout=5", c.port, db)
}

// NewDatabase creates an empty database in the cluster and returns its URL.
func (c *Cluster) NewDatabase() (string, error) {
	db, err := sql.Open("pgx", c.URL)
	if err != nil {
		return "", err
	}
	defer db.Close()
	c.mu.Lock()
	c.dbs++
	name := fmt.Sprintf("bao_%d", c.dbs)
	c.mu.Unlock()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		return "", err
	}
	return c.urlOf(name), nil
}

func (c *Cluster) data() string { return filepath.Join(c.dir, "data") }

// run runs one of PostgreSQL's programs, as nobody when the test is root.
func (c *Cluster) run(prog string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, prog)
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		cmd = exec.Command("setpriv", append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	return cmd.CombinedOutput()
}

// Start starts the cluster (again, after Stop), waiting until it takes
// connections.
func (c *Cluster) Start() error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", c.port, c.dir)
	if out, err := c.run("pg_ctl", "-D", c.data(), "-l", filepath.Join(c.dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "log"))
		return fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return nil
}

// Stop stops the cluster at once, dropping its connections.
func (c *Cluster) Stop() error {
	if out, err := c.run("pg_ctl", "-D", c.data(), "-m", "immediate", "-w", "stop"); err != nil {
		return fmt.Errorf("pg_ctl stop: %v\n%s", err, out)
	}
	return nil
}

// Close stops the cluster and removes its directory.
func (c *Cluster) Close() {
	c.run("pg_ctl", "-D", c.data(), "-m", "immediate", "-w", "stop")
	os.RemoveAll(c.dir)
}
