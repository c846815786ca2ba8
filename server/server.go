// Package server serves bao over SSH: every visitor gets their own reader
// (the same ui root the terminal uses) over one shared, read-only library
// and one shared render cache.
package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"bao/model"
	"bao/state"
	"bao/ui"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"
)

// Config sets what the server listens on and the limits it enforces.
type Config struct {
	// Listen is the address, e.g. "127.0.0.1:2222".
	Listen string
	// HostKey is the ed25519 host key file; created when missing.
	HostKey string
	// AuthorizedKeys, when set, lists the only public keys let in.
	AuthorizedKeys string
	// MaxSessions is the number of readers at once; the next is turned away.
	MaxSessions int
	// IdleTimeout ends a session after this long without a key press.
	IdleTimeout time.Duration
	// MaxSession ends a session after this long whatever happens.
	MaxSession time.Duration
	// HandshakeTimeout is how long a connection may take to authenticate.
	HandshakeTimeout time.Duration
	// ConnRate and ConnBurst limit new connections per address (per second).
	ConnRate  float64
	ConnBurst int
	// ConnsPerIP limits open connections per address.
	ConnsPerIP int
	// SessionsPerConn limits sessions open at once on one connection; a
	// reader needs one.
	SessionsPerConn int
	// SessionsPerIP limits readers open at once from one address.
	SessionsPerIP int
	// MaxOutput is how far, in bytes, a client may fall behind in reading
	// before its session is dropped.
	MaxOutput int
	// WriteTimeout drops a session when one write to its client has not
	// finished in this long.
	WriteTimeout time.Duration
	// MaxPendingInput is how many bytes of a client's input may wait
	// undecoded (an unterminated paste or escape sequence) before its
	// session is dropped.
	MaxPendingInput int64
	// FollowLinks serves files that symbolic links lead to outside the
	// library's directories; the caller applies it when loading.
	FollowLinks bool
	// Keepalive is how often a client is asked whether it is there.
	Keepalive time.Duration
	// MaxWidth and MaxHeight cap the terminal size a client may claim.
	MaxWidth, MaxHeight int
	// ReadWidth is the widest the article text is set.
	ReadWidth int
	// Style forces a style; empty picks dark or light from each client.
	Style string
	// NoHyperlinks turns off OSC 8 hyperlinks for every visitor.
	NoHyperlinks bool
	// Logger receives connection events; never article text.
	Logger *log.Logger
	// Store keeps visitors' marks, positions and bookmarks by public key,
	// and the search index; nil keeps them in memory.
	Store *state.Store
	// Reload reads a summarised article whole again, for libraries loaded
	// with articles.LoadSummaries; nil when the library is whole.
	Reload func(*model.Article) (*model.Article, error)
	// ProxyProtocol takes the client's address from the PROXY protocol
	// header (v1 or v2) that the TrustedProxies put before each
	// connection. A PROXY header from any other address is refused.
	ProxyProtocol  bool
	TrustedProxies []*net.IPNet
}

// DefaultConfig returns the limits bao serve uses unless told otherwise.
func DefaultConfig() Config {
	return Config{
		Listen:           "127.0.0.1:2222",
		MaxSessions:      256,
		IdleTimeout:      30 * time.Minute,
		MaxSession:       8 * time.Hour,
		HandshakeTimeout: 20 * time.Second,
		ConnRate:         2,
		ConnBurst:        10,
		ConnsPerIP:       16,
		SessionsPerConn:  1,
		SessionsPerIP:    8,
		MaxOutput:        4 << 20,
		WriteTimeout:     20 * time.Second,
		MaxPendingInput:  1 << 20,
		Keepalive:        30 * time.Second,
		MaxWidth:         500,
		MaxHeight:        300,
		ReadWidth:        80,
	}
}

// Server is a running bao SSH server.
type Server struct {
	cfg    Config
	ssh    *ssh.Server
	log    *log.Logger
	cache  *ui.RenderCache
	lib    atomic.Pointer[model.Library]
	active atomic.Int64
	// handling counts sessions whose handler has not returned: their
	// farewell may still be on its way after their slot is free.
	handling atomic.Int64
	// beforeFarewell, when set by a test, runs between a session's end
	// and its farewell.
	beforeFarewell atomic.Pointer[func()]
	// Fingerprint is the host key's SHA256 fingerprint.
	Fingerprint string

	metrics *metrics
	// loaded is closed once the library has loaded (see New).
	loaded     chan struct{}
	loadedOnce sync.Once

	mu       sync.Mutex
	sessions map[*session]struct{}
	// httpServers serve the metrics; Shutdown stops them.
	httpServers []*http.Server
	perIP       map[string]int
	closing     bool
	ln          net.Listener
	// keys are the authorized keys, nil when anyone may read.
	keys atomic.Pointer[authorizedKeys]
	// refusals logs refused connections and sessions, rate-limited per
	// address.
	refusals *refusalLog
}

