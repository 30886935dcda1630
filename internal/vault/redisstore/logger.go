package redisstore

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/redis/go-redis/v9"
)

var setLogger sync.Once

// slogLogger routes go-redis's own messages (dial failures, pool events) to slog at debug
// level instead of stderr: outages are reported once by the proxy as ErrUnavailable, and
// the library's retries would otherwise print a line per attempt.
type slogLogger struct{}

func (slogLogger) Printf(ctx context.Context, format string, v ...any) {
	slog.Default().DebugContext(ctx, "redis: "+fmt.Sprintf(format, v...))
}

func quietRedisLogs() { setLogger.Do(func() { redis.SetLogger(slogLogger{}) }) }
