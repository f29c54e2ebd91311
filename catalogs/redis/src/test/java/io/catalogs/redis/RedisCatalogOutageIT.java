package io.catalogs.redis;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.PageRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

import static org.assertj.core.api.Assertions.assertThat;

/** A Redis catalog while its server goes away and comes back: unavailable in time, then working again. */
class RedisCatalogOutageIT {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private static final CatalogDefinition DEFINITION = new CatalogDefinition("redis-outage", "redis",
			CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER));

	private static EmbeddedRedis redis;

	@BeforeAll
	static void startOwnServer() {
		// a server of its own: this test stops it, which must not disturb the shared one
		redis = EmbeddedRedis.start();
	}

	@AfterAll
	static void stopOwnServer() {
		redis.stop();
	}

	@Test
	void isCreatedWhileRedisIsDownAndWorksOnceItIsUp() {
		EmbeddedRedis later = EmbeddedRedis.start();
		later.stop();
		RedisCatalog catalog = RedisCatalog.create(DEFINITION,
				RedisCatalogProperties.of(later.uri()).withTimeout(TIMEOUT));
		try {
			StepVerifier.create(catalog.ping()).expectError(CatalogUnavailableException.class).verify(Duration.ofSeconds(5));
			later.resume();
			StepVerifier.create(catalog.ping().retryWhen(Retry.fixedDelay(50, Duration.ofMillis(100))))
				.verifyComplete();
		}
		finally {
			catalog.close().block();
			later.stop();
		}
	}

	@Test
	void signalsUnavailableWithinTheTimeoutAndRecoversWithTheSameInstance() {
		RedisCatalog catalog = RedisCatalog.create(DEFINITION,
				RedisCatalogProperties.of(redis.uri()).withTimeout(TIMEOUT));
		try {
			Entity ada = customer("ada@example.com");
			StepVerifier.create(catalog.create(ada)).expectNext(ada).verifyComplete();

			redis.stop();
			long started = System.nanoTime();
			StepVerifier.create(catalog.ping())
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CatalogUnavailableException.class)
					.hasMessageNotContaining("Redis")
					.cause()
					.isNotNull())
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(catalog.get(EntityTypes.CUSTOMER, ada.id()))
				.expectError(CatalogUnavailableException.class)
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(catalog.list(EntityTypes.CUSTOMER, PageRequest.first(10)))
				.expectError(CatalogUnavailableException.class)
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(catalog.create(customer("bob@example.com")))
				.expectError(CatalogUnavailableException.class)
				.verify(Duration.ofSeconds(5));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4).plusSeconds(1));

			redis.resume();
			// the restarted server has no data and no scripts: the catalog reconnects and reloads them
			Entity bob = customer("bob@example.com");
			StepVerifier.create(Mono.defer(() -> catalog.create(bob)).retryWhen(Retry.fixedDelay(50, Duration.ofMillis(100))
				.filter(CatalogUnavailableException.class::isInstance))).expectNext(bob).verifyComplete();
			StepVerifier.create(catalog.get(EntityTypes.CUSTOMER, bob.id())).expectNext(bob).verifyComplete();
			StepVerifier.create(catalog.ping()).verifyComplete();
		}
		finally {
			catalog.close().block();
		}
	}

	private static Entity customer(String email) {
		return Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), Instant.now(),
				Map.of("name", "Someone", "email", email));
	}
}
