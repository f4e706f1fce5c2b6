#if canImport(Glibc)
import Glibc
#endif

/// The wall clock in epoch milliseconds: record timestamps, time lag, `--offset -1h`. One function for the whole
/// program (Foundation's Date is not used in AdminCore and kafkactl); durations use `ContinuousClock` instead.
public enum WallClock {
    public static func millis() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
