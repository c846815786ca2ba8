package server

import (
	"bytes"
	"errors"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Limits on what a client may ask of one session before it starts. They
// bound the memory a connection can hold before any reader runs.
const (
	// maxEnvRequests is how many env requests a session may send; more
	// are refused.
	maxEnvRequests = 16
	// maxEnvValue is the longest variable value kept.
	maxEnvValue = 256
	// maxTermLen is the longest TERM accepted in a pty request.
	maxTermLen = 64
	// maxCommandLen is the longest exec command kept, for the refusal.
	maxCommandLen = 256
)

// envAllowed are the variables bao reads from a client: they choose its
// colours.
var envAllowed = map[string]bool{"COLORTERM": true, "NO_COLOR": true, "CLICOLOR": true, "CLICOLOR_FORCE": true}

// errTooManySessions is the reason a session channel is rejected.
var errTooManySessions = errors.New("too many sessions on one connection")

// channel is one SSH session channel, served by bao itself rather than by
// the SSH library's session handler. The library's handler keeps every env
// request, and hands window changes to a one-slot channel with a blocking
// send: a client that sends two window changes before asking for a shell,
// or after the reader stopped reading them, blocks the request loop and,
// through it, the connection's read loop forever. Here every request is
// answered at once, with bounded memory.
type channel struct {
	gossh.Channel
	conn *gossh.ServerConn
	ctx  ssh.Context

	mu      sync.Mutex
	env     []string
	envSeen int
	pty     *ptyRequest
	command string
	// kind is "shell" or "exec" once the client asked for one.
	kind string
	// window is the latest size the client gave.
	window ptyWindow
	exited bool

	// started is closed when the client asks for a shell or a command.
	started chan struct{}
	// resized receives a value, without blocking, when the window
	// changes; the latest size is in window.
	resized chan struct{}
	// requestsDone is closed when the client closes its side.
	requestsDone chan struct{}
}

type ptyWindow struct{ Width, Height int }

type ptyRequest struct {
	Term   string
	Window ptyWindow
}

// connState is what bao keeps per connection: its session count.
type connState struct{ sessions atomic.Int32 }

var connStateKey = &struct{ name string }{"bao-conn"}

// connOf returns the connection's state, made on first use.
func connOf(ctx ssh.Context) *connState {
	ctx.Lock()
	defer ctx.Unlock()
	if cs, ok := ctx.Value(connStateKey).(*connState); ok {
		return cs
	}
	cs := &connState{}
	ctx.SetValue(connStateKey, cs)
	return cs
}

// sessionChannel serves a "session" channel: at most SessionsPerConn at
// once on a connection, and one that asks for neither a shell nor a
// command within the handshake timeout is closed.
func (s *Server) sessionChannel(_ *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	cs := connOf(ctx)
	if n := cs.sessions.Add(1); s.cfg.SessionsPerConn > 0 && int(n) > s.cfg.SessionsPerConn {
		cs.sessions.Add(-1)
		s.refusals.log(hostOf(conn.RemoteAddr()), errTooManySessions.Error())
		nc.Reject(gossh.ResourceShortage, "bao serves one reader per connection")
		return
	}
	defer cs.sessions.Add(-1)
	ch, reqs, err := nc.Accept()
	if err != nil {
		return
	}
	c := &channel{Channel: ch, conn: conn, ctx: ctx, started: make(chan struct{}), resized: make(chan struct{}, 1), requestsDone: make(chan struct{})}
	go func() {
		defer s.recoverGoroutine("session requests", conn.RemoteAddr().String())
		c.serveRequests(reqs)
	}()
	wait := time.NewTimer(s.cfg.HandshakeTimeout)
	defer wait.Stop()
	select {
	case <-c.started:
	case <-wait.C:
		s.refusals.log(hostOf(conn.RemoteAddr()), "no shell requested in time")
		ch.Close()
		return
	case <-c.requestsDone:
		ch.Close()
		return
	case <-ctx.Done():
		ch.Close()
		return
	}
	s.handle(c)
}

// serveRequests answers the session's requests until the client closes
// them. It never blocks on anything but the client.
func (c *channel) serveRequests(reqs <-chan *gossh.Request) {
	defer close(c.requestsDone)
	for req := range reqs {
		req.Reply(c.request(req), nil)
	}
}

// request applies one request and says whether it was accepted.
func (c *channel) request(req *gossh.Request) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	begun := c.kind != ""
	switch req.Type {
	case "pty-req":
		if begun || c.pty != nil {
			return false
		}
		var p struct {
			Term               string
			Cols, Rows, PW, PH uint32
			Modes              string
		}
		if gossh.Unmarshal(req.Payload, &p) != nil || !saneTerm(p.Term) {
			return false
		}
		c.pty = &ptyRequest{Term: p.Term, Window: ptyWindow{clampDim(p.Cols), clampDim(p.Rows)}}
		c.window = c.pty.Window
		return true
	case "window-change":
		var w struct{ Cols, Rows, PW, PH uint32 }
		if c.pty == nil || gossh.Unmarshal(req.Payload, &w) != nil {
			return false
		}
		c.window = ptyWindow{clampDim(w.Cols), clampDim(w.Rows)}
		select {
		case c.resized <- struct{}{}:
		default: // one pending notice stands for any number of changes
		}
		return true
	case "env":
		c.envSeen++
		var kv struct{ Key, Value string }
		if begun || c.envSeen > maxEnvRequests || gossh.Unmarshal(req.Payload, &kv) != nil {
			return false
		}
		if !envAllowed[kv.Key] || len(kv.Value) > maxEnvValue {
			return false
		}
		c.env = append(c.env, kv.Key+"="+kv.Value)
		return true
	case "shell", "exec":
		if begun {
			return false
		}
		if req.Type == "exec" {
			var cmd struct{ Value string }
			gossh.Unmarshal(req.Payload, &cmd)
			c.command = cmd.Value
			if len(c.command) > maxCommandLen {
				c.command = c.command[:maxCommandLen]
			}
			if c.command == "" {
				c.command = " "
			}
		}
		c.kind = req.Type
		close(c.started)
		return true
	}
	// Subsystems (sftp), agent and X11 forwarding, signals and breaks:
	// bao offers none of them.
	return false
}

