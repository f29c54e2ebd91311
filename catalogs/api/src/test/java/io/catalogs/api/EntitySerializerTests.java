package io.catalogs.api;

import io.catalogs.schema.EntityTypes;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class EntitySerializerTests {

	private final EntitySerializer serializer = new EntitySerializer();

	@Test
	void writesOfOneEntityNeverOverlapEvenWhenSomeFail() {
		UUID id = UUID.randomUUID();
		AtomicInteger running = new AtomicInteger();
		List<Integer> overlaps = new CopyOnWriteArrayList<>();
		Flux.range(0, 20)
			.flatMap((i) -> this.serializer.serialize(EntityTypes.CUSTOMER, id, () -> Mono.fromRunnable(() -> {
				if (running.incrementAndGet() > 1) {
					overlaps.add(i);
				}
			}).then(Mono.delay(Duration.ofMillis(2))).then(Mono.fromRunnable(running::decrementAndGet))
				.then((i % 3 == 0) ? Mono.error(new IllegalStateException("boom")) : Mono.just(i)))
				.onErrorResume((ex) -> Mono.empty())
				.subscribeOn(Schedulers.parallel()), 20)
			.blockLast(Duration.ofSeconds(10));
		assertThat(overlaps).isEmpty();
	}

	@Test
	void writesOfDifferentEntitiesRunTogether() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		Flux.range(0, 8)
			.flatMap((i) -> this.serializer.serialize(EntityTypes.CUSTOMER, UUID.randomUUID(), () -> Mono.fromRunnable(() ->
				most.accumulateAndGet(running.incrementAndGet(), Math::max))
				.then(Mono.delay(Duration.ofMillis(50))).then(Mono.fromRunnable(running::decrementAndGet))), 8)
			.blockLast(Duration.ofSeconds(10));
		assertThat(most.get()).isGreaterThan(1);
	}
}
