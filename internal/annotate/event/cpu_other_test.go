//go:build !unix

package event

import "time"

// cpuTime is not measured off Unix; the benchmark then reports wall time only.
func cpuTime() time.Duration { return 0 }
