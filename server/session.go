package server

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"bao/ui"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	bm "charm.land/wish/v2/bubbletea"
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
)

// session is one reader's program and what the server needs to end it.
type session struct {
	program   *tea.Program
	reason    atomic.Int32
	lastInput atomic.Int64 // unix nanoseconds of the last key press or mouse event
	once      sync.Once
}

// end quits the program, recording the first reason given.
func (ss *session) end(r endReason) {
	ss.once.Do(func() {
		ss.reason.Store(int32(r))
		ss.program.Quit()
	})
}

// handle serves one SSH session: a reader for a terminal, a one-line
// refusal for everything else.
func (s *Server) handle(sess ssh.Session) {
	start := time.Now()
	remote := sess.RemoteAddr().String()
	fp := "none"
	if k := sess.PublicKey(); k != nil {
		fp = gossh.FingerprintSHA256(k)
	}
	if cmd := sess.RawCommand(); cmd != "" {
		s.refuse(sess, "bao only serves an interactive reader; connect without a command: ssh -t HOST", "command", remote, fp)
		return
	}
	pty, winch, ok := sess.Pty()
	if !ok {
		s.refuse(sess, "bao needs a terminal: connect with ssh -t HOST", "no terminal", remote, fp)
		return
	}
	if !s.acquire() {
		s.refuse(sess, "bao: the server is busy; please try again in a few minutes", "busy", remote, fp)
		return
	}
	release := sync.OnceFunc(func() { s.active.Add(-1) })
	defer release() // also when the reader panics
	w, h := s.clampSize(pty.Window.Width, pty.Window.Height)
	s.log.Info("connect", "remote", remote, "key", fp, "term", pty.Term, "size", fmt.Sprintf("%dx%d", w, h))
	reason := s.run(sess, winch, w, h)
	// The slot is free before the client hears the session ended, so a
	// reader who leaves can be replaced at once.
	release()
	s.log.Info("disconnect", "remote", remote, "key", fp, "duration", time.Since(start).Round(time.Second), "reason", reasonText(reason))
	if msg := farewell(reason, s.cfg.IdleTimeout); msg != "" {
		fmt.Fprint(sess, "\r\n"+msg+"\r\n")
	}
	sess.Exit(0)
}

// refuse writes one line to the client (on the terminal when there is one,
// else on standard error) and ends the session with status 1.
func (s *Server) refuse(sess ssh.Session, msg, why, remote, fp string) {
	s.log.Info("refused", "remote", remote, "key", fp, "reason", why)
	var out io.Writer = sess.Stderr()
	if _, _, ok := sess.Pty(); ok {
		out = sess
	}
	fmt.Fprint(out, msg+"\r\n")
	sess.Exit(1)
}

// acquire takes a session slot, or reports that there is none.
func (s *Server) acquire() bool {
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		return false
	}
	if n := s.active.Add(1); s.cfg.MaxSessions > 0 && n > int64(s.cfg.MaxSessions) {
		s.active.Add(-1)
		return false
	}
	return true
}

// clampSize keeps a claimed terminal size within what the server draws.
func (s *Server) clampSize(w, h int) (int, int) {
	return min(max(w, 1), s.cfg.MaxWidth), min(max(h, 1), s.cfg.MaxHeight)
}

// run runs the reader until it quits or the server ends it.
func (s *Server) run(sess ssh.Session, winch <-chan ssh.Window, w, h int) endReason {
	m, err := ui.New(ui.Options{
		Load: s.library, Cache: s.cache, ReadWidth: s.cfg.ReadWidth, Style: s.cfg.Style,
		User: s.userState(sess.PublicKey()), Index: s.cfg.Store, Reload: s.cfg.Reload,
	})
	if err != nil {
		fmt.Fprint(sess, "bao: "+err.Error()+"\r\n")
		return endNone
	}
	ss := &session{}
	ss.lastInput.Store(time.Now().UnixNano())
	pty, _, _ := sess.Pty()
	opts := append(bm.MakeOptions(sess),
		// The session's input is read by pumpInput, not by the program.
		tea.WithInput(nil),
		tea.WithoutSignalHandler(),
		tea.WithWindowSize(w, h),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok {
				return tea.ResumeMsg{}
			}
			return msg
		}))
	ss.program = tea.NewProgram(m, opts...)
	if !s.register(ss) {
		return endRestart
	}
	defer s.unregister(ss)

	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	go s.watch(ctx, sess, ss, winch, w, h)
	go pumpInput(ctx, sess, pty.Term, ss)
	if _, err := ss.program.Run(); err != nil && !strings.Contains(err.Error(), "program was killed") {
		s.log.Error("reader stopped", "remote", sess.RemoteAddr().String(), "err", err)
	}
	ss.program.Kill()
	return endReason(ss.reason.Load())
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

// pumpInput decodes the session's input into key, mouse and terminal
// events and hands them to the program, noting when a key was last
// pressed. The program does not read the session itself: when a session
// ends with input still queued, Bubble Tea's own reader stays blocked
// forever delivering it to a program that has stopped, holding the whole
// program in memory. Here the events go to a channel this function drains
// until the session's input ends.
func pumpInput(ctx context.Context, in io.Reader, term string, ss *session) {
	events := make(chan uv.Event)
	reader := uv.NewTerminalReader(in, term)
	go func() {
		defer close(events)
		reader.StreamEvents(ctx, events)
	}()
	for ev := range events {
		switch ev.(type) {
		case uv.KeyPressEvent, uv.MouseClickEvent, uv.MouseWheelEvent, uv.MouseMotionEvent:
			ss.lastInput.Store(time.Now().UnixNano())
		}
		if ctx.Err() == nil {
			ss.program.Send(ev)
		}
	}
}

// watch forwards window changes and ends the session when the client goes
// away, after IdleTimeout without a key press, after MaxSession, or when
// keepalives stop being answered.
func (s *Server) watch(ctx context.Context, sess ssh.Session, ss *session, winch <-chan ssh.Window, w, h int) {
	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	// Window changes are passed on at most every 50 ms, the last one
	// winning: a flood of them costs one re-render, not one each.
	resize := time.NewTimer(time.Hour)
	resize.Stop()
	defer resize.Stop()
	sentW, sentH := w, h
	keepalive := time.NewTicker(30 * time.Second)
	defer keepalive.Stop()
	for {
		select {
		case <-ctx.Done():
			ss.end(endNone)
			return
		case win, ok := <-winch:
			if !ok {
				winch = nil
				continue
			}
			w, h = s.clampSize(win.Width, win.Height)
			resize.Reset(50 * time.Millisecond)
		case <-resize.C:
			if w != sentW || h != sentH {
				sentW, sentH = w, h
				ss.program.Send(tea.WindowSizeMsg{Width: w, Height: h})
			}
		case now := <-tick.C:
			idle := now.Sub(time.Unix(0, ss.lastInput.Load()))
			switch {
			case s.cfg.IdleTimeout > 0 && idle >= s.cfg.IdleTimeout:
				ss.end(endIdle)
			case s.cfg.MaxSession > 0 && now.Sub(start) >= s.cfg.MaxSession:
				ss.end(endTimeLimit)
			}
		case <-keepalive.C:
			go s.keepalive(sess, ss)
		}
	}
}

// keepalive ends the session when the client does not answer a keepalive
// request within 15 seconds.
func (s *Server) keepalive(sess ssh.Session, ss *session) {
	conn, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn)
	if !ok {
		return
	}
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
	return [...]string{"quit", "idle", "time limit", "server restart", "no answer to keepalive"}[r]
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
	}
	return ""
}
