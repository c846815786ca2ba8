package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"bao/model"
	"bao/ui"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	gossh "golang.org/x/crypto/ssh"
)

// endReason says why the server ended a session, for the line the reader
// sees after the screen is restored.
type endReason int32

const (
	endNone endReason = iota
	endIdle
	endTimeLimit
	endRestart
	endDeadPeer
	endSlowClient
	endInputOverflow
	endKeyRemoved
	endUndecodable
)

// session is one reader's program and what the server needs to end it.
// Nothing the server does to a session waits on it: messages go to a
// bounded mailbox, and a session whose mailbox is full is ended.
type session struct {
	program   *tea.Program
	reason    atomic.Int32
	lastInput atomic.Int64 // unix nanoseconds of the last key press or mouse event
	once      sync.Once
	mail      chan tea.Msg
	out       *output
	key       string // the visitor's key fingerprint, or "none"
}

// mailboxSize is how many messages may wait for a session's program.
const mailboxSize = 64

// endGrace is how long a program told to quit has before it is killed.
const endGrace = 2 * time.Second

// post queues msg for the program without waiting, and reports whether
// there was room.
func (ss *session) post(msg tea.Msg) bool {
	select {
	case ss.mail <- msg:
		return true
	default:
		return false
	}
}

// deliver hands queued messages to the program until ctx ends.
func (ss *session) deliver(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-ss.mail:
			ss.program.Send(msg)
		}
	}
}

// end quits the program, recording the first reason given. A program that
// has not quit within endGrace is killed.
func (ss *session) end(r endReason) {
	ss.once.Do(func() {
		ss.reason.Store(int32(r))
		if !ss.post(tea.QuitMsg{}) {
			ss.program.Kill()
			return
		}
		time.AfterFunc(endGrace, ss.program.Kill)
	})
}

// handle serves one SSH session: a reader for a terminal, a one-line
// refusal for everything else.
func (s *Server) handle(c *channel) {
	// Shutdown waits for this to return, farewell written, not only for
	// the session's slot, which is freed before the farewell.
	s.handling.Add(1)
	defer s.handling.Add(-1)
	start := time.Now()
	remote := c.RemoteAddr().String()
	if t, ok := c.ctx.Value(acceptedKey{}).(time.Time); ok {
		s.metrics.handshake.Observe(time.Since(t).Seconds())
	}
	fp := "none"
	if k := c.PublicKey(); k != nil {
		fp = gossh.FingerprintSHA256(k)
	}
	if cmd := c.RawCommand(); cmd != "" {
		s.refuse(c, "bao only serves an interactive reader; connect without a command: ssh -t HOST", "command", fp)
		return
	}
	pty, ok := c.Pty()
	if !ok {
		s.refuse(c, "bao needs a terminal: connect with ssh -t HOST", "no terminal", fp)
		return
	}
	if !s.acquire(hostOf(c.RemoteAddr())) {
		s.refuse(c, "bao: the server is busy; please try again in a few minutes", "busy", fp)
		return
	}
	release := sync.OnceFunc(func() { s.releaseSlot(hostOf(c.RemoteAddr())) })
	defer release() // also when the reader panics
	w, h := s.clampSize(pty.Window.Width, pty.Window.Height)
	s.log.Info("connect", "remote", remote, "key", fp, "term", quoteField(pty.Term), "size", fmt.Sprintf("%dx%d", w, h))
	// The client's output goes through a bounded queue that never blocks
	// the reader (see output); the farewell too.
	out := newOutput(c, s.cfg.MaxOutput, s.cfg.WriteTimeout, nil)
	defer out.Close()
	reason, why := s.run(c, out, fp, pty.Term, w, h)
	// The slot is free before the client hears the session ended, so a
	// reader who leaves can be replaced at once.
	release()
	attrs := []any{"remote", remote, "key", fp, "duration", time.Since(start).Round(time.Second), "reason", reasonText(reason)}
	if why != "" {
		attrs = append(attrs, "detail", why)
	}
	s.log.Info("disconnect", attrs...)
	if hook := s.beforeFarewell.Load(); hook != nil {
		(*hook)()
	}
	if msg := farewell(reason, s.cfg.IdleTimeout); msg != "" && reason != endSlowClient {
		fmt.Fprint(out, "\r\n"+msg+"\r\n")
	}
	out.Flush(time.Second)
	c.Exit(0)
}

// refuse writes one line to the client (on the terminal when there is one,
// else on standard error) and ends the session with status 1.
func (s *Server) refuse(c *channel, msg, why, fp string) {
	s.refusals.log(hostOf(c.RemoteAddr()), why+" (key "+fp+")")
	var out io.Writer = c.Stderr()
	if _, ok := c.Pty(); ok {
		out = c
	}
	fmt.Fprint(out, msg+"\r\n")
	c.Exit(1)
}

// acquire takes a session slot for an address, or reports that there is
// none: the server is full, closing, or the address holds its share.
func (s *Server) acquire(ip string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	if s.cfg.MaxSessions > 0 && s.active.Load() >= int64(s.cfg.MaxSessions) {
		return false
	}
	if s.cfg.SessionsPerIP > 0 && s.perIP[ip] >= s.cfg.SessionsPerIP {
		return false
	}
	s.active.Add(1)
	s.perIP[ip]++
	return true
}

