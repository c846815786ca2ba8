package server

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	proxyproto "github.com/pires/go-proxyproto"
)

// ParseTrustedProxies reads --trusted-proxies: addresses and CIDR ranges,
// separated by commas ("10.0.0.5,192.168.1.0/24").
func ParseTrustedProxies(s string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			ip := net.ParseIP(f)
			if ip == nil {
				return nil, fmt.Errorf("trusted proxy %q: not an address or a CIDR range", f)
			}
			bits := 128
			if ip.To4() != nil {
				ip, bits = ip.To4(), 32
			}
			out = append(out, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(f)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %w", f, err)
		}
		out = append(out, n)
	}
	return out, nil
}

// proxyListener takes the PROXY protocol header (v1 or v2) that a trusted
// load balancer puts before each connection, so that the client's own
// address is the connection's remote address: the per-address limits and
// the logs then see the client, not the balancer. A connection from a
// trusted proxy must open with the header; one from anyone else must not
// (a client cannot claim another's address), and is refused if it does.
//
// Headers are read off the accept loop, each in its own goroutine with a
// deadline, at most maxPending at a time: a connection that sends nothing
// holds up no other.
type proxyListener struct {
	inner   net.Listener
	trusted []*net.IPNet
	timeout time.Duration
	refused func(ip, why string)
	ready   chan net.Conn
	done    chan struct{}
	// err is why accepting ended; set once, before done is closed.
	err     error
	once    sync.Once
	pending chan struct{}
}

// maxPendingHeaders bounds the connections whose header is being read.
const maxPendingHeaders = 256

func newProxyListener(inner net.Listener, trusted []*net.IPNet, timeout time.Duration, refused func(ip, why string)) *proxyListener {
	l := &proxyListener{inner: inner, trusted: trusted, timeout: timeout, refused: refused,
		ready: make(chan net.Conn), done: make(chan struct{}), pending: make(chan struct{}, maxPendingHeaders)}
	go l.accept()
	return l
}

func (l *proxyListener) isTrusted(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return false
	}
	for _, n := range l.trusted {
		if n.Contains(tcp.IP) {
			return true
		}
	}
	return false
}

func (l *proxyListener) accept() {
	for {
		c, err := l.inner.Accept()
		if err != nil {
			l.once.Do(func() { l.err = err; close(l.done) })
			return
		}
		select {
		case l.pending <- struct{}{}:
		default:
			c.Close()
			l.refused(hostOf(c.RemoteAddr()), "too many connections waiting to send their PROXY header")
			continue
		}
		go l.resolve(c)
	}
}

// resolve reads c's header, if any, and hands the connection on.
func (l *proxyListener) resolve(c net.Conn) {
	defer func() { <-l.pending }()
	policy := proxyproto.REJECT
	if l.isTrusted(c.RemoteAddr()) {
		policy = proxyproto.REQUIRE
	}
	pc := proxyproto.NewConn(c, proxyproto.WithPolicy(policy), proxyproto.SetReadHeaderTimeout(l.timeout))
	// A read of nothing settles the header, and returns its error.
	if _, err := pc.Read(nil); err != nil {
		c.Close()
		why := "bad PROXY header"
		switch {
		case errors.Is(err, proxyproto.ErrSuperfluousProxyHeader):
			why = "PROXY header from an address that is not a trusted proxy"
		case errors.Is(err, proxyproto.ErrNoProxyProtocol):
			why = "no PROXY header from a trusted proxy"
		}
		l.refused(hostOf(c.RemoteAddr()), why)
		return
	}
	select {
	case l.ready <- pc:
	case <-l.done:
		c.Close()
	}
}

// Accept returns the next connection whose header has been read.
func (l *proxyListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.ready:
		return c, nil
	case <-l.done:
		return nil, l.err
	}
}

func (l *proxyListener) Close() error {
	err := l.inner.Close()
	l.once.Do(func() { l.err = net.ErrClosed; close(l.done) })
	return err
}

func (l *proxyListener) Addr() net.Addr { return l.inner.Addr() }
