package confidence

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time the calling OS thread has used: on a shared machine the
// benchmark reports it beside wall time, since other processes' load inflates the latter.
func threadCPU() (time.Duration, bool) {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