// releaseSlot gives back a slot taken by acquire.
func (s *Server) releaseSlot(ip string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.active.Add(-1)
	if s.perIP[ip]--; s.perIP[ip] <= 0 {
		delete(s.perIP, ip)
	}
}

// clampSize keeps a claimed terminal size within what the server draws.
func (s *Server) clampSize(w, h int) (int, int) {
	return min(max(w, 1), s.cfg.MaxWidth), min(max(h, 1), s.cfg.MaxHeight)
}

// run runs the reader until it quits or the server ends it. It returns why
// it ended, and a detail for the log.
func (s *Server) run(c *channel, out *output, fp, term string, w, h int) (endReason, string) {
	// ctx ends with the session; the reader's own work (a search in a
	// long article) stops with it.
	ctx, cancel := context.WithCancel(c.ctx)
	defer cancel()
	m, err := ui.New(ui.Options{
		Load: func() *model.Library { return s.library(ctx) }, Cache: s.cache, ReadWidth: s.cfg.ReadWidth, Style: s.cfg.Style, NoHyperlinks: s.cfg.NoHyperlinks,
		User: s.userState(c.PublicKey()), Index: timedIndex{s.cfg.Store, s.metrics}, Reload: s.cfg.Reload,
		Context: ctx,
	})
	if err != nil {
		fmt.Fprint(c, "bao: "+err.Error()+"\r\n")
		return endNone, ""
	}
	ss := &session{mail: make(chan tea.Msg, mailboxSize), key: fp}
	ss.lastInput.Store(time.Now().UnixNano())
	ss.out = out
	out.mu.Lock()
	out.onStall = func() { ss.end(endSlowClient) }
	out.mu.Unlock()
	env := append(c.Environ(), "TERM="+term)
	ss.program = tea.NewProgram(m,
		// The session's input is read by pumpInput, not by the program.
		tea.WithInput(nil),
		tea.WithOutput(ss.out),
		tea.WithEnvironment(env),
		tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithoutSignalHandler(),
		tea.WithWindowSize(w, h),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			// There is no shell to suspend to.
			if _, ok := msg.(tea.SuspendMsg); ok {
				return tea.ResumeMsg{}
			}
			return msg
		}))
	if !s.register(ss) {
		return endRestart, ""
	}
	defer s.unregister(ss)

	remote := c.RemoteAddr().String()
	go func() {
		defer s.recoverGoroutine("session mailbox", remote)
		ss.deliver(ctx)
	}()
	go func() {
		defer s.recoverGoroutine("session watch", remote)
		s.watch(ctx, c, ss, w, h)
	}()
	var inputErr atomic.Value
	go func() {
		defer s.recoverGoroutine("session input", remote)
		if err := pumpInput(ctx, c, term, ss, s.cfg.MaxPendingInput); err != nil {
			inputErr.Store(err.Error())
			if errors.Is(err, errUndecodable) {
				ss.end(endUndecodable)
			} else {
				ss.end(endInputOverflow)
			}
		}
	}()
	// The reader titles the visitor's window after the article read; the
	// title the window had is pushed on the terminal's title stack first
	// and popped at the end, as the local reader does (xterm's window
	// operations 22 and 23; terminals without them ignore both).
	io.WriteString(ss.out, "\x1b[22;0t")
	started := time.Now()
	ss.out.onFirstWrite(func() { s.metrics.firstFrame.Observe(time.Since(started).Seconds()) })
	s.metrics.sessionsOpen.Inc()
	s.metrics.sessionsTotal.Inc()
	defer s.metrics.sessionsOpen.Dec()
	if _, err := ss.program.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		s.log.Error("reader stopped", "remote", remote, "err", err)
	}
	ss.program.Kill()
	io.WriteString(ss.out, "\x1b[23;0t")
	why, _ := inputErr.Load().(string)
	return endReason(ss.reason.Load()), why
}

func (s *Server) register(ss *session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.sessions[ss] = struct{}{}
	return true
}

func (s *Server) unregister(ss *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, ss)
}

// errInputOverflow ends a session whose input the decoder has buffered
// past the limit without making an event of it: an endless paste, or an
// escape sequence that never ends.
var errInputOverflow = errors.New("input not decodable within the limit")

// errUndecodable ends a session whose input made the terminal decoder
// panic. The decoder is a library's, and it has indexed past its buffer
// on a malformed mouse report ("\x9bM" near the end of what it had
// read); input that breaks it must end that one session, never the
// server.
var errUndecodable = errors.New("input the terminal decoder failed on")

// streamEvents runs the decoder until its input ends, turning a panic in
// it into errUndecodable.
func streamEvents(ctx context.Context, reader *uv.TerminalReader, events chan<- uv.Event) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errUndecodable, r)
		}
	}()
	return reader.StreamEvents(ctx, events)
}

