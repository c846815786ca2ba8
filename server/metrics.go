package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"bao/model"
	"bao/ui"

	"charm.land/log/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are what bao serve tells Prometheus (--metrics): sessions,
// refusals by reason, handshake and first-frame latency, the render cache,
// the state store and the library. No article text and no key is a label.
type metrics struct {
	reg             *prometheus.Registry
	sessionsOpen    prometheus.Gauge
	sessionsTotal   prometheus.Counter
	refused         *prometheus.CounterVec
	handshake       prometheus.Histogram
	firstFrame      prometheus.Histogram
	stateSeconds    *prometheus.HistogramVec
	stateErrors     *prometheus.CounterVec
	libraryArticles prometheus.Gauge
	libraryLoad     prometheus.Gauge

	log     *log.Logger
	errMu   sync.Mutex
	lastErr time.Time
}

// latencyBuckets run from a millisecond to ten seconds.
var latencyBuckets = prometheus.ExponentialBucketsRange(0.001, 10, 14)

func newMetrics(cache *ui.RenderCache, logger *log.Logger) *metrics {
	m := &metrics{
		log: logger,
		reg: prometheus.NewRegistry(),
		sessionsOpen: prometheus.NewGauge(prometheus.GaugeOpts{Name: "bao_sessions_open",
			Help: "Readers connected now."}),
		sessionsTotal: prometheus.NewCounter(prometheus.CounterOpts{Name: "bao_sessions_total",
			Help: "Readers served since the start."}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "bao_connections_refused_total",
			Help: "Connections and sessions refused, by reason."}, []string{"reason"}),
		handshake: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "bao_handshake_seconds",
			Help: "From accepting a connection to the start of its reader's session: SSH handshake, authentication and channel.", Buckets: latencyBuckets}),
		firstFrame: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "bao_first_frame_seconds",
			Help: "From the start of a session to its first frame being written.", Buckets: latencyBuckets}),
		stateSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "bao_state_seconds",
			Help: "State store calls, by operation.", Buckets: latencyBuckets}, []string{"op"}),
		stateErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "bao_state_errors_total",
			Help: "State store calls that failed, by operation."}, []string{"op"}),
		libraryArticles: prometheus.NewGauge(prometheus.GaugeOpts{Name: "bao_library_articles",
			Help: "Articles in the library served."}),
		libraryLoad: prometheus.NewGauge(prometheus.GaugeOpts{Name: "bao_library_load_seconds",
			Help: "How long the last load of the library took."}),
	}
	m.reg.MustRegister(m.sessionsOpen, m.sessionsTotal, m.refused, m.handshake, m.firstFrame, m.stateSeconds,
		m.stateErrors, m.libraryArticles, m.libraryLoad,
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "bao_render_cache_hits_total",
			Help: "Article layouts found in the render cache."}, func() float64 { h, _ := cache.Stats(); return float64(h) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "bao_render_cache_misses_total",
			Help: "Article layouts that had to be made."}, func() float64 { _, mi := cache.Stats(); return float64(mi) }),
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// refusalReason reduces a refusal's reason, which may quote a client's
// error, to one of a few labels.
func refusalReason(why string) string {
	for _, r := range [][2]string{
		{"handshake failed", "handshake"},
		{"too many open connections", "connections per address"},
		{"connection rate", "connection rate"},
		{errTooManySessions.Error(), "sessions per connection"},
		{"no shell requested", "no shell"},
		{"command", "command"},
		{"no terminal", "no terminal"},
		{"busy", "busy"},
		{"too many connections waiting", "proxy header"},
		{"PROXY header", "proxy header"},
		{"no PROXY header", "proxy header"},
		{"bad PROXY header", "proxy header"},
		{"no authorized keys", "key"},
		{"key ", "key"},
	} {
		if strings.HasPrefix(why, r[0]) {
			return r[1]
		}
	}
	return "other"
}

// timedState is a reader's state that reports its calls' latency and
// errors. Visitors are told that the store failed, never how: the error
// (which may name the database's address) goes to the log.
type timedState struct {
	ui.UserState
	m *metrics
}

// errStateUnavailable is what a visitor is told when the store fails.
var errStateUnavailable = errors.New("the server cannot save it just now")

// observe records a call, and returns the error a visitor may see.
func (m *metrics) observe(op string, start time.Time, err error) error {
	m.stateSeconds.WithLabelValues(op).Observe(time.Since(start).Seconds())
	if err == nil {
		return nil
	}
	m.stateErrors.WithLabelValues(op).Inc()
	m.logStateError(op, err)
	return errStateUnavailable
}

// logStateError logs a store failure, at most once every ten seconds:
// with the database down, every reader's every key would fail.
func (m *metrics) logStateError(op string, err error) {
	now := time.Now()
	m.errMu.Lock()
	quiet := now.Sub(m.lastErr) < 10*time.Second
	if !quiet {
		m.lastErr = now
	}
	m.errMu.Unlock()
	if !quiet && m.log != nil {
		m.log.Warn("state store", "op", op, "err", err)
	}
}

func (t timedState) Marks() (model.Marks, error) {
	start := time.Now()
	marks, err := t.UserState.Marks()
	return marks, t.m.observe("marks", start, err)
}

func (t timedState) SetRead(id string, read bool) error {
	start := time.Now()
	return t.m.observe("set_read", start, t.UserState.SetRead(id, read))
}

func (t timedState) SetBookmark(id string, on bool) error {
	start := time.Now()
	return t.m.observe("set_bookmark", start, t.UserState.SetBookmark(id, on))
}

func (t timedState) Position(id string) (model.Position, bool, error) {
	start := time.Now()
	p, ok, err := t.UserState.Position(id)
	return p, ok, t.m.observe("position", start, err)
}

func (t timedState) SavePosition(id string, p model.Position) error {
	start := time.Now()
	return t.m.observe("save_position", start, t.UserState.SavePosition(id, p))
}

// timedIndex is the library search index, reporting as timedState does.
type timedIndex struct {
	ui.SearchIndex
	m *metrics
}

func (t timedIndex) Search(query string, limit int) ([]model.Hit, error) {
	start := time.Now()
	hits, err := t.SearchIndex.Search(query, limit)
	return hits, t.m.observe("search", start, err)
}

func (t timedIndex) Sync(lib *model.Library, reload func(*model.Article) (*model.Article, error)) (int, int, error) {
	start := time.Now()
	added, removed, err := t.SearchIndex.Sync(lib, reload)
	return added, removed, t.m.observe("sync", start, err)
}

// ServeMetrics serves Prometheus metrics at /metrics and a health check
// at /healthz on addr, until Shutdown. /healthz answers 200 while the
// server takes readers and 503 once it is shutting down, so that a load
// balancer stops sending it new ones.
func (s *Server) ServeMetrics(addr string) (net.Addr, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		serving := s.ln != nil && !s.closing
		s.mu.Unlock()
		if !serving {
			http.Error(w, "not serving", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
	s.mu.Lock()
	s.httpServers = append(s.httpServers, hs)
	s.mu.Unlock()
	go func() {
		defer s.recoverGoroutine("metrics", addr)
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("metrics", "err", err)
		}
	}()
	return ln.Addr(), nil
}

// closeHTTP stops the metrics server.
func (s *Server) closeHTTP(ctx context.Context) {
	s.mu.Lock()
	servers := s.httpServers
	s.mu.Unlock()
	for _, hs := range servers {
		hs.Shutdown(ctx)
	}
}

// LibraryLoaded records how long loading the library took.
func (s *Server) LibraryLoaded(d time.Duration) { s.metrics.libraryLoad.Set(d.Seconds()) }