// New prepares a server for lib. It reads or creates the host key and the
// authorized keys file, so configuration errors show before listening.
//
// A nil lib starts the server while its library is still loading: it
// listens at once, and visitors see the loading screen until Reload
// brings the library.
func New(cfg Config, lib *model.Library) (*Server, error) {
	if cfg.ProxyProtocol && len(cfg.TrustedProxies) == 0 {
		return nil, errors.New("--proxy-protocol needs --trusted-proxies: the addresses of the load balancers whose PROXY headers are believed")
	}
	if cfg.Logger == nil {
		cfg.Logger = log.New(os.Stderr)
	}
	if cfg.HostKey == "" {
		p, err := DefaultHostKeyPath()
		if err != nil {
			return nil, err
		}
		cfg.HostKey = p
	}
	signer, err := LoadOrCreateHostKey(cfg.HostKey)
	if err != nil {
		return nil, err
	}
	if w := HostKeyWarning(cfg.HostKey); w != "" {
		cfg.Logger.Warn(w)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, cache: ui.NewRenderCache(256), sessions: map[*session]struct{}{}, perIP: map[string]int{}}
	s.metrics = newMetrics(s.cache, cfg.Logger)
	s.refusals = newRefusalLog(cfg.Logger)
	s.refusals.count = func(why string) { s.metrics.refused.WithLabelValues(refusalReason(why)).Inc() }
	s.Fingerprint = gossh.FingerprintSHA256(signer.PublicKey())
	s.loaded = make(chan struct{})
	if s.cfg.Store == nil {
		if s.cfg.Store, err = state.OpenMemory(); err != nil {
			return nil, err
		}
	}
	if lib != nil {
		s.lib.Store(lib)
		s.metrics.libraryArticles.Set(float64(len(lib.Articles)))
		s.loadedOnce.Do(func() { close(s.loaded) })
		go s.index(lib)
	} else {
		s.lib.Store(&model.Library{})
	}
	s.ssh = &ssh.Server{
		HostSigners:      []ssh.Signer{signer},
		HandshakeTimeout: cfg.HandshakeTimeout,
		Version:          "bao",
		// bao serves session channels itself (see channel); no other
		// channel type (port forwarding) is offered.
		ChannelHandlers: map[string]ssh.ChannelHandler{"session": s.sessionChannel},
		ConnCallback: func(ctx ssh.Context, c net.Conn) net.Conn {
			ctx.SetValue(acceptedKey{}, time.Now())
			return c
		},
		ConnectionFailedCallback: func(c net.Conn, err error) {
			s.refusals.log(hostOf(c.RemoteAddr()), "handshake failed: "+quoteField(err.Error()))
		},
	}
	if cfg.MaxSession > 0 {
		// A backstop: sessions end themselves at MaxSession, politely.
		s.ssh.MaxTimeout = cfg.MaxSession + time.Minute
	}
	if err := s.setAuth(); err != nil {
		return nil, err
	}
	return s, nil
}

// setAuth lets anyone in, or only the keys of AuthorizedKeys, with their
// options.
func (s *Server) setAuth() error {
	if s.cfg.AuthorizedKeys == "" {
		s.ssh.PublicKeyHandler = func(ssh.Context, ssh.PublicKey) bool { return true }
		s.ssh.KeyboardInteractiveHandler = func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }
		return nil
	}
	if err := s.loadKeys(); err != nil {
		return err
	}
	s.ssh.PublicKeyHandler = func(ctx ssh.Context, key ssh.PublicKey) bool {
		ip := hostOf(ctx.RemoteAddr())
		if why := s.keys.Load().allows(key, ip, time.Now()); why != "" {
			s.refusals.log(ip, why)
			return false
		}
		return true
	}
	return nil
}

// loadKeys reads the authorized keys file, logging the lines it skips.
func (s *Server) loadKeys() error {
	keys, warnings, err := readAuthorizedKeys(s.cfg.AuthorizedKeys)
	for _, w := range warnings {
		s.log.Warn("authorized keys", "line", w)
	}
	if err != nil {
		return err
	}
	s.keys.Store(keys)
	return nil
}

// Listen opens the configured address.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", s.cfg.Listen, err)
	}
	if s.cfg.ProxyProtocol {
		return newProxyListener(ln, s.cfg.TrustedProxies, 5*time.Second, s.refusals.log), nil
	}
	return ln, nil
}