// clampDim keeps a claimed dimension in the range an int holds safely.
func clampDim(n uint32) int { return int(min(n, 1<<16)) }

// saneTerm accepts a TERM of printable ASCII up to maxTermLen.
func saneTerm(t string) bool {
	if len(t) > maxTermLen {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] <= ' ' || t[i] > '~' {
			return false
		}
	}
	return true
}

// Pty returns the terminal the client asked for, if any.
func (c *channel) Pty() (ptyRequest, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pty == nil {
		return ptyRequest{}, false
	}
	return *c.pty, true
}

// Window returns the latest window size.
func (c *channel) Window() ptyWindow {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.window
}

// Environ returns the accepted variables.
func (c *channel) Environ() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.env...)
}

// RawCommand is the command of an exec request, "" for a shell.
func (c *channel) RawCommand() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.command
}

// PublicKey is the key the client authenticated with, or nil.
func (c *channel) PublicKey() ssh.PublicKey {
	k, _ := c.ctx.Value(ssh.ContextKeyPublicKey).(ssh.PublicKey)
	return k
}

// RemoteAddr is the client's address.
func (c *channel) RemoteAddr() net.Addr { return c.conn.RemoteAddr() }

// Write writes to the terminal, turning \n into \r\n as a terminal's
// line discipline would.
func (c *channel) Write(p []byte) (int, error) {
	q := bytes.ReplaceAll(p, []byte{'\n'}, []byte{'\r', '\n'})
	q = bytes.ReplaceAll(q, []byte{'\r', '\r', '\n'}, []byte{'\r', '\n'})
	if _, err := c.Channel.Write(q); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Exit sends the exit status and closes the channel, once.
func (c *channel) Exit(code int) {
	c.mu.Lock()
	done := c.exited
	c.exited = true
	c.mu.Unlock()
	if done {
		return
	}
	status := struct{ Status uint32 }{uint32(code)}
	c.SendRequest("exit-status", false, gossh.Marshal(&status))
	c.Close()
}

// quoteField bounds a client-supplied string for the log: at most 64
// bytes, quoted with Go escapes when it holds anything unprintable, so it
// can neither make a huge line nor start a forged one.
func quoteField(s string) string {
	cut := len(s) > 64
	if cut {
		s = s[:64]
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		s = strconv.Quote(s)
	}
	if cut {
		s += "…"
	}
	return s
}