// boundedInput counts what the decoder has read since it last made an
// event, and fails once that passes the limit, so no input buffer grows
// without bound.
type boundedInput struct {
	r       io.Reader
	limit   int64
	pending atomic.Int64
}

func (b *boundedInput) Read(p []byte) (int, error) {
	if b.limit > 0 && b.pending.Load() > b.limit {
		return 0, errInputOverflow
	}
	n, err := b.r.Read(p)
	b.pending.Add(int64(n))
	return n, err
}

// pumpInput decodes the session's input into key, mouse and terminal
// events and hands them to the program, noting when a key was last
// pressed. The program does not read the session itself: when a session
// ends with input still queued, Bubble Tea's own reader stays blocked
// forever delivering it to a program that has stopped, holding the whole
// program in memory. Here the events go to a channel this function drains
// until the session's input ends. It returns errInputOverflow when the
// decoder holds more than limit bytes without an event, and
// errUndecodable when the decoder fails on the input.
func pumpInput(ctx context.Context, in io.Reader, term string, ss *session, limit int64) error {
	events := make(chan uv.Event)
	bounded := &boundedInput{r: in, limit: limit}
	reader := uv.NewTerminalReader(bounded, term)
	errc := make(chan error, 1)
	go func() {
		defer close(events)
		errc <- streamEvents(ctx, reader, events)
	}()
	for ev := range events {
		bounded.pending.Store(0)
		switch ev.(type) {
		case uv.KeyPressEvent, uv.MouseClickEvent, uv.MouseWheelEvent, uv.MouseMotionEvent:
			ss.lastInput.Store(time.Now().UnixNano())
		}
		if ctx.Err() == nil {
			// This waits on the program, and so holds back only this
			// client's own input.
			ss.program.Send(ev)
		}
	}
	if err := <-errc; errors.Is(err, errInputOverflow) || errors.Is(err, errUndecodable) {
		return err
	}
	return nil
}

// watch passes window changes on and ends the session when the client goes
// away, after IdleTimeout without a key press, after MaxSession, when
// keepalives stop being answered, or when the client stops reading.
func (s *Server) watch(ctx context.Context, c *channel, ss *session, w, h int) {
	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	// Window changes are passed on at most every 50 ms, the last one
	// winning: a flood of them costs one re-render, not one each.
	resize := time.NewTimer(time.Hour)
	resize.Stop()
	defer resize.Stop()
	pending := false
	sentW, sentH := w, h
	keepalive := time.NewTicker(s.keepaliveEvery())
	defer keepalive.Stop()
	for {
		select {
		case <-ctx.Done():
			ss.end(endNone)
			return
		case <-c.resized:
			if !pending {
				pending = true
				resize.Reset(50 * time.Millisecond)
			}
		case <-resize.C:
			pending = false
			win := c.Window()
			w, h := s.clampSize(win.Width, win.Height)
			if w != sentW || h != sentH {
				if !ss.post(tea.WindowSizeMsg{Width: w, Height: h}) {
					ss.end(endSlowClient)
					continue
				}
				sentW, sentH = w, h
			}
		case now := <-tick.C:
			idle := now.Sub(time.Unix(0, ss.lastInput.Load()))
			switch {
			case ss.out.Stalled(now):
				ss.end(endSlowClient)
				c.conn.Close()
			case s.cfg.IdleTimeout > 0 && idle >= s.cfg.IdleTimeout:
				ss.end(endIdle)
			case s.cfg.MaxSession > 0 && now.Sub(start) >= s.cfg.MaxSession:
				ss.end(endTimeLimit)
			}
		case <-keepalive.C:
			go func() {
				defer s.recoverGoroutine("keepalive", c.RemoteAddr().String())
				s.keepalive(c.conn, ss)
			}()
		}
	}
}

// keepalive ends the session when the client does not answer a keepalive
// request within 15 seconds.
func (s *Server) keepalive(conn gossh.Conn, ss *session) {
	done := make(chan error, 1)
	go func() {
		_, _, err := conn.SendRequest("keepalive@openssh.com", true, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			ss.end(endDeadPeer)
		}
	case <-time.After(15 * time.Second):
		ss.end(endDeadPeer)
		conn.Close()
	}
}

func reasonText(r endReason) string {
	return [...]string{"quit", "idle", "time limit", "server restart", "no answer to keepalive", "client stopped reading", "input over the limit", "key no longer authorized", "input not decodable"}[r]
}

// farewell is the line shown after the reader's screen is restored.
func farewell(r endReason, idle time.Duration) string {
	switch r {
	case endIdle:
		return fmt.Sprintf("bao: disconnected after %s without a key press.", idle)
	case endTimeLimit:
		return "bao: this session reached the server's time limit; reconnect to keep reading."
	case endRestart:
		return "bao: the server is restarting; reconnect in a moment."
	case endKeyRemoved:
		return "bao: your key is no longer authorized on this server."
	case endInputOverflow:
		return "bao: disconnected: more input at once than a reader takes."
	case endUndecodable:
		return "bao: disconnected: input the reader could not decode."
	}
	return ""
}
