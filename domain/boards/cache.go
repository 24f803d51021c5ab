package boards

import (
	"slices"
	"strings"
	"time"

	"summit/domain/buildcache"
)

// DefaultCacheDeals is how many open deals the cache holds over all its boards at most
// (a board keeps about a kilobyte a deal): the cache's memory does not grow with the
// number of deals or of people.
const DefaultCacheDeals = 40_000

// Cache keeps built boards for a short while (domain/buildcache; docs/board.md,
// "Freshness"), weighed by their open deals. The key is everything a board depends on
// besides the data: period, scope, basis, the caller's visibility and today's date.
type Cache = buildcache.Cache[Board]

// NewCache returns a cache whose boards are at most ttl old; ttl 0 turns it off (nil).
func NewCache(ttl time.Duration) *Cache {
	if ttl <= 0 {
		return nil
	}
	return &Cache{TTL: ttl, Weight: BoardWeight, MaxWeight: DefaultCacheDeals, What: "the board"}
}

// BoardWeight is what a board costs the cache to hold: its open deals.
func BoardWeight(b Board) int { return len(b.Deals) }

// CacheKey names what a board depends on besides the stored data.
func CacheKey(q Query, today time.Time) string {
	var k strings.Builder
	k.WriteString(q.Period.Name + "|" + q.Period.From.Format(time.DateOnly) + "|" + q.Period.To.Format(time.DateOnly) + "|")
	if q.TeamID != nil {
		k.WriteString(*q.TeamID)
	}
	k.WriteString("|" + q.Basis + "|" + today.Format(time.DateOnly) + "|")
	if q.Visible == nil {
		k.WriteString("*") // every deal
	} else {
		teams := slices.Clone(q.Visible.TeamIDs)
		slices.Sort(teams)
		k.WriteString(q.Visible.UserID + ":" + strings.Join(teams, ","))
	}
	return k.String()
}
