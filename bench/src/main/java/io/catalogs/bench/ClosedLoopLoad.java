package io.catalogs.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A closed-loop load: a fixed number of callers, each sending its next request as soon as its
 * previous one completes, for a warm-up and then a measured window. Only requests that complete
 * inside the measured window count; their latencies go to an HdrHistogram {@link Recorder}.
 */
final class ClosedLoopLoad {

	private static final Logger logger = LoggerFactory.getLogger(ClosedLoopLoad.class);

	private static final int ERROR_SAMPLES = 5;

	private ClosedLoopLoad() {
	}

	/**
	 * Run {@code call} (emitting {@code true} on success, {@code false} or an error on failure) from
	 * {@code concurrency} callers; blocks until the measured window is over and every caller has stopped.
	 * @param onMeasureStart runs when the warm-up ends (for example to start a profile)
	 */
	static LoadResult run(String name, Supplier<Mono<Boolean>> call, int concurrency, Duration warmup,
			Duration duration, Runnable onMeasureStart) {
		Recorder recorder = new Recorder(1, Duration.ofMinutes(2).toNanos() / 1000, 3);
		LongAdder ok = new LongAdder();
		LongAdder errors = new LongAdder();
		List<String> errorSamples = new CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		long measureStart = start + warmup.toNanos();
		long measureEnd = measureStart + duration.toNanos();
		Mono<Void> startMeasuring = Mono.delay(warmup).publishOn(Schedulers.boundedElastic()).doOnNext((tick) -> {
			logger.info("{}: warm-up over, measuring for {} s", name, duration.toSeconds());
			if (onMeasureStart != null) {
				onMeasureStart.run();
			}
		}).then();
		Flux<Void> callers = Flux.range(0, concurrency).flatMap((caller) -> Mono.defer(() -> {
			long sent = System.nanoTime();
			return call.get()
				.onErrorResume((ex) -> {
					if (errorSamples.size() < ERROR_SAMPLES) {
						errorSamples.add(ex.toString());
					}
					return Mono.just(false);
				})
				.doOnNext((success) -> {
					long done = System.nanoTime();
					if (done < measureStart || done >= measureEnd) {
						return;
					}
					if (success) {
						ok.increment();
						recorder.recordValue(Math.max(1, (done - sent) / 1000));
					}
					else {
						errors.increment();
					}
				});
		}).repeat(() -> System.nanoTime() < measureEnd).then(), concurrency);
		logger.info("{}: {} callers, warm-up {} s", name, concurrency, warmup.toSeconds());
		Mono.when(startMeasuring, callers.then()).block();
		return new LoadResult(ok.sum(), errors.sum(), duration.toNanos() / 1e9, recorder.getIntervalHistogram(),
				List.copyOf(errorSamples));
	}
}
