package server

import (
	"net"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limitListener refuses connections before any SSH work is done: from an
// address that opens them faster than its rate allows, or that already
// holds its maximum of open connections.
type limitListener struct {
	net.Listener
	rate    rate.Limit
	burst   int
	perIP   int
	refused func(addr string, why string)

	mu    sync.Mutex
	hosts map[string]*host
}

type host struct {
	limiter *rate.Limiter
	open    int
	seen    time.Time
}

func newLimitListener(l net.Listener, r rate.Limit, burst, perIP int, refused func(string, string)) *limitListener {
	return &limitListener{Listener: l, rate: r, burst: burst, perIP: perIP, refused: refused, hosts: map[string]*host{}}
}

// Accept returns the next connection that is within its address's limits.
func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := hostOf(c.RemoteAddr())
		if why := l.admit(ip); why != "" {
			c.Close()
			if l.refused != nil {
				l.refused(ip, why)
			}
			continue
		}
		return &trackedConn{Conn: c, release: func() { l.release(ip) }}, nil
	}
}

func (l *limitListener) admit(ip string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[ip]
	if h == nil {
		if len(l.hosts) > 10000 {
			l.forgetIdle()
		}
		h = &host{limiter: rate.NewLimiter(l.rate, l.burst)}
		l.hosts[ip] = h
	}
	h.seen = time.Now()
	if l.perIP > 0 && h.open >= l.perIP {
		return "too many open connections"
	}
	if !h.limiter.Allow() {
		return "connection rate"
	}
	h.open++
	return ""
}

func (l *limitListener) release(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if h := l.hosts[ip]; h != nil && h.open > 0 {
		h.open--
	}
}

// forgetIdle drops addresses with no open connection not seen for a minute,
// so the table stays bounded.
func (l *limitListener) forgetIdle() {
	cutoff := time.Now().Add(-time.Minute)
	for ip, h := range l.hosts {
		if h.open == 0 && h.seen.Before(cutoff) {
			delete(l.hosts, ip)
		}
	}
}

func hostOf(a net.Addr) string {
	if tcp, ok := a.(*net.TCPAddr); ok {
		return tcp.IP.String()
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// trackedConn releases its address's slot once when closed.
type trackedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *trackedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}
