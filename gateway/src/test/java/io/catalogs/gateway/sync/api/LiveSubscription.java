package io.catalogs.gateway.sync.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.awaitility.Awaitility.await;

/**
 * A subscription a test holds open: collects what arrives, knows when the server has attached it to
 * the feed (so that what the test does next is seen), and waits for what it expects.
 */
final class LiveSubscription<T> implements AutoCloseable {

	private final List<T> received = new CopyOnWriteArrayList<>();

	private volatile Throwable error;

	private final Disposable subscription;

	private LiveSubscription(Flux<T> flux) {
		this.subscription = flux.subscribe(this.received::add, (ex) -> this.error = ex);
	}

	/**
	 * Subscribe to {@code flux} and return once {@code started} (the server's count of feed
	 * subscriptions ever attached) has grown, or the subscription failed.
	 */
	static <T> LiveSubscription<T> open(Flux<T> flux, LongSupplier started) {
		long before = started.getAsLong();
		LiveSubscription<T> live = new LiveSubscription<>(flux);
		await().atMost(Duration.ofSeconds(20)).until(() -> live.error != null || started.getAsLong() > before);
		return live;
	}

	/** Wait until what arrived meets {@code condition}; returns what arrived. */
	List<T> awaitUntil(Predicate<List<T>> condition, Duration timeout) {
		await().atMost(timeout).until(() -> this.error != null || condition.test(List.copyOf(this.received)));
		if (this.error != null) {
			throw new AssertionError("the subscription failed", this.error);
		}
		return List.copyOf(this.received);
	}

	/** Everything that arrived so far. */
	List<T> received() {
		return List.copyOf(this.received);
	}

	/** The error the subscription ended with, or {@code null}. */
	Throwable error() {
		return this.error;
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}
}
