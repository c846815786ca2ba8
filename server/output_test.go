package server

import (
	"errors"
	"testing"
	"time"
)

// blockingWriter never finishes a write until released.
type blockingWriter struct{ started, release chan struct{} }

func (w *blockingWriter) Write(p []byte) (int, error) {
	close(w.started)
	<-w.release
	return len(p), nil
}

// A send that does not finish within the write timeout stalls the output
// and tells the session; the program's writes never wait on it.
func TestOutputStallsOnAnUnfinishedWrite(t *testing.T) {
	w := &blockingWriter{started: make(chan struct{}), release: make(chan struct{})}
	defer close(w.release)
	told := make(chan struct{})
	o := newOutput(w, 1<<20, 20*time.Second, func() { close(told) })
	defer o.Close()
	o.Write([]byte("frame"))
	<-w.started
	if o.Stalled(time.Now()) {
		t.Fatal("stalled at once")
	}
	if !o.Stalled(time.Now().Add(21 * time.Second)) {
		t.Fatal("a write unfinished past the timeout did not stall the output")
	}
	<-told
	if _, err := o.Write([]byte("next")); !errors.Is(err, errSlowClient) {
		t.Fatalf("a write after the stall: %v", err)
	}
}

// A client max bytes behind fails the next write at once.
func TestOutputBoundsWhatWaits(t *testing.T) {
	w := &blockingWriter{started: make(chan struct{}), release: make(chan struct{})}
	defer close(w.release)
	told := make(chan struct{})
	o := newOutput(w, 1000, 0, func() { close(told) })
	defer o.Close()
	o.Write(make([]byte, 10))
	<-w.started // the sender holds those 10 bytes; the queue is empty
	if _, err := o.Write(make([]byte, 900)); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Write(make([]byte, 200)); !errors.Is(err, errSlowClient) {
		t.Fatalf("a write past the limit: %v", err)
	}
	<-told
}
