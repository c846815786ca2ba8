package server

import (
	"runtime/debug"
	"sync"
	"time"

	"charm.land/log/v2"
)

// refusalLog logs refusals at Info, at most one line per address every
// refusalQuiet, counting the ones it held back, so that a hostile client
// cannot flood the log.
type refusalLog struct {
	out *log.Logger
	// count, when set, is told of every refusal, logged or not.
	count func(why string)
	mu    sync.Mutex
	by    map[string]*refusalCount
}

type refusalCount struct {
	last    time.Time
	skipped int
}

const refusalQuiet = 10 * time.Second

func newRefusalLog(l *log.Logger) *refusalLog {
	return &refusalLog{out: l, by: map[string]*refusalCount{}}
}

// log records that ip was refused and why.
func (r *refusalLog) log(ip, why string) {
	if r.count != nil {
		r.count(why)
	}
	now := time.Now()
	r.mu.Lock()
	c := r.by[ip]
	if c == nil {
		if len(r.by) > 10000 {
			for k, v := range r.by {
				if now.Sub(v.last) > refusalQuiet {
					delete(r.by, k)
				}
			}
		}
		c = &refusalCount{}
		r.by[ip] = c
	}
	if now.Sub(c.last) < refusalQuiet {
		c.skipped++
		r.mu.Unlock()
		return
	}
	skipped := c.skipped
	c.last, c.skipped = now, 0
	r.mu.Unlock()
	r.out.Info("refused", "remote", ip, "reason", why, "more refusals not logged", skipped)
}

// recoverGoroutine, deferred first in a goroutine of the server, logs a
// panic and lets the goroutine end, so that one session or background job
// cannot take the server down.
func (s *Server) recoverGoroutine(what, remote string) {
	if r := recover(); r != nil {
		s.log.Error("panic", "in", what, "remote", remote, "panic", r, "stack", string(debug.Stack()))
	}
}

// keepaliveEvery is how often clients are asked whether they are there.
func (s *Server) keepaliveEvery() time.Duration {
	if s.cfg.Keepalive <= 0 {
		return 30 * time.Second
	}
	return s.cfg.Keepalive
}
