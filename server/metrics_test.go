package server

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"bao/articles"
)

// metricValue reads one sample from a Prometheus text page, or -1.
func metricValue(page, name string) float64 {
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` ([0-9.e+-]+)$`).FindStringSubmatch(page)
	if m == nil {
		return -1
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// --metrics serves what the service is doing: sessions, refusals by
// reason, latencies, the render cache, the state store and the library;
// and /healthz for the balancer.
func TestMetrics(t *testing.T) {
	srv, addr := testServer(t, articles.Sample(), nil)
	maddr, err := srv.ServeMetrics("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + maddr.String()
	if code, body := get(t, base+"/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	// Two readers open the same article: one layout made, one found.
	key := newKey(t)
	for range 2 {
		term := openTerminal(t, addr, key, 80, 24)
		term.waitText("7 articles")
		term.send("\r")
		term.waitText("min read")
	}
	client, err := dial(addr, key)
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := client.NewSession()
	sess.CombinedOutput("ls") // refused: bao serves no commands
	client.Close()

	want := map[string]func(float64) bool{
		"bao_sessions_open":  func(v float64) bool { return v == 2 },
		"bao_sessions_total": func(v float64) bool { return v == 2 },
		`bao_connections_refused_total{reason="command"}`:         func(v float64) bool { return v == 1 },
		"bao_handshake_seconds_count":                             func(v float64) bool { return v >= 3 },
		"bao_first_frame_seconds_count":                           func(v float64) bool { return v == 2 },
		"bao_render_cache_misses_total":                           func(v float64) bool { return v >= 1 },
		"bao_render_cache_hits_total":                             func(v float64) bool { return v >= 1 },
		`bao_state_seconds_count{op="marks"}`:                     func(v float64) bool { return v == 2 },
		`bao_state_seconds_count{op="position"}`:                  func(v float64) bool { return v >= 2 },
		"bao_library_articles":                                    func(v float64) bool { return v == 7 },
		`bao_state_errors_total{op="marks"}`:                      func(v float64) bool { return v <= 0 },
		`bao_connections_refused_total{reason="handshake"}`:       func(v float64) bool { return v <= 0 },
		`bao_connections_refused_total{reason="connection rate"}`: func(v float64) bool { return v <= 0 },
	}
	var page string
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, page = get(t, base+"/metrics")
		bad := ""
		for name, ok := range want {
			if v := metricValue(page, name); !ok(v) {
				bad += name + " = " + strconv.FormatFloat(v, 'g', -1, 64) + "\n"
			}
		}
		if bad == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("metrics not as expected:\n%s\npage:\n%s", bad, page)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, title := range []string{"Hoàn Kiếm", "Commuters"} {
		if strings.Contains(page, title) {
			t.Errorf("article text in the metrics: %q", title)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the metrics server still answers after Shutdown")
	}
}

// A server started before its library loads listens at once and shows
// visitors the loading screen until the library comes.
func TestListensWhileLoading(t *testing.T) {
	srv, addr := testServer(t, nil, nil)
	term := openTerminal(t, addr, newKey(t), 80, 24)
	term.waitText("Loading articles")
	srv.Reload(articles.Sample())
	term.waitText("7 articles")
	// A visitor after the load sees the library at once.
	openTerminal(t, addr, newKey(t), 80, 24).waitText("7 articles")
}
