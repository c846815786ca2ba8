package server

import (
	"fmt"
	"net"
	"os"
	"path"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// authorizedKeys are the keys let in, by fingerprint, with the options of
// their lines that bao honours.
type authorizedKeys struct {
	byFP map[string]keyOptions
}

// keyOptions are the authorized_keys options bao applies to a key.
type keyOptions struct {
	// from is the from="..." pattern list; empty lets in any address.
	from []string
	// expires is expiry-time; zero never.
	expires time.Time
}

// maxKeysFile is the largest authorized keys file read.
const maxKeysFile = 4 << 20

// readAuthorizedKeys parses an OpenSSH authorized_keys file. Lines bao
// cannot honour as OpenSSH documents them are skipped, and each is named
// in the warnings:
//   - cert-authority: bao does not accept certificates;
//   - command="...": a forced command, and bao runs no commands;
//   - no-pty, or restrict without pty: bao needs a terminal;
//   - an option bao does not know.
//
// from="..." and expiry-time="..." are honoured; environment="..." is
// ignored with a warning; the forwarding options need nothing, since bao
// forwards nothing.
func readAuthorizedKeys(file string) (*authorizedKeys, []string, error) {
	info, err := os.Stat(file)
	if err != nil {
		return nil, nil, fmt.Errorf("authorized keys: %w", err)
	}
	if !info.Mode().IsRegular() || info.Size() > maxKeysFile {
		return nil, nil, fmt.Errorf("authorized keys %s: not a regular file of at most %d bytes", file, maxKeysFile)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, fmt.Errorf("authorized keys: %w", err)
	}
	keys := &authorizedKeys{byFP: map[string]keyOptions{}}
	var warnings []string
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", file, n+1)
		key, _, options, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			warnings = append(warnings, where+": not a key line, skipped")
			continue
		}
		opts, why := parseKeyOptions(options)
		if why != "" {
			warnings = append(warnings, where+": "+why)
			if strings.HasSuffix(why, "skipped") {
				continue
			}
		}
		keys.byFP[gossh.FingerprintSHA256(key)] = opts
	}
	if len(keys.byFP) == 0 {
		return nil, warnings, fmt.Errorf("authorized keys %s: no usable keys found", file)
	}
	return keys, warnings, nil
}

// parseKeyOptions reads a key line's options. why, when not empty, is a
// warning; it ends in "skipped" when the key must not be let in.
func parseKeyOptions(options []string) (keyOptions, string) {
	var o keyOptions
	var notes []string
	restrict, pty := false, false
	for _, opt := range options {
		name, value, hasValue := strings.Cut(opt, "=")
		name = strings.ToLower(name)
		value = strings.Trim(value, `"`)
		switch {
		case name == "cert-authority":
			return o, "cert-authority: bao does not accept certificates; skipped"
		case name == "command" && hasValue:
			return o, "command=: a forced command, and bao runs no commands; skipped"
		case name == "no-pty":
			return o, "no-pty: bao needs a terminal; skipped"
		case name == "restrict":
			restrict = true
		case name == "pty":
			pty = true
		case name == "from" && hasValue:
			o.from = strings.Split(value, ",")
		case name == "expiry-time" && hasValue:
			t, err := parseExpiry(value)
			if err != nil {
				return o, "expiry-time: " + err.Error() + "; skipped"
			}
			o.expires = t
		case name == "environment" && hasValue:
			notes = append(notes, "environment= ignored: bao sets no environment")
		case name == "principals" && hasValue:
			return o, "principals= applies to certificates, which bao does not accept; skipped"
		case name == "no-port-forwarding", name == "no-agent-forwarding", name == "no-x11-forwarding",
			name == "no-user-rc", name == "permitopen", name == "permitlisten", name == "no-touch-required",
			name == "verify-required", name == "port-forwarding", name == "agent-forwarding",
			name == "x11-forwarding", name == "user-rc", name == "tunnel":
			// bao forwards nothing and runs no rc file.
		default:
			return o, "unknown option " + quoteField(name) + "; skipped"
		}
	}
	if restrict && !pty {
		return o, "restrict without pty: bao needs a terminal; skipped"
	}
	return o, strings.Join(notes, "; ")
}

// parseExpiry reads OpenSSH's YYYYMMDD[HHMM[SS]] time, in the local zone
// unless it ends in Z.
func parseExpiry(v string) (time.Time, error) {
	loc := time.Local
	if strings.HasSuffix(v, "Z") || strings.HasSuffix(v, "z") {
		v, loc = v[:len(v)-1], time.UTC
	}
	for _, layout := range []string{"20060102", "200601021504", "20060102150405"} {
		if len(v) == len(layout) {
			if t, err := time.ParseInLocation(layout, v, loc); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("%q is not YYYYMMDD[HHMM[SS]][Z]", quoteField(v))
}

// allows says why key may not come in from ip at now, or "" when it may.
func (k *authorizedKeys) allows(key gossh.PublicKey, ip string, now time.Time) string {
	if k == nil {
		return "no authorized keys"
	}
	opts, ok := k.byFP[gossh.FingerprintSHA256(key)]
	if !ok {
		return "key not authorized"
	}
	if !opts.expires.IsZero() && !now.Before(opts.expires) {
		return "key expired"
	}
	if len(opts.from) > 0 && !matchFrom(opts.from, ip) {
		return "key not allowed from this address"
	}
	return ""
}

// has reports whether the key with fingerprint fp is still authorized.
func (k *authorizedKeys) has(fp string) bool {
	_, ok := k.byFP[fp]
	return ok
}

// matchFrom applies an OpenSSH from= pattern list to an address: patterns
// with * and ?, CIDR blocks, and ! to refuse. A negated match refuses
// whatever else matches. Host names are not looked up, so only address
// patterns can match.
func matchFrom(patterns []string, ip string) bool {
	addr := net.ParseIP(ip)
	matched := false
	for _, p := range patterns {
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		var hit bool
		if _, block, err := net.ParseCIDR(p); err == nil {
			hit = addr != nil && block.Contains(addr)
		} else {
			hit, _ = path.Match(p, ip)
		}
		if hit && neg {
			return false
		}
		matched = matched || hit
	}
	return matched
}
