package fetch

import (
	"net/netip"
	"sync"
	"time"
)

// Limiter is a token bucket for each client: a client may make Burst requests at once,
// then one every Every. The zero value is not usable; use NewLimiter. It is safe for
// concurrent use and holds at most MaxClients buckets: full buckets are forgotten (a
// client that has waited long enough is as good as new), and when every bucket is in
// use new clients are refused until one frees up.
type Limiter struct {
	Every      time.Duration
	Burst      int
	MaxClients int

	now func() time.Time // tests replace the clock

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// NewLimiter returns a Limiter that lets each client make burst requests at once and
// then one every every, for up to 10,000 clients at a time.
func NewLimiter(every time.Duration, burst int) *Limiter {
	return &Limiter{Every: every, Burst: burst, MaxClients: 10000, now: time.Now, buckets: map[string]*bucket{}}
}

// Allow takes a token from client's bucket. If there is none, it returns false and how
// long until there will be one.
func (l *Limiter) Allow(client string) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[client]
	if b == nil {
		if len(l.buckets) >= l.MaxClients {
			l.sweep(now)
		}
		if len(l.buckets) >= l.MaxClients {
			return false, l.Every
		}
		b = &bucket{tokens: float64(l.Burst), at: now}
		l.buckets[client] = b
	}
	b.refill(now, l)
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) * float64(l.Every))
}

func (b *bucket) refill(now time.Time, l *Limiter) {
	if d := now.Sub(b.at); d > 0 {
		b.tokens = min(float64(l.Burst), b.tokens+float64(d)/float64(l.Every))
		b.at = now
	}
}

// sweep forgets the buckets that are full again, at most once every Every.
func (l *Limiter) sweep(now time.Time) {
	if now.Sub(l.swept) < l.Every {
		return
	}
	l.swept = now
	for k, b := range l.buckets {
		if b.refill(now, l); b.tokens >= float64(l.Burst) {
			delete(l.buckets, k)
		}
	}
}

// clientKey is the rate-limit key of a client address: the address itself for IPv4,
// its /64 network for IPv6 (one home or host usually has a whole /64).
func clientKey(ip netip.Addr) string {
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}
