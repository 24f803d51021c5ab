package identity

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestHashGate(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		gate    *HashGate
		full    bool // another caller holds every turn
		ctx     context.Context
		ran     bool
		wantErr func(error) bool
	}{
		{"no gate: runs", nil, false, context.Background(), true, func(err error) bool { return err == nil }},
		{"a free turn: runs", NewHashGate(1, time.Minute), false, context.Background(), true, func(err error) bool { return err == nil }},
		{"no turn within the wait: busy, retry in a second", NewHashGate(1, time.Millisecond), true, context.Background(), false,
			func(err error) bool { var b *BusyError; return errors.As(err, &b) && b.RetryAfter == time.Second }},
		{"the request ends while waiting: its error", NewHashGate(1, time.Minute), true, cancelled, false,
			func(err error) bool { return errors.Is(err, context.Canceled) }},
		{"capacity 0 means two per core", NewHashGate(0, time.Minute), false, context.Background(), true, func(err error) bool { return err == nil }},
	}
	for _, tc := range tests {
		release, holding := make(chan struct{}), make(chan struct{})
		if tc.full {
			go tc.gate.Do(context.Background(), func() { close(holding); <-release })
			<-holding
		}
		ran := false
		err := tc.gate.Do(tc.ctx, func() { ran = true })
		close(release)
		if ran != tc.ran || !tc.wantErr(err) {
			t.Errorf("%s: ran %v, err %v", tc.name, ran, err)
		}
	}
	if got := NewHashGate(0, time.Minute).Capacity(); got != DefaultHashConcurrency() || got < 2 {
		t.Errorf("default capacity %d", got)
	}
}
