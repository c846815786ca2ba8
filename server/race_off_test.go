//go:build !race

package server

// raceEnabled: the race detector slows everything several times, so time
// limits in tests are loosened under it.
const raceEnabled = false
