package io.catalogs.api.stripe;

import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteObject;
import io.catalogs.client.stripe.StripeEvent;
import io.catalogs.client.stripe.StripeObject;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;

/**
 * Turns Stripe events (listed newest first) into the ascending change feed of
 * {@link io.catalogs.api.RemoteCollection#modifiedSince}: one {@link RemoteChange} per object and
 * second, the object's snapshot of the newest event of that second, ordered by (event time, event
 * id). Stripe's event times are whole seconds, so several changes of one object may share one;
 * keeping the last of them makes (vendor id, modification time) unique, which is what callers
 * deduplicate by.
 *
 * <p>Memory: the Events API lists newest first only, so every event since {@code since} is read
 * before the first change is emitted (a few KB per event: about 10,000 events per 50 MB). Pull
 * often enough that one interval's events fit; Stripe keeps events for 30 days, so a cursor older
 * than that misses changes (a full listing is the way to catch up).
 */
final class StripeChangeFeed {

	private StripeChangeFeed() {
	}

	static <T extends StripeObject> Flux<RemoteChange> ascending(Flux<StripeEvent<T>> newestFirst,
			Function<T, RemoteObject> flat, Predicate<T> deleted) {
		return newestFirst.collectList().flatMapIterable((events) -> changes(events, flat, deleted));
	}

	private static <T extends StripeObject> List<RemoteChange> changes(List<StripeEvent<T>> events,
			Function<T, RemoteObject> flat, Predicate<T> deleted) {
		List<StripeEvent<T>> oldestFirst = events.stream()
			.sorted(Comparator.comparingLong((StripeEvent<T> event) -> event.created()).thenComparing(StripeEvent::id))
			.toList();
		Map<String, StripeEvent<T>> lastPerObjectAndSecond = new LinkedHashMap<>();
		for (StripeEvent<T> event : oldestFirst) {
			String key = event.object().id() + "@" + event.created();
			lastPerObjectAndSecond.remove(key);
			lastPerObjectAndSecond.put(key, event);
		}
		return lastPerObjectAndSecond.values().stream()
			.map((event) -> new RemoteChange(flat.apply(event.object()), Instant.ofEpochSecond(event.created()),
					event.deletion() || deleted.test(event.object())))
			.toList();
	}
}