// Serve accepts connections on ln until Shutdown. New connections are
// rate-limited per address before any SSH work is done.
func (s *Server) Serve(ln net.Listener) error {
	limited := newLimitListener(ln, rate.Limit(s.cfg.ConnRate), s.cfg.ConnBurst, s.cfg.ConnsPerIP, s.refusals.log)
	s.mu.Lock()
	s.ln = limited
	s.mu.Unlock()
	articles := "loading"
	select {
	case <-s.loaded:
		articles = strconv.Itoa(len(s.lib.Load().Articles))
	default:
	}
	s.log.Info("serving", "addr", ln.Addr().String(), "host key", s.Fingerprint, "articles", articles)
	err := s.ssh.Serve(limited)
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if errors.Is(err, ssh.ErrServerClosed) || closing {
		// Shutdown closed the listener.
		return nil
	}
	return err
}

// Reload replaces the library. New sessions get it at once; open sessions
// get it in their list without losing their place. With an authorized
// keys file, the file is read again, and the sessions of keys no longer in
// it are ended. No session is waited on: one whose mailbox is full is
// ended instead.
func (s *Server) Reload(lib *model.Library) {
	s.lib.Store(lib)
	s.metrics.libraryArticles.Set(float64(len(lib.Articles)))
	s.loadedOnce.Do(func() { close(s.loaded) })
	go s.index(lib)
	if s.cfg.AuthorizedKeys != "" {
		if err := s.loadKeys(); err != nil {
			s.log.Error("authorized keys not reloaded; keeping the previous ones", "err", err)
		}
	}
	keys := s.keys.Load()
	dropped := 0
	for _, sess := range s.snapshot() {
		if keys != nil && !keys.has(sess.key) {
			sess.end(endKeyRemoved)
			dropped++
			continue
		}
		if !sess.post(ui.LibraryLoadedMsg{Library: lib}) {
			sess.end(endSlowClient)
		}
	}
	s.log.Info("library reloaded", "articles", len(lib.Articles), "errors", len(lib.Errors), "sessions ended for removed keys", dropped)
}

// snapshot returns the open sessions, so that no lock is held while the
// server deals with them.
func (s *Server) snapshot() []*session {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*session, 0, len(s.sessions))
	for sess := range s.sessions {
		out = append(out, sess)
	}
	return out
}

// Sessions is the number of readers connected.
func (s *Server) Sessions() int { return int(s.active.Load()) }

// Shutdown stops accepting, tells every reader that the server is
// restarting, ends their sessions and waits for them until ctx is done, then
// closes what is left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	s.mu.Unlock()
	for _, sess := range s.snapshot() {
		sess.end(endRestart)
	}
	// No new connections. The listener is closed here rather than by
	// charm.land/ssh's Shutdown, whose wait for connections races (the
	// race detector says so) with a connection finishing its handshake at
	// that moment: it adds to a WaitGroup already being waited on.
	s.mu.Lock()
	ln := s.ln
	s.mu.Unlock()
	if ln != nil {
		ln.Close()
	}
	// Readers have been told; once their sessions have ended and their
	// farewells are written, connections left open by their clients are
	// closed rather than waited for.
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for s.active.Load() > 0 || s.handling.Load() > 0 {
		select {
		case <-ctx.Done():
			s.ssh.Close()
			s.closeHTTP(ctx)
			return ctx.Err()
		case <-tick.C:
		}
	}
	s.ssh.Close()
	s.closeHTTP(ctx)
	s.log.Info("stopped")
	return nil
}

// acceptedKey holds, in a connection's context, when it was accepted.
type acceptedKey struct{}

// library is the library a new session shows: once it has loaded, or an
// empty one if the session ends first.
func (s *Server) library(ctx context.Context) *model.Library {
	select {
	case <-s.loaded:
		return s.lib.Load()
	case <-ctx.Done():
		return &model.Library{}
	}
}

// index brings the shared search index up to date with lib.
func (s *Server) index(lib *model.Library) {
	defer s.recoverGoroutine("index", "")
	start := time.Now()
	added, removed, err := s.cfg.Store.Sync(lib, s.cfg.Reload)
	if err != nil {
		s.log.Warn("search index not updated", "err", err)
		return
	}
	s.log.Info("search index updated", "added", added, "removed", removed, "took", time.Since(start).Round(time.Millisecond))
}

// userState is what a visitor's reader remembers: kept by public key in the
// store, or for the session only for visitors without one.
func (s *Server) userState(key ssh.PublicKey) ui.UserState {
	if key == nil {
		return state.NewSessionOnly()
	}
	return timedState{s.cfg.Store.User("ssh:" + gossh.FingerprintSHA256(key)), s.metrics}
}
