package io.catalogs.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * An open-loop load: requests are due at a fixed rate whatever the answers do, and each one's
 * latency is measured from when it was due, not from when it could be sent, so a server that falls
 * behind shows it in the percentiles (no coordinated omission); the service latency (from the send)
 * is kept beside it. At most {@code maxInFlight} requests are outstanding; a due request waits for a
 * free slot and that wait counts in its latency; requests still waiting when the window closes are
 * never sent and are counted as such. A warm-up backlog is dropped when the measured window opens.
 */
final class OpenLoopLoad {

	private static final Logger logger = LoggerFactory.getLogger(OpenLoopLoad.class);

	private static final int ERROR_SAMPLES = 5;

	private OpenLoopLoad() {
	}

	/**
	 * Start {@code call.apply(i)} for i = 0, 1, 2... at {@code rate} per second, for the warm-up and
	 * then the measured window; blocks until the last request has answered (or {@code settle} passed).
	 * Requests due in the measured window count, whenever they complete; the rate is their number over
	 * the time from the window's start to the last one's answer (at least the window).
	 */
	static LoadResult run(String name, LongFunction<Mono<Boolean>> call, int rate, int maxInFlight,
			Duration warmup, Duration duration, Duration settle, Runnable onMeasureStart) {
		Recorder recorder = new Recorder(1, Duration.ofMinutes(5).toNanos() / 1000, 3);
		Recorder service = new Recorder(1, Duration.ofMinutes(5).toNanos() / 1000, 3);
		LongAdder ok = new LongAdder();
		LongAdder errors = new LongAdder();
		List<String> errorSamples = new CopyOnWriteArrayList<>();
		AtomicLong lastDone = new AtomicLong();
		Semaphore slots = new Semaphore(maxInFlight);
		double intervalNanos = 1e9 / rate;
		long start = System.nanoTime();
		long measureStart = start + warmup.toNanos();
		long end = measureStart + duration.toNanos();
		logger.info("{}: {} per second, at most {} in flight, warm-up {} s, measuring {} s", name, rate, maxInFlight,
				warmup.toSeconds(), duration.toSeconds());
		long unsent = 0;
		long firstMeasured = (long) Math.ceil(warmup.toNanos() / intervalNanos);
		long total = (long) Math.ceil((end - start) / intervalNanos);
		boolean measuring = false;
		for (long i = 0; i < total; i++) {
			long due = start + (long) (i * intervalNanos);
			if (i < firstMeasured && System.nanoTime() >= measureStart) {
				// a warm-up the server could not keep up with: its backlog is dropped, not carried into the window
				i = firstMeasured - 1;
				continue;
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (!measuring && due >= measureStart) {
				measuring = true;
				logger.info("{}: warm-up over, measuring for {} s", name, duration.toSeconds());
				if (onMeasureStart != null) {
					onMeasureStart.run();
				}
			}
			if (!acquire(slots, end)) {
				// every slot stayed busy until the window closed: the rest of the due requests are never sent
				unsent = total - Math.max(i, firstMeasured);
				break;
			}
			boolean measured = due >= measureStart;
			long sent = System.nanoTime();
			call.apply(i).onErrorResume((ex) -> {
				if (measured && errorSamples.size() < ERROR_SAMPLES) {
					errorSamples.add(ex.toString());
				}
				return Mono.just(false);
			}).defaultIfEmpty(false).doFinally((signal) -> slots.release()).subscribe((success) -> {
				if (!measured) {
					return;
				}
				long done = System.nanoTime();
				lastDone.accumulateAndGet(done, Math::max);
				if (success) {
					ok.increment();
					recorder.recordValue(Math.max(1, (done - due) / 1000));
					service.recordValue(Math.max(1, (done - sent) / 1000));
				}
				else {
					errors.increment();
				}
			});
		}
		try {
			if (!slots.tryAcquire(maxInFlight, settle.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("{}: {} requests still in flight after {}", name, maxInFlight - slots.availablePermits(),
						settle);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (unsent > 0) {
			logger.info("{}: {} requests due in the window were never sent: all {} slots stayed busy", name, unsent,
					maxInFlight);
		}
		// sustained: the requests due in the window over the time it took to answer them all
		long window = Math.max(duration.toNanos(), lastDone.get() - measureStart);
		return new LoadResult(ok.sum(), errors.sum(), window / 1e9, recorder.getIntervalHistogram(),
				List.copyOf(errorSamples), unsent, service.getIntervalHistogram());
	}

	/** Take a slot, waiting at most until {@code end}. */
	private static boolean acquire(Semaphore slots, long end) {
		try {
			return slots.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
