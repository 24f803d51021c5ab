//go:build !linux

package confidence

import "time"

func threadCPU() (time.Duration, bool) { return 0, false }
