package io.catalogs.gateway.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns on the embedded default: when {@code catalogs.embedded.enabled} is true (by default: when
 * no {@code catalogs.instances} are configured) it starts the {@link EmbeddedStack} and defines the
 * catalogs {@code postgres} (primary), {@code mongo} and {@code redis} (secondaries) on it, the
 * control store ({@code catalogs.control-store.*}) on the embedded PostgreSQL, and, unless
 * {@code spring.kafka.bootstrap-servers} is configured, {@code spring.kafka.bootstrap-servers} on the
 * embedded Kafka broker. Their keys have the lowest precedence, so configuration can still add
 * catalogs or change a key.
 */
public class EmbeddedCatalogsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The property source holding the embedded catalogs' keys. */
	public static final String PROPERTY_SOURCE = "embeddedCatalogs";

	private static final String KAFKA_BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE) || !isEnabled(environment)) {
			return;
		}
		EmbeddedStack stack = EmbeddedStack.shared();
		Map<String, Object> keys = new LinkedHashMap<>();
		keys.put("catalogs.embedded.active", "true");
		keys.put("catalogs.instances.postgres.kind", "postgres");
		keys.put("catalogs.instances.postgres.role", "primary");
		keys.put("catalogs.instances.postgres.url", stack.postgresR2dbcUrl());
		keys.put("catalogs.instances.postgres.username", stack.postgresUser());
		keys.put("catalogs.instances.postgres.password", "");
		keys.put("catalogs.instances.mongo.kind", "mongo");
		keys.put("catalogs.instances.mongo.role", "secondary");
		keys.put("catalogs.instances.mongo.uri", stack.mongoUri());
		keys.put("catalogs.instances.redis.kind", "redis");
		keys.put("catalogs.instances.redis.role", "secondary");
		keys.put("catalogs.instances.redis.uri", stack.redisUri());
		keys.put("catalogs.control-store.url", stack.postgresR2dbcUrl());
		keys.put("catalogs.control-store.username", stack.postgresUser());
		keys.put("catalogs.control-store.password", "");
		if (!environment.containsProperty(KAFKA_BOOTSTRAP_SERVERS)) {
			keys.put(KAFKA_BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, keys));
	}

	private static boolean isEnabled(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		boolean configured = binder.bind("catalogs.instances", Bindable.mapOf(String.class, String.class))
			.map((instances) -> !instances.isEmpty())
			.orElse(false);
		return binder.bind("catalogs.embedded.enabled", Boolean.class).orElse(!configured);
	}
}
